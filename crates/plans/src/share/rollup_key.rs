//! Reading `ru`, the province of a roll-up link: its targets (as `t` writes them) and its name
//! (see [`super::rollup_link`] for the format and the writer).

use super::base64url;
use super::problems::{Fallback, LinkProblem, ProblemKind, Reader};
use super::read_plan::read_targets;
use super::LinkKey;
use swplan_engine::Target;

/// What `ru` says of the province.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RollUpLink {
    pub name: Option<String>,
    pub targets: Vec<Target>,
}

/// Reads `ru`; what cannot be read is listed (as the first plan's) and left out.
pub(super) fn read_rollup(text: &str, problems: &mut Vec<LinkProblem>) -> RollUpLink {
    let (targets_text, name_text) = text.split_once('~').unwrap_or((text, ""));
    let mut reader = Reader { plan: 0, problems };
    let targets =
        read_targets(&mut reader, targets_text, &[], Fallback::Dropped).unwrap_or_default();
    let name = if name_text.is_empty() {
        None
    } else {
        let name = base64url::decode(name_text).and_then(|b| String::from_utf8(b).ok());
        if name.is_none() {
            reader.problem(
                LinkKey::RollUp.code(),
                ProblemKind::NotAName,
                Fallback::Dropped,
            );
        }
        name
    };
    RollUpLink { name, targets }
}
