#include "io/xlsx_reader.hpp"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/civil_date.hpp"
#include "model/money.hpp"

#ifdef CPTS_HAVE_XLSX_READER
#include <expat.h>
#if __has_include(<unzip.h>)
#include <unzip.h>
#else
#include <minizip/unzip.h>
#endif
#endif

namespace cpts {

bool looks_like_zip(std::string_view b) { return b.size() >= 4 && b.substr(0, 4) == std::string_view("PK\x03\x04", 4); }
bool looks_like_ole(std::string_view b) {
  return b.size() >= 8 && b.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
}

namespace {
const char* const kEncrypted =
    "Classeur protégé par mot de passe (chiffré) ou au format .xls ancien : ouvrez-le dans le tableur, "
    "enregistrez-le sans mot de passe au format .xlsx (ou en CSV), puis importez-le à nouveau";
}

#ifndef CPTS_HAVE_XLSX_READER

bool xlsx_reader_available() { return false; }
GridRead read_xlsx(std::string_view bytes) {
  GridRead out;
  out.error = looks_like_ole(bytes) ? kEncrypted
                                    : "La lecture des classeurs .xlsx n’est pas disponible dans cette version : "
                                      "enregistrez le tableau en CSV (ou copiez les cellules et collez-les)";
  return out;
}

#else

bool xlsx_reader_available() { return true; }

namespace {

// ---- The zip, read from memory --------------------------------------------------------------------

struct MemFile {
  std::string_view bytes;
  std::uint64_t pos = 0;
};

voidpf ZCALLBACK mem_open(voidpf opaque, const void*, int) { return opaque; }
uLong ZCALLBACK mem_read(voidpf, voidpf stream, void* buf, uLong size) {
  auto* f = static_cast<MemFile*>(stream);
  if (f->pos >= f->bytes.size()) return 0;
  uLong n = static_cast<uLong>(std::min<std::uint64_t>(size, f->bytes.size() - f->pos));
  std::memcpy(buf, f->bytes.data() + f->pos, n);
  f->pos += n;
  return n;
}
uLong ZCALLBACK mem_write(voidpf, voidpf, const void*, uLong) { return 0; }
ZPOS64_T ZCALLBACK mem_tell(voidpf, voidpf stream) { return static_cast<MemFile*>(stream)->pos; }
long ZCALLBACK mem_seek(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
  auto* f = static_cast<MemFile*>(stream);
  std::uint64_t base = origin == ZLIB_FILEFUNC_SEEK_SET ? 0 : origin == ZLIB_FILEFUNC_SEEK_CUR ? f->pos : f->bytes.size();
  if (offset > f->bytes.size() || base + offset > f->bytes.size()) return -1;
  f->pos = base + offset;
  return 0;
}
int ZCALLBACK mem_close(voidpf, voidpf) { return 0; }
int ZCALLBACK mem_error(voidpf, voidpf) { return 0; }

class Zip {
 public:
  explicit Zip(std::string_view bytes) : file_{bytes, 0} {
    zlib_filefunc64_def def{};
    def.zopen64_file = mem_open;
    def.zread_file = mem_read;
    def.zwrite_file = mem_write;
    def.ztell64_file = mem_tell;
    def.zseek64_file = mem_seek;
    def.zclose_file = mem_close;
    def.zerror_file = mem_error;
    def.opaque = &file_;
    zip_ = unzOpen2_64("mem", &def);
  }
  ~Zip() {
    if (zip_) unzClose(zip_);
  }
  Zip(const Zip&) = delete;
  Zip& operator=(const Zip&) = delete;
  bool ok() const { return zip_ != nullptr; }

  // The part `name` inflated, nullopt when absent; `error` set when it cannot be read.
  std::optional<std::string> part(const char* name, std::string& error) {
    if (unzLocateFile(zip_, name, 1) != UNZ_OK) return std::nullopt;
    unz_file_info64 info{};
    if (unzGetCurrentFileInfo64(zip_, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK) {
      error = std::string("Classeur .xlsx abîmé : la partie « ") + name + " » est illisible";
      return std::nullopt;
    }
    if (info.flag & 1u) {  // general purpose bit 0: encrypted entry
      error = kEncrypted;
      return std::nullopt;
    }
    if (unzOpenCurrentFile(zip_) != UNZ_OK) {
      error = std::string("Classeur .xlsx abîmé : la partie « ") + name + " » ne s’ouvre pas";
      return std::nullopt;
    }
    std::string out;
    char buf[65536];
    int n;
    // The inflated size is counted as it comes: the header's size can lie (zip bomb).
    while ((n = unzReadCurrentFile(zip_, buf, sizeof buf)) > 0) {
      if (out.size() + static_cast<std::size_t>(n) > kMaxXlsxInflated) {
        unzCloseCurrentFile(zip_);
        error = std::string("Classeur .xlsx refusé : la partie « ") + name + " » se décompresse en plus de " +
                std::to_string(kMaxXlsxInflated >> 20) + " Mo (archive piégée ou classeur trop grand)";
        return std::nullopt;
      }
      out.append(buf, static_cast<std::size_t>(n));
    }
    int closed = unzCloseCurrentFile(zip_);
    if (n < 0 || closed != UNZ_OK) {
      error = std::string("Classeur .xlsx abîmé ou tronqué : la partie « ") + name + " » est incomplète" +
              (closed == UNZ_CRCERROR ? " (somme de contrôle fausse)" : "");
      return std::nullopt;
    }
    return out;
  }

 private:
  MemFile file_;
  unzFile zip_ = nullptr;
};

// ---- XML through expat ------------------------------------------------------------------------------

// Local name of an element or attribute ("x:c" → "c").
const char* local(const char* name) {
  const char* colon = std::strrchr(name, ':');
  return colon ? colon + 1 : name;
}
const char* attr(const char** atts, const char* name) {
  for (int i = 0; atts[i]; i += 2)
    if (std::strcmp(local(atts[i]), name) == 0) return atts[i + 1];
  return nullptr;
}

// Runs expat over `xml` with handlers of `H` (start(name, atts), end(name), text(s, len)). An
// entity declaration stops the parse (no DTD games: expat also caps entity amplification).
template <class H>
bool parse_xml(const std::string& xml, H& h, std::string& error, const char* part) {
  XML_Parser p = XML_ParserCreate("UTF-8");
  if (!p) {
    error = "mémoire insuffisante";
    return false;
  }
  struct Ctx {
    H* h;
    XML_Parser p;
    bool stopped_by_us = false;
  } ctx{&h, p};
  XML_SetUserData(p, &ctx);
  XML_SetElementHandler(
      p,
      [](void* ud, const XML_Char* name, const XML_Char** atts) {
        auto* c = static_cast<Ctx*>(ud);
        if (!c->h->start(local(name), atts)) {
          c->stopped_by_us = true;
          XML_StopParser(c->p, XML_FALSE);
        }
      },
      [](void* ud, const XML_Char* name) { static_cast<Ctx*>(ud)->h->end(local(name)); });
  XML_SetCharacterDataHandler(p, [](void* ud, const XML_Char* s, int len) {
    static_cast<Ctx*>(ud)->h->text(s, static_cast<std::size_t>(len));
  });
  XML_SetEntityDeclHandler(p, [](void* ud, const XML_Char*, int, const XML_Char*, int, const XML_Char*, const XML_Char*,
                                 const XML_Char*, const XML_Char*) {
    auto* c = static_cast<Ctx*>(ud);
    XML_StopParser(c->p, XML_FALSE);
  });
  bool ok = XML_Parse(p, xml.data(), static_cast<int>(xml.size()), XML_TRUE) == XML_STATUS_OK;
  if (!ok && error.empty() && !(ctx.stopped_by_us && !h.error.empty())) {
    error = std::string("Classeur .xlsx abîmé : XML illisible dans « ") + part + " », ligne " +
            std::to_string(XML_GetCurrentLineNumber(p)) + " (" + XML_ErrorString(XML_GetErrorCode(p)) + ")";
  }
  if (!h.error.empty()) {
    error = h.error;
    ok = false;
  }
  XML_ParserFree(p);
  return ok;
}

// xl/workbook.xml: the first sheet's relationship id, the 1904 date system.
struct WorkbookXml {
  std::string first_rid, first_name, error;
  bool date1904 = false;
  bool start(const char* name, const char** atts) {
    if (!std::strcmp(name, "sheet") && first_rid.empty()) {
      if (const char* r = attr(atts, "id")) first_rid = r;
      if (const char* n = attr(atts, "name")) first_name = n;
    } else if (!std::strcmp(name, "workbookPr")) {
      const char* d = attr(atts, "date1904");
      date1904 = d && (!std::strcmp(d, "1") || !std::strcmp(d, "true"));
    }
    return true;
  }
  void end(const char*) {}
  void text(const char*, std::size_t) {}
};

// xl/_rels/workbook.xml.rels: relationship id → target.
struct RelsXml {
  std::map<std::string, std::string> targets;
  std::string error;
  bool start(const char* name, const char** atts) {
    if (!std::strcmp(name, "Relationship")) {
      const char* id = attr(atts, "Id");
      const char* t = attr(atts, "Target");
      if (id && t) targets[id] = t;
    }
    return true;
  }
  void end(const char*) {}
  void text(const char*, std::size_t) {}
};

// xl/sharedStrings.xml: <si> with <t> or rich runs <r><t>; phonetic runs (<rPh>) are not text.
struct SharedStringsXml {
  std::vector<std::string> strings;
  std::string error;
  std::string current;
  int in_si = 0, in_t = 0, in_rph = 0;
  std::size_t total = 0;
  bool start(const char* name, const char**) {
    if (!std::strcmp(name, "si")) ++in_si, current.clear();
    else if (!std::strcmp(name, "t")) ++in_t;
    else if (!std::strcmp(name, "rPh")) ++in_rph;
    return true;
  }
  void end(const char* name) {
    if (!std::strcmp(name, "si")) {
      --in_si;
      strings.push_back(std::move(current));
      current.clear();
    } else if (!std::strcmp(name, "t")) --in_t;
    else if (!std::strcmp(name, "rPh")) --in_rph;
  }
  void text(const char* s, std::size_t n) {
    if (in_si && in_t && !in_rph) current.append(s, n);
  }
};

enum class NumKind { Plain, Percent, Date };

// xl/styles.xml: what each cell style (index s of a cell) shows a number as.
struct StylesXml {
  std::map<int, std::string> formats;  // custom numFmtId → formatCode
  std::vector<int> xf_formats;         // cellXfs order → numFmtId
  std::string error;
  int in_cell_xfs = 0;
  bool start(const char* name, const char** atts) {
    if (!std::strcmp(name, "numFmt")) {
      const char* id = attr(atts, "numFmtId");
      const char* code = attr(atts, "formatCode");
      if (id && code) formats[std::atoi(id)] = code;
    } else if (!std::strcmp(name, "cellXfs")) {
      ++in_cell_xfs;
    } else if (!std::strcmp(name, "xf") && in_cell_xfs) {
      const char* id = attr(atts, "numFmtId");
      xf_formats.push_back(id ? std::atoi(id) : 0);
    }
    return true;
  }
  void end(const char* name) {
    if (!std::strcmp(name, "cellXfs")) --in_cell_xfs;
  }
  void text(const char*, std::size_t) {}

  NumKind kind(int style) const {
    if (style < 0 || static_cast<std::size_t>(style) >= xf_formats.size()) return NumKind::Plain;
    int id = xf_formats[static_cast<std::size_t>(style)];
    if (id == 9 || id == 10) return NumKind::Percent;                                // 0 %, 0.00 %
    if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return NumKind::Date;
    auto it = formats.find(id);
    if (it == formats.end()) return NumKind::Plain;
    // A custom format: quoted text, escaped characters and [colour]/[locale] parts do not count.
    bool quoted = false, bracket = false, escaped = false;
    bool date = false, percent = false;
    for (char c : it->second) {
      if (escaped) {
        escaped = false;
        continue;
      }
      if (c == '\\') escaped = true;
      else if (c == '"') quoted = !quoted;
      else if (quoted) continue;
      else if (c == '[') bracket = true;
      else if (c == ']') bracket = false;
      else if (bracket) continue;
      else if (c == '%') percent = true;
      else if (c == 'd' || c == 'D' || c == 'y' || c == 'Y' || c == 'm' || c == 'M')  // codes are stored in English
        date = true;
    }
    if (percent) return NumKind::Percent;
    return date ? NumKind::Date : NumKind::Plain;
  }
};

// "12.5" → "12,5"; 15 significant digits, as the spreadsheet shows a double.
std::string french_number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  std::string s = buf;
  if (s.find('e') != std::string::npos || s.find('E') != std::string::npos) {
    std::snprintf(buf, sizeof buf, "%.10f", v);
    s = buf;
    if (s.find('.') != std::string::npos) {
      while (!s.empty() && s.back() == '0') s.pop_back();
      if (!s.empty() && s.back() == '.') s.pop_back();
    }
  }
  for (char& c : s)
    if (c == '.') c = ',';
  return s;
}

// The sheet: cells by row and column, merged areas.
struct SheetXml {
  const std::vector<std::string>* shared = nullptr;
  const StylesXml* styles = nullptr;
  bool date1904 = false;
  std::map<std::size_t, std::map<std::size_t, std::string>> cells;  // row (1-based) → column (0-based) → text
  std::vector<std::string> merges;
  std::string error;
  std::size_t row = 0, col = 0;
  std::string type, value, inline_text;
  int style = 0;
  bool in_v = false, in_is_t = false, in_is = false, has_formula = false, in_cell = false;
  std::size_t cells_seen = 0;

  static bool parse_ref(const char* r, std::size_t& row, std::size_t& col) {
    std::size_t c = 0, n = 0, letters = 0, digits = 0;
    for (; *r >= 'A' && *r <= 'Z'; ++r, ++letters) c = c * 26 + static_cast<std::size_t>(*r - 'A' + 1);
    for (; *r >= '0' && *r <= '9'; ++r, ++digits) n = n * 10 + static_cast<std::size_t>(*r - '0');
    if (*r || letters == 0 || letters > 3 || digits == 0 || digits > 7 || n == 0) return false;
    row = n;
    col = c - 1;
    return true;
  }

  bool start(const char* name, const char** atts) {
    if (!std::strcmp(name, "row")) {
      const char* r = attr(atts, "r");
      row = r ? static_cast<std::size_t>(std::strtoull(r, nullptr, 10)) : row + 1;
      col = 0;
      if (row == 0 || row > 1048576) return fail("Classeur .xlsx abîmé : numéro de ligne invalide");
    } else if (!std::strcmp(name, "c")) {
      in_cell = true;
      if (const char* r = attr(atts, "r")) {
        std::size_t rr;
        if (!parse_ref(r, rr, col)) return fail(std::string("Classeur .xlsx abîmé : référence de cellule invalide « ") + r + " »");
        row = rr;
      }
      const char* t = attr(atts, "t");
      type = t ? t : "n";
      const char* s = attr(atts, "s");
      style = s ? std::atoi(s) : 0;
      value.clear();
      inline_text.clear();
      has_formula = false;
      if (++cells_seen > kMaxTableRows * kMaxTableColumns) return fail("Classeur .xlsx refusé : trop de cellules");
    } else if (!std::strcmp(name, "v")) {
      in_v = true;
    } else if (!std::strcmp(name, "f")) {
      has_formula = true;
    } else if (!std::strcmp(name, "is")) {
      in_is = true;
    } else if (!std::strcmp(name, "t") && in_is) {
      in_is_t = true;
    } else if (!std::strcmp(name, "mergeCell")) {
      if (const char* ref = attr(atts, "ref")) merges.emplace_back(ref);
    }
    return true;
  }
  void end(const char* name) {
    if (!std::strcmp(name, "v")) in_v = false;
    else if (!std::strcmp(name, "t")) in_is_t = false;
    else if (!std::strcmp(name, "is")) in_is = false;
    else if (!std::strcmp(name, "c") && in_cell) {
      in_cell = false;
      finish_cell();
      ++col;
    }
  }
  void text(const char* s, std::size_t n) {
    if (in_v) value.append(s, n);
    else if (in_is && in_is_t) inline_text.append(s, n);
    if (value.size() + inline_text.size() > kMaxCellBytes) {
      error = "Cellule trop longue (" + cell_place(row, col) + ") : au plus " + std::to_string(kMaxCellBytes) + " octets";
      value.clear();
      inline_text.clear();
    }
  }
  bool fail(std::string msg) {
    if (error.empty()) error = std::move(msg);
    return false;
  }

  void finish_cell() {
    if (!error.empty()) return;
    std::string text;
    if (type == "inlineStr") {
      text = inline_text;
    } else if (has_formula && value.empty() && type != "str") {
      error = "Formule sans valeur calculée (" + cell_place(row, col) +
              ") : ouvrez le classeur dans le tableur et enregistrez-le pour que les valeurs soient calculées, "
              "ou collez les valeurs seules";
      return;
    } else if (type == "s") {
      char* end = nullptr;
      unsigned long long i = std::strtoull(value.c_str(), &end, 10);
      if (value.empty() || *end || i >= shared->size()) {
        error = "Classeur .xlsx abîmé : texte partagé introuvable (" + cell_place(row, col) + ")";
        return;
      }
      text = (*shared)[i];
    } else if (type == "str") {
      text = value;
    } else if (type == "b") {
      text = value == "1" ? "VRAI" : value.empty() ? "" : "FAUX";
    } else if (type == "e") {
      error = "Erreur de formule « " + value + " » (" + cell_place(row, col) +
              ") : corrigez la formule dans le tableur avant d’importer";
      return;
    } else if (!value.empty()) {  // a number, or a date serial
      char* end = nullptr;
      double v = std::strtod(value.c_str(), &end);
      if (*end || !std::isfinite(v)) {
        error = "Classeur .xlsx abîmé : nombre illisible « " + value.substr(0, 40) + " » (" + cell_place(row, col) + ")";
        return;
      }
      NumKind kind = styles->kind(style);
      if (kind == NumKind::Percent) {
        text = french_number(v * 100) + " %";
      } else if (kind == NumKind::Date && v >= 1 && v < 2958466) {
        // Serial days: 1900 system counts from 1899-12-30 for serials after Excel's fictitious
        // 29/02/1900 (serial 60); 1904 system from 1904-01-01.
        long long days = static_cast<long long>(std::floor(v));
        Date base = date1904 ? Date{1904, 1, 1} : Date{1899, 12, days < 60 ? 31 : 30};
        Date d = from_days(to_days(base) + days);
        text = format_fr(d);
      } else {
        text = french_number(v);
      }
    }
    if (!text.empty()) {
      if (col >= kMaxTableColumns) {
        error = "Trop de colonnes (" + cell_place(row, col) + ") : au plus " + std::to_string(kMaxTableColumns);
        return;
      }
      cells[row][col] = std::move(text);
      if (cells.size() > kMaxTableRows) {
        error = "Tableau trop long : plus de " + format_number_fr(static_cast<double>(kMaxTableRows), 0) + " lignes (la ligne " +
                std::to_string(row) + " dépasse la limite) ; importez-le en plusieurs fois";
      }
    }
  }

  // Each merged area takes its top-left value (a mission written once for several rows).
  bool apply_merges() {
    std::size_t last_row = cells.empty() ? 0 : cells.rbegin()->first;
    std::size_t filled = 0;
    for (const std::string& m : merges) {
      auto colon = m.find(':');
      if (colon == std::string::npos) continue;
      std::size_t r1, c1, r2, c2;
      if (!parse_ref(m.substr(0, colon).c_str(), r1, c1) || !parse_ref(m.substr(colon + 1).c_str(), r2, c2) || r2 < r1 ||
          c2 < c1)
        return fail("Classeur .xlsx abîmé : cellules fusionnées invalides « " + m.substr(0, 40) + " »");
      auto top = cells.find(r1);
      if (top == cells.end()) continue;
      auto v = top->second.find(c1);
      if (v == top->second.end()) continue;
      const std::string value = v->second;
      r2 = std::min(r2, last_row);  // rows below the data hold nothing to import
      c2 = std::min(c2, kMaxTableColumns - 1);
      for (std::size_t r = r1; r <= r2; ++r)
        for (std::size_t c = c1; c <= c2; ++c) {
          if (++filled > 4 * kMaxTableRows) return fail("Classeur .xlsx refusé : cellules fusionnées trop nombreuses");
          std::string& cell = cells[r][c];
          if (cell.empty()) cell = value;
        }
      if (cells.size() > kMaxTableRows)
        return fail("Tableau trop long : plus de " + format_number_fr(static_cast<double>(kMaxTableRows), 0) + " lignes");
    }
    return true;
  }
};

}  // namespace

GridRead read_xlsx(std::string_view bytes) {
  GridRead out;
  if (looks_like_ole(bytes)) {
    out.error = kEncrypted;
    return out;
  }
  if (bytes.size() > kMaxXlsxBytes) {
    out.error = "Classeur trop grand (" + std::to_string(bytes.size() >> 20) + " Mo) : au plus " +
                std::to_string(kMaxXlsxBytes >> 20) + " Mo";
    return out;
  }
  if (!looks_like_zip(bytes)) {
    out.error = "Ce fichier n’est pas un classeur .xlsx (ce n’est pas une archive zip)";
    return out;
  }
  Zip zip(bytes);
  if (!zip.ok()) {
    out.error = "Classeur .xlsx abîmé ou tronqué : l’archive zip est incomplète (téléchargez ou copiez-le à nouveau)";
    return out;
  }
  std::string& err = out.error;
  auto need = [&](const char* name) -> std::optional<std::string> {
    auto part = zip.part(name, err);
    if (!part && err.empty()) err = std::string("Classeur .xlsx incomplet : la partie « ") + name + " » manque";
    return part;
  };

  auto workbook_text = need("xl/workbook.xml");
  if (!workbook_text) return out;
  WorkbookXml workbook;
  if (!parse_xml(*workbook_text, workbook, err, "xl/workbook.xml")) return out;
  std::string sheet_path = "xl/worksheets/sheet1.xml";
  if (auto rels_text = zip.part("xl/_rels/workbook.xml.rels", err)) {
    RelsXml rels;
    if (!parse_xml(*rels_text, rels, err, "xl/_rels/workbook.xml.rels")) return out;
    auto it = rels.targets.find(workbook.first_rid);
    if (it != rels.targets.end()) {
      const std::string& t = it->second;
      sheet_path = !t.empty() && t[0] == '/' ? t.substr(1) : "xl/" + t;
    }
  }
  if (!err.empty()) return out;

  SharedStringsXml shared;
  if (auto text = zip.part("xl/sharedStrings.xml", err)) {
    if (!parse_xml(*text, shared, err, "xl/sharedStrings.xml")) return out;
  }
  if (!err.empty()) return out;
  StylesXml styles;
  if (auto text = zip.part("xl/styles.xml", err)) {
    if (!parse_xml(*text, styles, err, "xl/styles.xml")) return out;
  }
  if (!err.empty()) return out;

  auto sheet_text = need(sheet_path.c_str());
  if (!sheet_text) return out;
  SheetXml sheet;
  sheet.shared = &shared.strings;
  sheet.styles = &styles;
  sheet.date1904 = workbook.date1904;
  if (!parse_xml(*sheet_text, sheet, err, sheet_path.c_str())) return out;
  if (!sheet.apply_merges()) {
    err = sheet.error;
    return out;
  }

  CellGrid grid;
  for (auto& [r, row_cells] : sheet.cells) {
    TableRow row;
    row.number = r;
    for (auto& [c, text] : row_cells) {
      if (!valid_utf8(text)) {  // expat only gives UTF-8, but a shared string could be cut by a limit
        err = "Texte illisible (" + cell_place(r, c) + ")";
        return out;
      }
      if (text.empty()) continue;
      if (row.cells.size() <= c) row.cells.resize(c + 1);
      row.cells[c] = std::move(text);
    }
    if (row.cells.empty()) continue;
    grid.columns = std::max(grid.columns, row.cells.size());
    grid.rows.push_back(std::move(row));
  }
  out.grid = std::move(grid);
  return out;
}

#endif

}  // namespace cpts
