"""SPARQL for analysts: the named query library, safe parameter binding, and results."""
