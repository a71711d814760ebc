//! Nonlinear least squares for calibration: Levenberg–Marquardt (the `levenberg-marquardt`
//! crate over `nalgebra`) on a residual function that runs the model, its Jacobian by central
//! differences, and what JᵀJ says about the fit: whether each parameter moves the residuals,
//! how well the parameters can be told apart (the condition number), their standard errors.
//! Knows nothing of levers or figures; `calibrate` does.

use levenberg_marquardt::{LeastSquaresProblem, LevenbergMarquardt, TerminationReason};
use nalgebra::storage::Owned;
use nalgebra::{DMatrix, DVector, Dyn};

/// The most residual evaluations the search may make, per parameter plus one. The problems are
/// tiny (two or three parameters, a few years): a good fit takes a few dozen.
const PATIENCE: usize = 200;

/// The result of a search.
pub(super) struct Fit {
    /// The parameters at the end of the search.
    pub x: Vec<f64>,
    /// The residuals there.
    pub residuals: Vec<f64>,
    /// The Jacobian of the residuals there (one row per residual, one column per parameter).
    pub jacobian: DMatrix<f64>,
    /// Residual evaluations the search made (each one model run), Jacobians not counted.
    pub evaluations: usize,
    /// Whether the search ended at a minimum (or could not improve on one in floating point).
    pub converged: bool,
}

/// Minimises the sum of squared `residuals(x)` from `start`. `steps` gives, per parameter,
/// the step of the central differences for the Jacobian.
pub(super) fn least_squares<F>(residuals: F, start: Vec<f64>, steps: Vec<f64>) -> Fit
where
    F: Fn(&[f64]) -> Vec<f64>,
{
    let problem = Problem {
        residuals,
        steps,
        x: DVector::from_vec(start),
    };
    let (problem, report) = LevenbergMarquardt::new()
        .with_patience(PATIENCE)
        .minimize(problem);
    let converged = report.termination.was_successful()
        || matches!(
            report.termination,
            TerminationReason::NoImprovementPossible(_)
        );
    let x: Vec<f64> = problem.x.iter().copied().collect();
    Fit {
        residuals: (problem.residuals)(&x),
        jacobian: jacobian(&problem.residuals, &x, &problem.steps),
        x,
        evaluations: report.number_of_evaluations,
        converged,
    }
}

struct Problem<F> {
    residuals: F,
    steps: Vec<f64>,
    x: DVector<f64>,
}

impl<F> LeastSquaresProblem<f64, Dyn, Dyn> for Problem<F>
where
    F: Fn(&[f64]) -> Vec<f64>,
{
    type ResidualStorage = Owned<f64, Dyn>;
    type JacobianStorage = Owned<f64, Dyn, Dyn>;
    type ParameterStorage = Owned<f64, Dyn>;

    fn set_params(&mut self, x: &DVector<f64>) {
        self.x.copy_from(x);
    }

    fn params(&self) -> DVector<f64> {
        self.x.clone()
    }

    fn residuals(&self) -> Option<DVector<f64>> {
        let r = (self.residuals)(self.x.as_slice());
        // A NaN would stop the search with a numerical error; say so instead of going on.
        r.iter()
            .all(|v| v.is_finite())
            .then(|| DVector::from_vec(r))
    }

    fn jacobian(&self) -> Option<DMatrix<f64>> {
        let j = jacobian(&self.residuals, self.x.as_slice(), &self.steps);
        j.iter().all(|v| v.is_finite()).then_some(j)
    }
}

/// The Jacobian by central differences: exact for residuals linear in a parameter, error of
/// order step² otherwise.
fn jacobian<F>(residuals: &F, x: &[f64], steps: &[f64]) -> DMatrix<f64>
where
    F: Fn(&[f64]) -> Vec<f64>,
{
    let m = residuals(x).len();
    let mut j = DMatrix::zeros(m, x.len());
    let mut probe = x.to_vec();
    for (column, step) in steps.iter().enumerate() {
        probe[column] = x[column] + step;
        let up = residuals(&probe);
        probe[column] = x[column] - step;
        let down = residuals(&probe);
        probe[column] = x[column];
        for row in 0..m {
            j[(row, column)] = (up[row] - down[row]) / (2.0 * step);
        }
    }
    j
}

/// What JᵀJ says about how well the data pin the parameters down, in a form that does not
/// depend on the parameters' units: each column of the Jacobian is first multiplied by its
/// parameter's typical size (a relative change), then scaled to length 1.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Conditioning {
    /// Parameters whose relative change moves no residual (their column is zero).
    pub no_effect: Vec<usize>,
    /// λmax / λmin of the column-normalised JᵀJ: 1 when every parameter moves the residuals
    /// in its own way, infinite when two move them alike. Infinite when a column is zero.
    pub condition: f64,
    /// The two parameters that move the residuals most alike: the largest components of the
    /// eigenvector of the smallest eigenvalue. `None` with a single parameter.
    pub most_alike: Option<(usize, usize)>,
}

/// A column is zero when a 100 % change of its parameter moves the residuals (themselves
/// relative to the size of their series) by less than this.
const NO_EFFECT: f64 = 1e-9;

pub(super) fn conditioning(jacobian: &DMatrix<f64>, typical: &[f64]) -> Conditioning {
    let mut relative = jacobian.clone();
    for (column, size) in typical.iter().enumerate() {
        relative.column_mut(column).scale_mut(*size);
    }
    let norms: Vec<f64> = relative.column_iter().map(|c| c.norm()).collect();
    let no_effect: Vec<usize> = (0..norms.len())
        .filter(|i| norms[*i].is_nan() || norms[*i] <= NO_EFFECT)
        .collect();
    if !no_effect.is_empty() {
        return Conditioning {
            no_effect,
            condition: f64::INFINITY,
            most_alike: None,
        };
    }
    let (values, vectors) = symmetric_eigen(normalised_normal(&relative, &norms));
    let (weakest, smallest) = values
        .iter()
        .copied()
        .enumerate()
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .unwrap_or((0, 0.0));
    let largest = values.iter().copied().fold(0.0, f64::max);
    let condition = if smallest > 0.0 {
        largest / smallest
    } else {
        f64::INFINITY
    };
    let most_alike = (values.len() >= 2).then(|| {
        // The two largest components, without a sort.
        let size = |i: usize| vectors[(i, weakest)].abs();
        let (mut first, mut second) = if size(0) >= size(1) { (0, 1) } else { (1, 0) };
        for i in 2..values.len() {
            if size(i) > size(first) {
                (first, second) = (i, first);
            } else if size(i) > size(second) {
                second = i;
            }
        }
        (first.min(second), first.max(second))
    });
    Conditioning {
        no_effect,
        condition,
        most_alike,
    }
}

/// The standard errors of the parameters: the square roots of the diagonal of
/// σ²·(JᵀJ)⁻¹, with σ² the residuals' sum of squares over their degrees of freedom. `None`
/// when there are no more residuals than parameters (nothing left to estimate σ² from) or
/// JᵀJ is singular.
pub(super) fn standard_errors(jacobian: &DMatrix<f64>, residuals: &[f64]) -> Option<Vec<f64>> {
    let (m, p) = jacobian.shape();
    if m <= p {
        return None;
    }
    let sigma2 = residuals.iter().map(|r| r * r).sum::<f64>() / (m - p) as f64;
    // (JᵀJ)⁻¹ = D⁻¹·N⁻¹·D⁻¹ with D the column norms and N = V·Λ·Vᵀ the normalised JᵀJ, so
    // parameters of very different sizes (hires and attrition) lose no precision.
    let norms: Vec<f64> = jacobian.column_iter().map(|c| c.norm()).collect();
    if norms.iter().any(|n| !(n.is_finite() && *n > 0.0)) {
        return None;
    }
    let (values, vectors) = symmetric_eigen(normalised_normal(jacobian, &norms));
    if values.iter().any(|v| !(v.is_finite() && *v > 0.0)) {
        return None;
    }
    Some(
        (0..p)
            .map(|i| {
                let inverse: f64 = (0..p).map(|k| vectors[(i, k)].powi(2) / values[k]).sum();
                (sigma2 * inverse).sqrt() / norms[i]
            })
            .collect(),
    )
}

/// JᵀJ with each column of J scaled to length 1 (`norms` are the columns' lengths): ones on
/// the diagonal, the cosines between columns off it.
fn normalised_normal(jacobian: &DMatrix<f64>, norms: &[f64]) -> DMatrix<f64> {
    let p = norms.len();
    DMatrix::from_fn(p, p, |i, k| {
        jacobian.column(i).dot(&jacobian.column(k)) / (norms[i] * norms[k])
    })
}

/// The eigenvalues and eigenvectors (as columns) of a small symmetric matrix, by cyclic Jacobi
/// rotations. Written out rather than taken from `nalgebra`, whose general decompositions
/// would add about 10 KB (gzip) to the WebAssembly for matrices of two or three rows.
fn symmetric_eigen(mut a: DMatrix<f64>) -> (Vec<f64>, DMatrix<f64>) {
    let n = a.nrows();
    let mut v = DMatrix::identity(n, n);
    for _sweep in 0..64 {
        let off: f64 = (0..n)
            .flat_map(|i| (i + 1..n).map(move |k| (i, k)))
            .map(|(i, k)| a[(i, k)].powi(2))
            .sum();
        let diagonal: f64 = (0..n).map(|i| a[(i, i)].powi(2)).sum();
        if off <= f64::EPSILON.powi(2) * diagonal {
            break;
        }
        for p in 0..n {
            for q in p + 1..n {
                let apq = a[(p, q)];
                if apq == 0.0 {
                    continue;
                }
                // The rotation that zeroes a[p][q]: t = tan φ with cot 2φ = θ.
                let theta = (a[(q, q)] - a[(p, p)]) / (2.0 * apq);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                for k in 0..n {
                    let (kp, kq) = (a[(k, p)], a[(k, q)]);
                    a[(k, p)] = c * kp - s * kq;
                    a[(k, q)] = s * kp + c * kq;
                }
                for k in 0..n {
                    let (pk, qk) = (a[(p, k)], a[(q, k)]);
                    a[(p, k)] = c * pk - s * qk;
                    a[(q, k)] = s * pk + c * qk;
                }
                for k in 0..n {
                    let (kp, kq) = (v[(k, p)], v[(k, q)]);
                    v[(k, p)] = c * kp - s * kq;
                    v[(k, q)] = s * kp + c * kq;
                }
            }
        }
    }
    ((0..n).map(|i| a[(i, i)]).collect(), v)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// y = a·exp(b·t) at t = 0..5, from a = 2, b = 0.3.
    fn exponential(x: &[f64]) -> Vec<f64> {
        (0..6)
            .map(|t| {
                let t = f64::from(t);
                x[0] * (x[1] * t).exp() - 2.0 * (0.3 * t).exp()
            })
            .collect()
    }

    #[test]
    fn a_nonlinear_curve_is_recovered() {
        let fit = least_squares(exponential, vec![1.0, 0.1], vec![1e-6, 1e-7]);
        assert!(fit.converged);
        assert!((fit.x[0] - 2.0).abs() < 1e-9, "{:?}", fit.x);
        assert!((fit.x[1] - 0.3).abs() < 1e-9, "{:?}", fit.x);
    }

    #[test]
    fn central_differences_are_exact_for_a_linear_residual() {
        let line = |x: &[f64]| vec![x[0] + 2.0 * x[1], 3.0 * x[0] - x[1]];
        let j = jacobian(&line, &[5.0, 7.0], &[0.5, 0.25]);
        assert_eq!(j, DMatrix::from_row_slice(2, 2, &[1.0, 2.0, 3.0, -1.0]));
    }

    #[test]
    fn columns_moving_alike_have_a_large_condition_and_are_named() {
        // Parameters 0 and 2 move the residuals the same way; 1 moves them its own way.
        let j = DMatrix::from_row_slice(3, 3, &[1.0, 0.0, 1.0, 2.0, 1.0, 2.0, 3.0, -1.0, 3.0]);
        let c = conditioning(&j, &[1.0, 1.0, 1.0]);
        assert!(c.condition > 1e12, "{}", c.condition);
        assert_eq!(c.most_alike, Some((0, 2)));
        let distinct = DMatrix::from_row_slice(2, 2, &[1.0, 0.0, 0.0, 5.0]);
        let c = conditioning(&distinct, &[1.0, 1.0]);
        assert!((c.condition - 1.0).abs() < 1e-12);
    }

    #[test]
    fn a_zero_column_has_no_effect() {
        let j = DMatrix::from_row_slice(2, 2, &[1.0, 0.0, 2.0, 0.0]);
        let c = conditioning(&j, &[1.0, 1.0]);
        assert_eq!(c.no_effect, vec![1]);
        assert_eq!(c.condition, f64::INFINITY);
    }

    #[test]
    fn standard_errors_of_a_straight_line_match_the_textbook() {
        // y = b0 + b1·t at t = 0, 1, 2, 3 with residuals (1, −1, −1, 1):
        // σ² = 4 / 2 = 2, (XᵀX)⁻¹ = [[0.7, −0.3], [−0.3, 0.2]].
        let j = DMatrix::from_row_slice(4, 2, &[1.0, 0.0, 1.0, 1.0, 1.0, 2.0, 1.0, 3.0]);
        let se = standard_errors(&j, &[1.0, -1.0, -1.0, 1.0]).unwrap();
        assert!((se[0] - (2.0f64 * 0.7).sqrt()).abs() < 1e-12);
        assert!((se[1] - (2.0f64 * 0.2).sqrt()).abs() < 1e-12);
        assert_eq!(
            standard_errors(&j.rows(0, 2).into_owned(), &[0.0, 0.0]),
            None
        );
    }

    #[test]
    fn jacobi_rotations_diagonalise_a_symmetric_matrix() {
        let a = DMatrix::from_row_slice(3, 3, &[4.0, 1.0, -2.0, 1.0, 2.0, 0.5, -2.0, 0.5, 3.0]);
        let (values, vectors) = symmetric_eigen(a.clone());
        let rebuilt = &vectors
            * DMatrix::from_diagonal(&DVector::from_vec(values.clone()))
            * vectors.transpose();
        assert!((rebuilt - &a).abs().max() < 1e-12);
        assert!(
            (vectors.transpose() * &vectors - DMatrix::identity(3, 3))
                .abs()
                .max()
                < 1e-12
        );
        assert!(
            (values.iter().sum::<f64>() - 9.0).abs() < 1e-12,
            "the trace"
        );
        let (pair, _) = symmetric_eigen(DMatrix::from_row_slice(2, 2, &[1.0, 0.6, 0.6, 1.0]));
        let mut pair = pair;
        pair.sort_by(f64::total_cmp);
        assert!((pair[0] - 0.4).abs() < 1e-15 && (pair[1] - 1.6).abs() < 1e-15);
    }
}
