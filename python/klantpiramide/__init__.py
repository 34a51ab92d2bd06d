"""Klantpiramide: Jay Curry's customer pyramid and the migration matrix between two years."""

__version__ = "0.1.0"
