// Plain-text tables for the terminal, aligned on display width (UTF-8 aware: "é" and U+202F count
// as one column).
#pragma once
#include <string>
#include <vector>

namespace cpts::cli {

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header, std::vector<bool> right_aligned = {});
  void row(std::vector<std::string> cells);
  void separator();
  std::string str() const;

 private:
  std::vector<std::string> header_;
  std::vector<bool> right_;
  std::vector<std::vector<std::string>> rows_;  // an empty row is a separator
};

std::size_t display_width(const std::string& s);

}  // namespace cpts::cli
