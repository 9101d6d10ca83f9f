#include "io/field_messages.hpp"

namespace cpts {

std::string fr_int(long long v) {
  if (v > -10000 && v < 10000) return std::to_string(v);
  return format_number_fr(static_cast<double>(v), 0);
}

std::string expected_integer(long long min, long long max) {
  return "entier entre " + fr_int(min) + " et " + fr_int(max) + " attendu";
}

std::string expected_cents(long long min) {
  return "montant en centimes (entier entre " + fr_int(min) + " et " + fr_int(kMaxProjectCents) + ") attendu";
}

std::string expected_number(double min, double max) {
  return "nombre entre " + fr_int(static_cast<long long>(min)) + " et " + fr_int(static_cast<long long>(max)) + " attendu";
}

std::string expected_words(const Words& w) {
  std::string s;
  if (w.noun) {  // long lists (catalogue words): "composante attendue (a, b, c)"
    for (int i = 0; i < w.count; ++i) s += std::string(i ? ", " : "") + w.words[i];
    return std::string(w.noun) + " attendue (" + s + ")";
  }
  for (int i = 0; i < w.count; ++i) {
    if (i > 0) s += (i + 1 == w.count) ? " ou " : ", ";
    s += std::string("« ") + w.words[i] + " »";
  }
  return s + " attendu";
}

std::string expected_id() {
  return "identifiant de 1 à " + std::to_string(kMaxIdBytes) + " caractères sans caractère de contrôle attendu";
}

const char* expected_date() { return "date AAAA-MM-JJ valide (années 1900 à 2200) attendue"; }

std::string too_many_items(std::size_t n, std::size_t max) {
  return "trop d’éléments (" + std::to_string(n) + " ; maximum " + std::to_string(max) + ")";
}

bool valid_id(const std::string& s) {
  if (s.empty() || s.size() > kMaxIdBytes) return false;
  for (char ch : s)
    if (static_cast<unsigned char>(ch) < 0x20) return false;
  return true;
}

}  // namespace cpts
