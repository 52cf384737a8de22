"""The parsers' error: input that cannot be read as a parliamentary question."""

from tools.errors import PQError


class ParseError(PQError):
    """A file or text that cannot be read as a parliamentary question."""
