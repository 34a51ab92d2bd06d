"""The main job, shared by the command line and the Excel add-in.

``analyse`` reads two years and builds the migration. ``analyse_all`` reads
two or more years and builds the migration of every consecutive pair, and
``make_report`` also writes the report workbook. They take a ``Settings``
object, so that every front end offers the same options with the same meaning.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from klantpiramide.analysis import DEFAULT_SPLIT, Migration, Split, bounds_from_euros, migrate
from klantpiramide.errors import SettingsError
from klantpiramide.progress import Progress, no_progress
from klantpiramide.reading import ColumnNames, ReadOptions, YearTable, read_inputs, read_years
from klantpiramide.texts import DEFAULT_LANGUAGE, check_language

logger = logging.getLogger("klantpiramide")


@dataclass(frozen=True)
class Settings:
    """The options of one report; the defaults are the standard Curry pyramid in Dutch."""

    split: Split = DEFAULT_SPLIT
    own_bounds: tuple[str, ...] | None = None
    per_year: bool = False
    years: tuple[int, ...] | None = None
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
    """The two clean years and their migration: all a report is made of.

    With three or more years, ``base`` and ``next`` are the last two years,
    ``earlier`` contains the years before them and ``history`` the migrations of
    the earlier consecutive pairs, the earliest first.
    """

    base: YearTable
    next: YearTable
    migration: Migration
    settings: Settings
    inputs: tuple[Path, ...] = ()
    earlier: tuple[YearTable, ...] = ()
    history: tuple[Migration, ...] = ()

    @property
    def years(self) -> tuple[YearTable, ...]:
        """Return every year of the analysis, the earliest first."""
        return (*self.earlier, self.base, self.next)

    @property
    def migrations(self) -> tuple[Migration, ...]:
        """Return the migration of every consecutive pair of years, the earliest first."""
        return (*self.history, self.migration)


def analyse_tables(base: YearTable, next_: YearTable, settings: Settings, inputs: tuple[Path, ...] = ()) -> Analysis:
    """Build the migration of two year tables that were already read."""
    settings.validate()
    return Analysis(base, next_, _migrate_pair(base, next_, settings), settings, inputs)


def analyse_years(tables: list[YearTable], settings: Settings, inputs: tuple[Path, ...] = ()) -> Analysis:
    """Build the migration of every consecutive pair of two or more year tables, each with its base year's bounds.

    A pair after the first gets the row of won-back customers: customers new
    in the pair who were active in a year before its base year.
    """
    if len(tables) == 2:
        return analyse_tables(tables[0], tables[1], settings, inputs)
    settings.validate()
    migrations = []
    active_before = pd.Index([], dtype=object)
    for position, (base, next_) in enumerate(zip(tables, tables[1:])):
        earlier_active = active_before if position > 0 else None
        migrations.append(_migrate_pair(base, next_, settings, earlier_active))
        active_before = active_before.union(pd.Index(base.frame.loc[base.frame["revenue"] > 0, "key"]))
    return Analysis(tables[-2], tables[-1], migrations[-1], settings, inputs, tuple(tables[:-2]), tuple(migrations[:-1]))


def _migrate_pair(base: YearTable, next_: YearTable, settings: Settings, earlier_active: pd.Index | None = None) -> Migration:
    own = bounds_from_euros(list(settings.own_bounds), settings.split) if settings.own_bounds else None
    return migrate(
        base.frame,
        next_.frame,
        base.year,
        next_.year,
        split=settings.split,
        own_bounds=own,
        per_year=settings.per_year,
        earlier_active=earlier_active,
    )


def analyse(inputs: list[Path], settings: Settings) -> Analysis:
    """Read the input files and build the migration."""
    settings.validate()
    base, next_ = read_inputs(inputs, years=settings.years, names=settings.columns, options=settings.reading)
    return analyse_tables(base, next_, settings, tuple(inputs))


def analyse_all(inputs: list[Path], settings: Settings, progress: Progress = no_progress) -> Analysis:
    """Read two or more years from the input files and build the migration of every consecutive pair."""
    settings.validate()
    progress("progress_reading")
    tables = read_years(inputs, years=settings.years, names=settings.columns, options=settings.reading)
    progress("progress_classifying")
    return analyse_years(tables, settings, tuple(inputs))


def make_report(inputs: list[Path], output: Path, settings: Settings, progress: Progress = no_progress) -> Analysis:
    """Read the inputs, build the migration of every pair of years and write the report workbook to ``output``."""
    from klantpiramide.report import write_report

    analysis = analyse_all(inputs, settings, progress)
    write_report(analysis, output, progress=progress)
    logger.info("report written: %s (%d customers)", output, len(analysis.migration.customers))
    return analysis
