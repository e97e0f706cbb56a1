//! The perimeter a census declares: the communes its territory covers, as a
//! canonical list of parts (`epci:242900314,dep:29,insee:29019`). It travels
//! in the file's header, stamped with when and by whom it was last set; a
//! merge keeps the latest setting (ties broken by agent, then by the text),
//! the same in every order.

use crate::census::time::Timestamp;

/// The perimeter as set, with its stamp. The derived order (time, agent,
/// text) is what a merge keeps the largest of.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Perimeter {
    /// When it was set (0: never).
    pub at: Timestamp,
    /// The agent id of who set it.
    pub by: String,
    /// The canonical parts, comma-separated; empty: no perimeter.
    pub spec: String,
}

impl Perimeter {
    /// A perimeter set now by `by`.
    pub fn set(spec: &str, by: &str, at: Timestamp) -> Perimeter {
        Perimeter {
            at,
            by: by.to_string(),
            spec: spec.to_string(),
        }
    }

    /// Whether the census declares one.
    pub fn is_set(&self) -> bool {
        !self.spec.is_empty()
    }

    /// Whether the file has anything to write for it.
    pub fn is_default(&self) -> bool {
        *self == Perimeter::default()
    }

    /// The merge of two settings: the later one, the same in every order.
    pub fn join(a: &Perimeter, b: &Perimeter) -> Perimeter {
        a.max(b).clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_later_setting_wins_in_either_order() {
        let a = Perimeter::set("dep:29", "aaaaa", Timestamp(5));
        let b = Perimeter::set("epci:242900314", "bbbbb", Timestamp(3));
        assert_eq!(Perimeter::join(&a, &b), a);
        assert_eq!(Perimeter::join(&b, &a), a);
        let c = Perimeter::set("dep:22", "bbbbb", Timestamp(5));
        assert_eq!(Perimeter::join(&a, &c), Perimeter::join(&c, &a));
        assert_eq!(Perimeter::join(&a, &Perimeter::default()), a);
    }
}
