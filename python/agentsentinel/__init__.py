"""AgentSentinel: the in-process security layer for AI agents.

>>> import agentsentinel
>>> agentsentinel.fingerprint("hello")
'2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824'
"""

from agentsentinel._core import __version__, fingerprint, version
from agentsentinel.errors import SentinelError

__all__ = ["SentinelError", "__version__", "fingerprint", "version"]
