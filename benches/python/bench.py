"""Times the Python API on the hot paths and, when installed, the pure-Python tools people compare
us with on equivalent inputs. Prints medians. Not a test and not run in CI.

    .venv/bin/python benches/python/bench.py              # our figures only
    /tmp/peers/bin/python benches/python/bench.py         # plus PyJWT, rfc8785, cedarpy

Install the peers into a throwaway venv (`pip install . pyjwt rfc8785 cedarpy`), never into the
CI venv. Each figure is the median over ROUNDS rounds of the per-call mean of a timed loop,
measured in CPU time of this process (`time.process_time`), so other work on a shared machine
inflates it less than wall-clock time would; set BENCH_CLOCK=wall for wall-clock time.
"""

from __future__ import annotations

import hashlib
import json
import os
import statistics
import sys
import time
from typing import Any, Callable, Dict, Iterator, List, Optional

import agentsentinel

ROUNDS = 31
CLOCK = time.perf_counter if os.environ.get("BENCH_CLOCK") == "wall" else time.process_time


def bench(name: str, call: Callable[[], object], number: int) -> float:
    """Median per-call time in microseconds."""
    for _ in range(min(number, 1000)):
        call()
    rounds: List[float] = []
    for _ in range(ROUNDS):
        start = CLOCK()
        for _ in range(number):
            call()
        rounds.append((CLOCK() - start) * 1e6 / number)
    median = statistics.median(rounds)
    print(f"{name:<58} {median:9.3f} µs")
    return median


def bench_fresh(name: str, make: Callable[[int], List[Any]], call: Callable[[Any], object], number: int) -> float:
    """Like `bench` for calls that consume their input (a permit verifies once)."""
    rounds: List[float] = []
    for _ in range(ROUNDS):
        items: Iterator[Any] = iter(make(number))
        start = CLOCK()
        for item in items:
            call(item)
        rounds.append((CLOCK() - start) * 1e6 / number)
    median = statistics.median(rounds)
    print(f"{name:<58} {median:9.3f} µs")
    return median


# The same 1 KiB texts the Rust, Node and WebAssembly benchmarks time, so figures compare.
_TEXTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "texts")
with open(os.path.join(_TEXTS, "benign-1KiB.txt"), encoding="utf-8") as _file:
    TEXT_1K = _file.read()
with open(os.path.join(_TEXTS, "attack-1KiB.txt"), encoding="utf-8") as _file:
    ATTACK_1K = _file.read()
assert len(TEXT_1K.encode()) == len(ATTACK_1K.encode()) == 1024

# About 200 bytes of canonical JSON, the shape of a typical tool call.
ACTION: Dict[str, Any] = {
    "tool": "send_payment",
    "args": {
        "amount_eur": 1250.75,
        "iban": "DE89370400440532013000",
        "memo": "invoice 2025-0042 for consulting",
        "recipient": {"name": "Acme GmbH", "country": "DE"},
        "tags": ["q2", "consulting", "approved"],
        "urgent": False,
    },
}
ACTION_JSON = json.dumps(ACTION)

POLICY = """
staticRules:
  calculator: ALLOW
  shell_exec: DENY
taintRules:
  - {tool: read_customer_data, action: ADD_TAINT, tag: pii}
  - {tool: export_analytics, action: CHECK_TAINT, forbiddenTags: [pii]}
"""


def ours() -> Dict[str, float]:
    results: Dict[str, float] = {}
    print(f"agentsentinel {agentsentinel.version()} (Python {sys.version.split()[0]})")
    results["analyze"] = bench(
        f"analyze, {len(TEXT_1K.encode())} B benign (benches/texts)", lambda: agentsentinel.analyze(TEXT_1K), 2000
    )
    bench(f"analyze, {len(ATTACK_1K.encode())} B with an attack", lambda: agentsentinel.analyze(ATTACK_1K), 2000)

    sessions = agentsentinel.Sessions(agentsentinel.Policy.from_yaml(POLICY))
    args = {"expression": "2 + 2 * 10"}
    results["check"] = bench(
        "Sessions.check (allow, 1 session, explicit now_ms)",
        lambda: sessions.check("session-1", "calculator", args, now_ms=1),
        20000,
    )
    bench("Sessions.check (wall clock)", lambda: sessions.check("session-1", "calculator", args), 20000)

    canonical = agentsentinel.canonicalize(ACTION)
    print(f"  (action: {len(canonical)} canonical bytes)")
    results["canonicalize"] = bench("canonicalize(dict)", lambda: agentsentinel.canonicalize(ACTION), 20000)
    results["action_hash"] = bench("action_hash(dict)", lambda: agentsentinel.action_hash(ACTION), 20000)
    results["canon+hash"] = bench(
        "canonicalize(dict) + action_hash(dict)",
        lambda: (agentsentinel.canonicalize(ACTION), agentsentinel.action_hash(ACTION)),
        20000,
    )
    bench("action_hash(JSON text)", lambda: agentsentinel.action_hash(ACTION_JSON), 20000)

    secret = bytes(range(32))
    signer = agentsentinel.PermitSigner("k1", secret)
    verifier = agentsentinel.PermitVerifier({"k1": secret}, replay_guard=agentsentinel.ReplayGuard(2_000_000, 4000))
    now = int(time.time())

    def mint(count: int) -> List[str]:
        return [signer.mint(ACTION, subject="agent-7", ttl_seconds=120, now=now) for _ in range(count)]

    results["verify"] = bench_fresh(
        "PermitVerifier.verify(token, dict) incl. replay record",
        mint,
        lambda token: verifier.verify(token, ACTION, now=now),
        2000,
    )
    bench_fresh(
        "PermitVerifier.verify(token, JSON text) incl. replay record",
        mint,
        lambda token: verifier.verify(token, ACTION_JSON, now=now),
        2000,
    )
    return results


def peers(results: Dict[str, float]) -> None:
    print("\npeers on equivalent inputs (ratio = peer / ours)")
    try:
        import jwt  # PyJWT

        key = bytes(range(32))
        claims = {
            "sub": "agent-7",
            "iat": int(time.time()),
            "exp": int(time.time()) + 120,
            "jti": "00112233445566778899aabbccddeeff",
            "action": agentsentinel.action_hash(ACTION),
        }
        token = jwt.encode(claims, key, algorithm="HS256")
        t = bench("PyJWT HS256 decode+verify", lambda: jwt.decode(token, key, algorithms=["HS256"]), 5000)
        print(f"{'':<58} ratio {t / results['verify']:.1f}x")
    except ImportError:
        print("PyJWT not installed")
    try:
        import rfc8785

        t = bench("rfc8785.dumps(dict)", lambda: rfc8785.dumps(ACTION), 5000)
        print(f"{'':<58} ratio {t / results['canonicalize']:.1f}x")
        t = bench(
            "rfc8785.dumps(dict) + sha256",
            lambda: hashlib.sha256(rfc8785.dumps(ACTION)).hexdigest(),
            5000,
        )
        print(f"{'':<58} ratio {t / results['action_hash']:.1f}x (vs action_hash)")
    except ImportError:
        print("rfc8785 not installed")
    try:
        import cedarpy

        policies = """
        permit(principal, action == Action::"call", resource == Tool::"calculator");
        forbid(principal, action == Action::"call", resource == Tool::"shell_exec");
        forbid(principal, action == Action::"call", resource == Tool::"export_analytics")
          when { context.taints.contains("pii") };
        """
        request = {
            "principal": 'Agent::"session-1"',
            "action": 'Action::"call"',
            "resource": 'Tool::"calculator"',
            "context": {"taints": [], "args": {"expression": "2 + 2 * 10"}},
        }
        entities: List[Dict[str, Any]] = []
        result: Optional[Any] = cedarpy.is_authorized(request, policies, entities)
        assert result is not None and result.allowed, result
        t = bench("cedarpy.is_authorized (3 policies)", lambda: cedarpy.is_authorized(request, policies, entities), 2000)
        print(f"{'':<58} ratio {t / results['check']:.1f}x (vs Sessions.check)")
    except ImportError:
        print("cedarpy not installed")


if __name__ == "__main__":
    peers(ours())
