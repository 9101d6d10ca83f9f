// Values in table cells as French spreadsheets show them: numbers "1 234,56" (spaces, U+00A0 and
// U+202F as thousands separators, "1.234,56" too), percentages "69,70 %", money "1 000 €", dates
// "18/10/2022", "18/10/22", "2022-10-18". Each parser returns nullopt with a French reason (what
// was expected), which the import puts next to the row and column.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "model/civil_date.hpp"
#include "model/money.hpp"

namespace cpts {

template <class T>
struct CellValue {
  std::optional<T> value;
  std::string error;  // "nombre attendu, trouvé « abc »"
};

// A number; a trailing "%" is dropped (69,70 % → 69.7: the unit of the indicator says it is a
// percentage), as are "€" and "EUR". Text is refused, formulas included ("=A1+1" is text).
CellValue<double> parse_cell_number(std::string_view text);
// An amount in euros, exact to the cent (no double on the way): "1 234,56 €" → 123456.
CellValue<Cents> parse_cell_cents(std::string_view text);
// A whole number ("12 345" inhabitants, a year).
CellValue<long long> parse_cell_integer(std::string_view text);
// A date: JJ/MM/AAAA, JJ/MM/AA (20AA), AAAA-MM-JJ; the day must exist.
CellValue<Date> parse_cell_date(std::string_view text);
// Oui/non, vrai/faux, x, 1/0, yes/no, true/false.
CellValue<bool> parse_cell_bool(std::string_view text);

// `text` without surrounding spaces (ASCII, tabs, U+00A0, U+202F, U+2009).
std::string_view trim_cell(std::string_view text);
// Lower case ASCII, accents removed from Latin letters, any run of non-alphanumeric characters
// turned into one space: "Libellé de l’indicateur" → "libelle de l indicateur". Used to match
// headers, names and missions whatever their case and accents.
std::string fold_text(std::string_view text);

// A cell's text as a text field: trimmed; a leading apostrophe that a spreadsheet or our own CSV
// export put before a formula-like text ("'=HYPERLINK(…)") is removed. The text is kept as it is
// otherwise — never evaluated.
std::string cell_text(std::string_view text);

}  // namespace cpts
