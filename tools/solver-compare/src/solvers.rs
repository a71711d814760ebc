//! Each solver on a [`StandardLp`], and the engine's constraint generation with any of them.

use swplan_engine::optimise::{StandardLp, StandardRow};

/// A solver: the optimal x, or why there is none.
pub type Solver = fn(&StandardLp) -> Result<Vec<f64>, String>;

pub const SOLVERS: [(&str, Solver); 3] = [
    ("microlp 0.7", microlp),
    ("clarabel 0.11", clarabel),
    ("minilp 0.2", minilp),
];

/// The engine's simplex, given the programme as the engine gives it (rows "at least").
pub fn microlp(lp: &StandardLp) -> Result<Vec<f64>, String> {
    use microlp::{ComparisonOp, OptimizationDirection, Problem};
    let mut problem = Problem::new(OptimizationDirection::Minimize);
    let vars: Vec<_> = (lp.objective.iter().zip(&lp.bounds))
        .map(|(c, bounds)| problem.add_var(*c, *bounds))
        .collect();
    for row in &lp.rows {
        let expr: Vec<_> = (row.coefficients.iter())
            .map(|(j, a)| (vars[*j], *a))
            .collect();
        if row.lower.is_finite() {
            problem.add_constraint(expr.as_slice(), ComparisonOp::Ge, row.lower);
        }
        if row.upper.is_finite() {
            problem.add_constraint(expr.as_slice(), ComparisonOp::Le, row.upper);
        }
    }
    let outcome = problem.solve().map_err(|e| e.to_string())?;
    let solution = outcome.into_solution().map_err(|_| "interrupted")?;
    Ok(vars.iter().map(|v| solution.var_value(*v)).collect())
}

/// microlp's ancestor: the same interface.
pub fn minilp(lp: &StandardLp) -> Result<Vec<f64>, String> {
    use minilp::{ComparisonOp, OptimizationDirection, Problem};
    let mut problem = Problem::new(OptimizationDirection::Minimize);
    let vars: Vec<_> = (lp.objective.iter().zip(&lp.bounds))
        .map(|(c, bounds)| problem.add_var(*c, *bounds))
        .collect();
    for row in &lp.rows {
        let expr = || row.coefficients.iter().map(|(j, a)| (vars[*j], *a));
        if row.lower.is_finite() {
            problem.add_constraint(expr(), ComparisonOp::Ge, row.lower);
        }
        if row.upper.is_finite() {
            problem.add_constraint(expr(), ComparisonOp::Le, row.upper);
        }
    }
    let solution = problem.solve().map_err(|e| e.to_string())?;
    Ok(vars.iter().map(|v| *solution.var_value(*v)).collect())
}

/// Interior point, as a conic programme with P = 0: A x + s = b with s in the zero cone for
/// equalities (fixed variables) and in the non-negative cone for inequalities (each finite side
/// of a row or of a variable's bounds). Anything but status `Solved` is a failure.
pub fn clarabel(lp: &StandardLp) -> Result<Vec<f64>, String> {
    use clarabel::algebra::CscMatrix;
    use clarabel::solver::{
        DefaultSettingsBuilder, DefaultSolver, IPSolver, NonnegativeConeT, SolverStatus, ZeroConeT,
    };
    let n = lp.objective.len();
    // Rows of A as (coefficients, b): equalities first, then "a·x ≤ b".
    let mut equal: Vec<(Vec<(usize, f64)>, f64)> = Vec::new();
    let mut at_most: Vec<(Vec<(usize, f64)>, f64)> = Vec::new();
    for (j, (min, max)) in lp.bounds.iter().enumerate() {
        if min == max {
            equal.push((vec![(j, 1.0)], *min));
            continue;
        }
        if min.is_finite() {
            at_most.push((vec![(j, -1.0)], -min));
        }
        if max.is_finite() {
            at_most.push((vec![(j, 1.0)], *max));
        }
    }
    for StandardRow {
        coefficients,
        lower,
        upper,
        ..
    } in &lp.rows
    {
        if lower == upper {
            equal.push((coefficients.clone(), *lower));
            continue;
        }
        if lower.is_finite() {
            let negated = coefficients.iter().map(|(j, a)| (*j, -a)).collect();
            at_most.push((negated, -lower));
        }
        if upper.is_finite() {
            at_most.push((coefficients.clone(), *upper));
        }
    }
    let (zeros, nonnegatives) = (equal.len(), at_most.len());
    let (mut i, mut j, mut v, mut b) = (vec![], vec![], vec![], vec![]);
    for (row, (coefficients, rhs)) in equal.into_iter().chain(at_most).enumerate() {
        for (col, a) in coefficients {
            i.push(row);
            j.push(col);
            v.push(a);
        }
        b.push(rhs);
    }
    let a = CscMatrix::new_from_triplets(b.len(), n, i, j, v);
    let p = CscMatrix::zeros((n, n));
    let mut cones = Vec::new();
    if zeros > 0 {
        cones.push(ZeroConeT(zeros));
    }
    if nonnegatives > 0 {
        cones.push(NonnegativeConeT(nonnegatives));
    }
    let settings = DefaultSettingsBuilder::default()
        .verbose(false)
        .build()
        .map_err(|e| e.to_string())?;
    let mut solver = DefaultSolver::new(&p, &lp.objective, &a, &b, &cones, settings)
        .map_err(|e| format!("{e:?}"))?;
    solver.solve();
    match solver.solution.status {
        SolverStatus::Solved => Ok(solver.solution.x.clone()),
        status => Err(format!("status {status:?}")),
    }
}

/// How far x breaks a row "lower ≤ a·x", relative to 1 + |lower| (0 when it holds).
pub fn shortfall(row: &StandardRow, x: &[f64]) -> f64 {
    (row.lower - dot(row, x)).max(0.0) / (1.0 + row.lower.abs())
}

/// Whether a row holds at x within the engine's tolerance (`lp::Row::holds`).
fn holds(row: &StandardRow, x: &[f64]) -> bool {
    let magnitude: f64 = row
        .coefficients
        .iter()
        .map(|(j, a)| (a * x[*j]).abs())
        .sum();
    row.lower - dot(row, x) <= 1e-7 * (1.0 + row.lower.abs()) + 1e-9 * magnitude
}

/// The engine's constraint generation (`lp::solve_generated`) with `solve`: from the rows
/// present from the start, solve, add each family's (at most) four most broken rows, until no
/// row is broken. The answer, and the rows and rounds it took.
pub fn generate(lp: &StandardLp, solve: Solver) -> Result<(Vec<f64>, usize, usize), String> {
    let families = lp
        .rows
        .iter()
        .filter_map(|r| r.family)
        .max()
        .map_or(0, |k| k + 1);
    let mut chosen: Vec<usize> = (0..lp.rows.len())
        .filter(|i| lp.rows[*i].family.is_none())
        .collect();
    for round in 1..=500 {
        let subset = StandardLp {
            rows: chosen.iter().map(|i| lp.rows[*i].clone()).collect(),
            objective: lp.objective.clone(),
            objective_scale: lp.objective_scale,
            bounds: lp.bounds.clone(),
        };
        let x = solve(&subset)?;
        let mut added = Vec::new();
        for family in 0..families {
            let mut broken: Vec<(f64, usize)> = (lp.rows.iter().enumerate())
                .filter(|(_, row)| row.family == Some(family) && !holds(row, &x))
                .map(|(i, row)| (row.lower - dot(row, &x), i))
                .collect();
            broken.sort_by(|a, b| b.0.total_cmp(&a.0));
            added.extend(broken.iter().take(4).map(|(_, i)| *i));
        }
        if added.is_empty() {
            return Ok((x, chosen.len(), round));
        }
        chosen.extend(added);
    }
    Err("no answer in 500 rounds".into())
}

fn dot(row: &StandardRow, x: &[f64]) -> f64 {
    row.coefficients.iter().map(|(j, a)| a * x[*j]).sum()
}
