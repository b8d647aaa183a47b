//! Shields-style SVG badges: a grey label and a coloured value. Text is written through an
//! XML writer (escaped), and widths come from a table of Verdana 11px advances, as shields.io
//! measures them, so that badges line up with the ones beside them in a README.

use quick_xml::Writer;
use quick_xml::events::{BytesEnd, BytesStart, BytesText, Event};

/// The colours of badge values.
pub mod colour {
    pub const GREEN: &str = "#1f9d55";
    pub const YELLOW: &str = "#b7791f";
    pub const ORANGE: &str = "#c05621";
    pub const RED: &str = "#c53030";
    pub const BLUE: &str = "#2b6cb0";
    pub const GREY: &str = "#6b7280";
}

/// Approximate advance of `c` in Verdana 11px, in pixels.
fn advance(c: char) -> f64 {
    match c {
        'i' | 'l' | 'I' | '.' | ',' | ':' | ';' | '!' | '\'' | '|' => 3.1,
        'f' | 'j' | 'r' | 't' | ' ' | '(' | ')' | '[' | ']' | '-' => 4.3,
        'm' | 'w' => 9.9,
        'M' | 'W' | '%' => 10.8,
        'A'..='Z' | '0'..='9' | '#' | '?' => 7.5,
        _ if c.is_ascii() => 6.6,
        // Wide scripts: a full em.
        _ => 11.0,
    }
}

fn width(text: &str) -> f64 {
    text.chars().map(advance).sum::<f64>() + 10.0
}

/// Badge text is at most this long: a name longer than that is cut with an ellipsis.
const MAX_CHARS: usize = 48;

fn clip(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if cleaned.chars().count() <= MAX_CHARS {
        cleaned
    } else {
        let cut: String = cleaned.chars().take(MAX_CHARS - 1).collect();
        format!("{cut}…")
    }
}

/// An SVG badge reading `label | value`, the value on `fill`.
pub fn svg(label: &str, value: &str, fill: &str) -> String {
    let (label, value) = (clip(label), clip(value));
    let (lw, vw) = (width(&label).round(), width(&value).round());
    let total = lw + vw;
    let mut w = Writer::new(Vec::new());
    let title = format!("{label}: {value}");
    let result = (|| -> std::io::Result<()> {
        let mut svg = BytesStart::new("svg");
        svg.push_attribute(("xmlns", "http://www.w3.org/2000/svg"));
        svg.push_attribute(("width", total.to_string().as_str()));
        svg.push_attribute(("height", "20"));
        svg.push_attribute(("role", "img"));
        svg.push_attribute(("aria-label", title.as_str()));
        w.write_event(Event::Start(svg))?;
        text_element(&mut w, "title", &[], &title)?;
        rect(&mut w, 0.0, lw, "#555")?;
        rect(&mut w, lw, vw, fill)?;
        let mut g = BytesStart::new("g");
        g.push_attribute(("fill", "#fff"));
        g.push_attribute(("text-anchor", "middle"));
        g.push_attribute(("font-family", "Verdana,Geneva,DejaVu Sans,sans-serif"));
        g.push_attribute(("font-size", "11"));
        w.write_event(Event::Start(g))?;
        let (lx, vx) = ((lw / 2.0).to_string(), (lw + vw / 2.0).to_string());
        text_element(&mut w, "text", &[("x", &lx), ("y", "14")], &label)?;
        text_element(&mut w, "text", &[("x", &vx), ("y", "14")], &value)?;
        w.write_event(Event::End(BytesEnd::new("g")))?;
        w.write_event(Event::End(BytesEnd::new("svg")))?;
        Ok(())
    })();
    // Writing to a Vec does not fail; an empty badge is the answer if it ever did.
    if result.is_err() {
        return String::new();
    }
    String::from_utf8(w.into_inner()).unwrap_or_default()
}

fn rect(w: &mut Writer<Vec<u8>>, x: f64, width: f64, fill: &str) -> std::io::Result<()> {
    let mut r = BytesStart::new("rect");
    r.push_attribute(("x", x.to_string().as_str()));
    r.push_attribute(("width", width.to_string().as_str()));
    r.push_attribute(("height", "20"));
    r.push_attribute(("fill", fill));
    w.write_event(Event::Empty(r))
}

fn text_element(
    w: &mut Writer<Vec<u8>>,
    name: &str,
    attributes: &[(&str, &str)],
    text: &str,
) -> std::io::Result<()> {
    let mut start = BytesStart::new(name);
    for attribute in attributes {
        start.push_attribute(*attribute);
    }
    w.write_event(Event::Start(start))?;
    w.write_event(Event::Text(BytesText::new(text)))?;
    w.write_event(Event::End(BytesEnd::new(name)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_escaped_and_cut() {
        let badge = svg(
            "<script>alert(1)</script> & \"x\"",
            "operational",
            colour::GREEN,
        );
        assert!(!badge.contains("<script>"), "{badge}");
        assert!(badge.contains("&lt;script&gt;"), "{badge}");
        assert!(badge.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        let long = svg(&"a".repeat(500), "99%", colour::GREEN);
        assert!(long.contains('…') && long.len() < 1500);
    }
}
