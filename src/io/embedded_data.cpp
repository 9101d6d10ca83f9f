#include "io/embedded_data.hpp"

namespace cpts {

std::string_view embedded_file(std::string_view name) {
  for (const EmbeddedFile& f : embedded_files())
    if (f.name == name) return f.content;
  return {};
}

}  // namespace cpts
