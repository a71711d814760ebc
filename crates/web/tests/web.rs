//! Browser tests: the app mounted in headless Chromium (wasm-bindgen-test), and the Monte Carlo
//! giving bit-identical numbers to the native build.
#![cfg(target_arch = "wasm32")]

// The Monte Carlo checksum both platforms must give, defined once beside the native tests.
#[path = "../../cli/tests/common/mod.rs"]
mod common;

use gloo::timers::future::TimeoutFuture;
use swplan_engine::montecarlo::checksum;
use swplan_plans::presets;
use swplan_plans::state::{Action, FieldId, State};
use swplan_web::App;
use swplan_words::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Lets Yew render and effects run.
async fn settle() {
    TimeoutFuture::new(30).await;
}

/// A mounted app, unmounted and removed when dropped so tests do not see each other's pages.
struct Mounted {
    root: Element,
    handle: Option<yew::AppHandle<App>>,
}

impl std::ops::Deref for Mounted {
    type Target = Element;
    fn deref(&self) -> &Element {
        &self.root
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        self.root.remove();
    }
}

async fn mount() -> Mounted {
    let document = gloo::utils::document();
    // A fresh, known language for every test.
    let _ = gloo::utils::window()
        .local_storage()
        .ok()
        .flatten()
        .map(|s| s.set_item("swplan.lang", "zh-CN"));
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let handle = yew::Renderer::<App>::with_root(root.clone()).render();
    settle().await;
    Mounted {
        root,
        handle: Some(handle),
    }
}

fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

/// Sets an input's value and fires `input` and `change`, then leaves the field (`blur`), as a
/// user typing and moving on would: typed values apply when the field is left.
async fn type_into(root: &Element, selector: &str, value: &str) {
    let input: HtmlInputElement = find(root, selector)
        .unwrap_or_else(|| panic!("no {selector}"))
        .dyn_into()
        .unwrap();
    input.set_value(value);
    for kind in ["input", "change", "blur"] {
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        let event = web_sys::Event::new_with_event_init_dict(kind, &init).unwrap();
        input.dispatch_event(&event).unwrap();
    }
    settle().await;
}

#[wasm_bindgen_test]
fn monte_carlo_is_bit_identical_to_the_native_build() {
    let summary = common::checksum_summary();
    assert_eq!(checksum(&summary), common::YUNNAN_CHECKSUM);
}

#[wasm_bindgen_test]
async fn the_app_opens_on_yunnan_with_its_target_card() {
    let root = mount().await;
    let card = find(&root, ".target-card[data-metric=talent]").expect("talent target card");
    let text = card.text_content().unwrap_or_default();
    assert!(text.contains("14万"), "{text}");
    assert!(text.contains("未达成"), "{text}");
    assert!(find(&root, "#chart-talent path.line").is_some());
    assert!(
        root.query_selector_all(".year-table tbody tr")
            .unwrap()
            .length()
            >= 11
    );
}

#[wasm_bindgen_test]
async fn moving_the_hiring_slider_turns_the_verdict() {
    let root = mount().await;
    assert!(find(&root, ".target-card.is-not-met").is_some());
    type_into(&root, "#param-hires input[type=range]", "30000").await;
    assert!(
        find(&root, ".target-card.is-met").is_some(),
        "met after more hiring"
    );
    let number: HtmlInputElement = find(&root, "#input-hires").unwrap().dyn_into().unwrap();
    assert_eq!(
        number.value(),
        "30000",
        "the exact input follows the slider"
    );
}

#[wasm_bindgen_test]
async fn a_negative_value_shows_its_message_and_keeps_the_last_result() {
    let root = mount().await;
    let before = find(&root, ".target-card").unwrap().text_content();
    type_into(&root, "#input-hires", "-5").await;
    let error = find(&root, "#error-hires").expect("message beside the field");
    assert!(error.text_content().unwrap().contains("不能为负数"));
    assert!(find(&root, ".invalid-banner").is_some());
    assert_eq!(find(&root, ".target-card").unwrap().text_content(), before);
}

#[wasm_bindgen_test]
async fn text_that_is_not_a_number_is_explained() {
    let root = mount().await;
    type_into(&root, "#input-attrition", "abc").await;
    let error = find(&root, "#error-attrition").expect("message");
    assert!(error.text_content().unwrap().contains("请输入数字"));
}

#[wasm_bindgen_test]
async fn wan_notation_is_understood() {
    let root = mount().await;
    type_into(&root, "#input-hires", "2.5万").await;
    assert!(find(&root, ".target-card.is-met").is_some());
}

#[wasm_bindgen_test]
fn the_reducer_behaves_the_same_in_the_browser() {
    // Every action is tested natively (src/state/tests.rs); this checks the same code compiled
    // to WebAssembly on one path through it.
    let mut state = State::new(presets::default_preset(), Lang::En);
    state.apply(Action::SetValue {
        key: "hires",
        value: 1.0,
    });
    state.apply(Action::LoadPreset("ningxia"));
    assert_eq!(state.plan().origin.slug(), Some("ningxia"));
    assert_eq!(state.session.lang, Lang::En);
    assert_eq!(state.plan().computed.verdicts.len(), 6);
    state.apply(Action::SetDraft {
        field: FieldId::main("hires"),
        text: "abc".into(),
    });
    assert!(state.plan().has_invalid_input());
    state.apply(Action::Undo);
    assert_eq!(state.plan().origin.slug(), Some("yunnan"));
}

#[wasm_bindgen_test]
async fn typed_text_applies_only_when_the_field_is_left() {
    let root = mount().await;
    let input: HtmlInputElement = find(&root, "#input-hires").unwrap().dyn_into().unwrap();
    input.set_value("30000");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
    input.dispatch_event(&event).unwrap();
    settle().await;
    assert!(
        find(&root, ".target-card.is-not-met").is_some(),
        "not applied yet"
    );
    assert!(find(&root, "#param-hires .pending-hint").is_some());
    let blur = web_sys::Event::new_with_event_init_dict("blur", &init).unwrap();
    input.dispatch_event(&blur).unwrap();
    settle().await;
    assert!(
        find(&root, ".target-card.is-met").is_some(),
        "applied on leaving"
    );
}
