"""The GUI's log file: ``<data_dir>/logs/app.log`` (tracebacks of bugs go there)."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_NAME = "app.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_path(data_dir: Path) -> Path:
    return Path(data_dir) / "logs" / LOG_NAME


def setup_logging(data_dir: Path) -> Path | None:
    """Send the ``inspector_app`` loggers to the data folder's log; None if not writable."""
    path = log_path(data_dir)
    logger = logging.getLogger("inspector_app")
    for handler in list(logger.handlers):
        if getattr(handler, "_inspector_gui", False):
            logger.removeHandler(handler)
            handler.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None
    handler._inspector_gui = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter(_FORMAT))
    logger.addHandler(handler)
    if logger.level == logging.NOTSET or logger.level > logging.INFO:
        logger.setLevel(logging.INFO)
    return path


def close_logging() -> None:
    logger = logging.getLogger("inspector_app")
    for handler in list(logger.handlers):
        if getattr(handler, "_inspector_gui", False):
            logger.removeHandler(handler)
            handler.close()
