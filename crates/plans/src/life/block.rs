//! A block of cells pasted from a spreadsheet, or read from a CSV file, as actual figures.
//!
//! Excel and WPS copy a selection as rows of tab-separated cells; a CSV file separates them by
//! commas (or semicolons) and may quote them. Either way the block has a header row, of years
//! (one row per figure below it) or of figures (one row per year), and a corner cell that says
//! nothing. Without a header, rows of `year, value` pairs are the figure the block was pasted
//! into, when the caller names one.
//!
//! Figures are named as the planner's spreadsheet names them, in Chinese or English: the caller
//! gives the names (the wording layer has them), and figure keys (`talent`) are always known.
//! Numbers are read by the caller's reader too (`1.5万`, `12,000`). The block is data: reading
//! it gives the entries and, for every cell that could not be used, a typed problem with its
//! row and column as the spreadsheet counts them (from 1).

use serde::{Deserialize, Serialize};
use swplan_engine::actuals::is_actual_figure;
use swplan_engine::Metric;

/// The most cells a block may hold: a spreadsheet's statistics table, not a database. A larger
/// paste is refused whole rather than read slowly.
pub const MAX_CELLS: usize = 20_000;

/// The years a header cell may name.
const YEARS: std::ops::RangeInclusive<i32> = 1949..=2200;

/// How the block was laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Layout {
    /// A header row of years, one figure per row below it.
    YearsAcross,
    /// A header row of figures, one year per row below it.
    FiguresAcross,
    /// No header: rows of a year and a value, for the figure named by the caller.
    Pairs,
}

/// One actual figure read from the block.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct BlockEntry {
    pub metric: Metric,
    pub year: i32,
    pub value: f64,
    /// Where it stood (from 1).
    pub row: usize,
    pub column: usize,
}

/// Why a part of the block was not read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum BlockProblem {
    /// Nothing but blank cells.
    Empty,
    /// More cells than [`MAX_CELLS`].
    TooLarge { cells: usize },
    /// Neither the first row nor the first column holds years and figures, and no figure was
    /// given for rows of pairs.
    NoHeader,
    /// A figure name the block uses that is not one of the model's.
    UnknownFigure {
        row: usize,
        column: usize,
        text: String,
    },
    /// A figure that follows from others (coverage, yearly budget): not entered as an actual.
    NotAStock {
        row: usize,
        column: usize,
        metric: Metric,
    },
    /// A header cell that should be a year.
    NotAYear {
        row: usize,
        column: usize,
        text: String,
    },
    /// A value cell that is not a number.
    NotANumber {
        row: usize,
        column: usize,
        text: String,
    },
    /// The same figure and year twice: the later cell is used.
    Repeated {
        row: usize,
        column: usize,
        metric: Metric,
        year: i32,
    },
}

/// What reading a block gave.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReadBlock {
    pub layout: Option<Layout>,
    pub entries: Vec<BlockEntry>,
    pub problems: Vec<BlockProblem>,
}

/// Names of figures as a spreadsheet may write them, with the figure each names.
pub type FigureNames<'a> = &'a [(&'a str, Metric)];

/// Reads a block. `names` are the figures' names (matched ignoring spaces, case, full-width
/// brackets and a unit in brackets: "社会工作人才总量（人）"); `number` reads a value cell;
/// `figure` is the figure a block without a header is for.
pub fn read_block(
    text: &str,
    names: FigureNames,
    number: &dyn Fn(&str) -> Option<f64>,
    figure: Option<Metric>,
) -> ReadBlock {
    let rows = split_rows(text);
    let cells: usize = rows.iter().map(Vec::len).sum();
    let refused = |problem| ReadBlock {
        layout: None,
        entries: Vec::new(),
        problems: vec![problem],
    };
    if cells > MAX_CELLS {
        return refused(BlockProblem::TooLarge { cells });
    }
    if rows.iter().flatten().all(|cell| is_blank(cell)) {
        return refused(BlockProblem::Empty);
    }
    let names = Names { names };
    let header = &rows[0];
    let years_across = header
        .iter()
        .skip(1)
        .filter(|c| year_of(c).is_some())
        .count();
    let figures_across = header
        .iter()
        .skip(1)
        .filter(|c| names.figure(c).is_some())
        .count();
    let mut read = ReadBlock {
        layout: None,
        entries: Vec::new(),
        problems: Vec::new(),
    };
    if years_across > 0 && years_across >= figures_across {
        read.layout = Some(Layout::YearsAcross);
        read_years_across(&rows, &names, number, &mut read);
    } else if figures_across > 0 {
        read.layout = Some(Layout::FiguresAcross);
        read_figures_across(&rows, &names, number, &mut read);
    } else if let Some(metric) = figure.filter(|_| rows.iter().all(|r| r.len() <= 2)) {
        read.layout = Some(Layout::Pairs);
        read_pairs(&rows, metric, number, &mut read);
    } else {
        read.problems.push(BlockProblem::NoHeader);
    }
    drop_repeats(&mut read);
    read
}

/// Splits text into rows of cells: tabs when any line has one (a spreadsheet's copy), else
/// CSV with commas or semicolons and quotes. Trailing blank rows are dropped.
fn split_rows(text: &str) -> Vec<Vec<String>> {
    let text = text.trim_start_matches('\u{feff}');
    let mut rows: Vec<Vec<String>> = if text.contains('\t') {
        text.lines()
            .map(|line| line.split('\t').map(str::to_string).collect())
            .collect()
    } else {
        let separator = if text.lines().next().unwrap_or("").matches(';').count()
            > text.lines().next().unwrap_or("").matches(',').count()
        {
            ';'
        } else {
            ','
        };
        split_csv(text, separator)
    };
    while rows
        .last()
        .is_some_and(|row| row.iter().all(|c| is_blank(c)))
    {
        rows.pop();
    }
    if rows.is_empty() {
        rows.push(Vec::new());
    }
    rows
}

/// CSV rows: quoted cells may hold the separator, line breaks and doubled quotes.
fn split_csv(text: &str, separator: char) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            '"' if quoted => quoted = false,
            '"' if cell.trim().is_empty() => {
                cell.clear();
                quoted = true;
            }
            c if c == separator && !quoted => row.push(std::mem::take(&mut cell)),
            '\r' if !quoted => {}
            '\n' if !quoted => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            c => cell.push(c),
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows
}

fn is_blank(cell: &str) -> bool {
    matches!(
        cell.trim(),
        "" | "-" | "—" | "–" | "/" | "N/A" | "n/a" | "NA"
    )
}

/// A year a header or first-column cell names: "2023", "2023年", "2023年末", "end-2023".
fn year_of(cell: &str) -> Option<i32> {
    let cell = cell.trim();
    let digits: String = cell.chars().filter(char::is_ascii_digit).collect();
    let rest: String = cell
        .chars()
        .filter(|c| !c.is_ascii_digit() && !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    let allowed = [
        "", "年", "年末", "年底", "末", "底", "end-", "end", "fy", "年度",
    ];
    let year: i32 = digits.parse().ok()?;
    (digits.len() == 4 && YEARS.contains(&year) && allowed.contains(&rest.as_str())).then_some(year)
}

/// The figure names the caller gave, and the figures' keys.
struct Names<'a> {
    names: FigureNames<'a>,
}

impl Names<'_> {
    fn figure(&self, cell: &str) -> Option<Metric> {
        let wanted = normalise(cell);
        if wanted.is_empty() {
            return None;
        }
        Metric::from_key(cell.trim())
            .or_else(|| {
                self.names
                    .iter()
                    .find(|(name, _)| normalise(name) == wanted)
                    .map(|(_, metric)| *metric)
            })
            .or_else(|| {
                // A unit in brackets after the name: "社会工作人才总量（人）", "Talent (people)".
                let bare = wanted.split(['(', '[']).next().unwrap_or("");
                self.names
                    .iter()
                    .find(|(name, _)| !bare.is_empty() && normalise(name) == bare)
                    .map(|(_, metric)| *metric)
            })
    }
}

/// A name as compared: lower case, no spaces, ASCII brackets.
fn normalise(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '【' => '[',
            '】' => ']',
            c => c,
        })
        .collect::<String>()
        .to_lowercase()
}

/// A value cell: blank cells are skipped; anything else is a number or a problem.
fn value_cell(
    text: &str,
    row: usize,
    column: usize,
    number: &dyn Fn(&str) -> Option<f64>,
    read: &mut ReadBlock,
) -> Option<f64> {
    if is_blank(text) {
        return None;
    }
    let value = number(text.trim());
    if value.is_none() {
        read.problems.push(BlockProblem::NotANumber {
            row,
            column,
            text: text.trim().to_string(),
        });
    }
    value
}

/// A figure cell: an actual figure, or a problem (`None` for a blank cell too).
fn figure_cell(
    text: &str,
    row: usize,
    column: usize,
    names: &Names,
    read: &mut ReadBlock,
) -> Option<Metric> {
    if is_blank(text) {
        return None;
    }
    match names.figure(text) {
        Some(metric) if is_actual_figure(metric) => Some(metric),
        Some(metric) => {
            read.problems.push(BlockProblem::NotAStock {
                row,
                column,
                metric,
            });
            None
        }
        None => {
            read.problems.push(BlockProblem::UnknownFigure {
                row,
                column,
                text: text.trim().to_string(),
            });
            None
        }
    }
}

fn year_cell(text: &str, row: usize, column: usize, read: &mut ReadBlock) -> Option<i32> {
    if is_blank(text) {
        return None;
    }
    let year = year_of(text);
    if year.is_none() {
        read.problems.push(BlockProblem::NotAYear {
            row,
            column,
            text: text.trim().to_string(),
        });
    }
    year
}

fn read_years_across(
    rows: &[Vec<String>],
    names: &Names,
    number: &dyn Fn(&str) -> Option<f64>,
    read: &mut ReadBlock,
) {
    let years: Vec<Option<i32>> = rows[0]
        .iter()
        .enumerate()
        .map(|(i, cell)| match i {
            0 => None,
            _ => year_cell(cell, 1, i + 1, read),
        })
        .collect();
    for (r, cells) in rows.iter().enumerate().skip(1) {
        let Some(metric) = cells
            .first()
            .and_then(|c| figure_cell(c, r + 1, 1, names, read))
        else {
            continue;
        };
        for (c, cell) in cells.iter().enumerate().skip(1) {
            let Some(Some(year)) = years.get(c) else {
                continue;
            };
            if let Some(value) = value_cell(cell, r + 1, c + 1, number, read) {
                read.entries.push(BlockEntry {
                    metric,
                    year: *year,
                    value,
                    row: r + 1,
                    column: c + 1,
                });
            }
        }
    }
}

fn read_figures_across(
    rows: &[Vec<String>],
    names: &Names,
    number: &dyn Fn(&str) -> Option<f64>,
    read: &mut ReadBlock,
) {
    let figures: Vec<Option<Metric>> = rows[0]
        .iter()
        .enumerate()
        .map(|(i, cell)| match i {
            0 => None,
            _ => figure_cell(cell, 1, i + 1, names, read),
        })
        .collect();
    for (r, cells) in rows.iter().enumerate().skip(1) {
        let Some(year) = cells.first().and_then(|c| year_cell(c, r + 1, 1, read)) else {
            continue;
        };
        for (c, cell) in cells.iter().enumerate().skip(1) {
            let Some(Some(metric)) = figures.get(c) else {
                continue;
            };
            if let Some(value) = value_cell(cell, r + 1, c + 1, number, read) {
                read.entries.push(BlockEntry {
                    metric: *metric,
                    year,
                    value,
                    row: r + 1,
                    column: c + 1,
                });
            }
        }
    }
}

fn read_pairs(
    rows: &[Vec<String>],
    metric: Metric,
    number: &dyn Fn(&str) -> Option<f64>,
    read: &mut ReadBlock,
) {
    for (r, cells) in rows.iter().enumerate() {
        let (Some(year_text), Some(value_text)) = (cells.first(), cells.get(1)) else {
            continue;
        };
        // A header row of words ("年份 / 人数") above the pairs says nothing.
        if r == 0 && year_of(year_text).is_none() && number(value_text.trim()).is_none() {
            continue;
        }
        let Some(year) = year_cell(year_text, r + 1, 1, read) else {
            continue;
        };
        if let Some(value) = value_cell(value_text, r + 1, 2, number, read) {
            read.entries.push(BlockEntry {
                metric,
                year,
                value,
                row: r + 1,
                column: 2,
            });
        }
    }
}

/// Keeps the last cell of each figure and year, naming the ones it replaced.
fn drop_repeats(read: &mut ReadBlock) {
    let mut kept: Vec<BlockEntry> = Vec::with_capacity(read.entries.len());
    for entry in read.entries.drain(..) {
        if let Some(earlier) = kept
            .iter_mut()
            .find(|e| e.metric == entry.metric && e.year == entry.year)
        {
            read.problems.push(BlockProblem::Repeated {
                row: entry.row,
                column: entry.column,
                metric: entry.metric,
                year: entry.year,
            });
            *earlier = entry;
        } else {
            kept.push(entry);
        }
    }
    read.entries = kept;
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES: FigureNames = &[
        ("社会工作人才总量", Metric::Talent),
        ("Social-work talent", Metric::Talent),
        ("持证社工", Metric::Certified),
        ("Certified social workers", Metric::Certified),
        ("乡镇（街道）社工站", Metric::Stations),
        ("社工站覆盖率", Metric::StationCoverage),
    ];

    /// Plain numbers, "万" and separators, as the wording layer's reader does.
    fn number(text: &str) -> Option<f64> {
        let text = text.replace(',', "");
        match text.strip_suffix('万') {
            Some(rest) => rest.parse::<f64>().ok().map(|v| v * 1e4),
            None => text.parse::<f64>().ok(),
        }
        .filter(|v| v.is_finite())
    }

    fn read(text: &str) -> ReadBlock {
        read_block(text, NAMES, &number, None)
    }

    fn triples(read: &ReadBlock) -> Vec<(Metric, i32, f64)> {
        read.entries
            .iter()
            .map(|e| (e.metric, e.year, e.value))
            .collect()
    }

    #[test]
    fn a_header_of_years_gives_one_figure_per_row() {
        let block = read("指标\t2021年\t2022年\t2023年\n社会工作人才总量\t8.45万\t9万\t\n持证社工\t3658\t4,100\t5000\n");
        assert_eq!(block.layout, Some(Layout::YearsAcross));
        assert!(block.problems.is_empty(), "{:?}", block.problems);
        assert_eq!(
            triples(&block),
            [
                (Metric::Talent, 2021, 84_500.0),
                (Metric::Talent, 2022, 90_000.0),
                (Metric::Certified, 2021, 3658.0),
                (Metric::Certified, 2022, 4100.0),
                (Metric::Certified, 2023, 5000.0),
            ]
        );
    }

    #[test]
    fn a_header_of_figures_gives_one_year_per_row_in_english_too() {
        let block = read("Year\tSocial-work talent\tCertified social workers\r\n2022\t90000\t4100\r\n2023\t95000\t\r\n");
        assert_eq!(block.layout, Some(Layout::FiguresAcross));
        assert_eq!(
            triples(&block),
            [
                (Metric::Talent, 2022, 90_000.0),
                (Metric::Certified, 2022, 4100.0),
                (Metric::Talent, 2023, 95_000.0),
            ]
        );
    }

    #[test]
    fn a_unit_in_brackets_and_a_figure_key_are_understood() {
        let block = read("年份\t社会工作人才总量（人）\tcertified\n2023\t1.5万\t820\n");
        assert_eq!(
            triples(&block),
            [
                (Metric::Talent, 2023, 15_000.0),
                (Metric::Certified, 2023, 820.0)
            ]
        );
    }

    #[test]
    fn csv_with_quotes_and_a_byte_order_mark_reads_like_a_paste() {
        let block = read(
            "\u{feff}\"指标\",\"2023\",\"2024\"\r\n\"社会工作人才总量\",\"12,000\",\"13,500\"\r\n",
        );
        assert_eq!(
            triples(&block),
            [
                (Metric::Talent, 2023, 12_000.0),
                (Metric::Talent, 2024, 13_500.0)
            ]
        );
    }

    #[test]
    fn pairs_without_a_header_are_the_figure_pasted_into() {
        let text = "2022\t820\n2023\t900\n";
        assert_eq!(read(text).problems, [BlockProblem::NoHeader]);
        let block = read_block(text, NAMES, &number, Some(Metric::Institutions));
        assert_eq!(block.layout, Some(Layout::Pairs));
        assert_eq!(
            triples(&block),
            [
                (Metric::Institutions, 2022, 820.0),
                (Metric::Institutions, 2023, 900.0)
            ]
        );
    }

    #[test]
    fn a_mangled_paste_names_every_cell_it_could_not_use() {
        let block = read(
            "指标\t2023\t二〇二四\n社工人数\t5\t6\n持证社工\tabc\t7\n社工站覆盖率\t0.5\t0.6\n",
        );
        assert_eq!(triples(&block), []);
        assert_eq!(
            block.problems,
            [
                BlockProblem::NotAYear {
                    row: 1,
                    column: 3,
                    text: "二〇二四".into()
                },
                BlockProblem::UnknownFigure {
                    row: 2,
                    column: 1,
                    text: "社工人数".into()
                },
                BlockProblem::NotANumber {
                    row: 3,
                    column: 2,
                    text: "abc".into()
                },
                BlockProblem::NotAStock {
                    row: 4,
                    column: 1,
                    metric: Metric::StationCoverage
                },
            ]
        );
    }

    #[test]
    fn blank_and_oversized_blocks_are_refused_whole() {
        assert_eq!(read("").problems, [BlockProblem::Empty]);
        assert_eq!(read(" \t \n\n").problems, [BlockProblem::Empty]);
        let huge = "1\t".repeat(MAX_CELLS + 1);
        assert!(matches!(
            read(&huge).problems.as_slice(),
            [BlockProblem::TooLarge { .. }]
        ));
    }

    #[test]
    fn a_figure_and_year_given_twice_keeps_the_later_cell() {
        let block = read("指标\t2023\t2023\n持证社工\t1\t2\n");
        assert_eq!(triples(&block), [(Metric::Certified, 2023, 2.0)]);
        assert!(matches!(
            block.problems.as_slice(),
            [BlockProblem::Repeated { column: 3, .. }]
        ));
    }

    #[test]
    fn any_text_reads_without_panicking() {
        for text in [
            "\"",
            "\"a\nb",
            "\t\t\t",
            ";;;\n;;",
            "年份\n2023",
            "2023\n",
            "指标\t2023\n",
            "\u{0}\u{feff}\t",
            "9999999999999\t1e308",
        ] {
            let _ = read_block(text, NAMES, &number, Some(Metric::Talent));
        }
    }
}
