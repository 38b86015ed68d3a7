"""Alembic migrations of the newsfacts schema (run them with `newsfacts db upgrade`)."""
