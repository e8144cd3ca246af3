"""Shared pieces of the Plotly charts: German number format, no English tool bar, the year axis."""

from __future__ import annotations

import pandas as pd
import streamlit as st

#: Plotly's number separators for German: decimal comma, thousands dot.
SEPARATORS = ",."

#: Every chart: no Plotly tool bar (its tooltips are English and its buttons are not needed for
#: bar charts; the data are in the downloads), no logo.
CHART_CONFIG = {"displaylogo": False, "displayModeBar": False}

UNDATED = "ohne Jahr"


def year_buckets(frame: pd.DataFrame, count: str, by: str | None = None,
                 by_order: list[str] | None = None) -> tuple[pd.DataFrame, list[str]]:
    """Counts per year as categories for a bar chart: years without events are 0, not a gap,
    and events without a year get their own bar „ohne Jahr“ at the end instead of vanishing.

    ``frame`` has a ``year`` column (NaN/None for undated rows), the count column and optionally
    a grouping column ``by``. Returns the long frame (``Jahr`` as text) and the category order.
    """
    years = pd.to_numeric(frame["year"], errors="coerce")
    dated = years.dropna().astype(int)
    order = [str(y) for y in range(dated.min(), dated.max() + 1)] if len(dated) else []
    if years.isna().any():
        order.append(UNDATED)
    labelled = frame.assign(Jahr=[UNDATED if pd.isna(y) else str(int(y)) for y in years])
    if by is None:
        sums = labelled.groupby("Jahr")[count].sum().reindex(order, fill_value=0)
        return sums.rename_axis("Jahr").reset_index(), order
    groups = by_order if by_order is not None else list(dict.fromkeys(labelled[by]))
    wide = (labelled.pivot_table(index="Jahr", columns=by, values=count, aggfunc="sum")
            .reindex(index=order, columns=groups).fillna(0).astype(int))
    long = wide.rename_axis("Jahr").reset_index().melt(id_vars="Jahr", var_name=by, value_name=count)
    return long, order


#: Bar colours: dated years blue, the „ohne Jahr“ bar grey, so it reads as a different kind of bar.
YEAR_COLOURS = {"mit Jahr": "#1f5fa8", UNDATED: "#9aa3ad"}

#: One colour per Land (AGS 01–16), the same under every filter: a colour cycle would give a Land
#: another colour whenever the Länder on screen change, and repeats after ten.
LAND_COLOURS = dict(zip(
    [f"{n:02d}" for n in range(1, 17)],
    ["#1f77b4", "#aec7e8", "#ff7f0e", "#8c564b", "#2ca02c", "#98df8a", "#d62728", "#ff9896",
     "#17becf", "#9467bd", "#c5b0d5", "#e377c2", "#7f7f7f", "#bcbd22", "#393b79", "#e7ba52"],
    strict=True,
))


def dated_or_not(frame: pd.DataFrame) -> pd.Series:
    """The colour key of each ``year_buckets`` row („mit Jahr“ / „ohne Jahr“)."""
    return frame["Jahr"].where(frame["Jahr"] == UNDATED, "mit Jahr")


def year_ticks(order: list[str], most: int = 8) -> dict:
    """Axis ticks for ``year_buckets``' categories: every n-th year, and always „ohne Jahr“."""
    years = [y for y in order if y != UNDATED]
    step = max(1, -(-len(years) // most))
    shown = years[::step] + ([UNDATED] if UNDATED in order else [])
    return {"type": "category", "tickmode": "array", "tickvals": shown, "ticktext": shown}


def integer_dtick(maximum: float, ticks: int = 5) -> int:
    """A whole-number tick step, so a count axis never shows 0,5 events."""
    return max(1, -(-int(maximum) // ticks))


def table(data: pd.DataFrame, **kwargs):
    """``st.dataframe`` with „–“ in empty cells: Streamlit writes „None“ there by default."""
    return st.dataframe(data, placeholder="–", **kwargs)
