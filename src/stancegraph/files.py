"""Writing files atomically: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import BinaryIO


class Staging:
    """Files written in full beside their destinations, then renamed over them together.

    Each file goes to a hidden temporary file in ``folder`` (so the rename cannot cross file
    systems); :meth:`commit` renames them all, and leaving the ``with`` block on an exception
    removes them, so an interrupted build leaves the previous files intact. Large exports are
    written through :meth:`open` as they are produced instead of being held in memory.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     with Staging(Path(tmp)) as staging:
    ...         with staging.open("a.txt") as stream:
    ...             _ = stream.write(b"x")
    ...         staging.write("b.txt", b"y")
    ...         written = staging.commit()
    ...     [p.name for p in written], sorted(p.name for p in Path(tmp).iterdir())
    (['a.txt', 'b.txt'], ['a.txt', 'b.txt'])
    """

    def __init__(self, folder: Path) -> None:
        self._created = not folder.exists()
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self._staged: dict[str, tuple[Path, BinaryIO]] = {}
        remove_stale_temporaries(folder)

    def open(self, name: str) -> BinaryIO:
        """A stream to write ``name`` into; it stays hidden until :meth:`commit`."""
        if name in self._staged:
            raise ValueError(f"{name} is staged twice")
        handle, temp_name = tempfile.mkstemp(dir=self.folder, prefix=f".{name}.", suffix=".tmp")
        stream = os.fdopen(handle, "wb")
        self._staged[name] = (Path(temp_name), stream)
        return stream

    def write(self, name: str, content: bytes) -> None:
        """Stage ``name`` with ``content`` as a whole."""
        with self.open(name) as stream:
            stream.write(content)

    def commit(self) -> list[Path]:
        """Flush every staged file to disk, then rename each over its destination."""
        for path, stream in self._staged.values():
            stream.close()  # a no-op for a stream its writer closed already
            # fsync through a new descriptor reaches the same file, whoever closed the first one.
            with path.open("rb") as reopened:
                os.fsync(reopened.fileno())
        written = []
        for name, (path, _) in self._staged.items():
            destination = self.folder / name
            path.chmod(0o644)
            path.replace(destination)
            written.append(destination)
        self._staged.clear()
        self._created = False  # the folder is the caller's now, even if it is empty
        return written

    def discard(self) -> None:
        """Remove every staged file that was not committed, and the folder if it made it."""
        for path, stream in self._staged.values():
            stream.close()
            path.unlink(missing_ok=True)
        if self._created:
            # A failed first build leaves no empty exports folder behind; rmdir only removes
            # a folder nothing else was written into meanwhile.
            with contextlib.suppress(OSError):
                self.folder.rmdir()
        self._staged.clear()

    def __enter__(self) -> Staging:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.discard()


STALE_AFTER_SECONDS = 3600
"""A temporary file untouched this long was left by a killed writer (a live one keeps writing)."""


def remove_stale_temporaries(folder: Path, *, now: float | None = None) -> list[Path]:
    """Remove the hidden ``.NAME.XXXX.tmp`` files a killed writer left in ``folder``.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     left = Path(tmp) / ".stancegraph.ttl.abc123.tmp"
    ...     _ = left.write_bytes(b"half")
    ...     kept = remove_stale_temporaries(Path(tmp)) == []
    ...     [p.name for p in remove_stale_temporaries(Path(tmp), now=time.time() + 7200)], kept
    (['.stancegraph.ttl.abc123.tmp'], True)
    """
    limit = (time.time() if now is None else now) - STALE_AFTER_SECONDS
    removed = []
    for path in folder.glob(".*.tmp"):
        with contextlib.suppress(OSError):
            if path.is_file() and path.stat().st_mtime < limit:
                path.unlink()
                removed.append(path)
    return removed


def write_atomically(folder: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write every ``name -> content`` into ``folder``; all contents are staged before any replace.

    Each file is first written in full to a temporary file beside its destination and then
    renamed over it, so an interrupted build leaves the previous exports intact.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     [p.name for p in write_atomically(Path(tmp), {"a.txt": b"x"})]
    ['a.txt']
    """
    with Staging(folder) as staging:
        for name, content in files.items():
            staging.write(name, content)
        return staging.commit()
