"""Fixed texts that live in the template, such as titles, the legend and the explanation.

The default template contains the Dutch labels, with Dutch placeholders such as
``{basisjaar}``. When a template cell still contains that default text, the report
writes the label in the report's language. When the user rewrote it, the
user's text stays, with its placeholders filled in.
"""

from __future__ import annotations

import re

from klantpiramide.texts import LABELS

# Placeholder names in labels, and their Dutch names as a template author writes them.
DUTCH_PLACEHOLDERS = {
    "base": "basisjaar",
    "next": "volgjaar",
    "row": "rij",
    "column": "kolom",
    "count": "aantal",
}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def template_text(key: str) -> str:
    """Return the Dutch label ``key`` as the default template contains it, with Dutch placeholders."""
    return _PLACEHOLDER.sub(lambda match: "{" + DUTCH_PLACEHOLDERS.get(match[1], match[1]) + "}", LABELS["nl"][key])


def fill_template_text(current: object, key: str, language: str, values: dict[str, object]) -> str:
    """Return the text for a template cell: the label in ``language``, or the user's own text filled in."""
    if not isinstance(current, str) or not current.strip() or current == template_text(key):
        return LABELS[language][key].format(**values)

    named = {**values, **{DUTCH_PLACEHOLDERS[name]: value for name, value in values.items() if name in DUTCH_PLACEHOLDERS}}
    # Unknown placeholders stay as they are, so a stray brace in the user's text does no harm.
    return _PLACEHOLDER.sub(lambda match: str(named.get(match[1], match[0])), current)
