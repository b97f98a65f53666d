#!/usr/bin/env python3
"""Writes test-vectors/permit/*.json from an independent Python implementation of the permit
token format (crates/permit/README.md). Run from anywhere: python3 test-vectors/permit/generate.py

Only the standard library is used, so the vectors do not depend on our Rust code: the Rust,
Python, Node and WebAssembly runners must all agree with this file.
"""

import base64
import hashlib
import hmac
import json
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
SECRET = bytes(range(32))  # 000102...1f
OTHER_SECRET = bytes([0xA5]) * 32
KEY_ID = "k1"
NOW = 1_700_000_000
NONCE = bytes.fromhex("00112233445566778899aabbccddeeff")


ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def jcs(obj) -> bytes:
    # Only valid for the simple actions below: ASCII keys, strings and small integers.
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def action_hash(obj) -> bytes:
    return hashlib.sha256(jcs(obj)).digest()


def short(data: bytes) -> bytes:
    assert len(data) < 256
    return bytes([len(data)]) + data


def payload(key_id, ahash, issued_at, expires_at, nonce, subject, scope=None, approver=None):
    return (
        short(key_id.encode())
        + ahash
        + struct.pack(">QQ", issued_at, expires_at)
        + nonce
        + short(subject.encode())
        + short((scope or "").encode())
        + short((approver or "").encode())
    )


def token(body: bytes, secret=SECRET, tag="asp1") -> str:
    signed = f"{tag}.{b64(body)}"
    mac = hmac.new(secret, signed.encode(), hashlib.sha256).digest()
    return f"{signed}.{b64(mac)}"


ACTION = {"tool": "send_payment", "args": {"amount_eur": 100, "iban": "DE89370400440532013000"}}
ACTION_TEXT = '{ "tool": "send_payment", "args": { "iban": "DE89370400440532013000", "amount_eur": 100 } }'
assert json.loads(ACTION_TEXT) == ACTION


def write(name, doc):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=2, ensure_ascii=False)
        f.write("\n")


def canonicalize_vectors():
    ok = [
        ("key order, whitespace and number forms", '{ "b": 2, "a": [1.50, 1E2, -0, 1e21, 1e-7] }',
         '{"a":[1.5,100,0,1e+21,1e-7],"b":2}'),
        ("keys sort by UTF-16 code units: U+1F602 before U+FB33", '{"\\ufb33":1,"\\ud83d\\ude02":2}',
         '{"\U0001F602":2,"\ufb33":1}'),
        ("minimal escapes: controls as \\u00xx or short forms, `/` and non-ASCII literal",
         '"\\u00e9\\/\\u001f\\b\\t\\""', '"é/\\u001f\\b\\t\\""'),
        ("largest safe integer passes unchanged", "[9007199254740991,-9007199254740991]",
         "[9007199254740991,-9007199254740991]"),
        ("a big double written with an exponent is a double, not an integer", "9.007199254740993e15",
         "9007199254740992"),
        ("the tool call of the permit vectors", ACTION_TEXT, jcs(ACTION).decode()),
    ]
    errors = [
        ("duplicate key", '{"a":1,"a":2}', "permit.duplicate_key", 7),
        ("duplicate key after unescaping", '{"a":1,"\\u0061":2}', "permit.duplicate_key", 7),
        ("lone high surrogate", '["\\ud800"]', "permit.lone_surrogate", 2),
        ("lone low surrogate", '"\\udc00"', "permit.lone_surrogate", 1),
        ("2^53 collides with 2^53 + 1", "9007199254740992", "permit.number_out_of_range", 0),
        ("negative integer beyond the range", '{"n":-9007199254740993}', "permit.number_out_of_range", 5),
        ("overflowing double", "[1e400]", "permit.non_finite_number", 1),
        ("NaN is not JSON", "NaN", "permit.invalid_json", 0),
        ("trailing comma", "[1,]", "permit.invalid_json", 3),
        ("leading zero", "01", "permit.invalid_json", 1),
        ("65 levels of nesting (limit 64)", "[" * 65 + "]" * 65, "permit.too_deep", 64),
    ]
    cases = []
    for description, text, canonical in ok:
        cases.append({
            "description": description,
            "input": text,
            "expect": {
                "canonical": canonical,
                "action_hash": "sha256:" + hashlib.sha256(canonical.encode()).hexdigest(),
            },
        })
    for description, text, code, offset in errors:
        cases.append({"description": description, "input": text,
                      "expect": {"error": {"code": code, "offset": offset}}})
    write("canonicalize.json", {
        "description": "RFC 8785 canonical bytes and action hashes, and the inputs refused",
        "kind": "canonicalize",
        "cases": cases,
    })


def mint_vectors():
    cases = []
    for description, claims in [
        ("subject only", {"subject": "agent-7", "ttl_seconds": 120}),
        ("with scope and approver", {"subject": "agent-7", "ttl_seconds": 300,
                                     "scope": "payments", "approver": "alice@example.com"}),
    ]:
        body = payload(KEY_ID, action_hash(ACTION), NOW, NOW + claims["ttl_seconds"], NONCE,
                       claims["subject"], claims.get("scope"), claims.get("approver"))
        cases.append({"description": description, "action": ACTION_TEXT, "claims": claims,
                      "now": NOW, "nonce_hex": NONCE.hex(), "expect": {"token": token(body)}})
    write("mint-hmac.json", {
        "description": "fixed key, clock and nonce give exactly this HMAC-SHA256 token",
        "kind": "mint",
        "key": {"id": KEY_ID, "secret_hex": SECRET.hex()},
        "cases": cases,
    })


def flip(tok: str, index: int, char: str) -> str:
    return tok[:index] + char + tok[index + 1:]


def verify_vectors():
    ahash = action_hash(ACTION)
    good_body = payload(KEY_ID, ahash, NOW, NOW + 120, NONCE, "agent-7", None, "alice")
    good = token(good_body)
    tag, body64, mac64 = good.split(".")
    other_action = {"tool": "send_payment", "args": {"amount_eur": 10000, "iban": "DE89370400440532013000"}}
    def t(**kw):
        fields = dict(key_id=KEY_ID, ahash=ahash, issued_at=NOW, expires_at=NOW + 120,
                      nonce=NONCE, subject="agent-7", scope=None, approver="alice")
        fields.update(kw)
        return payload(**fields)
    spliced_subject = f"{tag}.{b64(t(subject='agent-8'))}.{mac64}"
    spliced_expiry = f"{tag}.{b64(t(expires_at=NOW + 121))}.{mac64}"
    cases = [
        ("a valid permit for another action", token(t(nonce=bytes(16))), jcs(other_action).decode(), NOW, "permit.action_mismatch"),
        ("unknown version tag", "asp2." + body64 + "." + mac64, ACTION_TEXT, NOW, "permit.malformed"),
        ("the Ed25519 tag on an HMAC token", "asp1e." + body64 + "." + mac64, ACTION_TEXT, NOW, "permit.malformed"),
        ("padding is not canonical base64url", good + "=", ACTION_TEXT, NOW, "permit.malformed"),
        ("non-zero unused bits in the last MAC character",
         flip(good, len(good) - 1, ALPHABET[ALPHABET.index(good[-1]) ^ 1]), ACTION_TEXT, NOW, "permit.malformed"),
        ("four parts", good + ".x", ACTION_TEXT, NOW, "permit.malformed"),
        ("over 1024 bytes", "asp1." + "A" * 1100 + "." + mac64, ACTION_TEXT, NOW, "permit.malformed"),
        ("trailing payload byte", f"{tag}.{b64(good_body + b'x')}.{mac64}", ACTION_TEXT, NOW, "permit.malformed"),
        ("subject changed, old MAC", spliced_subject, ACTION_TEXT, NOW, "permit.bad_signature"),
        ("expiry changed, old MAC", spliced_expiry, ACTION_TEXT, NOW, "permit.bad_signature"),
        ("MAC bit flipped", f"{tag}.{body64}.{b64(bytes([mac[0] ^ 1]) + mac[1:])}"
         if (mac := base64.urlsafe_b64decode(mac64 + "=")) else "", ACTION_TEXT, NOW, "permit.bad_signature"),
        ("signed by another secret", token(good_body, OTHER_SECRET), ACTION_TEXT, NOW, "permit.bad_signature"),
        ("unknown key id", token(t(key_id="k9")), ACTION_TEXT, NOW, "permit.unknown_key"),
        ("lifetime 901 s over the 900 s maximum", token(t(expires_at=NOW + 901)), ACTION_TEXT, NOW, "permit.lifetime_too_long"),
        ("31 s before issue, leeway 30 s", good, ACTION_TEXT, NOW - 31, "permit.not_yet_valid"),
        ("at expiry + leeway", good, ACTION_TEXT, NOW + 150, "permit.expired"),
        ("valid: verifies once", good, ACTION_TEXT, NOW + 149, None),
        ("the same permit again", good, ACTION_TEXT, NOW + 149, "permit.replayed"),
        ("30 s early is within the leeway", token(t(nonce=b"\x01" * 16, issued_at=NOW + 30, expires_at=NOW + 90)), ACTION_TEXT, NOW, None),
    ]
    out = []
    for description, tok, action, now, code in cases:
        case = {"description": description, "token": tok, "action": action, "now": now}
        if code is None:
            decoded = base64.urlsafe_b64decode(tok.split(".")[1] + "==")
            k = decoded[0]
            issued_at, expires_at = struct.unpack(">QQ", decoded[1 + k + 32:1 + k + 48])
            case["expect"] = {"permit": {
                "algorithm": "asp1", "key_id": KEY_ID,
                "action_hash": "sha256:" + ahash.hex(), "subject": "agent-7",
                "issued_at": issued_at, "expires_at": expires_at,
                "nonce_hex": decoded[1 + k + 48:1 + k + 64].hex(),
                "scope": None, "approver": "alice"}}
        else:
            case["expect"] = {"error": {"code": code}}
        out.append(case)
    write("verify-hmac.json", {
        "description": "tampered tokens, clocks and actions, each with its code; a permit works once",
        "kind": "verify",
        "keys": [{"id": KEY_ID, "secret_hex": SECRET.hex()}],
        "verifier": {"leeway_seconds": 30, "max_lifetime_seconds": 900},
        "ordered": True,
        "cases": out,
    })


canonicalize_vectors()
mint_vectors()
verify_vectors()
