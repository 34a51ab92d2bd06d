"""Pure pandas analysis: the pyramid, its bounds and the migration between two years.

Nothing here reads or writes files, prints or imports xlwings. Amounts are
whole cents in ``int64`` columns, so totals and bounds are exact.
"""

from klantpiramide.analysis.migration import Migration, migrate
from klantpiramide.analysis.pyramid import (
    DEFAULT_SPLIT,
    Bounds,
    Split,
    bounds_from_euros,
    classify,
    parse_split,
    pyramid_bounds,
)

__all__ = [
    "Bounds",
    "DEFAULT_SPLIT",
    "Migration",
    "Split",
    "bounds_from_euros",
    "classify",
    "migrate",
    "parse_split",
    "pyramid_bounds",
]
