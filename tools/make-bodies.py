#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Crafts PKIMessages for the PKIBody choices OpenSSL cannot produce.

    tools/make-bodies.py [OUTDIR]

OUTDIR defaults to test-captures/messages/crafted.  Each message keeps the
PKIHeader of a real OpenSSL message from test-captures/messages (requests
the ir of ir-pbm, responses and announcements the cp of cr-sig), with its
protectionAlg ([1]) removed, and gets a new PKIBody built from parts of real
messages (RFC 9810 ASN.1):

    krr.der      [9]  CertReqMessages of the ir
    popdecc.der  [5]  POPODecKeyChallContent: one Challenge (owf sha256)
    popdecr.der  [6]  POPODecKeyRespContent: one INTEGER 12345
    krp.der      [10] KeyRecRepContent: status accepted, newSigCert,
                      caCerts and keyPairHist (the CertifiedKeyPair of the cp)
    ccr.der      [13] CertReqMessages of the ir
    ccp.der      [14] CertRepMessage of the cp
    ckuann.der   [15] CAKeyUpdAnnContent: three real certificates
    cann.der     [16] CertAnnContent: one real certificate
    rann.der     [17] RevAnnContent for the certificate issued by the cp
    crlann.der   [18] CRLAnnContent: one CRL made by `openssl ca -gencrl`
    nested.der   [20] NestedMessageContent: the ir of ir-pbm and the genm
                      of genm-pbm, whole and protected as OpenSSL sent them

The crafted messages are UNPROTECTED: protection ([0]) and extraCerts ([1])
are dropped, and so is the header's protectionAlg so that the header does
not announce a protection that is not there.  They are for dissector tests,
not for a CMP peer.  The messages inside nested.der keep their own
protection.

The CRL is signed with an Ed25519 key made from a fixed seed and has fixed
dates, so a rerun gives the same bytes (Ed25519 signatures are
deterministic).  Only the Python standard library and the openssl command
are used.
"""
import hashlib
import os
import subprocess
import sys
import tempfile

from derlib import children, content, encode_oid, tlv

TOP = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
MSGS = os.path.join(TOP, "test-captures", "messages")


def seq(*elements):
    return tlv(0x30, b"".join(elements))


def integer(n):
    return tlv(0x02, n.to_bytes(n.bit_length() // 8 + 1, "big", signed=True))


def octets(b):
    return tlv(0x04, b)


def gentime(s):
    return tlv(0x18, s.encode("ascii"))


def explicit(number, element):
    """[number] EXPLICIT: context-specific, constructed."""
    return tlv(0xA0 | number, element)


# ---- pieces of real messages --------------------------------------------

def load(rel):
    with open(os.path.join(MSGS, rel), "rb") as f:
        msg = f.read()
    if msg[0] != 0x30:
        sys.exit("not a PKIMessage: " + rel)
    return msg


def parts(msg):
    """[header, body, (protection), (extraCerts)] of a PKIMessage."""
    return children(content(msg))


def unprotected_header(msg):
    """The message's PKIHeader without protectionAlg ([1])."""
    fields = children(content(parts(msg)[0]))
    return seq(*[f for f in fields if f[0] != 0xA1])


def body_content(msg, tag):
    """The content (the element inside the explicit tag) of the body."""
    body = parts(msg)[1]
    if body[0] != 0xA0 | tag:
        sys.exit("body is [%d], not [%d]" % (body[0] & 0x1F, tag))
    return content(body)


def pkimessage(header, tag, body):
    """PKIMessage with no protection and no extraCerts (unprotected)."""
    return seq(header, explicit(tag, body))


def tbs_fields(cert):
    """(serialNumber, issuer) elements of a Certificate."""
    tbs = children(content(children(content(cert))[0]))
    if tbs[0][0] == 0xA0:   # version [0], absent in a v1 certificate
        tbs = tbs[1:]
    return tbs[0], tbs[2]


def make_crl(tmp, issuer_cn, revoked_serial_hex):
    """A DER CRL from `openssl ca -gencrl`, with one revoked entry."""
    def run(*args):
        subprocess.run(["openssl"] + list(args), cwd=tmp, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    # PKCS#8 Ed25519 private key from a fixed seed: deterministic signature.
    seed = hashlib.sha256(b"pkixcmp crafted CRL issuer").digest()
    pkcs8 = bytes.fromhex("302e020100300506032b657004220420") + seed
    with open(os.path.join(tmp, "ca.key.der"), "wb") as f:
        f.write(pkcs8)
    run("pkey", "-inform", "DER", "-in", "ca.key.der", "-out", "ca.key")
    run("req", "-x509", "-new", "-key", "ca.key", "-subj",
        "/CN=%s/O=Example" % issuer_cn, "-days", "3650", "-out", "ca.pem")
    with open(os.path.join(tmp, "index.txt"), "w") as f:
        # status, expiry, revocation[,reason], serial, file, subject
        f.write("R\t271129010811Z\t240101000000Z,keyCompromise\t%s\tunknown\t"
                "/CN=client/O=Example\n" % revoked_serial_hex)
    with open(os.path.join(tmp, "crlnumber"), "w") as f:
        f.write("01\n")
    with open(os.path.join(tmp, "ca.cnf"), "w") as f:
        f.write("[ca]\ndefault_ca = ca\n"
                "[ca]\n"
                "database = index.txt\ncrlnumber = crlnumber\n"
                "certificate = ca.pem\nprivate_key = ca.key\n"
                "default_md = default\n")
    run("ca", "-config", "ca.cnf", "-gencrl", "-crl_lastupdate",
        "20240101000000Z", "-crl_nextupdate", "20240201000000Z",
        "-out", "crl.pem")
    run("crl", "-in", "crl.pem", "-outform", "DER", "-out", "crl.der")
    with open(os.path.join(tmp, "crl.der"), "rb") as f:
        return f.read()


def main():
    outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        TOP, "test-captures", "messages", "crafted")
    os.makedirs(outdir, exist_ok=True)

    ir = load("ir-pbm/01-ir.der")
    cp = load("cr-sig/02-cp.der")
    genm = load("genm-pbm/01-genm.der")
    big_ip = load("big-pbm/02-ip.der")

    req_header = unprotected_header(ir)    # sender CN=new client
    rep_header = unprotected_header(cp)    # sender CN=Example CMP CA

    cert_req_messages = body_content(ir, 0)        # CertReqMessages
    cert_rep_message = body_content(cp, 3)         # CertRepMessage
    # CertRepMessage ::= SEQUENCE { caPubs [1] OPTIONAL, response SEQUENCE OF }
    responses = [r for r in children(content(cert_rep_message)) if r[0] == 0x30][0]
    cert_response = children(content(responses))[0]
    # CertResponse ::= SEQUENCE { certReqId, status, certifiedKeyPair, ... }
    certified_key_pair = [e for e in children(content(cert_response))[2:]
                          if e[0] == 0x30][0]
    # CertifiedKeyPair ::= SEQUENCE { certOrEncCert CertOrEncCert, ... }
    # CertOrEncCert ::= CHOICE { certificate [0] CMPCertificate, ... }
    client_cert = content(children(content(certified_key_pair))[0])
    # caPubs [1] of big-pbm's ip: many CA certificates.
    ip_rep = body_content(big_ip, 1)
    ca_pubs = children(content(content(
        [e for e in children(content(ip_rep)) if e[0] == 0xA1][0])))
    ca1, ca2, ca3 = ca_pubs[0], ca_pubs[1], ca_pubs[2]

    accepted = seq(integer(0))                     # PKIStatusInfo

    serial, issuer = tbs_fields(client_cert)
    with tempfile.TemporaryDirectory() as tmp:
        crl = make_crl(tmp, "Example CMP CA", content(serial).hex().upper())

    sha256 = seq(encode_oid("2.16.840.1.101.3.4.2.1"))
    rand = b"crafted popdecc random number 01"
    challenge = seq(sha256,                                  # owf
                    octets(hashlib.sha256(rand).digest()),   # witness
                    octets(bytes(range(0x40, 0x80))))        # challenge

    bodies = [
        # name, header, tag, content
        ("popdecc", rep_header, 5, seq(challenge)),
        ("popdecr", req_header, 6, seq(integer(12345))),
        ("krr", req_header, 9, cert_req_messages),
        ("krp", rep_header, 10, seq(
            accepted,
            explicit(0, client_cert),                 # newSigCert
            explicit(1, seq(ca1)),                    # caCerts
            explicit(2, seq(certified_key_pair)))),   # keyPairHist
        ("ccr", req_header, 13, cert_req_messages),
        ("ccp", rep_header, 14, cert_rep_message),
        ("ckuann", rep_header, 15, seq(ca1, ca2, ca3)),
        ("cann", rep_header, 16, client_cert),
        ("rann", rep_header, 17, seq(
            integer(5),                               # revocationNotification
            seq(explicit(4, issuer), serial),         # CertId, directoryName
            gentime("20240102000000Z"),               # willBeRevokedAt
            gentime("20240101000000Z"))),             # badSinceDate
        ("crlann", rep_header, 18, seq(crl)),
        ("nested", req_header, 20, seq(ir, genm)),
    ]
    for name, header, tag, body in bodies:
        path = os.path.join(outdir, name + ".der")
        with open(path, "wb") as f:
            f.write(pkimessage(header, tag, body))
        print("wrote %s ([%d])" % (os.path.relpath(path), tag))


if __name__ == "__main__":
    main()
