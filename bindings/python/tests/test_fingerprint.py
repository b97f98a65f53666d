"""fingerprint() and version() through the installed package, replaying test-vectors/fingerprint."""

from __future__ import annotations

import pickle

import pytest

import agentsentinel
from agentsentinel import SentinelError

from conftest import iter_cases, utf16_to_str


def test_version_is_the_crate_version() -> None:
    assert agentsentinel.version() == agentsentinel.__version__
    assert agentsentinel.__version__.count(".") == 2


def test_fingerprint_vectors() -> None:
    cases = list(iter_cases("fingerprint"))
    assert cases
    for path, case in cases:
        assert agentsentinel.fingerprint(case["text"]) == case["fingerprint"], (path, case["text"])
        assert agentsentinel.fingerprint(case["text"].encode("utf-8")) == case["fingerprint"]


def test_fingerprint_error_vectors() -> None:
    cases = list(iter_cases("fingerprint", "errors"))
    assert cases
    for _path, case in cases:
        with pytest.raises(SentinelError) as raised:
            agentsentinel.fingerprint(utf16_to_str(case["utf16"]))
        assert raised.value.code == case["code"]
        assert raised.value.help


def test_invalid_utf8_bytes_raise_with_offset() -> None:
    with pytest.raises(SentinelError) as raised:
        agentsentinel.fingerprint(b"ab\xffcd")
    assert raised.value.code == "core.invalid_utf8"
    assert "byte 2" in str(raised.value)


@pytest.mark.parametrize("value", [None, 42, 3.5, ["a"], {"text": "a"}, bytearray(b"x")])
def test_non_text_raises_type_error_naming_the_parameter(value: object) -> None:
    with pytest.raises(TypeError, match="`text`"):
        agentsentinel.fingerprint(value)  # type: ignore[arg-type]


def test_lone_surrogate_index_is_a_python_index() -> None:
    with pytest.raises(SentinelError, match="index 3"):
        agentsentinel.fingerprint("a😀b\ud800")


def test_errors_pickle_with_their_code() -> None:
    err = SentinelError("boom", "core.invalid_utf8", "fix it", (1, 2))
    back = pickle.loads(pickle.dumps(err))
    assert (back.code, back.help, back.span, str(back)) == ("core.invalid_utf8", "fix it", (1, 2), "boom")


def test_large_input_is_hashed_without_trouble() -> None:
    text = "x" * 10_000_000
    assert len(agentsentinel.fingerprint(text)) == 64
