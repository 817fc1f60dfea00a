/* pkixcmp-rules.h - CMP's protocol rules as plain C, without libwireshark
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Which body answers which (RFC 9810 section 5.3, RFC 2510 section 5.2 and
 * the version-10 TCP draft), how strong a PasswordBasedMac is (RFC 4211
 * section 4.4), which addresses are internal, what key material a message
 * carries, and names for exported certificates.  transactions.c applies
 * these rules to a capture; tests/unit/test-rules.c checks them alone.
 */
#ifndef ENTRUST_PKIXCMP_RULES_H
#define ENTRUST_PKIXCMP_RULES_H

#include <glib.h>

/* PKIBody tags (RFC 9810 section 5.1.2). */
enum {
    PKIXCMP_BODY_IR = 0, PKIXCMP_BODY_IP = 1, PKIXCMP_BODY_CR = 2, PKIXCMP_BODY_CP = 3,
    PKIXCMP_BODY_P10CR = 4, PKIXCMP_BODY_POPDECC = 5, PKIXCMP_BODY_POPDECR = 6,
    PKIXCMP_BODY_KUR = 7, PKIXCMP_BODY_KUP = 8, PKIXCMP_BODY_KRR = 9, PKIXCMP_BODY_KRP = 10,
    PKIXCMP_BODY_RR = 11, PKIXCMP_BODY_RP = 12, PKIXCMP_BODY_CCR = 13, PKIXCMP_BODY_CCP = 14,
    PKIXCMP_BODY_CKUANN = 15, PKIXCMP_BODY_CANN = 16, PKIXCMP_BODY_RANN = 17,
    PKIXCMP_BODY_CRLANN = 18, PKIXCMP_BODY_PKICONF = 19, PKIXCMP_BODY_NESTED = 20,
    PKIXCMP_BODY_GENM = 21, PKIXCMP_BODY_GENP = 22, PKIXCMP_BODY_ERROR = 23,
    PKIXCMP_BODY_CERTCONF = 24, PKIXCMP_BODY_POLLREQ = 25, PKIXCMP_BODY_POLLREP = 26,
    /* Any other tag or class: one value, below the framing pseudo bodies,
     * so that a crafted tag such as [202] is not taken for one of them. */
    PKIXCMP_BODY_UNKNOWN = 99
};

/* TCP-framing messages without a PKIMessage are "pseudo bodies": the
 * framing's base plus its type, so that one rule table covers both. */
#define PKIXCMP_FRAMING_V0_BASE   100   /* RFC 2510 section 5.2 types */
#define PKIXCMP_FRAMING_V10_BASE  200   /* version-10 draft types */
#define PKIXCMP_FRAMING_POLLREP   1     /* both framings */
#define PKIXCMP_FRAMING_POLLREQ   2     /* both framings */
#define PKIXCMP_FRAMING_END       3     /* v0 negPollRep, v10 finRep */
#define PKIXCMP_FRAMING_ERROR     6     /* errorMsgRep in both framings */

/* The framing type of a pseudo body, or -1 for a real PKIBody tag. */
gint pkixcmp_framing_type(gint body);

/* Who sends a body. */
typedef enum {
    PKIXCMP_ROLE_REQUEST,      /* the client: ir, cr, certConf, pollReq, ... */
    PKIXCMP_ROLE_RESPONSE,     /* the server: ip, cp, rp, genp, pollRep, ... */
    PKIXCMP_ROLE_EITHER,       /* pkiconf, error, nested: depends on the transaction */
    PKIXCMP_ROLE_ANNOUNCEMENT  /* ckuann, cann, rann, crlann: answered by nothing */
} pkixcmp_role_t;

pkixcmp_role_t pkixcmp_body_role(gint body);

/* ir, cr, p10cr, kur, ccr: asks for a certificate. */
gboolean pkixcmp_body_requests_cert(gint body);
/* ip, cp, kup, ccp: delivers (or refuses) a certificate. */
gboolean pkixcmp_body_delivers_cert(gint body);

/* TRUE when resp may answer req.  orig is the request whose answer is
 * still awaited when req is a pollReq (CMP's or the framing's), or a
 * popdecr; otherwise it is ignored.  An error answers everything. */
gboolean pkixcmp_response_allowed(gint req, gint orig, gint resp);

/* PasswordBasedMac strength (RFC 4211 section 4.4, RFC 9481 section 6.1.1). */
typedef enum {
    PKIXCMP_PBM_OK,       /* nothing known to be weak */
    PKIXCMP_PBM_WEAK,     /* MD5/SHA-1 owf or PRF, HMAC-MD5/SHA-1, or < 1000 iterations */
    PKIXCMP_PBM_BROKEN    /* fewer than 100 iterations: below RFC 4211's minimum */
} pkixcmp_pbm_strength_t;

/* An iterationCount not read.  Any other value is judged, a negative one
 * too: it is below the minimum as much as 0 is. */
#define PKIXCMP_PBM_ITERATIONS_UNKNOWN G_MININT64

/* Checks the parameters (owf and mac may be NULL, iterations
 * PKIXCMP_PBM_ITERATIONS_UNKNOWN, when unknown) and appends a
 * human-readable reason for each weakness to why (when non-NULL); too few
 * iterations for RFC 4211 are the verdict PKIXCMP_PBM_BROKEN, not one of
 * those reasons. */
pkixcmp_pbm_strength_t pkixcmp_pbm_check(const char *owf, const char *mac, gint64 iterations, GString *why);

/* The same for PBMAC1 (RFC 8018 appendix A.5, RFC 9481 section 6.1.2):
 * prf is PBKDF2's (NULL when not read), prf_absent TRUE when the
 * PBKDF2-params have none (its DEFAULT, hmacWithSHA1), mac the
 * messageAuthScheme; fewer than the 1000 iterations RFC 8018 section 4.2
 * recommends are WEAK.  Never BROKEN: RFC 4211's minimum is PBM's. */
pkixcmp_pbm_strength_t pkixcmp_pbmac1_check(const char *prf, gboolean prf_absent, const char *mac, gint64 iterations,
                                            GString *why);

/* TRUE when the PBKDF2-params element at the start of buf (RFC 8018
 * appendix A.2: salt, iterationCount, keyLength OPTIONAL, prf DEFAULT
 * hmacWithSHA1) holds a prf: a SEQUENCE after its first element (the
 * salt, which may be a SEQUENCE itself).  Reads only buf. */
gboolean pkixcmp_pbkdf2_has_prf(const guint8 *buf, gsize len);

/* "HMAC-SHA1" or "HMAC-MD5" for a MAC algorithm OID built on a broken hash
 * (RFC 9481 section 6.2.1 lists HMAC with SHA-2 only), NULL otherwise. */
const char *pkixcmp_weak_mac_name(const char *oid);

/* A signature algorithm whose hash is broken (MD2, MD4, MD5, SHA-0,
 * SHA-1: none of them is among the hashes RFC 9481 section 3 gives CMP's
 * signatures).  Returns the hash's name and sets *name to the algorithm's;
 * NULL for any other OID.  RSASSA-PSS, whose parameters name its hash, is
 * not judged. */
const char *pkixcmp_signature_weak_hash(const char *oid, const char **name);

/* RSASSA-PSS (1.2.840.113549.1.1.10) names its hash in its parameters:
 * for the RSASSA-PSS-params element at the start of buf (RFC 8017 appendix
 * A.2.3: SEQUENCE { hashAlgorithm [0] HashAlgorithm DEFAULT sha1, ... }),
 * the broken hash it uses ("SHA-1", "SHA-1 (the parameters' DEFAULT)",
 * "MD5", "MD2"), or NULL for any other hash or when buf holds no such
 * SEQUENCE.  Reads only buf. */
const char *pkixcmp_pss_weak_hash(const guint8 *buf, gsize len);

/* TRUE for addresses that stay inside a site: RFC 1918, loopback,
 * link-local, CGNAT 100.64/10 (and 0.0.0.0/8); for IPv6 ::1, ::,
 * fe80::/10, ULA fc00::/7, and IPv4-mapped internal IPv4 addresses. */
gboolean pkixcmp_ipv4_is_internal(const guint8 addr[4]);
gboolean pkixcmp_ipv6_is_internal(const guint8 addr[16]);

/* PKIFailureInfo bit unsupportedVersion (RFC 9810 section 5.2.3). */
#define PKIXCMP_FAIL_UNSUPPORTED_VERSION 22

/* Names (RFC 9810) of PKIStatus values and PKIFailureInfo bits; NULL when
 * unknown. */
const char *pkixcmp_status_name(gint status);
const char *pkixcmp_fail_info_name(guint bit);

/* What a walk over a PKIMessage's DER finds about key material. */
#define PKIXCMP_SCAN_MAX_CERTS 32
typedef struct {
    gboolean archive_options;   /* a CertRequest's controls hold pkiArchiveOptions
                                   that send the key (encryptedPrivKey, keyGenParameters) */
    gboolean central_keygen;    /* a certTemplate has no public key, or an empty one
                                   (RFC 9483 section 4.1.6: the CA generates the key) */
    gboolean private_key;       /* a CertifiedKeyPair holds privateKey [0] */
    gboolean cert_responses_read; /* a CertRepMessage's responses were all at hand */
    gboolean cert_issued;       /* one of them, accepted or grantedWithMods, holds
                                   a CertifiedKeyPair: a certificate to confirm */
    guint    n_ca_certs;        /* genp id-it-caCerts certificates found */
    gsize    ca_cert_offset[PKIXCMP_SCAN_MAX_CERTS]; /* each one's offset in the buffer */
    gsize    ca_cert_len[PKIXCMP_SCAN_MAX_CERTS];    /* and its length */
} pkixcmp_scan_t;

/* Walks buf (a whole DER PKIMessage) and fills out; invalid or truncated
 * DER just ends the walk.  Never reads outside buf. */
void pkixcmp_scan_message(const guint8 *buf, gsize len, pkixcmp_scan_t *out);

/* A file name for a DER certificate, "<subject CN>_<serial in hex>.der",
 * made of [A-Za-z0-9._-] only, at most 125 characters; "certificate" stands
 * for a missing CN and "noserial" for a missing serial.  g_free() it. */
char *pkixcmp_cert_file_name(const guint8 *der, gsize len);

#endif /* ENTRUST_PKIXCMP_RULES_H */
