// The project file format as documents, generated from its one description (model/schema.hpp):
// a JSON Schema (draft 2020-12) for other tools, and the Markdown reference docs/format-projet.md.
// `cpts-cli schema projet|catalogue [--markdown]` prints them; scripts/gen_docs.sh rewrites the
// documents.
#pragma once
#include <string>

#include "io/json_reader.hpp"

namespace cpts {

OrderedJson project_json_schema();
std::string project_format_markdown();
// The catalogue file (shared/catalogues/*.json), from rules/catalogue_format.hpp.
OrderedJson catalogue_json_schema();
std::string catalogue_format_markdown();

}  // namespace cpts
