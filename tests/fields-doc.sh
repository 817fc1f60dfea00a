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
# The generator tells expert infos from fields by their type (FT_NONE)
# and their empty description: every FT_NONE field must have one.  So the
# expert tables must name exactly the expert infos the sources register.
registered=$(sed -n 's/^ *{ "\([a-z0-9_.]*\)", PI_[A-Z_]*, PI_[A-Z]*,.*/\1/p' "$top"/packet-entrust/*.c | sort)
listed=$(awk '/^### Expert infos/ { e = 1; next } /^### / { e = 0 } e && /^\| `/ { print }' "$fresh" |
    sed 's/^| `\([^`]*\)`.*/\1/' | sort)
if [ "$registered" != "$listed" ]; then
    echo "FAIL: the expert tables of docs/fields.md do not list the registered expert infos:" >&2
    printf '%s\n' "$registered" > "$fresh.registered"
    printf '%s\n' "$listed" > "$fresh.listed"
    diff "$fresh.registered" "$fresh.listed" >&2 || true
    rm -f "$fresh.registered" "$fresh.listed"
    echo "(an FT_NONE field without a description is taken for an expert info)" >&2
    exit 1
fi
echo "ok: docs/fields.md matches the plugin ($(grep -c '^| `' "$fresh") entries, $(printf '%s\n' "$registered" | wc -l) expert infos)"
