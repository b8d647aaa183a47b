//! The page's stylesheet: one inline `<style>` (allowed by its hash in the CSP), the default
//! light and dark palettes, and the page's branding colours on top.

use std::fmt::Write;

use entity::status_pages;

/// How the page picks light or dark colours (`theme` JSON `{"mode": ...}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Light,
    Dark,
    /// The visitor's system setting.
    Auto,
}

impl Mode {
    pub fn of(page: &status_pages::Model) -> Self {
        match page
            .theme
            .as_ref()
            .and_then(|t| t.get("mode"))
            .and_then(|m| m.as_str())
        {
            Some("dark") => Mode::Dark,
            Some("auto") => Mode::Auto,
            _ => Mode::Light,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Mode::Light => "light",
            Mode::Dark => "dark",
            Mode::Auto => "auto",
        }
    }
}

/// A colour as the settings store it, `#rrggbb`; anything else is refused here too, since
/// it would be written into the stylesheet.
pub fn colour(value: Option<&str>) -> Option<&str> {
    value.filter(|v| crate::validate::is_hex_colour(v))
}

/// Text colours (light palette and a forced dark one), then status colours (every palette).
fn branding(page: &status_pages::Model) -> (String, String) {
    let mut text = String::new();
    let mut status = String::new();
    for (var, value, into_text) in [
        ("bg", &page.css_body_background_color, true),
        ("fg", &page.css_font_color, true),
        ("fg2", &page.css_light_font_color, true),
        ("border", &page.css_border_color, true),
        ("link", &page.css_link_color, true),
        ("green", &page.css_greens, false),
        ("yellow", &page.css_yellows, false),
        ("orange", &page.css_oranges, false),
        ("red", &page.css_reds, false),
        ("blue", &page.css_blues, false),
        ("graph", &page.css_graph_color, false),
        ("nodata", &page.css_no_data, false),
    ] {
        if let Some(value) = colour(value.as_deref()) {
            let into = if into_text { &mut text } else { &mut status };
            let _ = write!(into, "--{var}:{value};");
            // Panels sit on the page's own background when it has one, under its own text.
            if var == "bg" {
                let _ = write!(into, "--panel:{value};");
            }
        }
    }
    (text, status)
}

const LIGHT: &str =
    "--bg:#ffffff;--fg:#1f2933;--fg2:#52606d;--border:#d9e2ec;--link:#1d4ed8;--panel:#f5f7fa;";
const DARK: &str =
    "--bg:#0f1720;--fg:#e4e7eb;--fg2:#a7b1bc;--border:#334155;--link:#8ab4f8;--panel:#16212d;";
const STATUS: &str = "--green:#1f9d55;--yellow:#d69e2e;--orange:#dd6b20;--red:#d92d20;--blue:#3b82f6;--graph:#3b82f6;--nodata:#b8c2cc;";

/// The stylesheet of `page`.
pub fn css(page: &status_pages::Model) -> String {
    let (text, status) = branding(page);
    let mut css = format!(
        ":root{{{LIGHT}{STATUS}color-scheme:light}}\
         :root[data-theme=dark]{{{DARK}color-scheme:dark}}\
         @media (prefers-color-scheme:dark){{:root[data-theme=auto]{{{DARK}color-scheme:dark}}}}"
    );
    if !text.is_empty() {
        let _ = write!(
            css,
            ":root[data-theme=light],:root[data-theme=dark]{{{text}}}\
             @media (prefers-color-scheme:light){{:root[data-theme=auto]{{{text}}}}}"
        );
    }
    if !status.is_empty() {
        let _ = write!(css, ":root[data-theme]{{{status}}}");
    }
    css.push_str(BASE);
    css
}

/// Layout, independent of the page: one column, readable on a phone, bars of 30 days there.
const BASE: &str = r#"
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
a{color:var(--link)}
a:focus-visible,li[tabindex]:focus-visible,summary:focus-visible{outline:3px solid var(--link);outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:var(--bg);padding:.5rem 1rem}
.skip:focus{left:0;z-index:10}
.wrap{max-width:52rem;margin:0 auto;padding:0 1rem}
header.top{border-bottom:1px solid var(--border)}
header.top .wrap{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem 1rem;padding-top:1rem;padding-bottom:1rem}
.brand{display:flex;align-items:center;gap:.75rem;color:var(--fg);text-decoration:none;font-weight:600;font-size:1.15rem}
.brand img{max-height:2.5rem;max-width:12rem}
nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:0;padding:0}
.hero{display:block;width:100%;max-height:14rem;object-fit:cover}
main{padding:1.5rem 0 2rem}
h1{font-size:1.75rem;line-height:1.25;margin:.5rem 0}
h2{font-size:1.25rem;margin:2rem 0 .75rem}
h3{font-size:1.05rem;margin:0}
.muted,.lede{color:var(--fg2)}
.banner{display:flex;align-items:center;gap:.75rem;border:1px solid var(--border);border-left:.5rem solid var(--c);border-radius:.375rem;padding:1rem 1.25rem;margin:1.5rem 0;background:var(--panel)}
.banner h2{margin:0;font-size:1.3rem}
.dot{display:inline-block;flex:none;width:.8rem;height:.8rem;border-radius:50%;background:var(--c)}
.dot.mt{border-radius:2px}.dot.dg,.dot.po{border-radius:2px;transform:rotate(45deg)}.dot.mo{border-radius:0}
.op{--c:var(--green)}.mt{--c:var(--blue)}.dg{--c:var(--yellow)}.po{--c:var(--orange)}.mo{--c:var(--red)}
.card{border:1px solid var(--border);border-radius:.375rem;padding:1rem 1.25rem;margin:.75rem 0;background:var(--bg)}
.card.incident{border-left:.35rem solid var(--c)}
ul.components{list-style:none;margin:0;padding:0;border:1px solid var(--border);border-radius:.375rem}
ul.components>li{padding:1rem 1.25rem;border-top:1px solid var(--border)}
ul.components>li:first-child{border-top:0}
.row{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:.25rem 1rem}
.state{display:inline-flex;align-items:center;gap:.4rem;font-size:.95rem}
.desc{color:var(--fg2);margin:.25rem 0 0;font-size:.95rem}
details.group>summary{cursor:pointer;list-style-position:outside;margin-left:1rem}
details.group>summary .row{display:inline-flex;width:calc(100% - .25rem)}
details.group ul{list-style:none;margin:.5rem 0 0;padding:0 0 0 1rem}
details.group ul>li{padding:.75rem 0;border-top:1px solid var(--border)}
ol.bar{display:flex;gap:2px;list-style:none;margin:.75rem 0 .25rem;padding:0;height:2.1rem}
ol.bar>li{flex:1;position:relative;background:var(--c);border-radius:1px;min-width:2px}
ol.bar>li:hover,ol.bar>li:focus{outline:2px solid var(--graph);outline-offset:1px}
.d0{--c:var(--nodata)}.d1{--c:var(--green)}.d2{--c:var(--yellow)}.d3{--c:var(--orange)}.d4{--c:var(--red)}
.tip{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
ol.bar>li:hover .tip,ol.bar>li:focus .tip{clip:auto;width:max-content;max-width:16rem;height:auto;overflow:visible;white-space:normal;bottom:calc(100% + .4rem);left:50%;transform:translateX(-50%);z-index:5;background:#1f2933;color:#ffffff;padding:.5rem .65rem;border-radius:.3rem;font-size:.85rem;line-height:1.35}
ol.bar>li:nth-child(-n+20):hover .tip,ol.bar>li:nth-child(-n+20):focus .tip{left:0;transform:none}
ol.bar>li:nth-last-child(-n+20):hover .tip,ol.bar>li:nth-last-child(-n+20):focus .tip{left:auto;right:0;transform:none}
.tip b{display:block}
.axis{display:flex;justify-content:space-between;gap:1rem;color:var(--fg2);font-size:.85rem}
.axis .short{display:none}
ol.updates{list-style:none;margin:.5rem 0 0;padding:0}
ol.updates>li{padding:.5rem 0;border-top:1px solid var(--border)}
ol.updates>li:first-child{border-top:0}
.body{white-space:pre-line;margin:.2rem 0}
.tag{display:inline-block;font-size:.8rem;border:1px solid var(--border);border-radius:1rem;padding:0 .55rem;color:var(--fg)}
.day{border-top:1px solid var(--border);padding:.75rem 0}
.day h3{font-size:1rem}
.postmortem{border-top:1px solid var(--border);margin-top:1.5rem}
.postmortem img{max-width:100%}
.postmortem pre{overflow-x:auto;background:var(--panel);padding:.75rem}
nav.pages ul{justify-content:space-between;margin-top:2rem}
footer{border-top:1px solid var(--border);color:var(--fg2);font-size:.9rem;padding:1rem 0 2rem}
form.subscribe fieldset{border:1px solid var(--border);border-radius:.5rem;margin:1rem 0;padding:.75rem 1rem}
form.subscribe label{display:block;margin:.5rem 0 .2rem}
form.subscribe input[type=email],form.subscribe input[type=tel],form.subscribe input[type=url],form.subscribe input[type=text]{width:100%;max-width:28rem;padding:.45rem;border:1px solid var(--border);border-radius:.3rem;background:var(--bg);color:var(--fg);font:inherit}
form.subscribe .check label,form.subscribe .choice label{display:inline;margin-left:.3rem}
button{font:inherit;padding:.45rem 1rem;border:1px solid var(--link);border-radius:.3rem;background:var(--link);color:#fff;cursor:pointer}
.notice{border:1px solid var(--border);border-radius:.5rem;padding:.75rem 1rem}
footer ul{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:.5rem 0 0;padding:0}
@media (max-width:40rem){
h1{font-size:1.4rem}
ol.bar>li:nth-child(-n+60){display:none}
.axis .long{display:none}.axis .short{display:inline}
ol.bar>li:nth-child(61):hover .tip,ol.bar>li:nth-child(61):focus .tip{left:0;transform:none}
}
@media (prefers-reduced-motion:reduce){*{transition:none!important}}
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_hex_colours_reach_the_stylesheet() {
        assert_eq!(colour(Some("#1A2b3c")), Some("#1A2b3c"));
        for bad in [
            "red",
            "#fff",
            "#12345g",
            "#123456;}body{display:none",
            "#123456\n",
            "</style><script>",
        ] {
            assert_eq!(colour(Some(bad)), None, "{bad}");
        }
    }
}
