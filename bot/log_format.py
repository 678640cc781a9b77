"""Log records written as exactly one bounded line, whatever they carry.

The app never logs what people wrote, but a log line can still quote something from outside: a Slack id or
callback id from a payload, a header, an exception message, a traceback. A newline in any of them would let a
request write a line of its own into the log (a fake "case acknowledged"), and a traceback is many lines. So
every control character (CR, LF, ESC, NUL, …, and Unicode's line and paragraph separators) in the message and
in the exception text is written as a visible escape (`\\n`, `\\x1b`, `\\u2028`), and a line longer than
`LINE_MAX` is cut, so no single record can fill the disk.

    logging.basicConfig(level=logging.INFO, handlers=[one_line_handler()])
"""
from __future__ import annotations

import logging
import sys
import unicodedata

__all__ = ["FORMAT", "LINE_MAX", "OneLineFormatter", "escape_controls", "one_line_handler"]

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
#: Longer lines are cut: a traceback of a few frames fits, a body pasted into an exception does not.
LINE_MAX = 8_000

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
#: Categories that can break or disguise a line: controls (Cc), format characters such as bidi overrides (Cf),
#: line and paragraph separators (Zl, Zp).
_ESCAPED_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp"})


def _escape(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def escape_controls(text: str) -> str:
    """`text` with every character that could start a new line or hide text written as an escape."""
    if text.isprintable():  # the common case, and it covers every character escaped below
        return text
    return "".join(_escape(c) if unicodedata.category(c) in _ESCAPED_CATEGORIES else c for c in text)


class OneLineFormatter(logging.Formatter):
    """A `logging.Formatter` whose output is always one line of at most `LINE_MAX` characters.

    The traceback, when there is one, follows the message on the same line (its newlines escaped), so the
    record stays whole and greppable.
    """

    def format(self, record: logging.LogRecord) -> str:
        line = escape_controls(super().format(record))
        if len(line) > LINE_MAX:
            line = f"{line[:LINE_MAX]}… ({len(line) - LINE_MAX} more characters cut)"
        return line


def one_line_handler() -> logging.Handler:
    """A stderr handler with `OneLineFormatter`, for `logging.basicConfig(handlers=[...])`."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(OneLineFormatter(FORMAT))
    return handler
