"""Helpers shared by the Streamlit pages: data access and figures."""
