//! Every fixed string of the interface, in both languages. A struct rather than a lookup table,
//! so that a string missing in one language is a compile error, not a blank on screen.

use super::Lang;
use swplan_engine::params::Unit;

pub struct Strings {
    pub app_title: &'static str,
    pub app_subtitle: &'static str,
    pub preset_label: &'static str,
    pub language_toggle: &'static str,
    pub language_toggle_label: &'static str,
    pub end_year_label: &'static str,
    pub targets_heading: &'static str,
    pub met: &'static str,
    pub not_met: &'static str,
    pub at_deadline: &'static str,
    pub first_met: &'static str,
    pub never_met: &'static str,
    pub gap: &'static str,
    pub probability: &'static str,
    pub median_first_met: &'static str,
    pub computing: &'static str,
    pub what_it_takes: &'static str,
    pub lever: &'static str,
    pub confidence: &'static str,
    pub plan_only: &'static str,
    pub apply: &'static str,
    pub no_targets: &'static str,
    pub target_source: &'static str,
    pub warnings_heading: &'static str,
    pub invalid_banner: &'static str,
    pub charts_heading: &'static str,
    pub chart_talent: &'static str,
    pub chart_certified: &'static str,
    pub chart_coverage: &'static str,
    pub chart_budget: &'static str,
    pub band_legend: &'static str,
    pub target_line: &'static str,
    pub deadline: &'static str,
    pub show_data: &'static str,
    pub series_total: &'static str,
    pub series_junior: &'static str,
    pub series_mid: &'static str,
    pub series_senior: &'static str,
    pub series_stations: &'static str,
    pub series_rooms: &'static str,
    pub series_yearly: &'static str,
    pub series_cumulative: &'static str,
    pub year_table_heading: &'static str,
    pub year: &'static str,
    pub budget_cumulative: &'static str,
    pub staff_needed: &'static str,
    pub controls_heading: &'static str,
    pub levers_subheading: &'static str,
    pub assumptions_subheading: &'static str,
    pub source_chip: &'static str,
    pub assumption_chip: &'static str,
    pub changed_chip: &'static str,
    pub per_year: &'static str,
    pub varies_by_year: &'static str,
    pub same_every_year: &'static str,
    pub close: &'static str,
    pub reset: &'static str,
    pub runs: &'static str,
    pub seed: &'static str,
    pub runs_done: &'static str,
    pub panic_message: &'static str,
    /// The first view's settings column while the app loads.
    pub first_view_loading: &'static str,
    /// The first view of a link the app will open with notes on it.
    pub first_view_notes: &'static str,
    pub storage_failed: &'static str,
    pub footer: &'static str,
    pub dismiss: &'static str,
    pub horizon_help: &'static str,
    pub per_year_suffix: &'static str,
    pub skip_to_controls: &'static str,
    pub updating: &'static str,
    pub redo: &'static str,
    pub story_end: &'static str,
    pub story_changes: &'static str,
    pub budget_note: &'static str,
    pub compare_fold: &'static str,
    pub local_address_warning: &'static str,
    pub story_title: &'static str,
    pub odds_short: &'static str,
    pub over_ceiling: &'static str,
    pub loading: &'static str,
    pub compare_heading: &'static str,
    pub editing: &'static str,
    pub edit_plan: &'static str,
    pub remove: &'static str,
    pub compare_full: &'static str,
    pub compare_copy: &'static str,
    pub compare_baseline: &'static str,
    pub compare_save: &'static str,
    pub compare_link: &'static str,
    pub compare_add: &'static str,
    pub show_baseline: &'static str,
    pub baseline_help: &'static str,
    pub plan: &'static str,
    pub verdict: &'static str,
    pub not_in_horizon: &'static str,
    pub diff_heading: &'static str,
    pub no_difference: &'static str,
    pub presenter_controls: &'static str,
    pub presenter_back: &'static str,
    pub presenter_next: &'static str,
    pub pause: &'static str,
    pub play: &'static str,
    pub exit_presenter: &'static str,
    pub playback_year: &'static str,
    pub presenter_hint: &'static str,
    pub reveal_hint: &'static str,
    pub intro_hint: &'static str,
    pub story_callouts: &'static str,
    pub year_events: &'static str,
    pub presenter_side: &'static str,
    pub pick_levers: &'static str,
    pub stories_title: &'static str,
    pub stories_intro: &'static str,
    pub present_story: &'static str,
    pub open_story_file: &'static str,
    pub record_story: &'static str,
    pub recording_label: &'static str,
    pub add_step: &'static str,
    pub undo_step: &'static str,
    pub export_story_file: &'static str,
    pub story_link: &'static str,
    pub stop_recording: &'static str,
    pub step_caption: &'static str,
    pub step_caption_en: &'static str,
    pub step_highlight: &'static str,
    pub step_question: &'static str,
    pub step_question_en: &'static str,
    pub save_step: &'static str,
    pub presenter_button: &'static str,
    pub stories_button: &'static str,
    pub pool_button: &'static str,
    pub training_menu: &'static str,
    pub export_menu: &'static str,
    pub report_basis: &'static str,
    pub custom_region: &'static str,
    pub report_date: &'static str,
    pub report_link: &'static str,
    pub report_changes: &'static str,
    pub report_no_changes: &'static str,
    pub report_lever: &'static str,
    pub report_preset_value: &'static str,
    pub report_plan_value: &'static str,
    pub report_sources: &'static str,
    pub report_kind: &'static str,
    pub report_detail: &'static str,
    pub region_and_targets: &'static str,
    pub add_target: &'static str,
    pub restore_targets: &'static str,
    pub target_metric: &'static str,
    pub target_threshold: &'static str,
    pub target_deadline: &'static str,
    pub region_name: &'static str,
    pub base_year: &'static str,
    pub saves_title: &'static str,
    pub save_name: &'static str,
    pub save_as: &'static str,
    pub no_saves: &'static str,
    pub import_file: &'static str,
    pub export_all: &'static str,
    pub open_link_label: &'static str,
    pub open_link: &'static str,
    pub link_read_in_part: &'static str,
    pub open_anyway: &'static str,
    pub open_now: &'static str,
    pub met_but_unlikely: &'static str,
    pub on_track_but_unlikely: &'static str,
    pub open_now_changed: &'static str,
    pub untitled: &'static str,
    pub open: &'static str,
    pub rename: &'static str,
    pub rename_done: &'static str,
    pub duplicate: &'static str,
    pub delete: &'static str,
    pub share_title: &'static str,
    pub share_intro: &'static str,
    pub share_link_label: &'static str,
    pub copy_link: &'static str,
    pub copied: &'static str,
    pub copy_refused: &'static str,
    pub include_language: &'static str,
    pub qr_label: &'static str,
    pub qr_caption: &'static str,
    pub qr_too_long: &'static str,
    pub export_plan_file: &'static str,
    pub new_region: &'static str,
    pub saves_button: &'static str,
    pub share_button: &'static str,
    pub export_csv: &'static str,
    pub print_report: &'static str,
    pub download_svg: &'static str,
    pub download_png: &'static str,
    pub storage_unavailable: &'static str,
    pub link_opened_with_problems: &'static str,
    pub link_opened_with_notes: &'static str,
    pub use_current_model: &'static str,
    pub verdict_bar_label: &'static str,
    pub view_switch_label: &'static str,
    pub view_settings: &'static str,
    pub view_results: &'static str,
    pub met_as_planned: &'static str,
    pub not_met_as_planned: &'static str,
    pub margin: &'static str,
    pub own_target: &'static str,
    pub help_label: &'static str,
    pub median_help: &'static str,
    pub assumption_heading: &'static str,
    pub what_it_takes_help: &'static str,
    pub what_it_takes_short: &'static str,
    pub apply_replacing_schedule: &'static str,
    /// Beside a disabled Apply: the answer was worked out from the last valid inputs.
    pub apply_blocked_invalid: &'static str,
    pub effect_on_targets: &'static str,
    /// The same, for an answer at a confidence: each target also with its odds.
    pub effect_on_targets_odds: &'static str,
    pub same_every_year_value: &'static str,
    pub replace_schedule: &'static str,
    pub cancel: &'static str,
    pub undo: &'static str,
    pub go_to_field: &'static str,
    pub skip_to_results: &'static str,
    pub scroll_hint: &'static str,
    pub year_table_scroll_label: &'static str,
    /// After a table's heading, for screen readers: the table scrolls sideways.
    pub table_scrolls_suffix: &'static str,
    /// The printed report's kind of a value the planner set (not the preset's source).
    pub set_by_planner: &'static str,
}

pub const ZH: Strings = Strings {
    app_title: "社工人才规划沙盘",
    app_subtitle: "社会工作人才队伍建设目标逐年测算",
    preset_label: "预设地区",
    language_toggle: "English",
    language_toggle_label: "切换到英文界面",
    end_year_label: "规划末年",
    targets_heading: "目标达成情况",
    met: "达成",
    not_met: "未达成",
    at_deadline: "届时",
    first_met: "首次达到",
    never_met: "规划期内未达到",
    gap: "缺口",
    probability: "达成概率",
    median_first_met: "模拟中位首次达到",
    computing: "计算中…",
    what_it_takes: "需要多少？",
    lever: "调整杠杆",
    confidence: "把握程度",
    plan_only: "按计划值（不含不确定性）",
    apply: "采用此值",
    no_targets: "该方案没有设定目标。",
    target_source: "目标出处",
    warnings_heading: "提示",
    invalid_banner: "以下输入无效，结果仍按上一次有效的输入计算：",
    charts_heading: "逐年趋势",
    chart_talent: "社会工作人才总量",
    chart_certified: "持证社工（按级别）",
    chart_coverage: "社工站与社工室覆盖率",
    chart_budget: "预算（当年与累计）",
    band_legend: "P10–P90 区间",
    target_line: "目标",
    deadline: "截止",
    show_data: "查看数据表",
    series_total: "持证合计",
    series_junior: "助理社会工作师",
    series_mid: "社会工作师",
    series_senior: "高级社会工作师",
    series_stations: "社工站覆盖率",
    series_rooms: "社工室覆盖率",
    series_yearly: "当年预算",
    series_cumulative: "累计预算",
    year_table_heading: "逐年数据",
    year: "年份",
    budget_cumulative: "累计预算",
    staff_needed: "站室所需社工",
    controls_heading: "参数设置",
    levers_subheading: "政策杠杆",
    assumptions_subheading: "起点与假设",
    source_chip: "来源",
    assumption_chip: "假设",
    changed_chip: "已修改",
    per_year: "逐年设置",
    varies_by_year: "逐年不同",
    same_every_year: "改为每年相同…",
    close: "关闭",
    reset: "恢复预设值",
    runs: "模拟次数",
    seed: "随机种子",
    runs_done: "次模拟",
    panic_message: "很抱歉，应用遇到意外错误。请刷新页面后重试。",
    first_view_loading: "完整功能正在载入……",
    first_view_notes: "关于此链接的说明将在设置载入后显示于此。",
    storage_failed: "无法在此浏览器中保存语言偏好（存储不可用），本次访问仍可正常使用。",
    footer: "所有计算均在您的浏览器中完成，不向任何服务器发送数据。",
    dismiss: "知道了",
    horizon_help: "最多为基准年后 30 年",
    per_year_suffix: "/年",
    skip_to_controls: "跳到参数设置",
    updating: "更新中…",
    redo: "重做",
    story_end: "（故事结束）",
    story_changes: "这一步的调整",
    budget_note: "预算只含社工站、社工室的建设与运营经费和持证奖补，不含人员工资与招聘费用。",
    compare_fold: "方案对比与基准线",
    local_address_warning: "注意：本页是在本机地址打开的（如 127.0.0.1），链接和二维码只能在这台电脑上打开。请把应用文件夹放到单位内网服务器上，从那里打开后再分享。",
    story_title: "故事标题",
    odds_short: "概率",
    over_ceiling: "超出",
    loading: "正在加载…",
    compare_heading: "方案对比",
    editing: "正在编辑",
    edit_plan: "编辑",
    remove: "移除",
    compare_full: "最多同时对比 4 个方案。",
    compare_copy: "＋ 复制当前方案来对比",
    compare_baseline: "＋ 加入预设基准",
    compare_save: "＋ 加入我的方案…",
    compare_link: "粘贴方案链接",
    compare_add: "加入对比",
    show_baseline: "图中显示基准线（不作新决策）",
    baseline_help: "基准：预设本来的数值（来源文件与标明的假设），即不作任何新决策时的走势。拿它对照，能看出一个方案的调整带来了多少变化。",
    plan: "方案",
    verdict: "结论",
    not_in_horizon: "截止年不在该方案规划期内",
    diff_heading: "各方案不同的设置",
    no_difference: "各方案的设置完全相同。",
    presenter_controls: "演示控制",
    presenter_back: "上一步",
    presenter_next: "下一步",
    pause: "暂停 (P)",
    play: "逐年播放 (P)",
    exit_presenter: "退出演示 (Esc)",
    playback_year: "显示到哪一年",
    presenter_hint: "空格 / → 下一步 · ← 上一步 · P 播放/暂停 · Esc 退出（翻页笔可用）",
    reveal_hint: "请大家先预测，再按空格键揭晓。",
    intro_hint: "按空格键开始。",
    story_callouts: "与上一步相比",
    year_events: "本年事件",
    presenter_side: "扫码与杠杆",
    pick_levers: "选择显示的杠杆",
    stories_title: "培训故事",
    stories_intro: "每个故事一步步改变方案并提问，让学员先预测再看结果。数字均来自来源文件或明确标注的假设。",
    present_story: "开始演示",
    open_story_file: "打开故事文件…",
    record_story: "录制新故事",
    recording_label: "正在录制故事",
    add_step: "记录这一步…",
    undo_step: "撤销上一步",
    export_story_file: "导出故事文件",
    story_link: "生成故事链接",
    stop_recording: "结束录制",
    step_caption: "说明（中文）",
    step_caption_en: "说明（英文，可留空）",
    step_highlight: "突出显示的图表",
    step_question: "先提问（可选，中文）",
    step_question_en: "先提问（可选，英文）",
    save_step: "记录此步",
    presenter_button: "演示模式",
    stories_button: "培训故事",
    pool_button: "工作坊汇总",
    training_menu: "培训",
    export_menu: "导出",
    report_basis: "起点",
    custom_region: "自建地区（空白模板）",
    report_date: "打印日期",
    report_link: "扫码或打开此链接，可看到同一方案：",
    report_changes: "相对预设修改的参数",
    report_no_changes: "未修改任何参数：本报告即预设方案。",
    report_lever: "参数",
    report_preset_value: "预设值",
    report_plan_value: "本方案",
    report_sources: "各项数据的来源与假设",
    report_kind: "类型",
    report_detail: "出处或理由",
    region_and_targets: "地区与目标",
    add_target: "＋ 添加目标",
    restore_targets: "恢复预设目标",
    target_metric: "目标指标",
    target_threshold: "目标值",
    target_deadline: "截止",
    region_name: "地区名称",
    base_year: "基准年",
    saves_title: "我的方案",
    save_name: "方案名称",
    save_as: "另存为新方案",
    no_saves: "还没有保存的方案。",
    import_file: "导入方案文件…",
    export_all: "导出全部方案",
    open_link_label: "打开链接（粘贴同事发来的链接）",
    open_link: "打开",
    link_read_in_part: "这个链接不完整或有误，只能读取一部分（当前方案尚未改变）：",
    open_anyway: "仍然打开",
    open_now: "当前方案",
    met_but_unlikely: "按计划达成，但多数模拟未达成",
    on_track_but_unlikely: "按计划可达成，但多数模拟未按期达成",
    open_now_changed: "当前方案 · 有未保存的修改",
    untitled: "未命名方案",
    open: "打开",
    rename: "重命名",
    rename_done: "确定",
    duplicate: "复制",
    delete: "删除",
    share_title: "分享此方案",
    share_intro: "链接包含此方案的全部设置，打开后数字完全相同；不含任何个人信息，也不经过服务器。",
    share_link_label: "链接",
    copy_link: "复制链接",
    copied: "✓ 已复制到剪贴板，可粘贴到微信等聊天工具。",
    copy_refused: "浏览器不允许自动复制：链接已选中，请按 Ctrl+C（手机上长按）复制。",
    include_language: "链接中包含当前界面语言",
    qr_label: "此方案链接的二维码",
    qr_caption: "用手机扫码，打开同一方案",
    qr_too_long: "链接过长，无法生成二维码；请复制链接或导出方案文件。",
    export_plan_file: "下载方案文件（JSON）",
    new_region: "新建地区",
    saves_button: "我的方案",
    share_button: "分享",
    export_csv: "导出数据（Excel）",
    print_report: "打印报告",
    download_svg: "下载 SVG",
    download_png: "下载 PNG",
    storage_unavailable: "此浏览器不允许保存数据（可能是隐私模式或单位策略）：测算照常可用，但无法自动保存和保存方案。可用“分享”链接或“导出方案文件”保留工作。",
    link_opened_with_problems: "已打开链接中的方案，但链接中有部分内容无法读取，已按下述方式处理：",
    link_opened_with_notes: "已打开链接中的方案。请注意：",
    use_current_model: "改用现在的口径",
    verdict_bar_label: "目标达成概览",
    view_switch_label: "切换显示",
    view_settings: "参数设置",
    view_results: "测算结果",
    met_as_planned: "按计划达成",
    not_met_as_planned: "按计划未达成",
    margin: "余量",
    own_target: "自定目标",
    help_label: "说明",
    median_help: "一半的模拟在此年或更早首次达到目标。“首次达到”按计划值计算；本项考虑了下方“不确定性”中设定的波动与延期。",
    assumption_heading: "假设（来源未给出此数）",
    what_it_takes_help: "在其他设置不变的前提下，求出某一杠杆每年至少需要多少，才能按期达到该目标。可按计划值求解，也可要求在模拟中以80%或90%的把握达成。只列出能推动该指标的杠杆。",
    what_it_takes_short: "求某一杠杆的最低所需值",
    apply_replacing_schedule: "采用此值（替换逐年设置，可撤销）",
    apply_blocked_invalid: "有输入无效：此答案按上一次有效的输入算出。请先改正或撤销无效输入，再采用。",
    effect_on_targets: "采用后各目标（按计划）：",
    effect_on_targets_odds: "采用后各目标（按计划，括号内为达成概率）：",
    same_every_year_value: "每年统一为",
    replace_schedule: "替换逐年设置",
    cancel: "取消",
    undo: "撤销",
    go_to_field: "前往修改",
    skip_to_results: "跳到测算结果",
    scroll_hint: "← 表格可左右滑动查看更多列 →",
    year_table_scroll_label: "逐年数据表（可横向滚动）",
    table_scrolls_suffix: "（表格，可横向滚动）",
    set_by_planner: "规划者设定",
};

pub const EN: Strings = Strings {
    app_title: "Social Work Workforce Planner",
    app_subtitle: "Year-by-year projections toward social-work workforce targets",
    preset_label: "Preset",
    language_toggle: "中文",
    language_toggle_label: "Switch to Chinese",
    end_year_label: "Last year",
    targets_heading: "Targets",
    met: "Met",
    not_met: "Not met",
    at_deadline: "At the deadline",
    first_met: "First reached",
    never_met: "Not within the horizon",
    gap: "Gap",
    probability: "Probability",
    median_first_met: "Median first year (simulated)",
    computing: "Computing…",
    what_it_takes: "What it takes",
    lever: "Lever",
    confidence: "Confidence",
    plan_only: "Plan (no uncertainty)",
    apply: "Apply this value",
    no_targets: "This scenario has no targets.",
    target_source: "Source of the target",
    warnings_heading: "Warnings",
    invalid_banner: "These inputs are invalid; the results shown are still those of the last valid inputs:",
    charts_heading: "Trajectories",
    chart_talent: "Social-work talent",
    chart_certified: "Certified social workers by level",
    chart_coverage: "Station and room coverage",
    chart_budget: "Budget (yearly and cumulative)",
    band_legend: "P10–P90 band",
    target_line: "Target",
    deadline: "Deadline",
    show_data: "Show data table",
    series_total: "All certified",
    series_junior: "Junior",
    series_mid: "Mid-level",
    series_senior: "Senior",
    series_stations: "Station coverage",
    series_rooms: "Room coverage",
    series_yearly: "Yearly",
    series_cumulative: "Cumulative",
    year_table_heading: "Year by year",
    year: "Year",
    budget_cumulative: "Cumulative budget",
    staff_needed: "Staff needed",
    controls_heading: "Settings",
    levers_subheading: "Policy levers",
    assumptions_subheading: "Starting point and assumptions",
    source_chip: "Source",
    assumption_chip: "Assumption",
    changed_chip: "changed",
    per_year: "Per year",
    varies_by_year: "varies by year",
    same_every_year: "Same every year…",
    close: "Close",
    reset: "Reset",
    runs: "Runs",
    seed: "Seed",
    runs_done: "runs",
    panic_message: "Sorry, the app hit an unexpected error. Please reload the page and try again.",
    first_view_loading: "Loading the full app…",
    first_view_notes: "Notes on this link appear here once the settings have loaded.",
    storage_failed: "Could not save the language preference in this browser (storage unavailable); everything else works.",
    footer: "Everything is computed in your browser; nothing is sent to any server.",
    dismiss: "Dismiss",
    horizon_help: "At most 30 years after the base year",
    per_year_suffix: "/yr",
    skip_to_controls: "Skip to settings",
    updating: "updating…",
    redo: "Redo",
    story_end: "(The end)",
    story_changes: "What this step changes",
    budget_note: "The budget covers building and running stations and rooms and certificate subsidies only, not salaries or hiring.",
    compare_fold: "Compare plans, show the baseline",
    local_address_warning: "Note: this page was opened from this computer’s own address (such as 127.0.0.1), so the link and QR code open only on this computer. Put the app folder on an intranet server and open it from there before sharing.",
    story_title: "Story title",
    odds_short: "odds",
    over_ceiling: "Over",
    loading: "Loading…",
    compare_heading: "Compare plans",
    editing: "editing",
    edit_plan: "Edit",
    remove: "Remove",
    compare_full: "At most four plans side by side.",
    compare_copy: "+ Copy this plan to compare",
    compare_baseline: "+ Add the preset baseline",
    compare_save: "+ Add a saved plan…",
    compare_link: "Paste a plan link",
    compare_add: "Add",
    show_baseline: "Show the baseline (no new decisions) on the charts",
    baseline_help: "The baseline is the preset as published (its source documents and stated assumptions): the path with no new decisions. Read a plan against it to see what its changes do.",
    plan: "Plan",
    verdict: "Verdict",
    not_in_horizon: "deadline outside this plan’s years",
    diff_heading: "Settings that differ",
    no_difference: "The plans’ settings are the same.",
    presenter_controls: "Presenter controls",
    presenter_back: "Back",
    presenter_next: "Next",
    pause: "Pause (P)",
    play: "Play years (P)",
    exit_presenter: "Leave (Esc)",
    playback_year: "Show up to year",
    presenter_hint: "Space / → next · ← back · P play/pause · Esc leave (clickers work)",
    reveal_hint: "Ask the room to predict, then press Space to reveal.",
    intro_hint: "Press Space to begin.",
    story_callouts: "Compared with the last step",
    year_events: "This year",
    presenter_side: "QR code and levers",
    pick_levers: "Levers shown",
    stories_title: "Guided stories",
    stories_intro: "Each story changes the plan step by step and asks the room to predict before it reveals. Every number comes from a source document or a labelled assumption.",
    present_story: "Present",
    open_story_file: "Open a story file…",
    record_story: "Record a new story",
    recording_label: "Recording a story",
    add_step: "Record this step…",
    undo_step: "Undo last step",
    export_story_file: "Export story file",
    story_link: "Make a story link",
    stop_recording: "Stop recording",
    step_caption: "Caption (Chinese)",
    step_caption_en: "Caption (English, optional)",
    step_highlight: "Chart to highlight",
    step_question: "Ask first (optional, Chinese)",
    step_question_en: "Ask first (optional, English)",
    save_step: "Record the step",
    presenter_button: "Presenter",
    stories_button: "Stories",
    pool_button: "Workshop pooling",
    training_menu: "Training",
    export_menu: "Export",
    report_basis: "Starting point",
    custom_region: "A region of your own (blank template)",
    report_date: "Printed",
    report_link: "Scan or open this link to see the same plan:",
    report_changes: "Settings changed from the preset",
    report_no_changes: "No setting was changed: this is the preset as published.",
    report_lever: "Setting",
    report_preset_value: "Preset",
    report_plan_value: "This plan",
    report_sources: "Where each number comes from",
    report_kind: "Kind",
    report_detail: "Source or reasoning",
    region_and_targets: "Region and targets",
    add_target: "+ Add a target",
    restore_targets: "Bring back the preset’s targets",
    target_metric: "Target figure",
    target_threshold: "Threshold",
    target_deadline: "by end of",
    region_name: "Region name",
    base_year: "Base year",
    saves_title: "Saved plans",
    save_name: "Name",
    save_as: "Save as new",
    no_saves: "No saved plans yet.",
    import_file: "Import a plan file…",
    export_all: "Export all plans",
    open_link_label: "Open a link (paste one a colleague sent)",
    open_link: "Open",
    link_read_in_part: "This link is incomplete or damaged and can only be read in part (the current plan is unchanged so far):",
    open_anyway: "Open anyway",
    open_now: "On screen",
    met_but_unlikely: "met as planned, but missed in most simulations",
    on_track_but_unlikely: "on track as planned, but missed in most simulations",
    open_now_changed: "On screen · unsaved changes",
    untitled: "Untitled plan",
    open: "Open",
    rename: "Rename",
    rename_done: "Done",
    duplicate: "Duplicate",
    delete: "Delete",
    share_title: "Share this plan",
    share_intro: "The link carries every setting of this plan and reopens it with the same numbers; it holds no personal data and passes through no server.",
    share_link_label: "Link",
    copy_link: "Copy link",
    copied: "✓ Copied; paste it into a chat message or e-mail.",
    copy_refused: "The browser refused to copy: the link is selected — press Ctrl+C (long-press on a phone).",
    include_language: "Include the interface language in the link",
    qr_label: "QR code of this plan’s link",
    qr_caption: "Scan with a phone to open the same plan",
    qr_too_long: "The link is too long for a QR code; copy the link or export the plan file.",
    export_plan_file: "Download the plan file (JSON)",
    new_region: "New region",
    saves_button: "Saved plans",
    share_button: "Share",
    export_csv: "Export data (Excel)",
    print_report: "Print report",
    download_svg: "Download SVG",
    download_png: "Download PNG",
    storage_unavailable: "This browser does not let the app store anything (private mode or a policy): planning works, but nothing is kept after you close the tab. Keep your work with a share link or “Export plan file”.",
    link_opened_with_problems: "The link’s plan is open, but parts of the link could not be read and were handled as follows:",
    link_opened_with_notes: "The link’s plan is open. Please note:",
    use_current_model: "Use the current reading",
    verdict_bar_label: "Targets at a glance",
    view_switch_label: "Show",
    view_settings: "Settings",
    view_results: "Results",
    met_as_planned: "Met as planned",
    not_met_as_planned: "Not met as planned",
    margin: "Margin",
    own_target: "Your target",
    help_label: "Explanation",
    median_help: "Half of the simulations reach the target in this year or earlier. “First reached” uses the planned values; this one allows for the variation and delays set under “Uncertainty”.",
    assumption_heading: "Assumption (no source gives this number)",
    what_it_takes_help: "The least yearly value of one lever that meets this target by its deadline, everything else unchanged — for the plan itself, or with 80% or 90% of the simulations meeting it. Only levers that drive this figure are offered.",
    what_it_takes_short: "The least value of one lever",
    apply_replacing_schedule: "Apply (replaces the yearly schedule; can be undone)",
    apply_blocked_invalid: "An input is invalid: this answer comes from the last valid inputs. Correct or undo it before applying.",
    effect_on_targets: "With this value, every target as planned:",
    effect_on_targets_odds: "With this value, every target as planned (in brackets, its odds):",
    same_every_year_value: "Every year",
    replace_schedule: "Replace the schedule",
    cancel: "Cancel",
    undo: "Undo",
    go_to_field: "Go to field",
    skip_to_results: "Skip to results",
    scroll_hint: "← Swipe sideways to see more columns →",
    year_table_scroll_label: "Year-by-year table (scrolls sideways)",
    table_scrolls_suffix: " (table, scrolls sideways)",
    set_by_planner: "Set by the planner",
};

/// One string of the table in a language. Unlike [`strings`], which keeps both whole tables in
/// the build, this keeps only the strings it names: for the first view, which must stay small.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $field:ident) => {
        match $lang {
            $crate::Lang::Zh => $crate::strings::ZH.$field,
            $crate::Lang::En => $crate::strings::EN.$field,
        }
    };
}
pub use tr;

/// The strings of a language.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// What a repeated button acts on, for screen readers ("打开：方案甲" / "Open: Plan A"), with the
/// colon of the language.
pub fn naming(what: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("：{what}"),
        Lang::En => format!(": {what}"),
    }
}

/// A parameter's unit as written after its value everywhere (controls, answers, report, CSV):
/// a yearly count or sum per year ("人/年", "people/yr"); rates and single numbers as they are.
pub fn param_unit(param: &swplan_engine::params::Param, lang: Lang) -> String {
    let yearly = param.shape == swplan_engine::params::Shape::Yearly && param.unit != Unit::Rate;
    match (unit_label(param.unit, lang), yearly) {
        (unit, false) => unit.to_string(),
        ("", true) => lang.pick("每年", "a year").to_string(),
        (unit, true) => format!("{unit}{}", strings(lang).per_year_suffix),
    }
}

/// The unit written after a number in a control.
pub fn unit_label(unit: Unit, lang: Lang) -> &'static str {
    match (unit, lang) {
        (Unit::People, Lang::Zh) => "人",
        (Unit::People, Lang::En) => "people",
        (Unit::Count, Lang::Zh) => "个",
        (Unit::Count, Lang::En) => "",
        (Unit::Rate, _) => "%",
        (Unit::Yuan, Lang::Zh) => "元",
        (Unit::Yuan, Lang::En) => "yuan",
        (Unit::PerUnit, Lang::Zh) => "人",
        (Unit::PerUnit, Lang::En) => "people",
    }
}

/// Why a verdict met as planned is not a green light: missed in most simulations, or, below
/// 5 %, in almost all of them ("most" would understate a probability of 0 %).
pub fn fragile_note(on_track: bool, probability: f64, lang: Lang) -> &'static str {
    let almost_never = probability < 0.05;
    match (on_track, almost_never) {
        (false, false) => tr!(lang, met_but_unlikely),
        (true, false) => tr!(lang, on_track_but_unlikely),
        (false, true) => lang.pick(
            "按计划达成，但几乎所有模拟都未达成",
            "met as planned, but missed in almost every simulation",
        ),
        (true, true) => lang.pick(
            "按计划可达成，但几乎所有模拟都未按期达成",
            "on track as planned, but missed in almost every simulation",
        ),
    }
}

/// "2025年底 ≥ 14万" / "≥ 140,000 by end-2025".
pub fn threshold_by_deadline(threshold: &str, deadline: i32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{deadline}年底 ≥ {threshold}"),
        Lang::En => format!("≥ {threshold} by end-{deadline}"),
    }
}

/// "基准年 2020 · 规划至 2030" / "Base year 2020 · to 2030".
pub fn horizon_note(base_year: i32, end_year: i32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("基准年 {base_year}（年底数据）· 规划至 {end_year} 年"),
        Lang::En => format!("Base year {base_year} (end-of-year figures) · to {end_year}"),
    }
}

/// A source document as planners cite it: "公益时报，2022年12月20日：第07版“社会工作”：…" /
/// "China Philanthropy Times, 2022-12-20: Page 7 …". Unknown numbers fall back to the number.
pub fn document_citation(doc: &str, lang: Lang) -> String {
    match swplan_plans::presets::document(doc) {
        Some(d) => match lang {
            Lang::Zh => format!("{}，{}：{}", d.publisher, zh_date(&d.date), d.title),
            Lang::En => format!("{}, {}: {}", d.publisher_en, d.date, d.title_en),
        },
        None => match lang {
            Lang::Zh => format!("来源文件 {doc}"),
            Lang::En => format!("Source document {doc}"),
        },
    }
}

/// The printed report's note on a value the planner set, with the preset's value it replaced
/// (`was`): "本方案自行设定（原值 …）" / "Set in this plan (was …)".
pub fn set_in_plan(was: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("本方案自行设定（原值 {was}）"),
        Lang::En => format!("Set in this plan (was {was})"),
    }
}

/// "2022-12-20" → "2022年12月20日", "2022" → "2022年".
fn zh_date(date: &str) -> String {
    let parts: Vec<&str> = date.split('-').collect();
    let number = |s: &str| s.trim_start_matches('0').to_string();
    match parts.as_slice() {
        [y, m, d] => format!("{y}年{}月{}日", number(m), number(d)),
        [y, m] => format!("{y}年{}月", number(m)),
        _ => format!("{date}年"),
    }
}

/// "2025年" / "2025", or "规划期内未达到" / "Not within the horizon".
pub fn year_text(year: Option<i32>, lang: Lang) -> String {
    match (year, lang) {
        (Some(year), Lang::Zh) => format!("{year}年"),
        (Some(year), Lang::En) => year.to_string(),
        (None, _) => strings(lang).never_met.to_string(),
    }
}

/// "2027年底 ≤ 5000万元" / "≤ ¥50 M by end-2027": a ceiling.
pub fn ceiling_by_deadline(threshold: &str, deadline: i32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{deadline}年底 ≤ {threshold}"),
        Lang::En => format!("≤ {threshold} by end-{deadline}"),
    }
}

/// Why the last year cannot be earlier.
pub fn earliest_end_year(deadline: i32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("（不早于最晚的目标截止年 {deadline}）"),
        Lang::En => format!("(not before the latest target deadline, {deadline})"),
    }
}

/// What the probability on a target card means.
pub fn probability_help(runs: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "在 {runs} 次模拟中按期达到目标的比例。每次模拟让新增人才、流失率、报考人数和通过率在设定范围内随机波动，并让一部分计划建设的站点和社工室延期一年（范围见参数“不确定性”）。"
        ),
        Lang::En => format!(
            "The share of {runs} simulations that meet the target by its deadline. Each simulation varies new talent, attrition, exam candidates and pass rates within their ranges, and lets a share of planned stations and rooms slip a year (see the “Uncertainty” settings)."
        ),
    }
}

/// Why a target has no "what it takes" lever.
pub fn no_lever_sentence(metric: swplan_engine::Metric, lang: Lang) -> String {
    let name = super::metric_label(metric, lang);
    match lang {
        Lang::Zh => format!("{name}是支出上限：要守住它需要少建或少补贴，没有可以提高的杠杆。"),
        Lang::En => format!(
            "{name} is a spending ceiling: it is kept by building or subsidising less, not by raising a lever."
        ),
    }
}

/// Why plan and odds disagree, in words a planner can repeat in a meeting.
pub fn contrast_sentence(
    contrast: &swplan_engine::montecarlo::Contrast,
    probability: f64,
    median_first: Option<i32>,
    lang: Lang,
) -> String {
    use swplan_engine::montecarlo::{Cause, Contrast};
    let odds = super::format_percent(probability, lang);
    let cause = |cause: &Cause| match (cause, lang) {
        (Cause::RoomDelays { slipping }, Lang::Zh) => format!(
            "若每年约{}的社工室延期一年",
            super::format_percent(*slipping, lang)
        ),
        (Cause::RoomDelays { slipping }, Lang::En) => format!(
            "if about {} of the rooms slip a year",
            super::format_percent(*slipping, lang)
        ),
        (Cause::StationDelays { slipping }, Lang::Zh) => format!(
            "若每年约{}的社工站延期一年",
            super::format_percent(*slipping, lang)
        ),
        (Cause::StationDelays { slipping }, Lang::En) => format!(
            "if about {} of the stations slip a year",
            super::format_percent(*slipping, lang)
        ),
        (Cause::Variation, Lang::Zh) => "考虑各项输入的年度波动".to_string(),
        (Cause::Variation, Lang::En) => {
            "allowing for the yearly variation of the inputs".to_string()
        }
    };
    let median = match (median_first, lang) {
        (Some(year), Lang::Zh) => format!("，模拟中位首次达到为{year}年"),
        (Some(year), Lang::En) => format!("; half the simulations reach it by {year}"),
        (None, Lang::Zh) => "，多数模拟在规划期内未达到".to_string(),
        (None, Lang::En) => "; most simulations never reach it within the horizon".to_string(),
    };
    match (contrast, lang) {
        (Contrast::MetButUnlikely { cause: c }, Lang::Zh) => {
            format!(
                "按计划可达成；但{}，按期达成的概率只有{odds}{median}。",
                cause(c)
            )
        }
        (Contrast::MetButUnlikely { cause: c }, Lang::En) => format!(
            "Met as planned; but {}, the odds of meeting it on time are only {odds}{median}.",
            cause(c)
        ),
        (Contrast::MissedButLikely { cause: c }, Lang::Zh) => {
            format!(
                "按计划差一点；但{}，按期达成的概率为{odds}{median}。",
                cause(c)
            )
        }
        (Contrast::MissedButLikely { cause: c }, Lang::En) => format!(
            "Just missed as planned; but {}, the odds of meeting it on time are {odds}{median}.",
            cause(c)
        ),
    }
}

/// Beside a target in the list of what a value does, for an answer at a confidence: its odds
/// before and after ("（达成概率 100% → 49.5%）").
pub fn odds_change(before: f64, after: f64, lang: Lang) -> String {
    let (before, after) = (
        super::format::format_percent(before, lang),
        super::format::format_percent(after, lang),
    );
    match lang {
        Lang::Zh => format!("（达成概率 {before} → {after}）"),
        Lang::En => format!(" (odds {before} → {after})"),
    }
}

/// Nothing pasted holds a share link: what a link looks like, as this app makes them.
pub fn no_link_found(lang: Lang) -> String {
    let example = swplan_plans::share::query_example();
    match lang {
        Lang::Zh => format!(
            "没有找到分享链接：请粘贴完整的链接（以 http 开头，或含“{example}”）。当前方案未改变。"
        ),
        Lang::En => format!(
            "No share link found: paste the whole link (starting with http, or holding “{example}”). The current plan is unchanged."
        ),
    }
}

/// The example in a field where a link is pasted: an address with a query as this app makes it.
pub fn link_placeholder() -> String {
    format!("http://…?{}", swplan_plans::share::query_example())
}

/// Typed but not yet applied: "按 Enter 应用；结果仍按 12000 人/年 计算".
pub fn pending_hint(value: &str, unit: &str, lang: Lang) -> String {
    let amount = super::format::quantity(value, unit, lang);
    match lang {
        Lang::Zh => format!("按 Enter 或离开输入框后应用；结果仍按 {amount} 计算（Esc 取消）"),
        Lang::En => format!(
            "Applies on Enter or when you leave the field; results still use {amount} (Esc cancels)"
        ),
    }
}

/// A schedule in one line: "逐年不同：334–900 个/年（2023–2030）".
pub fn schedule_summary(
    values: &[f64],
    base_year: i32,
    unit: Unit,
    unit_text: &str,
    lang: Lang,
) -> String {
    // A range read at a glance: a growing schedule's years are exact in the editor below, here
    // 11819.6436 people reads as 11820 and 8.3333 % as 8.3 %.
    let shown = |v: f64| {
        let decimals = match unit {
            Unit::Rate => 1,
            _ if v.abs() >= 100.0 => 0,
            _ => 2,
        };
        let shown = crate::inputs::to_display(unit, v);
        let scale = 10f64.powi(decimals);
        crate::inputs::display_text(
            unit,
            crate::inputs::from_display(unit, (shown * scale).round() / scale),
        )
    };
    let low = values.iter().copied().fold(f64::INFINITY, f64::min);
    let high = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let (first, last) = (base_year + 1, base_year + values.len() as i32);
    match lang {
        Lang::Zh => format!(
            "逐年不同：{}–{} {unit_text}（{first}–{last}年）",
            shown(low),
            shown(high)
        ),
        Lang::En => format!(
            "Varies by year: {}–{} {unit_text} ({first}–{last})",
            shown(low),
            shown(high)
        ),
    }
}

/// Below a chart whose plan line leaves its P10–P90 band: why the two differ. `slips` are the
/// shares of planned stations and rooms that slip a year in the simulations.
pub fn band_apart_note(slips: (f64, f64), lang: Lang) -> String {
    let percent = |share: f64| format!("{}%", (share * 100.0).round());
    match (lang, slips.0 > 0.0 || slips.1 > 0.0) {
        (Lang::Zh, true) => format!(
            "计划线按计划算出：每年计划的社工站、社工室都按期建成，人数没有波动。模拟中假设约{}的社工站、{}的社工室延期一年（见“不确定性”设置），所以P10–P90区间可能低于计划线。",
            percent(slips.0),
            percent(slips.1)
        ),
        (Lang::En, true) => format!(
            "The plan's line is the plan as written: every planned station and room built in its year, no spread in numbers. The simulations assume about {} of stations and {} of rooms slip a year (see the uncertainty settings), so the P10–P90 band can lie below the line.",
            percent(slips.0),
            percent(slips.1)
        ),
        (Lang::Zh, false) => "计划线按计划算出，没有波动；P10–P90区间来自有波动的模拟，不一定包住计划线。".to_string(),
        (Lang::En, false) => "The plan's line is the plan as written, with no spread; the P10–P90 band comes from simulations with spread and need not contain it.".to_string(),
    }
}

/// A baseline line's legend: "社会工作人才总量（基准）" / "Social-work talent (baseline)".
pub fn baseline_series(figure: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{figure}（基准，不作新决策）"),
        Lang::En => format!("{figure} (baseline, no new decisions)"),
    }
}

/// A figure as the story's step before left it, drawn faint behind the step's own line.
pub fn previous_step_series(figure: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{figure}（上一步）"),
        Lang::En => format!("{figure} (last step)"),
    }
}

/// "已录 3 步" / "3 steps recorded".
pub fn recorded_steps(steps: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("正在录制故事：已录 {steps} 步"),
        Lang::En => format!("Recording a story: {steps} step(s)"),
    }
}

/// "链接长度 74 个字符" / "Link length: 74 characters".
pub fn link_length(characters: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("链接长度 {characters} 个字符"),
        Lang::En => format!("Link length: {characters} characters"),
    }
}

/// The name of a copy: "方案A（副本）" / "Plan A (copy)".
pub fn copy_name(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{name}（副本）"),
        Lang::En => format!("{name} (copy)"),
    }
}

/// "保存到“方案A”" / "Save to “Plan A”".
pub fn save_over(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("保存到“{name}”"),
        Lang::En => format!("Save to “{name}”"),
    }
}

/// "每年新增人才（2025年）" / "New talent (2025)".
pub fn param_in_year(key: &str, year: i32, lang: Lang) -> String {
    let name = super::param_label(key, lang);
    match lang {
        Lang::Zh => format!("{name}（{year}年）"),
        Lang::En => format!("{name} ({year})"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_schedule_summary_rounds_for_reading() {
        let hires = [10000.0, 10500.0, 11025.0, 11576.25, 12155.0625];
        assert_eq!(
            schedule_summary(&hires, 2020, Unit::People, "人/年", Lang::Zh),
            "逐年不同：10000–12155 人/年（2021–2025年）"
        );
        let rates = [0.08, 0.083333, 0.0912];
        assert_eq!(
            schedule_summary(&rates, 2020, Unit::Rate, "%", Lang::En),
            "Varies by year: 8–9.1 % (2021–2023)"
        );
        assert_eq!(
            schedule_summary(&[1.25, 2.5], 2020, Unit::PerUnit, "人", Lang::En),
            "Varies by year: 1.25–2.5 人 (2021–2022)"
        );
    }

    use super::*;

    #[test]
    fn a_fragile_verdict_says_almost_every_simulation_when_hardly_any_meets_it() {
        assert_eq!(fragile_note(false, 0.3, Lang::Zh), ZH.met_but_unlikely);
        assert_eq!(fragile_note(true, 0.3, Lang::En), EN.on_track_but_unlikely);
        assert!(fragile_note(false, 0.0, Lang::Zh).contains("几乎所有模拟"));
        assert!(fragile_note(true, 0.01, Lang::En).contains("almost every"));
    }

    #[test]
    fn documents_are_cited_by_publisher_date_and_title() {
        let zh = document_citation("000", Lang::Zh);
        assert!(zh.starts_with("公益时报，2022年12月20日："), "{zh}");
        assert!(document_citation("000", Lang::En).starts_with("China Philanthropy Times"));
        assert_eq!(document_citation("999", Lang::Zh), "来源文件 999");
    }

    #[test]
    fn an_odds_change_reads_as_percentages() {
        assert_eq!(
            odds_change(1.0, 0.495, Lang::Zh),
            "（达成概率 100% → 49.5%）"
        );
        assert_eq!(odds_change(0.9, 0.95, Lang::En), " (odds 90% → 95%)");
    }

    #[test]
    fn the_link_examples_are_of_the_format_this_app_writes() {
        // Not "v=1&p=…": the example is the beginning of a link as the app makes it today.
        let example = format!("v={}&c=…&p=…", swplan_plans::share::PLAIN_FORMAT);
        for lang in [Lang::Zh, Lang::En] {
            let message = no_link_found(lang);
            assert!(message.contains(&example), "{message}");
            assert!(!message.contains("v=1"), "{message}");
        }
        assert_eq!(link_placeholder(), format!("http://…?{example}"));
    }

    #[test]
    fn dates_read_as_chinese_dates() {
        assert_eq!(zh_date("2022-12-06"), "2022年12月6日");
        assert_eq!(zh_date("2022"), "2022年");
    }
}
