#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Makes an Entrust-like PKIMessage from a real one, for identification tests.

    tools/make-entrust-like.py IN.der OUT.der [--free-text TEXT]
        [--itav OID[=UTF8VALUE|=der:HEX]]... [--pvno N] [--keep-general-info]
        [--sender DN]
        [--protection-alg HEX] [--replace-oid OLD=NEW]...
        [--cert-extension OID=HEX [--cert-index N]] [--extract-cert N]

The header's freeText ([7]) is replaced by TEXT and generalInfo ([8]) by the
given ITAVs (OIDs under Entrust's arc 2.16.840.1.114027.50, as Entrust
Authority 5.0 sends, or any other); --pvno rewrites pvno (Entrust 5.0 sends
1).  --sender replaces the header's sender by the directoryName DN,
written "CN=a,O=b,C=c" (CN, O, OU and C; UTF8String values, C a
PrintableString), RDNs in the order given.  --protection-alg replaces the header's protectionAlg ([1]) by the
given DER AlgorithmIdentifier; --replace-oid rewrites every OBJECT
IDENTIFIER OLD in the message (outside OCTET and BIT STRINGs) to NEW;
--cert-extension adds the extension OID, with the DER value HEX, to the
first certificate of extraCerts, or the N-th (from 0) with --cert-index (its
TBSCertificate's [3] extensions; a version 1 certificate is made version 3).
--extract-cert N writes the N-th certificate (from 0) of extraCerts alone,
unchanged, instead of a message.  Everything else is copied byte for byte,
so the protection (and a changed certificate's signature) no longer
verifies: the result is for dissector tests, not for a CMP peer.

Examples:
    make-entrust-like.py 02-ip.der ip-entrust.der --free-text "Entrust PKIX-CMP server v5.0"
    make-entrust-like.py 01-genm.der genm-entrust.der --itav 2.16.840.1.114027.50.3 --pvno 1
    make-entrust-like.py 01-ir.der ir-vers.der --cert-extension 1.2.840.113533.7.65.0=300a1b0456352e3003020780
    make-entrust-like.py 01-ir.der cert.der --extract-cert 0
    make-entrust-like.py 02-genp.der genp-ejbca.der --sender "CN=AdminCA1,O=EJBCA Sample,C=SE"

tools/make-entrust-like.sh makes every message of
test-captures/messages/entrust-like/ with it.

Only the Python standard library is used.
"""
import argparse
import sys


from derlib import children, content, encode_length, encode_oid, read_tlv, tlv


def parse(buf):
    """DER elements of buf as [identifier, content or children]: the
    content of constructed elements (bit 0x20) is parsed recursively."""
    out = []
    for el in children(buf):
        hlen, _ = read_tlv(el, 0)
        ident = el[:hlen - len(encode_length(len(el) - hlen))]
        body = el[hlen:]
        out.append([ident, parse(body) if ident[0] & 0x20 else body])
    return out


def encode(nodes):
    out = b""
    for ident, body in nodes:
        if isinstance(body, list):
            body = encode(body)
        out += ident + encode_length(len(body)) + body
    return out


def replace_oids(nodes, old, new):
    for node in nodes:
        if isinstance(node[1], list):
            replace_oids(node[1], old, new)
        elif node[0] == b"\x06" and node[1] == old:
            node[1] = new


def add_cert_extension(parts, oid, value, index):
    """Adds Extension { oid, OCTET STRING value } to the index-th certificate
    of extraCerts ([1] of the PKIMessage)."""
    extra = [p for p in parts if p[0] == 0xA1]
    if not extra:
        sys.exit("no extraCerts in the message")
    tree = parse(extra[0])
    cert = tree[0][1][0][1][index]        # [1] / SEQUENCE OF / Certificate
    tbs = cert[1][0][1]                   # TBSCertificate's elements
    ext = tlv(0x30, encode_oid(oid) + tlv(0x04, value))
    if tbs[0][0] != b"\xa0":               # a v1 certificate becomes v3
        tbs.insert(0, [b"\xa0", [[b"\x02", b"\x02"]]])
    if tbs[-1][0] == b"\xa3":
        tbs[-1][1][0][1].append([b"\x30", parse(ext)[0][1]])
    else:
        tbs.append([b"\xa3", [[b"\x30", [[b"\x30", parse(ext)[0][1]]]]]])
    parts[parts.index(extra[0])] = encode(tree)


# The attribute types --sender knows (RFC 5280, X.520).
NAME_ATTRIBUTES = {"CN": "2.5.4.3", "C": "2.5.4.6", "O": "2.5.4.10", "OU": "2.5.4.11"}


def encode_name(dn):
    """Name ::= SEQUENCE OF RelativeDistinguishedName, one attribute each."""
    rdns = []
    for part in dn.split(","):
        key, _, value = part.strip().partition("=")
        if key not in NAME_ATTRIBUTES:
            sys.exit("--sender: unknown attribute " + key)
        string_tag = 0x13 if key == "C" else 0x0C   # PrintableString, UTF8String
        atv = tlv(0x30, encode_oid(NAME_ATTRIBUTES[key]) + tlv(string_tag, value.encode("utf-8")))
        rdns.append(tlv(0x31, atv))
    return tlv(0x30, b"".join(rdns))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--free-text", help="freeText string (UTF8String)")
    ap.add_argument("--itav", action="append", default=[],
                    help="generalInfo InfoTypeAndValue: OID or OID=UTF8 text value")
    ap.add_argument("--pvno", type=int, choices=(1, 2, 3))
    ap.add_argument("--sender", metavar="DN", help='sender directoryName, "CN=a,O=b,C=c"')
    ap.add_argument("--keep-general-info", action="store_true",
                    help="append the ITAVs to the existing generalInfo instead of replacing it")
    ap.add_argument("--protection-alg", metavar="HEX",
                    help="protectionAlg: a DER AlgorithmIdentifier in hex")
    ap.add_argument("--replace-oid", action="append", default=[], metavar="OLD=NEW",
                    help="rewrite every OBJECT IDENTIFIER OLD to NEW")
    ap.add_argument("--cert-extension", metavar="OID=HEX",
                    help="add this extension to the first certificate of extraCerts")
    ap.add_argument("--cert-index", type=int, default=0, metavar="N",
                    help="--cert-extension: the N-th certificate of extraCerts (from 0)")
    ap.add_argument("--extract-cert", type=int, metavar="N",
                    help="write the N-th certificate of extraCerts only")
    args = ap.parse_args()

    msg = open(args.input, "rb").read()
    if msg[0] != 0x30:
        sys.exit("not a PKIMessage: " + args.input)
    parts = children(content(msg))
    if args.extract_cert is not None:
        extra = [p for p in parts if p[0] == 0xA1]
        if not extra:
            sys.exit("no extraCerts in " + args.input)
        open(args.output, "wb").write(children(content(content(extra[0])))[args.extract_cert])
        return
    if args.cert_extension:
        oid, _, value = args.cert_extension.partition("=")
        add_cert_extension(parts, oid, bytes.fromhex(value), args.cert_index)
    header = children(content(parts[0]))

    if args.pvno:
        header[0] = tlv(0x02, bytes([args.pvno]))
    if args.sender:
        header[1] = tlv(0xA4, encode_name(args.sender))   # directoryName [4] EXPLICIT Name

    fields = {}
    order = []
    for i, el in enumerate(header):
        if i < 3:
            order.append(el)   # pvno, sender, recipient
        else:
            fields[el[0]] = el   # context tags 0xa0..0xa8 (or 0x80.. primitive)

    if args.free_text is not None:
        fields[0xA7] = tlv(0xA7, tlv(0x30, tlv(0x0C, args.free_text.encode("utf-8"))))
    if args.itav:
        itavs = []
        if args.keep_general_info and 0xA8 in fields:
            itavs = children(content(content(fields[0xA8])))
        for spec in args.itav:
            oid, _, value = spec.partition("=")
            body = encode_oid(oid)
            if value.startswith("der:"):
                body += bytes.fromhex(value[4:])
            elif value:
                body += tlv(0x0C, value.encode("utf-8"))
            itavs.append(tlv(0x30, body))
        fields[0xA8] = tlv(0xA8, tlv(0x30, b"".join(itavs)))

    if args.protection_alg:
        fields[0xA1] = tlv(0xA1, bytes.fromhex(args.protection_alg))

    new_header = b"".join(order) + b"".join(fields[t] for t in sorted(fields))
    parts[0] = tlv(0x30, new_header)
    out = tlv(0x30, b"".join(parts))
    if args.replace_oid:
        tree = parse(out)
        for spec in args.replace_oid:
            old, _, new = spec.partition("=")
            replace_oids(tree, content(encode_oid(old)), content(encode_oid(new)))
        out = encode(tree)
    open(args.output, "wb").write(out)


if __name__ == "__main__":
    main()
