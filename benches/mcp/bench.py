"""Added latency of `agentsentinel mcp-proxy` per tools/call (not run in CI).

Sends N sequential `tools/call` requests (one in flight at a time) over pipes to the stdlib fake
server (crates/cli/tests/fixtures/fake_mcp_server.py), directly and through the proxy, and prints
the median round trip of each and the median added latency. Target: <= 200 us.

Usage: python3 benches/mcp/bench.py [--bin target/release/agentsentinel] [-n 5000]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SERVER = [sys.executable, os.path.join(ROOT, "crates/cli/tests/fixtures/fake_mcp_server.py")]
POLICY = "staticRules:\n  calculator: ALLOW\n"


def run(argv, n):
    p = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)

    def rpc(i, method, params):
        p.stdin.write((json.dumps({"jsonrpc": "2.0", "id": i, "method": method, "params": params}) + "\n").encode())
        p.stdin.flush()
        return p.stdout.readline()

    rpc(0, "initialize", {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "b", "version": "1"}})
    p.stdin.write(b'{"jsonrpc":"2.0","method":"notifications/initialized"}\n')
    rpc(1, "tools/list", {})
    times = []
    for i in range(n + 200):
        start = time.perf_counter_ns()
        rpc(i + 2, "tools/call", {"name": "calculator", "arguments": {"a": i, "b": 1}})
        if i >= 200:  # warm-up
            times.append(time.perf_counter_ns() - start)
    p.stdin.close()
    p.wait(timeout=10)
    return statistics.median(times) / 1000


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.path.join(ROOT, "target/release/agentsentinel"))
    parser.add_argument("-n", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        policy = os.path.join(tmp, "policy.yaml")
        with open(policy, "w") as f:
            f.write(POLICY)
        proxied_argv = [args.bin, "mcp-proxy", "--policy", policy, "--", *SERVER]
        # Interleave rounds so machine noise hits both sides alike.
        direct, proxied = [], []
        for _ in range(3):
            direct.append(run(SERVER, args.n))
            proxied.append(run(proxied_argv, args.n))
    d, p = statistics.median(direct), statistics.median(proxied)
    print(f"median tools/call round trip: direct {d:.1f} us, through mcp-proxy {p:.1f} us")
    print(f"median added latency: {p - d:.1f} us (target <= 200 us)")


if __name__ == "__main__":
    main()
