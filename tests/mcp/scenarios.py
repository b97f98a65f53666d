"""The issue's MCP scenario matrix through `agentsentinel mcp-proxy`, with the official Python SDK
(`mcp` 1.x or 2.x, whichever this interpreter has) as the client, via agentsentinel.mcp.Sentinel.

Usage: python scenarios.py SERVER_PYTHON [MODE]   (MODE: auto, legacy, 2026-07-28; 2.x only)
Env: AGENTSENTINEL_BIN (the proxy), MCP_KEY (HMAC key file for permits).
"""
import asyncio
import json
import os
import subprocess
import sys

from agentsentinel.errors import PolicyViolationError
from agentsentinel.mcp import Sentinel

HERE = os.path.dirname(os.path.abspath(__file__))
SERVER_PYTHON = sys.argv[1]
MODE = sys.argv[2] if len(sys.argv) > 2 else "auto"
BIN = os.environ["AGENTSENTINEL_BIN"]
KEY = os.environ["MCP_KEY"]


def sentinel():
    return Sentinel([SERVER_PYTHON, os.path.join(HERE, "sdk_server.py")], os.path.join(HERE, "policy.yaml"),
                    permit_key=KEY, spotlight="delimit", mode=MODE, extra_args=["--shutdown-grace-ms", "500"])


def mint(tool, args):
    action = json.dumps({"tool": tool, "args": args})
    out = subprocess.run([BIN, "permit", "mint", "--key-file", KEY, "--key-id", "approvals", "--ttl", "60",
                          "--subject", "mcp"], input=action, capture_output=True, text=True, check=True)
    return out.stdout.strip()


def text(result):
    return result.content[0].text


async def refused(coro, code=None, rule=None):
    try:
        await coro
    except PolicyViolationError as err:
        assert code is None or err.code == code, (err.code, code)
        assert rule is None or err.marker["rule"] == rule, (err.marker, rule)
        return err
    raise AssertionError("the call was not refused")


async def main():
    async with sentinel() as s:
        names = {t.name for t in await s.list_tools()}
        assert "calculator" in names and "read_customer_data" in names, names
        assert "shell_exec" not in names, "a statically denied tool is hidden"
        assert text(await s.call_tool("calculator", {"a": 1, "b": 2})) == "3"
        try:
            await s.session.call_tool("shell_exec", {"cmd": "ls"})
            raise AssertionError("hidden tool was called")
        except AssertionError:
            raise
        except Exception as err:  # McpError (1.x) / MCPError (2.x): JSON-RPC -32602
            assert "not available" in str(err), err
        assert text(await s.call_tool("calculator", {"a": 2, "b": 2})) == "4"

        await s.call_tool("read_customer_data", {"customer_id": "c-1"})
        await refused(s.call_tool("export_analytics", {"dataset": "q3"}), "policy.denied", "no-export")
        assert text(await s.call_tool("calculator", {"a": 3, "b": 3})) == "6"

        pay = {"amount": 5, "to": "bob"}
        await refused(s.call_tool("send_payment", pay), "policy.requires_approval", "payments")
        token = mint("send_payment", pay)
        assert text(await s.call_tool("send_payment", pay, permit=token)) == "paid 5 to bob"
        await refused(s.call_tool("send_payment", pay, permit=token), "permit.replayed", "payments")
        assert text(await s.call_tool("calculator", {"a": 4, "b": 4})) == "8"

    async with sentinel() as s:  # a fresh session: only the injected output taints it
        await s.list_tools()
        assert text(await s.call_tool("export_analytics", {"dataset": "q3"})) == "exported"
        inbox = await s.call_tool("read_inbox", {})
        assert "<untrusted" in text(inbox), text(inbox)
        meta = inbox.meta or {}
        assert meta["dev.agentsentinel/inspection"]["taint"] == "untrusted", meta
        structured = getattr(inbox, "structured_content", None) or getattr(inbox, "structuredContent", None)
        if structured:
            assert "<untrusted" in json.dumps(structured), structured
        await refused(s.call_tool("export_analytics", {"dataset": "q3"}), "policy.denied", "no-export")
        assert text(await s.call_tool("calculator", {"a": 5, "b": 5})) == "10"
    print(f"python client scenarios passed (mode {MODE}, server {SERVER_PYTHON})")


asyncio.run(main())
