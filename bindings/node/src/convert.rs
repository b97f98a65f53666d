//! Every conversion between JS and Rust values, and the only error mapping.

use std::fmt::{self, Write as _};
use std::time::{SystemTime, UNIX_EPOCH};

use agentsentinel::core::{TextError, decode_utf16};
use agentsentinel::{Diagnostic, Span as ByteSpan};
use napi::bindgen_prelude::{
    FnArgs, FromNapiValue, Function, JsObjectValue as _, KeyCollectionMode, KeyConversion,
    KeyFilter, Object, ObjectRef, Uint8Array,
};
use napi::{Env, JsString, JsValue as _, Status, Unknown, ValueType};
use napi_derive::napi;
use serde_json::{Map, Number, Value};

/// The error classes, as one JS expression; see `install_error_classes`.
const ERROR_CLASSES_JS: &str = include_str!("errors.js");
/// Names of the classes `ERROR_CLASSES_JS` evaluates to, all exported by the addon.
const ERROR_CLASSES: [&str; 5] = [
    "SentinelError",
    "PolicyError",
    "PermitError",
    "ReplayError",
    "PolicyViolationError",
];

/// Deepest nesting of arrays and objects accepted in a JS value (tool-call arguments, actions).
/// Deep enough for any real action (the permit canonicaliser allows 64 too), shallow enough that
/// a cyclic object fails fast instead of overflowing the stack.
pub const MAX_VALUE_DEPTH: usize = 64;

/// What can go wrong in a binding call, before it becomes a JS error in [`to_js_err`].
#[derive(Debug)]
pub enum Failure {
    /// Anything the library reports.
    Sentinel(agentsentinel::Error),
    /// `Sessions.enforce` refused a call.
    Violation(agentsentinel::Decision),
    /// napi itself failed (out of memory, a pending exception): passed through unchanged.
    Napi(napi::Error),
}

impl<E: Into<agentsentinel::Error>> From<E> for Failure {
    fn from(err: E) -> Self {
        Failure::Sentinel(err.into())
    }
}

/// What an AgentSentinel error carries besides its message (the constructor argument of the
/// error classes in `errors.js`).
#[napi(object, object_from_js = false, use_nullable = true)]
pub struct SentinelErrorDetails {
    /// Stable code, such as `policy.unknown_key`.
    pub code: String,
    /// One short instruction saying how to fix the problem.
    pub help: Option<String>,
    /// Where the problem is in the caller's text, in UTF-16 code units (string indices).
    pub span: Option<Span>,
    /// 1-based line of the problem in the caller's text.
    pub line: Option<u32>,
    /// 1-based column (in characters) of the problem in the caller's text.
    pub column: Option<u32>,
    /// Key path of a policy error, such as `taintRules[0].forbiddenTags`.
    pub path: Option<String>,
    /// The decision `Sessions.enforce` refused.
    #[napi(ts_type = "Decision")]
    pub decision: Option<crate::Decision>,
}

/// A range of a JS string: `text.slice(start, end)`, in UTF-16 code units.
#[napi(object, object_from_js = false)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// First code unit.
    pub start: u32,
    /// One past the last code unit.
    pub end: u32,
}

/// Turns any failure into an instance of the matching error class (`PolicyError`, ...) with
/// `code`, `help`, `span`, `line`, `column`, `path`. Nothing else does this. `source` is the
/// caller's text the error's byte span points into, so the span can be given in string indices.
pub fn to_js_err(env: Env, failure: impl Into<Failure>, source: Option<&str>) -> napi::Error {
    let failure = failure.into();
    let (class, message, details) = match failure {
        Failure::Napi(err) => return err,
        Failure::Violation(decision) => {
            let code = decision
                .refusal_code()
                .unwrap_or("policy.denied")
                .to_owned();
            let message = format!(
                "{} by rule `{}`: {}",
                if decision.requires_approval() {
                    "approval required"
                } else {
                    "denied"
                },
                decision.rule(),
                decision.reason()
            );
            let mut details = SentinelErrorDetails::new(&code, None);
            details.decision = Some(crate::decision_to_js(decision));
            ("PolicyViolationError", message, details)
        }
        Failure::Sentinel(err) => {
            let mut details = SentinelErrorDetails::new(err.code(), err.help());
            details.span = err.span().map(|span| utf16_span(source, span));
            if let Some(location) = err.location() {
                details.line = Some(saturate(location.line));
                details.column = Some(saturate(location.column));
            }
            let class = match &err {
                agentsentinel::Error::Policy(policy) => {
                    details.path = policy.path().map(str::to_owned);
                    "PolicyError"
                }
                agentsentinel::Error::Permit(_) => "PermitError",
                agentsentinel::Error::Replay(_) => "ReplayError",
                _ => "SentinelError",
            };
            (class, err.to_string(), details)
        }
    };
    let code = details.code.clone();
    construct_error(env, class, &message, details)
        .unwrap_or_else(|_| napi::Error::new(Status::GenericFailure, format!("{code}: {message}")))
}

/// Evaluates `errors.js`, exports its classes and keeps them for [`to_js_err`]. Runs once per
/// JS environment (main thread, each worker), when the addon is loaded.
pub fn install_error_classes(env: Env, exports: &mut Object) -> napi::Result<()> {
    let classes: Object = env.run_script(ERROR_CLASSES_JS)?;
    for name in ERROR_CLASSES {
        let class: Unknown = classes.get_named_property(name)?;
        exports.set_named_property(name, class)?;
    }
    let reference: ObjectRef<false> = classes.create_ref()?;
    env.set_instance_data(ErrorClasses(reference), (), |context| {
        let _ = context.value.0.unref(&context.env);
    })
}

/// The object holding the error classes, kept as the environment's instance data.
struct ErrorClasses(ObjectRef<false>);

fn construct_error(
    env: Env,
    class: &str,
    message: &str,
    details: SentinelErrorDetails,
) -> napi::Result<napi::Error> {
    let classes = env
        .get_instance_data::<ErrorClasses>()?
        .ok_or_else(|| napi::Error::from_reason("error classes are not installed"))?;
    let classes = classes.0.get_value(&env)?;
    let constructor: Function<FnArgs<(&str, SentinelErrorDetails)>, Unknown> =
        classes.get_named_property(class)?;
    let error = constructor.new_instance((message, details).into())?;
    Ok(napi::Error::from(error))
}

impl SentinelErrorDetails {
    fn new(code: &str, help: Option<String>) -> Self {
        SentinelErrorDetails {
            code: code.to_owned(),
            help,
            span: None,
            line: None,
            column: None,
            path: None,
            decision: None,
        }
    }
}

/// Strict text from a JS value: a string with an unpaired surrogate is `core.lone_surrogate`,
/// never a silent U+FFFD, and a non-string is `core.wrong_type`.
pub fn text_from_js(value: Unknown<'_>, parameter: &str) -> Result<String, Failure> {
    let value_type = value.get_type().map_err(Failure::Napi)?;
    if value_type != ValueType::String {
        return Err(wrong_type(parameter, "a string", type_name(value_type)));
    }
    // Fast path: napi's UTF-8 copy replaces a lone surrogate with U+FFFD, so only text that
    // contains U+FFFD needs the exact UTF-16 check.
    let text = String::from_unknown(value).map_err(Failure::Napi)?;
    if !text.contains('\u{FFFD}') {
        return Ok(text);
    }
    let string = JsString::from_unknown(value).map_err(Failure::Napi)?;
    let len = string.utf16_len().map_err(Failure::Napi)?;
    let units = string.into_utf16().map_err(Failure::Napi)?;
    // napi's buffer carries the C terminator after the string's own code units: cut it off, or
    // every fingerprint would hash a trailing NUL (test-vectors/fingerprint catches this).
    let units = units.as_slice();
    Ok(decode_utf16(&units[..len.min(units.len())], parameter)?)
}

/// [`text_from_js`], with `undefined` and `null` meaning "not given".
pub fn optional_text_from_js(
    value: Option<Unknown<'_>>,
    parameter: &str,
) -> Result<Option<String>, Failure> {
    match value {
        Some(value) if !is_nullish(value)? => text_from_js(value, parameter).map(Some),
        _ => Ok(None),
    }
}

/// A JS value as JSON: `null`, booleans, finite numbers, strings, arrays and plain objects (own
/// enumerable string keys; the prototype is `null` or `Object.prototype`). `undefined`,
/// functions, symbols, bigints, NaN and infinities, and other objects (`Map`, `Set`, `Date`,
/// class instances) are `core.wrong_type`, naming the path of the offending value; nesting
/// deeper than [`MAX_VALUE_DEPTH`] (a cyclic object) is `core.too_deep`.
///
/// index.js `jsonText` recognises the values this accepts, and turns them into JSON text
/// instead, in JavaScript; keep the two in step.
pub fn json_from_js(value: Unknown<'_>, parameter: &str) -> Result<Value, Failure> {
    let mut path = Vec::new();
    json_value(value, 0, &mut path).map_err(|err| err.into_failure(parameter, &path))
}

/// JSON text the package's JS layer made from a value it validated (index.js `jsonText`), parsed
/// into the same `Value` [`json_from_js`] would make of the value.
pub fn json_from_js_text(value: Unknown<'_>, parameter: &str) -> Result<Value, Failure> {
    let text = text_from_js(value, parameter)?;
    serde_json::from_str(&text).map_err(|_| {
        wrong_type(
            parameter,
            "JSON text made by the package's JS layer",
            "other text",
        )
    })
}

/// A non-negative whole number (seconds, milliseconds, a count) from a JS number.
pub fn integer_from_js(value: Unknown<'_>, parameter: &str) -> Result<u64, Failure> {
    let value_type = value.get_type().map_err(Failure::Napi)?;
    let expected = "a non-negative integer";
    if value_type != ValueType::Number {
        return Err(wrong_type(parameter, expected, type_name(value_type)));
    }
    let number = f64::from_unknown(value).map_err(Failure::Napi)?;
    if number.is_finite() && number >= 0.0 && number.fract() == 0.0 && number <= MAX_SAFE {
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "checked above: a whole number in 0..=2^53-1"
        )]
        return Ok(number as u64);
    }
    Err(wrong_type(parameter, expected, &format!("`{number}`")))
}

/// [`integer_from_js`], with `undefined` and `null` meaning "not given".
pub fn optional_integer_from_js(
    value: Option<Unknown<'_>>,
    parameter: &str,
) -> Result<Option<u64>, Failure> {
    match value {
        Some(value) if !is_nullish(value)? => integer_from_js(value, parameter).map(Some),
        _ => Ok(None),
    }
}

/// Bytes from a `Uint8Array` (a `Buffer` is one).
pub fn bytes_from_js(value: Unknown<'_>, parameter: &str) -> Result<Vec<u8>, Failure> {
    let value_type = value.get_type().map_err(Failure::Napi)?;
    let is_bytes = value_type == ValueType::Object
        && Object::from_unknown(value)
            .and_then(|object| object.is_typedarray())
            .map_err(Failure::Napi)?;
    if !is_bytes {
        return Err(wrong_type(parameter, "a Uint8Array", type_name(value_type)));
    }
    Uint8Array::from_unknown(value)
        .map(|bytes| bytes.to_vec())
        .map_err(|_| wrong_type(parameter, "a Uint8Array", "another typed array"))
}

/// Seconds since the Unix epoch, read at the binding edge when the caller passes no clock.
pub fn now_seconds() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs())
}

/// Milliseconds since the Unix epoch, read at the binding edge when the caller passes no clock.
pub fn now_millis() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| {
            u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX)
        })
}

/// Byte offsets into `text` as UTF-16 offsets, for spans of one text. Walks from the last answer,
/// forward or back, so converting the spans of many findings (sorted by start, but a span may end
/// after the next one starts) stays linear.
pub struct Utf16Offsets<'t> {
    text: &'t str,
    ascii: bool,
    byte: usize,
    unit: usize,
}

impl<'t> Utf16Offsets<'t> {
    /// A converter for spans into `text`.
    pub fn new(text: &'t str) -> Self {
        Utf16Offsets {
            text,
            ascii: text.is_ascii(),
            byte: 0,
            unit: 0,
        }
    }

    /// The UTF-16 offset of byte offset `byte` (of the character it is in, if inside one).
    pub fn at(&mut self, byte: usize) -> u32 {
        saturate(self.offset(byte))
    }

    /// The span in UTF-16 code units.
    pub fn span(&mut self, span: ByteSpan) -> Span {
        let start = self.offset(span.start);
        let end = self.offset(span.end);
        Span {
            start: saturate(start),
            end: saturate(end),
        }
    }

    fn offset(&mut self, byte: usize) -> usize {
        let mut byte = byte.min(self.text.len());
        if self.ascii {
            return byte;
        }
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        if byte < self.byte {
            self.unit -= utf16_len(
                self.text
                    .as_bytes()
                    .get(byte..self.byte)
                    .unwrap_or_default(),
            );
        } else {
            self.unit += utf16_len(
                self.text
                    .as_bytes()
                    .get(self.byte..byte)
                    .unwrap_or_default(),
            );
        }
        self.byte = byte;
        self.unit
    }
}

/// How many UTF-16 code units the whole characters in `utf8` take: one per byte that starts a
/// character (not 0b10xxxxxx), and one more for each that starts a 4-byte one (0b11110xxx).
/// Counting bytes rather than decoding characters lets the compiler vectorise it.
fn utf16_len(utf8: &[u8]) -> usize {
    utf8.iter()
        .map(|&byte| usize::from(byte.cast_signed() >= -0x40) + usize::from(byte >= 0xF0))
        .sum()
}

/// A `usize` as a JS-sized `u32`, saturating (JS strings are far shorter than 2^32 units).
pub fn saturate(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

/// 2^53 − 1: the largest integer a JS number holds exactly.
const MAX_SAFE: f64 = 9_007_199_254_740_991.0;

fn utf16_span(source: Option<&str>, span: ByteSpan) -> Span {
    match source {
        Some(text) => Utf16Offsets::new(text).span(span),
        None => Span {
            start: saturate(span.start),
            end: saturate(span.end),
        },
    }
}

fn is_nullish(value: Unknown<'_>) -> Result<bool, Failure> {
    Ok(matches!(
        value.get_type().map_err(Failure::Napi)?,
        ValueType::Undefined | ValueType::Null
    ))
}

fn wrong_type(parameter: &str, expected: &str, found: &str) -> Failure {
    Failure::from(TextError::WrongType {
        parameter: parameter.to_owned(),
        expected: expected.to_owned(),
        found: found.to_owned(),
    })
}

/// A segment of the path to a value inside an argument, for error messages.
enum Segment {
    Key(String),
    Index(u32),
}

/// Why a JS value is not JSON; the path is collected while unwinding.
enum ValueError {
    WrongType {
        expected: &'static str,
        found: String,
    },
    TooDeep,
    Text(Failure),
}

impl ValueError {
    fn into_failure(self, parameter: &str, path: &[Segment]) -> Failure {
        /// Segments named in a message; a cyclic object's path would be 64 long.
        const SHOWN: usize = 8;
        let mut name = parameter.to_owned();
        for segment in path.iter().take(SHOWN) {
            match segment {
                Segment::Key(key) => {
                    let plain = !key.is_empty()
                        && key
                            .chars()
                            .all(|c| c.is_alphanumeric() || c == '_' || c == '$');
                    if plain {
                        name.push('.');
                        name.push_str(key);
                    } else {
                        let _ = write!(name, "[{key:?}]");
                    }
                }
                Segment::Index(index) => {
                    let _ = write!(name, "[{index}]");
                }
            }
        }
        if path.len() > SHOWN {
            name.push_str("...");
        }
        match self {
            ValueError::WrongType { expected, found } => wrong_type(&name, expected, &found),
            ValueError::TooDeep => Failure::from(TextError::TooDeep {
                parameter: name,
                limit: MAX_VALUE_DEPTH,
            }),
            ValueError::Text(Failure::Sentinel(agentsentinel::Error::Text(
                TextError::LoneSurrogate { index, .. },
            ))) => Failure::from(TextError::LoneSurrogate {
                parameter: name,
                index,
            }),
            ValueError::Text(failure) => failure,
        }
    }
}

impl From<napi::Error> for ValueError {
    fn from(err: napi::Error) -> Self {
        ValueError::Text(Failure::Napi(err))
    }
}

const JSON_VALUE: &str = "a JSON value (null, boolean, finite number, string, array or object)";

fn json_value(
    value: Unknown<'_>,
    depth: usize,
    path: &mut Vec<Segment>,
) -> Result<Value, ValueError> {
    match value.get_type()? {
        ValueType::Null => Ok(Value::Null),
        ValueType::Boolean => Ok(Value::Bool(bool::from_unknown(value)?)),
        ValueType::Number => json_number(f64::from_unknown(value)?),
        ValueType::String => text_from_js(value, "")
            .map(Value::String)
            .map_err(ValueError::Text),
        ValueType::Object => {
            if depth >= MAX_VALUE_DEPTH {
                return Err(ValueError::TooDeep);
            }
            let object = Object::from_unknown(value)?;
            if object.is_array()? {
                json_array(&object, depth, path)
            } else if let Some(class) = class_of(&object)? {
                // A Map, Set, Date, boxed primitive or class instance is not data: its own
                // enumerable properties (none, for a Set) are not what it holds.
                Err(ValueError::WrongType {
                    expected: "a plain object (or an array)",
                    found: class,
                })
            } else {
                json_object(&object, depth, path)
            }
        }
        other => Err(ValueError::WrongType {
            expected: JSON_VALUE,
            found: type_name(other).to_owned(),
        }),
    }
}

/// `None` for a plain object: its prototype is `null` or has none itself (`Object.prototype`
/// of any realm). Otherwise what the object is, such as "a `Map`", for the message.
fn class_of(object: &Object<'_>) -> Result<Option<String>, ValueError> {
    let prototype = object.get_prototype()?;
    if prototype.get_type()? != ValueType::Object {
        return Ok(None);
    }
    let prototype = Object::from_unknown(prototype)?;
    if prototype.get_prototype()?.get_type()? != ValueType::Object {
        return Ok(None);
    }
    let name = prototype
        .get_named_property::<Unknown>("constructor")
        .ok()
        .filter(|constructor| constructor.get_type().ok() == Some(ValueType::Function))
        .and_then(|constructor| Object::from_unknown(constructor).ok())
        .and_then(|constructor| constructor.get_named_property::<String>("name").ok())
        .filter(|name| !name.is_empty());
    Ok(Some(name.map_or_else(
        || "an object of a class".to_owned(),
        |name| format!("a `{name}`"),
    )))
}

fn json_number(number: f64) -> Result<Value, ValueError> {
    if number.fract() == 0.0 && number.abs() <= MAX_SAFE {
        // Whole numbers stay integers, as JSON.parse's numbers do when they come back out.
        #[expect(
            clippy::cast_possible_truncation,
            reason = "checked above: a whole number within ±(2^53-1)"
        )]
        return Ok(Value::from(number as i64));
    }
    Number::from_f64(number)
        .map(Value::Number)
        .ok_or_else(|| ValueError::WrongType {
            expected: "a finite number",
            found: format!("`{number}`"),
        })
}

fn json_array(
    array: &Object<'_>,
    depth: usize,
    path: &mut Vec<Segment>,
) -> Result<Value, ValueError> {
    let len = array.get_array_length()?;
    let mut items = Vec::with_capacity(len as usize);
    for index in 0..len {
        let item: Unknown = array.get_element(index)?;
        path.push(Segment::Index(index));
        items.push(json_value(item, depth + 1, path)?);
        path.pop();
    }
    Ok(Value::Array(items))
}

fn json_object(
    object: &Object<'_>,
    depth: usize,
    path: &mut Vec<Segment>,
) -> Result<Value, ValueError> {
    let keys = object.get_all_property_names(
        KeyCollectionMode::OwnOnly,
        KeyFilter::Enumerable,
        KeyConversion::NumbersToStrings,
    )?;
    let len = keys.get_array_length()?;
    let mut map = Map::new();
    for index in 0..len {
        let key: Unknown = keys.get_element(index)?;
        if key.get_type()? != ValueType::String {
            continue; // symbol keys are not data, as in JSON.stringify
        }
        let name = text_from_js(key, "key").map_err(ValueError::Text)?;
        let item: Unknown = object.get_property(key)?;
        path.push(Segment::Key(name));
        let item = json_value(item, depth + 1, path)?;
        let Some(Segment::Key(name)) = path.pop() else {
            continue;
        };
        map.insert(name, item);
    }
    Ok(Value::Object(map))
}

fn type_name(value_type: ValueType) -> &'static str {
    match value_type {
        ValueType::Undefined => "undefined",
        ValueType::Null => "null",
        ValueType::Boolean => "a boolean",
        ValueType::Number => "a number",
        ValueType::String => "a string",
        ValueType::Symbol => "a symbol",
        ValueType::Object => "an object",
        ValueType::Function => "a function",
        ValueType::External => "an external",
        ValueType::BigInt => "a bigint",
        ValueType::Unknown => "an unknown value",
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Sentinel(err) => write!(f, "{err}"),
            Failure::Violation(decision) => write!(f, "{}", decision.reason()),
            Failure::Napi(err) => write!(f, "{err}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Utf16Offsets;

    #[test]
    fn utf16_offsets_walk_both_ways() {
        let text = "a é 中 😀 b 𝐈𝐠 c\u{301} ".repeat(20);
        let expected = |byte: usize| {
            let mut boundary = byte.min(text.len());
            while !text.is_char_boundary(boundary) {
                boundary -= 1;
            }
            u32::try_from(text[..boundary].encode_utf16().count()).unwrap_or(u32::MAX)
        };
        let mut offsets = Utf16Offsets::new(&text);
        // Forward, back by a little and by a lot, inside characters, and past the end.
        let len = text.len();
        let order = (0..=len + 3)
            .chain((0..=len).rev().step_by(7))
            .chain([len, 3, len / 2, 1, 0]);
        for byte in order {
            assert_eq!(offsets.at(byte), expected(byte), "byte {byte}");
        }
    }
}
