// The sample projects of shared/samples (embedded in the binary): the three CPTS of the domain
// reference, used by `cpts-cli new --from-sample`, the welcome screen and the tests.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace cpts {

// Sample ids are the file names without ".json": "cpts-21-52", "cpts-centre-saone-et-loire", ...
std::vector<std::string> sample_ids();
std::string_view sample_text(std::string_view id);  // empty when unknown
// The CPTS name of a sample (identity.name), read without loading the whole project: the welcome
// screen lists them on the first frame, where validating three projects cost tens of ms in wasm.
std::string sample_name(std::string_view id);

}  // namespace cpts
