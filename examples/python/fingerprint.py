"""Prints the fingerprint of a text given on the command line (default: "hello")."""

import sys

import agentsentinel

text = sys.argv[1] if len(sys.argv) > 1 else "hello"
print(f"agentsentinel {agentsentinel.version()}")
print(agentsentinel.fingerprint(text))
