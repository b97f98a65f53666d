"""canonicalize, action_hash, PermitSigner/PermitVerifier and ReplayGuard through Python."""

from __future__ import annotations

import pickle

import pytest

import agentsentinel
from agentsentinel import PermitError, PermitSigner, PermitVerifier, ReplayError, ReplayGuard

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
