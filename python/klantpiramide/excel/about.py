"""The Controle / Over button: which Klantpiramide, which Python, which packages are missing or wrong.

The required versions are those in the installed package's metadata, so the
check follows ``pyproject.toml`` without a second list.
"""

from __future__ import annotations

import platform
import re
import sys
from dataclasses import dataclass
from importlib import metadata

from klantpiramide import __version__
from klantpiramide.excel.actions import ActionContext
from klantpiramide.texts import message_text

_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9_.\-]+)\s*(?:(==|>=)\s*([0-9][0-9A-Za-z.]*))?\s*(?:;.*)?$")


@dataclass(frozen=True)
class PackageCheck:
    """One required package: the requirement, the installed version (None if missing) and whether it fits."""

    name: str
    requirement: str
    installed: str | None
    fits: bool


def check_packages(requirements: list[str] | None = None) -> list[PackageCheck]:
    """Check every run-time requirement of Klantpiramide (extras such as 'dev' are left out)."""
    if requirements is None:
        requirements = metadata.requires("klantpiramide") or []
    checks = []
    for requirement in requirements:
        if "extra ==" in requirement:
            continue
        match = _REQUIREMENT.match(requirement)
        if match is None:
            continue
        name, operator, required = match.groups()
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            checks.append(PackageCheck(name, requirement.strip(), None, False))
            continue
        checks.append(PackageCheck(name, requirement.strip(), installed, _fits(installed, operator, required)))
    return checks


def _fits(installed: str, operator: str | None, required: str | None) -> bool:
    if operator is None or required is None:
        return True
    if operator == "==":
        return installed == required
    return _version_key(installed) >= _version_key(required)


def _version_key(version: str) -> tuple[int, ...]:
    """Return the leading numbers of a version ('2.2.3rc1' is (2, 2, 3)) for comparison."""
    numbers = []
    for part in version.split("."):
        digits = re.match(r"\d+", part)
        if digits is None:
            break
        numbers.append(int(digits.group()))
    return tuple(numbers)


def describe_installation(language: str, checks: list[PackageCheck] | None = None) -> str:
    """Return the Controle / Over text: version, Python and one line per required package."""
    checks = check_packages() if checks is None else checks
    lines = [
        message_text("addin_about_version", language, version=__version__),
        message_text("addin_about_python", language, version=platform.python_version(), executable=sys.executable),
        "",
    ]
    for check in checks:
        if check.installed is None:
            lines.append(message_text("addin_package_missing", language, name=check.name, required=check.requirement))
        elif not check.fits:
            lines.append(message_text("addin_package_wrong", language, name=check.name, version=check.installed, required=check.requirement))
        else:
            lines.append(message_text("addin_package_ok", language, name=check.name, version=check.installed))
    return "\n".join(lines)


def show_about(context: ActionContext) -> str:
    """Controle / Over: the installation check."""
    return describe_installation(context.settings().language)
