#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Writes the field reference (docs/fields.md) from the plugin itself:
# `tshark -G fields` and `tshark -G values` with only this build loaded.
#   tools/gen-fields-doc.sh PLUGIN_DIR > docs/fields.md
set -eu
here=$(cd "$(dirname "$0")" && pwd)
plugin_dir=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$here/../tests/tshark.sh" "$plugin_dir" -G fields > "$work/fields"
"$here/../tests/tshark.sh" "$plugin_dir" -G values > "$work/values"

cat <<'HEAD'
# Field reference

Generated from the plugin by `tools/gen-fields-doc.sh` (`tshark -G fields`
and `tshark -G values`); `ctest -R fields-doc` fails when this file is stale.
Expert infos are filterable by their names, e.g. `tshark -Y entrust.analysis.bad_length`.
HEAD

for proto in entrust pkixcmp; do
    printf '\n## Protocol `%s`\n\n### Fields\n\n| filter | name | type | description |\n|---|---|---|---|\n' "$proto"
    # F name abbrev type proto display bitmask blurb.  Expert infos are
    # registered as FT_NONE fields without a description; every FT_NONE
    # field of this plugin has one, which tells them apart.
    awk -F'\t' -v p="$proto" '$1 == "F" && $5 == p && !($4 == "FT_NONE" && $8 == "") {
        blurb = $8; gsub(/\|/, "\\|", blurb)
        printf "| `%s` | %s | %s | %s |\n", $3, $2, $4, blurb }' "$work/fields"
    printf '\n### Expert infos\n\n| filter | summary |\n|---|---|\n'
    awk -F'\t' -v p="$proto" '$1 == "F" && $5 == p && $4 == "FT_NONE" && $8 == "" {
        printf "| `%s` | %s |\n", $3, $2 }' "$work/fields"
    printf '\n### Values\n\n| filter | value | meaning |\n|---|---|---|\n'
    awk -F'\t' -v p="$proto" '$1 == "V" && index($2, p ".") == 1 { printf "| `%s` | %s | %s |\n", $2, $3, $4 }' "$work/values"
done
