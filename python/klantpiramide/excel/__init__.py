"""The Excel add-in: ribbon actions, worksheet functions, installation and the add-in build.

Layers, from Excel inwards:

- ``xlwings_port``: the only module that talks to Excel (through xlwings);
- ``ribbon``: the dispatcher from a ribbon button id to an action;
- ``actions``: what each button does, written against the ``WorkbookPort``
  interface in ``port``, so tests run every action on real files through
  ``workbook_file.FileWorkbook`` without Excel;
- ``udfs``: the worksheet functions, thin wrappers around ``klantpiramide.analysis``;
- ``install`` and ``build``: put the add-in in Excel's start-up folder, and build it.

Limitations: worksheet functions work in Excel for Windows only, because xlwings
runs them through a COM server; the ribbon works on Windows and macOS.
"""
