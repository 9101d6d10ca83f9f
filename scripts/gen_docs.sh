#!/usr/bin/env bash
# Regenerates docs/format-projet.md and docs/format-catalogue.md from their descriptions
# (src/model/schema.hpp, src/rules/catalogue_format.hpp). Needs a built cpts-cli (native-release
# by default; CPTS_CLI=path to use another).
set -euo pipefail
cd "$(dirname "$0")/.."
cli=${CPTS_CLI:-build/native-release/cli/cpts-cli}
for f in projet catalogue; do "$cli" schema "$f" --markdown -o "docs/format-$f.md"; done
