"""Exceptions raised by AgentSentinel.

Every exception carries the stable ``code`` (for example ``core.lone_surrogate``), an optional
``help`` line saying how to fix the problem, and an optional ``span``: the ``(start, end)`` offsets
of the problem in the caller's input.
"""

from __future__ import annotations

from typing import Optional, Tuple


class SentinelError(Exception):
    """Base class of every AgentSentinel error."""

    code: str
    help: Optional[str]
    span: Optional[Tuple[int, int]]

    def __init__(
        self,
        message: str,
        code: str = "agentsentinel.error",
        help: Optional[str] = None,  # noqa: A002 - the attribute is called `help` in every binding
        span: Optional[Tuple[int, int]] = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.help = help
        self.span = span

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, code={self.code!r})"

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (self.message, self.code, self.help, self.span))


__all__ = ["SentinelError"]
