// Data files compiled into the binary by cmake/embed.cmake (catalogues, samples).
#pragma once
#include <string_view>
#include <vector>

namespace cpts {

struct EmbeddedFile {
  std::string_view name;     // file name without folder, e.g. "aci-2019-avenant2.json"
  std::string_view content;  // exact bytes of the file
};

const std::vector<EmbeddedFile>& embedded_files();

// The content of the embedded file `name`, or an empty view when there is none.
std::string_view embedded_file(std::string_view name);

}  // namespace cpts
