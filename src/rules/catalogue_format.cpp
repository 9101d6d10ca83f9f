#include "rules/catalogue_format.hpp"

namespace cpts::catalogue_file {

namespace {
const char* const kCategory[] = {"socle", "optional"};  // order = Category
// The catalogue's own words (rules/catalogue.cpp), gathered once.
const char* const* provenance_words() {
  static const char* words[3];
  for (int k = 0; k < 3; ++k) words[k] = to_string(static_cast<Provenance>(k));
  return words;
}
}  // namespace

const Words kCategoryWords{kCategory, 2};
const Words kProvenanceWords{provenance_words(), 3};

}  // namespace cpts::catalogue_file
