"""``stancegraph init``: an empty corpus folder with the documented layout, ready to build.

Examples:
    >>> import tempfile
    >>> from stancegraph.loading import load
    >>> folder = Path(tempfile.mkdtemp()) / "my-corpus"
    >>> sorted(p.name for p in init_corpus(folder))
    ['README.md', 'actors.yaml', 'articles', 'coding', 'events.yaml', 'propositions.yaml']
    >>> len(load(folder).articles)
    0

"""

from __future__ import annotations

from pathlib import Path

from stancegraph.errors import InputError

ACTORS = """\
# Actors of this corpus. The gazetteer shipped with stancegraph already knows every state (names,
# demonyms, ISO codes, capitals as metonyms) and the main international organisations; list here
# the people, governments and groups your texts name, or an entry that overrides the gazetteer's.
#
#   - id: jane-doe                   # lower case, digits and hyphens
#     kind: person       # person | state | organisation | coalition | group | government-body
#     name: Jane Doe
#     aliases: [Doe]
#     roles:
#       - {title: Foreign Minister, of: ruritania, start: 2024-01-15}
actors: []
"""

PROPOSITIONS = """\
# What actors take positions on. `keywords` are words that signal the proposition in a text;
# `broader` points at a more general proposition.
#
#   - id: ceasefire
#     label: Ceasefire
#     keywords: [ceasefire, truce, cessation of hostilities]
propositions: []
"""

EVENTS = """\
# Summits, meetings and talks: a date and the actors known to take part.
#
#   - id: peace-talks-2024-05-02
#     label: Peace talks
#     date: 2024-05-02
#     participants: [ruritania, borduria]
events: []
"""

README = """\
# {name}

A stancegraph corpus (made by `stancegraph init`).

- `articles/ID.txt`: one text each, YAML front matter then the body exactly as published:

  ```
  ---
  title: Foreign Minister's statement on the talks
  published: 2024-05-02
  speaker: jane-doe        # whose "I" it is (or issuers: [ruritania] for a "we")
  url: https://example.org/statement
  ---
  We welcome the start of the talks ...
  ```

- `actors.yaml`, `propositions.yaml`, `events.yaml`: the registry (commented examples inside).
- `coding/ID.yaml`: statements coded or reviewed by a person (`stancegraph review ID` writes them).

Then:

    stancegraph build {name} --out exports     # extract, merge, write every export
    stancegraph review ID --graph {name}       # confirm, correct or reject what was found
    stancegraph query positions --graph {name}
"""


def init_corpus(folder: Path | str) -> list[Path]:
    """Make ``folder`` an empty corpus; the paths made are returned, in name order.

    Raises:
        InputError: ``folder`` exists and is not empty (nothing is overwritten).

    """
    root = Path(folder)
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise InputError(root, "", "exists and is not empty: init makes a new corpus folder")
    try:
        root.mkdir(parents=True, exist_ok=True)
        (root / "articles").mkdir()
        (root / "coding").mkdir()
        for name, text in (
            ("actors.yaml", ACTORS),
            ("propositions.yaml", PROPOSITIONS),
            ("events.yaml", EVENTS),
            ("README.md", README.format(name=root.name)),
        ):
            (root / name).write_text(text, encoding="utf-8")
    except OSError as error:
        raise InputError(root, "", f"cannot make the corpus folder: {error.strerror}") from None
    return sorted(root.iterdir())
