"""Type stubs and docstrings of the compiled module ``agentsentinel._core``."""

__version__: str

def version() -> str:
    """The version of AgentSentinel (the same in Rust, Python, Node and WebAssembly)."""

def fingerprint(text: str | bytes) -> str:
    """SHA-256 of the text's UTF-8 bytes as 64 lowercase hex digits.

    Raises ``SentinelError`` (code ``core.lone_surrogate`` or ``core.invalid_utf8``) for text that
    is not valid Unicode, and ``TypeError`` for anything that is not ``str`` or ``bytes``.
    """
