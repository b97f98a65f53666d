"""Shared helpers for the Python test suite: where the repo's test vectors and README live."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

import pytest

REPO = Path(__file__).resolve().parents[3]
VECTORS = REPO / "test-vectors"


def vector_files(area: str) -> list[Path]:
    """Every vector file of an area; fails (never skips) when there are none."""
    files = sorted((VECTORS / area).glob("*.json"))
    if not files:
        pytest.fail(f"no vector files in {VECTORS / area}")
    return files


def load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def skipped_for_python(case: dict[str, Any]) -> bool:
    return "python" in case.get("skip", {})


def utf16_to_str(units: list[int]) -> str:
    """Builds a Python str from UTF-16 code units, keeping lone surrogates as code points."""
    out: list[str] = []
    i = 0
    while i < len(units):
        unit = units[i]
        if 0xD800 <= unit < 0xDC00 and i + 1 < len(units) and 0xDC00 <= units[i + 1] < 0xE000:
            out.append(chr(0x10000 + ((unit - 0xD800) << 10) + (units[i + 1] - 0xDC00)))
            i += 2
        else:
            out.append(chr(unit))
            i += 1
    return "".join(out)


def iter_cases(area: str, key: str = "cases") -> Iterator[tuple[Path, dict[str, Any]]]:
    for path in vector_files(area):
        for case in load(path).get(key, []):
            yield path, case
