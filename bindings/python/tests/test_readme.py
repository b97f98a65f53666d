"""Every ```python block of README.md runs, in order, against the installed package."""

from __future__ import annotations

import re

from conftest import REPO

BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def test_readme_python_blocks_run() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = BLOCK.findall(readme)
    assert blocks, "README.md has no ```python block"
    namespace: dict[str, object] = {}
    for block in blocks:
        exec(compile(block, "README.md", "exec"), namespace)  # noqa: S102 - our own README
