//! A short form of an initiative id for the record's border: its last
//! characters (the random end of the id, which tells records apart), after
//! the theme's ellipsis. The whole id stays in `recense show`, the exports
//! and the file.

/// How many of the last characters are shown.
pub const SHORT: usize = 8;

/// `…KMNBCWPR` (`...KMNBCWPR` in ASCII): the id's last [`SHORT`]
/// characters; a short id whole.
pub fn short_id(id: &str, ellipsis: &str) -> String {
    let count = id.chars().count();
    if count <= SHORT {
        return id.to_string();
    }
    let tail: String = id.chars().skip(count - SHORT).collect();
    format!("{ellipsis}{tail}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_last_characters_of_a_long_id() {
        let id = "01M6B5G7T0HT5KFD63KMNBCWPR";
        assert_eq!(super::short_id(id, "…"), "…KMNBCWPR");
        assert_eq!(super::short_id(id, "..."), "...KMNBCWPR");
        assert_eq!(super::short_id("A", "…"), "A");
    }
}
