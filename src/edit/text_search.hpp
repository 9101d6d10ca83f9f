// Case- and accent-insensitive search for French text ("prevention" finds "Prévention").
#pragma once
#include <string>

namespace cpts {

std::string fold_for_search(const std::string& s);  // lower case, French accents removed
bool contains_folded(const std::string& text, const std::string& needle);

}  // namespace cpts
