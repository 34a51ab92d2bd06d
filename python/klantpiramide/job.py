"""The main job, shared by the command line and the Excel add-in.

``analyse`` reads two years and builds the migration; ``make_report`` also
writes the report workbook. Both take a ``Settings`` object, so that every
front end offers the same options with the same meaning.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from klantpiramide.analysis import DEFAULT_SPLIT, Migration, Split, bounds_from_euros, migrate
from klantpiramide.errors import SettingsError
from klantpiramide.reading import ColumnNames, ReadOptions, YearTable, read_inputs
from klantpiramide.texts import DEFAULT_LANGUAGE, check_language

logger = logging.getLogger("klantpiramide")


@dataclass(frozen=True)
class Settings:
    """The options of one report; the defaults are the standard Curry pyramid in Dutch."""

    split: Split = DEFAULT_SPLIT
    own_bounds: tuple[str, ...] | None = None
    per_year: bool = False
    years: tuple[int, int] | None = None
    columns: ColumnNames = field(default_factory=ColumnNames)
    reading: ReadOptions = field(default_factory=ReadOptions)
    language: str = DEFAULT_LANGUAGE
    currency: str = "EUR"
    template: Path | None = None

    def validate(self) -> None:
        """Raise SettingsError for combinations that make no sense."""
        check_language(self.language)
        if self.own_bounds is not None and self.per_year:
            raise SettingsError("rule_conflict")


@dataclass(frozen=True)
class Analysis:
    """The two clean years and their migration: all a report is made of."""

    base: YearTable
    next: YearTable
    migration: Migration
    settings: Settings
    inputs: tuple[Path, ...] = ()


def analyse_tables(base: YearTable, next_: YearTable, settings: Settings, inputs: tuple[Path, ...] = ()) -> Analysis:
    """Build the migration of two year tables that were already read."""
    settings.validate()
    own = bounds_from_euros(list(settings.own_bounds), settings.split) if settings.own_bounds else None
    migration = migrate(
        base.frame,
        next_.frame,
        base.year,
        next_.year,
        split=settings.split,
        own_bounds=own,
        per_year=settings.per_year,
    )
    return Analysis(base, next_, migration, settings, inputs)


def analyse(inputs: list[Path], settings: Settings) -> Analysis:
    """Read the input files and build the migration."""
    settings.validate()
    base, next_ = read_inputs(inputs, years=settings.years, names=settings.columns, options=settings.reading)
    return analyse_tables(base, next_, settings, tuple(inputs))


def make_report(inputs: list[Path], output: Path, settings: Settings) -> Analysis:
    """Read the inputs, build the migration and write the report workbook to ``output``."""
    from klantpiramide.report import write_report

    analysis = analyse(inputs, settings)
    write_report(analysis, output)
    logger.info("report written: %s (%d customers)", output, len(analysis.migration.customers))
    return analysis
