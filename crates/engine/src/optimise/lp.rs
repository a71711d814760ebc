//! The linear programme and its solution by constraint generation.
//!
//! A programme has one row per target per future (N sampled futures make N·K rows) but only a
//! few dozen decisions, so at most a few dozen rows bind. The solver starts from the plan run's
//! rows, solves, adds the rows the answer breaks (the most broken per target), and solves
//! again until every row holds: the answer is then optimal for the whole programme, exactly as
//! if every row had been given at once. The dual values come from the dual of the last, small
//! programme (its optimum equals the primal's), solved by the same simplex.

use microlp::{ComparisonOp, Error as LpError, OptimizationDirection, Problem as LpProblem};

/// A row of the programme: `coefficients · x ≥ lower`, scaled so the largest coefficient is 1.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Row {
    pub coefficients: Vec<f64>,
    pub lower: f64,
    /// The factor the row was divided by: a dual value of the scaled row divided by it is the
    /// dual value of the row as written.
    pub scale: f64,
    /// The caller's name for the row (which target it belongs to).
    pub label: usize,
}

impl Row {
    /// A scaled row; `None` when every coefficient is zero (then only `lower ≤ 0` holds).
    pub fn new(coefficients: Vec<f64>, lower: f64) -> Result<Row, ConstantRow> {
        let scale = coefficients.iter().fold(0.0_f64, |m, c| m.max(c.abs()));
        if scale == 0.0 {
            return Err(if lower <= tolerance(lower) {
                ConstantRow::Holds
            } else {
                ConstantRow::Breaks
            });
        }
        Ok(Row {
            coefficients: coefficients.iter().map(|c| c / scale).collect(),
            lower: lower / scale,
            scale,
            label: usize::MAX,
        })
    }

    /// The row named `label`.
    pub fn labelled(self, label: usize) -> Row {
        Row { label, ..self }
    }

    /// How much the row is broken at `x` (negative when it holds with room to spare).
    pub fn shortfall(&self, x: &[f64]) -> f64 {
        self.lower - dot(&self.coefficients, x)
    }

    /// Whether the row holds at `x` within the solver's tolerance.
    pub fn holds(&self, x: &[f64]) -> bool {
        self.shortfall(x) <= tolerance(self.lower) + 1e-9 * magnitude(&self.coefficients, x)
    }
}

/// A row without any decision in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ConstantRow {
    Holds,
    Breaks,
}

fn tolerance(lower: f64) -> f64 {
    1e-7 * (1.0 + lower.abs())
}

fn magnitude(coefficients: &[f64], x: &[f64]) -> f64 {
    coefficients.iter().zip(x).map(|(c, v)| (c * v).abs()).sum()
}

pub(crate) fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Why a programme has no answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Failure {
    Infeasible,
    /// Unbounded or a numerical failure: a solver problem, not the planner's.
    Solver,
}

/// The objective and bounds of a programme: minimise `objective · x` for `min ≤ x ≤ max`.
#[derive(Clone, Debug)]
pub(crate) struct Frame {
    pub objective: Vec<f64>,
    pub bounds: Vec<(f64, f64)>,
}

/// Minimises over the given rows at once.
pub(crate) fn solve_rows(frame: &Frame, rows: &[Row]) -> Result<Vec<f64>, Failure> {
    let scale = frame
        .objective
        .iter()
        .fold(0.0_f64, |m, c| m.max(c.abs()))
        .max(f64::MIN_POSITIVE);
    let mut problem = LpProblem::new(OptimizationDirection::Minimize);
    let vars: Vec<_> = frame
        .objective
        .iter()
        .zip(&frame.bounds)
        .map(|(c, bounds)| problem.add_var(c / scale, *bounds))
        .collect();
    for row in rows {
        let expr: Vec<_> = vars
            .iter()
            .zip(&row.coefficients)
            .filter(|(_, c)| **c != 0.0)
            .map(|(v, c)| (*v, *c))
            .collect();
        problem.add_constraint(expr.as_slice(), ComparisonOp::Ge, row.lower);
    }
    let outcome = problem.solve().map_err(|error| match error {
        LpError::Infeasible => Failure::Infeasible,
        _ => Failure::Solver,
    })?;
    let solution = outcome.into_solution().map_err(|_| Failure::Solver)?;
    Ok(vars.iter().map(|v| solution.var_value(*v)).collect())
}

/// A linear programme in a plain form any solver reads: minimise `objective · x` subject to
/// `lower ≤ a · x ≤ upper` for every row and `min ≤ x ≤ max` for every variable. The numbers are
/// those the engine's simplex is given (objective and rows scaled as `solve_rows` scales
/// them), so another solver faces exactly the same programme. For measuring solvers (issue 22).
#[derive(Clone, Debug, PartialEq)]
pub struct StandardLp {
    /// Scaled so that the largest coefficient is 1: multiply by `objective_scale` for 元.
    pub objective: Vec<f64>,
    pub objective_scale: f64,
    /// Per variable `(min, max)`; `max` may be `f64::INFINITY`; a fixed variable has min = max.
    pub bounds: Vec<(f64, f64)>,
    pub rows: Vec<StandardRow>,
}

/// One row of a [`StandardLp`]: `lower ≤ Σ coefficient · x[index] ≤ upper`, zeros left out.
#[derive(Clone, Debug, PartialEq)]
pub struct StandardRow {
    pub coefficients: Vec<(usize, f64)>,
    pub lower: f64,
    /// Every row of the optimiser is "at least": `f64::INFINITY`.
    pub upper: f64,
    /// `Some(k)`: target k's row in one sampled future, a candidate the constraint generation
    /// adds only when the answer breaks it. `None`: a row present from the start (the plan
    /// run's targets and guards).
    pub family: Option<usize>,
}

impl StandardLp {
    /// The programme `solve_rows(frame, rows)` gives the simplex; row i's family is `family(i)`.
    pub(crate) fn new(
        frame: &Frame,
        rows: &[Row],
        family: impl Fn(usize) -> Option<usize>,
    ) -> StandardLp {
        let objective_scale = frame
            .objective
            .iter()
            .fold(0.0_f64, |m, c| m.max(c.abs()))
            .max(f64::MIN_POSITIVE);
        StandardLp {
            objective: frame
                .objective
                .iter()
                .map(|c| c / objective_scale)
                .collect(),
            objective_scale,
            bounds: frame.bounds.clone(),
            rows: (rows.iter().enumerate())
                .map(|(i, row)| StandardRow {
                    coefficients: (row.coefficients.iter().enumerate())
                        .filter(|(_, c)| **c != 0.0)
                        .map(|(j, c)| (j, *c))
                        .collect(),
                    lower: row.lower,
                    upper: f64::INFINITY,
                    family: family(i),
                })
                .collect(),
        }
    }

    /// The objective's value at `x` (in the scaled units of `objective`).
    pub fn value(&self, x: &[f64]) -> f64 {
        dot(&self.objective, x)
    }
}

/// The rows a constraint-generation solve draws from: a fixed set always present and families
/// of candidates (one family per target over the futures) searched for broken rows.
pub(crate) trait RowSource {
    /// Rows present from the start (the plan run's).
    fn fixed_rows(&self) -> Vec<Row>;
    /// How many families of candidate rows there are.
    fn families(&self) -> usize;
    /// The candidate rows of a family broken at `x`, most broken first, at most `limit`.
    fn broken(&self, family: usize, x: &[f64], limit: usize) -> Vec<Row>;
}

/// How many broken rows of each family join the programme per round.
const ROWS_PER_ROUND: usize = 4;
/// Rounds before the solve gives up (each adds at least one row; a programme of a few dozen
/// decisions needs a few dozen at most).
const MAX_ROUNDS: usize = 500;

/// An optimum over every row of `source`, and the rows it was found with.
#[derive(Clone, Debug)]
pub(crate) struct Solved {
    pub x: Vec<f64>,
    pub rows: Vec<Row>,
}

/// Minimises over every row of `source`, adding broken rows until none is broken.
pub(crate) fn solve_generated(
    frame: &Frame,
    source: &dyn RowSource,
    mut rows: Vec<Row>,
) -> Result<Solved, Failure> {
    rows.extend(source.fixed_rows());
    for _ in 0..MAX_ROUNDS {
        let x = solve_rows(frame, &rows)?;
        let added: Vec<Row> = (0..source.families())
            .flat_map(|family| source.broken(family, &x, ROWS_PER_ROUND))
            .collect();
        if added.is_empty() {
            return Ok(Solved { x, rows });
        }
        rows.extend(added);
    }
    Err(Failure::Solver)
}

/// The dual values of an optimum: what one more unit of each row's right-hand side, or of each
/// bound, adds to the least objective.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Duals {
    /// Per row, ≥ 0: raising the row's `lower` by one (unscaled) unit raises the optimum by it.
    pub rows: Vec<f64>,
    /// Per variable, ≥ 0: raising its least amount by one raises the optimum by it.
    pub at_min: Vec<f64>,
    /// Per variable, ≥ 0: raising its most amount by one lowers the optimum by it.
    pub at_max: Vec<f64>,
}

/// The duals of `min c·x, rows, bounds` from its dual programme
/// `max Σ lower·y + Σ min·μ − Σ max·ν` with `Σ rows·y + μ − ν = c`, `y, μ, ν ≥ 0`.
/// `None` if the dual does not solve or its optimum differs from the primal's (`optimum`).
pub(crate) fn duals(frame: &Frame, rows: &[Row], optimum: f64) -> Option<Duals> {
    let n = frame.objective.len();
    let mut problem = LpProblem::new(OptimizationDirection::Maximize);
    let y: Vec<_> = rows
        .iter()
        .map(|row| problem.add_var(row.lower, (0.0, f64::INFINITY)))
        .collect();
    let finite = |b: f64| b.is_finite().then_some(b);
    let mu: Vec<_> = frame
        .bounds
        .iter()
        .map(|(min, _)| finite(*min).map(|m| problem.add_var(m, (0.0, f64::INFINITY))))
        .collect();
    let nu: Vec<_> = frame
        .bounds
        .iter()
        .map(|(_, max)| finite(*max).map(|m| problem.add_var(-m, (0.0, f64::INFINITY))))
        .collect();
    for j in 0..n {
        let mut expr: Vec<_> = rows
            .iter()
            .zip(&y)
            .filter(|(row, _)| row.coefficients[j] != 0.0)
            .map(|(row, v)| (*v, row.coefficients[j]))
            .collect();
        expr.extend(mu[j].map(|v| (v, 1.0)));
        expr.extend(nu[j].map(|v| (v, -1.0)));
        problem.add_constraint(expr.as_slice(), ComparisonOp::Eq, frame.objective[j]);
    }
    let solution = problem.solve().ok()?.into_solution().ok()?;
    let agrees = (solution.objective() - optimum).abs() <= 1e-6 * (1.0 + optimum.abs());
    if !agrees {
        return None;
    }
    let value = |v: &Option<microlp::Variable>| v.map_or(0.0, |v| solution.var_value(v).max(0.0));
    Some(Duals {
        rows: rows
            .iter()
            .zip(&y)
            .map(|(row, v)| solution.var_value(*v).max(0.0) / row.scale)
            .collect(),
        at_min: mu.iter().map(value).collect(),
        at_max: nu.iter().map(value).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(objective: Vec<f64>, bounds: Vec<(f64, f64)>) -> Frame {
        Frame { objective, bounds }
    }

    #[test]
    fn a_small_programme_has_its_textbook_optimum_and_duals() {
        // min 2x + 3y, x + y ≥ 10, x ≤ 4: x = 4, y = 6, cost 26; the row's dual is 3 (one more
        // unit needs one more y) and the ceiling on x saves 1 per unit (x is 1 cheaper than y).
        let f = frame(vec![2.0, 3.0], vec![(0.0, 4.0), (0.0, f64::INFINITY)]);
        let rows = vec![Row::new(vec![1.0, 1.0], 10.0).unwrap()];
        let x = solve_rows(&f, &rows).unwrap();
        assert!(
            (x[0] - 4.0).abs() < 1e-9 && (x[1] - 6.0).abs() < 1e-9,
            "{x:?}"
        );
        let d = duals(&f, &rows, 26.0).unwrap();
        assert!((d.rows[0] - 3.0).abs() < 1e-9, "{d:?}");
        assert!((d.at_max[0] - 1.0).abs() < 1e-9, "{d:?}");
        assert_eq!(d.at_min, vec![0.0, 0.0]);
    }

    #[test]
    fn an_impossible_row_is_infeasible() {
        let f = frame(vec![1.0], vec![(0.0, 5.0)]);
        let rows = vec![Row::new(vec![1.0], 6.0).unwrap()];
        assert_eq!(solve_rows(&f, &rows), Err(Failure::Infeasible));
        assert_eq!(Row::new(vec![0.0], 1.0), Err(ConstantRow::Breaks));
        assert_eq!(Row::new(vec![0.0], 0.0), Err(ConstantRow::Holds));
    }

    /// Rows x ≥ k for k = 1..=100, one family: only the largest matters.
    struct Many;

    impl RowSource for Many {
        fn fixed_rows(&self) -> Vec<Row> {
            vec![]
        }
        fn families(&self) -> usize {
            1
        }
        fn broken(&self, _: usize, x: &[f64], limit: usize) -> Vec<Row> {
            let mut rows: Vec<Row> = (1..=100)
                .map(|k| Row::new(vec![1.0], f64::from(k)).unwrap())
                .filter(|r| !r.holds(x))
                .collect();
            rows.sort_by(|a, b| b.shortfall(x).total_cmp(&a.shortfall(x)));
            rows.truncate(limit);
            rows
        }
    }

    #[test]
    fn generated_rows_give_the_optimum_of_all_rows() {
        let f = frame(vec![1.0], vec![(0.0, f64::INFINITY)]);
        let solved = solve_generated(&f, &Many, vec![]).unwrap();
        assert!((solved.x[0] - 100.0).abs() < 1e-9);
        assert!(solved.rows.len() <= ROWS_PER_ROUND, "{}", solved.rows.len());
    }
}
