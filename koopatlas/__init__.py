"""Kooperationsatlas: press releases on inter-municipal cooperation → mapped database."""

__version__ = "0.1.0"
