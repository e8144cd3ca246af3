"""Kooperationsatlas – entry point: the navigation. Each page renders the shared sidebar
(koopatlas.web.filters.sidebar: set-up, header, page links, filters, attribution), so a page
works the same when opened directly and keeps the filters when the user switches pages.

`streamlit run app.py` imports this file once as a module and serves ``app``: Streamlit with the
download routes beside it (koopatlas.web.downloads). Each session then runs it as the script
(``__main__``), which declares the navigation.
"""

import streamlit as st

if __name__ != "__main__":
    from koopatlas.web.downloads import ROUTES

    app = st.App(__file__, routes=ROUTES)
else:
    from koopatlas.web.filters import PAGE_CONFIG

    st.set_page_config(**PAGE_CONFIG)
    PAGES = {
        "karte": st.Page("pages/home.py", title="Karte", icon=":material/map:", default=True),
        "netzwerk": st.Page("pages/netzwerk.py", title="Netzwerk", icon=":material/hub:", url_path="netzwerk"),
        "themen": st.Page("pages/themen.py", title="Themen", icon=":material/sell:", url_path="themen"),
        "ereignisse": st.Page("pages/ereignisse.py", title="Ereignisse", icon=":material/article:", url_path="ereignisse"),
        "region": st.Page("pages/region.py", title="Region", icon=":material/location_on:", url_path="region"),
        "vergleich": st.Page("pages/vergleich.py", title="Vergleich", icon=":material/compare_arrows:",
                             url_path="vergleich"),
        "beitragen": st.Page("pages/beitragen.py", title="Beitragen", icon=":material/edit_note:", url_path="beitragen"),
        "protokoll": st.Page("pages/protokoll.py", title="Änderungsprotokoll", icon=":material/history:",
                             url_path="protokoll"),
    }
    st.navigation(list(PAGES.values())).run()  # listed in the sidebar by filters.sidebar()
