"""Add/edit forms."""
