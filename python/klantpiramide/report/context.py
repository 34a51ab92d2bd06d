"""The shared state of the sheet writers: the analysis, the template, the language and formats."""

from __future__ import annotations

from dataclasses import dataclass, field

from openpyxl.cell.cell import Cell

from klantpiramide.analysis.pyramid import INACTIVE
from klantpiramide.job import Analysis
from klantpiramide.report.formats import currency_format, euros, write_text
from klantpiramide.report.template import Anchor, Template
from klantpiramide.report.texts_in_template import fill_template_text
from klantpiramide.report.streaming import StreamedTable
from klantpiramide.report.user_notes import Note
from klantpiramide.texts import LABELS, label


@dataclass
class ReportContext:
    """The state shared by the sheet writers of one report."""

    analysis: Analysis
    template: Template
    notes: dict[str, Note] = field(default_factory=dict)
    # Large reports stream their customer tables; see report/streaming.py.
    stream: bool = False
    streams: list[StreamedTable] = field(default_factory=list)

    @property
    def migration(self):
        return self.analysis.migration

    @property
    def language(self) -> str:
        return self.analysis.settings.language

    @property
    def years(self) -> dict[str, int]:
        return {"base": self.migration.base_year, "next": self.migration.next_year}

    def text(self, key: str, **params: object) -> str:
        """Return a label in the report's language, with the two years available as {base} and {next}."""
        return label(key, self.language, **{**self.years, **params})

    def row_labels(self) -> list[str]:
        won_back = [self.text("won_back")] if self.migration.has_won_back else []
        return [*self.migration.categories, self.text("new"), *won_back]

    def column_labels(self) -> list[str]:
        return [*self.migration.categories, self.text("lost")]

    def category_letter(self, index: int) -> str:
        return "" if index == INACTIVE else self.migration.categories[index]

    def movement_label(self, kind: str) -> str:
        return self.text(f"move_{kind}") if kind else self.text("move_none")

    # Writing cells with the template's styles

    def put(self, cell: Cell, value: object, kind: str | None = None) -> Cell:
        """Write a value (text stays text) and apply the template style ``kind``."""
        if kind is not None:
            self.template.style(cell, kind)
        if isinstance(value, str):
            write_text(cell, value)
        else:
            cell.value = value
        return cell

    def put_template_text(self, cell: Cell, key: str, **params: object) -> Cell:
        """Fill a fixed text of the template (a title, a legend line), keeping the template's style."""
        text = fill_template_text(cell.value, key, self.language, {**self.years, **params})
        return self.put(cell, text)

    def anchor_cell(self, purpose: str) -> Cell:
        """Return the cell of a template anchor ('title', 'legend', ...)."""
        anchor: Anchor = self.template.anchors[purpose]
        return anchor.sheet.cell(anchor.row, anchor.column)

    def put_amount(self, cell: Cell, cents: int, kind: str = "bedrag") -> Cell:
        """Write cents as a currency amount in the report's currency."""
        self.template.style(cell, kind)
        cell.value = euros(cents)
        cell.number_format = currency_format(cell.number_format, self.analysis.settings.currency)
        return cell
