"""The open-data API (``/api/v1/``): read-only, public data only.

Top-level wiring: it reads from gemeenten, selectie and kennisbank; none of those apps imports it.
"""
