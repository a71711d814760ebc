//! The words of the manual's page itself (the header button, the search box, "open it"), in
//! the app's code (small); the manual's text comes from `docs/` when the page opens.

use crate::Lang;

/// The labels of the manual's page and of the links to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ManualWords {
    /// The header button.
    pub button: &'static str,
    /// The button's hint: the keys that open the manual.
    pub button_hint: &'static str,
    /// The page's title.
    pub title: &'static str,
    pub contents: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    /// Above the results of a search.
    pub search_results: &'static str,
    pub print: &'static str,
    pub close: &'static str,
    /// Beside a section: open the feature it explains.
    pub open_feature: &'static str,
    pub loading: &'static str,
    pub load_failed: &'static str,
    pub retry: &'static str,
    pub to_top: &'static str,
    /// The keys of the manual, under its title.
    pub keys_hint: &'static str,
}

const ZH: ManualWords = ManualWords {
    button: "使用说明",
    button_hint: "使用说明与模型说明（按 ? 或 F1）",
    title: "使用说明与模型说明",
    contents: "目录",
    search_label: "搜索说明",
    search_placeholder: "如：流失率、链接、社工室",
    search_results: "搜索结果",
    print: "打印说明",
    close: "返回方案",
    open_feature: "在应用中打开",
    loading: "正在载入说明……",
    load_failed: "说明文件没能载入。请检查应用文件夹是否完整，或刷新页面后重试。",
    retry: "重试",
    to_top: "回到目录",
    keys_hint: "? 或 F1 打开说明 · Esc 返回方案 · 每个设置旁的 ⓘ 打开它的说明",
};

const EN: ManualWords = ManualWords {
    button: "How to use",
    button_hint: "How to use the app, and the model (press ? or F1)",
    title: "How to use · The model",
    contents: "Contents",
    search_label: "Search the manual",
    search_placeholder: "e.g. attrition, link, rooms",
    search_results: "Search results",
    print: "Print the manual",
    close: "Back to the plan",
    open_feature: "Open it in the app",
    loading: "Loading the manual…",
    load_failed: "The manual's files could not be loaded. Check that the app's folder is complete, or reload the page and try again.",
    retry: "Try again",
    to_top: "Back to the contents",
    keys_hint: "? or F1 opens the manual · Esc goes back to the plan · the ⓘ beside each setting opens its entry",
};

/// The manual page's words in a language.
pub fn manual_words(lang: Lang) -> &'static ManualWords {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// How many sections a search found: "找到 3 节" / "3 sections found", or that none was.
pub fn found_sections(count: usize, query: &str, lang: Lang) -> String {
    match (count, lang) {
        (0, Lang::Zh) => format!("没有找到含“{query}”的内容。试试别的词，或清空搜索看目录。"),
        (0, Lang::En) => {
            format!("Nothing holds “{query}”. Try other words, or clear the search to see the contents.")
        }
        (n, Lang::Zh) => format!("找到 {n} 节含“{query}”的内容。"),
        (1, Lang::En) => format!("1 section holds “{query}”."),
        (n, Lang::En) => format!("{n} sections hold “{query}”."),
    }
}

/// The hidden name of a setting's ⓘ link: "“每年新增人才”的说明".
pub fn about_setting(label: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("“{label}”的说明"),
        Lang::En => format!("About “{label}” in the manual"),
    }
}
