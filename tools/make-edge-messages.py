#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Crafts PKIMessages with header and body values no real peer sends, for
the transaction tracking's edge cases (test-captures/tracking-*.pcap).

    tools/make-edge-messages.py [OUTDIR]

OUTDIR defaults to test-captures/edge-messages.  Each message is a real
OpenSSL message from test-captures/messages with one thing changed (RFC 9810
ASN.1); where the protection is kept it no longer verifies, which no
dissector checks:

    genm-no-tid.der         the genm of genm-pbm without transactionID ([4])
    genp-no-tid.der         its genp, likewise
    genm-empty-tid.der      the genm with a transactionID of zero octets
    genm-negative-iterations.der
                            the genm with the PasswordBasedMac iterationCount
                            -244 (INTEGER allows it; RFC 4211 asks for 100
                            at least)
    genp-body-202.der       the genp with its body tagged [202] instead of
                            [22]: no PKIBody, and above the numbers the
                            tracking gives TCP-framing messages (100 and up)
    genp-body-sequence.der  the genp with its body a universal SEQUENCE (the
                            GenRepContent itself, without the [22] tag)
    popdecc-encrypted-rand.der
                            the popdecc of crafted/ with its Challenge given
                            an encryptedRand [0] EnvelopedData (RFC 9810):
                            one KeyTransRecipientInfo for the CA's name and
                            serial 1, fixed bytes for the encrypted key and
                            content (a well-formed structure, no real
                            encryption)
    ir-alt-cert-template.der
                            the ir of ir-pbm whose CertRequest gets controls
                            with an altCertTemplate (RFC 4212): template type
                            1.3.6.1.5.5.7.5.1.7.1, value a UTF8String
    popdecr-wide-int.der    the popdecr of crafted/ answering with the INTEGER
                            0x1122334455 (five octets, as a random
                            Rand.int is)
    genm-itav-set-null.der  the genm with generalInfo implicitConfirm whose
                            value is SET { NULL }, cryptlib's way of wrapping
                            a value: four octets in all
    rp-broken-body.der      the rp of rr-pbm with its revCerts [0] holding
                            only a SEQUENCE header whose length (3) runs
                            past the [0] (2 octets): the body breaks off,
                            the protection after it is whole
    error-unsupported-version.der
                            the server's error to the ir of ir-pbm: the
                            header of its ip (pvno 2 made 3, no
                            protectionAlg), status rejection with failInfo
                            unsupportedVersion (bit 22), unprotected
    error-client.der        an error sent by the client in the transaction of
                            ir-pbm: the header of its certConf (same
                            transactionID, nonces that follow the ip) without
                            protectionAlg, the body of error-sig's error,
                            unprotected
    nested-ip.der           the ip of ir-extracerts-sig, as an RA forwards it
                            (RFC 9810 5.1.3.4): a PKIMessage with the ip's
                            header without protectionAlg and the body
                            nested [20] holding the ip; unprotected
    genm-empty-free-text.der
                            the genm with a header freeText [7] of no
                            string (PKIFreeText is SEQUENCE SIZE (1..MAX))
    genm-crl-status-times.der
                            the genm with its body one id-it-crlStatusList
                            (RFC 9480) of three CRLStatus for the issuer
                            CN=Example CMP CA, whose thisUpdate is the
                            UTCTime 240101120000Z, the GeneralizedTime
                            20500101120000Z, and the UTCTime 2401011200Z
                            (no seconds: BER, not the form RFC 5280 asks for)
    ir-rsa-key-broken.der   the ir of ir-pbm whose CertTemplate publicKey is
                            an rsaEncryption key whose RSAPublicKey gives its
                            modulus a length (127) past the BIT STRING's end
    ir-validity-implicit.der
                            the ir of ir-pbm whose CertTemplate gets a
                            validity [4] with notBefore [0] and notAfter [1]
                            tagged implicitly (the UTCTime 260101000000Z and
                            the GeneralizedTime 20500101000000Z, bare): a
                            CHOICE, Time, is always tagged explicitly
    ir-no-tid.der           the ir of ir-pbm without transactionID
    ip-no-tid.der           its ip, likewise
    genm-short-tid.der      the genm with the transactionID 01020304 (32
    genp-short-tid.der      bits), and its genp likewise
    certconf-hash-alg.der   the certConf of ir-pbm whose CertStatus gets
                            hashAlg [0] id-sha256 (RFC 9480), pvno 2 still
    certconf-hash-alg-v3.der
                            the same with pvno 3 (cmp2021), as RFC 9480 asks
    genm-pbm-no-params.der  the genm whose protectionAlg is PasswordBasedMac
                            without the PBMParameter RFC 4211 requires
    ip-enveloped-cert.der   the ip of ir-pbm whose CertifiedKeyPair holds an
                            encryptedCert [1] EncryptedKey that is
                            envelopedData [0] (the EnvelopedData of
                            popdecc-encrypted-rand), pvno 2 still
    ip-enveloped-cert-v3.der
                            the same with pvno 3 (cmp2021)
    ip-waiting-fail-info.der
                            the ip of ir-pbm whose one CertResponse has
                            status waiting with failInfo badRequest
    ip-two-rejections.der   the ip of ir-pbm with two rejected
                            CertResponses, the second (certReqId 1) with
                            failInfo badPOP
    ir-popo-agree-mac.der   the ir of ir-pbm whose proof of possession is
                            keyAgreement [3] agreeMAC [3] PKMACValue (the
                            header's PasswordBasedMac, 20 fixed octets of
                            MAC), pvno 2 still
    ir-popo-agree-mac-v3.der
                            the same with pvno 3
    ir-popo-enveloped.der   the ir of ir-pbm whose proof of possession is
                            keyEncipherment [2] encryptedKey [4]
                            EnvelopedData, pvno 2 still
    ckuann-v3.der           the ckuann of crafted/ as cAKeyUpdAnnV3 [0]
                            RootCaKeyUpdateContent (newWithNew, newWithOld
                            [0], oldWithNew [1]), pvno 2 still
    ckuann-v3-v3.der        the same with pvno 3
    cr-sha1-sig.der         the cr of cr-sig whose protectionAlg says
                            sha1WithRSAEncryption (the signature itself is
                            the SHA-256 one, which no dissector checks)
    cp-ecdsa-sha1-sig.der   its cp, whose protectionAlg says ecdsa-with-SHA1
    genm-pbmac1.der         the genm protected by PBMAC1 as RFC 9481 section
                            6.1.2 has it: PBKDF2 with 10000 iterations, a
                            32-octet key and hmacWithSHA256 as PRF, MAC
                            hmacWithSHA256 (the MAC bytes are PBM's)
    genm-pbmac1-weak.der    the same with 500 iterations, no PRF (PBKDF2's
                            DEFAULT, hmacWithSHA1) and MAC hmacWithSHA1
    cr-pss-default-sig.der  the cr of cr-sig whose protectionAlg says
                            RSASSA-PSS with empty parameters (every field
                            its DEFAULT: SHA-1)
    cp-pss-sha256-sig.der   its cp, RSASSA-PSS with SHA-256, MGF1 with
                            SHA-256 and a 32-octet salt
    genm-hmac-sha1.der      the genm protected directly with HMAC-SHA1
                            (1.3.6.1.5.5.8.1.2), a shared key's MAC
    genm-hmac-sha256.der    the same with hmacWithSHA256 (RFC 9481 section
                            6.2.1)
    p10cr-uid-printable.der the p10cr of p10cr-pbm whose CertificationRequest
                            subject is uid "jdoe" as a PrintableString
                            (Wireshark's decoder wants a UTF8String)

    ir-pvno4.der            the ir of ir-pbm with pvno 4, a version RFC
                            9810 does not define
    ip-rejected-and-issued.der
                            the ip of ir-pbm with two CertResponses: certReqId
                            1 rejected, then the original certReqId 0
                            accepted with its certificate
    ip-accepted-no-cert.der the ip of ir-pbm whose one CertResponse is
                            accepted but holds no certifiedKeyPair
    rp-empty-crls.der       the rp of rr-pbm with crls [1] of no CRL
                            (SEQUENCE SIZE (1..MAX) OF CertificateList)
    genm-empty-lists.der    the genm with its body two InfoTypeAndValue:
                            id-it-certProfile and id-it-crls, each an empty
                            SEQUENCE (both SIZE (1..MAX), RFC 9480)
    nested-ir-genm.der      an RA's batch (RFC 9483 section 5.2.2.1): the
                            ir of ir-pbm and the genm of genm-pbm in a
                            nested [20] whose header is the ir's without
                            protectionAlg, unprotected
    nested-ip-genp.der      the answer to it: their ip and genp in a nested
                            whose header is the ip's without protectionAlg

    A mandatory field after which a SEQUENCE simply ends (RFC 9810):
    ip-no-status.der        the ip of ir-pbm whose CertResponse holds its
                            certReqId only, no status
    certconf-no-req-id.der  the certConf of ir-pbm whose CertStatus holds
                            its certHash only, no certReqId
    genm-kem-ct-missing.der the genm with its body one
                            id-it-KemCiphertextInfo whose KemCiphertextInfo
                            holds kem (id-alg-ml-kem-768) but no ct
    genm-itav-empty.der     the genm with its body one InfoTypeAndValue of
                            no field (no infoType)
    genm-header-sender-only.der
                            the genm whose PKIHeader ends after the sender
                            (no recipient, nor the optional fields)
    error-status-empty.der  the error of error-sig whose PKIStatusInfo is
                            empty (no status)
    rr-rev-details-empty.der
                            the rr of rr-pbm whose RevDetails is empty (no
                            certDetails)
    pollrep-no-check-after.der
                            the pollRep of poll-pbm whose entry holds its
                            certReqId only, no checkAfter

    certReqIds (RFC 9810 section 5.3.4, RFC 9483 section 4.1.4):
    p10cr-cp-req-id-0.der   the cp of p10cr-pbm whose CertResponse has
                            certReqId 0, not the -1 a p10cr asks for (as
                            EJBCA, RustCrypto and Siemens' test suite send)
    p10cr-certconf-req-id-0.der
                            the certConf of p10cr-pbm whose CertStatus has
                            certReqId 0, likewise
    certconf-req-id-5.der   the certConf of ir-pbm whose CertStatus has
                            certReqId 5, which the ip (certReqId 0) did not
                            deliver

Only the Python standard library is used; a rerun gives the same bytes.
"""
import os
import sys

from derlib import children, content, encode_length, encode_oid, tlv

TOP = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
MSGS = os.path.join(TOP, "test-captures", "messages")


def load(rel):
    with open(os.path.join(MSGS, rel), "rb") as f:
        return f.read()


def seq(*elements):
    return tlv(0x30, b"".join(elements))


def with_header_fields(msg, change):
    """msg with the optional fields of its PKIHeader (those after pvno,
    sender and recipient, which are directoryName [4] themselves) passed
    through change(fields)."""
    header, *rest = children(content(msg))
    fields = children(content(header))
    return seq(seq(*fields[:3], *change(fields[3:])), *rest)


def without_tag(first_octet):
    return lambda fields: [f for f in fields if f[0] != first_octet]


def replaced_tag(first_octet, element):
    return lambda fields: [element if f[0] == first_octet else f for f in fields]


def with_iterations(msg, count):
    """The PasswordBasedMac parameters' iterationCount set to count."""
    def change(fields):
        out = []
        for f in fields:
            if f[0] == 0xA1:   # protectionAlg [1] AlgorithmIdentifier
                oid, params = children(content(content(f)))
                salt, owf, _, mac = children(content(params))
                value = count.to_bytes((count.bit_length() + 8) // 8, "big", signed=True)
                f = tlv(0xA1, seq(oid, seq(salt, owf, tlv(0x02, value), mac)))
            out.append(f)
        return out
    return with_header_fields(msg, change)


def integer(n):
    return tlv(0x02, n.to_bytes(n.bit_length() // 8 + 1, "big", signed=True))


def enveloped_data():
    """EnvelopedData (RFC 5652) with one KeyTransRecipientInfo; fixed bytes."""
    issuer = seq(tlv(0x31, seq(encode_oid("2.5.4.3"), tlv(0x0C, b"Example CMP CA"))))
    rsa = seq(encode_oid("1.2.840.113549.1.1.1"), b"\x05\x00")
    recipient = seq(integer(0), seq(issuer, integer(1)), rsa, tlv(0x04, bytes(range(32))))
    aes = seq(encode_oid("2.16.840.1.101.3.4.1.2"), tlv(0x04, bytes(range(16))))
    content_info = seq(encode_oid("1.2.840.113549.1.7.1"), aes, tlv(0x80, bytes(range(48, 80))))
    return seq(integer(0), tlv(0x31, recipient), content_info)


def with_pvno(msg, pvno):
    header, *rest = children(content(msg))
    _, *fields = children(content(header))
    return seq(seq(integer(pvno), *fields), *rest)


def with_body(msg, body):
    header, _, *rest = children(content(msg))
    return seq(header, body, *rest)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(TOP, "test-captures", "edge-messages")
    os.makedirs(out, exist_ok=True)
    genm = load("genm-pbm/01-genm.der")
    genp = load("genm-pbm/02-genp.der")
    genp_body = children(content(genp))[1]
    if genp_body[0] != 0xB6:
        sys.exit("genm-pbm/02-genp.der: the body is not [22]")
    cert_conf = load("ir-pbm/03-certConf.der")
    error_body = children(content(load("error-sig/02-error.der")))[1]
    if error_body[0] != 0xB7:
        sys.exit("error-sig/02-error.der: the body is not [23]")

    rp = load("rr-pbm/02-rp.der")
    rp_body = children(content(rp))[1]
    if rp_body[0] != 0xAC:
        sys.exit("rr-pbm/02-rp.der: the body is not [12]")
    rev_rep = seq(children(content(content(rp_body)))[0], tlv(0xA0, b"\x30\x03"))

    popdecc = load("crafted/popdecc.der")
    popdecc_body = children(content(popdecc))[1]
    if popdecc_body[0] != 0xA5:
        sys.exit("crafted/popdecc.der: the body is not [5]")
    challenge = children(content(content(popdecc_body)))[0]
    challenge = seq(*children(content(challenge)), tlv(0xA0, enveloped_data()))

    ir = load("ir-pbm/01-ir.der")
    ir_body = children(content(ir))[1]
    if ir_body[0] != 0xA0:
        sys.exit("ir-pbm/01-ir.der: the body is not [0]")
    cert_req_msg, *more_msgs = children(content(content(ir_body)))
    cert_req, *popo = children(content(cert_req_msg))
    cert_req_plain = cert_req
    controls = seq(seq(encode_oid("1.3.6.1.5.5.7.5.1.7"),
                       seq(encode_oid("1.3.6.1.5.5.7.5.1.7.1"), tlv(0x0C, b"template"))))
    cert_req = seq(*children(content(cert_req)), controls)
    ir_alt = with_body(ir, tlv(0xA0, seq(seq(cert_req, *popo), *more_msgs)))

    def ir_with_template(change):
        """The ir with its CertTemplate's fields passed through change()."""
        req_id, template, *req_rest = children(content(cert_req_plain))
        new_req = seq(req_id, seq(*change(children(content(template)))), *req_rest)
        return with_body(ir, tlv(0xA0, seq(seq(new_req, *popo), *more_msgs)))

    broken_rsa = seq(seq(encode_oid("1.2.840.113549.1.1.1"), b"\x05\x00"),
                     tlv(0x03, b"\x00" + bytes.fromhex("3006027f00c10201")))
    ir_rsa_broken = ir_with_template(lambda fields: [tlv(0xA6, content(broken_rsa)) if f[0] == 0xA6 else f
                                                     for f in fields])
    implicit_validity = tlv(0xA4, tlv(0x80, b"260101000000Z") + tlv(0x81, b"20500101000000Z"))
    ir_validity = ir_with_template(lambda fields: [f for f in fields if f[0] < 0xA4] + [implicit_validity]
                                   + [f for f in fields if f[0] > 0xA4])

    ip_fields = children(content(children(content(with_header_fields(load("ir-pbm/02-ip.der"),
                                                                      without_tag(0xA1))))[0]))
    v3_header = seq(integer(3), *ip_fields[1:])
    # PKIStatusInfo { rejection, failInfo: bit 22 only (3 octets, 1 unused bit) }
    unsupported = tlv(0xB7, seq(seq(integer(2), tlv(0x03, b"\x01\x00\x00\x02"))))

    # The certConf's header without protectionAlg: the error is unprotected.
    client_header = children(content(with_header_fields(cert_conf, without_tag(0xA1))))[0]

    forwarded_ip = load("ir-extracerts-sig/02-ip.der")
    nested_header = children(content(with_header_fields(forwarded_ip, without_tag(0xA1))))[0]

    issuer = tlv(0xA1, seq(tlv(0xA4, seq(tlv(0x31, seq(encode_oid("2.5.4.3"), tlv(0x0C, b"Example CMP CA")))))))
    crl_status_list = seq(seq(issuer, tlv(0x17, b"240101120000Z")),
                          seq(issuer, tlv(0x18, b"20500101120000Z")),
                          seq(issuer, tlv(0x17, b"2401011200Z")))
    # CertStatus gets hashAlg [0] { id-sha256 } (RFC 9480), the header stays pvno 2.
    cert_conf_body = children(content(cert_conf))[1]
    if cert_conf_body[0] != 0xB8:
        sys.exit("ir-pbm/03-certConf.der: the body is not [24]")
    cert_status, *more_status = children(content(content(cert_conf_body)))
    cert_status = seq(*children(content(cert_status)), tlv(0xA0, seq(encode_oid("2.16.840.1.101.3.4.2.1"))))
    cert_conf_hash_alg = with_body(cert_conf, tlv(0xB8, seq(cert_status, *more_status)))

    # cmp2021 syntax (RFC 9810 section 1.3), each first in pvno 2.
    ip = load("ir-pbm/02-ip.der")
    ip_body = children(content(ip))[1]
    if ip_body[0] != 0xA1:
        sys.exit("ir-pbm/02-ip.der: the body is not [1]")
    (rep_message,) = children(content(ip_body))
    responses, = children(content(rep_message))
    (response,) = children(content(responses))
    req_id, status, key_pair = children(content(response))
    # certOrEncCert encryptedCert [1] (explicit) { envelopedData [0] (implicit) }
    enc_cert = tlv(0xA1, tlv(0xA0, content(enveloped_data())))
    ip_enveloped = with_body(ip, tlv(0xA1, seq(seq(seq(req_id, status, seq(enc_cert))))))
    # PKIStatusInfo { waiting, failInfo badRequest (bit 2) }, and two
    # CertResponses, both rejected, only the second with a failInfo
    # (badPOP, bit 9): the first status is not the one the failInfo
    # explains.
    ip_waiting_fail_info = with_body(ip, tlv(0xA1, seq(seq(seq(req_id, seq(integer(3), tlv(0x03, b"\x05\x20")))))))
    ip_two_rejections = with_body(ip, tlv(0xA1, seq(seq(
        seq(req_id, seq(integer(2))),
        seq(integer(1), seq(integer(2), tlv(0x03, b"\x06\x00\x40")))))))

    # keyAgreement [3] { agreeMAC [3] PKMACValue } and
    # keyEncipherment [2] { encryptedKey [4] EnvelopedData }
    pbm_alg = content([f for f in children(content(children(content(ir))[0])) if f[0] == 0xA1][0])
    agree_mac = tlv(0xA3, tlv(0xA3, pbm_alg + tlv(0x03, b"\x00" + bytes(range(20)))))
    popo_enveloped = tlv(0xA2, tlv(0xA4, content(enveloped_data())))

    def ir_with_popo(popo_element):
        return with_body(ir, tlv(0xA0, seq(seq(cert_req_plain, popo_element), *more_msgs)))

    ckuann = load("crafted/ckuann.der")
    ckuann_body = children(content(ckuann))[1]
    if ckuann_body[0] != 0xAF:
        sys.exit("crafted/ckuann.der: the body is not [15]")
    old_with_new, new_with_old, new_with_new = children(content(content(ckuann_body)))
    ckuann_v3 = with_body(ckuann, tlv(0xAF, tlv(0xA0, seq(new_with_new, tlv(0xA0, new_with_old),
                                                          tlv(0xA1, old_with_new)))))

    def pbmac1(iterations, prf, mac):
        """protectionAlg [1] { PBMAC1, { { id-PBKDF2, PBKDF2-params }, mac } }"""
        kdf_params = [tlv(0x04, bytes(range(16))), integer(iterations)]
        if prf:
            kdf_params += [integer(32), seq(encode_oid(prf), b"\x05\x00")]
        kdf = seq(encode_oid("1.2.840.113549.1.5.12"), seq(*kdf_params))
        return tlv(0xA1, seq(encode_oid("1.2.840.113549.1.5.14"), seq(kdf, seq(encode_oid(mac), b"\x05\x00"))))

    p10cr = load("p10cr-pbm/01-p10cr.der")
    p10cr_body = children(content(p10cr))[1]
    if p10cr_body[0] != 0xA4:
        sys.exit("p10cr-pbm/01-p10cr.der: the body is not [4]")
    (csr,) = children(content(p10cr_body))
    info, *csr_rest = children(content(csr))
    version, _, *info_rest = children(content(info))
    uid_name = seq(tlv(0x31, seq(encode_oid("0.9.2342.19200300.100.1.1"), tlv(0x13, b"jdoe"))))
    p10cr_uid = with_body(p10cr, tlv(0xA4, seq(seq(version, uid_name, *info_rest), *csr_rest)))

    crl_status_genm = with_body(genm, tlv(0xB5, seq(seq(encode_oid("1.3.6.1.5.5.7.4.22"), crl_status_list))))

    # Two CertResponses: certReqId 1 rejected, then the ip's own one.
    ip_rejected_and_issued = with_body(ip, tlv(0xA1, seq(seq(seq(integer(1), seq(integer(2))), response))))
    ip_accepted_no_cert = with_body(ip, tlv(0xA1, seq(seq(seq(req_id, status)))))
    rp_empty_crls = with_body(rp, tlv(0xAC, seq(children(content(content(rp_body)))[0], tlv(0xA1, seq()))))
    genm_empty_lists = with_body(genm, tlv(0xB5, seq(seq(encode_oid("1.3.6.1.5.5.7.4.21"), seq()),
                                                     seq(encode_oid("1.3.6.1.5.5.7.4.23"), seq()))))
    ir_header = children(content(with_header_fields(ir, without_tag(0xA1))))[0]
    ip_header = children(content(with_header_fields(ip, without_tag(0xA1))))[0]

    # Mandatory fields missing at the end of a SEQUENCE.
    cert_hash, *_ = children(content(children(content(content(cert_conf_body)))[0]))
    poll_rep = load("poll-pbm/04-pollRep.der")
    poll_rep_body = children(content(poll_rep))[1]
    if poll_rep_body[0] != 0xBA:
        sys.exit("poll-pbm/04-pollRep.der: the body is not [26]")
    poll_req_id = children(content(children(content(content(poll_rep_body)))[0]))[0]
    rr = load("rr-pbm/01-rr.der")
    genm_fields = children(content(children(content(genm))[0]))
    kem = seq(encode_oid("2.16.840.1.101.3.4.4.2"))

    # certReqIds: the first INTEGER of the first CertResponse of a cp, and
    # of the first CertStatus of a certConf (after its certHash).
    def cp_with_req_id(msg, req_id_value):
        body = children(content(msg))[1]
        (rep,) = children(content(body))
        *ca_pubs, responses = children(content(rep))
        first, *more = children(content(responses))
        _, *fields = children(content(first))
        new_rep = seq(*ca_pubs, seq(seq(integer(req_id_value), *fields), *more))
        return with_body(msg, bytes([body[0]]) + encode_length(len(new_rep)) + new_rep)

    def cert_conf_with_req_id(msg, req_id_value):
        body = children(content(msg))[1]
        first, *more = children(content(content(body)))
        cert_hash_el, _, *fields = children(content(first))
        return with_body(msg, tlv(0xB8, seq(seq(cert_hash_el, integer(req_id_value), *fields), *more)))

    messages = {
        "genm-no-tid.der": with_header_fields(genm, without_tag(0xA4)),
        "genp-no-tid.der": with_header_fields(genp, without_tag(0xA4)),
        "genm-empty-tid.der": with_header_fields(genm, replaced_tag(0xA4, tlv(0xA4, tlv(0x04, b"")))),
        "genm-negative-iterations.der": with_iterations(genm, -244),
        # [202], constructed: the high-tag-number form 0xBF 0x81 0x4A.
        "genp-body-202.der": with_body(genp, b"\xbf\x81\x4a" + encode_length(len(content(genp_body)))
                                       + content(genp_body)),
        "genp-body-sequence.der": with_body(genp, content(genp_body)),
        # generalInfo [8] { { id-it-implicitConfirm, SET { NULL } } }, last in the header.
        "genm-itav-set-null.der": with_header_fields(genm, lambda fields: fields + [
            tlv(0xA8, seq(seq(encode_oid("1.3.6.1.5.5.7.4.13"), tlv(0x31, b"\x05\x00"))))]),
        "rp-broken-body.der": with_body(rp, tlv(0xAC, rev_rep)),
        "popdecc-encrypted-rand.der": with_body(popdecc, tlv(0xA5, seq(challenge))),
        "ir-alt-cert-template.der": ir_alt,
        "popdecr-wide-int.der": with_body(load("crafted/popdecr.der"), tlv(0xA6, seq(integer(0x1122334455)))),
        "error-client.der": seq(client_header, error_body),
        "error-unsupported-version.der": seq(v3_header, unsupported),
        "nested-ip.der": seq(nested_header, tlv(0xB4, seq(forwarded_ip))),
        # freeText [7] goes before generalInfo [8], when there is one.
        "genm-empty-free-text.der": with_header_fields(genm, lambda fields: [f for f in fields if f[0] < 0xA7]
                                                       + [tlv(0xA7, seq())] + [f for f in fields if f[0] > 0xA7]),
        "genm-crl-status-times.der": crl_status_genm,
        "ir-rsa-key-broken.der": ir_rsa_broken,
        "ir-validity-implicit.der": ir_validity,
        "ir-no-tid.der": with_header_fields(ir, without_tag(0xA4)),
        "ip-no-tid.der": with_header_fields(load("ir-pbm/02-ip.der"), without_tag(0xA4)),
        "genm-short-tid.der": with_header_fields(genm, replaced_tag(0xA4, tlv(0xA4, tlv(0x04, b"\x01\x02\x03\x04")))),
        "genp-short-tid.der": with_header_fields(genp, replaced_tag(0xA4, tlv(0xA4, tlv(0x04, b"\x01\x02\x03\x04")))),
        "certconf-hash-alg.der": cert_conf_hash_alg,
        "certconf-hash-alg-v3.der": with_pvno(cert_conf_hash_alg, 3),
        # protectionAlg [1] { PasswordBasedMac } without its PBMParameter.
        "genm-pbm-no-params.der": with_header_fields(genm, replaced_tag(
            0xA1, tlv(0xA1, seq(encode_oid("1.2.840.113533.7.66.13"))))),
        "ip-enveloped-cert.der": ip_enveloped,
        "ip-enveloped-cert-v3.der": with_pvno(ip_enveloped, 3),
        "ip-waiting-fail-info.der": ip_waiting_fail_info,
        "ip-two-rejections.der": ip_two_rejections,
        "ir-popo-agree-mac.der": ir_with_popo(agree_mac),
        "ir-popo-agree-mac-v3.der": with_pvno(ir_with_popo(agree_mac), 3),
        "ir-popo-enveloped.der": ir_with_popo(popo_enveloped),
        "ckuann-v3.der": ckuann_v3,
        "ckuann-v3-v3.der": with_pvno(ckuann_v3, 3),
        # protectionAlg [1] { sha1WithRSAEncryption, NULL } / { ecdsa-with-SHA1 }
        "cr-sha1-sig.der": with_header_fields(load("cr-sig/01-cr.der"), replaced_tag(
            0xA1, tlv(0xA1, seq(encode_oid("1.2.840.113549.1.1.5"), b"\x05\x00")))),
        "cp-ecdsa-sha1-sig.der": with_header_fields(load("cr-sig/02-cp.der"), replaced_tag(
            0xA1, tlv(0xA1, seq(encode_oid("1.2.840.10045.4.1"))))),
        "genm-pbmac1.der": with_header_fields(genm, replaced_tag(
            0xA1, pbmac1(10000, "1.2.840.113549.2.9", "1.2.840.113549.2.9"))),
        "genm-pbmac1-weak.der": with_header_fields(genm, replaced_tag(
            0xA1, pbmac1(500, None, "1.2.840.113549.2.7"))),
        "p10cr-uid-printable.der": p10cr_uid,
        "ir-pvno4.der": with_pvno(ir, 4),
        "ip-rejected-and-issued.der": ip_rejected_and_issued,
        "ip-accepted-no-cert.der": ip_accepted_no_cert,
        "rp-empty-crls.der": rp_empty_crls,
        "genm-empty-lists.der": genm_empty_lists,
        "nested-ir-genm.der": seq(ir_header, tlv(0xB4, seq(ir, genm))),
        "nested-ip-genp.der": seq(ip_header, tlv(0xB4, seq(ip, genp))),
        # protectionAlg [1] { HMAC-SHA1 } / { hmacWithSHA256, NULL }
        "genm-hmac-sha1.der": with_header_fields(genm, replaced_tag(
            0xA1, tlv(0xA1, seq(encode_oid("1.3.6.1.5.5.8.1.2"))))),
        "genm-hmac-sha256.der": with_header_fields(genm, replaced_tag(
            0xA1, tlv(0xA1, seq(encode_oid("1.2.840.113549.2.9"), b"\x05\x00")))),
        # protectionAlg [1] { id-RSASSA-PSS, RSASSA-PSS-params }
        "cr-pss-default-sig.der": with_header_fields(load("cr-sig/01-cr.der"), replaced_tag(
            0xA1, tlv(0xA1, seq(encode_oid("1.2.840.113549.1.1.10"), seq())))),
        "cp-pss-sha256-sig.der": with_header_fields(load("cr-sig/02-cp.der"), replaced_tag(
            0xA1, tlv(0xA1, seq(encode_oid("1.2.840.113549.1.1.10"), seq(
                tlv(0xA0, seq(encode_oid("2.16.840.1.101.3.4.2.1"), b"\x05\x00")),
                tlv(0xA1, seq(encode_oid("1.2.840.113549.1.1.8"),
                              seq(encode_oid("2.16.840.1.101.3.4.2.1"), b"\x05\x00"))),
                tlv(0xA2, integer(32))))))),
        "ip-no-status.der": with_body(ip, tlv(0xA1, seq(seq(seq(req_id))))),
        "certconf-no-req-id.der": with_body(cert_conf, tlv(0xB8, seq(seq(cert_hash)))),
        "genm-kem-ct-missing.der": with_body(genm, tlv(0xB5, seq(seq(encode_oid("1.3.6.1.5.5.7.4.24"), seq(kem))))),
        "genm-itav-empty.der": with_body(genm, tlv(0xB5, seq(seq()))),
        "genm-header-sender-only.der": seq(seq(*genm_fields[:2]), *children(content(genm))[1:]),
        "error-status-empty.der": with_body(load("error-sig/02-error.der"), tlv(0xB7, seq(seq()))),
        "rr-rev-details-empty.der": with_body(rr, tlv(0xAB, seq(seq()))),
        "pollrep-no-check-after.der": with_body(poll_rep, tlv(0xBA, seq(seq(poll_req_id)))),
        "p10cr-cp-req-id-0.der": cp_with_req_id(load("p10cr-pbm/02-cp.der"), 0),
        "p10cr-certconf-req-id-0.der": cert_conf_with_req_id(load("p10cr-pbm/03-certConf.der"), 0),
        "certconf-req-id-5.der": cert_conf_with_req_id(cert_conf, 5),
    }
    for name, der in messages.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(der)
        print("%s: %d bytes" % (name, len(der)))


if __name__ == "__main__":
    main()
