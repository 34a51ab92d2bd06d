"""User-facing errors of Klantpiramide.

Every problem a user can fix raises a subclass of ``KlantpiramideError``::

    KlantpiramideError        a problem the user can fix; never shown as a traceback
    ├── InputError            an input file, sheet, row or cell cannot be used
    ├── SettingsError         an option or setting is invalid
    └── ReportError           the report cannot be written or refreshed

The message is looked up in ``texts.MESSAGES`` by key, so that the front ends can
show it in Dutch (the default) or English. The location (file, sheet, row,
column) is kept apart from the message and printed in front of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from klantpiramide.texts import DEFAULT_LANGUAGE, location_text, message_text


@dataclass(frozen=True)
class Location:
    """The place in the user's input where a problem was found; every part is optional."""

    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None


class KlantpiramideError(Exception):
    """A problem the user can fix. ``render(language)`` gives the full message."""

    def __init__(self, key: str, location: Location | None = None, **params: object) -> None:
        self.key = key
        self.location = location or Location()
        self.params = params
        super().__init__(self.render(DEFAULT_LANGUAGE))

    def render(self, language: str = DEFAULT_LANGUAGE) -> str:
        """Return the message in ``language``, preceded by its location if known."""
        message = message_text(self.key, language, **self.params)
        where = location_text(self.location, language)
        return f"{where}: {message}" if where else message


class InputError(KlantpiramideError):
    """An input file, sheet, row or cell cannot be used as it is."""


class SettingsError(KlantpiramideError):
    """An option or setting has an invalid value."""


class ReportError(KlantpiramideError):
    """The report cannot be written, for example because the file is locked."""
