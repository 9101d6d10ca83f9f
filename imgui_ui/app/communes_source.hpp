// Where the UI gets the official list of communes (issue #15). Not embedded: natively it is read
// from the build's data/communes.tsv; on the web it is fetched (communes.tsv, next to index.wasm)
// on first use of the picker, so the first page load does not grow, and the browser caches it.
// If it cannot be had, the pickers say why (French or English) and communes are still typed by hand.
#pragma once
#include <string>

#include "rules/communes.hpp"

namespace cpts::ui::communes {

enum class Status { NotRequested, Loading, Ready, Failed };

void request();                  // first use: starts loading (natively: reads the file at once)
Status status();
const CommuneIndex* index();     // null unless Ready
std::string error();             // when Failed: why, in the UI's language
double prepare_ms();             // parse + index time of the last load (bench, tests)
// Test hooks: load from bytes / forget the table (headless UI tests).
// fetch_error: why the bytes could not be had ("HTTP 404"), "" when they were.
void load_bytes(const std::string& bytes, const std::string& fetch_error);
void reset();

}  // namespace cpts::ui::communes
