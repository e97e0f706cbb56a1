//! Adopting values changed by hand in a census file: the hand edits of an
//! initiative become one write of a hand-edit agent of the person they are
//! credited to, so that merging keeps them instead of taking them for the
//! values they replaced.
//!
//! That write is a function of the initiative's content alone: its agent is
//! the owner's id followed by a digest of the initiative's id, `seen` and
//! hand-edited values and date (`k3x9q~4mq2z~`), its counter the first of
//! that agent, its date the latest the initiative records (the hand edit
//! came later), else the latest of the file.
//! Whoever adopts the same hand edit (the colleague who typed it, each
//! colleague who receives their file) makes the same write, and the join
//! sees one. Different hand edits get different agents, so no dot ever names
//! two values, whoever adopts them and in whatever order.

use crate::census::hash::fnv1a64;
use crate::census::id::AgentId;
use crate::census::model::{Census, Dot, Initiative, Stamp, Value};
use crate::census::time::Timestamp;

impl Census {
    /// Whether a value of the census was changed by hand in the file and
    /// not yet adopted.
    pub fn has_hand_edits(&self) -> bool {
        self.initiatives
            .iter()
            .any(|i| i.hand_edited_fields().next().is_some())
    }

    /// Gives the hand edits of each initiative one write credited to
    /// `owner` (named `name` in the file), dated by the latest change the
    /// initiative records, else the latest of the file, else `fallback` (a
    /// file written entirely by hand). Returns how many initiatives had hand
    /// edits.
    pub fn adopt_hand_edits_of(
        &mut self,
        owner: AgentId,
        name: &str,
        fallback: Timestamp,
    ) -> usize {
        if !self.has_hand_edits() {
            return 0;
        }
        let file_date = self
            .initiatives
            .iter()
            .filter_map(latest_date)
            .max()
            .unwrap_or(fallback);
        let mut count = 0;
        for i in &mut self.initiatives {
            let at = latest_date(i).unwrap_or(file_date);
            let Some(dot) = adoption_dot(i, owner, at) else {
                continue;
            };
            for entries in i.fields.values_mut() {
                for e in entries.iter_mut().filter(|e| e.stamp.is_hand_edit()) {
                    e.stamp = Stamp::Recorded { dot, at };
                }
            }
            i.normalize();
            self.agents
                .entry(dot.agent)
                .or_insert_with(|| name.to_string());
            count += 1;
        }
        count
    }
}

/// The agent of whom a hand-edit agent of this census writes (see
/// [`AgentId::hand_owner`]): the agent of the file with the same name and
/// whose id starts the same, else the one whose id starts the same.
pub fn owner(census: &Census, agent: AgentId) -> AgentId {
    if !agent.is_hand() {
        return agent;
    }
    let prefix = agent.hand_owner();
    let name = census.agents.get(&agent);
    let candidates = || {
        census
            .agents
            .iter()
            .filter(|(id, _)| !id.is_hand() && id.as_str().starts_with(prefix.as_str()))
    };
    candidates()
        .find(|(_, n)| Some(*n) == name)
        .or_else(|| candidates().next())
        .map_or(prefix, |(id, _)| *id)
}

/// The dot adopting the hand edits of `i` gets; `None` without hand edits
/// (or with its counter exhausted).
fn adoption_dot(i: &Initiative, owner: AgentId, at: Timestamp) -> Option<Dot> {
    let mut bytes = Vec::new();
    for (field, entries) in i.fields.iter() {
        for e in entries.iter().filter(|e| e.stamp.is_hand_edit()) {
            bytes.extend_from_slice(field.as_bytes());
            bytes.push(0x1f);
            match &e.value {
                Value::Text(s) => bytes.extend_from_slice(s.as_bytes()),
                other => bytes.extend_from_slice(&other.short_hash().to_le_bytes()),
            }
            bytes.push(0x1e);
        }
    }
    if bytes.is_empty() {
        return None;
    }
    bytes.extend_from_slice(i.id.as_str().as_bytes());
    bytes.extend_from_slice(&at.0.to_le_bytes());
    for (agent, counter) in &i.seen.0 {
        bytes.push(0x1f);
        bytes.extend_from_slice(agent.as_str().as_bytes());
        bytes.extend_from_slice(&counter.to_le_bytes());
    }
    let agent = owner.hand_for(fnv1a64(&bytes));
    // Never wrapped nor past the maximum: a forged counter leaves the hand
    // edits as they are (still shown, never adopted) rather than bricking the file.
    let counter = (i.seen.get(&agent).checked_add(1)).filter(|c| *c <= Dot::MAX_COUNTER)?;
    Some(Dot { agent, counter })
}

/// The latest date among the entries of `i`.
fn latest_date(i: &Initiative) -> Option<Timestamp> {
    i.fields
        .iter()
        .flat_map(|(_, es)| es.iter())
        .filter_map(|e| e.stamp.at())
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::census::file::{parse, to_canonical};
    use crate::census::ops::{Agent, parse_assignments};
    use crate::census::schema::Schema;

    /// A census with Infini by `agent0`, as text.
    fn infini() -> String {
        let schema = Schema::default_schema();
        let mut c = Census::new("T", &schema.id, schema.version);
        let a = Agent {
            id: AgentId::parse("agent0").unwrap(),
            name: "Agent 0".into(),
        };
        let sets = ["nom=Infini", "type=chatons", "commune=Brest"].map(String::from);
        let v = parse_assignments(&schema, &c, &sets, None).unwrap();
        c.add_initiative(&schema, &a, &v, Timestamp(100)).unwrap();
        to_canonical(&c)
    }

    /// `text` with Infini's name changed to `name` (as in vim).
    fn edited(text: &str, name: &str) -> Census {
        parse(&text.replace("\"Infini\"", &format!("{name:?}")), "t")
            .unwrap()
            .0
    }

    #[test]
    fn the_same_hand_edit_is_the_same_write_whoever_adopts_it_and_when() {
        let owner = AgentId::parse("agent0").unwrap();
        let text = infini();
        let (mut a, mut b, mut other) = (
            edited(&text, "Infini Brest"),
            edited(&text, "Infini Brest"),
            edited(&text, "Infini 29"),
        );
        assert_eq!(a.adopt_hand_edits_of(owner, "Agent 0", Timestamp(5)), 1);
        assert_eq!(b.adopt_hand_edits_of(owner, "Agent 0", Timestamp(9)), 1);
        assert_eq!(to_canonical(&a), to_canonical(&b));
        other.adopt_hand_edits_of(owner, "Agent 0", Timestamp(5));
        let dot = |c: &Census| c.initiatives[0].last_change("nom").unwrap().dot().unwrap();
        assert_ne!(dot(&a), dot(&other), "two values, two dots");
        assert_eq!(dot(&a).agent.hand_owner().as_str(), "agent");
        assert_eq!(super::owner(&a, dot(&a).agent), owner);
        assert_eq!(
            a.initiatives[0].last_change("nom").unwrap().at(),
            Some(Timestamp(100))
        );
    }
}
