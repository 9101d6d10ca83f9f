#include "io/table_grid.hpp"

#include "model/money.hpp"

namespace cpts {

const std::string& CellGrid::cell(std::size_t row, std::size_t col) const {
  static const std::string kEmpty;
  if (row >= rows.size() || col >= rows[row].cells.size()) return kEmpty;
  return rows[row].cells[col];
}

std::string column_letters(std::size_t col) {
  std::string s;
  std::size_t n = col + 1;
  while (n > 0) {
    s.insert(s.begin(), static_cast<char>('A' + (n - 1) % 26));
    n = (n - 1) / 26;
  }
  return s;
}

std::string cell_place(std::size_t row_number, std::size_t col) {
  return "ligne " + std::to_string(row_number) + ", colonne " + column_letters(col);
}

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len;
    unsigned cp;
    if ((c & 0xE0) == 0xC0) len = 2, cp = c & 0x1Fu;
    else if ((c & 0xF0) == 0xE0) len = 3, cp = c & 0x0Fu;
    else if ((c & 0xF8) == 0xF0) len = 4, cp = c & 0x07u;
    else return false;
    if (i + len > s.size()) return false;
    for (std::size_t k = 1; k < len; ++k) {
      unsigned char d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3Fu);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000)) return false;  // overlong
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

namespace {

// The separator of the first line, outside quotes.
char detect_separator(std::string_view text) {
  std::size_t tabs = 0, semis = 0, commas = 0;
  bool quoted = false;
  for (char ch : text) {
    if (ch == '"') quoted = !quoted;
    else if (!quoted && (ch == '\n' || ch == '\r')) break;
    else if (!quoted && ch == '\t') ++tabs;
    else if (!quoted && ch == ';') ++semis;
    else if (!quoted && ch == ',') ++commas;
  }
  if (tabs > 0) return '\t';
  if (semis > 0) return ';';
  if (commas > 0) return ',';
  return '\t';  // one column
}

}  // namespace

GridRead parse_table_text(std::string_view text) {
  GridRead out;
  if (text.size() > kMaxTableBytes) {
    out.error = "Tableau trop grand (" + std::to_string(text.size() >> 20) + " Mo) : au plus " +
                std::to_string(kMaxTableBytes >> 20) + " Mo";
    return out;
  }
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::size_t line = 1;
  // Excel's "sep=;" first line names the separator.
  char sep = 0;
  if (text.size() >= 5 && (text.substr(0, 4) == "sep=" || text.substr(0, 4) == "SEP=") &&
      (text.size() == 5 || text[5] == '\n' || text[5] == '\r')) {
    sep = text[4];
    text.remove_prefix(5);
    if (!text.empty() && text[0] == '\r') text.remove_prefix(1);
    if (!text.empty() && text[0] == '\n') text.remove_prefix(1);
    line = 2;
  }
  if (!sep) sep = detect_separator(text);

  CellGrid grid;
  TableRow row;
  row.number = line;
  std::string cell;
  std::size_t cell_line = line;  // where the current cell started (a quoted cell may span lines)
  auto end_cell = [&]() -> bool {
    if (cell.size() > kMaxCellBytes) {
      out.error = "Cellule trop longue (" + cell_place(cell_line, row.cells.size()) + ") : au plus " +
                  std::to_string(kMaxCellBytes) + " octets";
      return false;
    }
    if (!valid_utf8(cell)) {
      out.error = "Texte illisible (" + cell_place(cell_line, row.cells.size()) +
                  ") : le tableau n’est pas en UTF-8 ; enregistrez-le en « CSV UTF-8 » ou copiez-le à nouveau depuis le tableur";
      return false;
    }
    if (row.cells.size() >= kMaxTableColumns) {
      if (cell.empty()) return true;  // trailing empty cells past the limit: harmless
      out.error = "Trop de colonnes (" + cell_place(cell_line, row.cells.size()) + ") : au plus " +
                  std::to_string(kMaxTableColumns);
      return false;
    }
    row.cells.push_back(std::move(cell));
    cell.clear();
    return true;
  };
  auto end_row = [&]() -> bool {
    while (!row.cells.empty() && row.cells.back().empty()) row.cells.pop_back();
    if (!row.cells.empty()) {
      if (grid.rows.size() >= kMaxTableRows) {
        out.error = "Tableau trop long : plus de " + format_number_fr(static_cast<double>(kMaxTableRows), 0) +
                    " lignes (la ligne " + std::to_string(row.number) +
                    " dépasse la limite) ; importez-le en plusieurs fois";
        return false;
      }
      grid.columns = std::max(grid.columns, row.cells.size());
      grid.rows.push_back(std::move(row));
    }
    row = TableRow{};
    return true;
  };

  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    // Start of a cell.
    cell_line = line;
    if (text[i] == '"') {
      ++i;
      bool closed = false;
      while (i < n) {
        char ch = text[i];
        if (ch == '"') {
          if (i + 1 < n && text[i + 1] == '"') {
            cell += '"';
            i += 2;
            continue;
          }
          ++i;
          closed = true;
          break;
        }
        if (ch == '\r') {  // a line break inside a cell is kept as LF
          if (i + 1 < n && text[i + 1] == '\n') ++i;
          cell += '\n';
          ++line;
          ++i;
          continue;
        }
        if (ch == '\n') ++line;
        cell += ch;
        ++i;
      }
      if (!closed) {
        out.error = "Guillemet jamais fermé (" + cell_place(cell_line, row.cells.size()) +
                    ") : la cellule commence par « \" » et va jusqu’à la fin du texte";
        return out;
      }
      // Text after the closing quote (lenient, as spreadsheets are): kept.
      while (i < n && text[i] != sep && text[i] != '\n' && text[i] != '\r') cell += text[i++];
    } else {
      while (i < n && text[i] != sep && text[i] != '\n' && text[i] != '\r') cell += text[i++];
    }
    if (!end_cell()) return out;
    if (i >= n) break;
    if (text[i] == sep) {
      ++i;
      if (i >= n) {  // "a;b;" at the very end: one more empty cell
        if (!end_cell()) return out;
      }
      continue;
    }
    // Line end.
    if (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
    ++i;
    ++line;
    if (!end_row()) return out;
    row.number = line;
  }
  if (!end_row()) return out;
  out.grid = std::move(grid);
  return out;
}

}  // namespace cpts
