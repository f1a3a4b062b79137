//! Go's `encoding/json` as the service's request decoding meets it, in two passes like
//! `json.Unmarshal`: the whole body is checked first (syntax, and nesting up to
//! 10,000 levels), then it is decoded into the request type's [`Go`] shape.
//!
//! Both passes are written so no input can overflow the fake's stack: the check and
//! the skipping of unknown members keep their own count of open brackets instead of
//! recursing, and the decoding recurses only as deep as the request type nests, or, for
//! a raw JSON field, at most [`RAW_DEPTH`] levels.

use serde_json::{Map, Number, Value};

use super::emulation::Go;

/// Go's `maxNestingDepth`: a body nested deeper than this does not decode.
const MAX_DEPTH: usize = 10_000;

/// How deep, counted from the body's top, a raw JSON field (`json.RawMessage`: tool
/// schemas, resource annotations, prompt arguments and messages) may nest in the fake,
/// which keeps it as a JSON value. The service keeps the bytes, up to [`MAX_DEPTH`].
const RAW_DEPTH: usize = 128;

/// Decodes `body` the way Go's `json.Unmarshal` fills a value of `shape`, or `None`
/// where Go reports an error (the service's 422).
///
/// It reads the members of every object in order, repeats included, as Go does: each
/// member goes to the field its key names (the exact name first, else any case), so
/// the last one wins; a `null` leaves a field as it was (a list or a pointer becomes
/// empty); a repeated object merges into the first; unknown members are skipped,
/// checked only for syntax (a number out of any range is fine there); a member of the
/// wrong type anywhere fails the whole body, even when a later repeat would fit.
/// Strings read invalid UTF-8 and lone surrogates as U+FFFD, and the number `-0` is the
/// integer 0. The answer holds each field once, under its declared name.
pub(super) fn decode(body: &[u8], shape: Go) -> Option<Value> {
    if !well_formed(body) {
        return None;
    }
    let mut reader = Cursor { b: body, i: 0 };
    let mut out = Value::Null;
    reader.store(&mut out, shape, 0).then_some(out)
}

/// JSON's whitespace, as Go's scanner reads it.
fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r')
}

/// Go's `checkValid`: one JSON value and nothing but whitespace after it, no container
/// nested deeper than [`MAX_DEPTH`]. Strings may hold any byte but the control
/// characters; only their escapes are checked.
fn well_formed(b: &[u8]) -> bool {
    let mut s = Cursor { b, i: 0 };
    // Whether each open container is an object.
    let mut open: Vec<bool> = Vec::new();
    loop {
        // A value is expected here.
        s.ws();
        match s.peek() {
            Some(c @ (b'{' | b'[')) => {
                s.i += 1;
                open.push(c == b'{');
                if open.len() > MAX_DEPTH {
                    return false;
                }
                s.ws();
                let empty = if c == b'{' { b'}' } else { b']' };
                if s.peek() == Some(empty) {
                    s.i += 1;
                    open.pop();
                } else {
                    if c == b'{' && !s.check_key() {
                        return false;
                    }
                    continue;
                }
            }
            Some(b'"') => {
                if !s.check_string() {
                    return false;
                }
            }
            Some(_) => {
                if !s.check_scalar() {
                    return false;
                }
            }
            None => return false,
        }
        // A value ended: close what it ends, then expect the next one.
        loop {
            s.ws();
            let Some(&object) = open.last() else {
                return s.i == b.len();
            };
            match (s.peek(), object) {
                (Some(b','), true) => {
                    s.i += 1;
                    if !s.check_key() {
                        return false;
                    }
                    break;
                }
                (Some(b','), false) => {
                    s.i += 1;
                    break;
                }
                (Some(b'}'), true) | (Some(b']'), false) => {
                    s.i += 1;
                    open.pop();
                }
                _ => return false,
            }
        }
    }
}

/// A position in a body: [`well_formed`] checks it, then [`decode`] reads it.
struct Cursor<'a> {
    b: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<u8> {
        self.b.get(self.i + ahead).copied()
    }

    fn rest(&self) -> &[u8] {
        self.b.get(self.i..).unwrap_or_default()
    }

    fn ws(&mut self) {
        while self.peek().is_some_and(is_space) {
            self.i += 1;
        }
    }
}

// The check: Go's scanner.
impl Cursor<'_> {
    /// An object member's key and its colon.
    fn check_key(&mut self) -> bool {
        self.ws();
        if self.peek() != Some(b'"') || !self.check_string() {
            return false;
        }
        self.ws();
        if self.peek() != Some(b':') {
            return false;
        }
        self.i += 1;
        true
    }

    /// A string, from its opening quote.
    fn check_string(&mut self) -> bool {
        self.i += 1;
        loop {
            match self.peek() {
                Some(b'"') => {
                    self.i += 1;
                    return true;
                }
                Some(b'\\') => {
                    self.i += 1;
                    match self.peek() {
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => self.i += 1,
                        Some(b'u') => {
                            let hex = self.b.get(self.i + 1..self.i + 5);
                            if !hex.is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)) {
                                return false;
                            }
                            self.i += 5;
                        }
                        _ => return false,
                    }
                }
                Some(c) if c < 0x20 => return false,
                Some(_) => self.i += 1,
                None => return false,
            }
        }
    }

    /// A number or one of `true`, `false`, `null`.
    fn check_scalar(&mut self) -> bool {
        for literal in [&b"true"[..], b"false", b"null"] {
            if self.rest().starts_with(literal) {
                self.i += literal.len();
                return true;
            }
        }
        self.check_number()
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    fn check_number(&mut self) -> bool {
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        match self.peek() {
            Some(b'0') => self.i += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return false,
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if !self.peek().is_some_and(|c| c.is_ascii_digit()) {
                return false;
            }
            self.digits();
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if !self.peek().is_some_and(|c| c.is_ascii_digit()) {
                return false;
            }
            self.digits();
        }
        true
    }

    fn digits(&mut self) {
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.i += 1;
        }
    }
}

// The decoding, of a body [`well_formed`] accepted, into Go shapes.
impl Cursor<'_> {
    /// Consumes `c` (after whitespace) when it comes next.
    fn eat(&mut self, c: u8) -> bool {
        self.ws();
        let next = self.peek() == Some(c);
        if next {
            self.i += 1;
        }
        next
    }

    /// Stores the next value into `slot`, typed by `shape`; false on a type error.
    /// `depth` is how many containers enclose the value.
    fn store(&mut self, slot: &mut Value, shape: Go, depth: usize) -> bool {
        self.ws();
        if self.rest().starts_with(b"null") {
            self.i += 4;
            // A raw field keeps the `null`; a list or pointer becomes nil; the rest
            // stay as they were.
            if matches!(shape, Go::Raw | Go::List(_) | Go::Ptr(_)) {
                *slot = Value::Null;
            }
            return true;
        }
        match (shape, self.peek()) {
            (Go::Raw, _) => match self.raw(depth) {
                Some(value) => {
                    *slot = value;
                    true
                }
                None => false,
            },
            (Go::Ptr(inner), _) => self.store(slot, *inner, depth),
            (Go::Str, Some(b'"')) => {
                *slot = Value::String(self.string());
                true
            }
            (Go::Bool, Some(b't' | b'f')) => {
                let b = self.rest().starts_with(b"true");
                self.i += if b { 4 } else { 5 };
                *slot = Value::Bool(b);
                true
            }
            (Go::I32 | Go::I64, Some(b'-' | b'0'..=b'9')) => {
                // Go's `strconv.ParseInt`, then the field's range: `1.0`, `1e2` fail.
                let n = std::str::from_utf8(self.number())
                    .ok()
                    .and_then(|t| t.parse::<i64>().ok());
                let fits = match shape {
                    Go::I32 => n.is_some_and(|n| i32::try_from(n).is_ok()),
                    _ => n.is_some(),
                };
                match n {
                    Some(n) if fits => {
                        *slot = Value::Number(n.into());
                        true
                    }
                    _ => false,
                }
            }
            (Go::List(item), Some(b'[')) => {
                self.i += 1;
                let mut items = Vec::new();
                while !self.eat(b']') {
                    let mut value = Value::Null;
                    if !self.store(&mut value, *item, depth + 1) {
                        return false;
                    }
                    items.push(value);
                    self.eat(b',');
                }
                *slot = Value::Array(items);
                true
            }
            (Go::Struct(fields), Some(b'{')) => {
                self.i += 1;
                if !slot.is_object() {
                    *slot = Value::Object(Map::new());
                }
                let Value::Object(object) = slot else {
                    return false;
                };
                while !self.eat(b'}') {
                    self.ws();
                    let key = self.string();
                    self.eat(b':');
                    match go_field(fields, &key) {
                        Some((name, shape)) => {
                            let field = object.entry(*name).or_insert(Value::Null);
                            if !self.store(field, *shape, depth + 1) {
                                return false;
                            }
                        }
                        None => self.skip(),
                    }
                    self.eat(b',');
                }
                true
            }
            _ => false,
        }
    }

    /// A raw JSON field's value as the fake keeps it; `None` past [`RAW_DEPTH`] or for
    /// a number no JSON value holds (`1e400`).
    fn raw(&mut self, depth: usize) -> Option<Value> {
        self.ws();
        match self.peek()? {
            b'{' => {
                if depth >= RAW_DEPTH {
                    return None;
                }
                self.i += 1;
                let mut object = Map::new();
                while !self.eat(b'}') {
                    self.ws();
                    let key = self.string();
                    self.eat(b':');
                    // Repeated keys: the last wins, as a `json.RawMessage` read back.
                    object.insert(key, self.raw(depth + 1)?);
                    self.eat(b',');
                }
                Some(Value::Object(object))
            }
            b'[' => {
                if depth >= RAW_DEPTH {
                    return None;
                }
                self.i += 1;
                let mut items = Vec::new();
                while !self.eat(b']') {
                    items.push(self.raw(depth + 1)?);
                    self.eat(b',');
                }
                Some(Value::Array(items))
            }
            b'"' => Some(Value::String(self.string())),
            b't' => {
                self.i += 4;
                Some(Value::Bool(true))
            }
            b'f' => {
                self.i += 5;
                Some(Value::Bool(false))
            }
            b'n' => {
                self.i += 4;
                Some(Value::Null)
            }
            _ => {
                let text = std::str::from_utf8(self.number()).ok()?;
                if text == "-0" {
                    return Some(Value::Number(0.into()));
                }
                text.parse::<Number>().ok().map(Value::Number)
            }
        }
    }

    /// The text of the number here.
    fn number(&mut self) -> &[u8] {
        let start = self.i;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_digit() || matches!(c, b'-' | b'+' | b'.' | b'e' | b'E'))
        {
            self.i += 1;
        }
        self.b.get(start..self.i).unwrap_or_default()
    }

    /// Skips the value here, whatever its depth, without reading it: an unknown member.
    fn skip(&mut self) {
        let mut open = 0usize;
        loop {
            self.ws();
            match self.peek() {
                Some(b'"') => {
                    self.skip_string();
                }
                Some(b'{' | b'[') => {
                    self.i += 1;
                    open += 1;
                    continue;
                }
                Some(b'}' | b']') => {
                    self.i += 1;
                    open = open.saturating_sub(1);
                }
                Some(b',' | b':') if open > 0 => {
                    self.i += 1;
                    continue;
                }
                Some(_) => {
                    // A literal or a number: up to the next delimiter.
                    while self
                        .peek()
                        .is_some_and(|c| !is_space(c) && !matches!(c, b',' | b'}' | b']' | b':'))
                    {
                        self.i += 1;
                    }
                }
                None => return,
            }
            if open == 0 {
                return;
            }
        }
    }

    fn skip_string(&mut self) {
        self.i += 1;
        while let Some(c) = self.peek() {
            self.i += if c == b'\\' { 2 } else { 1 };
            if c == b'"' {
                return;
            }
        }
    }

    /// A string, from its opening quote, unquoted as Go does: a lone surrogate escape
    /// and each byte of invalid UTF-8 become U+FFFD.
    fn string(&mut self) -> String {
        let mut out = String::new();
        self.i += 1;
        loop {
            match self.peek() {
                None => return out,
                Some(b'"') => {
                    self.i += 1;
                    return out;
                }
                Some(b'\\') => {
                    let escaped = self.peek_at(1);
                    self.i += 2;
                    match escaped {
                        Some(b'u') => out.push(self.unicode_escape()),
                        Some(b'b') => out.push('\u{8}'),
                        Some(b'f') => out.push('\u{c}'),
                        Some(b'n') => out.push('\n'),
                        Some(b'r') => out.push('\r'),
                        Some(b't') => out.push('\t'),
                        Some(c) => out.push(char::from(c)),
                        None => return out,
                    }
                }
                Some(_) => {
                    let start = self.i;
                    while self.peek().is_some_and(|c| c != b'"' && c != b'\\') {
                        self.i += 1;
                    }
                    push_go_lossy(&mut out, self.b.get(start..self.i).unwrap_or_default());
                }
            }
        }
    }

    /// The four hex digits here as a UTF-16 unit.
    fn hex4(&self, at: usize) -> Option<u32> {
        let digits = std::str::from_utf8(self.b.get(at..at + 4)?).ok()?;
        u32::from_str_radix(digits, 16).ok()
    }

    /// The character of a `\u` escape whose `\u` was read: a surrogate pair when a low
    /// half follows at once, U+FFFD for a lone half.
    fn unicode_escape(&mut self) -> char {
        let Some(unit) = self.hex4(self.i) else {
            return char::REPLACEMENT_CHARACTER;
        };
        self.i += 4;
        let low = (self.peek() == Some(b'\\') && self.peek_at(1) == Some(b'u'))
            .then(|| self.hex4(self.i + 2))
            .flatten()
            .filter(|low| (0xDC00..0xE000).contains(low));
        if let (true, Some(low)) = ((0xD800..0xDC00).contains(&unit), low) {
            self.i += 6;
            let pair = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
            return char::from_u32(pair).unwrap_or(char::REPLACEMENT_CHARACTER);
        }
        char::from_u32(unit).unwrap_or(char::REPLACEMENT_CHARACTER)
    }
}

/// Appends `bytes` as Go's decoder reads them: each byte that does not start a valid
/// UTF-8 sequence becomes one U+FFFD (Rust's lossy conversion merges some of them).
fn push_go_lossy(out: &mut String, mut bytes: &[u8]) {
    loop {
        match std::str::from_utf8(bytes) {
            Ok(text) => {
                out.push_str(text);
                return;
            }
            Err(e) => {
                let (valid, rest) = bytes.split_at(e.valid_up_to());
                out.push_str(std::str::from_utf8(valid).unwrap_or_default());
                let bad = e.error_len().unwrap_or(rest.len());
                out.extend(std::iter::repeat_n(char::REPLACEMENT_CHARACTER, bad));
                bytes = rest.get(bad..).unwrap_or_default();
            }
        }
    }
}

/// The field a member's key fills: the one named exactly so, else the first whose
/// name matches it under Go's case folding (which also folds `ſ` to `s` and the
/// Kelvin sign to `k`).
fn go_field<'a>(fields: &'a [(&'static str, Go)], key: &str) -> Option<&'a (&'static str, Go)> {
    let fold = |c: char| match c {
        '\u{17f}' => 's',
        '\u{212a}' => 'k',
        c => c.to_ascii_lowercase(),
    };
    fields.iter().find(|(name, _)| *name == key).or_else(|| {
        fields
            .iter()
            .find(|(name, _)| name.chars().map(fold).eq(key.chars().map(fold)))
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    const OBJECT: Go = Go::Struct(&[("a", Go::Str)]);
    const SHAPE: Go = Go::Struct(&[
        ("n", Go::Str),
        ("v", Go::I32),
        ("big", Go::I64),
        ("raw", Go::Raw),
        ("list", Go::List(&Go::I32)),
        ("ptr", Go::Ptr(&OBJECT)),
        ("obj", OBJECT),
    ]);

    fn d(body: &[u8]) -> Option<Value> {
        decode(body, SHAPE)
    }

    #[test]
    fn strings_read_bad_utf8_and_lone_surrogates_as_go_does() {
        let n = |body: &[u8]| d(body).map(|v| v["n"].clone());
        assert_eq!(n(b"{\"n\":\"a\xffb\"}"), Some(json!("a\u{fffd}b")));
        // One U+FFFD per byte of a broken sequence, as Go's `utf8.DecodeRune` steps.
        assert_eq!(
            n(b"{\"n\":\"\xe2\x82A\"}"),
            Some(json!("\u{fffd}\u{fffd}A"))
        );
        assert_eq!(
            n(b"{\"n\":\"\xed\xa0\x80\"}"),
            Some(json!("\u{fffd}\u{fffd}\u{fffd}"))
        );
        assert_eq!(n(br#"{"n":"\ud800x"}"#), Some(json!("\u{fffd}x")));
        assert_eq!(n(br#"{"n":"\udc00"}"#), Some(json!("\u{fffd}")));
        assert_eq!(n(br#"{"n":"\ud800\u0041"}"#), Some(json!("\u{fffd}A")));
        assert_eq!(n(br#"{"n":"\ud83d\ude00"}"#), Some(json!("\u{1f600}")));
        assert_eq!(n(br#"{"n":"\\ud800"}"#), Some(json!("\\ud800")));
        assert_eq!(
            n(br#"{"n":"\"\/\b\f\n\r\t\u00e9"}"#),
            Some(json!("\"/\u{8}\u{c}\n\r\té"))
        );
        // Control characters and unknown escapes are syntax errors.
        assert_eq!(n(b"{\"n\":\"a\nb\"}"), None);
        assert_eq!(n(br#"{"n":"\x"}"#), None);
        assert_eq!(n(br#"{"n":"\u12"}"#), None);
    }

    #[test]
    fn numbers_parse_as_gos_parse_int_and_unknown_ones_are_unchecked() {
        let v = |body: &str| d(body.as_bytes()).map(|v| v["v"].clone());
        assert_eq!(v(r#"{"v":-0}"#), Some(json!(0)));
        assert_eq!(v(r#"{"v":2147483647}"#), Some(json!(2_147_483_647)));
        for bad in ["2147483648", "1.0", "1e2", "-0.0", "\"1\"", "true", "[]"] {
            assert_eq!(v(&format!(r#"{{"v":{bad}}}"#)), None, "{bad}");
        }
        for bad in ["01", "-", "1.", ".5", "1e", "+1", "0x1", "NaN"] {
            assert_eq!(v(&format!(r#"{{"other":{bad}}}"#)), None, "{bad}");
        }
        let big = d(br#"{"big":-9223372036854775808}"#).unwrap();
        assert_eq!(big["big"], json!(i64::MIN));
        assert!(d(br#"{"big":9223372036854775808}"#).is_none());
        let skipped = br#"{"x":1e400,"y":[-1e400,{"z":123456789012345678901234567890e999}],"v":3}"#;
        assert_eq!(d(skipped), Some(json!({"v": 3})));
        let raw = d(br#"{"raw":{"a":-0,"b":-0.5,"c":1.5e3,"a":2}}"#).unwrap();
        assert_eq!(raw["raw"], json!({"a": 2, "b": -0.5, "c": 1500.0}));
        // A raw field keeps JSON values, and no JSON value holds 1e400.
        assert_eq!(d(br#"{"raw":[1e400]}"#), None);
    }

    #[test]
    fn nesting_up_to_ten_thousand_levels_and_no_deeper() {
        let nested = |levels: usize| {
            let mut body = br#"{"x":"#.to_vec();
            body.extend(std::iter::repeat_n(b'[', levels - 1));
            body.extend(std::iter::repeat_n(b']', levels - 1));
            body.extend_from_slice(br#","n":"ok"}"#);
            body
        };
        assert_eq!(d(&nested(10_000)), Some(json!({"n": "ok"})));
        assert_eq!(d(&nested(10_001)), None);
        let objects = |levels: usize| {
            let mut body = r#"{"x":"#.to_owned();
            body.push_str(&r#"{"k":"#.repeat(levels - 1));
            body.push('1');
            body.push_str(&"}".repeat(levels - 1));
            body.push('}');
            body.into_bytes()
        };
        assert_eq!(d(&objects(10_000)), Some(json!({})));
        assert_eq!(d(&objects(10_001)), None);
        // Far deeper than any stack would take by recursion: refused, not a crash.
        assert_eq!(d(&nested(1_000_000)), None);
        // A raw field is kept as a JSON value, to 128 levels from the top.
        let raw = |levels: usize| {
            let mut body = br#"{"raw":"#.to_vec();
            body.extend(std::iter::repeat_n(b'[', levels));
            body.extend(std::iter::repeat_n(b']', levels));
            body.push(b'}');
            body
        };
        assert!(d(&raw(127)).is_some());
        assert!(d(&raw(128)).is_none());
    }

    #[test]
    fn syntax_is_checked_everywhere_before_anything_is_decoded() {
        for bad in [
            "",
            " ",
            "{",
            "{}}",
            "{} x",
            r#"{"n":"a",}"#,
            r#"{"x":[1,]}"#,
            r#"{"x":[1 2]}"#,
            r#"{"x" 1}"#,
            r#"{"x":tru}"#,
            r#"{"x":nul}"#,
            r#"{"x":{"a":1]}"#,
            r#"{'x':1}"#,
            "\u{feff}{}",
        ] {
            assert_eq!(d(bad.as_bytes()), None, "{bad:?}");
        }
        for fine in [
            "null",
            " {} ",
            "\t{\"x\" : [ true , false , null , \"]\" ] }\r\n",
        ] {
            assert!(d(fine.as_bytes()).is_some(), "{fine:?}");
        }
    }

    #[test]
    fn null_empties_lists_and_pointers_and_leaves_the_rest() {
        let body = br#"{"n":"a","n":null,"list":[1],"list":null,"ptr":{"a":"x"},"ptr":null,"obj":{"a":"y"},"obj":null,"raw":null}"#;
        assert_eq!(
            d(body),
            Some(json!({"n": "a", "list": null, "ptr": null, "obj": {"a": "y"}, "raw": null}))
        );
        let merged = d(br#"{"ptr":{"a":"x"},"ptr":{}}"#).unwrap();
        assert_eq!(merged["ptr"], json!({"a": "x"}));
    }
}
