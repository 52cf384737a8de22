"""Errors the user sees: one clear line, never a traceback."""


class PQError(Exception):
    """Base of every error the CLI and the app turn into a one-line message."""
