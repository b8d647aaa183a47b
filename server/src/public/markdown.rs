//! Postmortems: Markdown rendered to HTML, then sanitized, since the author's raw HTML and link
//! targets reach every visitor. `ammonia` keeps a list of safe tags, attributes and URL schemes
//! (no `script`, no event handlers, no `javascript:`); links get `rel="noopener noreferrer
//! nofollow"`.

use pulldown_cmark::{Options, Parser, html};

/// Safe HTML of `markdown`.
pub fn render(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES;
    let mut unsafe_html = String::new();
    html::push_html(&mut unsafe_html, Parser::new_ext(markdown, options));
    ammonia::Builder::default()
        .url_schemes(["http", "https", "mailto"].into())
        .link_rel(Some("noopener noreferrer nofollow"))
        .clean(&unsafe_html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_renders_and_scripts_do_not() {
        let out = render(
            "# Root cause\n\nThe **disk** filled. [Details](https://example.com/x)\n\n\
             <script>alert(1)</script><img src=x onerror=alert(2)>\
             <a href=\"javascript:alert(3)\">click</a>\n\n[md](javascript:alert(4))\n\n\
             <iframe src=\"https://evil.example\"></iframe><style>body{}</style>",
        );
        assert!(out.contains("<h1>Root cause</h1>"), "{out}");
        assert!(out.contains("<strong>disk</strong>"), "{out}");
        assert!(out.contains("href=\"https://example.com/x\""), "{out}");
        assert!(
            out.contains("rel=\"noopener noreferrer nofollow\""),
            "{out}"
        );
        for bad in ["<script", "onerror", "javascript:", "<iframe", "<style"] {
            assert!(!out.to_lowercase().contains(bad), "{bad} in {out}");
        }
    }
}
