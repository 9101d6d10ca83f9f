// The verbs of cpts-cli; each returns the process exit code (0 ok, 1 findings/errors, 2 usage).
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace cpts::cli {

// A file's bytes, at most a little over `limit` (the reader past it refuses the file with its own
// message); nullopt when it cannot be opened. Shared by every verb that reads a file.
std::optional<std::string> read_file_up_to(const std::string& path, std::size_t limit);

int run_verb(const std::string& verb, const std::vector<std::string>& args);
int run_library_verb(const std::vector<std::string>& args);  // library_verbs.cpp
int run_communes_verb(const std::vector<std::string>& args);   // territory_verbs.cpp
int run_territoire_verb(const std::vector<std::string>& args);
// import --table KIND FILE PROJECT (table_verbs.cpp)
int run_import_table(const std::string& table, const std::string& file, const std::string& project, const std::string& out,
                     bool dry_run);

}  // namespace cpts::cli
