//! Workshop pooling: participants' links in, who is in, what was skipped and why, and how the
//! room's plans spread.

use swplan_engine::params;
use swplan_engine::Metric;
use swplan_plans::pool::{bins, pool, pool_with, spread, Reason, Rejected, Source, Spread};
use swplan_plans::share::{self, open::open_name, Origin, PlanSpec, ProblemKind};

/// A preset's plan at its current data with some parameters set.
fn plan(slug: &str, sets: &[(&str, f64)]) -> PlanSpec {
    let mut plan = open_name(slug).unwrap().plans.remove(0);
    for (key, value) in sets {
        params::set(&mut plan.scenario, key, *value).unwrap();
    }
    plan
}

/// The address a participant would paste for that plan.
fn link(slug: &str, sets: &[(&str, f64)]) -> String {
    format!(
        "http://127.0.0.1:8080/?{}",
        share::encode(&[plan(slug, sets)], None)
    )
}

fn hires(value: f64) -> String {
    link("yunnan", &[("hires", value)])
}

#[test]
fn an_odd_count_has_the_middle_value_as_median() {
    let text = [hires(10_000.0), hires(20_000.0), hires(15_000.0)].join("\n");
    let pooled = pool(&text, &[]);
    assert_eq!(pooled.participants.len(), 3);
    let lever = &pooled.levers[0];
    assert_eq!((lever.key, lever.changed), ("hires", 3));
    assert_eq!(
        lever.spread,
        Spread {
            min: 10_000.0,
            median: 15_000.0,
            max: 20_000.0
        }
    );
    assert_eq!(lever.baseline, 12_000.0);
}

#[test]
fn an_even_count_has_the_mean_of_the_middle_two_as_median() {
    let text = [10_000.0, 14_000.0, 16_000.0, 30_000.0]
        .map(hires)
        .join("\n");
    let lever = &pool(&text, &[]).levers[0];
    assert_eq!(lever.spread.median, 15_000.0);
    assert_eq!(spread(&[1.0, 2.0]).unwrap().median, 1.5);
    assert_eq!(spread(&[]), None);
}

#[test]
fn a_lever_left_alone_by_some_counts_them_at_the_baseline() {
    let text = [hires(20_000.0), link("yunnan", &[("attrition", 0.05)])].join("\n");
    let pooled = pool(&text, &[]);
    let keys: Vec<(&str, usize)> = pooled.levers.iter().map(|l| (l.key, l.changed)).collect();
    assert_eq!(keys, [("attrition", 1), ("hires", 1)]);
    assert_eq!(pooled.levers[1].spread.min, 12_000.0);
    assert_eq!(pooled.participants[0].changed, ["hires"]);
}

#[test]
fn the_distribution_counts_every_participant_in_five_to_eight_bins() {
    let values: Vec<f64> = (0..30).map(|i| 10_000.0 + 500.0 * f64::from(i)).collect();
    let text: Vec<String> = values.iter().map(|v| hires(*v)).collect();
    let lever = pool(&text.join("\n"), &[]).levers.remove(0);
    assert!((5..=8).contains(&lever.bins.len()), "{:?}", lever.bins);
    assert_eq!(lever.bins.iter().sum::<usize>(), 30);
    assert!(
        lever.bins[lever.bins.len() - 1] > 0,
        "the maximum is in the last bin"
    );
    let same = Spread {
        min: 3.0,
        median: 3.0,
        max: 3.0,
    };
    assert_eq!(bins(&[3.0, 3.0], same), [2], "one bin when all are equal");
}

#[test]
fn the_same_plan_twice_is_one_participant_and_a_named_duplicate() {
    let text = [hires(15_000.0), hires(20_000.0), hires(15_000.0)].join("\n");
    let pooled = pool(&text, &[]);
    assert_eq!(pooled.participants.len(), 2);
    assert_eq!(pooled.rejected.len(), 1);
    let duplicate = &pooled.rejected[0];
    assert!(matches!(duplicate.source, Source::Line { line: 3, .. }));
    assert!(matches!(
        &duplicate.reason,
        Reason::Duplicate {
            of: Source::Line { line: 1, .. }
        }
    ));
}

#[test]
fn identical_plans_counted_on_request_are_participants_and_listed_as_repeats() {
    // Two people kept the same plan: the trainer counts both.
    let text = [hires(15_000.0), hires(20_000.0), hires(15_000.0)].join("\n");
    let pooled = pool_with(&text, &[], true);
    assert_eq!(pooled.participants.len(), 3);
    assert!(pooled.rejected.is_empty());
    assert_eq!(pooled.repeats.len(), 1);
    let (repeat, first) = &pooled.repeats[0];
    assert!(matches!(repeat, Source::Line { line: 3, .. }));
    assert!(matches!(first, Source::Line { line: 1, .. }));
    let lever = &pooled.levers[0];
    assert_eq!(lever.changed, 3);
    assert_eq!(
        lever.spread.median, 15_000.0,
        "the repeat weighs in the median"
    );
    // Skipped by default: the same pool has two participants.
    assert_eq!(pool(&text, &[]).participants.len(), 2);
    assert!(pool(&text, &[]).repeats.is_empty());
}

#[test]
fn lines_that_are_not_share_links_are_skipped_with_their_reason() {
    let broken = "http://127.0.0.1:8080/?v=1&p=yunnan&h=lots";
    let text = [
        hires(15_000.0).as_str(),
        broken,
        "https://example.com/agenda?day=2",
        "not-a-link=",
        "",
        "谢谢老师",
    ]
    .join("\n");
    let pooled = pool(&text, &[]);
    assert_eq!(pooled.participants.len(), 1);
    let reasons: Vec<(usize, &Reason)> = pooled
        .rejected
        .iter()
        .map(|r| match &r.source {
            Source::Line { line, .. } => (*line, &r.reason),
            Source::Plan { .. } => unreachable!("no imported plans here"),
        })
        .collect();
    assert_eq!(reasons.len(), 3, "{reasons:?}");
    assert!(matches!(reasons[0], (2, Reason::Problems(problems))
        if problems.iter().any(|p| matches!(p.kind, ProblemKind::NotASchedule { .. }))));
    assert_eq!(reasons[1], (3, &Reason::NotALink));
    assert_eq!(reasons[2], (4, &Reason::NotALink));
    assert_eq!(pooled.other_lines, [6], "chat words are not errors");
}

#[test]
fn the_workshop_is_the_most_common_preset_and_others_are_skipped() {
    let text = [
        link("guizhou", &[("hires", 9_000.0)]),
        hires(15_000.0),
        hires(16_000.0),
        link("guizhou", &[("hires", 9_500.0)]),
        hires(17_000.0),
    ]
    .join("\n");
    let pooled = pool(&text, &[]);
    assert!(matches!(&pooled.workshop, Some(Origin::Preset { slug, .. }) if slug == "yunnan"));
    assert_eq!(
        pooled.origins.iter().map(|c| c.plans).collect::<Vec<_>>(),
        [3, 2]
    );
    assert_eq!(pooled.participants.len(), 3);
    assert!(pooled
        .rejected
        .iter()
        .all(|r| matches!(&r.reason, Reason::OtherPreset { origin: Origin::Preset { slug, .. } } if slug == "guizhou")));
    assert_eq!(pooled.rejected.len(), 2);
}

#[test]
fn a_tie_between_presets_goes_to_the_first_seen() {
    let text = [link("lhasa", &[("hires", 400.0)]), hires(15_000.0)].join("\n");
    let pooled = pool(&text, &[]);
    assert!(matches!(&pooled.workshop, Some(Origin::Preset { slug, .. }) if slug == "lhasa"));
}

#[test]
fn links_are_found_in_a_chat_export_with_junk_around_them() {
    let chat = format!(
        "张三 10:31\n我的方案：{}，请看\n李四 10:32\n第二组 {} 和 {}\n王五 10:33\n链接打不开？\n",
        hires(15_000.0),
        hires(16_000.0),
        hires(18_000.0),
    );
    let pooled = pool(&chat, &[]);
    assert_eq!(pooled.participants.len(), 3, "{:?}", pooled.rejected);
    assert!(pooled.rejected.is_empty());
    assert_eq!(pooled.other_lines, [1, 3, 5, 6]);
    assert!(matches!(
        pooled.participants[2].source,
        Source::Line { line: 4, .. }
    ));
}

#[test]
fn imported_plans_join_after_the_links() {
    let text = hires(15_000.0);
    let imported = [plan("yunnan", &[("hires", 25_000.0)])];
    let pooled = pool(&text, &imported);
    assert_eq!(pooled.participants.len(), 2);
    assert_eq!(pooled.participants[1].source, Source::Plan { index: 0 });
    let mut broken = imported[0].clone();
    broken.scenario.assumptions.attrition = 3.0;
    let pooled = pool("", &[broken]);
    assert!(matches!(pooled.rejected[0].reason, Reason::Invalid(_)));
    assert_eq!(pooled.workshop, None);
}

#[test]
fn each_target_has_the_share_met_and_the_spread_of_first_years() {
    // Yunnan's talent target (14万 by 2025): 12,000 a year misses it, 30,000 a year meets it.
    let text = [hires(12_500.0), hires(30_000.0), hires(40_000.0)].join("\n");
    let pooled = pool(&text, &[]);
    let talent = &pooled.targets[0];
    assert_eq!(talent.metric, Metric::Talent);
    assert_eq!((talent.evaluated, talent.met), (3, 2));
    assert!((talent.share_met - 2.0 / 3.0).abs() < 1e-12);
    // 40,000 a year first reaches it in 2022, 30,000 in 2023; 12,500 never does.
    assert_eq!(
        talent.first_year,
        Some(Spread {
            min: 2022.0,
            median: 2022.5,
            max: 2023.0
        })
    );
    assert_eq!(talent.never, 1);
    let never = pool(&[hires(1_000.0), hires(2_000.0)].join("\n"), &[]);
    assert_eq!(never.targets[0].never, 2);
    assert_eq!(never.targets[0].first_year, None);
}

#[test]
fn every_trajectory_of_a_target_metric_is_kept_with_the_median_line() {
    let text = [hires(10_000.0), hires(20_000.0), hires(30_000.0)].join("\n");
    let pooled = pool(&text, &[]);
    assert_eq!(pooled.years.first(), Some(&2020));
    assert_eq!(pooled.years.last(), Some(&2030));
    let talent = &pooled.lines[0];
    assert_eq!(talent.metric, Metric::Talent);
    assert_eq!(talent.participants.len(), 3);
    for (i, median) in talent.median.iter().enumerate() {
        assert_eq!(
            *median, talent.participants[1][i],
            "the middle plan is the median"
        );
    }
    assert!(talent.baseline[10].unwrap() > talent.participants[0][10].unwrap());
}

#[test]
fn thirty_links_pool_in_a_few_milliseconds() {
    let text: Vec<String> = (0..30)
        .map(|i| {
            let chat = format!("学员{i} 10:{i:02}");
            let link = link(
                "yunnan",
                &[
                    ("hires", 10_000.0 + 500.0 * f64::from(i)),
                    ("attrition", 0.05),
                ],
            );
            format!("{chat}\n我的方案 {link} 谢谢")
        })
        .collect();
    let text = text.join("\n");
    let started = std::time::Instant::now();
    let pooled = pool(&text, &[]);
    let elapsed = started.elapsed();
    assert_eq!(pooled.participants.len(), 30);
    // Reported, not asserted: a busy test machine must not fail the build.
    eprintln!("pooling 30 links took {elapsed:?}");
}

#[test]
fn a_participant_reaching_the_target_only_after_its_deadline_is_counted_as_late() {
    // Yunnan's 140,000 by 2025: 40,000 a year meets it, 15,000 only later, 12,000 not by 2030.
    let pooled = pool(
        &[hires(40_000.0), hires(15_000.0), hires(12_000.0)].join("\n"),
        &[],
    );
    let talent = pooled
        .targets
        .iter()
        .find(|t| t.metric == Metric::Talent)
        .expect("the talent target");
    assert_eq!((talent.met, talent.late, talent.never), (1, 1, 1));
    assert_eq!(talent.met + talent.late + talent.never, talent.evaluated);
}

/// A WeChat group's messages as the trainer copies them out (name and time over each message).
const WECHAT: &str = "社工人才规划培训群
张三 10:02
大家好，这是我们组的方案 {a}
李四 10:03
{b}
王老师 10:04
请大家把方案链接发到群里
张三 10:11
改了一下流失率 {c}
";

fn wechat() -> String {
    WECHAT
        .replace("{a}", &hires(15_000.0))
        .replace("{b}", &hires(16_000.0))
        .replace(
            "{c}",
            &link("yunnan", &[("hires", 15_000.0), ("attrition", 0.06)]),
        )
}

#[test]
fn participants_are_named_by_the_sender_before_their_message() {
    let pooled = pool(&wechat(), &[]);
    let senders: Vec<Option<&str>> = pooled
        .participants
        .iter()
        .map(|p| p.source.sender())
        .collect();
    assert_eq!(senders, [Some("李四"), Some("张三")]);
}

#[test]
fn a_later_plan_from_the_same_person_replaces_the_earlier_one() {
    let pooled = pool(&wechat(), &[]);
    assert_eq!(pooled.participants.len(), 2);
    assert!(matches!(
        &pooled.rejected[0],
        Rejected {
            source: Source::Line { line: 3, .. },
            reason: Reason::Replaced {
                by: Source::Line { line: 9, .. }
            }
        }
    ));
    let zhang = &pooled.participants[1];
    assert_eq!(zhang.changed, ["attrition", "hires"]);
    assert_eq!(zhang.values, [0.06, 15_000.0]);
}

#[test]
fn the_same_plan_from_two_named_people_counts_twice() {
    let chat = format!(
        "张三 10:02\n{}\n李四 10:03\n{}",
        hires(15_000.0),
        hires(15_000.0)
    );
    let pooled = pool(&chat, &[]);
    assert_eq!(pooled.participants.len(), 2);
    assert_eq!(pooled.repeats.len(), 1, "listed as a repeat all the same");
}

#[test]
fn each_participant_has_a_verdict_on_every_pooled_target() {
    let pooled = pool(&wechat(), &[]);
    for participant in &pooled.participants {
        assert_eq!(participant.verdicts.len(), pooled.targets.len());
        assert!(participant.verdicts.iter().all(Option::is_some));
    }
}

/// A chat export of `tests/e2e/chats/` with each `{key=value,…}` replaced by that plan's link.
fn export(sample: &str) -> String {
    let mut text = sample.to_string();
    while let Some(start) = text.find('{') {
        let end = start + text[start..].find('}').unwrap();
        let sets: Vec<(String, f64)> = text[start + 1..end]
            .split(',')
            .map(|pair| {
                let (key, value) = pair.split_once('=').unwrap();
                (key.to_string(), value.parse().unwrap())
            })
            .collect();
        let sets: Vec<(&str, f64)> = sets.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        text.replace_range(start..=end, &link("yunnan", &sets));
    }
    text
}

fn senders_of(sample: &str) -> Vec<String> {
    pool(&export(sample), &[])
        .participants
        .iter()
        .map(|p| p.source.sender().unwrap_or("?").to_string())
        .collect()
}

#[test]
fn wechat_qq_and_dingtalk_exports_name_every_participant() {
    let wechat = include_str!("../../../tests/e2e/chats/wechat.txt");
    let qq = include_str!("../../../tests/e2e/chats/qq.txt");
    let dingtalk = include_str!("../../../tests/e2e/chats/dingtalk.txt");
    // Zhang San's corrected plan replaces his first one, and comes last.
    assert_eq!(senders_of(wechat), ["李四", "王五", "张三"]);
    assert_eq!(senders_of(qq), ["张三", "李四", "王五", "赵六"]);
    assert_eq!(
        senders_of(dingtalk),
        ["张三", "李四", "王五", "赵六", "钱七"]
    );
    let pooled = pool(&export(qq), &[]);
    assert!(
        pooled.rejected.is_empty(),
        "QQ's rules of ==== are no links: {:?}",
        pooled.rejected
    );
}
