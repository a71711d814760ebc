//! Share links round-trip: every valid plan, or comparison of up to four, opens from its link
//! as the same plan (in its normalized form), with nothing reported. And links stay short
//! enough for chat apps: the lengths here are the ones quoted in docs/link-format.md.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use swplan_engine::actuals::ACTUAL_FIGURES;
use swplan_engine::deviation::{check, ActualsProblem};
use swplan_engine::montecarlo::{Settings, RUNS_RANGE};
use swplan_engine::params::{self, Shape, Unit, ValueMut, PARAMS};
use swplan_engine::{
    validate, CertifiedTotal, Metric, PlannerSource, RegionName, Scenario, Target, Yearly,
};
use swplan_plans::presets::{self, history};
use swplan_plans::share::{decode, encode, normalized, sources, Origin, PlanSpec};
use swplan_plans::Lang;

/// A raw value drawn for a parameter, shaped by the parameter's unit and shape later.
#[derive(Clone, Debug)]
enum Draw {
    Number(f64, bool),
    List(Vec<f64>, bool),
    Growth(f64, f64),
}

fn draw() -> impl Strategy<Value = Draw> {
    prop_oneof![
        3 => (0.0..1.0f64, any::<bool>()).prop_map(|(x, whole)| Draw::Number(x, whole)),
        2 => (prop::collection::vec(0.0..1.0f64, 1..12), any::<bool>())
            .prop_map(|(xs, whole)| Draw::List(xs, whole)),
        1 => (0.0..1.0f64, -0.5..0.5f64).prop_map(|(x, g)| Draw::Growth(x, g)),
    ]
}

/// A value in the parameter's range: rates in 0..1, counts and money up to a realistic size,
/// whole numbers or not (every digit must survive the link).
fn scaled(unit: Unit, fraction: f64, whole: bool) -> f64 {
    let max = match unit {
        Unit::Rate => return fraction,
        Unit::People => 200_000.0,
        Unit::Count => 20_000.0,
        Unit::Yuan => 1_000_000.0,
        Unit::PerUnit => 5.0,
    };
    let value = fraction * max;
    if whole {
        value.round()
    } else {
        value
    }
}

fn apply(scenario: &mut Scenario, key: &str, draw: &Draw) {
    let unit = params::param(key).map_or(Unit::Count, |p| p.unit);
    match (params::value_mut(scenario, key), draw) {
        (Some(ValueMut::Scalar(slot)), Draw::Number(x, whole)) => {
            *slot = scaled(unit, *x, *whole);
        }
        (Some(ValueMut::Scalar(slot)), Draw::List(xs, whole)) => {
            *slot = scaled(unit, xs[0], *whole);
        }
        (Some(ValueMut::Scalar(slot)), Draw::Growth(x, _)) => *slot = scaled(unit, *x, false),
        (Some(ValueMut::Yearly(slot)), Draw::Number(x, whole)) => {
            *slot = Yearly::Constant(scaled(unit, *x, *whole));
        }
        (Some(ValueMut::Yearly(slot)), Draw::List(xs, whole)) => {
            *slot = Yearly::List(xs.iter().map(|x| scaled(unit, *x, *whole)).collect());
        }
        (Some(ValueMut::Yearly(slot)), Draw::Growth(x, growth)) => {
            // A rate may only shrink, so that it stays a fraction.
            let growth = if unit == Unit::Rate {
                -growth.abs()
            } else {
                *growth
            };
            *slot = Yearly::Growth {
                start: scaled(unit, *x, false),
                growth,
            };
        }
        (None, _) => {}
    }
}

/// Ceilings and sums that validation asks for, restored after random draws.
fn make_consistent(s: &mut Scenario) {
    let a = &mut s.assumptions;
    a.townships = a.townships.max(a.stations).max(1.0);
    a.demo_stations = a.demo_stations.min(a.stations);
    a.villages = a.villages.max(a.rooms).max(1.0);
    a.talent = a
        .talent
        .max(a.certified_junior + a.certified_mid + a.certified_senior);
}

#[derive(Clone, Debug)]
struct PlanDraw {
    origin: usize,
    version: u32,
    changes: Vec<(usize, Draw)>,
    years: Option<(i32, i32)>,
    targets: Option<Vec<(usize, f64, i32)>>,
    name: Option<String>,
    region_name: Option<(String, String)>,
    runs: usize,
    seed: u64,
    /// Certified entered as a total: its size, and its split when not the default.
    certified_total: Option<(f64, Option<(f64, f64)>)>,
    /// The planner's sources: (index into the keys a source can be given for, document, date,
    /// quote).
    sources: Vec<(usize, String, String, String)>,
    /// Actual figures: (index into the actual figures, year after the base year, value as a
    /// share of a bound, note).
    actuals: Vec<(usize, i32, f64, Option<String>)>,
}

fn plan_draw() -> impl Strategy<Value = PlanDraw> {
    let text = "[\\p{Han}A-Za-z0-9 （）·,.&=?#%+/]{0,14}";
    let source_text = "[\\p{Han}A-Za-z0-9 （）《》“”·,.&=?#%+/\n]{0,40}";
    (
        (0..=presets::all().len(), 1u32..=3),
        prop::collection::vec((0..PARAMS.len(), draw()), 0..10),
        prop::option::of((2010i32..2036, 1i32..20)),
        prop::option::of(prop::collection::vec(
            (0usize..13, 0.0..1.0f64, 0i32..30),
            0..4,
        )),
        prop::option::of(text),
        prop::option::weighted(0.3, (text, text)),
        (RUNS_RANGE.0..=RUNS_RANGE.1, any::<u64>()),
        prop::option::weighted(
            0.3,
            (0.0..1.0f64, prop::option::of((0.0..0.7f64, 0.0..0.3f64))),
        ),
        (
            prop::collection::vec(
                (0..=PARAMS.len(), source_text, source_text, source_text),
                0..4,
            ),
            prop::collection::vec(
                (
                    0usize..11,
                    0i32..25,
                    0.0..1.0f64,
                    prop::option::of(source_text),
                ),
                0..6,
            ),
        ),
    )
        .prop_map(
            |(
                (origin, version),
                changes,
                years,
                targets,
                name,
                region_name,
                (runs, seed),
                certified_total,
                (sources, actuals),
            )| {
                PlanDraw {
                    origin,
                    version,
                    changes,
                    years,
                    targets,
                    name,
                    region_name,
                    runs,
                    seed,
                    certified_total,
                    sources,
                    actuals,
                }
            },
        )
}

/// The plan a draw stands for: a preset at one of its data versions, or a custom region.
fn plan(draw: &PlanDraw) -> PlanSpec {
    let (origin, mut scenario) = match presets::all().get(draw.origin) {
        Some(preset) => {
            let version = draw.version.min(preset.data_version);
            let origin = Origin::Preset {
                slug: preset.slug.to_string(),
                data_version: version,
            };
            (origin, history::scenario_at(preset.slug, version).unwrap())
        }
        None => (Origin::Custom, presets::blank().clone()),
    };
    scenario.sources.clear();
    for (index, value) in &draw.changes {
        apply(&mut scenario, PARAMS[*index].key, value);
    }
    if let Some((fraction, split)) = draw.certified_total {
        let mut total = CertifiedTotal::with_default_split(scaled(Unit::People, fraction, true));
        if let Some((junior_share, senior_share)) = split {
            total.junior_share = junior_share;
            total.senior_share = senior_share;
        }
        scenario.certified_total = Some(total);
        scenario.apply_certified_total();
    }
    make_consistent(&mut scenario);
    let keys: Vec<&str> = sources::source_keys().collect();
    for (index, document, date, quote) in &draw.sources {
        let source = PlannerSource {
            document: document.clone(),
            date: date.clone(),
            quote: quote.clone(),
        };
        scenario
            .planner_sources
            .insert(keys[index % keys.len()].to_string(), source);
    }
    if let Some((base, horizon)) = draw.years {
        scenario.base_year = base;
        scenario.end_year = base + horizon;
    }
    let (base, end) = (scenario.base_year, scenario.end_year);
    match &draw.targets {
        Some(targets) => {
            let metrics: Vec<Metric> = Metric::targetable().collect();
            scenario.targets = targets
                .iter()
                .map(|(m, fraction, offset)| {
                    let metric = metrics[m % metrics.len()];
                    let unit = if metric.is_coverage() {
                        Unit::Rate
                    } else {
                        Unit::People
                    };
                    Target {
                        metric,
                        threshold: scaled(unit, *fraction, *offset % 2 == 0),
                        deadline: base + offset % (end - base + 1),
                        source: None,
                    }
                })
                .collect();
        }
        None => scenario
            .targets
            .retain(|t| (base..=end).contains(&t.deadline)),
    }
    for (figure, offset, fraction, note) in &draw.actuals {
        let metric = ACTUAL_FIGURES[figure % ACTUAL_FIGURES.len()];
        let year = base + offset % (end - base + 1);
        let value = (fraction * 1e5).round() / 10.0;
        let note = note.clone();
        scenario
            .actuals
            .insert(metric, year, swplan_engine::Actual { value, note });
    }
    // Only actuals the plan can use: the others a link drops, and says so.
    while let Some(problem) = check(&scenario.actuals, &scenario).first() {
        let year = match problem {
            ActualsProblem::YearOutsidePlan { year, .. }
            | ActualsProblem::NotANumber { year, .. }
            | ActualsProblem::Negative { year, .. }
            | ActualsProblem::AboveCeiling { year, .. }
            | ActualsProblem::PartAboveWhole { year, .. }
            | ActualsProblem::LevelsDisagreeWithTotal { year, .. } => *year,
            ActualsProblem::NotAStock { .. } => break,
        };
        for metric in ACTUAL_FIGURES {
            scenario.actuals.remove(metric, year);
        }
    }
    if let Some((zh, en)) = &draw.region_name {
        scenario.name = RegionName {
            zh: zh.clone(),
            en: en.clone(),
        };
    }
    PlanSpec {
        name: draw.name.clone(),
        origin,
        scenario,
        mc: Settings {
            runs: draw.runs,
            seed: draw.seed,
        },
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn every_valid_plan_opens_from_its_link_as_itself(
        draws in prop::collection::vec(plan_draw(), 1..=4),
        lang in prop::option::of(prop_oneof![Just(Lang::Zh), Just(Lang::En)]),
    ) {
        let plans: Vec<PlanSpec> = draws.iter().map(plan).collect();
        for p in &plans {
            prop_assume!(validate(&p.scenario).is_ok());
        }
        let link = encode(&plans, lang);
        prop_assert!(
            link.chars().all(|c| c.is_ascii_alphanumeric() || "-._~=&".contains(c)),
            "{}", link
        );
        let opened = decode(&link);
        prop_assert!(opened.problems.is_empty(), "{}\n{:?}", link, opened.problems);
        prop_assert_eq!(opened.lang, lang);
        let expected: Vec<PlanSpec> = plans.iter().map(normalized).collect();
        prop_assert_eq!(&opened.plans, &expected, "{}", link);
        // The normalized plan is a fixed point: its link is the same link.
        prop_assert_eq!(encode(&opened.plans, lang), link);
    }
}

#[test]
fn a_plan_whose_shape_is_a_schedule_everywhere_still_round_trips() {
    // Every yearly lever as a distinct list and every scalar changed: the longest plan.
    let mut plan = swplan_plans::share::open::open_name("new")
        .unwrap()
        .plans
        .remove(0);
    for (i, p) in PARAMS.iter().enumerate() {
        let draw = match p.shape {
            Shape::Yearly => Draw::List((0..6).map(|y| (i + y) as f64 / 50.0).collect(), false),
            Shape::Scalar => Draw::Number(0.013 * (i + 1) as f64, false),
        };
        apply(&mut plan.scenario, p.key, &draw);
    }
    make_consistent(&mut plan.scenario);
    validate(&plan.scenario).unwrap();
    let opened = decode(&encode(&[plan.clone()], None));
    assert!(opened.problems.is_empty(), "{:?}", opened.problems);
    assert_eq!(opened.plans, vec![normalized(&plan)]);
}

// ---------------------------------------------------------------------------------------
// Lengths. A planner's link must survive chat apps: a preset with six changed levers in at
// most 150 characters after the origin, a fully custom region in at most 600.

/// Six yearly levers a planner changes together.
const SIX_LEVERS: [&str; 6] = [
    "hires",
    "candidates_junior",
    "candidates_mid",
    "stations_per_year",
    "rooms_per_year",
    "positions_per_year",
];

fn preset_plan(slug: &str) -> PlanSpec {
    swplan_plans::share::open::open_name(slug)
        .unwrap()
        .plans
        .remove(0)
}

fn set(plan: &mut PlanSpec, key: &str, value: Yearly) {
    match params::value_mut(&mut plan.scenario, key) {
        Some(ValueMut::Yearly(slot)) => *slot = value,
        Some(ValueMut::Scalar(slot)) => *slot = value.first(),
        None => panic!("{key}"),
    }
}

/// The query of one plan's link: what follows `http://host/?`.
fn query(plan: &PlanSpec) -> String {
    let link = encode(std::slice::from_ref(plan), None);
    let opened = decode(&link);
    assert!(opened.problems.is_empty(), "{link}: {:?}", opened.problems);
    println!("{:>4} characters: {link}", link.len());
    link
}

#[test]
fn six_changed_levers_fit_in_150_characters() {
    let mut typical = preset_plan("yunnan");
    for (key, value) in [
        ("hires", 15000.0),
        ("candidates_junior", 9000.0),
        ("pass_junior", 0.3),
        ("institutions_per_year", 40.0),
        ("rooms_per_year", 500.0),
        ("positions_per_year", 800.0),
    ] {
        set(&mut typical, key, Yearly::Constant(value));
    }
    assert!(query(&typical).len() <= 150);

    // Six levers given as growth, with the awkward decimals a slider can produce.
    let mut growth = preset_plan("guizhou");
    for key in SIX_LEVERS {
        set(
            &mut growth,
            key,
            Yearly::Growth {
                start: 12345.5,
                growth: 0.075,
            },
        );
    }
    assert!(query(&growth).len() <= 150);
}

#[test]
fn a_comparison_of_four_named_plans_fits_a_qr_code() {
    // A trainer's comparison: the baseline and three named plans, two or three levers each.
    let named = |name: &str, sets: &[(&str, f64)]| {
        let mut plan = preset_plan("yunnan");
        plan.name = Some(name.to_string());
        for (key, value) in sets {
            set(&mut plan, key, Yearly::Constant(*value));
        }
        plan
    };
    let plans = [
        named(
            "甲：多招人",
            &[("hires", 15000.0), ("candidates_junior", 9000.0)],
        ),
        preset_plan("yunnan"),
        named("乙：少流失", &[("attrition", 0.05), ("hires", 12000.0)]),
        named(
            "丙：都做",
            &[
                ("hires", 17000.0),
                ("attrition", 0.05),
                ("rooms_per_year", 500.0),
            ],
        ),
    ];
    let link = encode(&plans, None);
    let opened = decode(&link);
    assert!(opened.problems.is_empty(), "{:?}", opened.problems);
    assert_eq!(opened.plans.len(), 4);
    println!("four compared plans: {} characters: {link}", link.len());
    // Well inside what a QR code at the presenter's size carries (render::qr).
    assert!(link.len() <= 300, "{}", link.len());
}

#[test]
fn six_levers_as_yearly_schedules_are_the_longest_preset_links() {
    // The worst case: six levers, each a different value in each of the ten years.
    let mut worst = preset_plan("yunnan");
    for (i, key) in SIX_LEVERS.iter().enumerate() {
        let values = (0..10).map(|y| 10000.0 + 1111.0 * (y + i) as f64).collect();
        set(&mut worst, key, Yearly::List(values));
    }
    assert!(query(&worst).len() <= 400);
}

#[test]
fn a_fully_custom_region_fits_in_600_characters() {
    assert!(query(&custom_region()).len() <= 600);
}

/// A planner's source as typed from a statistics bulletin: about 40 characters in all.
fn bulletin(quote: &str) -> PlannerSource {
    PlannerSource {
        document: "《2023年赣州市民政事业发展统计公报》".into(),
        date: "2024-03".into(),
        quote: quote.into(),
    }
}

#[test]
fn a_certified_total_and_the_planners_sources_cost_little_in_a_link() {
    let custom = custom_region();
    let plain = query(&custom).len();

    // The three certified stocks entered as their total (545) with the default split: `ct`
    // replaces `cj0`, `cm0` and `cs0`.
    let mut total = custom.clone();
    total.scenario.certified_total = Some(CertifiedTotal::with_default_split(545.0));
    total.scenario.apply_certified_total();
    let by_total = query(&total).len();
    println!("certified as a total: {by_total} characters against {plain} by level");
    assert!(by_total < plain);
    // With a split of the planner's own.
    total.scenario.certified_total = Some(CertifiedTotal {
        total: 545.0,
        junior_share: 0.7,
        senior_share: 0.01,
    });
    total.scenario.apply_certified_total();
    let own_split = query(&total).len();
    println!("with its own split: {own_split} characters");
    assert!(own_split <= by_total + 12);

    // Three sources from one bulletin, each of about 40 Chinese characters.
    let mut cited = custom.clone();
    for (key, quote) in [
        ("talent", "全市社会工作专业人才6234人"),
        ("townships", "全市共有乡镇（街道）290个"),
        ("villages", "村（社区）3465个"),
    ] {
        cited
            .scenario
            .planner_sources
            .insert(key.into(), bulletin(quote));
    }
    let with_sources = query(&cited).len();
    println!(
        "three sources add {} characters ({with_sources} in all)",
        with_sources - plain
    );
    assert!(with_sources - plain <= 3 * 100);

    // However many sources a plan has, the link takes at most what `q` allows.
    let mut every = custom;
    for key in sources::source_keys() {
        every.scenario.planner_sources.insert(
            key.into(),
            bulletin("全市社会工作专业人才6234人，其中持证社工545人"),
        );
    }
    let longest = query(&every).len();
    println!("every value cited: {longest} characters");
    assert!(longest <= plain + sources::MAX_LINK_CHARS + 3);
    assert!(!sources::link_sources(&every.scenario).left_out.is_empty());
}

#[test]
fn actual_figures_cost_little_in_a_link() {
    let plain = preset_plan("ningxia");
    // Five years of talent and certified actuals, as a bulletin gives them each year.
    let mut with = plain.clone();
    for (i, year) in (2022..=2026).enumerate() {
        let i = i as f64;
        let a = &mut with.scenario.actuals;
        a.insert(
            Metric::Talent,
            year,
            swplan_engine::Actual::new(9_870.0 + 1_130.0 * i),
        );
        a.insert(
            Metric::Certified,
            year,
            swplan_engine::Actual::new(3_020.0 + 610.0 * i),
        );
    }
    let values = query(&with).len() - query(&plain).len();
    println!("ten actuals (two figures, five years) add {values} characters");
    assert!(values <= 80, "{values}");
    // With a note on the latest of each.
    for metric in [Metric::Talent, Metric::Certified] {
        let value = with.scenario.actuals.value(metric, 2026).unwrap();
        with.scenario.actuals.insert(
            metric,
            2026,
            swplan_engine::Actual {
                value,
                note: Some("2026年宁夏民政事业发展统计公报".into()),
            },
        );
    }
    let notes = query(&with).len() - query(&plain).len() - values;
    println!("two notes of 17 Chinese characters add {notes} characters");
    assert!(notes <= 120, "{notes}");
}

/// Every assumption and lever of a new region set, as a planner types them.
fn custom_region() -> PlanSpec {
    let mut custom = preset_plan("new");
    custom.name = Some("赣州市社工人才规划（初稿）".into());
    custom.scenario.name = RegionName {
        zh: "赣州市".into(),
        en: "Ganzhou".into(),
    };
    custom.scenario.base_year = 2024;
    custom.scenario.end_year = 2030;
    // Every assumption and lever set to a value of the kind a planner types.
    for (key, value) in [
        ("talent", 6234.0),
        ("attrition", 0.085),
        ("hires", 850.0),
        ("certified_junior", 410.0),
        ("certified_mid", 132.0),
        ("certified_senior", 3.0),
        ("mid_from_junior", 0.45),
        ("candidates_junior", 1200.0),
        ("pass_junior", 0.27),
        ("candidates_mid", 400.0),
        ("pass_mid", 0.18),
        ("candidates_senior", 12.0),
        ("pass_senior", 0.15),
        ("townships", 290.0),
        ("stations", 120.0),
        ("stations_per_year", 45.0),
        ("demo_stations", 8.0),
        ("demo_per_year", 5.0),
        ("villages", 3465.0),
        ("rooms", 300.0),
        ("rooms_per_year", 400.0),
        ("staff_per_station", 2.5),
        ("staff_per_room", 1.2),
        ("institutions", 48.0),
        ("institutions_per_year", 6.0),
        ("positions", 700.0),
        ("positions_per_year", 90.0),
        ("station_cost", 185000.0),
        ("station_operating_cost", 160000.0),
        ("room_cost", 25000.0),
        ("room_operating_cost", 15000.0),
        ("subsidy_junior", 1000.0),
        ("subsidy_mid", 2000.0),
        ("subsidy_senior", 5000.0),
        ("spread_hires", 0.2),
        ("spread_attrition", 0.3),
        ("spread_candidates", 0.12),
        ("spread_pass", 0.1),
        ("station_completion", 0.8),
        ("room_completion", 0.75),
    ] {
        set(&mut custom, key, Yearly::Constant(value));
    }
    custom.scenario.targets = vec![
        Target {
            metric: Metric::Talent,
            threshold: 10000.0,
            deadline: 2027,
            source: None,
        },
        Target {
            metric: Metric::StationCoverage,
            threshold: 1.0,
            deadline: 2026,
            source: None,
        },
        Target {
            metric: Metric::BudgetCumulative,
            threshold: 300_000_000.0,
            deadline: 2030,
            source: None,
        },
    ];
    validate(&custom.scenario).unwrap();
    custom
}
