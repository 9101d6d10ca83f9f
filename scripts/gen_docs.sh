#!/usr/bin/env bash
# Regenerates the format document from src/model/schema.hpp (needs a native-release build of cpts-cli).
set -euo pipefail
cd "$(dirname "$0")/.." && build/native-release/cli/cpts-cli schema projet --markdown -o docs/format-projet.md
