//! Results leaving the app as files: the year table as a CSV that Excel opens correctly.
//! Pure: the browser's download and the command line's stdout call these functions.

pub mod actuals_csv;
pub mod cells;
pub mod csv;

/// The part of a download's file name that says which plan it is: the plan's own name, else its
/// region as the planner reads it ("成都市", "Yunnan"), with the characters file systems refuse
/// replaced; `fallback` (the region's id) when nothing readable is left.
pub fn file_stem(name: Option<&str>, region: &str, fallback: &str) -> String {
    let source = name.filter(|n| !n.trim().is_empty()).unwrap_or(region);
    let mut stem = String::new();
    for c in source.chars() {
        let refused =
            c.is_control() || c.is_whitespace() || "/\\:*?\"<>|#%&{}$!'`=@+.,;".contains(c);
        if !refused {
            stem.push(c);
        } else if !stem.ends_with('-') {
            stem.push('-');
        }
        if stem.chars().count() >= 60 {
            break;
        }
    }
    let stem = stem.trim_matches('-');
    if stem.is_empty() {
        fallback.to_string()
    } else {
        stem.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::file_stem;

    #[test]
    fn a_file_stem_names_the_plan_readably_and_safely() {
        assert_eq!(file_stem(None, "成都市", "custom"), "成都市");
        assert_eq!(
            file_stem(Some("方案 A: 多招人"), "云南省", "yunnan"),
            "方案-A-多招人"
        );
        assert_eq!(
            file_stem(Some("  "), "Yunnan Province", "yunnan"),
            "Yunnan-Province"
        );
        assert_eq!(file_stem(None, "../..", "custom"), "custom");
        assert_eq!(file_stem(None, &"长".repeat(100), "x").chars().count(), 60);
    }
}
