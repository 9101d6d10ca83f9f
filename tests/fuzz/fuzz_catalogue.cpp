// libFuzzer target: ACI catalogue loading.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "rules/catalogue.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<cpts::CatalogueError> errors;
  auto c = cpts::load_catalogue(std::string_view(reinterpret_cast<const char*>(data), size), errors);
  if (!c && errors.empty()) std::abort();
  if (c)
    for (int t = 1; t <= 4; ++t) (void)cpts::taille_for_population(*c, 80000 * t);
  return 0;
}
