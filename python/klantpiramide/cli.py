"""The command line: parse the options, call one job function, print the result.

Every user error ends as a Dutch (or, with --taal en, English) sentence on
stderr and exit code 1; the command line never shows a traceback for them.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from klantpiramide import __version__
from klantpiramide.argparse_dutch import dutch_argparse
from klantpiramide.analysis import DEFAULT_SPLIT, parse_split
from klantpiramide.errors import KlantpiramideError
from klantpiramide.reading import ColumnNames, ColumnPositions, ReadOptions, parse_column_positions, parse_month
from klantpiramide.terminal_progress import terminal_progress
from klantpiramide.texts import DEFAULT_LANGUAGE, LANGUAGES

EXIT_USER_ERROR = 1
EXIT_UNEXPECTED = 3

logger = logging.getLogger("klantpiramide")


class DutchArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors end with a Dutch pointer to --help."""

    def error(self, message: str) -> None:  # noqa: D102 - argparse API
        self.print_usage(sys.stderr)
        self.exit(2, f"Fout in de opdracht: {message}\nZie '{self.prog} --help' voor de mogelijkheden.\n")


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of every subcommand, with Dutch help texts."""
    parser = DutchArgumentParser(
        prog="klantpiramide",
        description="Klantpiramide en migratiematrix: vergelijk de omzet per klant van twee jaren.",
    )
    parser.add_argument("--versie", action="version", version=f"klantpiramide {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="OPDRACHT", parser_class=DutchArgumentParser)
    commands.required = True

    report = commands.add_parser(
        "rapport",
        help="maak het migratierapport (.xlsx)",
        description="Maak het migratierapport. Voorbeeld: klantpiramide rapport omzet.xlsx -o rapport.xlsx",
    )
    _add_input_options(report)
    report.add_argument("-o", "--uitvoer", type=Path, required=True, metavar="RAPPORT.xlsx", help="het rapport dat gemaakt wordt")
    report.add_argument("--sjabloon", type=Path, metavar="SJABLOON.xlsx", help="eigen rapportsjabloon (standaard: templates/migratierapport.xlsx)")
    report.add_argument("--stil", action="store_true", help="toon geen voortgang tijdens het werk")
    report.set_defaults(handler=_run_report)

    matrix = commands.add_parser(
        "matrix",
        help="druk de migratiematrix af (tekst of JSON)",
        description="Druk de migratiematrix af. Voorbeeld: klantpiramide matrix omzet.xlsx --json",
    )
    _add_input_options(matrix)
    matrix.add_argument("--json", action="store_true", help="uitvoer als JSON, voor scripts")
    matrix.set_defaults(handler=_run_matrix)

    refresh = commands.add_parser(
        "vernieuw",
        help="maak een rapport opnieuw met dezelfde invoer en instellingen",
        description=(
            "Maak een rapport opnieuw vanuit de invoerbestanden en instellingen die erin staan. "
            "Notities in de kolommen Actie / Opmerking en Eigenaar blijven bewaard; "
            "de vorige versie blijft staan als RAPPORT.vorige.xlsx. Voorbeeld: klantpiramide vernieuw rapport.xlsx"
        ),
    )
    refresh.add_argument("rapport", type=Path, metavar="RAPPORT.xlsx", help="het rapport dat opnieuw gemaakt wordt")
    refresh.add_argument("--stil", action="store_true", help="toon geen voortgang tijdens het werk")
    refresh.set_defaults(handler=_run_refresh)

    call_list = commands.add_parser(
        "bellijst",
        help="exporteer de klanten om te bellen (.xlsx of .csv, voor een CRM)",
        description=(
            "Exporteer een bellijst uit een rapport: één rij per klant om te benaderen, met segment, advies, "
            "omzet en eigenaar. De klanten komen uit de invoer van het rapport, zoals bij vernieuwen; "
            "de eigenaar uit de kolom Eigenaar van het rapport. Voorbeeld: klantpiramide bellijst rapport.xlsx -o bellijst.csv"
        ),
    )
    call_list.add_argument("rapport", type=Path, metavar="RAPPORT.xlsx", help="het rapport met de klanten en eigenaren")
    call_list.add_argument("-o", "--uitvoer", type=Path, required=True, metavar="BELLIJST", help="de bellijst die gemaakt wordt: .xlsx, of .csv voor een CRM")
    call_list.add_argument(
        "--segmenten",
        metavar="NAMEN",
        help="segmenten om te bellen, met komma's, het dringendste eerst (standaard: dalers,verloren,stijgers,nieuw,teruggewonnen,keyaccounts,lijkenopgroeiers; ook: klein)",
    )
    call_list.add_argument("--taal", choices=LANGUAGES, default=None, help="taal van de bellijst: nl of en (standaard: die van het rapport)")
    call_list.set_defaults(handler=_run_call_list)

    demo = commands.add_parser(
        "demo",
        help="maak een voorbeeldrapport met verzonnen klanten",
        description="Maak klantpiramide-demo.xlsx: een voorbeeldrapport over ongeveer 1.700 verzonnen klanten.",
    )
    demo.add_argument("-o", "--uitvoer", type=Path, default=Path("klantpiramide-demo.xlsx"), metavar="RAPPORT.xlsx", help="naam van het rapport (standaard: klantpiramide-demo.xlsx)")
    demo.add_argument("--invoer", type=Path, metavar="INVOER.xlsx", help="bewaar ook de verzonnen invoer als werkmap")
    demo.add_argument("--taal", choices=LANGUAGES, default=DEFAULT_LANGUAGE, help="taal van het rapport: nl (standaard) of en")
    demo.set_defaults(handler=_run_demo)

    addin = commands.add_parser(
        "addin",
        help="installeer of verwijder de Excel-invoegtoepassing",
        description="Installeer de Excel-invoegtoepassing in de opstartmap van Excel, of verwijder hem.",
    )
    addin.add_argument("actie", choices=("install", "uninstall"), help="install of uninstall")
    addin.set_defaults(handler=_run_addin)
    return parser


def _add_input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("invoer", nargs="+", type=Path, metavar="INVOER", help="één werkmap met twee jaarbladen, twee bestanden (.xlsx of .csv) met één jaar elk, of een transactielijst met een datum per factuur; rapport neemt ook drie of meer jaren")
    # Exactly two values, so that --jaren may also stand before the input files.
    parser.add_argument("--jaren", nargs=2, type=int, metavar=("BASISJAAR", "VOLGEND_JAAR"), help="de twee jaren, als ze niet uit de blad- of bestandsnamen blijken")
    parser.add_argument("--klantkolom", metavar="KOP", help="kop van de kolom met het klantnummer")
    parser.add_argument("--naamkolom", metavar="KOP", help="kop van de kolom met de klantnaam")
    parser.add_argument("--omzetkolom", metavar="KOP", help="kop van de kolom met de omzet")
    parser.add_argument("--datumkolom", metavar="KOP", help="kop van de kolom met de factuurdatum, voor een transactielijst")
    parser.add_argument("--kolommen", metavar="ROL=KOLOM,...", help="kolommen op volgorde, voor een bestand zonder kopregel, bijvoorbeeld klant=2,datum=3,bedrag=5 (1 is de eerste kolom; rollen: klant, naam, bedrag, datum)")
    parser.add_argument("--boekjaar-start", metavar="MAAND", help="maand waarin het boekjaar begint (1-12 of een naam, standaard 1); een boekjaar heet naar het jaar waarin het begint")
    parser.add_argument("--verdeling", default=None, metavar="PERCENTAGES", help="procent klanten per categorie, samen 100 (standaard 1,4,15,25,55; 1,4,15,80 voor A-D)")
    parser.add_argument("--grenzen", nargs="+", metavar="BEDRAG", help="eigen ondergrenzen voor A, B, C en D in de valuta van de bedragen, van hoog naar laag")
    parser.add_argument("--per-jaar", action="store_true", help="deel elk jaar apart in, in plaats van met de grenzen van het basisjaar")
    parser.add_argument("--taal", choices=LANGUAGES, default=DEFAULT_LANGUAGE, help="taal van rapport en meldingen: nl (standaard) of en")
    parser.add_argument("--valuta", default="EUR", metavar="CODE", help="valuta van de bedragen: EUR (standaard), USD, GBP of CHF")


def settings_from_arguments(arguments: argparse.Namespace):
    """Turn the parsed options into job Settings; raise SettingsError for invalid values."""
    from klantpiramide.job import Settings
    from klantpiramide.report.formats import check_currency

    split = parse_split(arguments.verdeling) if arguments.verdeling else DEFAULT_SPLIT
    return Settings(
        split=split,
        own_bounds=tuple(arguments.grenzen) if arguments.grenzen else None,
        per_year=arguments.per_jaar,
        years=tuple(arguments.jaren) if arguments.jaren else None,
        columns=ColumnNames(arguments.klantkolom, arguments.naamkolom, arguments.omzetkolom, arguments.datumkolom),
        reading=_read_options(arguments),
        language=arguments.taal,
        currency=check_currency(arguments.valuta),
        template=getattr(arguments, "sjabloon", None),
    )


def _read_options(arguments: argparse.Namespace) -> ReadOptions:
    positions = parse_column_positions(arguments.kolommen) if arguments.kolommen else ColumnPositions()
    start = parse_month(arguments.boekjaar_start) if arguments.boekjaar_start else 1
    return ReadOptions(positions=positions, fiscal_year_start=start)


def _run_report(arguments: argparse.Namespace) -> int:
    from klantpiramide.job import make_report
    from klantpiramide.report.saving import backup_path

    settings = settings_from_arguments(arguments)
    existed = arguments.uitvoer.exists()
    with terminal_progress(settings.language, arguments.stil) as progress:
        analysis = make_report(list(arguments.invoer), arguments.uitvoer, settings, progress)
    migration = analysis.migration
    print(f"Rapport gemaakt: {arguments.uitvoer} ({migration.base_year} → {migration.next_year}, {_count(len(migration.placed))} klanten in de matrix)")
    if existed:
        print(f"Vorige versie bewaard als {backup_path(arguments.uitvoer)}")
    return 0


def _count(number: int) -> str:
    """Return a count with a Dutch thousands separator: 2.349."""
    return f"{number:,}".replace(",", ".")


def _run_refresh(arguments: argparse.Namespace) -> int:
    from klantpiramide.report.refresh import refresh_report

    with terminal_progress(DEFAULT_LANGUAGE, arguments.stil) as progress:
        analysis = refresh_report(arguments.rapport, progress=progress)
    migration = analysis.migration
    print(f"Rapport vernieuwd: {arguments.rapport} ({migration.base_year} → {migration.next_year}, {_count(len(migration.placed))} klanten in de matrix)")
    return 0


def _run_call_list(arguments: argparse.Namespace) -> int:
    from klantpiramide.analysis.segments import CALL_ORDER
    from klantpiramide.report.call_list import export_call_list, parse_segments

    segments = parse_segments(arguments.segmenten) if arguments.segmenten else CALL_ORDER
    result = export_call_list(arguments.rapport, arguments.uitvoer, segments=segments, language=arguments.taal)
    print(f"Bellijst gemaakt: {arguments.uitvoer} ({result.customers} klanten)")
    return 0


def _run_matrix(arguments: argparse.Namespace) -> int:
    from klantpiramide.job import analyse
    from klantpiramide.summary import matrix_as_dict, matrix_as_text

    settings = settings_from_arguments(arguments)
    analysis = analyse(list(arguments.invoer), settings)
    if arguments.json:
        print(json.dumps(matrix_as_dict(analysis.migration), indent=2, ensure_ascii=False))
    else:
        print(matrix_as_text(analysis.migration, settings.language))
    return 0


def _run_demo(arguments: argparse.Namespace) -> int:
    from klantpiramide.demo import write_demo

    write_demo(arguments.uitvoer, language=arguments.taal, input_path=arguments.invoer)
    print(f"Voorbeeldrapport gemaakt: {arguments.uitvoer}")
    return 0


def _run_addin(arguments: argparse.Namespace) -> int:
    from klantpiramide.excel import install

    if arguments.actie == "install":
        print(install.install_addin())
    else:
        print(install.uninstall_addin())
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    with dutch_argparse():
        parser = build_parser()
        arguments = parser.parse_args(argv)
    language = getattr(arguments, "taal", None) or DEFAULT_LANGUAGE

    try:
        return arguments.handler(arguments)
    except KlantpiramideError as error:
        message = error.render(language)
        # A message without a location starts the sentence itself.
        print(message[:1].upper() + message[1:], file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("Afgebroken.", file=sys.stderr)
        return EXIT_USER_ERROR
    except BrokenPipeError:
        # The reader of our output stopped early (as `| head` does); send the rest nowhere, as Python's docs advise.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_USER_ERROR


if __name__ == "__main__":
    sys.exit(main())
