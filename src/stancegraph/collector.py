"""Pausing Python's cyclic garbage collector while a writer allocates millions of objects.

The collector runs every few hundred allocations of container objects (dicts, tuples, lists,
XML elements) and, now and then, walks every object still alive: at 100k statements the corpus
alone is millions of them. Writing an export allocates millions more that die young and form no
cycles, so the walks find nothing; they were a quarter of the time of the RDF exports and a third
of GraphML's and GEXF's. Cycles made meanwhile are collected once the collector runs again.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the ``with`` block without the cyclic collector, then restore it as it was.

    >>> with collector_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
