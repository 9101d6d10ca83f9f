// The verbs of cpts-cli; each returns the process exit code (0 ok, 1 findings/errors, 2 usage).
#pragma once
#include <string>
#include <vector>

namespace cpts::cli {

int run_verb(const std::string& verb, const std::vector<std::string>& args);
int run_library_verb(const std::vector<std::string>& args);  // library_verbs.cpp
int run_communes_verb(const std::vector<std::string>& args);   // territory_verbs.cpp
int run_territoire_verb(const std::vector<std::string>& args);
// import --table KIND FILE PROJECT (table_verbs.cpp)
int run_import_table(const std::string& table, const std::string& file, const std::string& project, const std::string& out,
                     bool dry_run);

}  // namespace cpts::cli
