"""Dutch texts for argparse's own messages and help headings.

argparse looks up its texts through gettext at the moment it needs them, and
Python ships no Dutch catalogue for it. ``dutch_argparse()`` swaps in these
translations while the command line parses its arguments, and restores the
originals afterwards, so other users of argparse in the same process are not
affected.
"""

from __future__ import annotations

import argparse
from contextlib import contextmanager
from typing import Iterator

# Keys are argparse's message ids in Python 3.10 to 3.13; an id not listed stays English.
TRANSLATIONS = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "optional arguments": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "expected one argument": "verwacht één waarde",
    "expected at most one argument": "verwacht hooguit één waarde",
    "expected at least one argument": "verwacht minstens één waarde",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "ambiguous option: %(option)s could match %(matches)s": "dubbelzinnige optie: %(option)s kan %(matches)s zijn",
    "not allowed with argument %s": "niet toegestaan samen met %s",
    "one of the arguments %s is required": "een van de argumenten %s is nodig",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
}
PLURALS = {
    ("expected %s argument", "expected %s arguments"): ("verwacht %s waarde", "verwacht %s waarden"),
}


def _translate(message: str) -> str:
    return TRANSLATIONS.get(message, message)


def _translate_plural(singular: str, plural: str, count: int) -> str:
    dutch = PLURALS.get((singular, plural), (singular, plural))
    return dutch[0] if count == 1 else dutch[1]


@contextmanager
def dutch_argparse() -> Iterator[None]:
    """Let argparse speak Dutch inside the ``with`` block."""
    original = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = _translate, _translate_plural
    try:
        yield
    finally:
        argparse._, argparse.ngettext = original
