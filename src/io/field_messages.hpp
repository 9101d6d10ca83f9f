// What a described field expects, in French: one wording shared by the file reader
// (project_json.cpp) and the in-memory validator (project_validate.cpp), so that a value refused
// in memory and the same value refused in a file give the same message. Each is completed with
// ", trouvé « … »" by the caller.
#pragma once
#include <string>

#include "model/schema.hpp"

namespace cpts {

// "100 000 000" with narrow no-break spaces; four digits or fewer (years) are not grouped.
std::string fr_int(long long v);

std::string expected_integer(long long min, long long max);  // "entier entre 0 et 5 attendu"
std::string expected_cents(long long min);                   // "montant en centimes (entier entre …) attendu"
std::string expected_number(double min, double max);         // "nombre entre -… et … attendu"
std::string expected_words(const Words& w);                  // "« mois » ou « jours » attendu"
std::string expected_id();                                   // "identifiant de 1 à 64 caractères …"
const char* expected_date();                                 // "date AAAA-MM-JJ valide (années 1900 à 2200) attendue"
std::string too_many_items(std::size_t n, std::size_t max);  // "trop d’éléments (N ; maximum M)"
bool valid_id(const std::string& s);                         // 1..64 bytes, no control character

}  // namespace cpts
