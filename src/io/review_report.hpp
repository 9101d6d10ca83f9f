// `cpts-cli review`: many project files at once, one row each (engine/review.hpp), written as CSV
// (the conventions of csv_export.hpp), self-contained HTML or JSON. A file that does not load is a
// row with its French error (JSON path or line and column), never a stop.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/review.hpp"

namespace cpts {

// One file's row. `text` empty (nullopt) = the file could not be read. `scenario` unset = the
// project's own choice (contract.scenario).
ReviewRow review_file(const std::string& file, const std::optional<std::string>& text, std::optional<Scenario> scenario);

std::string review_csv(const std::vector<ReviewRow>& rows);
std::string review_html(const std::vector<ReviewRow>& rows);
std::string review_json(const std::vector<ReviewRow>& rows);

}  // namespace cpts
