"""Protect an MCP server: run it behind ``agentsentinel mcp-proxy`` and talk to it with the
official ``mcp`` client (1.x or 2.x, ``pip install mcp``).

>>> async with Sentinel("python tools.py", policy="policy.yaml") as s:   # doctest: +SKIP
...     tools = await s.list_tools()
...     result = await s.call_tool("calculator", {"a": 1, "b": 2})

The proxy is the ``agentsentinel`` command-line binary (``cargo install --path crates/cli``, or
a release binary). It is found through, in order: the ``binary=`` argument, the
``AGENTSENTINEL_BIN`` environment variable, then ``PATH``. Running the real proxy, rather than
re-implementing it in Python, means the Python SDK gets exactly the enforcement, framing limits
and process supervision that every other client gets.
"""

from __future__ import annotations

import os
import shlex
import shutil
from contextlib import AsyncExitStack
from typing import Any, Dict, List, Mapping, Optional, Sequence, Union

from agentsentinel.errors import PolicyViolationError, SentinelError

__all__ = ["DECISION_META", "PERMIT_META", "Sentinel", "find_binary"]

#: ``_meta`` key of the proxy's decision marker on a refused ``tools/call``.
DECISION_META = "dev.agentsentinel/decision"
#: ``_meta`` key under which a ``tools/call`` carries a permit.
PERMIT_META = "dev.agentsentinel/permit"


def find_binary(binary: Optional[str] = None) -> str:
    """The path of the ``agentsentinel`` binary: ``binary``, ``$AGENTSENTINEL_BIN``, or ``PATH``."""
    candidate = binary or os.environ.get("AGENTSENTINEL_BIN") or shutil.which("agentsentinel")
    if not candidate:
        raise SentinelError(
            "the `agentsentinel` binary was not found",
            "mcp.binary_not_found",
            "install it (`cargo install --path crates/cli`) or set AGENTSENTINEL_BIN",
        )
    return candidate


class Sentinel:
    """An MCP client session with ``server`` (a command line), through ``agentsentinel mcp-proxy``.

    ``policy`` is the policy file; ``permit_key`` an HMAC key file whose permits approve calls;
    ``pins`` a pin file; ``spotlight`` a spotlight mode; ``mode`` the ``mcp`` 2.x client's
    protocol mode (``"auto"``, ``"legacy"`` or ``"2026-07-28"``; ignored by ``mcp`` 1.x).
    ``extra_args`` go to ``mcp-proxy`` unchanged.
    """

    def __init__(
        self,
        server: Union[str, Sequence[str]],
        policy: Union[str, "os.PathLike[str]"],
        *,
        permit_key: Optional[str] = None,
        permit_key_id: str = "approvals",
        pins: Optional[str] = None,
        spotlight: Optional[str] = None,
        audit: Optional[str] = None,
        mode: str = "auto",
        binary: Optional[str] = None,
        extra_args: Sequence[str] = (),
        env: Optional[Mapping[str, str]] = None,
    ) -> None:
        argv = shlex.split(server) if isinstance(server, str) else list(server)
        args: List[str] = ["mcp-proxy", "--policy", os.fspath(policy)]
        if permit_key:
            args += ["--permit-key", permit_key, "--permit-key-id", permit_key_id]
        if pins:
            args += ["--pins", pins]
        if spotlight:
            args += ["--spotlight", spotlight]
        if audit:
            args += ["--audit", audit]
        args += list(extra_args)
        args += ["--", *argv]
        self._binary = find_binary(binary)
        self._args = args
        self._env = dict(env) if env is not None else None
        self._mode = mode
        self._stack: Optional[AsyncExitStack] = None
        self._session: Any = None

    async def __aenter__(self) -> "Sentinel":
        from mcp.client.stdio import StdioServerParameters, stdio_client

        env = dict(os.environ)
        if self._env:
            env.update(self._env)
        params = StdioServerParameters(command=self._binary, args=self._args, env=env)
        self._stack = AsyncExitStack()
        await self._stack.__aenter__()
        try:
            try:
                from mcp.client.client import Client  # mcp 2.x
            except ImportError:
                Client = None
            if Client is not None:
                self._session = await self._stack.enter_async_context(
                    Client(stdio_client(params), mode=self._mode)
                )
            else:  # mcp 1.x
                from mcp import ClientSession

                read, write = await self._stack.enter_async_context(stdio_client(params))
                self._session = await self._stack.enter_async_context(ClientSession(read, write))
                await self._session.initialize()
        except BaseException:
            await self._stack.__aexit__(None, None, None)
            raise
        return self

    async def __aexit__(self, *exc: Any) -> None:
        if self._stack is not None:
            await self._stack.__aexit__(*exc)
            self._stack = None

    @property
    def session(self) -> Any:
        """The underlying ``mcp`` client (``Client`` in 2.x, ``ClientSession`` in 1.x)."""
        if self._session is None:
            raise SentinelError("the Sentinel is not open; use `async with`", "mcp.not_open")
        return self._session

    async def list_tools(self) -> List[Any]:
        """The tools the policy lets the client see (hidden and unapproved tools are left out)."""
        return list((await self.session.list_tools()).tools)

    async def call_tool(
        self,
        name: str,
        arguments: Optional[Dict[str, Any]] = None,
        *,
        permit: Optional[str] = None,
    ) -> Any:
        """Calls ``name``; returns the server's ``CallToolResult``.

        Raises ``PolicyViolationError`` when AgentSentinel refused the call (its ``code`` is
        ``policy.denied`` or ``policy.requires_approval``, or the decision's own error code;
        ``marker`` holds the proxy's decision marker). ``permit`` approves a call that needs it.
        """
        meta = {PERMIT_META: permit} if permit else None
        result = await self.session.call_tool(name, arguments or {}, meta=meta)
        marker = _marker(result)
        if marker is not None and marker.get("decision") in ("deny", "require_approval"):
            text = " ".join(
                getattr(block, "text", "") for block in (getattr(result, "content", None) or [])
            )
            if marker.get("code"):
                code = marker["code"]
            elif marker["decision"] == "require_approval":
                code = "policy.requires_approval"
            else:
                code = "policy.denied"
            error = PolicyViolationError(text or "denied by AgentSentinel", code)
            error.marker = marker  # type: ignore[attr-defined]
            raise error
        return result


def _marker(result: Any) -> Optional[Dict[str, Any]]:
    meta = getattr(result, "meta", None)
    if meta is None:
        meta = getattr(result, "_meta", None)
    if isinstance(meta, Mapping):
        marker = meta.get(DECISION_META)
        if isinstance(marker, Mapping):
            return dict(marker)
    return None
