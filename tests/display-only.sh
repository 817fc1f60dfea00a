#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Text that only a reader can see is built only when someone looks: the
# name strings (pkixcmp.sender, .recipient, .issuer, .cert_template.*) when
# the tree is visible or the field is referenced, and the OID names in the
# labels of AlgorithmIdentifier, InfoTypeAndValue and AttributeTypeAndValue
# when the tree is visible.  This checks that every way of looking still
# gets them:
#   - the full tree (-V) shows the name strings and the labels;
#   - a display filter on a name field in tshark's summary mode (no -V,
#     no -T fields: the tree is not visible and the field is referenced by
#     the filter alone) selects exactly the frames whose extracted value
#     matches;
#   - so does the same filter with the field extracted (-T fields, in
#     which tshark makes the tree visible).
#   tests/display-only.sh PLUGIN_DIR CAPTURES_DIR
set -eu
here=$(cd "$(dirname "$0")" && pwd)
plugin_dir=$1
captures=$2
ts() { "$here/tshark.sh" "$plugin_dir" "$@" 2>/dev/null; }
status=0
fail() { echo "FAIL: $*" >&2; status=1; }

# 1. The full tree: name strings, and OID names in the labels of an
# AlgorithmIdentifier, an InfoTypeAndValue and a CRMF control.
check_tree() {  # CAPTURE FRAME TEXT
    if ts -r "$captures/$1" -V -Y "frame.number == $2" | grep -qF "$3"; then
        echo "ok: -V of $1 frame $2 shows '$3'"
    else
        fail "-V of $1 frame $2 lacks '$3'"
    fi
}
check_tree der-829.pcap 6 'Sender: CN=client,O=Example'
check_tree der-829.pcap 6 'Recipient: CN=Example CMP CA,O=Example'
check_tree der-829.pcap 6 'Issuer: CN=Example CMP CA,O=Example'
check_tree der-829.pcap 6 'Algorithm (sha256WithRSAEncryption)'
check_tree der-829.pcap 4 'InfoTypeAndValue id-it-signKeyPairTypes'
check_tree transactions.pcap 29 'Control id-regCtrl-oldCertID'

# 2. and 3. Filtering on the text fields, extracted or not.
checked=0
for field in pkixcmp.sender pkixcmp.recipient pkixcmp.issuer pkixcmp.cert_template.subject pkixcmp.cert_template.issuer; do
    for cap in "$captures"/der-829.pcap "$captures"/bodies.pcap "$captures"/transactions.pcap "$captures"/entrust-like.pcap; do
        values=$(ts -r "$cap" -T fields -e frame.number -e "$field" -Y "$field" -E occurrence=a "-E" "aggregator=;")
        [ -n "$values" ] || continue
        # the first non-empty value, as the filter's operand
        operand=$(printf '%s\n' "$values" | awk -F'\t' '{ n = split($2, v, ";"); for (i = 1; i <= n; i++) if (v[i] != "") { print v[i]; exit } }')
        [ -n "$operand" ] || continue
        case $operand in *'"'*|*'\'*) continue ;; esac
        expect=$(printf '%s\n' "$values" | awk -F'\t' -v want="$operand" '{ n = split($2, v, ";"); for (i = 1; i <= n; i++) if (v[i] == want) { print $1; break } }')
        only_filter=$(ts -r "$cap" -o 'gui.column.format:"No.","%m"' -Y "$field == \"$operand\"" | tr -d ' ')
        with_field=$(ts -r "$cap" -T fields -e frame.number -e "$field" -Y "$field == \"$operand\"" | cut -f1)
        name=$(basename "$cap")
        if [ "$only_filter" != "$expect" ]; then
            fail "$name: -Y '$field == \"$operand\"' selects [$(echo $only_filter)], the extracted values say [$(echo $expect)]"
        elif [ "$with_field" != "$expect" ]; then
            fail "$name: with $field extracted, the filter selects [$(echo $with_field)], expected [$(echo $expect)]"
        else
            checked=$((checked + 1))
        fi
    done
done
if [ "$checked" -ge 10 ]; then echo "ok: $checked (field, capture) filter checks"; else fail "only $checked (field, capture) pairs had values to filter on"; fi
exit $status
