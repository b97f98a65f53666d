//! Every conversion between Python and Rust values, and the only error mapping.

use std::borrow::Cow;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

use agentsentinel::Diagnostic as _;
use agentsentinel::core::TextError;
use agentsentinel::permit::{CanonicalLimits, CanonicalWriter};
use pyo3::IntoPyObjectExt as _;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::Value;

pyo3::import_exception!(agentsentinel.errors, SentinelError);
pyo3::import_exception!(agentsentinel.errors, InputShieldError);
pyo3::import_exception!(agentsentinel.errors, PolicyError);
pyo3::import_exception!(agentsentinel.errors, PermitError);
pyo3::import_exception!(agentsentinel.errors, ReplayError);
pyo3::import_exception!(agentsentinel.errors, PolicyViolationError);

/// Inputs at least this long are processed with the GIL released. Shorter ones are not: taking
/// the GIL back costs a few hundred nanoseconds, more than scanning a short text.
pub(crate) const DETACH_BYTES: usize = 8 * 1024;

/// Deepest nesting of lists and dicts accepted from Python. It also stops a container that holds
/// itself, which would otherwise recurse forever.
pub(crate) const MAX_DEPTH: usize = 128;

/// Turns any agentsentinel error into the matching Python exception. Nothing else does this.
///
/// Use it when the error is not about a text the caller passed; the exception then has no span.
pub(crate) fn to_py_err(err: impl Into<agentsentinel::Error>) -> PyErr {
    map_error(&err.into(), None)
}

/// [`to_py_err`] for an error about `source`, a text the caller passed: the byte span becomes
/// Python string indices into it.
pub(crate) fn to_py_err_in(err: impl Into<agentsentinel::Error>, source: &str) -> PyErr {
    map_error(&err.into(), Some(source))
}

/// The one mapping: `agentsentinel::Error` variant → exception class, raised with
/// `(message, code, help, span)` (plus `line, column, origin, path` for policies), which
/// `errors.py` unpacks into attributes.
fn map_error(err: &agentsentinel::Error, source: Option<&str>) -> PyErr {
    // A span only means something to the caller when it points into text they passed.
    let span = source
        .and_then(|text| err.span().map(|span| span.to_char_span(text)))
        .map(|span| (span.start, span.end));
    let message = err.to_string();
    let code = err.code();
    let help = err.help();
    match err {
        agentsentinel::Error::Text(TextError::WrongType { .. }) => {
            // A wrong type is a TypeError in Python, whatever our code says.
            PyTypeError::new_err(message)
        }
        agentsentinel::Error::InputShield(_) => {
            InputShieldError::new_err((message, code, help, span))
        }
        agentsentinel::Error::Policy(inner) => {
            let location = err.location();
            PolicyError::new_err((
                message,
                code,
                help,
                span,
                location.map(|l| l.line),
                location.map(|l| l.column),
                err.origin().map(str::to_owned),
                inner.path().map(str::to_owned),
            ))
        }
        agentsentinel::Error::Permit(_) => PermitError::new_err((message, code, help, span)),
        agentsentinel::Error::Replay(_) => ReplayError::new_err((message, code, help, span)),
        _ => SentinelError::new_err((message, code, help, span)),
    }
}

/// The exception `enforce` raises for a decision that does not allow the call.
pub(crate) fn violation_err(
    message: String,
    code: String,
    help: &'static str,
    decision: Py<PyAny>,
) -> PyErr {
    PolicyViolationError::new_err((message, code, help, None::<(usize, usize)>, decision))
}

/// A `TypeError` naming `parameter`, what it must be, and the type it was.
pub(crate) fn wrong_type(value: &Bound<'_, PyAny>, parameter: &str, expected: &str) -> PyErr {
    to_py_err(TextError::WrongType {
        parameter: parameter.to_owned(),
        expected: expected.to_owned(),
        found: type_name(value),
    })
}

/// Text from a `str` or UTF-8 `bytes` argument named `parameter`.
///
/// A `str` holding a lone surrogate, or `bytes` that are not UTF-8, raise `SentinelError` with
/// code `core.lone_surrogate` / `core.invalid_utf8`; anything else raises `TypeError`.
pub(crate) fn text_from_py<'a>(
    value: &'a Bound<'_, PyAny>,
    parameter: &str,
) -> PyResult<Cow<'a, str>> {
    if let Ok(text) = value.cast::<PyString>() {
        return string_from_py(text, parameter);
    }
    if let Ok(bytes) = value.cast::<PyBytes>() {
        let bytes = bytes.as_bytes();
        return std::str::from_utf8(bytes)
            .map(Cow::Borrowed)
            .map_err(|err| {
                to_py_err(TextError::InvalidUtf8 {
                    parameter: parameter.to_owned(),
                    offset: err.valid_up_to(),
                })
            });
    }
    Err(wrong_type(value, parameter, "`str` or `bytes`"))
}

/// A `str` argument (not `bytes`) named `parameter`, such as a session id or a tool name.
pub(crate) fn str_from_py<'a>(
    value: &'a Bound<'_, PyAny>,
    parameter: &str,
) -> PyResult<Cow<'a, str>> {
    match value.cast::<PyString>() {
        Ok(text) => string_from_py(text, parameter),
        Err(_) => Err(wrong_type(value, parameter, "`str`")),
    }
}

/// Raw bytes from a `bytes` argument named `parameter` (keys, nonces, seeds).
pub(crate) fn bytes_from_py<'a>(
    value: &'a Bound<'_, PyAny>,
    parameter: &str,
) -> PyResult<&'a [u8]> {
    match value.cast::<PyBytes>() {
        Ok(bytes) => Ok(bytes.as_bytes()),
        Err(_) => Err(wrong_type(value, parameter, "`bytes`")),
    }
}

/// A file path from a `str` or `os.PathLike` argument named `parameter`.
pub(crate) fn path_from_py(value: &Bound<'_, PyAny>, parameter: &str) -> PyResult<PathBuf> {
    if let Ok(text) = value.cast::<PyString>() {
        return Ok(PathBuf::from(string_from_py(text, parameter)?.into_owned()));
    }
    if value.hasattr("__fspath__")? {
        let path = value.call_method0("__fspath__")?;
        if let Ok(text) = path.cast::<PyString>() {
            return Ok(PathBuf::from(string_from_py(text, parameter)?.into_owned()));
        }
    }
    Err(wrong_type(value, parameter, "`str` or `os.PathLike`"))
}

/// Converts a Python value made of `dict` (with `str` keys), `list`, `tuple`, `str`, `int`,
/// `float`, `bool` and `None` into JSON, directly (no `json.dumps` round trip).
///
/// Raises `TypeError` naming the parameter and the place (`args.when`) for anything else (sets,
/// bytes, non-`str` keys, objects), and `ValueError` for NaN or infinity, integers beyond 64 bits
/// and nesting deeper than [`MAX_DEPTH`] (which is also how a cycle ends).
pub(crate) fn json_from_py(value: &Bound<'_, PyAny>, parameter: &str) -> PyResult<Value> {
    to_json(value, 0).map_err(|mut err| {
        err.path.reverse();
        let place = format!("{parameter}{}", err.path.concat());
        match err.kind {
            JsonErrorKind::Type(found) => to_py_err(TextError::WrongType {
                parameter: place,
                expected: JSON_LIKE.to_owned(),
                found,
            }),
            JsonErrorKind::Key(found) => PyTypeError::new_err(format!(
                "`{place}` has a key of type {found}; keys must be `str`"
            )),
            JsonErrorKind::NonFinite => PyValueError::new_err(format!(
                "`{place}` is NaN or infinite, which JSON cannot hold"
            )),
            JsonErrorKind::IntRange => {
                PyValueError::new_err(format!("`{place}` is an integer outside the 64-bit range"))
            }
            JsonErrorKind::TooDeep => PyValueError::new_err(format!(
                "`{parameter}` is nested deeper than {MAX_DEPTH} levels (does a list or dict \
                 contain itself?)"
            )),
            JsonErrorKind::Surrogate(index) => to_py_err(TextError::LoneSurrogate {
                parameter: place,
                index,
            }),
        }
    })
}

/// What a JSON-like argument may hold, for `TypeError` messages.
const JSON_LIKE: &str =
    "JSON-like: `dict` with `str` keys, `list`, `tuple`, `str`, `int`, `float`, `bool` or `None`";

struct JsonError {
    kind: JsonErrorKind,
    /// Path segments from the failing value outwards (`.key`, `[3]`).
    path: Vec<String>,
}

enum JsonErrorKind {
    Type(String),
    Key(String),
    NonFinite,
    IntRange,
    TooDeep,
    Surrogate(usize),
}

impl From<JsonErrorKind> for JsonError {
    fn from(kind: JsonErrorKind) -> Self {
        JsonError {
            kind,
            path: Vec::new(),
        }
    }
}

fn to_json(value: &Bound<'_, PyAny>, depth: usize) -> Result<Value, JsonError> {
    if value.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(flag) = value.cast::<PyBool>() {
        return Ok(Value::Bool(flag.is_true()));
    }
    if let Ok(text) = value.cast::<PyString>() {
        return text
            .to_cow()
            .map(|text| Value::String(text.into_owned()))
            .map_err(|_| JsonErrorKind::Surrogate(lone_surrogate_index(text)).into());
    }
    if value.is_instance_of::<PyInt>() {
        if let Ok(n) = value.extract::<i64>() {
            return Ok(Value::from(n));
        }
        return value
            .extract::<u64>()
            .map(Value::from)
            .map_err(|_| JsonErrorKind::IntRange.into());
    }
    if let Ok(float) = value.cast::<PyFloat>() {
        return serde_json::Number::from_f64(float.value())
            .map(Value::Number)
            .ok_or_else(|| JsonErrorKind::NonFinite.into());
    }
    if depth >= MAX_DEPTH {
        return Err(JsonErrorKind::TooDeep.into());
    }
    if let Ok(dict) = value.cast::<PyDict>() {
        let mut map = serde_json::Map::new();
        for (key, item) in dict.iter() {
            let Ok(key) = key.cast::<PyString>() else {
                return Err(JsonErrorKind::Key(type_name(&key)).into());
            };
            let key = key.to_cow().map_err(|_| {
                JsonError::from(JsonErrorKind::Surrogate(lone_surrogate_index(key)))
            })?;
            let item = to_json(&item, depth + 1).map_err(|mut err| {
                err.path.push(format!(".{key}"));
                err
            })?;
            map.insert(key.into_owned(), item);
        }
        return Ok(Value::Object(map));
    }
    if let Ok(list) = value.cast::<PyList>() {
        return list
            .iter()
            .enumerate()
            .map(|(index, item)| at_index(&item, index, depth))
            .collect::<Result<_, _>>()
            .map(Value::Array);
    }
    if let Ok(tuple) = value.cast::<PyTuple>() {
        return tuple
            .iter()
            .enumerate()
            .map(|(index, item)| at_index(&item, index, depth))
            .collect::<Result<_, _>>()
            .map(Value::Array);
    }
    Err(JsonErrorKind::Type(type_name(value)).into())
}

fn at_index(item: &Bound<'_, PyAny>, index: usize, depth: usize) -> Result<Value, JsonError> {
    to_json(item, depth + 1).map_err(|mut err| {
        err.path.push(format!("[{index}]"));
        err
    })
}

/// The RFC 8785 canonical bytes of an action given as JSON text (`str`/`bytes`, the
/// authoritative form, parsed by the domain crate) or as a JSON-like Python value.
///
/// A Python value is walked directly into canonical bytes, with no JSON text and no
/// `serde_json::Value` in between, under the same rules as the text: `dict` (with `str` keys),
/// `list`, `tuple`, `str`, `int`, `float`, `bool` and `None` only. Anything else (sets, bytes,
/// objects, non-`str` keys) is a `TypeError`, a lone surrogate `SentinelError`
/// (`core.lone_surrogate`), and NaN or infinities, integers beyond ±(2^53 − 1), nesting deeper
/// than the canonical depth limit (also how a container that holds itself ends) and equal keys
/// are `PermitError` (`permit.*` codes); every message names the place, such as
/// `action.args.tags[2]`.
pub(crate) fn canonical_from_py(
    py: Python<'_>,
    value: &Bound<'_, PyAny>,
    parameter: &str,
) -> PyResult<Vec<u8>> {
    if value.is_instance_of::<PyString>() || value.is_instance_of::<PyBytes>() {
        let text = text_from_py(value, parameter)?;
        let text: &str = &text;
        let canonical = if text.len() >= DETACH_BYTES {
            py.detach(|| agentsentinel::permit::canonicalize(text))
        } else {
            agentsentinel::permit::canonicalize(text)
        };
        return canonical.map_err(|err| to_py_err_in(err, text));
    }
    let mut writer = CanonicalWriter::new(parameter, &CanonicalLimits::default());
    write_canonical(value, &mut writer)?;
    Ok(writer.finish())
}

/// Writes one Python value. Exact built-in types are tested first (a pointer comparison each);
/// subclasses (`OrderedDict`, `IntEnum`, `str` subclasses) take the slower `isinstance` path.
fn write_canonical(value: &Bound<'_, PyAny>, writer: &mut CanonicalWriter<'_>) -> PyResult<()> {
    if let Ok(text) = value.cast_exact::<PyString>() {
        return write_canonical_str(text, writer, false);
    }
    if let Ok(dict) = value.cast_exact::<PyDict>() {
        return write_canonical_dict(dict, writer);
    }
    if value.is_exact_instance_of::<PyInt>() {
        return write_canonical_int(value, writer);
    }
    if let Ok(float) = value.cast_exact::<PyFloat>() {
        return writer.number(float.value()).map_err(to_py_err);
    }
    if let Ok(list) = value.cast_exact::<PyList>() {
        return write_canonical_array(list.iter(), writer);
    }
    if value.is_none() {
        writer.null();
        return Ok(());
    }
    if let Ok(flag) = value.cast::<PyBool>() {
        writer.boolean(flag.is_true());
        return Ok(());
    }
    if let Ok(tuple) = value.cast::<PyTuple>() {
        return write_canonical_array(tuple.iter(), writer);
    }
    if let Ok(text) = value.cast::<PyString>() {
        return write_canonical_str(text, writer, false);
    }
    if let Ok(dict) = value.cast::<PyDict>() {
        return write_canonical_dict(dict, writer);
    }
    if value.is_instance_of::<PyInt>() {
        return write_canonical_int(value, writer);
    }
    if let Ok(float) = value.cast::<PyFloat>() {
        return writer.number(float.value()).map_err(to_py_err);
    }
    if let Ok(list) = value.cast::<PyList>() {
        return write_canonical_array(list.iter(), writer);
    }
    Err(to_py_err(TextError::WrongType {
        parameter: writer.path(),
        expected: JSON_LIKE.to_owned(),
        found: type_name(value),
    }))
}

/// Writes the items of a `list` or `tuple` as a JSON array.
fn write_canonical_array<'py>(
    items: impl Iterator<Item = Bound<'py, PyAny>>,
    writer: &mut CanonicalWriter<'_>,
) -> PyResult<()> {
    writer.begin_array().map_err(to_py_err)?;
    for item in items {
        write_canonical(&item, writer)?;
    }
    writer.end_array();
    Ok(())
}

fn write_canonical_dict(
    dict: &Bound<'_, PyDict>,
    writer: &mut CanonicalWriter<'_>,
) -> PyResult<()> {
    writer.begin_object().map_err(to_py_err)?;
    for (key, item) in dict.iter() {
        let Ok(key) = key.cast::<PyString>() else {
            return Err(PyTypeError::new_err(format!(
                "`{}` has a key of type {}; keys must be `str`",
                writer.path(),
                type_name(&key)
            )));
        };
        if !write_cached_key(key, writer) {
            let encoded = encode_str(key, writer, true)?;
            let utf8 = utf8_of(&encoded)?;
            writer.key(utf8);
            remember_key(key, utf8);
        }
        write_canonical(&item, writer)?;
    }
    writer.end_object().map_err(to_py_err)
}

/// Slots of [`KEY_CACHE`]; a power of two.
const KEY_CACHE_SLOTS: usize = 256;

/// Longest key, in UTF-8 bytes, that [`KEY_CACHE`] keeps.
const KEY_CACHE_MAX_BYTES: usize = 64;

/// The UTF-8 of recently seen `dict` keys, so the few keys an application sends with every
/// action (`"tool"`, `"args"`, `"amount"`, …) are not encoded again on every call: under the
/// stable ABI for Python 3.9 encoding a `str` allocates a `bytes` copy, which was about a third
/// of the time of `canonicalize(dict)`.
///
/// Direct-mapped by the key object's address. A slot holds a strong reference to its key, so
/// that address cannot be reused by another object while the slot lives, and a `str` is
/// immutable: the same object means the same text. Bounded: at most 256 keys of at most 64
/// bytes. Only exact `str` objects are kept. Never waited on: a call that finds it locked (by
/// another thread) simply encodes the key.
static KEY_CACHE: Mutex<Vec<Option<CachedKey>>> = Mutex::new(Vec::new());

/// A key object, kept alive, and its UTF-8.
type CachedKey = (Py<PyString>, Box<str>);

fn key_cache_slot(key: &Bound<'_, PyString>) -> usize {
    (key.as_ptr().addr() >> 4) & (KEY_CACHE_SLOTS - 1)
}

/// Writes `key` from [`KEY_CACHE`]; false when it is not there.
fn write_cached_key(key: &Bound<'_, PyString>, writer: &mut CanonicalWriter<'_>) -> bool {
    let Ok(cache) = KEY_CACHE.try_lock() else {
        return false;
    };
    match cache.get(key_cache_slot(key)) {
        Some(Some((cached, utf8))) if cached.as_ptr() == key.as_ptr() => {
            writer.key(utf8);
            true
        }
        _ => false,
    }
}

/// Puts a key that was just written into [`KEY_CACHE`], evicting the slot's previous key.
fn remember_key(key: &Bound<'_, PyString>, utf8: &str) {
    if utf8.len() > KEY_CACHE_MAX_BYTES || !key.is_exact_instance_of::<PyString>() {
        return;
    }
    let Ok(mut cache) = KEY_CACHE.try_lock() else {
        return;
    };
    if cache.is_empty() {
        cache.resize_with(KEY_CACHE_SLOTS, || None);
    }
    if let Some(slot) = cache.get_mut(key_cache_slot(key)) {
        *slot = Some((key.clone().unbind(), utf8.into()));
    }
}

/// Writes a `str` as a value, or as the key of the next member when `key`.
fn write_canonical_str(
    text: &Bound<'_, PyString>,
    writer: &mut CanonicalWriter<'_>,
    key: bool,
) -> PyResult<()> {
    let encoded = encode_str(text, writer, key)?;
    let utf8 = utf8_of(&encoded)?;
    if key {
        writer.key(utf8);
    } else {
        writer.string(utf8);
    }
    Ok(())
}

/// The UTF-8 of a `str` (a key when `key`). Under the stable ABI for Python 3.9 the only UTF-8
/// view of a `str` is an encoded `bytes` copy; callers borrow it, not copy it again. A lone
/// surrogate is an error naming the writer's place.
fn encode_str<'py>(
    text: &Bound<'py, PyString>,
    writer: &CanonicalWriter<'_>,
    key: bool,
) -> PyResult<Bound<'py, PyBytes>> {
    text.encode_utf8().map_err(|_| {
        let index = lone_surrogate_index(text);
        let place = if key {
            format!("{} key", writer.path())
        } else {
            writer.path()
        };
        to_py_err(TextError::LoneSurrogate {
            parameter: place,
            index,
        })
    })
}

fn utf8_of<'a>(encoded: &'a Bound<'_, PyBytes>) -> PyResult<&'a str> {
    std::str::from_utf8(encoded.as_bytes()).map_err(|err| PyValueError::new_err(err.to_string()))
}

fn write_canonical_int(value: &Bound<'_, PyAny>, writer: &mut CanonicalWriter<'_>) -> PyResult<()> {
    let written = match value.extract::<i64>() {
        Ok(n) => writer.integer(n),
        // Wider than 64 bits: certainly out of range; the digits are only for the message.
        Err(_) => writer.integer_decimal(&value.str()?.to_cow()?),
    };
    written.map_err(to_py_err)
}

/// Converts JSON into plain Python values (`dict`, `list`, `str`, `int`, `float`, `bool`,
/// `None`).
pub(crate) fn json_to_py(py: Python<'_>, value: &Value) -> PyResult<Py<PyAny>> {
    match value {
        Value::Null => Ok(py.None()),
        Value::Bool(flag) => flag.into_py_any(py),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_py_any(py)
            } else if let Some(u) = n.as_u64() {
                u.into_py_any(py)
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_py_any(py)
            }
        }
        Value::String(text) => text.into_py_any(py),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(json_to_py(py, item)?)?;
            }
            Ok(list.into_any().unbind())
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (key, item) in map {
                dict.set_item(key, json_to_py(py, item)?)?;
            }
            Ok(dict.into_any().unbind())
        }
    }
}

/// A core value as the plain Python value of its JSON shape (`to_dict()`).
pub(crate) fn serde_to_py<T: serde::Serialize>(py: Python<'_>, value: &T) -> PyResult<Py<PyAny>> {
    let json = serde_json::to_value(value).map_err(|err| PyValueError::new_err(err.to_string()))?;
    json_to_py(py, &json)
}

/// A core value as JSON text (`to_json()`).
pub(crate) fn serde_to_json<T: serde::Serialize>(value: &T) -> PyResult<String> {
    serde_json::to_string(value).map_err(|err| PyValueError::new_err(err.to_string()))
}

/// A core value from the plain Python value of its JSON shape (`from_dict()`).
pub(crate) fn serde_from_py<T: serde::de::DeserializeOwned>(
    value: &Bound<'_, PyAny>,
    parameter: &str,
    what: &str,
) -> PyResult<T> {
    let json = json_from_py(value, parameter)?;
    serde_json::from_value(json)
        .map_err(|err| PyValueError::new_err(format!("`{parameter}` is not {what}: {err}")))
}

/// `now` in milliseconds since the Unix epoch: the caller's value, or the wall clock. The binding
/// is the edge where time is read; the domain crates take it as an argument.
pub(crate) fn now_ms(given: Option<u64>) -> u64 {
    given.unwrap_or_else(|| {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |elapsed| {
                u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX)
            })
    })
}

/// `now` in seconds since the Unix epoch: the caller's value, or the wall clock.
pub(crate) fn now_seconds(given: Option<u64>) -> u64 {
    given.unwrap_or_else(|| {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |elapsed| elapsed.as_secs())
    })
}

/// What `__reduce__` returns for a value that pickles: a callable and its arguments.
pub(crate) type Reduce<'py, A> = PyResult<(Bound<'py, PyAny>, A)>;

/// The `TypeError` every object that cannot be pickled raises from `__reduce__`.
pub(crate) fn not_picklable(class: &str, instead: &str) -> PyErr {
    PyTypeError::new_err(format!("`{class}` objects cannot be pickled; {instead}"))
}

fn string_from_py<'a>(text: &'a Bound<'_, PyString>, parameter: &str) -> PyResult<Cow<'a, str>> {
    text.to_cow().map_err(|_| {
        to_py_err(TextError::LoneSurrogate {
            parameter: parameter.to_owned(),
            index: lone_surrogate_index(text),
        })
    })
}

fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map_or_else(|_| "an unknown type".to_owned(), |name| format!("`{name}`"))
}

/// Code-point index (Python string index) of the first lone surrogate in `text`.
fn lone_surrogate_index(text: &Bound<'_, PyString>) -> usize {
    // `surrogatepass` encodes each surrogate as 3 bytes that Rust's UTF-8 check rejects, so the
    // valid prefix ends exactly at the first one.
    let encoded = text
        .call_method1("encode", ("utf-8", "surrogatepass"))
        .and_then(|bytes| bytes.extract::<Vec<u8>>());
    match encoded {
        Ok(bytes) => match std::str::from_utf8(&bytes) {
            Ok(valid) => valid.chars().count(),
            Err(err) => String::from_utf8_lossy(&bytes[..err.valid_up_to()])
                .chars()
                .count(),
        },
        Err(_) => 0,
    }
}

/// A custom detection rule from a dict `{"id", "category", "weight", "description", "terms"}`
/// (a rule that matches when any of the terms occurs).
pub(crate) fn rule_from_py(
    value: &Bound<'_, PyAny>,
    parameter: &str,
) -> PyResult<agentsentinel::input_shield::Rule> {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RuleSpec {
        id: String,
        category: agentsentinel::ThreatCategory,
        weight: u8,
        description: String,
        terms: Vec<String>,
    }
    let spec: RuleSpec = serde_from_py(
        value,
        parameter,
        "a rule: a dict with `id`, `category`, `weight` (1-100), `description` and `terms`",
    )?;
    let terms: Vec<&str> = spec.terms.iter().map(String::as_str).collect();
    Ok(agentsentinel::input_shield::Rule::any(
        &spec.id,
        spec.category,
        spec.weight,
        &spec.description,
        &terms,
    ))
}

/// Exactly `N` raw bytes from a `bytes` argument named `parameter`.
pub(crate) fn fixed_bytes_from_py<const N: usize>(
    value: &Bound<'_, PyAny>,
    parameter: &str,
) -> PyResult<[u8; N]> {
    let bytes = bytes_from_py(value, parameter)?;
    bytes.try_into().map_err(|_| {
        PyValueError::new_err(format!(
            "`{parameter}` must be {N} bytes, found {}",
            bytes.len()
        ))
    })
}

/// A tool call from a `str` tool name and optional JSON-like `args` (`None` means `{}`).
pub(crate) fn tool_call_from_py(
    tool: &Bound<'_, PyAny>,
    args: Option<&Bound<'_, PyAny>>,
) -> PyResult<agentsentinel::ToolCall> {
    let tool = str_from_py(tool, "tool")?.into_owned();
    let args = match args {
        Some(args) if !args.is_none() => json_from_py(args, "args")?,
        _ => Value::Object(serde_json::Map::new()),
    };
    Ok(agentsentinel::ToolCall::new(tool, args))
}

/// A JSON-like Python value as indented JSON text, so errors about it have useful lines.
pub(crate) fn json_text_from_py(value: &Bound<'_, PyAny>, parameter: &str) -> PyResult<String> {
    let json = json_from_py(value, parameter)?;
    serde_json::to_string_pretty(&json).map_err(|err| PyValueError::new_err(err.to_string()))
}

/// `text` quoted the way Python's `repr` quotes a `str`, for `__repr__`s.
pub(crate) fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('\'');
    for c in text.chars() {
        match c {
            '\'' => out.push_str("\\'"),
            '"' => out.push('"'),
            _ => out.extend(c.escape_debug()),
        }
    }
    out.push('\'');
    out
}
