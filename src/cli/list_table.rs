//! The table of `recense list`, made to fit the width of the terminal: the
//! width of standard output when it is a terminal, else `COLUMNS`, else 80.
//!
//! The name column gives way first: it is cut (with `…`) down to
//! [`NAME_MIN`] columns; the kind and the commune are cut to 24 and 20
//! columns. When the name would still have less room, columns are dropped
//! in this order: the kind, then the commune, then (with `--stale`) the date
//! of the last check. The short id and the name always stay.

use crate::display::{truncate, width};

use super::output::table;

/// The width the table may take.
pub fn available_width() -> usize {
    use std::io::IsTerminal;
    let terminal = std::io::stdout().is_terminal().then(|| {
        ratatui::crossterm::terminal::size()
            .ok()
            .map(|(w, _)| usize::from(w))
    });
    let columns = || std::env::var("COLUMNS").ok()?.trim().parse().ok();
    terminal
        .flatten()
        .filter(|&w| w > 0)
        .or_else(columns)
        .filter(|&w| w > 0)
        .unwrap_or(80)
}

/// Below this, the name is not cut further: a column is dropped instead.
pub const NAME_MIN: usize = 16;

/// One column: its header, and how it gives way.
pub struct Column<'a> {
    pub header: &'a str,
    /// Cut to this width when the table is too wide (`None`: never cut).
    pub cap: Option<usize>,
    /// Dropped in this order when the table is too wide (`None`: kept).
    pub drop: Option<u8>,
}

/// The table of `rows` (one cell per column) in at most `max` columns of
/// text; column 1 is the name, which takes the room left.
pub fn fit(columns: &[Column], rows: &[Vec<String>], max: usize) -> String {
    const NAME: usize = 1;
    const GAP: usize = 2;
    let natural: Vec<usize> = (0..columns.len())
        .map(|c| {
            let cells = rows.iter().map(|r| r.get(c).map_or(0, |s| width(s)));
            cells.fold(width(columns[c].header), usize::max)
        })
        .collect();
    let mut kept: Vec<usize> = (0..columns.len()).collect();
    let mut widths = natural.clone();
    let total = |kept: &[usize], widths: &[usize]| {
        kept.iter().map(|&c| widths[c]).sum::<usize>() + GAP * kept.len().saturating_sub(1)
    };
    if total(&kept, &widths) > max {
        for (c, column) in columns.iter().enumerate() {
            if let Some(cap) = column.cap {
                widths[c] = widths[c].min(cap.max(width(column.header)));
            }
        }
        loop {
            let others = total(&kept, &widths) - widths[NAME];
            let room = max.saturating_sub(others);
            if room >= NAME_MIN.min(natural[NAME]) {
                widths[NAME] = room.min(natural[NAME]);
                break;
            }
            let next = (kept.iter().copied())
                .filter_map(|c| columns[c].drop.map(|order| (order, c)))
                .min();
            match next {
                Some((_, c)) => kept.retain(|&k| k != c),
                None => {
                    widths[NAME] = room.max(1);
                    break;
                }
            }
        }
    }
    let header: Vec<&str> = kept.iter().map(|&c| columns[c].header).collect();
    let cut: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            (kept.iter())
                .map(|&c| {
                    let cell = row.get(c).map_or("", String::as_str);
                    truncate(cell, widths[c]).into_owned()
                })
                .collect()
        })
        .collect();
    table(&header, &cut)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn columns() -> Vec<Column<'static>> {
        vec![
            Column {
                header: "ID",
                cap: None,
                drop: None,
            },
            Column {
                header: "NOM",
                cap: None,
                drop: None,
            },
            Column {
                header: "TYPE",
                cap: Some(24),
                drop: Some(0),
            },
            Column {
                header: "COMMUNE",
                cap: Some(20),
                drop: Some(1),
            },
        ]
    }

    fn rows() -> Vec<Vec<String>> {
        vec![vec![
            "4ZYJ".into(),
            "Association pour la promotion des logiciels libres en Finistère".into(),
            "Association d'éducation populaire".into(),
            "Saint-Martin-des-Champs".into(),
        ]]
    }

    fn widest(text: &str) -> usize {
        text.lines().map(width).max().unwrap_or(0)
    }

    #[test]
    fn a_wide_table_is_cut_then_loses_the_kind_then_the_commune() {
        let wide = fit(&columns(), &rows(), 200);
        assert!(
            wide.contains("Finistère") && wide.contains("populaire"),
            "{wide}"
        );
        let at_80 = fit(&columns(), &rows(), 80);
        assert!(widest(&at_80) <= 80, "{at_80}");
        assert!(at_80.contains('…') && at_80.contains("TYPE"), "{at_80}");
        let at_60 = fit(&columns(), &rows(), 60);
        assert!(widest(&at_60) <= 60, "{at_60}");
        assert!(
            !at_60.contains("TYPE") && at_60.contains("COMMUNE"),
            "{at_60}"
        );
        let at_30 = fit(&columns(), &rows(), 30);
        assert!(widest(&at_30) <= 30, "{at_30}");
        assert!(
            !at_30.contains("COMMUNE") && at_30.contains("4ZYJ"),
            "{at_30}"
        );
    }
}
