"""The name, rule and advice of every segment, in the report's language, for the Acties sheet and the call list."""

from __future__ import annotations

from decimal import Decimal

from klantpiramide.analysis.groups import has_groups
from klantpiramide.analysis.migration import Migration
from klantpiramide.analysis.segments import key_category_count, look_alike_thresholds, small_category_start
from klantpiramide.report.formats import CURRENCY_SYMBOLS
from klantpiramide.report.layout import format_share
from klantpiramide.texts import format_amount, label


class SegmentTexts:
    """Texts about the segments of one migration, in one language."""

    def __init__(self, migration: Migration, language: str, currency: str = "EUR") -> None:
        self.migration = migration
        self.language = language
        self.currency = currency

    def text(self, key: str, **params: object) -> str:
        """Return a label with the two years available as {base} and {next}."""
        return label(key, self.language, base=self.migration.base_year, next=self.migration.next_year, **params)

    def name(self, segment: str) -> str:
        """Return the segment's name, such as 'Dalers' or 'Kleine klanten (D en E)'."""
        if segment == "small":
            return self.text("seg_small", letters=self.small_letters())
        return self.text(f"seg_{segment}")

    def key_letters(self) -> str:
        """Return the letters of the key accounts' categories joined with '+', such as 'A+B'."""
        categories = self.migration.categories
        return "+".join(categories[: key_category_count(len(categories))])

    def small_letters(self) -> str:
        """Return the letters of the small customers' categories, such as 'D en E'."""
        categories = self.migration.categories
        return self._joined(categories[small_category_start(len(categories)):])

    def rule(self, segment: str) -> str:
        """Return who belongs to the segment, with the values the rule used."""
        categories = self.migration.categories
        if segment == "key_accounts":
            return self.text("who_key_accounts", letters=self._joined(categories[: key_category_count(len(categories))]))
        if segment == "small":
            return self.text("who_small", letters=self.small_letters())
        if segment == "new" and self.migration.has_won_back:
            return self.text("who_new_never")
        if segment == "look_alikes":
            thresholds = look_alike_thresholds(self.migration.customers)
            if thresholds.empty:
                return self.text("who_look_alikes_none")
            parts = [f"{categories[int(index)]}: {self.amount(cents)}" for index, cents in thresholds.items()]
            return self.text("who_look_alikes", thresholds="; ".join(parts))
        return self.text(f"who_{segment}")

    def advice(self, segment: str, revenue_share: float = 0.0) -> str:
        """Return the one line of advice; the key accounts' line names their ``revenue_share`` of the next year."""
        if segment == "key_accounts":
            return self.text("advice_key_accounts", share=format_share(revenue_share, self.language))
        if segment == "groups" and not has_groups(self.migration.customers):
            return self.text("advice_groups_missing")
        return self.text(f"advice_{segment}")

    def amount(self, cents: float) -> str:
        """Return an amount for running text, such as '€ 1.234,50'."""
        return f"{CURRENCY_SYMBOLS[self.currency]} {format_amount(Decimal(round(cents)).scaleb(-2), self.language)}"

    def _joined(self, letters: tuple[str, ...]) -> str:
        word = " en " if self.language == "nl" else " and "
        return letters[0] if len(letters) == 1 else ", ".join(letters[:-1]) + word + letters[-1]
