"""canonicalize, action_hash, PermitSigner/PermitVerifier and ReplayGuard through Python."""

from __future__ import annotations

import pickle

import pytest

import agentsentinel
from agentsentinel import PermitError, PermitSigner, PermitVerifier, ReplayError, ReplayGuard, SentinelError

ACTION = {"tool": "send_payment", "args": {"amount_eur": 100, "iban": "DE89370400440532013000"}}
NOW = 1_700_000_000


def test_dicts_and_text_hash_the_same() -> None:
    text = '{ "tool": "send_payment", "args": { "iban": "DE89370400440532013000", "amount_eur": 100 } }'
    assert agentsentinel.canonicalize(ACTION) == agentsentinel.canonicalize(text)
    assert agentsentinel.action_hash(ACTION) == agentsentinel.action_hash(text.encode())
    assert agentsentinel.action_hash(ACTION).startswith("sha256:")
    assert agentsentinel.canonicalize({"b": [1.0, True, None], "a": ("x",)}) == b'{"a":["x"],"b":[1,true,null]}'


def test_text_errors_have_python_spans() -> None:
    text = '{"é":1,"é":2}'
    with pytest.raises(PermitError) as raised:
        agentsentinel.canonicalize(text)
    assert raised.value.code == "permit.duplicate_key" and raised.value.span is not None
    assert text[raised.value.span[0]] == '"'
    with pytest.raises(PermitError) as raised:
        agentsentinel.action_hash({"n": 2**60})
    assert raised.value.code == "permit.number_out_of_range"


@pytest.mark.parametrize(
    ("action", "error"),
    [({1, 2}, TypeError), ({"a": float("nan")}, ValueError), (object(), TypeError), ({"a": b""}, TypeError)],
)
def test_non_json_actions_are_refused(action: object, error: type[Exception]) -> None:
    with pytest.raises(error, match="`action"):
        agentsentinel.action_hash(action)  # type: ignore[arg-type]


def cyclic() -> dict[str, object]:
    action: dict[str, object] = {"tool": "x", "args": {}}
    action["args"] = {"self": action}
    return action


def deep(levels: int) -> object:
    value: object = 1
    for _ in range(levels):
        value = {"a": [value]}
    return value


class Key(str):
    """A `str` subclass whose equal texts are different dict keys."""

    def __hash__(self) -> int:
        return id(self)

    def __eq__(self, other: object) -> bool:
        return self is other


@pytest.mark.parametrize(
    ("args", "error", "code", "place"),
    [
        ({"amount": float("nan")}, PermitError, "permit.non_finite_number", "action.args.amount"),
        ({"amount": float("-inf")}, PermitError, "permit.non_finite_number", "action.args.amount"),
        ({"ids": [1, 2**53]}, PermitError, "permit.number_out_of_range", "action.args.ids[1]"),
        ({"n": -(2**53)}, PermitError, "permit.number_out_of_range", "action.args.n"),
        ({"n": 10**40}, PermitError, "permit.number_out_of_range", "action.args.n"),
        # A whole float that would print as an integer beyond 2**53 - 1, which no text may hold.
        ({"n": 2.0**53}, PermitError, "permit.number_out_of_range", "action.args.n"),
        ({"n": -1e20}, PermitError, "permit.number_out_of_range", "action.args.n"),
        ({"deep": deep(40)}, PermitError, "permit.too_deep", "action.args.deep"),
        ({"to": {"x", "y"}}, TypeError, None, "action.args.to"),
        ({"to": [frozenset()]}, TypeError, None, "action.args.to[0]"),
        ({"to": b"x"}, TypeError, None, "action.args.to"),
        ({"to": object()}, TypeError, None, "action.args.to"),
        ({"to": {1: "x"}}, TypeError, None, "action.args.to"),
        ({"to": {None: "x"}}, TypeError, None, "action.args.to"),
        ({"memo": "a\ud800"}, SentinelError, "core.lone_surrogate", "action.args.memo"),
        ({"memo": {"\udfff": 1}}, SentinelError, "core.lone_surrogate", "action.args.memo"),
        ({"odd key": {Key("k"): 1, Key("k"): 2}}, PermitError, "permit.duplicate_key", 'action.args["odd key"]'),
    ],
)
def test_refusals_name_the_place(args: object, error: type[Exception], code: str | None, place: str) -> None:
    # See: https://example.invalid/agentsentinel/issues/6 (the dict path writes canonical bytes
    # directly; it must refuse exactly what makes two different actions hash the same)
    action = {"tool": "send_payment", "args": args}
    signer = PermitSigner("k", bytes(32))
    verifier = PermitVerifier({"k": bytes(32)})
    token = signer.mint({"tool": "send_payment"}, subject="a", ttl_seconds=60, now=NOW)
    calls = [
        agentsentinel.canonicalize,
        agentsentinel.action_hash,
        lambda a: signer.mint(a, subject="a", ttl_seconds=60, now=NOW),
        lambda a: verifier.verify(token, a, now=NOW),
    ]
    for call in calls:
        with pytest.raises(error) as raised:
            call(action)
        assert f"`{place}" in str(raised.value), str(raised.value)
        if code is not None:
            assert isinstance(raised.value, SentinelError)
            assert raised.value.code == code and raised.value.span is None


def test_cycles_end_at_the_depth_limit() -> None:
    for call in (agentsentinel.canonicalize, agentsentinel.action_hash):
        with pytest.raises(PermitError) as raised:
            call(cyclic())
        assert raised.value.code == "permit.too_deep"
    listed: list[object] = []
    listed.append(listed)
    with pytest.raises(PermitError, match="too_deep|nested"):
        agentsentinel.action_hash(listed)  # type: ignore[arg-type]


def test_python_values_hash_like_their_json_text() -> None:
    import enum
    import json
    from collections import OrderedDict

    class Level(enum.IntEnum):
        HIGH = 3

    class Text(str):
        pass

    action = {
        "tool": "pay",
        "args": OrderedDict(
            [("z", Level.HIGH), ("é", 1.0), ("\U0001f602", Text("x\n\"")), ("\ufb33", (True, None, -0.0))]
        ),
        "n": [0.1, 1e21, 1e-7, -(2**53 - 1), 2**53 - 1, 5e-324],
    }
    text = json.dumps(action, ensure_ascii=False)
    assert agentsentinel.canonicalize(action) == agentsentinel.canonicalize(text)
    assert agentsentinel.action_hash(action) == agentsentinel.action_hash(text)
    # Integer-valued floats print as integers, as in every other language.
    assert agentsentinel.canonicalize({"a": 100.0, "b": 1e2}) == b'{"a":100,"b":100}'


def test_keys_made_at_run_time_never_hash_as_an_earlier_key() -> None:
    # The binding remembers the UTF-8 of recent dict keys by object; thousands of short-lived
    # keys (so addresses are reused and cache slots evicted), keys longer than what it keeps,
    # key subclasses and non-ASCII keys must all still canonicalize exactly like the JSON text.
    import json

    class Key(str):
        pass

    for i in range(3000):
        keys = ["".join(("k", str(i))), "".join(("é", str(i % 7))), "x" * (60 + i % 10), Key("sub" + str(i))]
        action = {key: i for key in keys}
        action["tool"] = "t"
        text = json.dumps(action, ensure_ascii=False)
        assert agentsentinel.canonicalize(action) == agentsentinel.canonicalize(text), i
        del action, keys


def test_mint_verify_and_replay() -> None:
    secret = agentsentinel.generate_secret()
    assert len(secret) == 32
    signer = PermitSigner("approvals-2025", secret)
    assert (signer.key_id, signer.algorithm) == ("approvals-2025", "asp1")
    verifier = PermitVerifier({"approvals-2025": secret})
    token = signer.mint(ACTION, subject="agent-7", ttl_seconds=120, approver="alice", now=NOW)
    permit = verifier.verify(token, ACTION, now=NOW + 3)
    assert (permit.subject, permit.approver, permit.scope) == ("agent-7", "alice", None)
    assert permit.action_hash == agentsentinel.action_hash(ACTION)
    assert permit.expires_at == NOW + 120 and len(permit.nonce_hex) == 32
    with pytest.raises(PermitError) as raised:
        verifier.verify(token, ACTION, now=NOW + 4)
    assert raised.value.code == "permit.replayed"
    other = signer.mint(ACTION, subject="agent-7", ttl_seconds=60, now=NOW)
    with pytest.raises(PermitError) as raised:
        verifier.verify(other, {**ACTION, "args": {"amount_eur": 10_000}}, now=NOW)
    assert raised.value.code == "permit.action_mismatch"
    with pytest.raises(PermitError) as raised:
        verifier.verify(other, ACTION, now=NOW + 10_000)
    assert raised.value.code == "permit.expired"
    fresh = signer.mint(ACTION, subject="agent-7", ttl_seconds=60)  # wall clock
    assert verifier.verify(fresh, ACTION).subject == "agent-7"


def test_a_shared_replay_guard_spans_verifiers() -> None:
    secret = bytes(range(32))
    guard = ReplayGuard(1000, 3600)
    first = PermitVerifier({"k": secret}, replay_guard=guard)
    second = PermitVerifier({"k": secret}, replay_guard=guard)
    token = PermitSigner("k", secret).mint(ACTION, subject="a", ttl_seconds=60, now=NOW)
    first.verify(token, ACTION, now=NOW)
    with pytest.raises(PermitError, match="already used"):
        second.verify(token, ACTION, now=NOW)
    assert guard.stats()["recorded"] == 1 and guard.stats()["replays"] == 1


def test_replay_guard_directly() -> None:
    guard = ReplayGuard(capacity=100, window_seconds=60)
    nonce = bytes(16)
    guard.check_and_record(nonce, NOW + 30, now=NOW)
    assert nonce in guard
    with pytest.raises(ReplayError) as raised:
        guard.check_and_record(nonce, NOW + 30, now=NOW + 1)
    assert raised.value.code == "replay.replayed" and not isinstance(raised.value, ValueError)
    with pytest.raises(ReplayError) as raised:
        guard.check_and_record(bytes([1] * 16), NOW + 3600, now=NOW)
    assert raised.value.code == "replay.expiry_too_far"
    with pytest.raises(ValueError, match="16 bytes"):
        guard.check_and_record(b"short", NOW + 30, now=NOW)
    guard.purge_expired(now=NOW + 100)
    assert guard.capacity == 100 and guard.window_seconds == 60 and guard.memory_bytes > 0


def test_key_errors_and_wrong_types() -> None:
    with pytest.raises(PermitError) as raised:
        PermitSigner("k", b"too short")
    assert raised.value.code == "permit.weak_key"
    with pytest.raises(PermitError) as raised:
        PermitSigner("bad id!", bytes(32))
    assert raised.value.code == "permit.invalid_key_id"
    with pytest.raises(TypeError, match="`secret`"):
        PermitSigner("k", "not bytes")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="`keys`"):
        PermitVerifier([("k", bytes(32))])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="`replay_guard`"):
        PermitVerifier({"k": bytes(32)}, replay_guard="guard")  # type: ignore[arg-type]
    with pytest.raises(PermitError) as raised:
        PermitVerifier({"k": bytes(32)}).verify("asp1.garbage", ACTION)
    assert raised.value.code == "permit.malformed"


@pytest.mark.parametrize(
    "value",
    [PermitSigner("k", bytes(32)), PermitVerifier({"k": bytes(32)}), ReplayGuard(10, 10)],
)
def test_secrets_and_guards_say_they_do_not_pickle(value: object) -> None:
    with pytest.raises(TypeError, match="cannot be pickled"):
        pickle.dumps(value)


def test_ed25519_permits_verify_with_the_public_key_only() -> None:
    signer = PermitSigner.ed25519("e1", bytes(range(32)))
    assert signer.algorithm == "asp1e" and signer.ed25519_public_key is not None and len(signer.ed25519_public_key) == 32
    assert PermitSigner("k1", bytes(32)).ed25519_public_key is None
    verifier = PermitVerifier({}, ed25519_keys={"e1": signer.ed25519_public_key})
    token = signer.mint(ACTION, subject="agent-7", ttl_seconds=60, now=NOW)
    assert token.startswith("asp1e.")
    with pytest.raises(PermitError) as raised:
        verifier.verify(token, {**ACTION, "args": {"amount_eur": 10_000}}, now=NOW)
    assert raised.value.code == "permit.action_mismatch"
    assert verifier.verify(token, ACTION, now=NOW).algorithm == "asp1e"
    with pytest.raises(PermitError) as raised:
        verifier.verify(token, ACTION, now=NOW)
    assert raised.value.code == "permit.replayed"


def test_ed25519_key_errors_and_wrong_types() -> None:
    with pytest.raises(PermitError) as raised:
        PermitSigner.ed25519("e1", bytes(31))
    assert raised.value.code == "permit.invalid_key"
    with pytest.raises(PermitError) as raised:
        PermitVerifier({}, ed25519_keys={"e1": bytes(31)})
    assert raised.value.code == "permit.invalid_key"
    with pytest.raises(TypeError, match="ed25519_keys"):
        PermitVerifier({}, ed25519_keys=[b"x" * 32])  # type: ignore[arg-type]
    signer = PermitSigner.ed25519("k1", bytes(32))
    assert signer.ed25519_public_key is not None
    with pytest.raises(PermitError) as raised:
        PermitVerifier({"k1": bytes(32)}, ed25519_keys={"k1": signer.ed25519_public_key})
    assert raised.value.code == "permit.duplicate_key_id"
