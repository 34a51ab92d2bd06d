"""Progress of a long job: the steps reported, and the bar on a terminal."""

from __future__ import annotations

import io
import sys

from klantpiramide.cli import main
from klantpiramide.job import Settings, make_report
from klantpiramide.terminal_progress import terminal_progress


def test_report_steps_in_order(cdnow_workbook, tmp_path):
    steps = []
    make_report([cdnow_workbook], tmp_path / "rapport.xlsx", Settings(), lambda step, done=0, total=0: steps.append((step, done, total)))
    assert steps[:2] == [("progress_reading", 0, 0), ("progress_classifying", 0, 0)]
    assert steps[2:-1] == [("progress_writing", number, 13) for number in range(1, 14)]
    assert steps[-1] == ("progress_saving", 0, 0)


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_bar_drawn_on_terminal(monkeypatch):
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with terminal_progress("nl") as progress:
        progress("progress_writing", 3, 13)
    assert "Bladen schrijven" in terminal.getvalue()
    assert "3/13" in terminal.getvalue()


def test_quiet_option_draws_nothing(monkeypatch, cdnow_workbook, tmp_path, capsys):
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["rapport", str(cdnow_workbook), "-o", str(tmp_path / "rapport.xlsx"), "--stil"]) == 0
    assert terminal.getvalue() == ""


def test_no_bar_when_not_a_terminal(cdnow_workbook, tmp_path, capsys):
    assert main(["rapport", str(cdnow_workbook), "-o", str(tmp_path / "rapport.xlsx")]) == 0
    assert capsys.readouterr().err == ""
