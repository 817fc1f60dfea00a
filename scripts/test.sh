#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The test command: installs what is missing, builds with warnings as
# errors, and runs the whole suite through ctest.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
sh scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DENTRUST_WERROR=ON
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure
