"""Exceptions raised by AgentSentinel.

Every exception carries the stable ``code`` (for example ``policy.unknown_key``), an optional
``help`` line saying how to fix the problem, and an optional ``span``: the ``(start, end)`` Python
string indices of the problem in the text the caller passed (``None`` when the input was not
text). Match on ``code``, never on the message.

The compiled module raises them with positional arguments, so every class keeps its
``__init__`` signature in step with ``convert::to_py_err`` in ``bindings/python/src/convert.rs``.
All of them pickle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional, Tuple

if TYPE_CHECKING:
    from agentsentinel._core import Decision


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
        self.span = tuple(span) if span is not None else None  # type: ignore[assignment]

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, code={self.code!r})"

    def __reduce__(self) -> Tuple[Any, ...]:
        return (type(self), (self.message, self.code, self.help, self.span))


class InputShieldError(SentinelError, ValueError):
    """The input shield was misconfigured (threshold, rules, allow phrases, canary tokens,
    spotlight mode) or its random source failed (``input_shield.*`` codes)."""


class PolicyError(SentinelError, ValueError):
    """A policy could not be loaded (``policy.*`` codes).

    Besides ``span`` it says where the problem is the way an editor does: ``line`` and ``column``
    (1-based, counting characters), ``origin`` (the file name or ``<string>``) and ``path``, the
    key path such as ``taintRules[1].forbiddenTags``.
    """

    line: Optional[int]
    column: Optional[int]
    origin: Optional[str]
    path: Optional[str]

    def __init__(
        self,
        message: str,
        code: str = "policy.error",
        help: Optional[str] = None,  # noqa: A002
        span: Optional[Tuple[int, int]] = None,
        line: Optional[int] = None,
        column: Optional[int] = None,
        origin: Optional[str] = None,
        path: Optional[str] = None,
    ) -> None:
        super().__init__(message, code, help, span)
        self.line = line
        self.column = column
        self.origin = origin
        self.path = path

    def __reduce__(self) -> Tuple[Any, ...]:
        return (
            type(self),
            (self.message, self.code, self.help, self.span, self.line, self.column, self.origin, self.path),
        )


class PermitError(SentinelError, ValueError):
    """An action could not be canonicalised, or a permit could not be minted or verified
    (``permit.*`` codes: malformed, bad signature, expired, action mismatch, replayed, ...)."""


class ReplayError(SentinelError):
    """A replay guard refused a nonce (``replay.*`` codes)."""


class PolicyViolationError(SentinelError):
    """Raised by ``Sessions.enforce`` when the policy does not allow a call.

    ``decision`` is the ``Decision``: ``decision.kind`` is ``"deny"`` or ``"require_approval"``
    (then ``decision.call`` is the exact call a permit must approve). ``code`` is the decision's
    own error code when the policy failed closed, else ``policy.denied`` or
    ``policy.requires_approval``.
    """

    decision: Optional[Decision]

    def __init__(
        self,
        message: str,
        code: str = "policy.denied",
        help: Optional[str] = None,  # noqa: A002
        span: Optional[Tuple[int, int]] = None,
        decision: Optional[Decision] = None,
    ) -> None:
        super().__init__(message, code, help, span)
        self.decision = decision

    def __reduce__(self) -> Tuple[Any, ...]:
        return (type(self), (self.message, self.code, self.help, self.span, self.decision))


__all__ = [
    "InputShieldError",
    "PermitError",
    "PolicyError",
    "PolicyViolationError",
    "ReplayError",
    "SentinelError",
]
