"""The optional group column (chain, concern, parent company) is kept per customer."""

from klantpiramide.reading import RawSheet, read_year_table


def read(rows):
    return read_year_table(RawSheet("omzet.xlsx", "2024", rows), 2024).frame


def test_group_column_kept_per_customer():
    frame = read(
        [
            ("Klantnummer", "Naam", "Omzet", "Concern"),
            ("1", "Jansen Utrecht", 60.0, "Jansen Groep"),
            ("2", "Jansen Zwolle", 120.0, "Jansen Groep"),
            ("3", "Smit", 30.0, None),
        ]
    )
    assert dict(zip(frame["key"], frame["group"])) == {"1": "Jansen Groep", "2": "Jansen Groep", "3": ""}


def test_first_named_group_of_repeated_customer():
    frame = read([("Klant", "Omzet", "Keten"), ("1", 10.0, None), ("1", 20.0, "Noord"), ("1", 5.0, "Zuid")])
    assert frame["group"].tolist() == ["Noord"]
    assert frame["revenue"].tolist() == [3500]


def test_no_group_column():
    frame = read([("Klantnummer", "Omzet"), ("1", 10.0)])
    assert "group" not in frame.columns


def test_two_group_columns_are_ignored():
    frame = read([("Klantnummer", "Omzet", "Groep", "Groep"), ("1", 10.0, "Noord", "Zuid")])
    assert "group" not in frame.columns
