"""Spreadsheet file formats (.xlsx, .xls, CSV) read safely from hostile files; Qt-free and
free of the store: services read registers and checklists through ``spreadsheet.open_sheet``."""
