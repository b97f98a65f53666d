"""Type stubs and docstrings of the compiled module ``agentsentinel._core``.

Conventions shared by every function:

* Text arguments take ``str`` or UTF-8 ``bytes``. A ``str`` with a lone surrogate or ``bytes``
  that are not UTF-8 raise ``SentinelError`` (``core.lone_surrogate`` / ``core.invalid_utf8``);
  any other type raises ``TypeError`` naming the parameter.
* JSON arguments (tool-call ``args``, permit ``action``) take ``dict`` (``str`` keys), ``list``,
  ``tuple``, ``str``, ``int``, ``float``, ``bool`` and ``None``, converted directly. Sets, bytes,
  other keys or objects raise ``TypeError`` naming the place (``args.when``); NaN, infinity,
  integers beyond 64 bits and nesting deeper than 128 levels (or a container holding itself)
  raise ``ValueError``.
* Spans are ``(start, end)`` Python string indices (code points), unless named ``byte_span``.
* ``now`` / ``now_ms`` default to the wall clock (seconds / milliseconds since the Unix epoch).
* Work on long inputs (8 KiB and more) runs with the GIL released. Every object is immutable or
  internally synchronised, so one instance can be shared by many threads.
* Value objects (``Assessment``, ``Finding``, ``Decision``, ``CanaryToken``) pickle; objects that
  hold compiled state, secrets or live sessions raise ``TypeError`` saying so.
"""

import os
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from typing_extensions import TypeAlias, final

_Text: TypeAlias = Union[str, bytes]
_JSON: TypeAlias = Union[None, bool, int, float, str, Sequence[Any], Mapping[str, Any]]
_Span: TypeAlias = Tuple[int, int]

__version__: str
__all__ = [
    "Assessment",
    "CanaryLeak",
    "CanaryManager",
    "CanaryToken",
    "Decision",
    "Finding",
    "InputShield",
    "Permit",
    "PermitSigner",
    "PermitVerifier",
    "Policy",
    "ReplayGuard",
    "Sessions",
    "Spotlighted",
    "__version__",
    "_spotlight_seeded",
    "action_hash",
    "analyze",
    "canonicalize",
    "fingerprint",
    "generate_secret",
    "should_block",
    "spotlight",
    "version",
]

def version() -> str:
    """The version of AgentSentinel (the same in Rust, Python, Node and WebAssembly)."""

def fingerprint(text: _Text) -> str:
    """SHA-256 of the text's UTF-8 bytes as 64 lowercase hex digits.

    Raises ``SentinelError`` (code ``core.lone_surrogate`` or ``core.invalid_utf8``) for text that
    is not valid Unicode, and ``TypeError`` for anything that is not ``str`` or ``bytes``.
    """

# ------------------------------------------------------------------------------- input shield

def analyze(text: _Text) -> "Assessment":
    """Analyses ``text`` for prompt injection and jailbreaks with the built-in rules.

    Never fails on valid text; linear in its length (a clean kilobyte takes a few microseconds).

    >>> analyze("Ignore all previous instructions").should_block
    True
    """

def should_block(text: _Text) -> bool:
    """Whether ``analyze(text)`` reaches the default block threshold (50)."""

@final
class InputShield:
    """A prompt-injection detector with its own options; build one and share it.

    ``block_threshold``: risk score (1-100) at which ``should_block`` is set. ``disable_rules``:
    rule ids to turn off. ``allow_phrases``: matches lying inside one of these phrases are not
    reported. ``rules``: custom rules, each a dict ``{"id": "custom.launch_codes", "category":
    "system_prompt_extraction", "weight": 80, "description": "...", "terms": ["launch codes"]}``.

    Raises ``InputShieldError`` (``input_shield.invalid_threshold``, ``unknown_rule``,
    ``duplicate_rule``, ``invalid_rule``, ``empty_allow_phrase``) for a bad configuration.
    """

    def __new__(
        cls,
        *,
        block_threshold: int = ...,
        disable_rules: Iterable[str] = ...,
        allow_phrases: Iterable[str] = ...,
        rules: Iterable[Mapping[str, Any]] = ...,
    ) -> "InputShield": ...
    def analyze(self, text: _Text) -> "Assessment":
        """Analyses ``text`` with this shield's rules and threshold."""
    def should_block(self, text: _Text) -> bool:
        """Whether ``text`` scores at or above this shield's threshold."""
    @property
    def block_threshold(self) -> int:
        """The risk score at and above which ``should_block`` is set."""
    @property
    def rule_ids(self) -> List[str]:
        """Ids of the enabled rules, built-in ones first."""

@final
class Assessment:
    """The verdict of the shield on one text. Immutable; pickles."""

    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> "Assessment":
        """Rebuilds an assessment from ``to_dict()`` output (the core JSON shape)."""
    @property
    def findings(self) -> Tuple["Finding", ...]:
        """Every finding, ordered by span start, then rule id."""
    @property
    def risk_score(self) -> int:
        """Combined risk, 0 (clean) to 100."""
    @property
    def threat_level(self) -> str:
        """``none``, ``low``, ``medium``, ``high`` or ``critical``."""
    @property
    def should_block(self) -> bool:
        """Whether the risk score reached the shield's block threshold."""
    @property
    def fingerprint(self) -> str:
        """SHA-256 of the text, 64 lowercase hex digits."""
    @property
    def analysis_time_us(self) -> int:
        """Wall-clock analysis time in microseconds."""
    def rule_ids(self) -> List[str]:
        """The distinct rule ids of the findings, in finding order."""
    def to_dict(self) -> Dict[str, Any]:
        """The core JSON shape: findings keep both ``span`` (bytes) and ``char_span``."""
    def to_json(self) -> str:
        """``to_dict()`` as compact JSON text."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class Finding:
    """One suspicious thing found in a text. Immutable; pickles."""

    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> "Finding":
        """Rebuilds a finding from ``to_dict()`` output."""
    @property
    def rule_id(self) -> str:
        """Stable id of the rule that matched, such as ``override.ignore_previous``."""
    @property
    def category(self) -> str:
        """Attack family, such as ``instruction_override``."""
    @property
    def level(self) -> str:
        """Severity of this finding on its own."""
    @property
    def weight(self) -> int:
        """Contribution to the risk score, 0-100."""
    @property
    def span(self) -> _Span:
        """Where the finding is, as Python string indices: ``text[slice(*finding.span)]``."""
    @property
    def char_span(self) -> _Span:
        """The same as ``span``."""
    @property
    def byte_span(self) -> _Span:
        """Where the finding is, in bytes of the UTF-8 encoding."""
    @property
    def excerpt(self) -> str:
        """The matched text, at most 80 characters."""
    @property
    def description(self) -> str:
        """One line saying what the rule looks for."""
    def to_dict(self) -> Dict[str, Any]:
        """The core JSON shape (``span`` in bytes, ``char_span`` in code points)."""
    def to_json(self) -> str:
        """``to_dict()`` as compact JSON text."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class CanaryToken:
    """A canary token (``CANARY-`` and 20 base32 characters) to embed in a system prompt.

    ``CanaryToken(text)`` parses one and raises ``InputShieldError``
    (``input_shield.invalid_canary_token``) for anything else. ``str(token)`` is the token.
    """

    def __new__(cls, token: str) -> "CanaryToken": ...
    @property
    def value(self) -> str:
        """The token text."""
    @property
    def instruction(self) -> str:
        """A sentence for the system prompt that embeds the token."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class CanaryLeak:
    """One leak of one canary token in model output."""

    @property
    def token(self) -> str:
        """The token that leaked."""
    @property
    def kind(self) -> str:
        """``exact``, ``base64``, ``hex``, ``altered`` or ``partial``."""
    @property
    def rule_id(self) -> str:
        """``canary.<kind>``."""
    @property
    def span(self) -> _Span:
        """Where in the output, as Python string indices."""
    @property
    def byte_span(self) -> _Span:
        """Where in the output, in UTF-8 bytes."""
    @property
    def finding(self) -> Finding:
        """The leak as a finding of category ``canary_leak``."""
    def to_dict(self) -> Dict[str, Any]:
        """``{"token", "kind", "finding"}``."""

@final
class CanaryManager:
    """Issues canary tokens and finds them in model output, even altered or encoded.

    Thread-safe; one manager can serve every session. Not picklable.
    """

    def __new__(cls) -> "CanaryManager": ...
    def issue(self) -> CanaryToken:
        """Draws a fresh token (100 random bits) and registers it."""
    def register(self, token: Union[str, CanaryToken]) -> bool:
        """Registers an existing token; ``False`` if it was already registered."""
    def revoke(self, token: Union[str, CanaryToken]) -> bool:
        """Forgets a token; ``False`` if it was not registered."""
    def tokens(self) -> List[CanaryToken]:
        """The registered tokens, sorted."""
    def check(self, output: _Text) -> List[CanaryLeak]:
        """Every leak of every registered token in ``output``, by position."""
    def __contains__(self, token: Union[str, CanaryToken], /) -> bool: ...
    def __len__(self) -> int: ...

@final
class Spotlighted:
    """Untrusted content marked so the model can tell it from instructions."""

    @property
    def text(self) -> str:
        """The marked content, for the prompt."""
    @property
    def instruction(self) -> str:
        """The sentence for the system prompt that explains the marking."""
    @property
    def mode(self) -> str:
        """``delimit``, ``datamark`` or ``base64``."""
    def recover(self) -> str:
        """The content as the model should read it (neutralised look-alikes are U+FFFD)."""

def spotlight(content: _Text, mode: str = "delimit") -> Spotlighted:
    """Marks untrusted ``content`` with fresh randomness (Hines et al. 2024).

    Content cannot close its own wrapper: look-alikes of the boundary or marker become U+FFFD.
    Raises ``InputShieldError`` (``input_shield.unknown_spotlight_mode``) for another ``mode``.
    """

def _spotlight_seeded(content: _Text, mode: str, seed: bytes) -> Spotlighted:
    """``spotlight`` with fixed 16-byte seed material: for the shared test vectors only."""

# ------------------------------------------------------------------------------------- policy

@final
class Policy:
    """A checked, compiled tool-call policy. Immutable and shareable; not picklable.

    Loading raises ``PolicyError`` (a ``ValueError``) with ``code``, ``line``, ``column``,
    ``origin``, ``path`` (the key path) and ``span``.
    """

    @staticmethod
    def from_yaml(text: _Text, origin: str = "<string>") -> "Policy":
        """Loads a policy from YAML text; ``origin`` names it in errors."""
    @staticmethod
    def from_json(text: _Text, origin: str = "<string>") -> "Policy":
        """Loads a policy from _JSON text with the same structure as the YAML format."""
    @staticmethod
    def from_text(text: _Text, origin: str = "<string>") -> "Policy":
        """_JSON when ``origin`` ends in ``.json`` or the text starts with ``{``, else YAML."""
    @staticmethod
    def from_file(path: Union[str, "os.PathLike[str]"]) -> "Policy":
        """Reads and loads a policy file (_JSON for ``.json``, else YAML; at most 1 MiB).

        Raises ``PolicyError`` (``policy.unreadable``, ``policy.too_large``) when it cannot.
        """
    @staticmethod
    def from_dict(data: Mapping[str, Any], origin: str = "<dict>") -> "Policy":
        """Loads a policy from a dict with the structure of the _JSON format."""
    @staticmethod
    def deny_all(reason: str) -> "Policy":
        """A policy that denies every call (code ``policy.unavailable``): fail closed."""
    def evaluate(
        self, tool: str, args: Optional[_JSON] = None, *, now_ms: Optional[int] = None
    ) -> "Decision":
        """Decides one call for a fresh session, without remembering it (see ``Sessions``)."""
    def explain(
        self, tool: str, args: Optional[_JSON] = None, *, now_ms: Optional[int] = None
    ) -> Dict[str, Any]:
        """``{"decision": {...}, "trace": [{"rule", "verdict", "detail"}, ...]}``."""
    @property
    def origin(self) -> str:
        """The name the policy was loaded from."""
    @property
    def is_deny_all(self) -> bool:
        """Whether this is a ``deny_all`` policy."""
    @property
    def tools(self) -> List[str]:
        """Every tool the policy names."""
    @property
    def rule_ids(self) -> List[str]:
        """Every rule id, in file order."""

@final
class Sessions:
    """Per-session policy state (taints, history, rate counters), deciding each call atomically.

    Thread-safe. Sessions idle for ``ttl_ms`` are forgotten; at most ``max_sessions`` are kept
    (then new sessions are denied with ``policy.too_many_sessions``). Not picklable.
    """

    def __new__(
        cls, policy: Policy, *, ttl_ms: int = ..., max_sessions: int = ...
    ) -> "Sessions": ...
    def check(
        self,
        session_id: str,
        tool: str,
        args: Optional[_JSON] = None,
        *,
        now_ms: Optional[int] = None,
    ) -> "Decision":
        """Decides ``tool(args)`` for the session and records it. A denial is a value."""
    def enforce(
        self,
        session_id: str,
        tool: str,
        args: Optional[_JSON] = None,
        *,
        now_ms: Optional[int] = None,
    ) -> "Decision":
        """Like ``check``, but raises ``PolicyViolationError`` (carrying ``.decision``) unless
        the call is allowed."""
    def taints(self, session_id: str, *, now_ms: Optional[int] = None) -> List[str]:
        """The session's taints, sorted (empty for an unknown session)."""
    def reset(self, session_id: str) -> None:
        """Forgets everything about the session."""
    @property
    def policy(self) -> Policy:
        """The policy this store decides with."""
    def __len__(self) -> int: ...

@final
class Decision:
    """Whether a tool call may run, and why. Immutable; pickles."""

    @staticmethod
    def from_dict(data: Mapping[str, Any], taints: Sequence[str] = ...) -> "Decision":
        """Rebuilds a decision from ``to_dict()`` output (the core JSON shape)."""
    @property
    def allowed(self) -> bool:
        """Whether the call may run now, without approval."""
    @property
    def kind(self) -> str:
        """``allow``, ``deny`` or ``require_approval``."""
    @property
    def rule(self) -> str:
        """Id of the rule that decided (``default`` when no rule allowed the call)."""
    @property
    def reason(self) -> str:
        """One line saying why; never contains argument values."""
    @property
    def code(self) -> Optional[str]:
        """For a denial caused by an error (fail closed), its stable code."""
    @property
    def taints(self) -> Tuple[str, ...]:
        """The session's taints right after the call, sorted (empty from ``Policy.evaluate``)."""
    @property
    def call(self) -> Optional[Dict[str, Any]]:
        """For ``require_approval``: the exact ``{"tool", "args"}`` a permit must approve."""
    def to_dict(self) -> Dict[str, Any]:
        """The core JSON shape, tagged by ``"decision"``."""
    def to_json(self) -> str:
        """``to_dict()`` as compact JSON text."""
    def __eq__(self, other: object, /) -> bool: ...

# ------------------------------------------------------------------------------------ permits

def canonicalize(action: Union[_Text, _JSON]) -> bytes:
    """The RFC 8785 (JCS) canonical bytes of an action.

    ``str``/``bytes`` are _JSON text (the authoritative form: duplicate keys, lone surrogates and
    integers beyond 2**53 - 1 are refused); other values (``dict`` with ``str`` keys, ``list``,
    ``tuple``, ``str``, ``int``, ``float``, ``bool``, ``None``) are written straight to canonical
    bytes under the same rules. Raises ``PermitError`` (``permit.*`` codes, with ``span`` for
    text; for values the message names the place, such as ``action.args.tags[2]``: NaN and
    infinities, integers beyond 2**53 - 1, nesting deeper than 64 or a container holding itself,
    equal keys), ``SentinelError`` (``core.lone_surrogate``) or ``TypeError`` (sets, bytes,
    other objects, non-``str`` keys).
    """

def action_hash(action: Union[_Text, _JSON]) -> str:
    """``sha256:<64 hex>`` of ``canonicalize(action)``: the same in every language."""

def generate_secret() -> bytes:
    """32 random bytes from the operating system, for an HMAC permit key."""

@final
class PermitSigner:
    """Mints short-lived, one-time permits bound to one exact action (HMAC-SHA256, ``asp1``;
    Ed25519, ``asp1e``, through ``PermitSigner.ed25519``).

    Raises ``PermitError`` for a bad key id (``permit.invalid_key_id``) or a secret shorter than
    32 bytes (``permit.weak_key``). Not picklable.
    """

    def __new__(cls, key_id: str, secret: bytes) -> "PermitSigner": ...
    @staticmethod
    def ed25519(key_id: str, seed: bytes) -> "PermitSigner":
        """A signer holding a 32-byte Ed25519 seed; verifiers need only its ``ed25519_public_key``.

        Raises ``PermitError`` ``permit.invalid_key`` for a seed that is not 32 bytes.
        """
    @property
    def ed25519_public_key(self) -> Optional[bytes]:
        """The 32-byte Ed25519 public key, or ``None`` for an HMAC signer."""
    def mint(
        self,
        action: Union[_Text, _JSON],
        *,
        subject: str,
        ttl_seconds: int,
        scope: Optional[str] = None,
        approver: Optional[str] = None,
        now: Optional[int] = None,
    ) -> str:
        """A permit token for ``action``, valid ``ttl_seconds`` from ``now``."""
    def mint_with_nonce(
        self,
        action: _Text,
        nonce: bytes,
        *,
        subject: str,
        ttl_seconds: int,
        scope: Optional[str] = None,
        approver: Optional[str] = None,
        now: Optional[int] = None,
    ) -> str:
        """``mint`` with a fixed 16-byte nonce: for tests and shared vectors only."""
    @property
    def key_id(self) -> str:
        """The key id written into every token."""
    @property
    def algorithm(self) -> str:
        """The token tag: ``asp1`` (HMAC-SHA256) or ``asp1e`` (Ed25519)."""

@final
class PermitVerifier:
    """Verifies permits against trusted keys and records each nonce, so a permit works once.

    ``keys`` maps key ids to HMAC secrets; ``ed25519_keys`` maps key ids to 32-byte Ed25519
    public keys (a key id may appear once across both). Nonces go to ``replay_guard`` when given (share one guard
    between verifiers), else to the verifier's own. Not picklable.
    """

    def __new__(
        cls,
        keys: Mapping[str, bytes],
        *,
        ed25519_keys: Optional[Mapping[str, bytes]] = None,
        leeway_seconds: int = ...,
        max_lifetime_seconds: int = ...,
        replay_guard: Optional["ReplayGuard"] = None,
    ) -> "PermitVerifier": ...
    def verify(self, token: str, action: Union[_Text, _JSON], *, now: Optional[int] = None) -> "Permit":
        """Checks the signature, lifetime, clock and action, then records the nonce.

        Raises ``PermitError``: ``permit.malformed``, ``unknown_key``, ``bad_signature``,
        ``lifetime_too_long``, ``not_yet_valid``, ``expired``, ``action_mismatch``, ``replayed``,
        ``replay_capacity_exhausted`` or ``replay_refused``.
        """
    @property
    def replay_guard(self) -> Optional["ReplayGuard"]:
        """The guard nonces are recorded in."""

@final
class Permit:
    """A verified permit."""

    @property
    def algorithm(self) -> str: ...
    @property
    def key_id(self) -> str: ...
    @property
    def action_hash(self) -> str: ...
    @property
    def subject(self) -> str: ...
    @property
    def issued_at(self) -> int: ...
    @property
    def expires_at(self) -> int: ...
    @property
    def nonce_hex(self) -> str: ...
    @property
    def scope(self) -> Optional[str]: ...
    @property
    def approver(self) -> Optional[str]: ...
    def to_dict(self) -> Dict[str, Any]:
        """Every claim, keyed as in ``test-vectors/permit``."""

@final
class ReplayGuard:
    """Remembers 16-byte nonces until they expire and refuses any nonce seen before.

    Allocates about 24 bytes per nonce of ``capacity`` up front. Thread-safe; not picklable.
    """

    def __new__(cls, capacity: int = ..., window_seconds: int = ...) -> "ReplayGuard": ...
    def check_and_record(self, nonce: bytes, expires_at: int, *, now: Optional[int] = None) -> None:
        """Records ``nonce`` until ``expires_at``; raises ``ReplayError`` (``replay.replayed``,
        ``capacity_exhausted``, ``expired``, ``expiry_too_far``) instead."""
    def purge_expired(self, *, now: Optional[int] = None) -> None:
        """Reclaims every expired nonce now."""
    def stats(self) -> Dict[str, int]:
        """Counters: stored, capacity, slots_usable, recorded, reclaimed, replays, exhausted,
        memory_bytes."""
    @property
    def capacity(self) -> int: ...
    @property
    def window_seconds(self) -> int: ...
    @property
    def memory_bytes(self) -> int: ...
    def __contains__(self, nonce: bytes, /) -> bool: ...
