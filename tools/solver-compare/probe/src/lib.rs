//! One linear programme, read from the caller's numbers so that no solver code is optimised
//! away: minimise c·x subject to a_i·x ≥ b_i and 0 ≤ x ≤ u. `data` holds c (n numbers), u (n),
//! then each of the m rows as its n coefficients followed by b_i. The solver is the one feature
//! enabled; with none, the baseline: the same reading and an answer without a solver.

use wasm_bindgen::prelude::wasm_bindgen;

/// The least c·x written out ("NaN" when the solver finds none). Written with `{:?}` so that
/// every probe, the baseline too, holds Rust's float formatting, which the app holds anyway:
/// a solver that formats numbers (microlp and minilp log with `log`) is not charged for it.
#[wasm_bindgen]
pub fn solve(data: &[f64], n: usize, m: usize) -> String {
    let (c, u) = (&data[..n], &data[n..2 * n]);
    let rows: Vec<(&[f64], f64)> = (0..m)
        .map(|i| {
            let row = &data[2 * n + i * (n + 1)..][..n + 1];
            (&row[..n], row[n])
        })
        .collect();
    format!("{:?}", solver::least(c, u, &rows).unwrap_or(f64::NAN))
}

#[cfg(not(any(feature = "microlp", feature = "clarabel", feature = "minilp")))]
mod solver {
    /// No solver: the cost at the upper bounds, if that meets every row.
    pub fn least(c: &[f64], u: &[f64], rows: &[(&[f64], f64)]) -> Option<f64> {
        let dot = |a: &[f64]| a.iter().zip(u).map(|(a, x)| a * x).sum::<f64>();
        rows.iter().all(|(a, b)| dot(a) >= *b).then(|| dot(c))
    }
}

#[cfg(feature = "microlp")]
mod solver {
    use microlp::{ComparisonOp, OptimizationDirection, Problem};

    pub fn least(c: &[f64], u: &[f64], rows: &[(&[f64], f64)]) -> Option<f64> {
        let mut problem = Problem::new(OptimizationDirection::Minimize);
        let vars: Vec<_> = c
            .iter()
            .zip(u)
            .map(|(c, u)| problem.add_var(*c, (0.0, *u)))
            .collect();
        for (a, b) in rows {
            let expr: Vec<_> = vars.iter().copied().zip(a.iter().copied()).collect();
            problem.add_constraint(expr.as_slice(), ComparisonOp::Ge, *b);
        }
        Some(problem.solve().ok()?.into_solution().ok()?.objective())
    }
}

#[cfg(feature = "minilp")]
mod solver {
    use minilp::{ComparisonOp, OptimizationDirection, Problem};

    pub fn least(c: &[f64], u: &[f64], rows: &[(&[f64], f64)]) -> Option<f64> {
        let mut problem = Problem::new(OptimizationDirection::Minimize);
        let vars: Vec<_> = c
            .iter()
            .zip(u)
            .map(|(c, u)| problem.add_var(*c, (0.0, *u)))
            .collect();
        for (a, b) in rows {
            let expr: Vec<_> = vars.iter().copied().zip(a.iter().copied()).collect();
            problem.add_constraint(expr, ComparisonOp::Ge, *b);
        }
        Some(problem.solve().ok()?.objective())
    }
}

#[cfg(feature = "clarabel")]
mod solver {
    use clarabel::algebra::CscMatrix;
    use clarabel::solver::{
        DefaultSettingsBuilder, DefaultSolver, IPSolver, NonnegativeConeT, SolverStatus,
    };

    /// As a conic programme: A x + s = b, s ≥ 0, with rows −a_i·x ≤ −b_i, −x ≤ 0 and x ≤ u.
    pub fn least(c: &[f64], u: &[f64], rows: &[(&[f64], f64)]) -> Option<f64> {
        let n = c.len();
        // Triplets (row, column, value) of A, and b.
        let mut triplets: Vec<(usize, usize, f64)> = Vec::new();
        let mut b = Vec::new();
        for (a, lower) in rows {
            triplets.extend(a.iter().enumerate().map(|(col, a)| (b.len(), col, -a)));
            b.push(-lower);
        }
        for (col, max) in u.iter().enumerate() {
            triplets.push((b.len(), col, -1.0));
            b.push(0.0);
            triplets.push((b.len(), col, 1.0));
            b.push(*max);
        }
        let i = triplets.iter().map(|t| t.0).collect();
        let j = triplets.iter().map(|t| t.1).collect();
        let v = triplets.iter().map(|t| t.2).collect();
        let a = CscMatrix::new_from_triplets(b.len(), n, i, j, v);
        let p = CscMatrix::zeros((n, n));
        let cones = [NonnegativeConeT(b.len())];
        let settings = DefaultSettingsBuilder::default()
            .verbose(false)
            .build()
            .ok()?;
        let mut solver = DefaultSolver::new(&p, c, &a, &b, &cones, settings).ok()?;
        solver.solve();
        (solver.solution.status == SolverStatus::Solved).then_some(solver.solution.obj_val)
    }
}
