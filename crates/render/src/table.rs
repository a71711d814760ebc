//! A worded table (`swplan_words::compare::TextTable`) laid out for a terminal or a CSV file.

use swplan_words::compare::TextTable;
use swplan_words::display_width;

use crate::export::csv::text_cell;

/// Aligned columns for a terminal (Chinese characters count two columns): the first column
/// left-aligned, the others right-aligned.
pub fn aligned(table: &TextTable) -> String {
    let columns = table.header.len();
    let widths: Vec<usize> = (0..columns)
        .map(|i| {
            std::iter::once(&table.header)
                .chain(&table.rows)
                .filter_map(|row| row.get(i))
                .map(|cell| display_width(cell))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |row: &Vec<String>| {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(i, (cell, width))| {
                let fill = " ".repeat(width.saturating_sub(display_width(cell)));
                if i == 0 {
                    format!("{cell}{fill}")
                } else {
                    format!("{fill}{cell}")
                }
            })
            .collect();
        cells.join("  ").trim_end().to_string() + "\n"
    };
    std::iter::once(&table.header)
        .chain(&table.rows)
        .map(line)
        .collect()
}

/// CSV lines (RFC 4180 quoting, CRLF), without the byte-order mark a file starts with.
pub fn csv(table: &TextTable) -> String {
    std::iter::once(&table.header)
        .chain(&table.rows)
        .map(|row| {
            let cells: Vec<String> = row.iter().map(|cell| text_cell(cell)).collect();
            cells.join(",") + "\r\n"
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> TextTable {
        TextTable {
            header: vec!["输入".into(), "A".into()],
            rows: vec![vec!["每年新增人才".into(), "1.2万".into()]],
        }
    }

    #[test]
    fn an_aligned_table_counts_chinese_characters_twice() {
        assert_eq!(
            aligned(&table()),
            "输入              A\n每年新增人才  1.2万\n"
        );
    }

    #[test]
    fn a_csv_table_quotes_what_excel_needs_and_ends_lines_with_crlf() {
        let mut table = table();
        table.rows[0][1] = "12,000".into();
        assert_eq!(csv(&table), "输入,A\r\n每年新增人才,\"12,000\"\r\n");
    }
}
