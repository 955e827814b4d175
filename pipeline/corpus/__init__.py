"""Corpus mode: every document set of a manifest through all stages on a Dask cluster."""
