#!/usr/bin/env python3
"""Writes test-vectors/permit/*.json from an independent Python implementation of the permit
token format (crates/permit/README.md). Run from anywhere: python3 test-vectors/permit/generate.py

Only the standard library is used, so the vectors do not depend on our Rust code: the Rust,
Python, Node and WebAssembly runners must all agree with this file. Ed25519 is computed here
from RFC 8032's definition (slow, plain integer arithmetic) and checked against the RFC's first
test vector before anything is written.
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


# --- Ed25519 per RFC 8032 section 5.1, in extended twisted Edwards coordinates -----------------

P = 2**255 - 19
L = 2**252 + 27742317777372353535851937790883648493
D = -121665 * pow(121666, P - 2, P) % P
SQRT_M1 = pow(2, (P - 1) // 4, P)


def _point_add(a, b):
    x1, y1, z1, t1 = a
    x2, y2, z2, t2 = b
    e = (y1 - x1) * (y2 - x2) % P
    f = (y1 + x1) * (y2 + x2) % P
    g = 2 * t1 * t2 * D % P
    h = 2 * z1 * z2 % P
    e, f, g, h = f - e, h - g, h + g, f + e
    return (e * f % P, g * h % P, f * g % P, e * h % P)


def _scalar_mult(k, point):
    result = (0, 1, 1, 0)
    while k:
        if k & 1:
            result = _point_add(result, point)
        point = _point_add(point, point)
        k >>= 1
    return result


def _recover_x(y, sign):
    x2 = (y * y - 1) * pow(D * y * y + 1, P - 2, P) % P
    x = pow(x2, (P + 3) // 8, P)
    if (x * x - x2) % P:
        x = x * SQRT_M1 % P
    assert (x * x - x2) % P == 0
    return P - x if (x & 1) != sign else x


_BY = 4 * pow(5, P - 2, P) % P
_BX = _recover_x(_BY, 0)
BASE = (_BX, _BY, 1, _BX * _BY % P)


def _encode_point(point):
    x, y, z, _ = point
    zinv = pow(z, P - 2, P)
    x, y = x * zinv % P, y * zinv % P
    return int.to_bytes(y | ((x & 1) << 255), 32, "little")


def _secret_scalar(seed: bytes):
    digest = hashlib.sha512(seed).digest()
    a = int.from_bytes(digest[:32], "little")
    a &= (1 << 254) - 8
    a |= 1 << 254
    return a, digest[32:]


def ed25519_public_key(seed: bytes) -> bytes:
    return _encode_point(_scalar_mult(_secret_scalar(seed)[0], BASE))


def ed25519_sign(seed: bytes, message: bytes) -> bytes:
    a, prefix = _secret_scalar(seed)
    public = _encode_point(_scalar_mult(a, BASE))
    r = int.from_bytes(hashlib.sha512(prefix + message).digest(), "little") % L
    big_r = _encode_point(_scalar_mult(r, BASE))
    h = int.from_bytes(hashlib.sha512(big_r + public + message).digest(), "little") % L
    return big_r + int.to_bytes((r + h * a) % L, 32, "little")


def _ed25519_verifies(public: bytes, message: bytes, signature: bytes) -> bool:
    """[S]B == R + [h]A, compared as encodings (A and R decoded per RFC 8032 5.1.3)."""
    def decode(data):
        y = int.from_bytes(data, "little") & ((1 << 255) - 1)
        x = _recover_x(y, data[31] >> 7)
        return (x, y, 1, x * y % P)
    s_scalar = int.from_bytes(signature[32:], "little")
    h = int.from_bytes(hashlib.sha512(signature[:32] + public + message).digest(), "little") % L
    left = _scalar_mult(s_scalar, BASE)
    right = _point_add(decode(signature[:32]), _scalar_mult(h, decode(public)))
    return s_scalar < L and _encode_point(left) == _encode_point(right)


# RFC 8032 section 7.1, TEST 1: the secret key's public key; then a sign/verify round trip.
_RFC_SEED = bytes.fromhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
assert ed25519_public_key(_RFC_SEED).hex() == (
    "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
assert ed25519_sign(_RFC_SEED, b"").hex() == (
    "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555"
    "fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b")
assert _ed25519_verifies(ed25519_public_key(_RFC_SEED), b"", ed25519_sign(_RFC_SEED, b""))

ED_KEY_ID = "e1"
ED_SEED = bytes(range(0x20, 0x40))
ED_PUBLIC = ed25519_public_key(ED_SEED)
OTHER_ED_SEED = bytes([0x5A]) * 32


def ed_token(body: bytes, seed=ED_SEED, tag="asp1e") -> str:
    signed = f"{tag}.{b64(body)}"
    signature = ed25519_sign(seed, signed.encode())
    assert _ed25519_verifies(ed25519_public_key(seed), signed.encode(), signature)
    return f"{signed}.{b64(signature)}"

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


def ed25519_vectors():
    ahash = action_hash(ACTION)

    def t(**kw):
        fields = dict(key_id=ED_KEY_ID, ahash=ahash, issued_at=NOW, expires_at=NOW + 120,
                      nonce=NONCE, subject="agent-7", scope="payments", approver=None)
        fields.update(kw)
        return payload(**fields)

    mint_cases = []
    for description, claims in [
        ("subject only", {"subject": "agent-7", "ttl_seconds": 120}),
        ("with scope and approver", {"subject": "agent-7", "ttl_seconds": 300,
                                     "scope": "payments", "approver": "alice@example.com"}),
    ]:
        body = t(expires_at=NOW + claims["ttl_seconds"], scope=claims.get("scope"),
                 approver=claims.get("approver"))
        mint_cases.append({"description": description, "action": ACTION_TEXT, "claims": claims,
                           "now": NOW, "nonce_hex": NONCE.hex(),
                           "expect": {"token": ed_token(body)}})
    write("mint-ed25519.json", {
        "description": "fixed Ed25519 seed, clock and nonce give exactly this token "
                       "(Ed25519 signatures are deterministic)",
        "kind": "mint",
        "key": {"id": ED_KEY_ID, "algorithm": "ed25519", "seed_hex": ED_SEED.hex(),
                "public_key_hex": ED_PUBLIC.hex()},
        "cases": mint_cases,
    })

    good = ed_token(t())
    tag, body64, sig64 = good.split(".")
    signature = base64.urlsafe_b64decode(sig64 + "==")
    s_plus_l = int.from_bytes(signature[32:], "little") + L
    malleable = signature[:32] + int.to_bytes(s_plus_l, 32, "little")
    other_action = {"tool": "send_payment", "args": {"amount_eur": 10000, "iban": "DE89370400440532013000"}}
    cases = [
        ("a valid permit for another action", ed_token(t(nonce=bytes(16))), jcs(other_action).decode(), NOW, "permit.action_mismatch"),
        ("the HMAC tag on an Ed25519 token", "asp1." + body64 + "." + sig64, ACTION_TEXT, NOW, "permit.malformed"),
        ("signature bit flipped", f"{tag}.{body64}.{b64(bytes([signature[0] ^ 1]) + signature[1:])}", ACTION_TEXT, NOW, "permit.bad_signature"),
        ("S + L: the same signature in a non-canonical form", f"{tag}.{body64}.{b64(malleable)}", ACTION_TEXT, NOW, "permit.bad_signature"),
        ("subject changed, old signature", f"{tag}.{b64(t(subject='agent-8'))}.{sig64}", ACTION_TEXT, NOW, "permit.bad_signature"),
        ("signed by another seed", ed_token(t(), OTHER_ED_SEED), ACTION_TEXT, NOW, "permit.bad_signature"),
        ("unknown key id", ed_token(t(key_id="e9")), ACTION_TEXT, NOW, "permit.unknown_key"),
        ("at expiry + leeway", good, ACTION_TEXT, NOW + 150, "permit.expired"),
        ("valid: verifies once", good, ACTION_TEXT, NOW + 10, None),
        ("the same permit again", good, ACTION_TEXT, NOW + 11, "permit.replayed"),
    ]
    out = []
    for description, tok, action, now, code in cases:
        case = {"description": description, "token": tok, "action": action, "now": now}
        if code is None:
            case["expect"] = {"permit": {
                "algorithm": "asp1e", "key_id": ED_KEY_ID,
                "action_hash": "sha256:" + ahash.hex(), "subject": "agent-7",
                "issued_at": NOW, "expires_at": NOW + 120, "nonce_hex": NONCE.hex(),
                "scope": "payments", "approver": None}}
        else:
            case["expect"] = {"error": {"code": code}}
        out.append(case)
    write("verify-ed25519.json", {
        "description": "Ed25519 permits checked with the public key only: tampering, "
                       "malleability, wrong tag, and one use",
        "kind": "verify",
        "keys": [{"id": ED_KEY_ID, "algorithm": "ed25519", "public_key_hex": ED_PUBLIC.hex()}],
        "verifier": {"leeway_seconds": 30, "max_lifetime_seconds": 900},
        "ordered": True,
        "cases": out,
    })


canonicalize_vectors()
mint_vectors()
verify_vectors()
ed25519_vectors()
