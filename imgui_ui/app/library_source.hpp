// Where the Bibliothèque gets the shipped library of fiches-actions (issue #18 item 4): not
// embedded in the web page. Natively the core reads it from the build's data folder
// (builtin_library()); on the web library-fiches-actions.json (next to index.html) is fetched the
// first time the panel is shown — the browser's cache and the service worker keep it — and loaded
// with load_library. Until then, or if it cannot be had, the panel says so (French or English).
#pragma once
#include <string>

#include "edit/library.hpp"

namespace cpts::ui::library {

const Library* builtin();  // starts loading on first call; null until loaded (web) or when it failed
std::string error();       // why it failed, in the UI's language; "" while loading or when loaded

}  // namespace cpts::ui::library
