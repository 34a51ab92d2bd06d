Attribute VB_Name = "KlantpiramideRibbon"
' Ribbon callbacks of the Klantpiramide add-in.
'
' Every button calls OnRibbonAction, which passes the button id and the names of
' the selected sheets to the Python dispatcher klantpiramide.excel.ribbon.
' RunPython comes from the xlwings module of this add-in.
Option Explicit

Private KlantpiramideRibbonUI As IRibbonUI

Public Sub OnRibbonLoad(ribbon As IRibbonUI)
    Set KlantpiramideRibbonUI = ribbon
End Sub

Public Sub OnRibbonAction(control As IRibbonControl)
    ' RunPython passes the active workbook's name to Python, so it needs one.
    If ActiveWorkbook Is Nothing Then
        MsgBox RibbonLabel("kp_no_workbook", RibbonLanguage()), vbInformation, "Klantpiramide"
        Exit Sub
    End If

    ' The sheet names travel as hexadecimal digits, because RunPython passes the
    ' command through cmd.exe on Windows and through an AppleScript parameter
    ' split on "|" on macOS, and a sheet name may contain ' " | % or &.
    RunPython "import klantpiramide.excel.ribbon as ribbon; ribbon.run_from_vba('" & control.ID & "', '" & SelectedSheetsHex() & "')"

    ' Instellingen may have changed the language, so the labels are read again.
    If Not KlantpiramideRibbonUI Is Nothing Then KlantpiramideRibbonUI.Invalidate
End Sub

Public Sub GetRibbonLabel(control As IRibbonControl, ByRef label)
    label = RibbonLabel(control.ID, RibbonLanguage())
End Sub

Private Function RibbonLanguage() As String
    ' Only the user's config file is read: Excel asks for labels before any workbook is open,
    ' and the sheet and folder config of xlwings' GetConfig need an active workbook.
    On Error Resume Next
    RibbonLanguage = LCase$(GetConfig("LANGUAGE", "nl", "user"))
End Function

Private Function SelectedSheetsHex() As String
    ' Each selected sheet name as UTF-16 code units in hexadecimal, names separated by spaces.
    Dim sheet As Object
    Dim encoded As String
    If ActiveWindow Is Nothing Then Exit Function
    For Each sheet In ActiveWindow.SelectedSheets
        If Len(encoded) > 0 Then encoded = encoded & " "
        encoded = encoded & HexUtf16(sheet.Name)
    Next sheet
    SelectedSheetsHex = encoded
End Function

Private Function HexUtf16(text As String) As String
    Dim position As Long
    Dim encoded As String
    For position = 1 To Len(text)
        ' AscW is negative above &H7FFF; the mask gives the unsigned code unit.
        encoded = encoded & Right$("000" & Hex$(AscW(Mid$(text, position, 1)) And &HFFFF&), 4)
    Next position
    HexUtf16 = encoded
End Function
