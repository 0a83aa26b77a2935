#!/usr/bin/env python3
"""Writes the .xlsx workbooks the tests and the example read, with openpyxl (a real writer of
Office Open XML, not hand-made zips).

    python3 -m pip install openpyxl   # 3.1.5 was used
    python3 scripts/make-xlsx-fixtures.py

Outputs (committed, so tests need no Python):
- Examples/xicheng-2020/observations.xlsx, targets.xlsx: the example's CSVs, months as date cells;
- Tests/Fixtures/xlsx/month-forms.xlsx: one indicator in the wide form, a merged title row above
  the header, an empty row, and one month in each form Excel produces;
- Tests/Fixtures/xlsx/bad-value.xlsx: a text value in B5 (for the error naming the cell);
- Tests/Fixtures/xlsx/two-sheets.xlsx: the data on a second sheet named 'Data';
- Tests/Fixtures/xlsx/formula-cells.xlsx: formula cells with the values LibreOffice computed and
  cached, written by LibreOffice itself (see formula_cells()).
openpyxl stores the date-time of a date cell as a serial number with a date number format, as
Excel does; it does not compute formulas, so the workbook with formulas is LibreOffice's:

    apt-get install -y --no-install-recommends libreoffice-calc-nogui   # Debian 12: 7.4.7 was used

Without soffice on PATH that one workbook is left as it is (and the script says so).
"""
import csv
import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

from openpyxl import Workbook

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLE = os.path.join(ROOT, "Examples", "xicheng-2020")
FIXTURES = os.path.join(ROOT, "Tests", "Fixtures", "xlsx")


def rows_of(path):
    with open(path, encoding="utf-8-sig") as f:
        return [r for r in csv.reader(line for line in f if not line.startswith("#"))]


def number(text):
    try:
        return int(text)
    except ValueError:
        try:
            return float(text)
        except ValueError:
            return text


def save(wb, path):
    # A fixed creation time keeps the committed bytes stable from run to run.
    wb.properties.created = wb.properties.modified = datetime.datetime(2020, 1, 1)
    wb.save(path)


def example():
    rows = rows_of(os.path.join(EXAMPLE, "observations.csv"))
    wb = Workbook()
    ws = wb.active
    ws.title = "observations"
    header = rows[0]
    ws.append(header)
    month = header.index("month")
    for r in rows[1:]:
        cells = [number(c) if i != month and c != "" else (c if c != "" else None) for i, c in enumerate(r)]
        year, mon = r[month].split("-")
        cells[month] = datetime.date(int(year), int(mon), 1)
        ws.append(cells)
        ws.cell(row=ws.max_row, column=month + 1).number_format = "yyyy-mm"
    save(wb, os.path.join(EXAMPLE, "observations.xlsx"))

    rows = rows_of(os.path.join(EXAMPLE, "targets.csv"))
    wb = Workbook()
    ws = wb.active
    ws.title = "targets"
    header = rows[0]
    ws.append(header)
    text_columns = {"indicator", "aggregate", "comparator", "months", "versus", "due", "name", "unit"}
    for r in rows[1:]:
        ws.append([None if c == "" else (c if header[i] in text_columns else number(c)) for i, c in enumerate(r)])
    save(wb, os.path.join(EXAMPLE, "targets.xlsx"))


def month_forms():
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["PM2.5 monthly (illustrative)"])
    ws.merge_cells("A1:B1")
    ws.append(["month", "pm25"])
    # Jan–Dec 2019 then Jan–Aug 2020; value = 50 + month number, so every row is checkable by hand.
    forms = []
    for m in range(1, 13):
        forms.append((2019, m))
    for m in range(1, 9):
        forms.append((2020, m))
    names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    for i, (y, m) in enumerate(forms):
        kind = i % 6
        if kind == 0:
            cell = datetime.date(y, m, 1)          # serial number, date style
        elif kind == 1:
            cell = f"{y}/{m}/1"                    # text 2020/8/1
        elif kind == 2:
            cell = f"{names[m - 1]}-{y % 100:02d}"  # text Aug-20
        elif kind == 3:
            cell = f"{y}年{m}月"                    # text 2020年8月
        elif kind == 4:
            cell = f"{y}-{m:02d}"                  # text 2020-08
        else:
            cell = datetime.date(y, m, 15)         # a mid-month date, custom format
        ws.append([cell, 50 + m])
        if isinstance(cell, datetime.date):
            ws.cell(row=ws.max_row, column=1).number_format = "mmm-yy" if kind == 5 else "yyyy/m/d"
        if i == 9:
            ws.append([])                          # an empty row between the months
    save(wb, os.path.join(FIXTURES, "month-forms.xlsx"))


def bad_value():
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["indicator", "value", "month"])
    for m in range(1, 7):
        ws.append(["pm25", 40 + m if m != 4 else "n/a", f"2020-{m:02d}"])
    save(wb, os.path.join(FIXTURES, "bad-value.xlsx"))


def two_sheets():
    wb = Workbook()
    wb.active.title = "Notes"
    wb.active.append(["see the Data sheet"])
    ws = wb.create_sheet("Data")
    ws.append(["month", "jobs"])
    for m in range(1, 13):
        ws.append([f"2019-{m:02d}", 700 + m])
    save(wb, os.path.join(FIXTURES, "two-sheets.xlsx"))


def formula_cells():
    """A long-form sheet whose values and one month are formulas, converted from CSV to .xlsx by
    LibreOffice headless, which evaluates the formulas on import and writes each as <f> with its
    cached result in <v> (a text result as t="str"), as Excel does. The cached values, by hand:
    C2 = 21; C3 = C2*2 = 42; C4 = C2+C3 = 63 with its month =DATE(2020,3,1) (serial 43891);
    B5 = "2020-0"&"4" = 2020-04 with the value 44."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("make-xlsx-fixtures: soffice not found; formula-cells.xlsx left as it is", file=sys.stderr)
        return
    rows = [
        "indicator,month,value",
        "pm25,2020-01,21",
        "pm25,2020-02,=C2*2",
        "pm25,=DATE(2020;3;1),=C2+C3",
        'pm25,="2020-0"&"4",44',
    ]
    with tempfile.TemporaryDirectory() as scratch:
        source = os.path.join(scratch, "formula-cells.csv")
        with open(source, "w", encoding="utf-8") as f:
            f.write("\n".join(rows) + "\n")
        # A private profile, so a running LibreOffice (or a concurrent run) does not swallow the call.
        profile = "file://" + os.path.join(scratch, "profile")
        subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "xlsx",
                        "--outdir", scratch, source], check=True, stdout=subprocess.DEVNULL)
        converted = os.path.join(scratch, "formula-cells.xlsx")
        with zipfile.ZipFile(converted) as z:
            sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
        # The point of the fixture: formulas with cached values. Refuse to write one without them.
        assert "<f" in sheet and "<v>42</v>" in sheet and "<v>63</v>" in sheet and 't="str"' in sheet, sheet
        shutil.copyfile(converted, os.path.join(FIXTURES, "formula-cells.xlsx"))


if __name__ == "__main__":
    os.makedirs(FIXTURES, exist_ok=True)
    example()
    month_forms()
    bad_value()
    two_sheets()
    formula_cells()
