//! One-pass normalisation of untrusted text into the form the rule automaton matches, with a map
//! from every normalised byte back to the original character it came from.
//!
//! Steps, all in the same pass over the characters: ASCII lowercasing; full-width, mathematical
//! and enclosed letters folded to ASCII (the NFKC compatibility mappings attackers use); Latin
//! accents stripped (Romanian comma-below s and t too); other letters lowercased; zero-width,
//! bidi-control and Unicode tag characters removed (tag characters are decoded back to the ASCII
//! they smuggle) and recorded; Cyrillic and Greek look-alikes folded to Latin when they touch a
//! Latin letter; leetspeak digits folded inside words; apostrophes dropped; `-` and `_` treated
//! as spaces; whitespace runs collapsed.
//! A second, allocation-free-when-unused pass collapses spaced-out letters (`i g n o r e`).

use agentsentinel_core::Span;

/// Normalised text and how to get back to the original.
#[derive(Debug, Default)]
pub(crate) struct Normalized {
    /// Lowercased, folded text. Valid UTF-8.
    pub text: String,
    /// `map[i]` is the byte offset in the original text of the character that produced byte `i`.
    /// INVARIANT: `map.len() == text.len()` and every entry is a char boundary of the original.
    pub map: Vec<u32>,
    /// Spans of the original text holding invisible characters, by kind.
    pub hidden: Vec<Hidden>,
    /// Normalised byte ranges that came from spaced-out letters: word-boundary checks are off.
    pub relaxed: Vec<(usize, usize)>,
    /// Whether some ASCII digit was folded to a letter (leetspeak). Every other ASCII digit of the
    /// original is copied, so without a fold no span has more ASCII digits than its normalised
    /// text (it can have fewer: full-width and mathematical digits become ASCII ones).
    pub folded_digit: bool,
}

/// A run of invisible characters in the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hidden {
    pub kind: HiddenKind,
    pub span: Span,
}

/// What kind of invisible character was removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HiddenKind {
    /// Zero-width characters splitting a word, or standalone zero-width spaces.
    ZeroWidth,
    /// Bidi embedding, override and isolate controls.
    Bidi,
    /// Unicode tag characters (U+E0000 block) outside an emoji flag: ASCII smuggling.
    Tag,
}

impl Normalized {
    /// Original byte span of the normalised range `start..end` (clamped, on char boundaries).
    pub fn original_span(&self, original: &str, start: usize, end: usize) -> Span {
        if self.map.is_empty() || start >= self.map.len() {
            return Span::new(original.len(), original.len());
        }
        let first = self.map[start] as usize;
        let last_index = end.saturating_sub(1).clamp(start, self.map.len() - 1);
        let last = self.map[last_index] as usize;
        let last_len = original
            .get(last..)
            .and_then(|rest| rest.chars().next())
            .map_or(0, char::len_utf8);
        Span::new(first, (last + last_len).min(original.len()))
    }

    /// Whether normalised byte `pos` lies in a spaced-out-letters range.
    pub fn is_relaxed(&self, pos: usize) -> bool {
        // Sorted and disjoint: the first range ending at or after `pos` is the only candidate.
        let i = self.relaxed.partition_point(|&(_, e)| e < pos);
        self.relaxed.get(i).is_some_and(|&(s, _)| s <= pos)
    }
}

/// Normalises `text` (see the module docs). Linear in the length of `text`.
pub(crate) fn normalize(text: &str) -> Normalized {
    let mut writer = Writer {
        text: Vec::with_capacity(text.len() + 8),
        map: Vec::with_capacity(text.len() + 8),
        hidden: Vec::new(),
        folded_digit: false,
    };
    let bytes = text.as_bytes();
    let mut prev_char: char = ' ';
    let mut offset = 0;
    while offset < bytes.len() {
        let b = bytes[offset];
        #[expect(
            clippy::cast_possible_truncation,
            reason = "inputs above 4 GiB are cut by callers"
        )]
        let at = offset as u32;
        if b.is_ascii() {
            if is_plain(b) {
                // Fast path: a run of bytes that only need lowercasing, copied in bulk.
                // A space directly followed by a plain byte joins the run; anything else ends it.
                let mut run = plain_run_end(bytes, offset + 1);
                loop {
                    run = skip_lowercase(bytes, run);
                    let Some(&next) = bytes.get(run) else { break };
                    let joins = is_plain(next)
                        || (next == b' ' && bytes.get(run + 1).copied().is_some_and(is_plain));
                    if !joins {
                        break;
                    }
                    run += 1;
                }
                writer.plain(&bytes[offset..run], at);
                prev_char = char::from(bytes[run - 1]);
                offset = run;
                continue;
            }
            // A word hyphenated across a line break, as PDF and OCR text is ("instruc-\ntions"),
            // is joined, so a rule term split by the wrap still matches.
            if b == b'-' && writer.last().is_ascii_lowercase() {
                let resume = line_wrap_end(bytes, offset + 1);
                if resume > offset + 1 {
                    prev_char = '-';
                    offset = resume;
                    continue;
                }
            }
            // A non-ASCII lead byte is not alphabetic, just like the char it starts.
            let next = bytes.get(offset + 1).copied().unwrap_or(b' ');
            writer.ascii(b, at, char::from(next));
            prev_char = char::from(b);
            offset += 1;
            continue;
        }
        let Some(c) = text.get(offset..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        let after = offset + c.len_utf8();
        let next = text
            .get(after..)
            .and_then(|rest| rest.chars().next())
            .unwrap_or(' ');
        writer.unicode(text, offset, c, prev_char, next);
        prev_char = c;
        offset = after;
    }
    // Only whole chars are ever written, so this cannot fail.
    let text = String::from_utf8(writer.text)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    let mut out = Normalized {
        text,
        map: writer.map,
        hidden: writer.hidden,
        relaxed: Vec::new(),
        folded_digit: writer.folded_digit,
    };
    collapse_spaced_letters(&mut out);
    out
}

/// After a `-` at `i - 1`: the index of the letter that continues the word when what follows is a
/// line break (spaces around it allowed) and then an ASCII letter; `i` otherwise.
fn line_wrap_end(bytes: &[u8], i: usize) -> usize {
    let mut j = i;
    while bytes
        .get(j)
        .is_some_and(|&b| b == b' ' || b == b'\t' || b == b'\r')
    {
        j += 1;
    }
    if bytes.get(j) != Some(&b'\n') {
        return i;
    }
    j += 1;
    while bytes.get(j).is_some_and(|&b| b == b' ' || b == b'\t') {
        j += 1;
    }
    if bytes.get(j).is_some_and(u8::is_ascii_alphabetic) {
        j
    } else {
        i
    }
}

/// The first index at or after `i` whose byte is not an ASCII lowercase letter (or the length).
///
/// Most bytes of prose are lowercase letters, and several scans only look at what ends a run of
/// them, so this looks at eight bytes per step: with every byte below 0x80 (checked), `b + 0x1F`
/// has its top bit set exactly when `b >= b'a'`, and `b + 0x05` exactly when `b > b'z'`, and no
/// addition carries into the next byte.
pub(crate) fn skip_lowercase(bytes: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const TOP: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = bytes
        .get(i..i + 8)
        .and_then(|c| <[u8; 8]>::try_from(c).ok())
    {
        let x = u64::from_le_bytes(chunk);
        let lower = x.wrapping_add(0x1F * ONES) & !x.wrapping_add(0x05 * ONES) & !x & TOP;
        let other = !lower & TOP;
        if other != 0 {
            // The lowest failing byte is exact: a carry only leaves a byte of 0xE1 or more,
            // which fails itself.
            return i + (other.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while bytes.get(i).is_some_and(u8::is_ascii_lowercase) {
        i += 1;
    }
    i
}

/// Where the plain run that [`normalize`]'s fast path extends byte by byte ends, or a position
/// before that end, from `i` on: eight bytes at a time while eight more follow, with no branch per
/// word. A byte ends the run unless it is plain or a space before a plain byte.
fn plain_run_end(bytes: &[u8], mut i: usize) -> usize {
    const TOP: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = bytes
        .get(i..i + 8)
        .and_then(|c| <[u8; 8]>::try_from(c).ok())
    {
        let classes = u64::from_le_bytes(chunk.map(|b| RUN_CLASS[usize::from(b)]));
        let not_plain = classes & TOP;
        let space = (classes << 1) & TOP;
        let after = bytes.get(i + 8).is_none_or(|&b| !is_plain(b));
        let next_not_plain = (not_plain >> 8) | (u64::from(after) << 63);
        let ends = not_plain & !(space & !next_not_plain);
        if ends != 0 {
            return i + (ends.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i
}

/// Per byte: `0x80` unless [`is_plain`], and `0x40` more for a space.
const RUN_CLASS: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        if !PLAIN[b] {
            table[b] |= 0x80;
        }
        if b == b' ' as usize {
            table[b] |= 0x40;
        }
        b += 1;
    }
    table
};

/// ASCII bytes that normalise to themselves, lowercased: everything but whitespace, `-`, `_`,
/// apostrophes and the digits leetspeak folds.
fn is_plain(b: u8) -> bool {
    PLAIN[usize::from(b)]
}

/// [`is_plain`] as a table: one load per byte on the hot path.
const PLAIN: [bool; 256] = {
    let mut table = [false; 256];
    let mut b: u8 = 0;
    while b < 128 {
        table[b as usize] = !matches!(
            b,
            b'\''
                | b'\n'
                | b'\r'
                | b' '
                | b'\t'
                | 0x0b
                | 0x0c
                | b'-'
                | b'_'
                | b'0'
                | b'1'
                | b'3'
                | b'4'
                | b'5'
                | b'7'
        );
        b += 1;
    }
    table
};

struct Writer {
    /// Normalised text; only whole UTF-8 chars are pushed.
    text: Vec<u8>,
    map: Vec<u32>,
    hidden: Vec<Hidden>,
    folded_digit: bool,
}

impl Writer {
    fn last(&self) -> u8 {
        self.text.last().copied().unwrap_or(b' ')
    }

    /// Copies plain ASCII bytes (see [`is_plain`]) and single spaces, lowercased, starting at
    /// original offset `at`. Byte for byte, so the copy and the map are plain bulk loops.
    ///
    /// INVARIANT: `run` starts with a plain byte and every space in it sits between two plain
    /// bytes, so none of its spaces is one that `space` would collapse.
    fn plain(&mut self, run: &[u8], at: u32) {
        self.text.extend(run.iter().map(u8::to_ascii_lowercase));
        #[expect(
            clippy::cast_possible_truncation,
            reason = "inputs above 4 GiB are cut by callers"
        )]
        let end = at + run.len() as u32;
        self.map.extend(at..end);
    }

    fn push(&mut self, c: char, at: u32) {
        let mut buf = [0; 4];
        let encoded = c.encode_utf8(&mut buf).as_bytes();
        self.text.extend_from_slice(encoded);
        for _ in 0..encoded.len() {
            self.map.push(at);
        }
    }

    fn space(&mut self, newline: bool, at: u32) {
        match self.last() {
            b'\n' => {}
            b' ' => {
                if newline && let Some(last) = self.text.last_mut() {
                    *last = b'\n';
                    if let Some(slot) = self.map.last_mut() {
                        *slot = at;
                    }
                }
            }
            _ => self.push(if newline { '\n' } else { ' ' }, at),
        }
    }

    fn ascii(&mut self, b: u8, at: u32, next: char) {
        match b {
            b'A'..=b'Z' => self.push((b + 32) as char, at),
            b'\'' => {}
            b'\n' | b'\r' => self.space(true, at),
            b' ' | b'\t' | 0x0b | 0x0c | b'-' | b'_' => self.space(false, at),
            b'0' | b'1' | b'3' | b'4' | b'5' | b'7'
                if self.last().is_ascii_lowercase() || next.is_ascii_alphabetic() =>
            {
                let folded = match b {
                    b'0' => 'o',
                    b'1' => 'i',
                    b'3' => 'e',
                    b'4' => 'a',
                    b'5' => 's',
                    _ => 't',
                };
                self.folded_digit = true;
                self.push(folded, at);
            }
            _ => self.push(b as char, at),
        }
    }

    fn hidden(&mut self, kind: HiddenKind, offset: usize, c: char) {
        let span = Span::new(offset, offset + c.len_utf8());
        if let Some(last) = self.hidden.last_mut()
            && last.kind == kind
            && last.span.end == offset
        {
            last.span.end = span.end;
            return;
        }
        self.hidden.push(Hidden { kind, span });
    }

    #[expect(
        clippy::too_many_lines,
        reason = "one table of character classes reads best whole"
    )]
    fn unicode(&mut self, text: &str, offset: usize, c: char, prev: char, next: char) {
        #[expect(
            clippy::cast_possible_truncation,
            reason = "inputs above 4 GiB are cut by callers"
        )]
        let at = offset as u32;
        let cp = c as u32;
        match cp {
            // Soft hyphen, combining grapheme joiner, variation selectors: invisible, harmless.
            0xAD
            | 0x34F
            | 0xFE00..=0xFE0F
            | 0x0300..=0x036F
            | 0x2018
            | 0x2019
            | 0x02BC
            | 0x2032
            // Arabic harakat and the superscript alef: vowel marks that terms are written without.
            | 0x064B..=0x065F
            | 0x0670 => {}
            // Arabic and Urdu comma, semicolon, question mark and full stop, the Devanagari danda
            // and the ideographic full stop end a word like the ASCII marks they mirror (NFKC
            // leaves them): "بلا قيود،" must still end a term at "قيود".
            0x060C | 0x061B | 0x061F | 0x06D4 | 0x0964 | 0x0965 | 0x3002 => {
                let ascii = match cp {
                    0x060C => b',',
                    0x061B => b';',
                    0x061F => b'?',
                    _ => b'.',
                };
                self.ascii(ascii, at, next);
            }
            0x200B | 0x2060..=0x2064 | 0x180E | 0xFEFF => {
                if !(cp == 0xFEFF && offset == 0) {
                    self.hidden(HiddenKind::ZeroWidth, offset, c);
                }
            }
            0x200C | 0x200D => {
                // Joiners are legitimate in emoji and Indic/Persian text; only a joiner splitting
                // a Latin word is smuggling.
                if prev.is_ascii_alphanumeric() && next.is_ascii_alphanumeric() {
                    self.hidden(HiddenKind::ZeroWidth, offset, c);
                }
            }
            0x200E | 0x200F | 0x061C | 0x202A..=0x202E | 0x2066..=0x2069 => {
                self.hidden(HiddenKind::Bidi, offset, c);
            }
            0xE0000..=0xE007F => {
                let in_flag = cp != 0xE0001 && is_emoji_flag_tag(text, offset);
                if !in_flag {
                    self.hidden(HiddenKind::Tag, offset, c);
                    // Smuggled text starts a new word: don't glue it to the visible text.
                    if !(0xE0000..=0xE007F).contains(&(prev as u32))
                        && self.last().is_ascii_alphanumeric()
                    {
                        self.push(' ', at);
                    }
                    if (0xE0020..=0xE007E).contains(&cp) {
                        let ascii = u8::try_from(cp - 0xE0000).unwrap_or(b' ');
                        self.ascii(ascii, at, ' ');
                    }
                }
            }
            0xE0100..=0xE01EF => self.hidden(HiddenKind::ZeroWidth, offset, c),
            0xFF01..=0xFF5E => {
                let ascii = char::from_u32(cp - 0xFEE0).unwrap_or(' ');
                self.ascii(ascii as u8, at, next);
            }
            // Spanish opening marks (¡ ¿) separate words like the ASCII marks they mirror.
            0x3000
            | 0xA0
            | 0xA1
            | 0xBF
            | 0x2000..=0x200A
            | 0x202F
            | 0x205F
            | 0x1680
            | 0x2010..=0x2015 => {
                self.space(false, at);
            }
            0x2028 | 0x2029 | 0x85 => self.space(true, at),

            0x201C | 0x201D | 0x201E | 0x00AB | 0x00BB => self.push('"', at),
            0x1D400..=0x1D6A3 => {
                self.push(letter_at((cp - 0x1D400) % 52), at);
            }
            0x1D7CE..=0x1D7FF => {
                let digit = char::from_digit((cp - 0x1D7CE) % 10, 10).unwrap_or('0');
                self.push(digit, at);
            }
            0x24B6..=0x24CF => self.push(letter_at(cp - 0x24B6), at),
            0x24D0..=0x24E9 => self.push(letter_at(cp - 0x24D0), at),
            0x1F130..=0x1F149 => self.push(letter_at(cp - 0x1F130), at),
            0x1F150..=0x1F169 => self.push(letter_at(cp - 0x1F150), at),
            0x1F170..=0x1F189 => self.push(letter_at(cp - 0x1F170), at),
            0x1F1E6..=0x1F1FF => self.push(letter_at(cp - 0x1F1E6), at),
            0xC0..=0x17F => match cp {
                0xC6 | 0xE6 => {
                    self.push('a', at);
                    self.push('e', at);
                }
                0xDF => {
                    self.push('s', at);
                    self.push('s', at);
                }
                0xDE | 0xFE => {
                    self.push('t', at);
                    self.push('h', at);
                }
                0xD7 | 0xF7 => self.push(c, at),
                _ => {
                    let table = if cp < 0x100 {
                        LATIN1_BASE.as_bytes()
                    } else {
                        LATIN_EXT_A_BASE.as_bytes()
                    };
                    let index = if cp < 0x100 { cp - 0xC0 } else { cp - 0x100 } as usize;
                    self.push(table.get(index).copied().unwrap_or(b'?') as char, at);
                }
            },
            // Romanian s and t with comma below (the standard forms; the cedilla ones are above).
            0x218 | 0x219 => self.push('s', at),
            0x21A | 0x21B => self.push('t', at),
            _ => {
                if let Some(latin) = confusable(c)
                    && (prev.is_ascii_alphabetic()
                        || next.is_ascii_alphabetic()
                        || self.last().is_ascii_lowercase())
                {
                    self.push(latin, at);
                    return;
                }
                if c.is_whitespace() {
                    self.space(false, at);
                } else if c.is_alphabetic() && !is_caseless(cp) {
                    for lower in c.to_lowercase() {
                        self.push(lower, at);
                    }
                } else {
                    self.push(c, at);
                }
            }
        }
    }
}

/// Base letters of U+00C0..=U+00FF (multi-letter ones are handled before the table).
const LATIN1_BASE: &str = "aaaaaaaceeeeiiiidnooooo*ouuuuytsaaaaaaaceeeeiiiidnooooo/ouuuuyty";
/// Base letters of U+0100..=U+017F.
const LATIN_EXT_A_BASE: &str = concat!(
    "aaaaaacccccccc",
    "dddd",
    "eeeeeeeeee",
    "gggggggg",
    "hhhh",
    "iiiiiiiiii",
    "ii",
    "jj",
    "kkk",
    "llllllllll",
    "nnnnnnnnn",
    "oooooo",
    "oo",
    "rrrrrr",
    "ssssssss",
    "tttttt",
    "uuuuuuuuuuuu",
    "ww",
    "yyy",
    "zzzzzz",
    "s",
);

fn letter_at(index: u32) -> char {
    let letter = b'a' + u8::try_from(index % 26).unwrap_or(0);
    letter as char
}

/// Scripts without case, where `to_lowercase` is the identity: skip the table lookup.
fn is_caseless(cp: u32) -> bool {
    matches!(cp, 0x0590..=0x08FF | 0x0900..=0x0DFF | 0x0E00..=0x0EFF | 0x3040..=0x9FFF | 0xAC00..=0xD7AF)
}

/// Whether the tag character at `offset` is part of an emoji subdivision flag (black flag U+1F3F4
/// followed by a short tag sequence): the one legitimate use of the tag block.
fn is_emoji_flag_tag(text: &str, offset: usize) -> bool {
    let before = text.get(..offset).unwrap_or("");
    let mut tags = 0;
    for c in before.chars().rev() {
        match c as u32 {
            0xE0020..=0xE007E => {
                tags += 1;
                if tags > 6 {
                    return false;
                }
            }
            0x1F3F4 => return true,
            _ => return false,
        }
    }
    false
}

/// Latin look-alike of a Cyrillic or Greek letter.
fn confusable(c: char) -> Option<char> {
    Some(match c {
        'а' | 'А' | 'α' | 'Α' => 'a',
        'в' | 'В' | 'β' | 'Β' => 'b',
        'с' | 'С' | 'ϲ' => 'c',
        'ԁ' => 'd',
        'е' | 'Е' | 'ё' | 'ε' | 'Ε' => 'e',
        'һ' | 'Н' | 'Η' => 'h',
        'і' | 'І' | 'ι' | 'Ι' | 'ї' => 'i',
        'ј' | 'Ј' => 'j',
        'к' | 'К' | 'κ' | 'Κ' => 'k',
        'м' | 'М' | 'Μ' => 'm',
        'п' | 'η' | 'Ν' => 'n',
        'о' | 'О' | 'ο' | 'Ο' | 'σ' => 'o',
        'р' | 'Р' | 'ρ' | 'Ρ' => 'p',
        'ԛ' => 'q',
        'г' => 'r',
        'ѕ' | 'Ѕ' => 's',
        'т' | 'Т' | 'τ' | 'Τ' => 't',
        'υ' | 'μ' => 'u',
        'ν' | 'ѵ' => 'v',
        'ԝ' | 'ω' => 'w',
        'х' | 'Х' | 'χ' | 'Χ' => 'x',
        'у' | 'У' | 'γ' | 'Υ' => 'y',
        'Ζ' => 'z',
        _ => return None,
    })
}

/// Separators attackers put between single letters.
fn is_letter_separator(b: u8) -> bool {
    matches!(b, b' ' | b'.' | b'*' | b'|' | b'/' | b',' | b'+' | b'~')
}

/// Collapses runs of at least four single ASCII letters, each separated by one separator
/// (`i g n o r e`, `i.g.n.o.r.e`), into the bare word, marking the result relaxed. Does nothing
/// (and allocates nothing) when no such run exists.
fn collapse_spaced_letters(norm: &mut Normalized) {
    let bytes = norm.text.as_bytes();
    let runs = find_spaced_runs(bytes);
    if runs.is_empty() {
        return;
    }
    let mut text = String::with_capacity(bytes.len());
    let mut map = Vec::with_capacity(bytes.len());
    let mut relaxed = Vec::with_capacity(runs.len());
    let mut copied = 0;
    for (start, end) in runs {
        text.push_str(norm.text.get(copied..start).unwrap_or(""));
        map.extend_from_slice(norm.map.get(copied..start).unwrap_or(&[]));
        let run_start = text.len();
        for i in (start..end).step_by(2) {
            text.push(bytes[i] as char);
            map.push(norm.map[i]);
        }
        relaxed.push((run_start, text.len()));
        copied = end;
    }
    text.push_str(norm.text.get(copied..).unwrap_or(""));
    map.extend_from_slice(norm.map.get(copied..).unwrap_or(&[]));
    norm.text = text;
    norm.map = map;
    norm.relaxed = relaxed;
}

/// Runs `start..end` (end exclusive, covering letter-sep-letter-...-letter) of spaced letters.
fn find_spaced_runs(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let is_single = |i: usize| {
        bytes[i].is_ascii_lowercase()
            && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
            && (i + 1 >= bytes.len() || !bytes[i + 1].is_ascii_alphanumeric())
    };
    // Every run starts at a single letter: jump from one to the next.
    let mut i = next_single(bytes, 0);
    while i < bytes.len() {
        let start = i;
        let mut end = i + 1;
        let mut letters = 1;
        while end + 1 < bytes.len() && is_letter_separator(bytes[end]) && is_single(end + 1) {
            end += 2;
            letters += 1;
        }
        if letters >= 4 {
            runs.push((start, end));
        }
        i = next_single(bytes, end);
    }
    runs
}

/// The first index at or after `i` holding a single letter (an ASCII lowercase letter with no
/// ASCII letter or digit on either side), or the length: eight bytes at a time while eight more
/// follow, then byte by byte. Most of prose is longer words, which hold none.
fn next_single(bytes: &[u8], mut i: usize) -> usize {
    const TOP: u64 = 0x8080_8080_8080_8080;
    let alnum = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_alphanumeric);
    // Each chunk's masks are made one chunk ahead, so the byte after a chunk is known from the
    // next chunk's masks and the byte before it from the last chunk's, without loading either.
    if let Some(mut current) = chunk_classes(bytes, i) {
        let mut alnum_before = i > 0 && alnum(i - 1);
        loop {
            let next = chunk_classes(bytes, i + 8);
            let alnum_after = next.map_or_else(|| alnum(i + 8), |(_, a)| a & 0x80 != 0);
            let (lower, letter_or_digit) = current;
            let before = (letter_or_digit << 8) | (u64::from(alnum_before) << 7);
            let after = (letter_or_digit >> 8) | (u64::from(alnum_after) << 63);
            let single = lower & !before & !after & TOP;
            if single != 0 {
                return i + (single.trailing_zeros() / 8) as usize;
            }
            alnum_before = letter_or_digit >> 63 != 0;
            i += 8;
            let Some(next) = next else { break };
            current = next;
        }
    }
    while i < bytes.len() {
        if bytes[i].is_ascii_lowercase() && !(i > 0 && alnum(i - 1)) && !alnum(i + 1) {
            return i;
        }
        i += 1;
    }
    bytes.len()
}

/// The top bit of each byte of `bytes[i..i + 8]` that is an ASCII lowercase letter, and of each
/// that is an ASCII letter or digit; nothing when fewer than eight bytes are left.
fn chunk_classes(bytes: &[u8], i: usize) -> Option<(u64, u64)> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const TOP: u64 = 0x8080_8080_8080_8080;
    let chunk = <[u8; 8]>::try_from(bytes.get(i..i + 8)?).ok()?;
    let x = u64::from_le_bytes(chunk);
    // Per byte, `lo <= b <= hi` for ASCII bytes: seven-bit sums carry into no other byte.
    let low = x & !TOP;
    let ascii = !x & TOP;
    let at_least = |lo: u8| low.wrapping_add(u64::from(0x80 - lo) * ONES) & TOP;
    let range = |lo: u8, hi: u8| at_least(lo) & !at_least(hi + 1) & ascii;
    let lower = range(b'a', b'z');
    Some((lower, lower | range(b'A', b'Z') | range(b'0', b'9')))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`find_spaced_runs`] as it was written first, one byte at a time outside words.
    fn spaced_runs_byte_by_byte(bytes: &[u8]) -> Vec<(usize, usize)> {
        let mut runs = Vec::new();
        let mut i = 0;
        let is_single = |i: usize| {
            bytes[i].is_ascii_lowercase()
                && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
                && (i + 1 >= bytes.len() || !bytes[i + 1].is_ascii_alphanumeric())
        };
        while i < bytes.len() {
            if is_single(i) {
                let start = i;
                let mut end = i + 1;
                let mut letters = 1;
                while end + 1 < bytes.len() && is_letter_separator(bytes[end]) && is_single(end + 1)
                {
                    end += 2;
                    letters += 1;
                }
                if letters >= 4 {
                    runs.push((start, end));
                }
                i = end;
            } else {
                i += 1;
            }
        }
        runs
    }

    proptest::proptest! {
        /// The chunked run end is exact, short of the last eight bytes.
        #[test]
        fn plain_run_end_matches_the_byte_loop(
            text in "([a-zA-Z]{0,9}|[ ]{1,2}|[0-9]|[-_'.,\t\n]|\\PC){0,40}"
        ) {
            let bytes = text.as_bytes();
            for start in 0..=bytes.len() {
                let joins = |j: usize| {
                    is_plain(bytes[j])
                        || (bytes[j] == b' ' && bytes.get(j + 1).copied().is_some_and(is_plain))
                };
                let end = (start..bytes.len()).find(|&j| !joins(j)).unwrap_or(bytes.len());
                let got = plain_run_end(bytes, start);
                proptest::prop_assert!(got == end || (got < end && bytes.len() - got < 8));
            }
        }

        /// Without a folded digit, no span of the original holds more ASCII digits than the
        /// normalised text it came from (what lets the leetspeak check skip counting).
        #[test]
        fn digits_survive_unless_folded(
            text in "([a-zA-Z]{0,4}|[0-9]{1,2}|[ .'_-]|[０-９𝟎-𝟿]|\\PC){0,30}"
        ) {
            let n = normalize(&text);
            let digits = |s: &str| s.bytes().filter(u8::is_ascii_digit).count();
            if !n.folded_digit {
                for start in 0..n.text.len() {
                    for end in start + 1..=n.text.len() {
                        let (Some(normalized), Some(original)) =
                            (n.text.get(start..end), n.original_span(&text, start, end).slice(&text))
                        else {
                            continue;
                        };
                        proptest::prop_assert!(digits(original) <= digits(normalized));
                    }
                }
            }
        }

        #[test]
        fn spaced_runs_match_the_byte_loop(
            text in "([a-z]{1,3}|[A-Z0-9]|[ .*|/,+~_-]{1,2}|\\PC){0,40}"
        ) {
            let bytes = text.as_bytes();
            for start in 0..=bytes.len() {
                let naive = (start..bytes.len())
                    .find(|&i| {
                        bytes[i].is_ascii_lowercase()
                            && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
                            && (i + 1 >= bytes.len() || !bytes[i + 1].is_ascii_alphanumeric())
                    })
                    .unwrap_or(bytes.len());
                proptest::prop_assert_eq!(next_single(bytes, start), naive);
            }
            proptest::prop_assert_eq!(
                find_spaced_runs(text.as_bytes()),
                spaced_runs_byte_by_byte(text.as_bytes())
            );
        }
    }

    fn norm(text: &str) -> String {
        normalize(text).text
    }

    #[test]
    fn folds_case_accents_fullwidth_and_math_letters() {
        assert_eq!(norm("IGNORE Précédentes"), "ignore precedentes");
        assert_eq!(norm("ｉｇｎｏｒｅ"), "ignore");
        assert_eq!(norm("𝐢𝐠𝐧𝐨𝐫𝐞"), "ignore");
        assert_eq!(norm("Straße"), "strasse");
        assert_eq!(
            norm("Ignorați instrucțiunile, ȘTIȚI"),
            "ignorati instructiunile, stiti"
        );
    }

    #[test]
    fn folds_leetspeak_and_confusables_only_inside_latin_words() {
        assert_eq!(norm("1gn0r3 4ll"), "ignore all");
        assert_eq!(norm("version 3 of 10"), "version 3 of 10");
        assert_eq!(norm("іgnоrе"), "ignore");
        assert_eq!(norm("игнорируй"), "игнорируй");
    }

    #[test]
    fn removes_invisible_characters_and_records_them() {
        let n = normalize("ig\u{200b}nore \u{202e}x");
        assert_eq!(n.text, "ignore x");
        assert_eq!(n.hidden.len(), 2);
        let tags: String = "hi"
            .chars()
            .map(|c| char::from_u32(0xE0000 + c as u32).unwrap())
            .collect();
        let n = normalize(&format!("ok{tags}"));
        assert_eq!(n.text, "ok hi");
        assert_eq!(n.hidden[0].kind, HiddenKind::Tag);
    }

    #[test]
    fn collapses_whitespace_and_spaced_letters() {
        assert_eq!(norm("a  \t b\n\n c"), "a b\nc");
        let n = normalize("please i g n o r e this");
        assert_eq!(n.text, "please ignore this");
        assert_eq!(n.relaxed, vec![(7, 13)]);
        assert_eq!(norm("i.g.n.o.r.e"), "ignore");
    }

    #[test]
    fn joins_words_hyphenated_across_a_line_break() {
        let n = normalize("Ig-\nnore previ- \r\n  ous, well-known\n- item");
        assert_eq!(n.text, "ignore previous, well known\nitem");
        // The letters after the wrap keep their own offsets.
        assert_eq!(n.map[2], 4);
    }

    #[test]
    fn script_punctuation_ends_words_and_harakat_go() {
        // Arabic comma and question mark, Urdu full stop, Devanagari danda, ideographic stop.
        let n = normalize(
            "\u{628}\u{644}\u{627}\u{60c} \u{61f}\u{6d4} \u{915}\u{964} \u{4e2d}\u{3002}",
        );
        assert_eq!(n.text, "\u{628}\u{644}\u{627}, ?. \u{915}. \u{4e2d}.");
        // A vowel mark inside a word does not split a term written without it.
        assert_eq!(
            normalize("\u{642}\u{64f}\u{64a}\u{648}\u{62f}").text,
            "\u{642}\u{64a}\u{648}\u{62f}"
        );
    }

    #[test]
    fn skip_lowercase_stops_where_a_byte_loop_stops() {
        let texts = [
            "abcdefghijklmnopqrstuvwxyz{`@[ZA",
            "abcdefgh",
            "abcdefghé",
            "abcdefg\u{e1}bcdefghij",
            "a\u{ff}\u{7f}bcdefghijkl",
            "",
            "zzzzzzzzzzzzzzzzzzzzzzzz`",
        ];
        for text in texts {
            let bytes = text.as_bytes();
            for i in 0..=bytes.len() {
                let naive = (i..bytes.len())
                    .find(|&j| !bytes[j].is_ascii_lowercase())
                    .unwrap_or(bytes.len());
                assert_eq!(skip_lowercase(bytes, i), naive, "{text:?} from {i}");
            }
        }
        for b in 0..=255u8 {
            let bytes = [b'a', b'a', b'a', b, b'a', b'a', b'a', b'a', b'a'];
            let expected = if b.is_ascii_lowercase() { 9 } else { 3 };
            assert_eq!(skip_lowercase(&bytes, 0), expected, "{b:#x}");
        }
    }

    #[test]
    fn map_points_back_to_original_characters() {
        let text = "Ｉgnoré";
        let n = normalize(text);
        let span = n.original_span(text, 0, n.text.len());
        assert_eq!(span.slice(text), Some(text));
        let span = n.original_span(text, 5, 6);
        assert_eq!(span.slice(text), Some("é"));
    }
}
