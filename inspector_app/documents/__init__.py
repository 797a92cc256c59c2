"""Official documents (文书): Qt-free PDF renderers over typed inputs (design.md §6).

``render_*`` take a frozen input dataclass and return :class:`~.inputs.Rendered` (PDF bytes,
page count, warnings). Numbering, storage and issuing rules live in the services above.
"""

from .enforcement import (
    render_decision,
    render_inspection_record,
    render_order,
    render_recheck_opinion,
    render_service,
)
from .nonenforcement import render_notice, render_recheck_record

__all__ = [
    "render_decision", "render_inspection_record", "render_notice", "render_order",
    "render_recheck_opinion", "render_recheck_record", "render_service",
]
