//! Every equation the manual states: in symbols, once for both languages, and for the steps a
//! planner reasons about also in words, with the names the screen gives each quantity
//! (`{{label:key}}` and `{{figure-label:key}}`, put in by `assemble` from the label functions).
//! Symbols are explained in the text around `@equation id`. Each equation names the engine's
//! function that computes it: not shown to the reader, but a test checks that each exists in its
//! file, so a renamed or moved function fails until the manual follows it.

/// An equation: its lines in symbols (no words of either language), the same in words in each
/// language (empty when the symbols are all there is), and where the engine computes it: a file
/// under `crates/engine/src/` and the functions in it.
pub struct Equation {
    pub id: &'static str,
    pub lines: &'static [&'static str],
    pub zh: &'static [&'static str],
    pub en: &'static [&'static str],
    pub file: &'static str,
    pub functions: &'static [&'static str],
}

pub const EQUATIONS: &[Equation] = &[
    Equation {
        id: "talent",
        lines: &["T(y) = T(y−1) · (1 − a) + H(y)"],
        zh: &[
            "{{figure-label:talent}}(y) = {{figure-label:talent}}(y−1) × (1 − {{label:attrition}}) + {{label:hires}}(y)",
        ],
        en: &[
            "{{figure-label:talent}}(y) = {{figure-label:talent}}(y−1) × (1 − {{label:attrition}}) + {{label:hires}}(y)",
        ],
        file: "simulate.rs",
        functions: &["State::step"],
    },
    Equation {
        id: "talent-closed-form",
        lines: &["T(b+n) = T(b) · (1 − a)ⁿ + H · (1 − (1 − a)ⁿ) / a"],
        zh: &[],
        en: &[],
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
        zh: &[
            "{{figure-label:certified}}(y) = 上年年末持证者 × (1 − {{label:attrition}}) + 当年新持证者    （不超过{{figure-label:talent}}(y)）",
            "当年新持证者 = 初级通过人数 + 中级通过人数中此前未持初级证的人    （通过人数 = 报考人数 × 通过率）",
        ],
        en: &[
            "{{figure-label:certified}}(y) = holders at the end of y−1 × (1 − {{label:attrition}}) + new holders of year y    (never above {{figure-label:talent}}(y))",
            "new holders = junior passes + the mid-level passes who held no junior certificate    (passes = candidates × pass rate)",
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
        zh: &[
            "第 y 年建成的社工站 = 上年顺延的 + {{label:stations_per_year}}(y) × {{label:station_completion}}    （总数不超过{{label:townships}}）",
        ],
        en: &[
            "stations finished in year y = those carried over from y−1 + {{label:stations_per_year}}(y) × {{label:station_completion}}    (in all never above {{label:townships}})",
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
        zh: &[
            "第 y 年建成的社工室 = 上年顺延的 + {{label:rooms_per_year}}(y) × {{label:room_completion}}    （总数不超过{{label:villages}}）",
        ],
        en: &[
            "rooms finished in year y = those carried over from y−1 + {{label:rooms_per_year}}(y) × {{label:room_completion}}    (in all never above {{label:villages}})",
        ],
        file: "simulate.rs",
        functions: &["build", "State::step"],
    },
    Equation {
        id: "schedule",
        lines: &["R(Y) = R(b) + Nᵣ(b+1) + … + Nᵣ(Y−1) + qᵣ · Nᵣ(Y)"],
        zh: &[
            "第 Y 年年末的{{figure-label:rooms}} = {{label:rooms}} + 第 b+1 至 Y−1 年的{{label:rooms_per_year}}之和 + 第 Y 年的{{label:rooms_per_year}} × {{label:room_completion}}",
        ],
        en: &[
            "{{figure-label:rooms}} at the end of year Y = {{label:rooms}} + {{label:rooms_per_year}} of years b+1 to Y−1 + {{label:rooms_per_year}} of year Y × {{label:room_completion}}",
        ],
        file: "schedule.rs",
        functions: &["schedule"],
    },
    Equation {
        id: "coverage",
        lines: &["covₛ(y) = St(y) / K,   covᵣ(y) = R(y) / V   (K = 0 ⇒ covₛ = 0;   V = 0 ⇒ covᵣ = 0)"],
        zh: &[
            "{{figure-label:station_coverage}} = {{figure-label:stations}} ÷ {{label:townships}}",
            "{{figure-label:room_coverage}} = {{figure-label:rooms}} ÷ {{label:villages}}",
        ],
        en: &[
            "{{figure-label:station_coverage}} = {{figure-label:stations}} ÷ {{label:townships}}",
            "{{figure-label:room_coverage}} = {{figure-label:rooms}} ÷ {{label:villages}}",
        ],
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
        zh: &[
            "{{figure-label:institutions}}(y) = {{figure-label:institutions}}(y−1) + {{label:institutions_per_year}}(y)",
            "{{figure-label:positions}}(y) = {{figure-label:positions}}(y−1) + {{label:positions_per_year}}(y)",
            "{{figure-label:staff_needed}}(y) = {{figure-label:stations}}(y) × {{label:staff_per_station}} + {{figure-label:rooms}}(y) × {{label:staff_per_room}}",
        ],
        en: &[
            "{{figure-label:institutions}}(y) = {{figure-label:institutions}}(y−1) + {{label:institutions_per_year}}(y)",
            "{{figure-label:positions}}(y) = {{figure-label:positions}}(y−1) + {{label:positions_per_year}}(y)",
            "{{figure-label:staff_needed}}(y) = {{figure-label:stations}}(y) × {{label:staff_per_station}} + {{figure-label:rooms}}(y) × {{label:staff_per_room}}",
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
        zh: &[
            "{{figure-label:budget}}(y) = 当年建成的站 × {{label:station_cost}} + 当年建成的室 × {{label:room_cost}}",
            "    + 年末的站 × {{label:station_operating_cost}} + 年末的室 × {{label:room_operating_cost}}",
            "    + 当年新持证者 × 该级证书的一次性奖补",
            "{{figure-label:budget_cumulative}}(y) = {{figure-label:budget_cumulative}}(y−1) + {{figure-label:budget}}(y)",
        ],
        en: &[
            "{{figure-label:budget}}(y) = stations finished in y × {{label:station_cost}} + rooms finished in y × {{label:room_cost}}",
            "    + stations at the end of y × {{label:station_operating_cost}} + rooms at the end of y × {{label:room_operating_cost}}",
            "    + new certificate holders of y × the one-off subsidy of their level",
            "{{figure-label:budget_cumulative}}(y) = {{figure-label:budget_cumulative}}(y−1) + {{figure-label:budget}}(y)",
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
        zh: &[],
        en: &[],
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
        zh: &[],
        en: &[],
        file: "montecarlo.rs",
        functions: &["assemble", "completion_bounds"],
    },
    Equation {
        id: "percentile",
        lines: &[
            "k = ⌊p · (n − 1)⌋,   w = p · (n − 1) − k",
            "Pₚ = x₍ₖ₎ + w · (x₍ₖ₊₁₎ − x₍ₖ₎)",
        ],
        zh: &[],
        en: &[],
        file: "montecarlo.rs",
        functions: &["percentile"],
    },
    Equation {
        id: "seek-guess",
        lines: &[
            "H₀ = max(0, (X − T(b) · (1 − a)ⁿ) · a / (1 − (1 − a)ⁿ))   (a = 0: (X − T(b)) / n)",
        ],
        zh: &[],
        en: &[],
        file: "seek.rs",
        functions: &["closed_form"],
    },
    Equation {
        id: "scenario-count",
        lines: &["C(N, 0) · (1 − ε)ᴺ + C(N, 1) · ε · (1 − ε)ᴺ⁻¹ + … + C(N, d−1) · εᵈ⁻¹ · (1 − ε)ᴺ⁻ᵈ⁺¹ ≤ β,   ε = 1 − γ"],
        zh: &[],
        en: &[],
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
        zh: &[],
        en: &[],
        file: "optimise/verify.rs",
        functions: &["Costing::new"],
    },
    Equation {
        id: "tornado",
        lines: &["v₋ = v(x · (1 − s)),   v₊ = v(x · (1 + s)),   Δv = |v₊ − v₋|"],
        zh: &[],
        en: &[],
        file: "sensitivity/tornado.rs",
        functions: &["swings", "scaled"],
    },
    Equation {
        id: "sobol",
        lines: &[
            "Sᵢ  = mean( f(B) · (f(ABᵢ) − f(A)) ) / V",
            "STᵢ = mean( (f(A) − f(ABᵢ))² ) / (2V)",
        ],
        zh: &[],
        en: &[],
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
        zh: &[],
        en: &[],
        file: "calibrate/mod.rs",
        functions: &["fit_from", "refuse_unidentifiable"],
    },
    Equation {
        id: "rollup",
        lines: &[
            "Z(y) = Σᵢ Zᵢ(y)",
            "covₛ(y) = Σᵢ Stᵢ(y) / Σᵢ Kᵢ,   covᵣ(y) = Σᵢ Rᵢ(y) / Σᵢ Vᵢ",
        ],
        zh: &[],
        en: &[],
        file: "rollup.rs",
        functions: &["rollup", "sum_row"],
    },
];

/// The equation with this id.
pub fn equation(id: &str) -> Option<&'static Equation> {
    EQUATIONS.iter().find(|e| e.id == id)
}
