//! Writing a story as a file: TOML for `seeds/stories/` (people read and review it), JSON for
//! the app to read back (it carries no TOML parser). Both read back with `story::parse` as the
//! same story. The TOML is written by hand: the `toml` crate is built for reading only, and the
//! browser, which records stories, has none.

use super::Story;

impl Story {
    /// The story as a TOML file in the layout of `seeds/stories/`.
    pub fn to_toml(&self) -> String {
        let mut out = format!("format = {}\n", self.format);
        pair(&mut out, "id", &self.id);
        pair(&mut out, "title", &self.title);
        pair(&mut out, "title_en", &self.title_en);
        pair(&mut out, "preset", &self.preset);
        if let Some(version) = self.data_version {
            out += &format!("data_version = {version}\n");
        }
        out += &format!("model = {}\n", self.model);
        pair(&mut out, "intro", &self.intro);
        pair(&mut out, "intro_en", &self.intro_en);
        for step in &self.steps {
            out.push_str("\n[[step]]\n");
            if !step.changes.is_empty() {
                pair(&mut out, "changes", &step.changes);
            }
            pair(&mut out, "caption", &step.caption);
            pair(&mut out, "caption_en", &step.caption_en);
            for (key, value) in [
                ("highlight", &step.highlight),
                ("question", &step.question),
                ("question_en", &step.question_en),
            ] {
                if let Some(value) = value {
                    pair(&mut out, key, value);
                }
            }
            for (key, list) in [
                ("asks", &step.asks),
                ("choices", &step.choices),
                ("choices_en", &step.choices_en),
            ] {
                if !list.is_empty() {
                    let texts: Vec<String> = list.iter().map(|k| toml_string(k)).collect();
                    out += &format!("{key} = [{}]\n", texts.join(", "));
                }
            }
            if let Some(answer) = step.answer {
                out += &format!("answer = {answer}\n");
            }
            if !step.sources.is_empty() {
                out.push_str("sources = [\n");
                for citation in &step.sources {
                    out += &format!(
                        "    {{ doc = {}, quote = {} }},\n",
                        toml_string(&citation.doc),
                        toml_string(&citation.quote)
                    );
                }
                out.push_str("]\n");
            }
        }
        out
    }

    /// The story as JSON, which the app reads back.
    pub fn to_json(&self) -> String {
        // Cannot fail: a story holds only strings, numbers and lists.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// `key = "value"` on a line of its own.
fn pair(out: &mut String, key: &str, value: &str) {
    *out += &format!("{key} = {}\n", toml_string(value));
}

/// A TOML basic string: quotes and backslashes escaped, control characters as escapes.
fn toml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out += &format!("\\u{:04X}", u32::from(c)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
