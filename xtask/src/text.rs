//! How the xtask writes numbers and names for people: one home for each rule, so that the
//! book's tables, charts and reports agree.

/// `1227500` as `1,227,500`.
pub(crate) fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut text = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            text.push(',');
        }
        text.push(digit);
    }
    text
}

/// `text` as Markdown that shows it as it is: `__slots__` stays `__slots__`, not a bold
/// "slots", and a `|` does not end a table cell. workbook.toml holds plain text.
pub(crate) fn markdown_text(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\`*_[]<>|".contains(c) {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_by_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(16384), "16,384");
        assert_eq!(grouped(1_227_500), "1,227,500");
    }

    #[test]
    fn markdown_shows_names_as_they_are() {
        assert_eq!(markdown_text("__slots__"), r"\_\_slots\_\_");
        assert_eq!(markdown_text("a | b `c` *d*"), r"a \| b \`c\` \*d\*");
        assert_eq!(markdown_text("malloc and free"), "malloc and free");
    }
}
