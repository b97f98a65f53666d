"""Policy, Sessions, Decision and enforce() through Python."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import agentsentinel
from agentsentinel import Decision, Policy, PolicyError, PolicyViolationError, Sessions

POLICY = """\
staticRules:
  calculator: ALLOW
  shell_exec: DENY
taintRules:
  - {tool: read_customer_data, action: ADD_TAINT, tag: pii}
  - {tool: export_analytics, action: CHECK_TAINT, forbiddenTags: [pii]}
"""


def test_sessions_track_taints_and_decide() -> None:
    sessions = Sessions(Policy.from_yaml(POLICY, "tools.yaml"))
    assert sessions.check("s1", "export_analytics", {}, now_ms=0).allowed
    read = sessions.check("s1", "read_customer_data", {"id": 7}, now_ms=1)
    assert read.allowed and read.taints == ("pii",)
    denied = sessions.check("s1", "export_analytics", now_ms=2)
    assert (denied.allowed, denied.kind, denied.rule) == (False, "deny", "taintRules[1]")
    assert sessions.taints("s1", now_ms=3) == ["pii"]
    assert sessions.check("s2", "export_analytics").allowed  # wall clock, other session
    assert len(sessions) == 2
    sessions.reset("s1")
    assert sessions.taints("s1") == []


def test_enforce_raises_with_the_decision() -> None:
    sessions = Sessions(Policy.from_yaml(POLICY))
    assert sessions.enforce("s", "calculator", {"expr": "1+1"}).allowed
    with pytest.raises(PolicyViolationError) as raised:
        sessions.enforce("s", "shell_exec", {"cmd": "rm -rf /"})
    err = raised.value
    assert err.code == "policy.denied" and err.decision is not None
    assert err.decision.rule == "staticRules.shell_exec"
    assert "rm -rf" not in str(err)
    back = pickle.loads(pickle.dumps(err))
    assert back.decision == err.decision and back.code == err.code


def test_the_issue_policy_file_loads() -> None:
    policy = Policy.from_yaml(
        (Path(__file__).resolve().parents[3] / "test-vectors/policy/issue-policy.yaml").read_text()
    )
    assert policy.tools and policy.rule_ids


def test_loaders_agree(tmp_path: Path) -> None:
    yaml_file = tmp_path / "tools.yaml"
    yaml_file.write_text(POLICY, encoding="utf-8")
    data = {"staticRules": {"calculator": "ALLOW"}}
    for policy in (
        Policy.from_file(yaml_file),
        Policy.from_file(str(yaml_file)),
        Policy.from_yaml(POLICY.encode()),
        Policy.from_text(POLICY),
        Policy.from_dict(data),
        Policy.from_json('{"staticRules": {"calculator": "ALLOW"}}'),
    ):
        assert policy.evaluate("calculator", {}).allowed
        assert not policy.evaluate("unknown").allowed
    assert Policy.from_file(yaml_file).origin == str(yaml_file)
    deny = Policy.deny_all("no policy file")
    assert deny.is_deny_all and deny.evaluate("calculator").code == "policy.unavailable"


def test_policy_errors_carry_position_and_path(tmp_path: Path) -> None:
    with pytest.raises(PolicyError) as raised:
        Policy.from_yaml("staticRules:\n  calculator: alow\n", "tools.yaml")
    err = raised.value
    assert (err.code, err.line, err.column, err.origin, err.path) == (
        "policy.unknown_value", 2, 15, "tools.yaml", "staticRules.calculator"
    )
    assert err.span == (27, 31) and err.help and isinstance(err, ValueError)
    assert pickle.loads(pickle.dumps(err)).path == err.path
    with pytest.raises(PolicyError) as raised:
        Policy.from_yaml("# é😀\nstaticRules:\n  calculator: alow\n")
    assert raised.value.span is not None
    text = "# é😀\nstaticRules:\n  calculator: alow\n"
    assert text[slice(*raised.value.span)] == "alow"
    with pytest.raises(PolicyError) as raised:
        Policy.from_file(tmp_path / "missing.yaml")
    assert raised.value.code == "policy.unreadable"
    with pytest.raises(PolicyError) as raised:
        Policy.from_dict({"staticRules": {"calculator": "alow"}})
    assert raised.value.path == "staticRules.calculator"


def test_decision_objects() -> None:
    decision = Policy.from_yaml(POLICY).evaluate("calculator", {"expr": "2"})
    assert repr(decision).startswith("Decision(kind='allow'")
    assert decision.to_dict()["decision"] == "allow"
    assert pickle.loads(pickle.dumps(decision)) == decision
    assert Decision.from_dict(decision.to_dict()) == decision
    explained = Policy.from_yaml(POLICY).explain("shell_exec")
    assert explained["decision"]["decision"] == "deny" and explained["trace"]


@pytest.mark.parametrize(
    ("args", "error", "match"),
    [
        ({"a": {1, 2}}, TypeError, r"`args\.a`.*`set`"),
        ({"a": float("nan")}, ValueError, r"`args\.a` is NaN"),
        ({"a": float("inf")}, ValueError, "NaN or infinite"),
        ({1: "x"}, TypeError, "keys must be `str`"),
        ({"a": b"x"}, TypeError, "`bytes`"),
        ({"a": [1, object()]}, TypeError, r"`args\.a\[1\]`"),
        ({"a": 2**70}, ValueError, "64-bit"),
        ("not a dict", None, ""),
    ],
)
def test_bad_args_get_clear_errors(args: object, error: type[Exception] | None, match: str) -> None:
    sessions = Sessions(Policy.from_yaml(POLICY))
    if error is None:
        sessions.check("s", "calculator", args)  # any JSON value is accepted as args
        return
    with pytest.raises(error, match=match):
        sessions.check("s", "calculator", args)


def test_deep_and_cyclic_args_are_refused_not_crashing() -> None:
    sessions = Sessions(Policy.from_yaml(POLICY))
    deep: list[object] = []
    for _ in range(10_000):
        deep = [deep]
    with pytest.raises(ValueError, match="nested deeper"):
        sessions.check("s", "calculator", {"x": deep})
    cycle: dict[str, object] = {}
    cycle["self"] = cycle
    with pytest.raises(ValueError, match="contain itself"):
        sessions.check("s", "calculator", cycle)


def test_wrong_types_name_the_parameter() -> None:
    sessions = Sessions(Policy.from_yaml(POLICY))
    with pytest.raises(TypeError, match="`session_id`"):
        sessions.check(1, "calculator")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="`tool`"):
        sessions.check("s", b"calculator")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="`policy`"):
        Sessions("staticRules: {}")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="`path`"):
        Policy.from_file(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="`text`"):
        Policy.from_yaml(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [Policy.from_yaml(POLICY), Sessions(Policy.deny_all("x"))])
def test_policies_and_sessions_say_they_do_not_pickle(value: object) -> None:
    with pytest.raises(TypeError, match="cannot be pickled"):
        pickle.dumps(value)
