// The planner's figures as one Excel workbook (.xlsx, issue #16 item 4), for the treasurer and the
// CPAM, written with libxlsxwriter (cpts_xlsxwriter). Sheets, French names and headers:
//   Financement par année         components × contract years 1–5, totals
//   Financement par année civile  payments summed by the calendar year of their date
//   Échéancier                    every dated payment
//   Indicateurs                   one row per indicator, with its tiers (threshold, amount)
//   Budget                        ACI income, other income, expenses, fiche-action budgets, balance
//   Communes                      the territory and its population
// Amounts are numbers in euros with a € format (`1 234,56 €` in a French spreadsheet), percentages
// (unit "%") numbers with a % format, dates real dates (JJ/MM/AAAA); header rows are frozen. Every
// total is a formula (SUM, SUMIF, or a reference to another sheet) that Excel and LibreOffice
// recompute, written with its value as the planner computes it (the cached result).
//
// User text is always written as a text cell, never as a formula: a label "=HYPERLINK(…)" stays
// text (formula injection). Invalid UTF-8 is replaced by U+FFFD and text longer than a cell holds
// (32 767 characters) is cut, so that Excel never refuses the file.
#pragma once
#include <string>
#include <string_view>

#include "engine/funding.hpp"
#include "model/project.hpp"

namespace cpts {

struct XlsxWorkbook {
  bool ok = false;
  std::string error;   // French, when !ok
  std::string bytes;   // the .xlsx file
};
constexpr const char* kXlsxMime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// `r` is the simulation shown (the exports use the ceiling scenario, as the CSV ones); `date` is
// stored as the workbook's creation date (none: 01/01/2000, so that the bytes are reproducible).
// libxlsxwriter writes to a file: a temporary file (the browser's in-memory file system in wasm),
// read back and removed.
XlsxWorkbook export_workbook(const Project& p, const FundingResult& r, const Date& date = {});

// Building blocks, exposed for the tests.
std::string xlsx_sheet_name(std::string_view name);  // ≤ 31 characters, none of []:*?/\, not empty
std::string xlsx_text(std::string_view text);        // valid UTF-8, ≤ 32 767 characters
std::string xlsx_cell_ref(int row, int col);         // 0-based → "A1", "AA10"

}  // namespace cpts
