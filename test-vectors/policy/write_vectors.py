#!/usr/bin/env python3
"""Writes the policy vectors. Expectations are written by hand from the README's semantics, not
computed by the engine; rerun after editing and commit the JSON."""
import json, pathlib

HERE = pathlib.Path(__file__).parent

def step(session, now_ms, tool, args, decision, rule, taints, code=None):
    expect = {"decision": decision, "rule": rule, "taints": taints}
    if code:
        expect["code"] = code
    return {"session": session, "now_ms": now_ms, "tool": tool, "args": args, "expect": expect}

def write(name, doc):
    (HERE / name).write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")

ISSUE_STEPS = [
    step("a", 0, "calculator", {"expr": "1+1"}, "allow", "staticRules.calculator", []),
    step("a", 1, "shell_exec", {"cmd": "ls"}, "deny", "staticRules.shell_exec", []),
    step("a", 2, "unknown_tool", {}, "deny", "default", []),
    step("a", 3, "export_analytics", {}, "allow", "taintRules[1]", []),
    step("a", 4, "read_customer_data", {"id": 7}, "allow", "taintRules[0]", ["pii"]),
    step("a", 5, "export_analytics", {}, "deny", "taintRules[1]", ["pii"]),
    step("b", 6, "export_analytics", {}, "allow", "taintRules[1]", []),
    step("a", 7, "system_maintenance", {"region": "eu-west-1"}, "allow", "logicRules[0]", ["pii"]),
    step("a", 8, "system_maintenance", {"region": "us-east-1"}, "deny", "logicRules[0]", ["pii"]),
    step("a", 9, "system_maintenance", {}, "deny", "logicRules[0]", ["pii"]),
]

write("issue-policy.json", {
    "description": "the policy from the issue behaves as its comments say (policy in issue-policy.yaml)",
    "policy": {"format": "yaml", "file": "issue-policy.yaml"},
    "steps": ISSUE_STEPS,
})

write("issue-policy-as-json.json", {
    "description": "the same policy written as JSON behaves the same",
    "policy": {"format": "json", "text": json.dumps({
        "staticRules": {"calculator": "ALLOW", "shell_exec": "DENY"},
        "taintRules": [
            {"tool": "read_customer_data", "action": "ADD_TAINT", "tag": "pii"},
            {"tool": "export_analytics", "action": "CHECK_TAINT", "forbiddenTags": ["pii"]}],
        "logicRules": [{"tool": "system_maintenance", "allow_if": {"region": "eu-west-1"}}],
    }, indent=2)},
    "steps": ISSUE_STEPS,
})

write("taints-ttl-remove.json", {
    "description": "several tags per rule, REMOVE_TAINT, time-to-live, classes as rule targets",
    "policy": {"format": "yaml", "text": """classes:
  web: [browse, fetch_url]
taintRules:
  - {class: web, action: ADD_TAINT, tags: [untrusted, web], ttl: 10s}
  - {tool: read_db, action: ADD_TAINT, tag: pii}
  - {tool: sanitize, action: REMOVE_TAINT, tags: [untrusted]}
  - {tool: send_email, action: CHECK_TAINT, forbiddenTags: [untrusted, pii]}
"""},
    "steps": [
        step("s", 0, "browse", {"url": "https://example.com"}, "allow", "taintRules[0]", ["untrusted", "web"]),
        step("s", 1000, "send_email", {}, "deny", "taintRules[3]", ["untrusted", "web"]),
        step("s", 2000, "sanitize", {}, "allow", "taintRules[2]", ["web"]),
        step("s", 3000, "send_email", {}, "allow", "taintRules[3]", ["web"]),
        step("s", 4000, "fetch_url", {}, "allow", "taintRules[0]", ["untrusted", "web"]),
        step("s", 13999, "send_email", {}, "deny", "taintRules[3]", ["untrusted", "web"]),
        step("s", 14000, "send_email", {}, "allow", "taintRules[3]", []),
        step("s", 15000, "read_db", {}, "allow", "taintRules[1]", ["pii"]),
        step("s", 16000, "send_email", {}, "deny", "taintRules[3]", ["pii"]),
        step("s", 3000000, "send_email", {}, "deny", "taintRules[3]", ["pii"]),
    ],
})

write("conditions.json", {
    "description": "allow_if / deny_if with argument and session predicates, all / any / not",
    "policy": {"format": "yaml", "text": r"""taintRules:
  - {tool: browse, action: ADD_TAINT, tag: untrusted}
logicRules:
  - id: transfer-limits
    tool: transfer
    allow_if:
      all:
        - {arg: amount, type: number, gt: 0, le: 1000}
        - {arg: currency, in: [EUR, USD]}
        - {arg: iban, regex: "^DE[0-9]{20}$"}
        - {arg: memo, exists: false}
        - not: {has_taint: untrusted}
  - id: file-paths
    tool: read_file
    deny_if: {arg: path, contains: ".."}
    allow_if:
      any:
        - {arg: path, glob: "/tmp/*.txt"}
        - {arg: path, prefix: "/srv/public/", suffix: ".md"}
  - id: nested
    tool: deploy
    allow_if: {target.env: staging, target.replicas: 2}
  - id: after-search
    tool: summarize
    allow_if: {called: search, within: 2}
staticRules:
  search: ALLOW
"""},
    "steps": [
        step("t", 0, "transfer", {"amount": 10, "currency": "EUR", "iban": "DE12345678901234567890"}, "allow", "transfer-limits", []),
        step("t", 1, "transfer", {"amount": 10.5, "currency": "USD", "iban": "DE12345678901234567890"}, "allow", "transfer-limits", []),
        step("t", 2, "transfer", {"amount": 0, "currency": "EUR", "iban": "DE12345678901234567890"}, "deny", "transfer-limits", []),
        step("t", 3, "transfer", {"amount": 1001, "currency": "EUR", "iban": "DE12345678901234567890"}, "deny", "transfer-limits", []),
        step("t", 4, "transfer", {"amount": "10", "currency": "EUR", "iban": "DE12345678901234567890"}, "deny", "transfer-limits", []),
        step("t", 5, "transfer", {"amount": 10, "currency": "GBP", "iban": "DE12345678901234567890"}, "deny", "transfer-limits", []),
        step("t", 6, "transfer", {"amount": 10, "currency": "EUR", "iban": "FR12345678901234567890"}, "deny", "transfer-limits", []),
        step("t", 7, "transfer", {"amount": 10, "currency": "EUR", "iban": "DE12345678901234567890", "memo": "x"}, "deny", "transfer-limits", []),
        step("t", 8, "read_file", {"path": "/tmp/a.txt"}, "allow", "file-paths", []),
        step("t", 9, "read_file", {"path": "/srv/public/doc.md"}, "allow", "file-paths", []),
        step("t", 10, "read_file", {"path": "/srv/public/../secret.md"}, "deny", "file-paths", []),
        step("t", 11, "read_file", {"path": "/etc/passwd"}, "deny", "file-paths", []),
        step("t", 12, "read_file", {"path": 42}, "deny", "file-paths", []),
        step("t", 13, "deploy", {"target": {"env": "staging", "replicas": 2}}, "allow", "nested", []),
        step("t", 14, "deploy", {"target": {"env": "production", "replicas": 2}}, "deny", "nested", []),
        step("t", 15, "summarize", {}, "deny", "after-search", []),
        step("t", 16, "search", {"q": "x"}, "allow", "staticRules.search", []),
        step("t", 17, "summarize", {}, "allow", "after-search", []),
        step("t", 18, "browse", {}, "allow", "taintRules[0]", ["untrusted"]),
        step("t", 19, "summarize", {}, "deny", "after-search", ["untrusted"]),
        step("t", 20, "transfer", {"amount": 10, "currency": "EUR", "iban": "DE12345678901234567890"}, "deny", "transfer-limits", ["untrusted"]),
    ],
})

write("sequences.json", {
    "description": "a consequential write that follows a sensitive read within 3 calls is denied; 3-step sequences",
    "policy": {"format": "yaml", "text": """classes:
  sensitive_read: [read_email, read_customer_data]
  consequential_write: [send_email, delete_file]
staticRules:
  class:sensitive_read: ALLOW
  class:consequential_write: ALLOW
  search: ALLOW
  download: ALLOW
  unzip: ALLOW
  run: ALLOW
sequenceRules:
  - id: no-write-after-read
    sequence: [class:sensitive_read, class:consequential_write]
    max_distance: 3
  - id: download-unzip-run
    sequence: [download, unzip, run]
    max_distance: 2
    action: REQUIRE_APPROVAL
"""},
    "steps": [
        step("q", 0, "send_email", {}, "allow", "staticRules.class:consequential_write", []),
        step("q", 1, "read_email", {}, "allow", "staticRules.class:sensitive_read", []),
        step("q", 2, "search", {}, "allow", "staticRules.search", []),
        step("q", 3, "search", {}, "allow", "staticRules.search", []),
        step("q", 4, "delete_file", {}, "deny", "no-write-after-read", []),
        step("q", 5, "search", {}, "allow", "staticRules.search", []),
        step("q", 6, "send_email", {}, "allow", "staticRules.class:consequential_write", []),
        step("r", 7, "read_customer_data", {}, "allow", "staticRules.class:sensitive_read", []),
        step("other", 8, "send_email", {}, "allow", "staticRules.class:consequential_write", []),
        step("r", 9, "send_email", {}, "deny", "no-write-after-read", []),
        step("x", 10, "download", {}, "allow", "staticRules.download", []),
        step("x", 11, "search", {}, "allow", "staticRules.search", []),
        step("x", 12, "unzip", {}, "allow", "staticRules.unzip", []),
        step("x", 13, "run", {}, "require_approval", "download-unzip-run", []),
        step("y", 14, "download", {}, "allow", "staticRules.download", []),
        step("y", 15, "search", {}, "allow", "staticRules.search", []),
        step("y", 16, "search", {}, "allow", "staticRules.search", []),
        step("y", 17, "unzip", {}, "allow", "staticRules.unzip", []),
        step("y", 18, "run", {}, "allow", "staticRules.run", []),
    ],
})

write("rate-limits-approvals-breaker.json", {
    "description": "rate limit per window, cooldown, conditional approval, circuit breaker",
    "policy": {"format": "yaml", "text": """staticRules:
  search: ALLOW
  send_payment: ALLOW
rateLimits:
  - {tool: search, max: 2, window: 10s}
  - {id: payment-cooldown, tool: send_payment, cooldown: 5s}
requireApproval:
  - id: big-payments
    tool: send_payment
    when: {arg: amount, gt: 100}
circuitBreaker:
  max_denials: 3
  window: 1m
  reset_after: 10m
"""},
    "steps": [
        step("p", 0, "search", {}, "allow", "staticRules.search", []),
        step("p", 1000, "search", {}, "allow", "staticRules.search", []),
        step("p", 2000, "search", {}, "deny", "rateLimits[0]", []),
        step("p", 10001, "search", {}, "allow", "staticRules.search", []),
        step("p", 20000, "send_payment", {"amount": 500}, "require_approval", "big-payments", []),
        step("p", 20001, "send_payment", {"amount": 5}, "allow", "staticRules.send_payment", []),
        step("p", 21000, "send_payment", {"amount": 5}, "deny", "payment-cooldown", []),
        step("p", 22000, "unknown", {}, "deny", "default", []),
        step("p", 23000, "search", {}, "deny", "circuitBreaker", []),
        step("q", 23001, "search", {}, "allow", "staticRules.search", []),
        step("p", 623000, "search", {}, "allow", "staticRules.search", []),
    ],
})

E = []
def locate(text, at):
    """1-based line and column (characters) of the first occurrence of `at`, or of the offset."""
    offset = at if isinstance(at, int) else text.index(at)
    before = text[:offset]
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1

def err(description, text, code, line, column, path=None, fmt="yaml", at=None):
    if at is not None:
        line, column = locate(text, at)
    case = {"description": description, "policy": {"format": fmt, "text": text},
            "expect": {"error": {"code": code, "line": line, "column": column}}}
    if path:
        case["expect"]["error"]["path"] = path
    E.append(case)

err("misspelled key, with a suggestion", "taintRules:\n  - tool: x\n    action: CHECK_TAINT\n    forbidenTags: [pii]\n",
    "policy.unknown_key", 4, 5, "taintRules[0].forbidenTags")
err("bad static effect", "staticRules:\n  calculator: alow\n", "policy.unknown_value", 2, 15, "staticRules.calculator")
err("bad taint action", "taintRules:\n  - {tool: x, action: ADD, tag: t}\n", "policy.unknown_value", 2, 23, "taintRules[0].action")
err("invalid regex", "logicRules:\n  - tool: x\n    allow_if: {arg: path, regex: \"a(b\"}\n", "policy.invalid_regex", 3, 34, "logicRules[0].allow_if.regex")
err("a tool both allowed and denied", "classes:\n  danger: [calculator]\nstaticRules:\n  calculator: ALLOW\n  class:danger: DENY\n",
    "policy.allowed_and_denied", 4, 15, "staticRules.calculator")
err("unknown class", "classes:\n  reads: [a]\nlogicRules:\n  - class: raeds\n    allow_if: {x: 1}\n", "policy.unknown_class", 4, 12, "logicRules[0].class")
err("duplicate rule id", "taintRules:\n  - {id: r, tool: a, action: ADD_TAINT, tag: t}\n  - {id: r, tool: b, action: ADD_TAINT, tag: t}\n",
    "policy.duplicate_id", 3, 10, "taintRules[1].id")
err("checked tag that no rule adds", "taintRules:\n  - {tool: a, action: CHECK_TAINT, forbiddenTags: [pi]}\n  - {tool: b, action: ADD_TAINT, tag: pii}\n",
    "policy.unknown_tag", 2, 52, "taintRules[0].forbiddenTags[0]")
err("empty policy", "", "policy.empty", 1, 1)
err("comments only", "# nothing here\n", "policy.empty", 1, 1)
err("YAML syntax error", "staticRules: [\n", "policy.yaml_syntax", 2, 1)
err("duplicate key", "default: DENY\ndefault: ALLOW\n", "policy.duplicate_key", 0, 0, at="default: ALLOW")
err("alias (billion laughs guard)", "a: &a [x, x]\nb: [*a, *a]\n", "policy.alias_not_allowed", 0, 0, at="*a")
err("too deep", "a: " + "[" * 40 + "]" * 40 + "\n", "policy.too_deep", 1, 35)
err("wrong type", "taintRules: {tool: x}\n", "policy.wrong_type", 0, 0, "taintRules", at="{tool")
err("missing key", "taintRules:\n  - {tool: x, tag: t}\n", "policy.missing_key", 0, 0, "taintRules[0]", at="{tool")
err("tool and class together", "classes: {c: [a]}\nrateLimits:\n  - {tool: a, class: c, max: 1, window: 1s}\n", "policy.conflicting_keys", 0, 0, "rateLimits[0]", at="class: c,")
err("out of range", "sequenceRules:\n  - {sequence: [a, b], max_distance: 0}\n", "policy.out_of_range", 0, 0, "sequenceRules[0].max_distance", at="0}")
err("bad duration", "rateLimits:\n  - {tool: a, max: 1, window: 5y}\n", "policy.invalid_duration", 0, 0, "rateLimits[0].window", at="5y")
err("bad argument path", "logicRules:\n  - {tool: a, allow_if: {arg: \"a..b\", eq: 1}}\n", "policy.invalid_path", 0, 0, "logicRules[0].allow_if.arg", at='"a..b"')
err("JSON syntax error", "{\n  \"staticRules\": {\"a\": \"ALLOW\",}\n}", "policy.json_syntax", 0, 0, fmt="json", at="}\n}")
err("JSON semantic error has a position", "{\n  \"staticRules\": {\"calculator\": \"ALOW\"}\n}", "policy.unknown_value", 0, 0, "staticRules.calculator", fmt="json", at='"ALOW"')
err("two YAML documents", "default: DENY\n---\ndefault: DENY\n", "policy.multiple_documents", 0, 0, at="---")

write("errors.json", {
    "description": "policies that must be refused, with the code, the 1-based line and column (characters) and the key path",
    "errors": E,
})
