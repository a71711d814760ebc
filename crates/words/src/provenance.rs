//! Where a plan's numbers come from, in words: the planner's own sources (the chip, the source
//! form, the printed report, the CSV), and certified social workers entered as a total with its
//! split (issue 18, items 7 and 8).

use super::format::{format_whole, trim_decimals};
use super::strings::{document_citation, set_in_plan};
use super::Lang;
use swplan_engine::certified::CertifiedTotal;
use swplan_engine::{PlannerSource, Provenance};

/// The fixed words of the planner's sources and the certified total.
pub struct ProvenanceWords {
    /// The chip of a value with the planner's source.
    pub own_source_chip: &'static str,
    /// The heading of its pop-up.
    pub own_source_heading: &'static str,
    /// The chip of a value the planner set without saying where it comes from.
    pub own_value_chip: &'static str,
    pub own_value_heading: &'static str,
    /// What the pop-up of such a value says.
    pub no_source_given: &'static str,
    /// The last line of a setting's pop-up: a click on the chip opens the source form.
    pub click_to_cite: &'static str,
    /// The same, for a value the planner has cited already.
    pub click_to_edit: &'static str,
    /// The source form.
    pub form_label: &'static str,
    pub document_label: &'static str,
    pub document_placeholder: &'static str,
    pub date_label: &'static str,
    pub date_placeholder: &'static str,
    pub quote_label: &'static str,
    pub quote_placeholder: &'static str,
    pub save_source: &'static str,
    pub remove_source: &'static str,
    pub cancel: &'static str,
    /// The certified total.
    pub total_hint: &'static str,
    pub by_level: &'static str,
    pub by_total: &'static str,
    pub split_heading: &'static str,
    pub mid_rest: &'static str,
    pub default_split: &'static str,
    pub own_split: &'static str,
    /// The kinds of origin, as the printed report and the CSV name them.
    pub kind_document: &'static str,
    pub kind_assumption: &'static str,
    pub kind_planner_source: &'static str,
    pub kind_set_by_planner: &'static str,
    /// The printed report's and the CSV's row for the split.
    pub split_row: &'static str,
}

pub const ZH: ProvenanceWords = ProvenanceWords {
    own_source_chip: "自填来源",
    own_source_heading: "来源（规划者填写）",
    own_value_chip: "自设",
    own_value_heading: "本方案自设的数值",
    no_source_given: "未注明来源。可填写文件、日期和引文，报告和导出文件会一并列出。",
    click_to_cite: "点击可注明本方案的来源。",
    click_to_edit: "点击可修改或删除这条来源。",
    form_label: "这个数值的来源",
    document_label: "文件或出处",
    document_placeholder: "如：《2023年某市民政事业发展统计公报》",
    date_label: "日期",
    date_placeholder: "如：2024-03",
    quote_label: "引文或说明",
    quote_placeholder: "如：全市持证社工3658人",
    save_source: "保存来源",
    remove_source: "删除来源",
    cancel: "取消",
    total_hint: "多数报告只给出持证社工总数：在此填入总数，再按级别比例（假设，可修改）分到三个级别。",
    by_level: "改为按级别分别填写",
    by_total: "按总数填写",
    split_heading: "级别结构",
    mid_rest: "中级（社会工作师）为其余",
    default_split: "假设：来源未分级别时，按全国结构取初级约75%、高级约0.05%、其余为中级（民政部2019年7月公布累计33.2万人取得助理社会工作师证书、10.7万人取得社会工作师证书（央视网，2019-07-31），即初级约76%、中级约24%；《湖北日报》2022年2月22日报道湖北25855名持证社工中高级仅12人）。请按本地数据修改。",
    own_split: "级别结构由规划者设定。",
    kind_document: "来源",
    kind_assumption: "假设",
    kind_planner_source: "规划者来源",
    kind_set_by_planner: "规划者设定",
    split_row: "持证社工级别结构",
};

pub const EN: ProvenanceWords = ProvenanceWords {
    own_source_chip: "Your source",
    own_source_heading: "Source (given by the planner)",
    own_value_chip: "Your value",
    own_value_heading: "A value set in this plan",
    no_source_given: "No source given. Name the document, its date and the sentence: the report and the exported file list it.",
    click_to_cite: "Click to cite a source of your own.",
    click_to_edit: "Click to change or remove this source.",
    form_label: "Where this value comes from",
    document_label: "Document",
    document_placeholder: "e.g. 2023 civil-affairs statistics bulletin",
    date_label: "Date",
    date_placeholder: "e.g. 2024-03",
    quote_label: "Quote or note",
    quote_placeholder: "e.g. 3,658 certified social workers",
    save_source: "Save source",
    remove_source: "Remove source",
    cancel: "Cancel",
    total_hint: "Most reports give only the total: enter it here, and shares by level (an assumption you can change) split it into the three levels.",
    by_level: "Enter each level instead",
    by_total: "Enter the total",
    split_heading: "Split by level",
    mid_rest: "mid-level: the rest",
    default_split: "Assumption: where the source gives no levels, the national structure, about 75% junior and 0.05% senior, the rest mid-level (the Ministry of Civil Affairs reported in July 2019 that 332,000 had passed as junior and 107,000 as mid-level (CCTV.com, 31 July 2019), about 76% and 24%; Hubei Daily reported on 22 February 2022 only 12 seniors among Hubei's 25,855 holders). Replace with local data.",
    own_split: "Split set by the planner.",
    kind_document: "Source",
    kind_assumption: "Assumption",
    kind_planner_source: "Planner's source",
    kind_set_by_planner: "Set by the planner",
    split_row: "Certified split by level",
};

pub fn provenance_words(lang: Lang) -> &'static ProvenanceWords {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// A planner's source in one line: "《…公报》，2024-03：“全市持证社工3658人”" /
/// "2023 bulletin, 2024-03: “3,658 certified”", each part only when given.
pub fn planner_source_text(source: &PlannerSource, lang: Lang) -> String {
    // A value fitted to actuals cites the fit, in the language on screen.
    if let Some(years) = swplan_plans::life::fitted_years(source) {
        return crate::calibration::fitted_provenance(years, lang);
    }
    let head: Vec<&str> = [source.document.trim(), source.date.trim()]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect();
    let head = head.join(lang.pick("，", ", "));
    let quote = source.quote.trim();
    match (head.is_empty(), quote.is_empty(), lang) {
        (_, true, _) => head,
        (true, false, _) => quote.to_string(),
        (false, false, Lang::Zh) => format!("{head}：“{quote}”"),
        (false, false, Lang::En) => format!("{head}: “{quote}”"),
    }
}

/// What a value's origin is, as the printed report and the CSV list it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OriginKind {
    /// A sentence of a source document (a preset's).
    Document,
    /// A stated assumption (a preset's, or the template's).
    Assumption,
    /// The planner's own source.
    PlannerSource,
    /// Set by the planner, without a source.
    SetByPlanner,
}

impl OriginKind {
    pub fn label(self, lang: Lang) -> &'static str {
        let words = provenance_words(lang);
        match self {
            OriginKind::Document => words.kind_document,
            OriginKind::Assumption => words.kind_assumption,
            OriginKind::PlannerSource => words.kind_planner_source,
            OriginKind::SetByPlanner => words.kind_set_by_planner,
        }
    }
}

/// Where a value of the plan comes from, and the details: the planner's source first (with the
/// value it replaced, `was`, when it was changed), else a value set without one, else the
/// origin's source or assumption. `None` when nothing is known.
pub fn value_origin(
    own: Option<&PlannerSource>,
    was: Option<&str>,
    origin: Option<&Provenance>,
    lang: Lang,
) -> Option<(OriginKind, String)> {
    match (own, was, origin) {
        (Some(source), was, _) => {
            let text = planner_source_text(source, lang);
            let detail = match was {
                Some(was) => match lang {
                    Lang::Zh => format!("{text}（原值 {was}）"),
                    Lang::En => format!("{text} (was {was})"),
                },
                None => text,
            };
            Some((OriginKind::PlannerSource, detail))
        }
        (None, Some(was), _) => {
            let missing = lang.pick("，未注明来源", "; no source given");
            Some((
                OriginKind::SetByPlanner,
                format!("{}{missing}", set_in_plan(was, lang)),
            ))
        }
        (
            None,
            None,
            Some(Provenance::Source {
                doc,
                quote,
                note,
                note_en,
            }),
        ) => {
            let note = lang
                .pick_option(note, note_en)
                .map(|n| format!(" {n}"))
                .unwrap_or_default();
            Some((
                OriginKind::Document,
                format!("{}：「{quote}」{note}", document_citation(doc, lang)),
            ))
        }
        (
            None,
            None,
            Some(Provenance::Assumption {
                assumption,
                assumption_en,
            }),
        ) => Some((
            OriginKind::Assumption,
            lang.pick(assumption, assumption_en).to_string(),
        )),
        (None, None, None) => None,
    }
}

/// The split of a certified total: "初级 75%，高级 0.05%，中级为其余（24.95%）".
pub fn split_text(total: &CertifiedTotal, lang: Lang) -> String {
    let percent = |share: f64| format_share(share, lang);
    match lang {
        Lang::Zh => format!(
            "初级 {}，高级 {}，中级为其余（{}）",
            percent(total.junior_share),
            percent(total.senior_share),
            percent(total.mid_share())
        ),
        Lang::En => format!(
            "junior {}, senior {}, mid-level the rest ({})",
            percent(total.junior_share),
            percent(total.senior_share),
            percent(total.mid_share())
        ),
    }
}

/// A share with the digits a split needs: 0.05 % and 24.95 % stay as they are.
pub fn format_share(share: f64, lang: Lang) -> String {
    let _ = lang; // Both languages write percentages the same way.
    let digits = if share > 0.0 && share < 0.01 { 3 } else { 2 };
    format!("{}%", trim_decimals(share * 100.0, digits))
}

/// The three stocks a total gives: "初级 2744 人 · 中级 912 人 · 高级 2 人".
pub fn levels_text(levels: [f64; 3], lang: Lang) -> String {
    let [junior, mid, senior] = levels.map(|v| format_whole(v, lang));
    match lang {
        Lang::Zh => format!("初级 {junior} 人 · 中级 {mid} 人 · 高级 {senior} 人"),
        Lang::En => format!("junior {junior} · mid-level {mid} · senior {senior}"),
    }
}

/// Why the three certified stocks are what they are, when a total gives them.
pub fn from_total_note(total: &CertifiedTotal, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "由持证社工总数 {} 人按级别比例推算（{}）",
            format_whole(total.total, lang),
            split_text(total, lang)
        ),
        Lang::En => format!(
            "From the certified total of {} by its split ({})",
            format_whole(total.total, lang),
            split_text(total, lang)
        ),
    }
}

/// Where the split comes from: the default assumption, or the planner.
pub fn split_origin(total: &CertifiedTotal, lang: Lang) -> (OriginKind, &'static str) {
    let words = provenance_words(lang);
    if total.has_default_split() {
        (OriginKind::Assumption, words.default_split)
    } else {
        (OriginKind::SetByPlanner, words.own_split)
    }
}

/// The share dialog's note on sources a link leaves out for length.
pub fn sources_left_out(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "有 {count} 条来源说明太长，未放入链接；保存方案或导出文件会保留全部来源。"
        ),
        Lang::En if count == 1 => "One source is too long for the link; saving the plan or exporting a file keeps every source.".to_string(),
        Lang::En => format!(
            "{count} sources are too long for the link; saving the plan or exporting a file keeps every source."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use swplan_engine::certified::{DEFAULT_JUNIOR_SHARE, DEFAULT_SENIOR_SHARE};

    fn bulletin() -> PlannerSource {
        PlannerSource {
            document: "《2023年某市民政事业发展统计公报》".into(),
            date: "2024-03".into(),
            quote: "全市持证社工3658人".into(),
        }
    }

    #[test]
    fn a_planners_source_reads_as_one_line_with_the_parts_given() {
        assert_eq!(
            planner_source_text(&bulletin(), Lang::Zh),
            "《2023年某市民政事业发展统计公报》，2024-03：“全市持证社工3658人”"
        );
        let note = PlannerSource {
            quote: "Planning meeting".into(),
            ..PlannerSource::default()
        };
        assert_eq!(planner_source_text(&note, Lang::En), "Planning meeting");
    }

    #[test]
    fn a_value_set_by_the_planner_with_a_source_is_the_planners_source_not_self_set() {
        let (kind, detail) = value_origin(Some(&bulletin()), Some("0 人"), None, Lang::Zh).unwrap();
        assert_eq!(kind, OriginKind::PlannerSource);
        assert!(detail.contains("全市持证社工3658人"), "{detail}");
        assert!(detail.contains("原值 0 人"), "{detail}");
        let (kind, detail) = value_origin(None, Some("0 people"), None, Lang::En).unwrap();
        assert_eq!(kind, OriginKind::SetByPlanner);
        assert!(detail.ends_with("no source given"), "{detail}");
    }

    #[test]
    fn the_default_split_is_stated_with_its_numbers() {
        let total = CertifiedTotal::with_default_split(3658.0);
        assert_eq!(
            split_text(&total, Lang::Zh),
            "初级 75%，高级 0.05%，中级为其余（24.95%）"
        );
        let (kind, text) = split_origin(&total, Lang::Zh);
        assert_eq!(kind, OriginKind::Assumption);
        assert!(text.contains("75%") && text.contains("0.05%"));
        // The words state the numbers the model uses.
        assert_eq!((DEFAULT_JUNIOR_SHARE, DEFAULT_SENIOR_SHARE), (0.75, 0.0005));
        assert_eq!(
            levels_text(total.levels(), Lang::En),
            "junior 2,744 · mid-level 912 · senior 2"
        );
    }
}
