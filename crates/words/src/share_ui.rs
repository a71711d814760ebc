//! The share dialog's words for a comparison: what is shared (this plan, or every plan of the
//! comparison in one link), in both languages. The dialog's other words are in `strings`.

use super::Lang;

/// "分享此比较" / "Share this comparison".
pub fn share_comparison_title(lang: Lang) -> &'static str {
    lang.pick("分享此比较", "Share this comparison")
}

/// The button beside the comparison's plans: "分享此比较（4个方案）" / "Share this comparison (4 plans)".
pub fn share_comparison_button(plans: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("分享此比较（{plans}个方案）"),
        Lang::En => format!("Share this comparison ({plans} plans)"),
    }
}

/// What the dialog shares, as a choice: "只分享正在编辑的方案：B · 乙" / "全部4个方案，一个链接".
pub fn share_scope(whole: bool, plans: usize, active_title: &str, lang: Lang) -> String {
    match (whole, lang) {
        (false, Lang::Zh) => format!("此方案：{active_title}"),
        (false, Lang::En) => format!("This plan: {active_title}"),
        (true, Lang::Zh) => format!("此比较：全部{plans}个方案，一个链接"),
        (true, Lang::En) => format!("This comparison: all {plans} plans in one link"),
    }
}

/// The group of the two choices: "分享什么" / "What to share".
pub fn share_scope_label(lang: Lang) -> &'static str {
    lang.pick("分享什么", "What to share")
}

/// Under the title of a shared comparison.
pub fn share_comparison_intro(plans: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("一个链接包含比较中的全部{plans}个方案，打开后并排比较，数字完全相同；不含任何个人信息，也不经过服务器。"),
        Lang::En => format!("One link carries all {plans} plans of the comparison and reopens them side by side with the same numbers; it holds no personal data and passes through no server."),
    }
}

/// "此比较链接的二维码" / "QR code of this comparison's link".
pub fn comparison_qr_label(lang: Lang) -> &'static str {
    lang.pick("此比较链接的二维码", "QR code of this comparison’s link")
}

/// "用手机扫码，打开同一比较" / "Scan with a phone to open the same comparison".
pub fn comparison_qr_caption(lang: Lang) -> &'static str {
    lang.pick(
        "用手机扫码，打开同一比较",
        "Scan with a phone to open the same comparison",
    )
}

/// "下载全部方案文件（JSON）" / "Download all the plans as a file (JSON)".
pub fn export_comparison_file(lang: Lang) -> &'static str {
    lang.pick(
        "下载全部方案文件（JSON）",
        "Download all the plans as a file (JSON)",
    )
}
