"""Running one benchmark job in a process of its own, stopped at a time limit.

A process per job makes its peak memory (max RSS) its own, and lets a job that takes too long
(rdflib at 100k statements) be stopped while the others still run.
"""

from __future__ import annotations

import multiprocessing as mp
import queue
import time
from collections.abc import Callable, Iterator
from typing import Any

Put = Callable[[tuple[Any, ...]], None]


class StoppedError(Exception):
    """The job was still running at its time limit and has been killed."""


_DONE = ("done",)


def run_isolated(job: Callable[[Put], None], limit: float) -> Iterator[tuple[Any, ...]]:
    """Run ``job(put)`` in a forked process and yield each tuple it puts, as it puts it.

    Raises StoppedError once ``limit`` seconds have passed and the job has been killed.
    """
    context = mp.get_context("fork")
    results: mp.Queue[tuple[Any, ...]] = context.Queue()

    def target() -> None:
        job(results.put)
        results.put(_DONE)

    process = context.Process(target=target)
    process.start()
    deadline = time.monotonic() + limit
    try:
        while True:
            try:
                item = results.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                if time.monotonic() >= deadline:
                    process.kill()
                    raise StoppedError from None
                continue
            if item == _DONE:
                return
            yield item
    finally:
        process.join()
