//! Identifiers made without coordination: initiative ids (ULID) and agent ids.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, Visitor};

/// Fills `buf` with random bytes from the operating system.
fn random_bytes(buf: &mut [u8]) {
    if getrandom::fill(buf).is_err() {
        // No OS randomness (very unusual): fall back to the clock and the pid,
        // hashed, which is still unique enough for ids made by one person.
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0)
            ^ u128::from(std::process::id()) << 64;
        let mut x = seed as u64 ^ (seed >> 64) as u64;
        for b in buf {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            *b = x as u8;
        }
    }
}

/// Why a string is not a valid id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    #[error("empty id")]
    Empty,
    #[error("id too long ({0} characters)")]
    TooLong(usize),
    #[error("character {0:?} not allowed in an id")]
    BadChar(char),
    #[error("not a ULID")]
    NotUlid,
}

fn check_id_chars(s: &str, max: usize, ok: impl Fn(char) -> bool) -> Result<(), IdError> {
    if s.is_empty() {
        return Err(IdError::Empty);
    }
    if s.len() > max {
        return Err(IdError::TooLong(s.chars().count()));
    }
    match s.chars().find(|&c| !ok(c)) {
        Some(c) => Err(IdError::BadChar(c)),
        None => Ok(()),
    }
}

/// The stable id of an initiative: a ULID (26 characters, Crockford base32,
/// time-ordered so that new initiatives go to the end of the file).
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct InitiativeId(Box<str>);

impl InitiativeId {
    pub const MAX_LEN: usize = 40;

    /// A new ULID for the given time (milliseconds since the Unix epoch).
    pub fn generate(unix_millis: u64) -> Self {
        let mut random = [0u8; 10];
        random_bytes(&mut random);
        Self::from_parts(unix_millis, random)
    }

    /// A ULID from its two parts: 48 bits of time, 80 bits of randomness.
    pub fn from_parts(unix_millis: u64, random: [u8; 10]) -> Self {
        let mut wide = [0u8; 16];
        wide[6..].copy_from_slice(&random);
        Self::of(ulid::Ulid::from_parts(
            unix_millis,
            u128::from_be_bytes(wide),
        ))
    }

    /// The text of a ULID: 26 characters of Crockford's base32, in capitals.
    fn of(ulid: ulid::Ulid) -> Self {
        let mut buf = [0u8; ulid::ULID_LEN];
        Self(ulid.array_to_str(&mut buf).into())
    }

    /// Accepts ULIDs and other simple ids (letters, digits, `-`, `_`) that a
    /// person may have typed by hand in the file.
    pub fn parse(s: &str) -> Result<Self, IdError> {
        check_id_chars(s, Self::MAX_LEN, |c| {
            c.is_ascii_alphanumeric() || c == '-' || c == '_'
        })?;
        Ok(Self(s.into()))
    }

    /// A ULID as a census file holds it: 26 characters of Crockford's
    /// base32, the first at most `7`. Small letters are read as capitals
    /// (base32 ignores case), and the second part says so: the id is then
    /// written in capitals, so that a copy in small letters never becomes
    /// a second initiative. Anything else is refused.
    pub fn parse_ulid(s: &str) -> Result<(Self, bool), IdError> {
        // Beyond `7` the first character would need more than 128 bits.
        if s.as_bytes().first().is_none_or(|b| *b > b'7') {
            return Err(IdError::NotUlid);
        }
        let ulid = ulid::Ulid::from_string(s).map_err(|_| IdError::NotUlid)?;
        let lower = s.bytes().any(|b| b.is_ascii_lowercase());
        let id = match lower {
            true => Self::of(ulid),
            false => Self(s.into()),
        };
        Ok((id, lower))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Written as its text, like in the census file.
impl serde::Serialize for InitiativeId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl fmt::Display for InitiativeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for InitiativeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", &*self.0)
    }
}

/// The short stable id of an agent (a person using the tool), e.g. `k3x9q`.
/// Stored inline: every entry of the census carries one.
/// Zero-padded bytes: comparing them orders ids like strings.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AgentId {
    bytes: [u8; AgentId::MAX_LEN],
}

const AGENT_ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

impl AgentId {
    pub const MAX_LEN: usize = 12;

    /// A new random agent id: 5 lowercase base32 characters (25 bits).
    pub fn generate() -> Self {
        let mut random = [0u8; 5];
        random_bytes(&mut random);
        Self::from_bytes_base32(&random)
    }

    /// A stable id derived from a display name, for `--as NAME` without a
    /// config file: the same name always gives the same id.
    pub fn from_name(name: &str) -> Self {
        let h = crate::census::hash::fnv1a64(name.trim().as_bytes());
        Self::from_bytes_base32(&h.to_le_bytes()[..5])
    }

    fn from_bytes_base32(bytes: &[u8]) -> Self {
        let mut id = AgentId {
            bytes: [0; Self::MAX_LEN],
        };
        for (i, b) in bytes.iter().take(5).enumerate() {
            id.bytes[i] = AGENT_ALPHABET[usize::from(*b & 31)];
        }
        id
    }

    /// Letters, digits, `-`, `_`, `~` (the last marks derived agents such as
    /// hand edits), at most 12 characters.
    pub fn parse(s: &str) -> Result<Self, IdError> {
        check_id_chars(s, Self::MAX_LEN, |c| {
            c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '~')
        })?;
        let mut id = AgentId {
            bytes: [0; Self::MAX_LEN],
        };
        id.bytes[..s.len()].copy_from_slice(s.as_bytes());
        Ok(id)
    }

    /// The hand-edit agent of `self` for one adoption of hand edits whose
    /// content digests to `digest` (see `census::hand`): the owner's id (cut
    /// to five characters), `~`, five characters of the digest, `~`
    /// (`k3x9q~4mq2z~`). Whoever adopts the same content names the same agent.
    pub fn hand_for(&self, digest: u64) -> AgentId {
        const OWNER: usize = 5;
        const DIGEST: usize = 5;
        let owner = self.hand_owner();
        let prefix = &owner.as_str().as_bytes()[..owner.as_str().len().min(OWNER)];
        let mut id = AgentId {
            bytes: [0; Self::MAX_LEN],
        };
        id.bytes[..prefix.len()].copy_from_slice(prefix);
        let mut at = prefix.len();
        id.bytes[at] = b'~';
        at += 1;
        for k in 0..DIGEST {
            let five = (digest >> (5 * k)) & 31;
            id.bytes[at] = AGENT_ALPHABET[usize::try_from(five).unwrap_or(0)];
            at += 1;
        }
        id.bytes[at] = b'~';
        id
    }

    /// The agent a hand-edit agent writes for (`k3x9q~`, `k3x9q~4mq2z~` →
    /// `k3x9q`); any other agent is its own.
    pub fn hand_owner(&self) -> AgentId {
        let base = self.as_str().split('~').next().unwrap_or_default();
        AgentId::parse(base).unwrap_or(*self)
    }

    /// Whether this agent records hand edits (see [`AgentId::hand`]).
    pub fn is_hand(&self) -> bool {
        self.as_str().ends_with('~')
    }

    pub fn as_str(&self) -> &str {
        // Only ASCII bytes are ever stored.
        let len = self
            .bytes
            .iter()
            .position(|&b| b == 0)
            .unwrap_or(Self::MAX_LEN);
        std::str::from_utf8(&self.bytes[..len]).unwrap_or("?")
    }
}

impl fmt::Display for AgentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for AgentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}

macro_rules! deserialize_from_str {
    ($ty:ty, $what:literal, $tag:literal) => {
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl<'de> Visitor<'de> for V {
                    type Value = $ty;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str($what)
                    }
                    fn visit_str<E: de::Error>(self, s: &str) -> Result<$ty, E> {
                        <$ty>::parse(s)
                            .map_err(|_| E::custom(crate::census::error::tagged($tag, s)))
                    }
                }
                d.deserialize_str(V)
            }
        }
    };
}

deserialize_from_str!(InitiativeId, "initiative id", "id");
deserialize_from_str!(AgentId, "agent id", "agent");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ulid_is_time_ordered_and_26_chars() {
        let a = InitiativeId::from_parts(1_700_000_000_000, [0xFF; 10]);
        let b = InitiativeId::from_parts(1_700_000_000_001, [0; 10]);
        assert_eq!(a.as_str().len(), 26);
        assert!(a < b);
        // Known ULID layout: all-zero randomness ends with sixteen '0'.
        assert!(b.as_str().ends_with("0000000000000000"));
    }

    #[test]
    fn ulids_keep_the_layout_the_files_hold() {
        // What the hand-written encoder gave before the `ulid` crate: the
        // ids of existing census files are read and made the same way.
        let cases = [
            (
                (1_700_000_000_000, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
                "01HF7YAT00041061050R3GG28A",
            ),
            ((0, [0; 10]), "00000000000000000000000000"),
            (((1 << 48) - 1, [0xFF; 10]), "7ZZZZZZZZZZZZZZZZZZZZZZZZZ"),
        ];
        for ((millis, random), text) in cases {
            let id = InitiativeId::from_parts(millis, random);
            assert_eq!(id.as_str(), text);
            assert_eq!(InitiativeId::parse_ulid(text).unwrap(), (id, false));
        }
        assert_eq!(
            InitiativeId::parse_ulid("01hf7yat00041061050r3gg28a").unwrap(),
            (
                InitiativeId::parse("01HF7YAT00041061050R3GG28A").unwrap(),
                true
            )
        );
        assert!(InitiativeId::parse_ulid("81HF7YAT00041061050R3GG28A").is_err());
        assert!(InitiativeId::parse_ulid("01HF7YAT00041061050R3GG28U").is_err());
        assert!(InitiativeId::parse_ulid("01HF7YAT00041061050R3GG28").is_err());
    }

    #[test]
    fn generated_ids_differ() {
        let a = InitiativeId::generate(1);
        let b = InitiativeId::generate(1);
        assert_ne!(a, b);
    }

    #[test]
    fn agent_id_from_name_is_stable_and_parses() {
        let a = AgentId::from_name("Marie Le Gall");
        assert_eq!(a, AgentId::from_name(" Marie Le Gall "));
        assert_ne!(a, AgentId::from_name("Yann"));
        assert_eq!(AgentId::parse(a.as_str()).unwrap(), a);
    }

    #[test]
    fn ulids_are_read_in_capitals_and_other_ids_refused() {
        let id = "01M8KBYJ808GACQFDEPG38BYMN";
        let (upper, changed) = InitiativeId::parse_ulid(id).unwrap();
        assert_eq!((upper.as_str(), changed), (id, false));
        let (lower, changed) = InitiativeId::parse_ulid(&id.to_lowercase()).unwrap();
        assert_eq!((lower, changed), (upper, true));
        for bad in [
            "hello",
            "",
            "01M8KBYJ808GACQFDEPG38BYM",
            "01M8KBYJ808GACQFDEPG38BYMNN",
        ] {
            assert_eq!(
                InitiativeId::parse_ulid(bad),
                Err(IdError::NotUlid),
                "{bad}"
            );
        }
        // Letters outside the alphabet (I, L, O, U) and a first character past 7.
        assert!(InitiativeId::parse_ulid("01M8KBYJ808GACQFDEPG38BYMU").is_err());
        assert!(InitiativeId::parse_ulid("81M8KBYJ808GACQFDEPG38BYMN").is_err());
        let made = InitiativeId::generate(u64::MAX);
        assert_eq!(InitiativeId::parse_ulid(made.as_str()), Ok((made, false)));
    }

    #[test]
    fn bad_ids_are_refused() {
        assert_eq!(InitiativeId::parse(""), Err(IdError::Empty));
        assert_eq!(InitiativeId::parse("a b"), Err(IdError::BadChar(' ')));
        assert!(matches!(
            AgentId::parse("abcdefghijklm"),
            Err(IdError::TooLong(13))
        ));
    }
}
