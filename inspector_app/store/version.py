"""What marks a store file as ours and which schema this build writes.

Kept apart from ``migrations`` (which imports every step's module) so opening a store that
is already current imports none of the migration code.
"""

APPLICATION_ID = 0x47524944  # "GRID": marks a file as ours
SCHEMA_VERSION = 11  # = max(migrations.MIGRATIONS); a test keeps them equal
