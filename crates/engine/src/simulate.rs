//! The yearly step of the workforce pipeline and the year table it produces.
//!
//! Every stock moves from the end of one year to the end of the next:
//! talent loses its attrition share and gains the year's hires; certificate holders leave at the
//! same rate, new passes enter from the uncertified talent and move up the ladder; stations and
//! rooms are built up to their ceilings; money follows what was built, operated and certified.

use serde::{Deserialize, Serialize};

pub use super::figures::YearRow;
use super::scenario::{Assumptions, Scenario, FIRST_MODEL_VERSION};
use super::validate::{validate, ValidationErrors};

/// The year table, base year first, and what went wrong along the way.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Trajectory {
    pub years: Vec<YearRow>,
    pub warnings: Vec<Warning>,
}

impl Trajectory {
    /// The row of `year`, if the table has it.
    pub fn row(&self, year: i32) -> Option<&YearRow> {
        let first = self.years.first()?.year;
        let index = usize::try_from(year.checked_sub(first)?).ok()?;
        self.years.get(index)
    }
}

/// A condition the planner should know about, over the years it held.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Warning {
    pub code: WarningCode,
    pub first_year: i32,
    pub last_year: i32,
}

/// The kinds of warning the model raises.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningCode {
    /// Talent is smaller than the staff that stations and rooms need.
    Understaffed,
    /// More people passed than there is uncertified talent; new certificates were cut to fit.
    CertificationCapped,
    /// More senior passes than mid-level holders to promote; senior passes were cut to fit.
    SeniorCapped,
}

/// The inputs of one simulated year, after schedules are expanded (and, in Monte Carlo runs,
/// after uncertainty is drawn).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct YearInputs {
    pub hires: f64,
    pub attrition: f64,
    pub candidates_junior: f64,
    pub candidates_mid: f64,
    pub candidates_senior: f64,
    pub pass_junior: f64,
    pub pass_mid: f64,
    pub pass_senior: f64,
    pub institutions_per_year: f64,
    pub stations_per_year: f64,
    pub demo_per_year: f64,
    pub rooms_per_year: f64,
    pub positions_per_year: f64,
    /// Share of this year's planned station builds that is finished this year: in the plan
    /// the expected share (1 under model 1), in a Monte Carlo run a draw around it.
    pub station_completion: f64,
    /// Share of this year's planned room set-ups that is finished this year.
    pub room_completion: f64,
}

/// Expands a valid scenario's schedules into one [`YearInputs`] per simulated year.
pub fn year_inputs(scenario: &Scenario) -> Vec<YearInputs> {
    let n = scenario.horizon();
    let l = &scenario.levers;
    let [hires, cj, cm, cs, pj, pm, ps, inst, st, demo, rooms, pos] = [
        &l.hires,
        &l.candidates_junior,
        &l.candidates_mid,
        &l.candidates_senior,
        &l.pass_junior,
        &l.pass_mid,
        &l.pass_senior,
        &l.institutions_per_year,
        &l.stations_per_year,
        &l.demo_per_year,
        &l.rooms_per_year,
        &l.positions_per_year,
    ]
    .map(|yearly| yearly.expand(n));
    // The plan's expected path (model 2) or every build in its year (model 1).
    let (station_completion, room_completion) = match scenario.model {
        FIRST_MODEL_VERSION => (1.0, 1.0),
        _ => (
            scenario.uncertainty.station_completion,
            scenario.uncertainty.room_completion,
        ),
    };
    (0..n)
        .map(|i| YearInputs {
            hires: hires[i],
            attrition: scenario.assumptions.attrition,
            candidates_junior: cj[i],
            candidates_mid: cm[i],
            candidates_senior: cs[i],
            pass_junior: pj[i],
            pass_mid: pm[i],
            pass_senior: ps[i],
            institutions_per_year: inst[i],
            stations_per_year: st[i],
            demo_per_year: demo[i],
            rooms_per_year: rooms[i],
            positions_per_year: pos[i],
            station_completion,
            room_completion,
        })
        .collect()
}

/// Validates a scenario and simulates it. The model never runs on invalid input.
pub fn simulate(scenario: &Scenario) -> Result<Trajectory, ValidationErrors> {
    validate(scenario)?;
    Ok(run(scenario, &year_inputs(scenario)))
}

/// Simulates a valid scenario with given yearly inputs (the deterministic plan or a Monte Carlo
/// draw). Never panics; on invalid numbers it yields meaningless but finite-or-NaN figures,
/// which is why public callers go through [`simulate`].
pub fn run(scenario: &Scenario, inputs: &[YearInputs]) -> Trajectory {
    run_from(scenario, &Start::plan(scenario), inputs)
}

/// Simulates a valid scenario from `start` on: the table's first row is the start year, and
/// `inputs` are the years after it (`year_inputs(scenario)[k..]` for a start `k` years after the
/// base year). With [`Start::plan`] this is [`run`].
pub fn run_from(scenario: &Scenario, start: &Start, inputs: &[YearInputs]) -> Trajectory {
    walk(scenario, start, inputs).0
}

/// Where a run from `start` through `inputs` ends: the stocks, year and spending of its last
/// row, ready to start another run there.
pub fn advance(scenario: &Scenario, start: &Start, inputs: &[YearInputs]) -> Start {
    walk(scenario, start, inputs).1
}

fn walk(scenario: &Scenario, start: &Start, inputs: &[YearInputs]) -> (Trajectory, Start) {
    let a = &scenario.assumptions;
    let mut state = start.state;
    let mut years = Vec::with_capacity(inputs.len() + 1);
    years.push(state.row(start.year, a, start.budget, start.budget_cumulative));
    let mut log = WarningLog::default();
    let mut end = *start;
    for (i, input) in inputs.iter().enumerate() {
        let year = start.year.saturating_add(1 + i as i32);
        let outcome = state.step(a, scenario, input);
        for code in outcome.warnings.into_iter().flatten() {
            log.note(code, year);
        }
        end.budget_cumulative += outcome.budget;
        let row = state.row(year, a, outcome.budget, end.budget_cumulative);
        if row.talent < row.staff_needed {
            log.note(WarningCode::Understaffed, year);
        }
        years.push(row);
        (end.year, end.budget) = (year, outcome.budget);
    }
    end.state = state;
    let trajectory = Trajectory {
        years,
        warnings: log.warnings,
    };
    (trajectory, end)
}

/// Where a run starts: a year, the stocks at its end and the money spent up to it. The plan
/// starts at the base year from the assumptions ([`Start::plan`]); a re-projection starts at a
/// later year from the actual figures (as Vensim's Resume and PySD's `initial_condition`).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Start {
    /// The year whose end-of-year stocks these are: the first row of the run.
    pub year: i32,
    pub state: State,
    /// Spending in the start year itself (0 in the base year, whose row is its end).
    pub budget: f64,
    /// Spending from the base year up to the end of the start year (`budget_cumulative`).
    pub budget_cumulative: f64,
}

impl Start {
    /// The plan's start: the base year with the assumptions' stocks, nothing spent yet.
    pub fn plan(scenario: &Scenario) -> Start {
        Start {
            year: scenario.base_year,
            state: State::start(&scenario.assumptions),
            budget: 0.0,
            budget_cumulative: 0.0,
        }
    }
}

/// The stocks carried from year to year (end-of-year figures), with the builds that slipped.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct State {
    /// 社会工作人才总量 (people).
    pub talent: f64,
    /// 助理社会工作师 holders.
    pub junior: f64,
    /// 社会工作师 holders.
    pub mid: f64,
    /// 高级社会工作师 holders.
    pub senior: f64,
    pub institutions: f64,
    pub stations: f64,
    pub demo_stations: f64,
    pub rooms: f64,
    pub positions: f64,
    /// Planned station builds not yet finished, carried into the next year.
    pub station_backlog: f64,
    /// Planned room set-ups not yet finished.
    pub room_backlog: f64,
}

struct StepOutcome {
    budget: f64,
    warnings: [Option<WarningCode>; 2],
}

impl State {
    /// The stocks of the base year, as the assumptions give them; nothing slipped yet.
    pub fn start(a: &Assumptions) -> State {
        State {
            talent: a.talent,
            junior: a.certified_junior,
            mid: a.certified_mid,
            senior: a.certified_senior,
            institutions: a.institutions,
            stations: a.stations,
            demo_stations: a.demo_stations,
            rooms: a.rooms,
            positions: a.positions,
            station_backlog: 0.0,
            room_backlog: 0.0,
        }
    }

    /// Moves every stock one year forward and returns that year's spending.
    fn step(&mut self, a: &Assumptions, scenario: &Scenario, input: &YearInputs) -> StepOutcome {
        let levers = &scenario.levers;
        let stay = 1.0 - input.attrition;

        // Talent: T' = T·(1−a) + H. New hires are not exposed to attrition in their first year.
        self.talent = self.talent * stay + input.hires;

        // Certificate holders leave at the same rate as all talent.
        let junior = self.junior * stay;
        let mut mid = self.mid * stay;
        let senior = self.senior * stay;
        let retained = junior + mid + senior;

        // Senior certificates are open only to mid-level holders: every pass is a promotion.
        let senior_passes = input.candidates_senior * input.pass_senior;
        let promoted_to_senior = senior_passes.min(mid);
        mid -= promoted_to_senior;
        let senior_capped = senior_passes > promoted_to_senior + 1e-9;

        // Mid-level passes come partly from junior holders (a move up the ladder) and partly
        // from uncertified talent. Junior passes all come from uncertified talent.
        let mid_passes = input.candidates_mid * input.pass_mid;
        let mid_from_junior = (mid_passes * a.mid_from_junior).min(junior);
        let mut fresh_mid = mid_passes - mid_from_junior;
        let mut fresh_junior = input.candidates_junior * input.pass_junior;

        // Certified never exceeds talent: new holders must come from the uncertified talent.
        let uncertified = (self.talent - retained).max(0.0);
        let fresh = fresh_mid + fresh_junior;
        let certification_capped = fresh > uncertified;
        if certification_capped {
            let scale = if fresh > 0.0 {
                uncertified / fresh
            } else {
                0.0
            };
            fresh_mid *= scale;
            fresh_junior *= scale;
        }
        self.junior = junior - mid_from_junior + fresh_junior;
        self.mid = mid + mid_from_junior + fresh_mid;
        self.senior = senior + promoted_to_senior;
        self.keep_certified_within_talent();

        self.institutions += input.institutions_per_year;
        self.positions += input.positions_per_year;

        // Stations and rooms: last year's unfinished builds are finished this year; of this
        // year's plan a share is finished (all of it in the plan) and the rest slips a year.
        // Both are capped by the number of townships / villages.
        let stations = build(
            self.stations,
            a.townships,
            self.station_backlog,
            input.stations_per_year,
            input.station_completion,
        );
        let stations_built = stations.total - self.stations;
        (self.stations, self.station_backlog) = (stations.total, stations.backlog);
        self.demo_stations = (self.demo_stations + input.demo_per_year).min(self.stations);
        let rooms = build(
            self.rooms,
            a.villages,
            self.room_backlog,
            input.rooms_per_year,
            input.room_completion,
        );
        let rooms_built = rooms.total - self.rooms;
        (self.rooms, self.room_backlog) = (rooms.total, rooms.backlog);

        let budget = stations_built * a.station_cost
            + rooms_built * a.room_cost
            + self.stations * a.station_operating_cost
            + self.rooms * a.room_operating_cost
            + (fresh_junior) * levers.subsidy_junior
            + (mid_from_junior + fresh_mid) * levers.subsidy_mid
            + promoted_to_senior * levers.subsidy_senior;

        StepOutcome {
            budget,
            warnings: [
                certification_capped.then_some(WarningCode::CertificationCapped),
                senior_capped.then_some(WarningCode::SeniorCapped),
            ],
        }
    }

    /// Rounding in the sums of a step can leave certified a hair above talent (by a few units in
    /// the last place); take the excess off the lowest level, then the next, so that
    /// `junior + mid + senior <= talent` holds exactly as the table computes it.
    pub(crate) fn keep_certified_within_talent(&mut self) {
        let total = |l: &[f64; 3]| l[0] + l[1] + l[2];
        let mut levels = [self.junior, self.mid, self.senior];
        for i in 0..levels.len() {
            let excess = total(&levels) - self.talent;
            if excess <= 0.0 {
                break;
            }
            levels[i] = (levels[i] - excess).max(0.0);
            // What rounding leaves over is a few units in the last place: step them off.
            while levels[i] > 0.0 && total(&levels) > self.talent {
                levels[i] = levels[i].next_down().max(0.0);
            }
        }
        [self.junior, self.mid, self.senior] = levels;
    }

    fn row(&self, year: i32, a: &Assumptions, budget: f64, budget_cumulative: f64) -> YearRow {
        YearRow {
            year,
            talent: self.talent,
            certified: self.junior + self.mid + self.senior,
            certified_junior: self.junior,
            certified_mid: self.mid,
            certified_senior: self.senior,
            institutions: self.institutions,
            stations: self.stations,
            demo_stations: self.demo_stations,
            rooms: self.rooms,
            positions: self.positions,
            budget,
            budget_cumulative,
            station_coverage: share(self.stations, a.townships),
            room_coverage: share(self.rooms, a.villages),
            staff_needed: self.stations * a.staff_per_station + self.rooms * a.staff_per_room,
        }
    }
}

/// The result of a year's building: the new total and what slips into next year.
struct Built {
    total: f64,
    backlog: f64,
}

/// Builds what slipped from last year and the finished share of this year's plan, up to the
/// ceiling.
fn build(built_so_far: f64, ceiling: f64, carried: f64, planned: f64, completion: f64) -> Built {
    let finished = carried + planned * completion;
    if finished >= ceiling - built_so_far {
        // The ceiling is reached exactly (not by a sum that could round past it); nothing is
        // left to build, so nothing slips.
        Built {
            total: ceiling.max(built_so_far),
            backlog: 0.0,
        }
    } else {
        Built {
            total: built_so_far + finished,
            backlog: planned - planned * completion,
        }
    }
}

/// `part / whole`, or 0 when there is no whole (no townships, no villages).
pub(crate) fn share(part: f64, whole: f64) -> f64 {
    if whole > 0.0 {
        part / whole
    } else {
        0.0
    }
}

/// Collects warnings into runs of consecutive years.
#[derive(Default)]
struct WarningLog {
    warnings: Vec<Warning>,
}

impl WarningLog {
    fn note(&mut self, code: WarningCode, year: i32) {
        if let Some(last) = self
            .warnings
            .iter_mut()
            .rev()
            .find(|w| w.code == code && w.last_year + 1 == year)
        {
            last.last_year = year;
        } else {
            self.warnings.push(Warning {
                code,
                first_year: year,
                last_year: year,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::set;
    use crate::test_presets as presets;
    use crate::Yearly;

    fn yunnan() -> Scenario {
        presets::default_preset().scenario.clone()
    }

    #[test]
    fn row_fields_round_trip() {
        let t = simulate(&yunnan()).unwrap();
        let row = &t.years[3];
        assert_eq!(&YearRow::from_fields(row.year, row.fields()), row);
    }

    #[test]
    fn first_row_is_the_base_year_with_the_starting_stocks() {
        let s = yunnan();
        let t = simulate(&s).unwrap();
        assert_eq!(t.years[0].year, s.base_year);
        assert_eq!(t.years[0].talent, s.assumptions.talent);
        assert_eq!(t.years[0].budget, 0.0);
        assert_eq!(t.years.len(), s.horizon() + 1);
    }

    #[test]
    fn talent_follows_the_closed_form() {
        // T_n = T0·(1−a)^n + H·(1−(1−a)^n)/a for constant hiring H and attrition a.
        let mut s = yunnan();
        let (t0, h, a) = (84_500.0, 12_345.0, 0.07);
        s.assumptions.talent = t0;
        set(&mut s, "hires", h).unwrap();
        set(&mut s, "attrition", a).unwrap();
        let t = simulate(&s).unwrap();
        for (n, row) in t.years.iter().enumerate() {
            let stay = (1.0f64 - a).powi(n as i32);
            let expected = t0 * stay + h * (1.0 - stay) / a;
            assert!(
                (row.talent - expected).abs() < 1e-6 * expected,
                "year {}: {} vs {expected}",
                row.year,
                row.talent
            );
        }
    }

    #[test]
    fn zero_attrition_adds_hires_linearly() {
        let mut s = yunnan();
        set(&mut s, "attrition", 0.0).unwrap();
        set(&mut s, "hires", 1000.0).unwrap();
        let t = simulate(&s).unwrap();
        assert_eq!(t.years[5].talent, s.assumptions.talent + 5000.0);
    }

    #[test]
    fn junior_passes_are_candidates_times_pass_rate() {
        let mut s = yunnan();
        for (key, v) in [
            ("attrition", 0.0),
            ("candidates_mid", 0.0),
            ("candidates_senior", 0.0),
            ("candidates_junior", 1000.0),
            ("pass_junior", 0.3),
        ] {
            set(&mut s, key, v).unwrap();
        }
        let t = simulate(&s).unwrap();
        assert_eq!(
            t.years[1].certified_junior,
            s.assumptions.certified_junior + 300.0
        );
    }

    #[test]
    fn mid_passes_partly_promote_junior_holders() {
        let mut s = yunnan();
        for (key, v) in [
            ("attrition", 0.0),
            ("candidates_junior", 0.0),
            ("candidates_senior", 0.0),
            ("candidates_mid", 1000.0),
            ("pass_mid", 0.2),
            ("mid_from_junior", 0.5),
        ] {
            set(&mut s, key, v).unwrap();
        }
        let t = simulate(&s).unwrap();
        let a = &s.assumptions;
        // 200 mid passes: 100 move up from junior, 100 are new certificate holders.
        assert_eq!(t.years[1].certified_mid, a.certified_mid + 200.0);
        assert_eq!(t.years[1].certified_junior, a.certified_junior - 100.0);
        let start = a.certified_junior + a.certified_mid + a.certified_senior;
        assert_eq!(t.years[1].certified, start + 100.0);
    }

    #[test]
    fn senior_passes_are_capped_by_mid_holders_with_a_warning() {
        let mut s = yunnan();
        s.assumptions.certified_mid = 10.0;
        set(&mut s, "candidates_senior", 1000.0).unwrap();
        set(&mut s, "pass_senior", 1.0).unwrap();
        set(&mut s, "candidates_mid", 0.0).unwrap();
        let t = simulate(&s).unwrap();
        assert!(t.years[1].certified_senior <= s.assumptions.certified_senior + 10.0);
        assert!(t
            .warnings
            .iter()
            .any(|w| w.code == WarningCode::SeniorCapped));
    }

    #[test]
    fn certified_is_capped_by_talent_with_a_warning() {
        let mut s = yunnan();
        set(&mut s, "candidates_junior", 10_000_000.0).unwrap();
        set(&mut s, "pass_junior", 1.0).unwrap();
        let t = simulate(&s).unwrap();
        for row in &t.years {
            assert!(row.certified <= row.talent, "{}", row.year);
        }
        assert_eq!(t.years[1].certified, t.years[1].talent);
        assert!(t
            .warnings
            .iter()
            .any(|w| w.code == WarningCode::CertificationCapped));
    }

    /// Yunnan with every scheduled build finished in its year, for the arithmetic of a year.
    fn yunnan_on_time() -> Scenario {
        let mut s = yunnan();
        s.uncertainty.station_completion = 1.0;
        s.uncertainty.room_completion = 1.0;
        s
    }

    #[test]
    fn the_plan_finishes_the_expected_share_of_its_builds_and_the_rest_a_year_later() {
        let mut s = yunnan();
        s.assumptions.rooms = 0.0;
        s.uncertainty.room_completion = 0.85;
        s.levers.rooms_per_year = Yearly::List(vec![100.0, 100.0, 0.0]);
        let t = simulate(&s).unwrap();
        let rooms: Vec<f64> = t.years[1..4].iter().map(|r| r.rooms).collect();
        // 85 of the first 100; the 15 left and 85 of the next 100; the last 15.
        assert!((rooms[0] - 85.0).abs() < 1e-9, "{rooms:?}");
        assert!((rooms[1] - 185.0).abs() < 1e-9, "{rooms:?}");
        assert!((rooms[2] - 200.0).abs() < 1e-9, "{rooms:?}");
    }

    #[test]
    fn a_scenario_of_the_first_reading_finishes_every_build_in_its_year() {
        let mut s = yunnan();
        s.model = crate::scenario::FIRST_MODEL_VERSION;
        s.assumptions.rooms = 0.0;
        s.uncertainty.room_completion = 0.85;
        s.levers.rooms_per_year = Yearly::List(vec![100.0, 100.0, 0.0]);
        let t = simulate(&s).unwrap();
        let rooms: Vec<f64> = t.years[1..4].iter().map(|r| r.rooms).collect();
        assert_eq!(rooms, vec![100.0, 200.0, 200.0]);
    }

    #[test]
    fn stations_stop_at_the_number_of_townships() {
        let mut s = yunnan_on_time();
        s.assumptions.stations = 0.0;
        set(&mut s, "stations_per_year", 400.0).unwrap();
        let t = simulate(&s).unwrap();
        assert_eq!(t.years[3].stations, 1200.0);
        assert_eq!(t.years[4].stations, s.assumptions.townships);
        assert_eq!(t.years.last().unwrap().station_coverage, 1.0);
    }

    #[test]
    fn demonstration_stations_never_exceed_stations() {
        let mut s = yunnan();
        s.assumptions.stations = 10.0;
        set(&mut s, "stations_per_year", 5.0).unwrap();
        set(&mut s, "demo_per_year", 100.0).unwrap();
        let t = simulate(&s).unwrap();
        for row in &t.years[1..] {
            assert_eq!(row.demo_stations, row.stations, "{}", row.year);
        }
    }

    #[test]
    fn budget_adds_building_operating_and_subsidies() {
        let mut s = yunnan_on_time();
        for (key, v) in [
            ("stations_per_year", 0.0),
            ("rooms_per_year", 10.0),
            ("room_cost", 1000.0),
            ("room_operating_cost", 100.0),
            ("station_operating_cost", 0.0),
            ("candidates_junior", 100.0),
            ("pass_junior", 0.5),
            ("candidates_mid", 0.0),
            ("candidates_senior", 0.0),
            ("subsidy_junior", 2000.0),
        ] {
            set(&mut s, key, v).unwrap();
        }
        let t = simulate(&s).unwrap();
        // Year 1: 10 rooms built (10 000), 10 rooms operated (1 000), 50 new juniors (100 000).
        assert_eq!(t.years[1].budget, 111_000.0);
        // Year 2: 10 more rooms built (10 000), 20 operated (2 000), 50 new juniors (100 000).
        assert_eq!(t.years[2].budget_cumulative, 111_000.0 + 112_000.0);
    }

    #[test]
    fn the_optimiser_s_costs_change_no_figure_of_the_model() {
        // Recruiting, training and exam preparation are the optimiser's costs only: the budget
        // and every other figure stay as they were, so plans made before these costs existed
        // keep their numbers.
        let s = yunnan();
        let mut priced = s.clone();
        set(&mut priced, "hire_cost", 123_456.0).unwrap();
        set(&mut priced, "candidate_cost", 0.0).unwrap();
        assert_eq!(simulate(&priced).unwrap(), simulate(&s).unwrap());
    }

    #[test]
    fn understaffing_is_warned_over_the_years_it_lasts() {
        let mut s = yunnan();
        set(&mut s, "staff_per_station", 1000.0).unwrap();
        let t = simulate(&s).unwrap();
        let w = t
            .warnings
            .iter()
            .find(|w| w.code == WarningCode::Understaffed)
            .expect("understaffed");
        assert_eq!((w.first_year, w.last_year), (s.base_year + 1, s.end_year));
    }

    #[test]
    fn partial_completion_carries_unfinished_builds_over() {
        let mut s = yunnan_on_time();
        s.assumptions.stations = 0.0;
        set(&mut s, "stations_per_year", 100.0).unwrap();
        let mut inputs = year_inputs(&s);
        inputs[0].station_completion = 0.5;
        let t = run(&s, &inputs);
        assert_eq!(t.years[1].stations, 50.0);
        // Year 2 finishes its own 100 and the 50 carried over.
        assert_eq!(t.years[2].stations, 200.0);
    }

    #[test]
    fn slipped_builds_are_finished_the_next_year() {
        let mut s = yunnan();
        s.assumptions.stations = 0.0;
        s.levers.stations_per_year = Yearly::List(vec![100.0, 0.0]);
        let mut inputs = year_inputs(&s);
        for input in &mut inputs {
            input.station_completion = 0.5;
        }
        let t = run(&s, &inputs);
        assert_eq!(t.years[1].stations, 50.0);
        assert_eq!(
            t.years[2].stations, 100.0,
            "a delay is one year, not forever"
        );
        assert_eq!(t.years[3].stations, 100.0);
    }

    #[test]
    fn yearly_schedule_is_followed_year_by_year() {
        let mut s = yunnan();
        set(&mut s, "attrition", 0.0).unwrap();
        s.levers.hires = Yearly::List(vec![100.0, 200.0]);
        let t = simulate(&s).unwrap();
        let t0 = s.assumptions.talent;
        assert_eq!(t.years[1].talent, t0 + 100.0);
        assert_eq!(t.years[2].talent, t0 + 300.0);
        assert_eq!(t.years[3].talent, t0 + 500.0);
    }

    #[test]
    fn invalid_scenario_is_refused_not_simulated() {
        let mut s = yunnan();
        set(&mut s, "hires", f64::NAN).unwrap();
        assert!(simulate(&s).is_err());
    }
}
