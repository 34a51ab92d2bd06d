"""Every label and message exists in Dutch and English, with the same placeholders."""

import string

import pytest

from klantpiramide.texts import LABELS, MESSAGES


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("catalogue", [LABELS, MESSAGES], ids=["labels", "messages"])
def test_translations_have_same_keys(catalogue):
    assert set(catalogue["nl"]) == set(catalogue["en"])


@pytest.mark.parametrize("catalogue", [LABELS, MESSAGES], ids=["labels", "messages"])
def test_translations_have_same_placeholders(catalogue):
    for key, dutch in catalogue["nl"].items():
        assert fields(dutch) == fields(catalogue["en"][key]), key
