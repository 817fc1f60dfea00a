#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Bulk analysis: the Elasticsearch/OpenSearch index mapping for our fields
# (tshark -G elastic-mapping) is valid JSON and maps entrust and pkixcmp;
# tshark -T ek writes one valid JSON document per line for a capture.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
plugin_dir=$1
capture=$2
mapping=$(mktemp)
docs=$(mktemp)
trap 'rm -f "$mapping" "$docs"' EXIT
"$here/tshark.sh" "$plugin_dir" -G elastic-mapping --elastic-mapping-filter entrust,pkixcmp > "$mapping"
python3 -c '
import json, sys
m = json.load(open(sys.argv[1]))
layers = m["mappings"]["properties"]["layers"]["properties"]
for proto in ("entrust", "pkixcmp"):
    props = layers[proto]["properties"]
    assert props, proto
    print(proto + ":", len(props), "mapped fields")
assert layers["pkixcmp"]["properties"]["pkixcmp_pkixcmp_body"]["type"] in ("long", "integer", "short")
' "$mapping"
# -J (not -j, which leaves each field a {"filtered": name} placeholder):
# the documents carry the fields' values.
"$here/tshark.sh" "$plugin_dir" -r "$capture" -Y pkixcmp -T ek -J "entrust pkixcmp" > "$docs"
python3 -c '
import json, sys
n = 0
for line in open(sys.argv[1]):
    doc = json.loads(line)
    if "layers" in doc:
        layer = doc["layers"]["pkixcmp"]
        assert str(layer["pkixcmp_pkixcmp_body"]).isdigit(), layer.get("pkixcmp_pkixcmp_body")
        assert "filtered" not in json.dumps([doc["layers"]["entrust"], layer]), "placeholders instead of values"
        n += 1
assert n > 0
print(n, "ek documents with pkixcmp values")
' "$docs"
