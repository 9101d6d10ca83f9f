// A table of cells as the user pasted it or as a file holds it: tab-separated text copied from
// Excel, LibreOffice Calc, Google Sheets or a Word table, ";" or "," CSV text, or the first sheet of
// an .xlsx workbook (xlsx_reader.hpp). Every cell is UTF-8 text as the spreadsheet shows it; the
// import (edit/table_import.hpp) reads numbers, money and dates from it (table_values.hpp).
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cpts {

// Limits: a table bigger than this is refused at once with a clear message (100 000 pasted rows
// must not freeze the page). The largest list a table feeds is 5 000 communes; an annex has ~40
// indicators.
constexpr std::size_t kMaxTableRows = 10000;
constexpr std::size_t kMaxTableColumns = 200;
constexpr std::size_t kMaxTableBytes = 32u << 20;   // pasted text or a CSV file
constexpr std::size_t kMaxCellBytes = 100000;       // = a text field of the project (schema.hpp)

struct TableRow {
  std::size_t number = 0;            // 1-based row of the source (line of the text, row of the sheet)
  std::vector<std::string> cells;    // trailing empty cells removed
};

struct CellGrid {
  std::vector<TableRow> rows;        // rows whose cells are all empty are left out
  std::size_t columns = 0;           // widest row
  const std::string& cell(std::size_t row, std::size_t col) const;  // "" outside
};

// A grid, or why the input was refused (French, naming the line/row and column).
struct GridRead {
  std::optional<CellGrid> grid;
  std::string error;
  bool ok() const { return grid.has_value(); }
};

// Tab, ';' or ',' separated text: the separator is the one of those found in the first line
// (outside quotes), tab first, then ';' (French CSV), then ','. A UTF-8 BOM and an Excel "sep=;"
// line are skipped; CRLF, LF and CR end a line; a cell starting with '"' is quoted as Excel writes
// it (tabs, separators and line breaks inside, "" for a quote). Invalid UTF-8 is refused, naming
// the line and column (never guessed as Windows-1252: a wrong guess would silently change names).
GridRead parse_table_text(std::string_view text);

// "A", "B", … "Z", "AA": the column letters of spreadsheets, used in every message.
std::string column_letters(std::size_t col);
// "ligne 4, colonne C" (1-based row, 0-based column).
std::string cell_place(std::size_t row_number, std::size_t col);

// Whether `s` is valid UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF).
bool valid_utf8(std::string_view s);

}  // namespace cpts
