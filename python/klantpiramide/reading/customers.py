"""Customer numbers and names: the text shown, the key that matches, the name that compares.

A customer number is text and is never read as an amount: '1.234' stays
'1.234'. A number made only of digits is matched by its value, so the number
cell 123 (shown as 00123 by its format) and the text '00123' are one customer
with the key '123'. Other numbers match on their text after trimming spaces,
with case kept ('AB-1' and 'ab-1' are two customers).

Names are compared without case, punctuation, spaces and a leading or
trailing legal form, so
'Jansen BV ' and 'JANSEN B.V.' count as the same name.
"""

from __future__ import annotations

import datetime as dt
import re

_LEGAL_FORMS = {
    "bv", "nv", "vof", "cv", "bvba", "sprl", "eenmanszaak", "gmbh", "ag", "ltd", "llc", "inc", "plc", "sa", "sarl",
}
# '&' is punctuation above, so 'Jansen & Zn' and 'Jansen en Zn' compare equal.
_CONJUNCTIONS = {"en", "and"}
_PUNCTUATION = re.compile(r"[.,'\"()&/\\-]+")
_SINGLE_LETTERS = re.compile(r"\b(?:[a-z] )+[a-z]\b")


def cell_text(value: object) -> str:
    """Return a cell as text for a customer number or name: whole numbers without '.0', dates as dd-mm-yyyy."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%d-%m-%Y")
    return str(value).strip()


def customer_key(text: str) -> str:
    """Return the matching key of a customer number: the value for digit-only numbers, else the text."""
    if text.isascii() and text.isdigit():
        return text.lstrip("0") or "0"
    return text


def comparable_name(name: str) -> str:
    """Return a name in the form used to compare names: lower case, no punctuation or legal form."""
    text = " ".join(_PUNCTUATION.sub(" ", name.casefold()).split())
    # 'b v' (from 'B. V.') becomes 'bv' before the legal forms are dropped.
    text = _SINGLE_LETTERS.sub(lambda match: match.group(0).replace(" ", ""), text)
    words = [word for word in text.split() if word not in _CONJUNCTIONS]
    # A legal form is at the start or the end ('BV Jansen', 'Jansen B.V.'), never in between.
    while words and words[-1] in _LEGAL_FORMS:
        words.pop()
    while words and words[0] in _LEGAL_FORMS:
        words.pop(0)
    return " ".join(words)
