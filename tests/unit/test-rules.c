/* Unit tests of pkixcmp-rules.c: request/response pairs, PBM strength,
 * address classes, the key-material scan and certificate file names.
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <glib.h>
#include <string.h>
#include "pkixcmp-rules.h"

/* ------------------------------------------------------------------------
 * A tiny DER builder: tlv(tag, parts..., NULL) wraps the concatenated
 * parts; raw(bytes) gives bytes as they are.  Everything is leaked: tests.
 */
static GByteArray *
raw(const guint8 *bytes, gsize len)
{
    GByteArray *a = g_byte_array_new();
    g_byte_array_append(a, bytes, (guint)len);
    return a;
}
#define RAW(...) raw((const guint8[]){ __VA_ARGS__ }, sizeof((const guint8[]){ __VA_ARGS__ }))

static GByteArray *
tlv(guint tag, ...)
{
    GByteArray *content = g_byte_array_new(), *out = g_byte_array_new(), *part;
    va_list ap;
    guint8 hdr[4];
    guint hlen = 0;

    va_start(ap, tag);
    while ((part = va_arg(ap, GByteArray *)) != NULL)
        g_byte_array_append(content, part->data, part->len);
    va_end(ap);
    hdr[hlen++] = (guint8)tag;
    if (content->len < 0x80) {
        hdr[hlen++] = (guint8)content->len;
    } else {
        hdr[hlen++] = 0x82;
        hdr[hlen++] = (guint8)(content->len >> 8);
        hdr[hlen++] = (guint8)content->len;
    }
    g_byte_array_append(out, hdr, hlen);
    g_byte_array_append(out, content->data, content->len);
    return out;
}

#define SEQ(...) tlv(0x30, __VA_ARGS__, NULL)
#define OID_ARCHIVE RAW(0x06, 0x09, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x05, 0x01, 0x04)
#define OID_CA_CERTS RAW(0x06, 0x08, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x04, 0x11)
#define HEADER SEQ(RAW(0x02, 0x01, 0x02))

/* PKIMessage { header, [body] { content } } */
static GByteArray *
message(guint8 body, GByteArray *content)
{
    return SEQ(HEADER, tlv(0xa0 | body, content, NULL));
}

/* CertReqMessages with one request, the given CertTemplate and controls. */
static GByteArray *
cert_req(GByteArray *template, GByteArray *controls)
{
    GByteArray *req = controls ? SEQ(RAW(0x02, 0x01, 0x00), template, controls)
                               : SEQ(RAW(0x02, 0x01, 0x00), template);
    return SEQ(SEQ(req));
}

static void
check_all_prefixes(const GByteArray *m)
{
    /* Truncated input ends the walk quietly (run under ASan in CI). */
    for (guint n = 0; n <= m->len; n++) {
        pkixcmp_scan_t scan;
        guint8 *copy = g_memdup2(m->data, n);
        pkixcmp_scan_message(copy, n, &scan);
        g_free(copy);
    }
}

static void
test_pairs(void)
{
    g_assert_true(pkixcmp_response_allowed(PKIXCMP_BODY_IR, -1, PKIXCMP_BODY_IP));
    g_assert_true(pkixcmp_response_allowed(PKIXCMP_BODY_P10CR, -1, PKIXCMP_BODY_CP));
    g_assert_true(pkixcmp_response_allowed(PKIXCMP_BODY_KRR, -1, PKIXCMP_BODY_KRP));
    g_assert_true(pkixcmp_response_allowed(PKIXCMP_BODY_CERTCONF, -1, PKIXCMP_BODY_PKICONF));
    g_assert_true(pkixcmp_response_allowed(PKIXCMP_BODY_GENM, -1, PKIXCMP_BODY_ERROR));
    g_assert_false(pkixcmp_response_allowed(PKIXCMP_BODY_IR, -1, PKIXCMP_BODY_CP));
    g_assert_false(pkixcmp_response_allowed(PKIXCMP_BODY_RR, -1, PKIXCMP_BODY_GENP));
    /* Polling: pollRep, or the answer of the delayed request. */
    g_assert_true(pkixcmp_response_allowed(PKIXCMP_BODY_POLLREQ, PKIXCMP_BODY_CR, PKIXCMP_BODY_POLLREP));
    g_assert_true(pkixcmp_response_allowed(PKIXCMP_BODY_POLLREQ, PKIXCMP_BODY_CR, PKIXCMP_BODY_CP));
    g_assert_false(pkixcmp_response_allowed(PKIXCMP_BODY_POLLREQ, PKIXCMP_BODY_CR, PKIXCMP_BODY_IP));
    g_assert_true(pkixcmp_response_allowed(PKIXCMP_BODY_POLLREQ, -1, PKIXCMP_BODY_IP));
    /* RFC 2510 TCP: pkiconf answered by negPollRep; pollReq by finalMsgRep's ip. */
    g_assert_true(pkixcmp_response_allowed(PKIXCMP_BODY_PKICONF, -1, PKIXCMP_FRAMING_V0_BASE + PKIXCMP_FRAMING_END));
    g_assert_true(pkixcmp_response_allowed(PKIXCMP_FRAMING_V0_BASE + PKIXCMP_FRAMING_POLLREQ, PKIXCMP_BODY_IR,
                                           PKIXCMP_BODY_IP));
    g_assert_true(pkixcmp_response_allowed(PKIXCMP_FRAMING_V0_BASE + PKIXCMP_FRAMING_POLLREQ, PKIXCMP_BODY_IR,
                                           PKIXCMP_FRAMING_V0_BASE + PKIXCMP_FRAMING_END));
    g_assert_true(pkixcmp_response_allowed(PKIXCMP_BODY_IR, -1, PKIXCMP_FRAMING_V10_BASE + PKIXCMP_FRAMING_POLLREP));
    g_assert_false(pkixcmp_response_allowed(PKIXCMP_FRAMING_V0_BASE + PKIXCMP_FRAMING_POLLREQ, PKIXCMP_BODY_IR,
                                            PKIXCMP_BODY_POLLREP));

    g_assert_cmpint(pkixcmp_body_role(PKIXCMP_BODY_IR), ==, PKIXCMP_ROLE_REQUEST);
    g_assert_cmpint(pkixcmp_body_role(PKIXCMP_BODY_GENP), ==, PKIXCMP_ROLE_RESPONSE);
    g_assert_cmpint(pkixcmp_body_role(PKIXCMP_BODY_PKICONF), ==, PKIXCMP_ROLE_EITHER);
    g_assert_cmpint(pkixcmp_body_role(PKIXCMP_BODY_CANN), ==, PKIXCMP_ROLE_ANNOUNCEMENT);
    g_assert_cmpint(pkixcmp_body_role(PKIXCMP_FRAMING_V10_BASE + 2), ==, PKIXCMP_ROLE_REQUEST);
    g_assert_cmpint(pkixcmp_body_role(PKIXCMP_FRAMING_V0_BASE + 3), ==, PKIXCMP_ROLE_RESPONSE);
}

static void
test_pbm(void)
{
    GString *why = g_string_new(NULL);

    g_assert_cmpint(pkixcmp_pbm_check(NULL, NULL, PKIXCMP_PBM_ITERATIONS_UNKNOWN, why), ==, PKIXCMP_PBM_OK);
    g_assert_cmpint(pkixcmp_pbm_check("2.16.840.1.101.3.4.2.1", "1.2.840.113549.2.9", 10000, why), ==, PKIXCMP_PBM_OK);
    g_assert_cmpuint(why->len, ==, 0);
    /* OpenSSL 3.0's default: SHA-256, 500 iterations, HMAC-SHA1. */
    g_assert_cmpint(pkixcmp_pbm_check("2.16.840.1.101.3.4.2.1", "1.3.6.1.5.5.8.1.2", 500, why), ==, PKIXCMP_PBM_WEAK);
    g_assert_nonnull(strstr(why->str, "HMAC-SHA1"));
    g_assert_nonnull(strstr(why->str, "500 iterations"));
    g_string_truncate(why, 0);
    g_assert_cmpint(pkixcmp_pbm_check("1.2.840.113549.2.5", NULL, PKIXCMP_PBM_ITERATIONS_UNKNOWN, why), ==, PKIXCMP_PBM_WEAK);
    g_assert_cmpint(pkixcmp_pbm_check("1.3.14.3.2.26", NULL, 5000, NULL), ==, PKIXCMP_PBM_WEAK);
    g_assert_cmpint(pkixcmp_pbm_check(NULL, "1.3.6.1.5.5.8.1.1", 5000, NULL), ==, PKIXCMP_PBM_WEAK);
    g_assert_cmpint(pkixcmp_pbm_check(NULL, "1.2.840.113549.2.7", 5000, NULL), ==, PKIXCMP_PBM_WEAK);
    g_assert_cmpint(pkixcmp_pbm_check(NULL, NULL, 999, NULL), ==, PKIXCMP_PBM_WEAK);
    g_assert_cmpint(pkixcmp_pbm_check(NULL, NULL, 1000, NULL), ==, PKIXCMP_PBM_OK);
    g_assert_cmpint(pkixcmp_pbm_check(NULL, NULL, 100, NULL), ==, PKIXCMP_PBM_WEAK);
    /* Too few iterations are the verdict, not a weakness named in why:
     * only the other weaknesses are. */
    g_string_truncate(why, 0);
    g_assert_cmpint(pkixcmp_pbm_check("2.16.840.1.101.3.4.2.1", "1.2.840.113549.2.9", 50, why), ==, PKIXCMP_PBM_BROKEN);
    g_assert_cmpuint(why->len, ==, 0);
    g_assert_cmpint(pkixcmp_pbm_check("1.3.14.3.2.26", "1.2.840.113549.2.9", 50, why), ==, PKIXCMP_PBM_BROKEN);
    g_assert_cmpstr(why->str, ==, "owf is SHA-1");
    g_assert_cmpint(pkixcmp_pbm_check(NULL, NULL, 99, NULL), ==, PKIXCMP_PBM_BROKEN);
    g_assert_cmpint(pkixcmp_pbm_check(NULL, NULL, 0, NULL), ==, PKIXCMP_PBM_BROKEN);
    /* A negative iterationCount (INTEGER allows it) is below the minimum too. */
    g_assert_cmpint(pkixcmp_pbm_check(NULL, NULL, -1, NULL), ==, PKIXCMP_PBM_BROKEN);
    g_assert_cmpint(pkixcmp_pbm_check(NULL, NULL, -244, NULL), ==, PKIXCMP_PBM_BROKEN);
    g_string_free(why, TRUE);
}

static void
test_pbmac1(void)
{
    GString *why = g_string_new(NULL);

    /* RFC 9481's example: hmacWithSHA256 as PRF and MAC, 10000 iterations. */
    g_assert_cmpint(pkixcmp_pbmac1_check("1.2.840.113549.2.9", FALSE, "1.2.840.113549.2.9", 10000, why), ==, PKIXCMP_PBM_OK);
    g_assert_cmpuint(why->len, ==, 0);
    /* No PRF: PBKDF2's DEFAULT, hmacWithSHA1. */
    g_assert_cmpint(pkixcmp_pbmac1_check(NULL, TRUE, "1.2.840.113549.2.9", 10000, why), ==, PKIXCMP_PBM_WEAK);
    g_assert_cmpstr(why->str, ==, "PRF is HMAC-SHA1 (PBKDF2's default)");
    g_string_truncate(why, 0);
    g_assert_cmpint(pkixcmp_pbmac1_check("1.2.840.113549.2.7", FALSE, "1.2.840.113549.2.7", 999, why), ==, PKIXCMP_PBM_WEAK);
    g_assert_cmpstr(why->str, ==, "PRF is HMAC-SHA1; MAC is HMAC-SHA1; only 999 iterations (RFC 8018 recommends 1000 at least)");
    /* Few iterations are weak, never broken (RFC 4211's 100 is PBM's). */
    g_assert_cmpint(pkixcmp_pbmac1_check("1.2.840.113549.2.9", FALSE, "1.2.840.113549.2.9", 1, NULL), ==, PKIXCMP_PBM_WEAK);
    g_assert_cmpint(pkixcmp_pbmac1_check("1.2.840.113549.2.9", FALSE, "1.2.840.113549.2.9", 1000, NULL), ==, PKIXCMP_PBM_OK);
    /* Nothing read: nothing to judge; a PRF not read is not the DEFAULT. */
    g_assert_cmpint(pkixcmp_pbmac1_check(NULL, FALSE, NULL, PKIXCMP_PBM_ITERATIONS_UNKNOWN, NULL), ==, PKIXCMP_PBM_OK);
    g_assert_cmpint(pkixcmp_pbmac1_check(NULL, FALSE, "1.2.840.113549.2.9", 10000, NULL), ==, PKIXCMP_PBM_OK);
    g_string_free(why, TRUE);
}

static void
test_pbkdf2_prf(void)
{
    /* { salt, 10000, 32, { hmacWithSHA256, NULL } } */
    static const guint8 with_prf[] = {
        0x30, 0x1a, 0x04, 0x02, 0xaa, 0xbb, 0x02, 0x02, 0x27, 0x10, 0x02, 0x01, 0x20,
        0x30, 0x0c, 0x06, 0x08, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x09, 0x05, 0x00,
    };
    /* { salt, 500 } */
    static const guint8 without[] = { 0x30, 0x08, 0x04, 0x02, 0xaa, 0xbb, 0x02, 0x02, 0x01, 0xf4 };
    /* { otherSource { 1.2.3 }, 500 }: a SEQUENCE salt is no prf */
    static const guint8 other_source[] = { 0x30, 0x0a, 0x30, 0x04, 0x06, 0x02, 0x2a, 0x03, 0x02, 0x02, 0x01, 0xf4 };
    /* { salt, 10000, keyLength whose length runs past the end, prf }:
     * the walk stops at the broken element */
    static const guint8 broken[] = {
        0x30, 0x0d, 0x04, 0x02, 0xaa, 0xbb, 0x02, 0x02, 0x27, 0x10, 0x02, 0x09, 0x20, 0x30, 0x00,
    };

    g_assert_true(pkixcmp_pbkdf2_has_prf(with_prf, sizeof with_prf));
    g_assert_false(pkixcmp_pbkdf2_has_prf(without, sizeof without));
    g_assert_false(pkixcmp_pbkdf2_has_prf(other_source, sizeof other_source));
    g_assert_false(pkixcmp_pbkdf2_has_prf(broken, sizeof broken));
    g_assert_false(pkixcmp_pbkdf2_has_prf(with_prf, 1));
    g_assert_false(pkixcmp_pbkdf2_has_prf(NULL, 0));
}

static void
test_signature_weak_hash(void)
{
    const char *name = NULL;

    g_assert_cmpstr(pkixcmp_signature_weak_hash("1.2.840.113549.1.1.5", &name), ==, "SHA-1");
    g_assert_cmpstr(name, ==, "sha1WithRSAEncryption");
    g_assert_cmpstr(pkixcmp_signature_weak_hash("1.2.840.113549.1.1.4", NULL), ==, "MD5");
    g_assert_cmpstr(pkixcmp_signature_weak_hash("1.2.840.10045.4.1", NULL), ==, "SHA-1");
    g_assert_cmpstr(pkixcmp_signature_weak_hash("1.2.840.10040.4.3", NULL), ==, "SHA-1");
    /* SHA-2 signatures, a MAC and nothing at all are not. */
    name = NULL;
    g_assert_null(pkixcmp_signature_weak_hash("1.2.840.113549.1.1.11", &name));
    g_assert_null(name);
    g_assert_null(pkixcmp_signature_weak_hash("1.2.840.10045.4.3.2", NULL));
    g_assert_null(pkixcmp_signature_weak_hash("1.2.840.113533.7.66.13", NULL));
    g_assert_null(pkixcmp_signature_weak_hash("1.2.840.113549.1.1.50", NULL));
    g_assert_cmpstr(pkixcmp_signature_weak_hash("1.3.14.3.2.15", NULL), ==, "SHA-0");
    g_assert_cmpstr(pkixcmp_signature_weak_hash("1.3.14.3.2.24", NULL), ==, "MD2");
    g_assert_null(pkixcmp_signature_weak_hash(NULL, NULL));
}

static void
test_weak_mac_name(void)
{
    g_assert_cmpstr(pkixcmp_weak_mac_name("1.3.6.1.5.5.8.1.2"), ==, "HMAC-SHA1");
    g_assert_cmpstr(pkixcmp_weak_mac_name("1.2.840.113549.2.7"), ==, "HMAC-SHA1");
    g_assert_cmpstr(pkixcmp_weak_mac_name("1.3.6.1.5.5.8.1.1"), ==, "HMAC-MD5");
    g_assert_null(pkixcmp_weak_mac_name("1.2.840.113549.2.9"));   /* hmacWithSHA256 */
    g_assert_null(pkixcmp_weak_mac_name(NULL));
}

static void
test_pss_weak_hash(void)
{
    /* RSASSA-PSS-params { } : every field its DEFAULT, sha1 */
    static const guint8 defaults[] = { 0x30, 0x00 };
    /* { [0] { sha256, NULL }, [2] 32 } */
    static const guint8 sha256[] = {
        0x30, 0x12, 0xa0, 0x0d, 0x30, 0x0b, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01,
        0xa2, 0x03, 0x02, 0x01, 0x20,
    };
    /* { [0] { sha1 } } */
    static const guint8 sha1[] = { 0x30, 0x0b, 0xa0, 0x09, 0x30, 0x07, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a };
    /* { [2] 20 }: the hash left to its DEFAULT */
    static const guint8 salt_only[] = { 0x30, 0x05, 0xa2, 0x03, 0x02, 0x01, 0x14 };
    /* { [0] whose length runs past the end }: no verdict */
    static const guint8 broken[] = { 0x30, 0x04, 0xa0, 0x09, 0x30, 0x07 };

    g_assert_cmpstr(pkixcmp_pss_weak_hash(defaults, sizeof defaults), ==, "SHA-1 (the parameters' DEFAULT)");
    g_assert_cmpstr(pkixcmp_pss_weak_hash(salt_only, sizeof salt_only), ==, "SHA-1 (the parameters' DEFAULT)");
    g_assert_cmpstr(pkixcmp_pss_weak_hash(sha1, sizeof sha1), ==, "SHA-1");
    g_assert_null(pkixcmp_pss_weak_hash(sha256, sizeof sha256));
    g_assert_null(pkixcmp_pss_weak_hash(broken, sizeof broken));
    g_assert_null(pkixcmp_pss_weak_hash(sha1, 5));
    g_assert_null(pkixcmp_pss_weak_hash((const guint8 *)"\x05\x00", 2));
    g_assert_null(pkixcmp_pss_weak_hash(NULL, 0));
}

static void
test_addresses(void)
{
    static const struct { guint8 a[4]; gboolean internal; } v4[] = {
        { { 10, 1, 2, 3 }, TRUE },       { { 172, 16, 0, 1 }, TRUE },    { { 172, 31, 255, 255 }, TRUE },
        { { 172, 32, 0, 1 }, FALSE },    { { 172, 15, 0, 1 }, FALSE },   { { 192, 168, 1, 1 }, TRUE },
        { { 192, 169, 1, 1 }, FALSE },   { { 127, 0, 0, 1 }, TRUE },     { { 169, 254, 3, 4 }, TRUE },
        { { 100, 64, 0, 1 }, TRUE },     { { 100, 127, 255, 1 }, TRUE }, { { 100, 128, 0, 1 }, FALSE },
        { { 100, 63, 0, 1 }, FALSE },    { { 8, 8, 8, 8 }, FALSE },      { { 198, 51, 100, 7 }, FALSE },
    };
    guint8 v6[16];

    for (gsize i = 0; i < G_N_ELEMENTS(v4); i++)
        g_assert_cmpint(pkixcmp_ipv4_is_internal(v4[i].a), ==, v4[i].internal);

    memset(v6, 0, sizeof v6);
    v6[15] = 1;
    g_assert_true(pkixcmp_ipv6_is_internal(v6));                /* ::1 */
    v6[15] = 2;
    g_assert_false(pkixcmp_ipv6_is_internal(v6));               /* ::2 */
    v6[0] = 0xfe; v6[1] = 0x80;
    g_assert_true(pkixcmp_ipv6_is_internal(v6));                /* fe80:: */
    v6[1] = 0xbf;
    g_assert_true(pkixcmp_ipv6_is_internal(v6));                /* febf:: (still fe80::/10) */
    v6[1] = 0xc0;
    g_assert_false(pkixcmp_ipv6_is_internal(v6));               /* fec0:: */
    v6[0] = 0xfd; v6[1] = 0x12;
    g_assert_true(pkixcmp_ipv6_is_internal(v6));                /* fd12:: ULA */
    v6[0] = 0xfc;
    g_assert_true(pkixcmp_ipv6_is_internal(v6));                /* fc12:: ULA */
    v6[0] = 0x20; v6[1] = 0x01;
    g_assert_false(pkixcmp_ipv6_is_internal(v6));               /* 2001:: */
    memset(v6, 0, sizeof v6);
    v6[10] = v6[11] = 0xff;
    v6[12] = 192; v6[13] = 168; v6[14] = 0; v6[15] = 1;
    g_assert_true(pkixcmp_ipv6_is_internal(v6));                /* ::ffff:192.168.0.1 */
    v6[12] = 8; v6[13] = 8; v6[14] = 8; v6[15] = 8;
    g_assert_false(pkixcmp_ipv6_is_internal(v6));               /* ::ffff:8.8.8.8 */
}

static void
test_scan_requests(void)
{
    pkixcmp_scan_t scan;
    GByteArray *subject = tlv(0xa5, SEQ(RAW(0x31, 0x00)), NULL);
    GByteArray *key = tlv(0xa6, SEQ(RAW(0x06, 0x01, 0x2a)), RAW(0x03, 0x03, 0x00, 0x01, 0x02), NULL);
    GByteArray *empty_key = tlv(0xa6, SEQ(RAW(0x06, 0x01, 0x2a)), RAW(0x03, 0x01, 0x00), NULL);
    GByteArray *archive = SEQ(SEQ(OID_ARCHIVE, tlv(0xa0, RAW(0x01, 0x01, 0xff), NULL)));
    GByteArray *archive_generated = SEQ(SEQ(OID_ARCHIVE, RAW(0x82, 0x01, 0xff)));
    GByteArray *m;

    /* ir with a public key, no controls: nothing. */
    m = message(PKIXCMP_BODY_IR, cert_req(SEQ(subject, key), NULL));
    pkixcmp_scan_message(m->data, m->len, &scan);
    g_assert_false(scan.central_keygen);
    g_assert_false(scan.archive_options);
    g_assert_false(scan.private_key);
    check_all_prefixes(m);

    /* ir without a public key, archive options: both. */
    m = message(PKIXCMP_BODY_IR, cert_req(SEQ(subject), archive));
    pkixcmp_scan_message(m->data, m->len, &scan);
    g_assert_true(scan.central_keygen);
    g_assert_true(scan.archive_options);
    check_all_prefixes(m);

    /* archiveRemGenPrivKey [2] TRUE: the CA is asked to keep the key it
     * generates; no key is sent. */
    m = message(PKIXCMP_BODY_IR, cert_req(SEQ(subject), archive_generated));
    pkixcmp_scan_message(m->data, m->len, &scan);
    g_assert_true(scan.central_keygen);
    g_assert_false(scan.archive_options);

    /* cr with an algorithm and an empty BIT STRING: central key generation. */
    m = message(PKIXCMP_BODY_CR, cert_req(SEQ(subject, empty_key), NULL));
    pkixcmp_scan_message(m->data, m->len, &scan);
    g_assert_true(scan.central_keygen);
    g_assert_false(scan.archive_options);

    /* krr asks for old keys, not new ones. */
    m = message(PKIXCMP_BODY_KRR, cert_req(SEQ(subject), NULL));
    pkixcmp_scan_message(m->data, m->len, &scan);
    g_assert_false(scan.central_keygen);

    /* Garbage and empty input. */
    pkixcmp_scan_message(NULL, 0, &scan);
    g_assert_false(scan.central_keygen);
    pkixcmp_scan_message((const guint8 *)"\x30\x84\xff\xff\xff\xff", 6, &scan);
    g_assert_false(scan.private_key);
}

static void
test_scan_responses(void)
{
    pkixcmp_scan_t scan;
    GByteArray *cert = SEQ(SEQ(RAW(0x02, 0x01, 0x05)));
    GByteArray *status = SEQ(RAW(0x02, 0x01, 0x00));
    GByteArray *with_key = SEQ(tlv(0xa0, cert, NULL), tlv(0xa0, SEQ(RAW(0x05, 0x00)), NULL));
    GByteArray *without_key = SEQ(tlv(0xa0, cert, NULL));
    GByteArray *m;

    m = message(PKIXCMP_BODY_IP, SEQ(SEQ(SEQ(RAW(0x02, 0x01, 0x00), status, without_key))));
    pkixcmp_scan_message(m->data, m->len, &scan);
    g_assert_false(scan.private_key);

    /* With caPubs first, and a privateKey. */
    m = message(PKIXCMP_BODY_CP, SEQ(tlv(0xa1, cert, NULL), SEQ(SEQ(RAW(0x02, 0x01, 0x00), status, with_key))));
    pkixcmp_scan_message(m->data, m->len, &scan);
    g_assert_true(scan.private_key);
    check_all_prefixes(m);

    /* krp keyPairHist. */
    m = message(PKIXCMP_BODY_KRP, SEQ(status, tlv(0xa2, with_key, NULL)));
    pkixcmp_scan_message(m->data, m->len, &scan);
    g_assert_true(scan.private_key);

    /* genp caCerts: two certificates, found where they are. */
    m = message(PKIXCMP_BODY_GENP, SEQ(SEQ(RAW(0x06, 0x01, 0x2a)), SEQ(OID_CA_CERTS, SEQ(cert, cert))));
    pkixcmp_scan_message(m->data, m->len, &scan);
    g_assert_cmpuint(scan.n_ca_certs, ==, 2);
    for (guint i = 0; i < 2; i++) {
        g_assert_cmpuint(scan.ca_cert_len[i], ==, cert->len);
        g_assert_cmpmem(m->data + scan.ca_cert_offset[i], scan.ca_cert_len[i], cert->data, cert->len);
    }
    check_all_prefixes(m);
}

static void
test_file_names(void)
{
    GByteArray *name, *tbs, *cert;
    char *file;

    /* CN "../Alice /.x": no leading dots, no slashes. */
    name = SEQ(tlv(0x31, SEQ(RAW(0x06, 0x03, 0x55, 0x04, 0x03), RAW(0x0c, 0x0c, '.', '.', '/', 'A', 'l', 'i', 'c', 'e', ' ', '/', '.', 'x')), NULL));
    tbs = SEQ(tlv(0xa0, RAW(0x02, 0x01, 0x02), NULL), RAW(0x02, 0x03, 0x00, 0xff, 0x01),
              SEQ(RAW(0x06, 0x01, 0x2a)), SEQ(RAW(0x31, 0x00)), SEQ(RAW(0x17, 0x00)), name);
    cert = SEQ(tbs, SEQ(RAW(0x06, 0x01, 0x2a)), RAW(0x03, 0x01, 0x00));
    file = pkixcmp_cert_file_name(cert->data, cert->len);
    g_assert_cmpstr(file, ==, "Alice_.x_FF01.der");
    g_free(file);

    /* No version field, subject without CN: the DN stands in. */
    name = SEQ(tlv(0x31, SEQ(RAW(0x06, 0x03, 0x55, 0x04, 0x0a), RAW(0x13, 0x03, 'O', 'r', 'g')), NULL));
    tbs = SEQ(RAW(0x02, 0x01, 0x07), SEQ(RAW(0x06, 0x01, 0x2a)), SEQ(RAW(0x31, 0x00)), SEQ(RAW(0x17, 0x00)), name);
    cert = SEQ(tbs);
    file = pkixcmp_cert_file_name(cert->data, cert->len);
    g_assert_cmpstr(file, ==, "O_Org_07.der");
    g_free(file);

    file = pkixcmp_cert_file_name((const guint8 *)"\x04\x00", 2);
    g_assert_cmpstr(file, ==, "certificate_noserial.der");
    g_free(file);

    /* The name part is at most 80 characters, also when a separator
     * falls on the 80th (found by fuzz-scan: 81 characters): CN of 79
     * 'a', a space, then 'b's.  And exactly 80 are kept. */
    for (guint letters = 79; letters <= 80; letters++) {
        GByteArray *cn = g_byte_array_new();
        guint8 head[2] = { 0x0c, 0x7f };
        char *letters_str = g_strnfill(letters, 'a');
        char *want = g_strdup_printf("%s_07.der", letters_str);

        g_byte_array_append(cn, head, 2);
        for (guint i = 0; i < 127; i++)
            g_byte_array_append(cn, (const guint8 *)(i < letters ? "a" : i == letters ? " " : "b"), 1);
        name = SEQ(tlv(0x31, SEQ(RAW(0x06, 0x03, 0x55, 0x04, 0x03), cn), NULL));
        tbs = SEQ(RAW(0x02, 0x01, 0x07), SEQ(RAW(0x06, 0x01, 0x2a)), SEQ(RAW(0x31, 0x00)), SEQ(RAW(0x17, 0x00)), name);
        cert = SEQ(tbs);
        file = pkixcmp_cert_file_name(cert->data, cert->len);
        g_assert_cmpstr(file, ==, want);
        g_free(letters_str);
        g_free(want);
        g_free(file);
    }
}

static void
test_names(void)
{
    g_assert_cmpstr(pkixcmp_status_name(2), ==, "rejection");
    g_assert_null(pkixcmp_status_name(7));
    g_assert_cmpstr(pkixcmp_fail_info_name(0), ==, "badAlg");
    g_assert_cmpstr(pkixcmp_fail_info_name(26), ==, "duplicateCertReq");
    g_assert_null(pkixcmp_fail_info_name(27));
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/rules/pairs", test_pairs);
    g_test_add_func("/rules/pbm", test_pbm);
    g_test_add_func("/rules/pbmac1", test_pbmac1);
    g_test_add_func("/rules/pbkdf2-prf", test_pbkdf2_prf);
    g_test_add_func("/rules/signature-weak-hash", test_signature_weak_hash);
    g_test_add_func("/rules/pss-weak-hash", test_pss_weak_hash);
    g_test_add_func("/rules/weak-mac-name", test_weak_mac_name);
    g_test_add_func("/rules/addresses", test_addresses);
    g_test_add_func("/rules/scan-requests", test_scan_requests);
    g_test_add_func("/rules/scan-responses", test_scan_responses);
    g_test_add_func("/rules/file-names", test_file_names);
    g_test_add_func("/rules/names", test_names);
    return g_test_run();
}
