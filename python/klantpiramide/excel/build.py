"""Build addin/klantpiramide.xlam from the sources in git, on any system: ``make addin``.

Steps:

1. check that the pinned xlwings version (pyproject.toml), the installed
   xlwings and the template's VBA constant ``XLWINGS_VERSION`` agree, and stop
   when they do not;
2. copy the ribbon add-in template of the installed xlwings (the file that
   ``xlwings quickstart NAME --addin --ribbon`` copies);
3. with pyopenvba, set ``PROJECT_NAME`` in the xlwings module, replace the
   template's ribbon module with ``addin/KlantpiramideRibbon.bas``, and add two
   generated modules: the ribbon labels from ``texts.py`` and the worksheet
   function wrappers that xlwings' own generator writes for ``excel/udfs.py``;
4. with zipfile, swap in ``addin/customUI.xml``, rename the config sheet to
   ``_klantpiramide.conf``, and rename the VBA project from the template's
   'MyAddin' to 'Klantpiramide' (pyopenvba 6.5 has no call for that).

The add-in never passes through openpyxl, which would drop the ribbon part.
Zip entries get a fixed date, so building twice gives the same package.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import io
import re
import shutil
import sys
import tempfile
import types
import zipfile
from contextlib import contextmanager
from pathlib import Path
from xml.etree import ElementTree

PROJECT_NAME = "klantpiramide"
TEMPLATE_PROJECT_NAME = "myaddin"
CONFIG_SHEET = f"_{PROJECT_NAME}.conf"
TEMPLATE_CONFIG_SHEET = f"_{TEMPLATE_PROJECT_NAME}.conf"
TEMPLATE_RIBBON_MODULE = "RibbonMyAddin"
RIBBON_MODULE = "KlantpiramideRibbon"
LABELS_MODULE = "KlantpiramideLabels"
UDF_MODULE = "xlwings_udfs"
UDF_PYTHON_MODULE = "klantpiramide.excel.udfs"
ADDIN_FILE = "klantpiramide.xlam"
RIBBON_PART = "customUI/customUI.xml"
RIBBON_RELATIONSHIP = "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility"
CUSTOMUI_NAMESPACE = "http://schemas.microsoft.com/office/2006/01/customui"
ZIP_DATE = (2024, 1, 1, 0, 0, 0)
VBA_PROJECT_NAME = "Klantpiramide"
VBA_PROJECT_PART = "xl/vbaProject.bin"
PROJECTNAME_RECORD = 0x0004

# Texts the VBA module shows besides the buttons' labels (whose keys come from ribbon.ACTIONS):
# the group labels, and the message for a click with no workbook open.
VBA_TEXTS = {
    "kp_group_report": "addin_ribbon_group_report",
    "kp_group_setup": "addin_ribbon_group_setup",
    "kp_no_workbook": "addin_no_workbook",
}

# Application.MacroOptions (Excel 2010 and later) sets a function's description, category and
# argument help, but only inside a running Excel. So the add-in calls it when Excel loads it.
WORKBOOK_OPEN = """Private Sub Workbook_Open()
    RegisterFunctionDescriptions
End Sub
"""
EXCEL_TEXT_LIMIT = 255  # Application.MacroOptions takes descriptions of at most 255 characters.

REPOSITORY = Path(__file__).resolve().parents[3]
SOURCES = REPOSITORY / "addin"

_VERSION_CONSTANT = re.compile(r'Public Const XLWINGS_VERSION As String = "([^"]*)"')
_PROJECT_CONSTANT = re.compile(r'(Public Const PROJECT_NAME As String = ")([^"]*)(")')
_PINNED_XLWINGS = re.compile(r'"xlwings==([^"]+)"')


class BuildError(Exception):
    """The add-in cannot be built; the message names the source or version that is wrong."""


def pinned_xlwings_version(pyproject: Path = REPOSITORY / "pyproject.toml") -> str:
    """Return the exact xlwings version that pyproject.toml pins ('xlwings==X')."""
    match = _PINNED_XLWINGS.search(pyproject.read_text(encoding="utf-8"))
    if match is None:
        raise BuildError(f"{pyproject} does not pin xlwings to one version ('xlwings==X.Y.Z')")
    return match.group(1)


def vba_xlwings_version(source: str) -> str:
    """Return the value of the XLWINGS_VERSION constant in the xlwings VBA module."""
    match = _VERSION_CONSTANT.search(source)
    if match is None:
        raise BuildError("the xlwings VBA module has no XLWINGS_VERSION constant")
    return match.group(1)


def check_versions(pinned: str, installed: str, in_vba: str) -> None:
    """Raise BuildError unless the pinned, installed and VBA xlwings versions are the same."""
    if not pinned == installed == in_vba:
        raise BuildError(
            f"xlwings versions differ: pyproject.toml pins {pinned}, {installed} is installed and the "
            f"template's VBA says XLWINGS_VERSION = {in_vba}. Install the pinned version "
            f"(pip install -e '.[dev]') and build again."
        )


def template_path() -> Path:
    """Return the ribbon add-in template of the installed xlwings."""
    import xlwings

    return Path(xlwings.__file__).parent / "quickstart_addin_ribbon.xlam"


def build_addin(output: Path, sources: Path = SOURCES, pinned: str | None = None) -> Path:
    """Build the add-in from ``sources`` into ``output``; return ``output``."""
    import xlwings
    from pyopenvba import ExcelFile

    pinned = pinned or pinned_xlwings_version()
    ribbon_xml = read_ribbon_xml(sources / "customUI.xml")
    ribbon_module = (sources / f"{RIBBON_MODULE}.bas").read_text(encoding="utf-8")

    with tempfile.TemporaryDirectory(prefix="klantpiramide-build-") as folder:
        work = Path(folder) / ADDIN_FILE
        shutil.copyfile(template_path(), work)

        with ExcelFile(work) as book:
            xlwings_module = book.get_module("xlwings")
            check_versions(pinned, xlwings.__version__, vba_xlwings_version(xlwings_module))
            book.set_module("xlwings", set_project_name(xlwings_module, PROJECT_NAME))

            project = book.vba_project()
            project.delete_module(TEMPLATE_RIBBON_MODULE)
            project.add_module(RIBBON_MODULE, crlf(ribbon_module))
            project.add_module(LABELS_MODULE, crlf(labels_module_source()))
            project.add_module(UDF_MODULE, crlf(udf_module_source()))
            book.set_module("ThisWorkbook", crlf(WORKBOOK_OPEN))
            book.save()

        output.parent.mkdir(parents=True, exist_ok=True)
        rewrite_package(work, output, ribbon_xml)
    return output


def set_project_name(source: str, name: str) -> str:
    """Return the xlwings module with its PROJECT_NAME constant set to ``name``."""
    replaced, count = _PROJECT_CONSTANT.subn(lambda match: match.group(1) + name + match.group(3), source)
    if count != 1:
        raise BuildError(f"the xlwings VBA module has {count} PROJECT_NAME constants, expected 1")
    return replaced


def read_ribbon_xml(path: Path) -> bytes:
    """Return the ribbon XML after checking that it parses and is a customUI document."""
    data = path.read_bytes()
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise BuildError(f"{path} is not valid XML: {error}") from None
    if root.tag != f"{{{CUSTOMUI_NAMESPACE}}}customUI":
        raise BuildError(f"{path} must have a customUI root element in the namespace {CUSTOMUI_NAMESPACE}")
    return data


def rewrite_package(source: Path, output: Path, ribbon_xml: bytes) -> None:
    """Copy the package with the new ribbon XML and config sheet name, with fixed entry dates."""
    with zipfile.ZipFile(source) as package:
        names = package.namelist()
        relationships = package.read("_rels/.rels").decode("utf-8")
        if RIBBON_RELATIONSHIP not in relationships or RIBBON_PART not in relationships:
            raise BuildError("the template's _rels/.rels does not link the ribbon part customUI/customUI.xml")

        with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as built:
            for name in names:
                data = package.read(name)
                if name == RIBBON_PART:
                    data = ribbon_xml
                elif name == "xl/workbook.xml":
                    data = rename_config_sheet(data, name)
                elif name == VBA_PROJECT_PART:
                    data = set_vba_project_name(data, VBA_PROJECT_NAME)
                entry = zipfile.ZipInfo(name, date_time=ZIP_DATE)
                entry.compress_type = zipfile.ZIP_DEFLATED
                built.writestr(entry, data)


def rename_config_sheet(data: bytes, part: str) -> bytes:
    """Rename the template's config sheet in a package part; fail if the part does not name it."""
    text = data.decode("utf-8")
    if TEMPLATE_CONFIG_SHEET not in text:
        raise BuildError(f"{part} of the template does not name the config sheet {TEMPLATE_CONFIG_SHEET}")
    return text.replace(TEMPLATE_CONFIG_SHEET, CONFIG_SHEET).encode("utf-8")


def set_vba_project_name(project: bytes, name: str) -> bytes:
    """Return vbaProject.bin with the VBA project renamed to ``name`` (an ASCII identifier).

    The name is kept twice: in the PROJECTNAME record (id 0x0004) of the
    compressed VBA/dir stream, and as the Name="..." line of the PROJECT stream,
    as the MS-OVBA format describes them and pyopenvba's reader parses them. The
    records before PROJECTNAME (SYSKIND, COMPATVERSION, LCID, LCIDINVOKE,
    CODEPAGE) are plain id, size, data records, so walking them by their size
    fields finds it.
    """
    from pyopenvba.cfb import CFB
    from pyopenvba.vba import compress, decompress

    storage = CFB.from_bytes(project)
    directory = decompress(storage.get_stream_in_storage("VBA", "dir"))
    position = 0
    while position + 6 <= len(directory):
        record = int.from_bytes(directory[position : position + 2], "little")
        size = int.from_bytes(directory[position + 2 : position + 6], "little")
        if record == PROJECTNAME_RECORD:
            break
        position += 6 + size
    else:
        raise BuildError("the template's VBA project has no PROJECTNAME record")

    old = directory[position + 6 : position + 6 + size].decode("ascii")
    encoded = name.encode("ascii")
    renamed = directory[:position] + directory[position : position + 2] + len(encoded).to_bytes(4, "little") + encoded + directory[position + 6 + size :]
    storage.write_stream_in_storage("VBA", "dir", compress(renamed))

    text = storage.get_stream("PROJECT")
    line = f'Name="{old}"'.encode("ascii")
    if text.count(line) != 1:
        raise BuildError(f"the template's PROJECT stream does not name the project {old} once")
    storage.write_stream("PROJECT", text.replace(line, f'Name="{name}"'.encode("ascii")))
    return storage.to_bytes()


def crlf(source: str) -> str:
    """Return VBA source with Windows line ends, as the VBA editor stores modules."""
    return source.replace("\r\n", "\n").replace("\n", "\r\n")


def vba_string(text: str) -> str:
    """Return a VBA string expression for ``text``; characters outside ASCII become ChrW calls.

    A module is stored in the project's code page, so ChrW keeps letters such
    as 'ë' intact on every system.
    """
    parts: list[str] = []
    plain = ""
    for character in text:
        if ord(character) < 128:
            plain += '""' if character == '"' else character
            continue
        if plain:
            parts.append(f'"{plain}"')
            plain = ""
        parts.append(f"ChrW({ord(character)})")
    if plain or not parts:
        parts.append(f'"{plain}"')
    return " & ".join(parts)


def ribbon_label_keys() -> dict[str, str]:
    """Return every id that VBA looks a text up by, and the key of that text in texts.LABELS."""
    from klantpiramide.excel.ribbon import ACTIONS

    keys = dict(VBA_TEXTS)
    keys.update({control: label_key for control, (_, label_key) in ACTIONS.items()})
    return keys


def labels_module_source() -> str:
    """Return the generated VBA module with the ribbon labels in every language."""
    from klantpiramide.texts import DEFAULT_LANGUAGE, LABELS, LANGUAGES

    lines = [
        f'Attribute VB_Name = "{LABELS_MODULE}"',
        "' Generated by klantpiramide.excel.build from klantpiramide/texts.py: edit the texts there.",
        "Option Explicit",
        "",
        "Public Function RibbonLabel(controlId As String, language As String) As String",
        f'    If language <> "en" Then language = "{DEFAULT_LANGUAGE}"',
        '    Select Case language & "|" & controlId',
    ]
    for language in LANGUAGES:
        for control, key in ribbon_label_keys().items():
            lines.append(f'        Case "{language}|{control}": RibbonLabel = {vba_string(LABELS[language][key])}')
    lines += ["        Case Else: RibbonLabel = controlId", "    End Select", "End Function", ""]
    return "\n".join(lines)


@contextmanager
def windows_udf_decorators():
    """Make xlwings' Windows worksheet function machinery importable here, for its VBA generator.

    ``xlwings.udfs`` (0.37.8) imports pywin32 at module level, but
    ``generate_vba_wrapper`` uses none of it; empty stand-ins for those modules
    let it import. ``xlwings.func``, ``arg`` and ``ret`` are swapped for the
    Windows decorators that record each function's ``__xlfunc__`` description.
    Everything is put back on exit.
    """
    import xlwings

    stand_ins = {name: types.ModuleType(name) for name in ("pythoncom", "pywintypes", "win32com", "win32com.client")}
    stand_ins["pythoncom"].CoInitialize = lambda: None
    stand_ins["pywintypes"].com_error = type("com_error", (Exception,), {})
    stand_ins["win32com.client"].Dispatch = None
    added = [name for name in stand_ins if name not in sys.modules]
    saved = {name: getattr(xlwings, name) for name in ("func", "arg", "ret")}
    sys.modules.update({name: stand_ins[name] for name in added})
    try:
        udfs = importlib.import_module("xlwings.udfs")
        xlwings.func, xlwings.arg, xlwings.ret = udfs.xlfunc, udfs.xlarg, udfs.xlret
        yield udfs
    finally:
        for name, value in saved.items():
            setattr(xlwings, name, value)
        for name in added:
            del sys.modules[name]
        sys.modules.pop("xlwings.udfs", None)


def udf_module_source() -> str:
    """Return the VBA wrappers of the worksheet functions, as xlwings' 'Import Functions' would write them."""
    from klantpiramide.excel import udfs as module_file

    with windows_udf_decorators() as generator:
        # A fresh copy of the module, decorated by the Windows decorators; the imported module stays as it was.
        spec = importlib.util.spec_from_file_location("_klantpiramide_udfs_for_build", module_file.__file__)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)

        buffer = io.StringIO()
        add_in = types.SimpleNamespace(Name=ADDIN_FILE)
        generator.generate_vba_wrapper(UDF_PYTHON_MODULE, module, buffer, add_in)
        descriptions = function_descriptions_source(module)

    header = [
        f'Attribute VB_Name = "{UDF_MODULE}"',
        "' Generated by klantpiramide.excel.build with xlwings' own generator from klantpiramide/excel/udfs.py.",
        '#Const App = "Microsoft Excel"',
        "",
    ]
    return "\n".join(header) + buffer.getvalue() + descriptions


def function_descriptions_source(module: types.ModuleType) -> str:
    """Return the VBA Sub that gives each worksheet function its description, category and argument help.

    The texts are the functions' docstrings and argument docs, as xlwings'
    'Import Functions' would register them on Windows. Excel for Mac has no
    worksheet functions from xlwings, so the Sub does nothing there.
    """
    lines = [
        "Public Sub RegisterFunctionDescriptions()",
        "    ' Shown in Excel's Insert Function dialog. A failure here must not stop the add-in from loading.",
        "    #If Not Mac Then",
        "    On Error Resume Next",
    ]
    functions = sorted(
        (value.__xlfunc__ for value in vars(module).values() if hasattr(value, "__xlfunc__")), key=lambda xlfunc: xlfunc["name"]
    )
    for xlfunc in functions:
        description = " ".join(xlfunc["ret"]["doc"].split())
        arguments = [" ".join(argument["doc"].split()) for argument in xlfunc["args"]]
        for text in (description, *arguments):
            if len(text) > EXCEL_TEXT_LIMIT:
                raise BuildError(f"{xlfunc['name']}: Excel takes descriptions of at most {EXCEL_TEXT_LIMIT} characters: {text!r}")
        lines.append(
            f'    Application.MacroOptions Macro:="\'" & ThisWorkbook.Name & "\'!{xlfunc["name"]}", '
            f"Description:={vba_string(description)}, Category:={vba_string(xlfunc['category'])}, "
            f"ArgumentDescriptions:=Array({', '.join(vba_string(text) for text in arguments)})"
        )
    lines += ["    #End If", "End Sub", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Build the add-in; print where it went, or why it could not be built."""
    parser = argparse.ArgumentParser(prog="python -m klantpiramide.excel.build", description="Build the Klantpiramide Excel add-in.")
    parser.add_argument("-o", "--output", type=Path, default=SOURCES / ADDIN_FILE, help="where to write the .xlam (default: addin/klantpiramide.xlam)")
    arguments = parser.parse_args(argv)
    try:
        output = build_addin(arguments.output)
    except BuildError as error:
        print(f"Add-in build failed: {error}", file=sys.stderr)
        return 1
    print(f"Add-in built: {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
