"""Typed use of the public API; `mypy --strict` on this file keeps _core.pyi usable (not run by pytest)."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional, Tuple

import agentsentinel
from agentsentinel import (
    Assessment,
    Decision,
    Finding,
    InputShield,
    Permit,
    PermitError,
    PermitSigner,
    PermitVerifier,
    Policy,
    PolicyError,
    PolicyViolationError,
    ReplayGuard,
    Sessions,
)


def screen(text: str) -> Tuple[bool, List[Tuple[str, Tuple[int, int]]]]:
    verdict: Assessment = agentsentinel.analyze(text)
    spans = [(finding.rule_id, finding.span) for finding in verdict.findings]
    first: Optional[Finding] = verdict.findings[0] if verdict.findings else None
    _ = first.to_dict() if first is not None else {}
    shield = InputShield(block_threshold=70, disable_rules=[], allow_phrases=["test fixture"])
    return shield.should_block(text.encode()) or verdict.should_block, spans


def decide(policy_file: Path) -> Decision:
    try:
        policy = Policy.from_file(policy_file)
    except PolicyError as err:
        print(err.code, err.line, err.column, err.path)
        policy = Policy.deny_all("policy unavailable")
    sessions = Sessions(policy, max_sessions=10)
    decision = sessions.check("session-1", "calculator", {"expr": "1+1"}, now_ms=0)
    taints: Tuple[str, ...] = decision.taints
    assert isinstance(taints, tuple)
    try:
        sessions.enforce("session-1", "shell", {"cmd": "ls"})
    except PolicyViolationError as err:
        if err.decision is not None:
            print(err.decision.kind, err.decision.call)
    return decision


def approve() -> Permit:
    secret: bytes = agentsentinel.generate_secret()
    action = {"tool": "send_payment", "args": {"amount_eur": 100}}
    token: str = PermitSigner("k1", secret).mint(action, subject="agent-7", ttl_seconds=60)
    verifier = PermitVerifier({"k1": secret}, replay_guard=ReplayGuard(1000, 3600))
    digest: str = agentsentinel.action_hash(action)
    canonical: bytes = agentsentinel.canonicalize(action)
    assert digest and canonical
    try:
        return verifier.verify(token, action)
    except PermitError as err:
        raise RuntimeError(err.code) from err
