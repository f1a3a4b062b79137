//! WordPress's text sanitizers, as the plugin applies them to what it stores:
//! `sanitize_text_field` (names), `sanitize_textarea_field` (descriptions) and
//! `sanitize_title` (slugs).
//!
//! Modelled on WordPress 6.1's `formatting.php`. Simplified where only hostile input
//! would tell: PHP's `strip_tags` state machine is reduced to tags (with quoted
//! attributes), comments and a `<` followed by whitespace staying text; `remove_accents`
//! covers Latin-1, Latin Extended-A and the Romanian comma letters (not Vietnamese tone
//! letters, nor the German and Danish locale variants); the reserved slugs of the
//! plugin's built-in servers are not known.

/// `sanitize_text_field`: tags stripped, whitespace runs (line breaks included) made
/// one space, trimmed, percent-encoded octets removed.
pub(super) fn text_field(s: &str) -> String {
    sanitize(s, false)
}

/// `sanitize_textarea_field`: as [`text_field`], but line breaks and tabs stay.
pub(super) fn textarea_field(s: &str) -> String {
    sanitize(s, true)
}

/// `sanitize_title` in its `save` context, the slug WordPress derives from a title.
///
/// `Café Tools_v3.0` gives `cafe-tools_v3-0`; `日本語` gives
/// `%e6%97%a5%e6%9c%ac%e8%aa%9e`.
pub(super) fn title(s: &str) -> String {
    title_with_dashes(&remove_accents(s))
}

/// `_sanitize_text_fields`.
fn sanitize(s: &str, keep_newlines: bool) -> String {
    let mut out = s.to_owned();
    if out.contains('<') {
        out = strip_all_tags(&escape_lone_less_than(&out)).replace("<\n", "&lt;\n");
    }
    if !keep_newlines {
        out = collapse(&out, |c| matches!(c, '\r' | '\n' | '\t' | ' '), " ");
    }
    out = php_trim(&out).to_owned();
    let (without, found) = remove_octets(&out);
    if found {
        out = php_trim(&collapse(&without, |c| c == ' ', " ")).to_owned();
    }
    out
}

/// `wp_pre_kses_less_than`: a `<` that no `>` closes before the next `<` is text, so it
/// is escaped (with what follows up to that next `<`) instead of starting a tag.
fn escape_lone_less_than(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let piece_end = rest[at + 1..].find('<').map_or(rest.len(), |n| at + 1 + n);
        let piece = &rest[at..piece_end];
        match piece.find('>') {
            Some(close) => {
                out.push_str(&piece[..=close]);
                rest = &rest[at + close + 1..];
            }
            None => {
                out.push_str(&esc_html(piece));
                rest = &rest[piece_end..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// `esc_html`, for the text `escape_lone_less_than` escapes.
fn esc_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#039;")
}

/// `wp_strip_all_tags` (without removing breaks): `<script>` and `<style>` go with
/// their content, then every tag; trimmed.
fn strip_all_tags(s: &str) -> String {
    let mut text = s.to_owned();
    for element in ["script", "style"] {
        loop {
            let lower = text.to_ascii_lowercase();
            let Some(open) = lower.find(&format!("<{element}")) else {
                break;
            };
            let close_tag = format!("</{element}>");
            match lower[open..].find(&close_tag) {
                Some(close) => text.replace_range(open..open + close + close_tag.len(), ""),
                None => break,
            }
        }
    }
    php_trim(&strip_tags(&text)).to_owned()
}

/// PHP's `strip_tags`: drops tags (a `>` inside a quoted attribute does not end one)
/// and comments; a `<` followed by whitespace is text.
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c != '<'
            || chars
                .peek()
                .is_some_and(|&(_, next)| next.is_ascii_whitespace())
        {
            out.push(c);
            continue;
        }
        if s[at..].starts_with("<!--") {
            let end = s[at + 4..].find("-->").map_or(s.len(), |n| at + 4 + n + 3);
            while chars.peek().is_some_and(|&(i, _)| i < end) {
                chars.next();
            }
            continue;
        }
        let mut quote = None;
        for (_, c) in chars.by_ref() {
            match (quote, c) {
                (None, '"' | '\'') => quote = Some(c),
                (Some(q), c) if c == q => quote = None,
                (None, '>') => break,
                _ => {}
            }
        }
    }
    out
}

/// Removes `%xx` octets (any case), as `_sanitize_text_fields` does; says whether it
/// found any.
fn remove_octets(s: &str) -> (String, bool) {
    let mut out = s.to_owned();
    let mut found = false;
    while let Some(at) = find_octet(&out) {
        out.replace_range(at..at + 3, "");
        found = true;
    }
    (out, found)
}

fn find_octet(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(2))
        .find(|&i| b[i] == b'%' && b[i + 1].is_ascii_hexdigit() && b[i + 2].is_ascii_hexdigit())
}

/// Every run of characters `is_run` accepts replaced by `with`.
fn collapse(s: &str, is_run: impl Fn(char) -> bool, with: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_run = false;
    for c in s.chars() {
        if is_run(c) {
            if !in_run {
                out.push_str(with);
            }
            in_run = true;
        } else {
            out.push(c);
            in_run = false;
        }
    }
    out
}

/// PHP's `trim`: spaces, tabs, line breaks, NUL and vertical tabs.
fn php_trim(s: &str) -> &str {
    s.trim_matches([' ', '\t', '\n', '\r', '\0', '\x0b'])
}

/// `sanitize_title_with_dashes` in the `save` context.
fn title_with_dashes(s: &str) -> String {
    let stripped = strip_tags(s);
    // Percent signs survive only as the start of an octet.
    let mut kept = String::with_capacity(stripped.len());
    let b = stripped.as_bytes();
    for (i, c) in stripped.char_indices() {
        let octet = c == '%'
            && b.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
            && b.get(i + 2).is_some_and(u8::is_ascii_hexdigit);
        if c != '%' || octet {
            kept.push(c);
        }
    }
    let mut t = utf8_uri_encode(&kept.to_lowercase(), 200).to_ascii_lowercase();
    for (from, to) in SAVE_REPLACEMENTS {
        t = t.replace(from, to);
    }
    t = kill_entities(&t).replace('.', "-");
    t.retain(|c| matches!(c, '%' | 'a'..='z' | '0'..='9' | ' ' | '_' | '-'));
    let t = collapse(&t, |c| c == ' ', "-");
    let t = collapse(&t, |c| c == '-', "-");
    t.trim_matches('-').to_owned()
}

/// What the `save` context turns into a hyphen, an `x` or nothing, in the order
/// WordPress applies it.
const SAVE_REPLACEMENTS: &[(&str, &str)] = &[
    // No-break space, en and em dashes, as octets and as entities; the slash.
    ("%c2%a0", "-"),
    ("%e2%80%93", "-"),
    ("%e2%80%94", "-"),
    ("&nbsp;", "-"),
    ("&#160;", "-"),
    ("&ndash;", "-"),
    ("&#8211;", "-"),
    ("&mdash;", "-"),
    ("&#8212;", "-"),
    ("/", "-"),
    // Soft hyphen, inverted marks, angle and curly quotes, bullet, symbols, accents.
    ("%c2%ad", ""),
    ("%c2%a1", ""),
    ("%c2%bf", ""),
    ("%c2%ab", ""),
    ("%c2%bb", ""),
    ("%e2%80%b9", ""),
    ("%e2%80%ba", ""),
    ("%e2%80%98", ""),
    ("%e2%80%99", ""),
    ("%e2%80%9c", ""),
    ("%e2%80%9d", ""),
    ("%e2%80%9a", ""),
    ("%e2%80%9b", ""),
    ("%e2%80%9e", ""),
    ("%e2%80%9f", ""),
    ("%e2%80%a2", ""),
    ("%c2%a9", ""),
    ("%c2%ae", ""),
    ("%c2%b0", ""),
    ("%e2%80%a6", ""),
    ("%e2%84%a2", ""),
    ("%c2%b4", ""),
    ("%cb%8a", ""),
    ("%cc%81", ""),
    ("%cd%81", ""),
    ("%cc%80", ""),
    ("%cc%84", ""),
    ("%cc%8c", ""),
    // Characters without a width.
    ("%e2%80%8b", ""),
    ("%e2%80%8c", ""),
    ("%e2%80%8d", ""),
    ("%e2%80%8e", ""),
    ("%e2%80%8f", ""),
    ("%e2%80%aa", ""),
    ("%e2%80%ab", ""),
    ("%e2%80%ac", ""),
    ("%e2%80%ad", ""),
    ("%e2%80%ae", ""),
    ("%ef%bb%bf", ""),
    // Spaces with a width.
    ("%e2%80%80", "-"),
    ("%e2%80%81", "-"),
    ("%e2%80%82", "-"),
    ("%e2%80%83", "-"),
    ("%e2%80%84", "-"),
    ("%e2%80%85", "-"),
    ("%e2%80%86", "-"),
    ("%e2%80%87", "-"),
    ("%e2%80%88", "-"),
    ("%e2%80%89", "-"),
    ("%e2%80%8a", "-"),
    ("%e2%80%a8", "-"),
    ("%e2%80%a9", "-"),
    ("%e2%80%af", "-"),
    // The multiplication sign.
    ("%c3%97", "x"),
];

/// `utf8_uri_encode`: every byte of a non-ASCII character as lower-case `%xx`, stopping
/// before the character that would make the result longer than `length`.
fn utf8_uri_encode(s: &str, length: usize) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for c in s.chars() {
        let mut buf = [0u8; 4];
        let bytes = c.encode_utf8(&mut buf).as_bytes();
        let encoded_len = if c.is_ascii() { 1 } else { bytes.len() * 3 };
        if out.len() + encoded_len > length {
            break;
        }
        if c.is_ascii() {
            out.push(c);
        } else {
            for b in bytes {
                out.push_str(&format!("%{b:02x}"));
            }
        }
    }
    out
}

/// Removes `&…;` entities (the shortest match, at least one character between).
fn kill_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        match rest[at + 1..]
            .char_indices()
            .skip(1)
            .find(|&(_, c)| c == ';')
        {
            Some((semi, _)) if !rest[at + 1..at + 1 + semi].contains('\n') => {
                rest = &rest[at + 1 + semi + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[at + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// `remove_accents` for the default locale.
fn remove_accents(s: &str) -> String {
    if s.is_ascii() {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match ACCENTS.iter().find(|(from, _)| *from == c) {
            Some((_, to)) => out.push_str(to),
            None => out.push(c),
        }
    }
    out
}

/// `remove_accents`' table: Latin-1 Supplement, Latin Extended-A, the Romanian comma
/// letters and the currency signs.
const ACCENTS: &[(char, &str)] = &[
    ('ª', "a"),
    ('º', "o"),
    ('À', "A"),
    ('Á', "A"),
    ('Â', "A"),
    ('Ã', "A"),
    ('Ä', "A"),
    ('Å', "A"),
    ('Æ', "AE"),
    ('Ç', "C"),
    ('È', "E"),
    ('É', "E"),
    ('Ê', "E"),
    ('Ë', "E"),
    ('Ì', "I"),
    ('Í', "I"),
    ('Î', "I"),
    ('Ï', "I"),
    ('Ð', "D"),
    ('Ñ', "N"),
    ('Ò', "O"),
    ('Ó', "O"),
    ('Ô', "O"),
    ('Õ', "O"),
    ('Ö', "O"),
    ('Ù', "U"),
    ('Ú', "U"),
    ('Û', "U"),
    ('Ü', "U"),
    ('Ý', "Y"),
    ('Þ', "TH"),
    ('ß', "s"),
    ('à', "a"),
    ('á', "a"),
    ('â', "a"),
    ('ã', "a"),
    ('ä', "a"),
    ('å', "a"),
    ('æ', "ae"),
    ('ç', "c"),
    ('è', "e"),
    ('é', "e"),
    ('ê', "e"),
    ('ë', "e"),
    ('ì', "i"),
    ('í', "i"),
    ('î', "i"),
    ('ï', "i"),
    ('ð', "d"),
    ('ñ', "n"),
    ('ò', "o"),
    ('ó', "o"),
    ('ô', "o"),
    ('õ', "o"),
    ('ö', "o"),
    ('ø', "o"),
    ('ù', "u"),
    ('ú', "u"),
    ('û', "u"),
    ('ü', "u"),
    ('ý', "y"),
    ('þ', "th"),
    ('ÿ', "y"),
    ('Ø', "O"),
    ('Ā', "A"),
    ('ā', "a"),
    ('Ă', "A"),
    ('ă', "a"),
    ('Ą', "A"),
    ('ą', "a"),
    ('Ć', "C"),
    ('ć', "c"),
    ('Ĉ', "C"),
    ('ĉ', "c"),
    ('Ċ', "C"),
    ('ċ', "c"),
    ('Č', "C"),
    ('č', "c"),
    ('Ď', "D"),
    ('ď', "d"),
    ('Đ', "D"),
    ('đ', "d"),
    ('Ē', "E"),
    ('ē', "e"),
    ('Ĕ', "E"),
    ('ĕ', "e"),
    ('Ė', "E"),
    ('ė', "e"),
    ('Ę', "E"),
    ('ę', "e"),
    ('Ě', "E"),
    ('ě', "e"),
    ('Ĝ', "G"),
    ('ĝ', "g"),
    ('Ğ', "G"),
    ('ğ', "g"),
    ('Ġ', "G"),
    ('ġ', "g"),
    ('Ģ', "G"),
    ('ģ', "g"),
    ('Ĥ', "H"),
    ('ĥ', "h"),
    ('Ħ', "H"),
    ('ħ', "h"),
    ('Ĩ', "I"),
    ('ĩ', "i"),
    ('Ī', "I"),
    ('ī', "i"),
    ('Ĭ', "I"),
    ('ĭ', "i"),
    ('Į', "I"),
    ('į', "i"),
    ('İ', "I"),
    ('ı', "i"),
    ('Ĳ', "IJ"),
    ('ĳ', "ij"),
    ('Ĵ', "J"),
    ('ĵ', "j"),
    ('Ķ', "K"),
    ('ķ', "k"),
    ('ĸ', "k"),
    ('Ĺ', "L"),
    ('ĺ', "l"),
    ('Ļ', "L"),
    ('ļ', "l"),
    ('Ľ', "L"),
    ('ľ', "l"),
    ('Ŀ', "L"),
    ('ŀ', "l"),
    ('Ł', "L"),
    ('ł', "l"),
    ('Ń', "N"),
    ('ń', "n"),
    ('Ņ', "N"),
    ('ņ', "n"),
    ('Ň', "N"),
    ('ň', "n"),
    ('ŉ', "n"),
    ('Ŋ', "N"),
    ('ŋ', "n"),
    ('Ō', "O"),
    ('ō', "o"),
    ('Ŏ', "O"),
    ('ŏ', "o"),
    ('Ő', "O"),
    ('ő', "o"),
    ('Œ', "OE"),
    ('œ', "oe"),
    ('Ŕ', "R"),
    ('ŕ', "r"),
    ('Ŗ', "R"),
    ('ŗ', "r"),
    ('Ř', "R"),
    ('ř', "r"),
    ('Ś', "S"),
    ('ś', "s"),
    ('Ŝ', "S"),
    ('ŝ', "s"),
    ('Ş', "S"),
    ('ş', "s"),
    ('Š', "S"),
    ('š', "s"),
    ('Ţ', "T"),
    ('ţ', "t"),
    ('Ť', "T"),
    ('ť', "t"),
    ('Ŧ', "T"),
    ('ŧ', "t"),
    ('Ũ', "U"),
    ('ũ', "u"),
    ('Ū', "U"),
    ('ū', "u"),
    ('Ŭ', "U"),
    ('ŭ', "u"),
    ('Ů', "U"),
    ('ů', "u"),
    ('Ű', "U"),
    ('ű', "u"),
    ('Ų', "U"),
    ('ų', "u"),
    ('Ŵ', "W"),
    ('ŵ', "w"),
    ('Ŷ', "Y"),
    ('ŷ', "y"),
    ('Ÿ', "Y"),
    ('Ź', "Z"),
    ('ź', "z"),
    ('Ż', "Z"),
    ('ż', "z"),
    ('Ž', "Z"),
    ('ž', "z"),
    ('ſ', "s"),
    ('Ș', "S"),
    ('ș', "s"),
    ('Ț', "T"),
    ('ț', "t"),
    ('€', "E"),
    ('£', ""),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_fields_lose_tags_and_extra_whitespace() {
        assert_eq!(text_field("<b>Bold</b> desc"), "Bold desc");
        assert_eq!(text_field("  My   *New*\n\tServer!  "), "My *New* Server!");
        assert_eq!(text_field("a < b and c > d"), "a < b and c > d");
        assert_eq!(text_field("a <b"), "a &lt;b");
        assert_eq!(text_field("x<script>alert(1)</script>y"), "xy");
        assert_eq!(text_field(r#"<a title="1 > 0">link</a>"#), "link");
        assert_eq!(text_field("a<!-- hidden -->b"), "ab");
        assert_eq!(text_field("100%25 sure %zz"), "100 sure %zz");
        assert_eq!(textarea_field("<i>One</i>\nTwo  "), "One\nTwo");
    }

    #[test]
    fn titles_like_sanitize_title() {
        assert_eq!(title("Café Tools_v3.0"), "cafe-tools_v3-0");
        assert_eq!(title("GitHub Tools v2"), "github-tools-v2");
        assert_eq!(title("  --Hello,   World!! "), "hello-world");
        assert_eq!(title("日本語"), "%e6%97%a5%e6%9c%ac%e8%aa%9e");
        assert_eq!(
            title("Привет Мир"),
            "%d0%bf%d1%80%d0%b8%d0%b2%d0%b5%d1%82-%d0%bc%d0%b8%d1%80"
        );
        assert_eq!(title("Œuvre – “Straße” © 2024"), "oeuvre-strase-2024");
        assert_eq!(title("a/b&amp;c 3×4"), "a-bc-3x4");
        assert_eq!(title("<b>Tagged</b> 50%"), "tagged-50");
        assert_eq!(title("!!!"), "");
        // Encoding stops at 200 characters, never inside a character.
        assert_eq!(title(&"日".repeat(100)).len(), 198);
    }
}
