// The project file format as documents, generated from its one description (model/schema.hpp):
// a JSON Schema (draft 2020-12) for other tools, and the Markdown reference docs/format-projet.md.
// `cpts-cli schema projet [--markdown]` prints them; scripts/gen_docs.sh rewrites the document.
#pragma once
#include <string>

#include "io/json_reader.hpp"

namespace cpts {

OrderedJson project_json_schema();
std::string project_format_markdown();

}  // namespace cpts
