pub fn export(
    _census: &crate::census::Census,
    _schema: &crate::census::Schema,
    _selection: &[&crate::census::Initiative],
    _out: &mut dyn std::io::Write,
) -> std::io::Result<Vec<super::LeftOut>> {
    Err(std::io::Error::other("standard export not merged yet"))
}
