//! Every equation the manual states, once for both languages, with the engine's function that
//! computes it. Symbols are explained in the text around `@equation id`; a test checks that each
//! cited function exists in its file, so a renamed or moved function fails until the manual
//! follows it.

/// An equation: its lines (symbols only, no words of either language) and where the engine
/// computes it: a file under `crates/engine/src/` and the functions in it.
pub struct Equation {
    pub id: &'static str,
    pub lines: &'static [&'static str],
    pub file: &'static str,
    pub functions: &'static [&'static str],
}

pub const EQUATIONS: &[Equation] = &[
    Equation {
        id: "talent",
        lines: &["T(y) = T(y−1) · (1 − a) + H(y)"],
        file: "simulate.rs",
        functions: &["State::step"],
    },
    Equation {
        id: "talent-closed-form",
        lines: &["T(b+n) = T(b) · (1 − a)ⁿ + H · (1 − (1 − a)ⁿ) / a"],
        file: "seek.rs",
        functions: &["closed_form"],
    },
    Equation {
        id: "certified",
        lines: &[
            "J* = J(y−1) · (1 − a),   M* = M(y−1) · (1 − a),   S* = S(y−1) · (1 − a)",
            "Pₛ = cₛ(y) · rₛ(y),   Uₛ = min(Pₛ, M*)",
            "Pₘ = cₘ(y) · rₘ(y),   Uₘ = min(φ · Pₘ, J*),   Nₘ = Pₘ − Uₘ",
            "Nⱼ = cⱼ(y) · rⱼ(y)",
            "E = max(0, T(y) − (J* + M* + S*))",
            "Nₘ + Nⱼ > E  ⇒  Nₘ ← Nₘ · E / (Nₘ + Nⱼ),   Nⱼ ← Nⱼ · E / (Nₘ + Nⱼ)",
            "J(y) = J* − Uₘ + Nⱼ",
            "M(y) = M* − Uₛ + Uₘ + Nₘ",
            "S(y) = S* + Uₛ",
            "C(y) = J(y) + M(y) + S(y) ≤ T(y)",
        ],
        file: "simulate.rs",
        functions: &["State::step", "State::keep_certified_within_talent"],
    },
    Equation {
        id: "stations",
        lines: &[
            "F(y) = L(y−1) + Nₛ(y) · qₛ",
            "F(y) ≥ K − St(y−1)  ⇒  St(y) = K,   L(y) = 0",
            "F(y) < K − St(y−1)  ⇒  St(y) = St(y−1) + F(y),   L(y) = Nₛ(y) · (1 − qₛ)",
            "D(y) = min(St(y), D(y−1) + ΔD(y))",
        ],
        file: "simulate.rs",
        functions: &["build", "State::step"],
    },
    Equation {
        id: "rooms",
        lines: &[
            "F(y) = L(y−1) + Nᵣ(y) · qᵣ",
            "F(y) ≥ V − R(y−1)  ⇒  R(y) = V,   L(y) = 0",
            "F(y) < V − R(y−1)  ⇒  R(y) = R(y−1) + F(y),   L(y) = Nᵣ(y) · (1 − qᵣ)",
        ],
        file: "simulate.rs",
        functions: &["build", "State::step"],
    },
    Equation {
        id: "schedule",
        lines: &["R(Y) = R(b) + Nᵣ(b+1) + … + Nᵣ(Y−1) + qᵣ · Nᵣ(Y)"],
        file: "schedule.rs",
        functions: &["schedule"],
    },
    Equation {
        id: "coverage",
        lines: &["covₛ(y) = St(y) / K,   covᵣ(y) = R(y) / V   (K = 0 or V = 0 ⇒ 0)"],
        file: "simulate.rs",
        functions: &["State::row", "share"],
    },
    Equation {
        id: "positions",
        lines: &[
            "I(y) = I(y−1) + ΔI(y)",
            "P(y) = P(y−1) + ΔP(y)",
            "W(y) = St(y) · kₛ + R(y) · kᵣ",
        ],
        file: "simulate.rs",
        functions: &["State::step", "State::row"],
    },
    Equation {
        id: "budget",
        lines: &[
            "X(y) = [St(y) − St(y−1)] · gₛ + [R(y) − R(y−1)] · gᵣ + St(y) · oₛ + R(y) · oᵣ",
            "       + Nⱼ · bⱼ + (Uₘ + Nₘ) · bₘ + Uₛ · bₛ",
            "ΣX(y) = ΣX(y−1) + X(y),   ΣX(b) = 0",
        ],
        file: "simulate.rs",
        functions: &["State::step", "walk"],
    },
    Equation {
        id: "met",
        lines: &[
            "≥:  v ≥ θ − 10⁻⁶ · max(1, |θ|)",
            "≤:  θ ≥ v − 10⁻⁶ · max(1, |v|)",
        ],
        file: "targets.rs",
        functions: &["reaches", "Target::is_met_by"],
    },
    Equation {
        id: "draws",
        lines: &[
            "u ~ U[1 − s, 1 + s]",
            "H̃(y) = H(y) · u,   ã(y) = min(1, a · u),   c̃(y) = c(y) · u,   r̃(y) = min(1, r(y) · u)",
            "q ≥ ½:  q̃(y) ~ U[2q − 1, 1];   q < ½:  q̃(y) ~ U[0, 2q]",
        ],
        file: "montecarlo.rs",
        functions: &["assemble", "completion_bounds"],
    },
    Equation {
        id: "percentile",
        lines: &[
            "k = ⌊p · (n − 1)⌋,   w = p · (n − 1) − k",
            "Pₚ = x₍ₖ₎ + w · (x₍ₖ₊₁₎ − x₍ₖ₎)",
        ],
        file: "montecarlo.rs",
        functions: &["percentile"],
    },
    Equation {
        id: "seek-guess",
        lines: &[
            "H₀ = max(0, (X − T(b) · (1 − a)ⁿ) · a / (1 − (1 − a)ⁿ))   (a = 0: (X − T(b)) / n)",
        ],
        file: "seek.rs",
        functions: &["closed_form"],
    },
    Equation {
        id: "scenario-count",
        lines: &["Σ_{i=0…d−1} C(N, i) · εⁱ · (1 − ε)^(N−i) ≤ β,   ε = 1 − confidence"],
        file: "optimise/scenario_count.rs",
        functions: &["scenario_count"],
    },
    Equation {
        id: "optimiser",
        lines: &[
            "min  Σⱼ wⱼ · xⱼ,   wⱼ = ∂X̄/∂xⱼ + uⱼ / (1 + ρ)^i(j)",
            "fₖ,ₛ(x⁰) + ∇fₖ,ₛ · (x − x⁰) ≥ θₖ   (∀ k, s)",
            "minⱼ ≤ xⱼ ≤ maxⱼ",
        ],
        file: "optimise/verify.rs",
        functions: &["Costing::new"],
    },
    Equation {
        id: "tornado",
        lines: &["v₋ = v(x · (1 − s)),   v₊ = v(x · (1 + s)),   swing = |v₊ − v₋|"],
        file: "sensitivity/tornado.rs",
        functions: &["swings", "scaled"],
    },
    Equation {
        id: "sobol",
        lines: &[
            "Sᵢ  = mean( f(B) · (f(ABᵢ) − f(A)) ) / V",
            "STᵢ = mean( (f(A) − f(ABᵢ))² ) / (2V)",
        ],
        file: "sensitivity/sobol.rs",
        functions: &["Estimation::shares"],
    },
    Equation {
        id: "calibration",
        lines: &[
            "eᵢ(θ) = (mᵢ(θ) − zᵢ) / sᵢ,   θ̂ = argmin Σᵢ eᵢ(θ)²",
            "σ² = Σᵢ eᵢ(θ̂)² / (m − p),   SE(θ̂ⱼ) = √(σ² · [(JᵀJ)⁻¹]ⱼⱼ)",
            "R² = 1 − Σ (mᵢ − zᵢ)² / Σ (zᵢ − z̄)²",
        ],
        file: "calibrate/mod.rs",
        functions: &["fit_from", "refuse_unidentifiable"],
    },
    Equation {
        id: "rollup",
        lines: &[
            "Z(y) = Σ_c Z_c(y)",
            "covₛ(y) = Σ_c St_c(y) / Σ_c K_c,   covᵣ(y) = Σ_c R_c(y) / Σ_c V_c",
        ],
        file: "rollup.rs",
        functions: &["rollup", "sum_row"],
    },
];

/// The equation with this id.
pub fn equation(id: &str) -> Option<&'static Equation> {
    EQUATIONS.iter().find(|e| e.id == id)
}
