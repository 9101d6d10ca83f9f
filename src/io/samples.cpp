#include "io/samples.hpp"

#include <fstream>
#include <sstream>

#ifndef CPTS_SAMPLES_DIR
#define CPTS_SAMPLES_DIR "data/samples"
#endif

namespace cpts {

namespace {
const SampleEntry* find_sample(std::string_view id) {
  for (const SampleEntry& s : sample_list())
    if (s.id == id) return &s;
  return nullptr;
}
}  // namespace

std::vector<std::string> sample_ids() {
  std::vector<std::string> out;
  for (const SampleEntry& s : sample_list()) out.emplace_back(s.id);
  return out;
}

std::string sample_name(std::string_view id) {
  const SampleEntry* s = find_sample(id);
  return s ? std::string(s->name) : std::string();
}

std::string sample_file(std::string_view id) {
  return find_sample(id) ? "samples/" + std::string(id) + ".json" : std::string();
}

std::string sample_text(std::string_view id) {
  if (!find_sample(id)) return {};  // never a path built from an unknown name
  std::ifstream in(std::string(CPTS_SAMPLES_DIR) + "/" + std::string(id) + ".json", std::ios::binary);
  if (!in) return {};
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace cpts
