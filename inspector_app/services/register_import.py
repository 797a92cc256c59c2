"""Import the site register from .xlsx / .xls / CSV: all or nothing, a per-row report.

Every row ends in one of four outcomes: ``imported`` (a new site), ``updated`` (an existing
site changed — only when the caller asked for updates, and the report lists each change),
``skipped`` (already there: unchanged, or changes not applied — said so), ``rejected`` (with
the reason). A row matches an existing site by its 编号 (id column of our own export),
else by USCC, else by name + address. Warnings (bad USCC, unknown sector, unknown grid →
unassigned) never block a row. The rows are saved in short transactions, so other windows
and scripts can save in between (see ``_save``); a failure or a cancel reverts the ones
already saved, in one transaction, and leaves the store as it was.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from ..core import permissions
from ..core.column_mapping import parse_map_options
from ..core.errors import Cancelled, ValidationError
from ..core.permissions import Action
from ..formats.spreadsheet import open_sheet
from ..store.store import WriteTx
from . import scope
from .bulk_write import BulkWriter
from .changes import REGIONS, SITES, UNITS, Changes, Notice
from .import_undo import UndoJournal
from .register_match import Matcher
from .register_rows import HEADER_SCAN_ROWS, Candidate, candidates_from_rows, detect_header
from .session import Session

Progress = Callable[[int, int, str], None]
OUTCOMES = ("imported", "updated", "skipped", "rejected")
MAX_ROWS = 200_000
STEP = 250  # rows between progress reports and cancel checks
BATCH_ROWS = 5000  # at most this many rows per transaction ...
BATCH_SECONDS = 0.3  # ... and about this long holding the write lock (sized from the last one)
YIELD_SECONDS = 0.05  # the lock is left free this long between batches
log = logging.getLogger(__name__)


def _no_progress(done: int, total: int, message: str) -> None:
    pass


@dataclass
class RowResult:
    row: int  # sheet row number as Excel shows it
    outcome: str
    name: str | None
    site_id: str | None = None
    messages: list[Notice] = field(default_factory=list)
    changes: dict[str, tuple[object, object]] = field(default_factory=dict)  # field: (old, new)
    values: dict[str, str] = field(default_factory=dict)  # as read (previews only)
    unassigned: bool = False  # saved without a grid: to be assigned


@dataclass
class ImportReport:
    file: str
    format: str
    sheet: str | None
    header_row: int
    headers: list[str]
    mapping: dict[str, str]  # "B 单位名称" -> "name"
    unused_columns: list[str]
    rows: list[RowResult] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)  # about the whole file
    blank_rows: int = 0
    dry_run: bool = False
    changes: Changes = field(default_factory=Changes)

    @property
    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(OUTCOMES, 0)
        for r in self.rows:
            counts[r.outcome] += 1
        return counts

    @property
    def unassigned(self) -> list[RowResult]:
        """Sites saved without a grid, for the assignment step."""
        return [r for r in self.rows if r.unassigned and r.outcome in ("imported", "updated")]


class _DryRun(Exception):
    def __init__(self, report: ImportReport) -> None:
        self.report = report


def import_register(
    session: Session,
    path: Path | str,
    *,
    mapping: dict[str, str] | list[str] | None = None,
    update: bool = False,
    create_grids: bool = False,
    sheet: str | None = None,
    header_row: int | None = None,
    dry_run: bool = False,
    limit: int | None = None,
    keep_values: bool = False,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> ImportReport:
    """Import a register file; raises ``DomainError`` only when the file cannot be used at all.

    ``mapping``: column → field (``{"电话号码": "phone", "C": "name", "序号": "-"}``) or the
    CLI's ``["COL=FIELD", …]``. ``update``: apply differences to sites already in the
    store (else they are skipped and the report says what differs). ``create_grids``:
    unknown grids are created (supervisors) instead of leaving the site unassigned.
    ``dry_run``/``limit``/``keep_values`` make the preview (nothing is written).
    """
    progress = progress or _no_progress
    cancel = cancel or threading.Event()
    explicit = parse_map_options(mapping) if isinstance(mapping, list) else dict(mapping or {})
    if create_grids:
        permissions.require(session.user, Action.MANAGE_GRIDS)
    path = Path(path)
    with open_sheet(path, sheet) as opened:
        scan = opened.rows()
        first = list(islice(scan, HEADER_SCAN_ROWS))
        scan.close()
        header_no, header, cols = detect_header(first, explicit, header_row)
        report = ImportReport(
            file=path.name, format=opened.format, sheet=opened.name, header_row=header_no,
            headers=["" if h is None else str(h) for h in header], mapping=cols.describe(),
            unused_columns=cols.unused_labels(), notices=list(opened.notices), dry_run=dry_run,
        )
        width = max(cols.fields, default=0) + 1
        total = max(opened.total_estimate or 0, 1)
        blank = [0]

        candidates: list[Candidate] = []
        data = ((n, v) for n, v in opened.rows(width) if n > header_no)
        for candidate in candidates_from_rows(data, cols, header, blank):
            candidates.append(candidate)
            if len(candidates) % STEP == 0:
                if cancel.is_set():
                    raise Cancelled()
                progress(candidate.row, total, f"读取第 {candidate.row} 行")
            if len(candidates) > MAX_ROWS:
                raise ValidationError(
                    f"{path.name} has more than {MAX_ROWS:,} rows; split it into smaller files",
                    f"{path.name} 超过 {MAX_ROWS:,} 行，请拆分后分批导入", code="too_many_rows")
            if limit is not None and len(candidates) >= limit:
                break
        report.blank_rows = blank[0]

    if dry_run:
        return _dry_run(session, report, candidates, path.name, update, create_grids, keep_values,
                        progress, cancel)
    return _save(session, report, candidates, path.name, update, create_grids, keep_values,
                 progress, cancel)


def _apply(matcher: Matcher, report: ImportReport, c: Candidate, keep_values: bool) -> None:
    result = RowResult(c.row, "rejected", c.name, messages=list(c.rejected))
    if keep_values:
        result.values = dict(c.values)
    if not c.rejected:
        matcher.apply(c, result)
    report.rows.append(result)


def _done(tx: WriteTx, report: ImportReport, matcher: Matcher, file_name: str, progress: Progress) -> None:
    progress(len(report.rows), len(report.rows), "完成")
    report.changes = Changes.of(SITES, UNITS, *([REGIONS] if matcher.grids_created else []))
    tx.audit("register_imported", "site", None,
             f"{file_name}: " + ", ".join(f"{k} {v}" for k, v in report.counts.items()))


def _dry_run(session: Session, report: ImportReport, candidates: list[Candidate], file_name: str,
             update: bool, create_grids: bool, keep_values: bool, progress: Progress,
             cancel: threading.Event) -> ImportReport:
    """The preview: every row through the matcher in one transaction that is rolled back."""

    def job(tx: WriteTx) -> ImportReport:
        matcher = Matcher(tx, session.user, update=update, create_grids=create_grids)
        for i, c in enumerate(candidates, start=1):
            if i % STEP == 0:
                if cancel.is_set():
                    raise Cancelled()
                progress(i, len(candidates), f"保存第 {c.row} 行")
            _apply(matcher, report, c, keep_values)
        matcher.finish()
        _done(tx, report, matcher, file_name, progress)
        raise _DryRun(report)

    try:
        return session.write(job)
    except _DryRun as done:
        done.report.changes = Changes()
        return done.report


def _save(session: Session, report: ImportReport, candidates: list[Candidate], file_name: str,
          update: bool, create_grids: bool, keep_values: bool, progress: Progress,
          cancel: threading.Event) -> ImportReport:
    """Save the rows in short transactions, so other windows and scripts can write between them.

    Each batch holds the write lock for about ``BATCH_SECONDS`` (at most ``BATCH_ROWS``
    rows), then the import pauses ``YIELD_SECONDS`` with the lock free: a save from the GUI
    or another process waits a fraction of a second instead of failing, and every commit
    lets the WAL be checkpointed, so it stays small. A cancel or a failure reverts the
    batches already committed, in one transaction (``import_undo``): nothing stays.
    """
    journal = UndoJournal()
    matcher: Matcher | None = None
    done = 0  # candidates saved by committed batches
    size = min(500, BATCH_ROWS)  # rows in the next batch: adapted to this machine and file

    def batch(tx: WriteTx) -> int:
        nonlocal matcher, size
        journal.start(tx.conn)
        if matcher is None:
            matcher = Matcher(tx, session.user, update=update, create_grids=create_grids)
        else:  # the same matcher (what the file and the store hold so far), this transaction
            matcher.tx, matcher.bulk = tx, BulkWriter(tx)
        started, i = time.monotonic(), done
        while i < len(candidates):
            c = candidates[i]
            i += 1
            if i % STEP == 0:
                if cancel.is_set():
                    raise Cancelled()
                progress(i, len(candidates), f"保存第 {c.row} 行")
            _apply(matcher, report, c, keep_values)
            if i - done >= size or (i % 50 == 0 and time.monotonic() - started > BATCH_SECONDS):
                break
        matcher.finish()
        last = i == len(candidates)
        if last:
            _done(tx, report, matcher, file_name, progress)
        else:  # every transaction that changes rows has its audit entry (inspector-app check)
            tx.audit("register_import_batch", "site", None, f"{file_name}: rows {done + 1}-{i} saved")
        journal.stop(tx.conn, last=last)
        held = max(time.monotonic() - started, 1e-3)  # most of it is SQLite's: rows, oplog, index
        size = max(50, min(BATCH_ROWS, int((i - done) * BATCH_SECONDS / held)))
        return i

    try:
        while True:
            done = session.write(batch)
            if done == len(candidates):
                return report
            if cancel.is_set():
                raise Cancelled()
            session.store.fold_wal()  # keeps the WAL small (every commit adds to it)
            time.sleep(YIELD_SECONDS)  # the lock is free: other writers get their turn
    except BaseException:
        if journal.batches:
            _undo(session, journal, file_name)
        raise


def _undo(session: Session, journal: UndoJournal, file_name: str) -> None:
    def job(tx: WriteTx) -> None:
        n = journal.undo(tx)
        tx.audit("register_import_undone", "site", None, f"{file_name}: {n} changes reverted")

    try:
        session.write(job)
    except Exception:  # the original error is what the user must see
        log.exception("reverting the unfinished import of %s failed", file_name)


def preview_register(
    session: Session, path: Path | str, *, mapping: dict[str, str] | list[str] | None = None,
    update: bool = False, sheet: str | None = None, header_row: int | None = None,
    limit: int = 20,
) -> ImportReport:
    """What importing would do to the first ``limit`` rows (mapped values, issues, outcome).

    Nothing is written. The GUI's import wizard shows this, lets the user change the
    mapping, then calls ``import_register`` with the same arguments.
    """
    return import_register(session, path, mapping=mapping, update=update, sheet=sheet,
                           header_row=header_row, dry_run=True, limit=limit, keep_values=True)


def unassigned_site_ids(session: Session) -> list[str]:
    """Live sites with no grid (imported rows waiting for assignment), by name."""
    return [r[0] for r in session.store.read().execute(
        "SELECT id FROM site WHERE deleted = 0 AND grid_id IS NULL ORDER BY name, id")]


def assign_grid(session: Session, site_ids: list[str], grid: str) -> Changes:
    """Put these sites into one grid (by id, code or name) in one transaction."""
    from .regions import find_grid

    found = find_grid(session.store.read(), grid)
    if found is None:
        raise ValidationError(f"unknown grid {grid!r}", f"没有名为“{grid}”的网格", code="unknown_grid")
    permissions.require_site_scope(session.user, found.id)  # an inspector: into their grids only

    def job(tx: WriteTx) -> None:
        for site_id in site_ids:
            scope.check_site(tx.conn, session.user, site_id)
            tx.update("site", site_id, {"grid_id": found.id})
        tx.audit("sites_assigned", "region", found.id, f"{len(site_ids)} sites")

    session.write(job)
    return Changes.of(SITES)


def site_grids(session: Session, site_ids: list[str]) -> dict[str, str | None]:
    """The grid id of each site as it is now (what undoing an assignment puts back)."""
    conn = session.store.read()
    grids: dict[str, str | None] = {}
    for start in range(0, len(site_ids), 500):
        chunk = site_ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        grids.update(conn.execute(f"SELECT id, grid_id FROM site WHERE id IN ({marks})", chunk).fetchall())
    return grids


def restore_grids(session: Session, grids: dict[str, str | None]) -> Changes:
    """Put each site back into the grid it had (``None``: no grid), in one transaction."""

    def job(tx: WriteTx) -> None:
        for site_id, grid_id in grids.items():
            tx.update("site", site_id, {"grid_id": grid_id})
        tx.audit("sites_assigned", "region", None, f"{len(grids)} sites restored")

    session.write(job)
    return Changes.of(SITES)
