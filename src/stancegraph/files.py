"""Writing files atomically: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path


def write_atomically(folder: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write every ``name -> content`` into ``folder``; all contents are staged before any replace.

    Each file is first written in full to a temporary file beside its destination and then
    renamed over it, so an interrupted build leaves the previous exports intact.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     [p.name for p in write_atomically(Path(tmp), {"a.txt": b"x"})]
    ['a.txt']
    """
    folder.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[str, Path]] = []
    try:
        for name, content in files.items():
            handle, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
            with os.fdopen(handle, "wb") as stream:
                stream.write(content)
                stream.flush()
                os.fsync(stream.fileno())
            staged.append((name, Path(temp_name)))
    except BaseException:
        for _, staged_path in staged:
            staged_path.unlink(missing_ok=True)
        raise
    written = []
    for name, staged_path in staged:
        destination = folder / name
        staged_path.chmod(0o644)
        staged_path.replace(destination)
        written.append(destination)
    return written
