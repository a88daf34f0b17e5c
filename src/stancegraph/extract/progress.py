"""How a long extraction reports progress: a callback per article, inside a context."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext

Progress = Callable[[int], None]
"""Called with the number of articles just finished."""
ProgressFactory = Callable[[int], AbstractContextManager[Progress]]
"""Given the number of articles, a context in which to report each one done (a progress bar)."""


def no_progress(total: int) -> AbstractContextManager[Progress]:
    """A progress context that shows nothing.

    >>> with no_progress(3) as advance:
    ...     advance(1)
    """
    return nullcontext(lambda done: None)
