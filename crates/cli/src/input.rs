//! Reading the text a command works on.

use std::io::Read;

use anyhow::Context as _;

/// Text read from an argument or stdin, with a note when bytes had to be replaced.
pub struct InputText {
    /// The text; invalid UTF-8 from stdin is replaced by U+FFFD.
    pub text: String,
    /// Byte offset of the first invalid UTF-8 sequence on stdin, if there was one.
    pub first_invalid_utf8: Option<usize>,
}

impl InputText {
    /// Warns on stderr when stdin was not valid UTF-8 and bytes were replaced.
    pub fn warn_if_replaced(&self) {
        if let Some(offset) = self.first_invalid_utf8 {
            eprintln!(
                "agentsentinel: warning: stdin is not valid UTF-8 at byte {offset}; invalid bytes were replaced by U+FFFD"
            );
        }
    }
}

/// `text` when given, else all of stdin. Invalid UTF-8 never fails: it is replaced and reported
/// through [`InputText::first_invalid_utf8`], so a hostile byte cannot crash a pipeline.
pub fn text_or_stdin(text: Option<&str>) -> anyhow::Result<InputText> {
    if let Some(text) = text {
        return Ok(InputText {
            text: text.to_owned(),
            first_invalid_utf8: None,
        });
    }
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .read_to_end(&mut bytes)
        .context("could not read stdin")?;
    Ok(from_bytes(bytes))
}

/// Decodes `bytes` as UTF-8, replacing invalid sequences.
pub fn from_bytes(bytes: Vec<u8>) -> InputText {
    match String::from_utf8(bytes) {
        Ok(text) => InputText {
            text,
            first_invalid_utf8: None,
        },
        Err(err) => {
            let offset = err.utf8_error().valid_up_to();
            InputText {
                text: String::from_utf8_lossy(err.as_bytes()).into_owned(),
                first_invalid_utf8: Some(offset),
            }
        }
    }
}
