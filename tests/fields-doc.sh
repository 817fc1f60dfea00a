#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Fails when docs/fields.md no longer matches what the plugin registers.
# Regenerate with: tools/gen-fields-doc.sh build/plugins > docs/fields.md
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
fresh=$(mktemp)
trap 'rm -f "$fresh"' EXIT
"$top/tools/gen-fields-doc.sh" "$1" > "$fresh"
if ! diff -u "$top/docs/fields.md" "$fresh"; then
    echo "FAIL: docs/fields.md is stale; run tools/gen-fields-doc.sh build/plugins > docs/fields.md" >&2
    exit 1
fi
echo "ok: docs/fields.md matches the plugin ($(grep -c '^| `' "$fresh") entries)"
