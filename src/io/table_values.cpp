#include "io/table_values.hpp"

#include <cstdint>

namespace cpts {

namespace {

bool starts(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.substr(s.size() - p.size()) == p; }

// Length of a space (ASCII space or tab, U+00A0, U+202F, U+2009) at s[i], 0 when none.
std::size_t space_at(std::string_view s, std::size_t i) {
  if (s[i] == ' ' || s[i] == '\t') return 1;
  if (starts(s.substr(i), "\xC2\xA0")) return 2;
  if (starts(s.substr(i), "\xE2\x80\xAF") || starts(s.substr(i), "\xE2\x80\x89")) return 3;
  return 0;
}

std::string guillemets(std::string_view text) {
  std::string s(text.substr(0, 60));
  if (text.size() > 60) s += "…";
  return "« " + s + " »";
}

// A decimal number split into its digits: value = mantissa / 10^decimals, with its sign.
struct Decimal {
  bool negative = false;
  std::uint64_t mantissa = 0;
  int decimals = 0;
  bool percent = false;
};

// "1 234,56 €", "-12,5 %", "1.234,56", "1,234.56": one decimal mark (the last of ',' or '.' when
// both are there; a ',' alone is decimal, as in French; several '.' alone are thousands).
std::optional<Decimal> read_decimal(std::string_view text, std::string& error) {
  std::string_view s = trim_cell(text);
  Decimal d;
  error = "nombre attendu, trouvé " + guillemets(text);
  if (s.empty()) {
    error = "nombre attendu, la cellule est vide";
    return std::nullopt;
  }
  for (std::string_view unit : {"euros", "EUR", "€", "%"}) {
    if (ends(s, unit)) {
      if (unit == "%") d.percent = true;
      s = trim_cell(s.substr(0, s.size() - unit.size()));
      break;
    }
  }
  if (starts(s, "-")) d.negative = true, s.remove_prefix(1);
  else if (starts(s, "\xE2\x88\x92")) d.negative = true, s.remove_prefix(3);  // U+2212 minus sign
  else if (starts(s, "+")) s.remove_prefix(1);
  s = trim_cell(s);
  // Keep digits and marks, drop spaces.
  std::string digits;
  std::size_t commas = 0, dots = 0;
  char last_mark = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (std::size_t sp = space_at(s, i)) {
      i += sp;
      continue;
    }
    char c = s[i];
    if (c >= '0' && c <= '9') digits += c;
    else if (c == ',') ++commas, last_mark = ',', digits += c;
    else if (c == '.') ++dots, last_mark = '.', digits += c;
    else return std::nullopt;
    ++i;
  }
  if (digits.empty()) return std::nullopt;
  char decimal_mark = 0;
  if (commas && dots) decimal_mark = last_mark;
  else if (commas == 1) decimal_mark = ',';
  else if (dots == 1) decimal_mark = '.';
  else if (commas > 1) return std::nullopt;  // "1,2,3"
  bool seen_mark = false, any_digit = false;
  int significant = 0;
  for (char c : digits) {
    if (c == decimal_mark) {
      if (seen_mark) return std::nullopt;
      seen_mark = true;
      continue;
    }
    if (c == ',' || c == '.') {
      if (seen_mark) return std::nullopt;  // a thousands mark after the decimal one
      continue;
    }
    any_digit = true;
    if (d.mantissa == 0 && c == '0' && !seen_mark) continue;
    if (++significant > 18) {
      error = "nombre trop long " + guillemets(text) + " (au plus 18 chiffres)";
      return std::nullopt;
    }
    d.mantissa = d.mantissa * 10 + static_cast<std::uint64_t>(c - '0');
    if (seen_mark) ++d.decimals;
  }
  if (!any_digit) return std::nullopt;
  return d;
}

}  // namespace

std::string_view trim_cell(std::string_view text) {
  while (!text.empty()) {
    if (std::size_t sp = space_at(text, 0)) text.remove_prefix(sp);
    else if (text[0] == '\r' || text[0] == '\n') text.remove_prefix(1);
    else break;
  }
  while (!text.empty()) {
    char c = text.back();
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') text.remove_suffix(1);
    else if (ends(text, "\xC2\xA0")) text.remove_suffix(2);
    else if (ends(text, "\xE2\x80\xAF") || ends(text, "\xE2\x80\x89")) text.remove_suffix(3);
    else break;
  }
  return text;
}

CellValue<double> parse_cell_number(std::string_view text) {
  CellValue<double> out;
  auto d = read_decimal(text, out.error);
  if (!d) return out;
  // Exact: the mantissa (< 10^18) and 10^decimals are divided once, correctly rounded.
  double v = static_cast<double>(d->mantissa);
  double scale = 1;
  for (int i = 0; i < d->decimals; ++i) scale *= 10;
  v /= scale;
  out.value = d->negative ? -v : v;
  out.error.clear();
  return out;
}

CellValue<Cents> parse_cell_cents(std::string_view text) {
  CellValue<Cents> out;
  auto d = read_decimal(text, out.error);
  if (!d) {
    if (out.error.rfind("nombre", 0) == 0 && !trim_cell(text).empty()) out.error = "montant en euros attendu, trouvé " + guillemets(text);
    return out;
  }
  if (d->percent) {
    out.error = "montant en euros attendu, trouvé un pourcentage " + guillemets(text);
    return out;
  }
  std::uint64_t m = d->mantissa;
  int dec = d->decimals;
  while (dec > 2 && m % 10 == 0) m /= 10, --dec;
  if (dec > 2) {
    out.error = "montant au centime près attendu (2 décimales au plus), trouvé " + guillemets(text);
    return out;
  }
  for (; dec < 2; ++dec) {
    if (m > 1'000'000'000'000'000ull) {
      out.error = "montant trop grand " + guillemets(text);
      return out;
    }
    m *= 10;
  }
  if (m > 9'000'000'000'000'000'000ull) {
    out.error = "montant trop grand " + guillemets(text);
    return out;
  }
  Cents c = static_cast<Cents>(m);
  out.value = d->negative ? -c : c;
  out.error.clear();
  return out;
}

CellValue<long long> parse_cell_integer(std::string_view text) {
  CellValue<long long> out;
  auto d = read_decimal(text, out.error);
  if (!d) {
    if (out.error.rfind("nombre attendu", 0) == 0) out.error.insert(6, " entier");  // "nombre entier attendu…"
    return out;
  }
  std::uint64_t m = d->mantissa;
  int dec = d->decimals;
  while (dec > 0 && m % 10 == 0) m /= 10, --dec;
  if (dec > 0 || d->percent || m > 9'000'000'000'000'000'000ull) {
    out.error = "nombre entier attendu, trouvé " + guillemets(text);
    return out;
  }
  out.value = d->negative ? -static_cast<long long>(m) : static_cast<long long>(m);
  out.error.clear();
  return out;
}

CellValue<Date> parse_cell_date(std::string_view text) {
  CellValue<Date> out;
  std::string_view s = trim_cell(text);
  auto num = [&](std::string_view part, int& v) {
    if (part.empty() || part.size() > 4) return false;
    v = 0;
    for (char c : part) {
      if (c < '0' || c > '9') return false;
      v = v * 10 + (c - '0');
    }
    return true;
  };
  Date d;
  bool shape = false;
  if (auto a = s.find('/'); a != std::string_view::npos) {
    auto b = s.find('/', a + 1);
    std::string_view dd = s.substr(0, a), mm = b == std::string_view::npos ? "" : s.substr(a + 1, b - a - 1),
                     yy = b == std::string_view::npos ? "" : s.substr(b + 1);
    if (dd.size() <= 2 && mm.size() <= 2 && (yy.size() == 2 || yy.size() == 4) && num(dd, d.day) && num(mm, d.month) &&
        num(yy, d.year)) {
      if (yy.size() == 2) d.year += 2000;  // "18/10/22": the ACI's dates are all in this century
      shape = true;
    }
  } else if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
    shape = num(s.substr(0, 4), d.year) && num(s.substr(5, 2), d.month) && num(s.substr(8, 2), d.day);
  }
  if (!shape) {
    out.error = "date attendue (JJ/MM/AAAA ou AAAA-MM-JJ), trouvé " + guillemets(text);
    return out;
  }
  if (!d.valid()) {
    out.error = "date qui n’existe pas : " + guillemets(text);
    return out;
  }
  out.value = d;
  return out;
}

CellValue<bool> parse_cell_bool(std::string_view text) {
  CellValue<bool> out;
  std::string f = fold_text(text);
  if (f == "oui" || f == "vrai" || f == "x" || f == "1" || f == "yes" || f == "true" || f == "o") out.value = true;
  else if (f == "non" || f == "faux" || f == "0" || f == "no" || f == "false" || f == "n") out.value = false;
  else out.error = "oui ou non attendu, trouvé " + guillemets(text);
  return out;
}

std::string fold_text(std::string_view text) {
  std::string out;
  bool space = false;
  auto put = [&](std::string_view s) {
    if (space && !out.empty()) out += ' ';
    space = false;
    out += s;
  };
  for (std::size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') put(std::string(1, static_cast<char>(c - 'A' + 'a')));
      else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) put(std::string(1, static_cast<char>(c)));
      else space = true;
      ++i;
      continue;
    }
    // Two-byte Latin letters: U+00C0..U+00FF and œ/Œ.
    if (c == 0xC3 && i + 1 < text.size()) {
      static const char* const kLatin1 =  // U+00C0..U+00FF folded ('.' = not a letter)
          "aaaaaaeceeeeiiiidnooooo.ouuuuyts"
          "aaaaaaeceeeeiiiidnooooo.ouuuuyty";
      unsigned char d = static_cast<unsigned char>(text[i + 1]);
      if (d >= 0x80 && d <= 0xBF) {
        char f = kLatin1[d - 0x80];
        if (d == 0x86 || d == 0xA6) put("ae");
        else if (f == '.') space = true;
        else put(std::string(1, f));
        i += 2;
        continue;
      }
    }
    if (c == 0xC5 && i + 1 < text.size() && (text[i + 1] == '\x92' || text[i + 1] == '\x93')) {
      put("oe");
      i += 2;
      continue;
    }
    // Anything else (apostrophes, dashes, symbols, other scripts): a separator.
    space = true;
    std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    i += len;
  }
  return out;
}

std::string cell_text(std::string_view text) {
  std::string_view s = trim_cell(text);
  if (s.size() >= 2 && s[0] == '\'' && (s[1] == '=' || s[1] == '+' || s[1] == '-' || s[1] == '@' || s[1] == '\t'))
    s.remove_prefix(1);
  return std::string(s);
}

}  // namespace cpts
