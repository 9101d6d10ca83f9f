// Tables as text a spreadsheet pastes into cells: tab-separated values, one line per row. Built
// from the core's CSV exports (csv_export.hpp), so the copied table and the exported file always
// hold the same columns, the same French numbers ("1234,56") and the same protection against
// formulas. A cell holding a tab, a line break or a quote is quoted ("a""b"), which LibreOffice
// Calc, Excel and Google Sheets all read back as one cell.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace cpts::ui {

// Parses the core's CSV (optional UTF-8 BOM, ";" separators, "" quoting, CRLF or LF).
std::vector<std::vector<std::string>> parse_csv(std::string_view csv, char separator = ';');

// Rows → TSV text with "\n" line ends (and a final one).
std::string to_tsv(const std::vector<std::vector<std::string>>& rows);

inline std::string csv_to_tsv(std::string_view csv) { return to_tsv(parse_csv(csv)); }

}  // namespace cpts::ui
