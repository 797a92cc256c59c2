"""The desktop GUI (PySide6). Only this package imports Qt, and only through ``ui.qt``."""
