/* pkixcmp-oids.c - the OIDs CMP messages carry, and their names
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Sources: RFC 9810 appendix A (id-it), RFC 4211 (CRMF controls and
 * regInfo), RFC 9480 and RFC 9481 (new ITAVs, controls and algorithms),
 * Entrust's arcs 1.2.840.113533.7 and 2.16.840.1.114027, cryptlib's arc
 * 1.3.6.1.4.1.3029.
 */
#include <wireshark.h>
#include <epan/packet.h>
#include <epan/oids.h>

#include "pkixcmp-oids.h"
#include "pkixcmp-asn1.h"

static const struct {
    const char *oid;
    const char *name;
} pkixcmp_oid_names[] = {
    /* id-it, 1.3.6.1.5.5.7.4.N (RFC 9810, RFC 9480) */
    { "1.3.6.1.5.5.7.4.1",  "id-it-caProtEncCert" },
    { "1.3.6.1.5.5.7.4.2",  "id-it-signKeyPairTypes" },
    { "1.3.6.1.5.5.7.4.3",  "id-it-encKeyPairTypes" },
    { "1.3.6.1.5.5.7.4.4",  "id-it-preferredSymmAlg" },
    { "1.3.6.1.5.5.7.4.5",  "id-it-caKeyUpdateInfo" },
    { "1.3.6.1.5.5.7.4.6",  "id-it-currentCRL" },
    { "1.3.6.1.5.5.7.4.7",  "id-it-unsupportedOIDs" },
    { "1.3.6.1.5.5.7.4.10", "id-it-keyPairParamReq" },
    { "1.3.6.1.5.5.7.4.11", "id-it-keyPairParamRep" },
    { "1.3.6.1.5.5.7.4.12", "id-it-revPassphrase" },
    { "1.3.6.1.5.5.7.4.13", "id-it-implicitConfirm" },
    { "1.3.6.1.5.5.7.4.14", "id-it-confirmWaitTime" },
    { "1.3.6.1.5.5.7.4.15", "id-it-origPKIMessage" },
    { "1.3.6.1.5.5.7.4.16", "id-it-suppLangTags" },
    { "1.3.6.1.5.5.7.4.17", "id-it-caCerts" },
    { "1.3.6.1.5.5.7.4.18", "id-it-rootCaKeyUpdate" },
    { "1.3.6.1.5.5.7.4.19", "id-it-certReqTemplate" },
    { "1.3.6.1.5.5.7.4.20", "id-it-rootCaCert" },
    { "1.3.6.1.5.5.7.4.21", "id-it-certProfile" },
    { "1.3.6.1.5.5.7.4.22", "id-it-crlStatusList" },
    { "1.3.6.1.5.5.7.4.23", "id-it-crls" },
    { "1.3.6.1.5.5.7.4.24", "id-it-KemCiphertextInfo" },
    /* CRMF controls, 1.3.6.1.5.5.7.5.1.N, and regInfo, .5.2.N */
    { "1.3.6.1.5.5.7.5.1.1",  "id-regCtrl-regToken" },
    { "1.3.6.1.5.5.7.5.1.2",  "id-regCtrl-authenticator" },
    { "1.3.6.1.5.5.7.5.1.3",  "id-regCtrl-pkiPublicationInfo" },
    { "1.3.6.1.5.5.7.5.1.4",  "id-regCtrl-pkiArchiveOptions" },
    { "1.3.6.1.5.5.7.5.1.5",  "id-regCtrl-oldCertID" },
    { "1.3.6.1.5.5.7.5.1.6",  "id-regCtrl-protocolEncrKey" },
    { "1.3.6.1.5.5.7.5.1.7",  "id-regCtrl-altCertTemplate" },
    { "1.3.6.1.5.5.7.5.1.11", "id-regCtrl-algId" },
    { "1.3.6.1.5.5.7.5.1.12", "id-regCtrl-rsaKeyLen" },
    { "1.3.6.1.5.5.7.5.2.1",  "id-regInfo-utf8Pairs" },
    { "1.3.6.1.5.5.7.5.2.2",  "id-regInfo-certReq" },
    /* Protection and related algorithms */
    { PKIXCMP_OID_PASSWORD_BASED_MAC, "PasswordBasedMac" },
    { PKIXCMP_OID_DH_BASED_MAC,       "DHBasedMac" },
    { PKIXCMP_OID_KEM_BASED_MAC,      "KEMBasedMac" },
    { PKIXCMP_OID_PBMAC1,             "PBMAC1" },
    { "1.2.840.113549.1.5.12",        "PBKDF2" },
    { "1.3.6.1.5.5.8.1.1",            "hmac-md5" },
    { "1.3.6.1.5.5.8.1.2",            "hmac-sha1" },
    { "1.2.840.113549.2.7",           "hmacWithSHA1" },
    { "1.2.840.113549.2.8",           "hmacWithSHA224" },
    { "1.2.840.113549.2.9",           "hmacWithSHA256" },
    { "1.2.840.113549.2.10",          "hmacWithSHA384" },
    { "1.2.840.113549.2.11",          "hmacWithSHA512" },
    /* RFC 9481 and RFC 9810: key derivation, KEM, MAC and signature
     * algorithms that CMP protection and key management use */
    { "1.2.840.113549.1.9.16.3.28",   "id-alg-hkdf-with-sha256" },
    { "1.2.840.113549.1.9.16.3.29",   "id-alg-hkdf-with-sha384" },
    { "1.2.840.113549.1.9.16.3.30",   "id-alg-hkdf-with-sha512" },
    { "1.3.133.16.840.9.44.1.1",      "id-kdf-kdf2" },
    { "1.3.133.16.840.9.44.1.2",      "id-kdf-kdf3" },
    { "1.2.840.113549.1.9.16.3.14",   "id-rsa-kem" },
    { "1.0.18033.2.2.4",              "id-kem-rsa" },
    { "2.16.840.1.101.3.4.4.1",       "id-alg-ml-kem-512" },
    { "2.16.840.1.101.3.4.4.2",       "id-alg-ml-kem-768" },
    { "2.16.840.1.101.3.4.4.3",       "id-alg-ml-kem-1024" },
    { "2.16.840.1.101.3.4.1.9",       "id-aes128-GMAC" },
    { "2.16.840.1.101.3.4.1.29",      "id-aes192-GMAC" },
    { "2.16.840.1.101.3.4.1.49",      "id-aes256-GMAC" },
    { "2.16.840.1.101.3.4.1.5",       "id-aes128-wrap" },
    { "2.16.840.1.101.3.4.1.25",      "id-aes192-wrap" },
    { "2.16.840.1.101.3.4.1.45",      "id-aes256-wrap" },
    { "2.16.840.1.101.3.4.2.11",      "id-shake128" },
    { "2.16.840.1.101.3.4.2.12",      "id-shake256" },
    { "2.16.840.1.101.3.4.2.19",      "id-KMACWithSHAKE128" },
    { "2.16.840.1.101.3.4.2.20",      "id-KMACWithSHAKE256" },
    { "1.3.6.1.5.5.7.6.30",           "id-RSASSA-PSS-SHAKE128" },
    { "1.3.6.1.5.5.7.6.31",           "id-RSASSA-PSS-SHAKE256" },
    { "1.3.6.1.5.5.7.6.32",           "id-ecdsa-with-shake128" },
    { "1.3.6.1.5.5.7.6.33",           "id-ecdsa-with-shake256" },
    { "1.3.101.110",                  "id-X25519" },
    { "1.3.101.111",                  "id-X448" },
    { "1.3.101.112",                  "id-Ed25519" },
    { "1.3.101.113",                  "id-Ed448" },
    /* Entrust, 1.2.840.113533.7 */
    { "1.2.840.113533.7",             "entrust" },
    { "1.2.840.113533.7.65.0",        "entrustVersInfo" },
    { "1.2.840.113533.7.66.10",       "cast5CBC" },
    { "1.2.840.113533.7.66.12",       "pbeWithMD5AndCAST5-CBC" },
    { "2.16.840.1.114027",            "Entrust Technologies" },
    { "2.16.840.1.114027.50",         "Entrust PKIX-CMP" },
    /* cryptlib */
    { "1.3.6.1.4.1.3029",             "cryptlib" },
    { "1.3.6.1.4.1.3029.3.1.1",       "cryptlib presence check" },
    { "1.3.6.1.4.1.3029.3.1.2",       "cryptlib PKIBoot" },
    /* Fortanix DSM: an attribute of its certificates' subject names */
    { "1.3.6.1.4.1.49690.1.2.2",      "Fortanix private attribute" },
};

void
pkixcmp_register_oids(int proto _U_)
{
    for (gsize i = 0; i < G_N_ELEMENTS(pkixcmp_oid_names); i++)
        oid_add_from_string(pkixcmp_oid_names[i].name, pkixcmp_oid_names[i].oid);
}

void
pkixcmp_handoff_oids(int proto)
{
    pkixcmp_crmf_handoff(proto);
    pkixcmp_itav_handoff(proto);
}
