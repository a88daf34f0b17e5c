"""The command line lists its choices without importing the library; they must be the library's."""

from __future__ import annotations

import subprocess
import sys

from stancegraph import cli_choices
from stancegraph.analysis.levels import Level, PropositionLevel
from stancegraph.analysis.networks import NETWORKS
from stancegraph.analysis.onemode import Normalisation
from stancegraph.diagrams import DIAGRAMS, IMAGE_FORMATS
from stancegraph.extract.nlp import ENV_VAR
from stancegraph.formats import EXPORT_FORMATS
from stancegraph.iris import DEFAULT_BASE
from stancegraph.sparql.results import RESULT_FORMATS
from stancegraph.stores.opening import DEFAULT_STORE, STORE_CHOICES
from stancegraph.stores.servers import SERVER_KINDS


def test_the_choices_are_the_librarys() -> None:
    assert sorted(cli_choices.NETWORKS) == sorted(NETWORKS)
    assert sorted(cli_choices.EXPORT_FORMATS) == sorted(EXPORT_FORMATS)
    assert tuple(n.value for n in Normalisation) == cli_choices.NORMALISATIONS
    assert tuple(DIAGRAMS) == cli_choices.DIAGRAMS
    assert tuple(IMAGE_FORMATS) == cli_choices.IMAGE_FORMATS
    assert tuple(RESULT_FORMATS) == cli_choices.RESULT_FORMATS
    assert (cli_choices.DEFAULT_STORE, cli_choices.STORE_CHOICES) == (DEFAULT_STORE, STORE_CHOICES)
    assert cli_choices.DEFAULT_BASE == DEFAULT_BASE
    assert tuple(SERVER_KINDS) == cli_choices.SERVER_KINDS
    assert tuple(level.value for level in Level) == cli_choices.LEVELS
    assert tuple(level.value for level in PropositionLevel) == cli_choices.PROPOSITION_LEVELS
    assert cli_choices.MODEL_ENV_VAR == ENV_VAR


def test_help_imports_no_heavy_library() -> None:
    script = (
        "import sys\n"
        "from stancegraph.cli import main\n"
        "try:\n"
        "    main(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = {'spacy', 'rdflib', 'networkx', 'matplotlib', 'pyoxigraph', 'pandas'}\n"
        "print(sorted(heavy & {m.split('.')[0] for m in sys.modules}))\n"
    )
    command = [sys.executable, "-c", script]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "[]"
