// The sample projects of shared/samples: the three CPTS of the domain reference, used by
// `cpts-cli new --from-sample`, the welcome screen and the tests.
//
// Only their ids and names are in the binary (a table made at build time by cmake/samples.cmake):
// the files themselves are not embedded, so that the web page's first load does not carry them.
// Natively they are read from the build's data folder (build/<preset>/data/samples/<id>.json);
// the web page fetches sample_file(id) next to index.html when one is opened (imgui_ui/
// sample_source.hpp) and hands the text to load_project.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace cpts {

struct SampleEntry {
  std::string_view id;    // the file name without ".json": "cpts-21-52", "cpts-centre-saone-et-loire"...
  std::string_view name;  // its identity.name: what the welcome screen lists
};
const std::vector<SampleEntry>& sample_list();  // generated (cmake/samples_gen.cmake), by id

std::vector<std::string> sample_ids();
// The CPTS name of a sample, "" when unknown: listed on the first frame without reading any file.
std::string sample_name(std::string_view id);
// Where the sample lives relative to the data folder (native) or to index.html (web):
// "samples/<id>.json"; "" when unknown.
std::string sample_file(std::string_view id);
// The sample's text read from the build's data folder (native builds, and the core tests under
// node); "" when unknown or unreadable. The web page fetches instead.
std::string sample_text(std::string_view id);

}  // namespace cpts
