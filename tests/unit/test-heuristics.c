/* Unit tests of heuristics.c: CMP found on any port, nothing else taken.
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <glib.h>
#include <string.h>
#include "heuristics.h"

#define MAX_PDU (16u * 1024 * 1024)

/* header { pvno 2, sender [4] {}, recipient [4] {} }, body pkiconf [19] NULL */
static const guint8 pkiconf[] = {
    0x30, 0x11,
      0x30, 0x0b, 0x02, 0x01, 0x02, 0xa4, 0x02, 0x30, 0x00, 0xa4, 0x02, 0x30, 0x00,
      0xb3, 0x02, 0x05, 0x00,
};

/* Builds length(4) [version 10, flags] type payload. */
static GByteArray *
frame(gboolean v10, guint8 type, const guint8 *payload, gsize len, gint delta)
{
    GByteArray *b = g_byte_array_new();
    guint32 length = (guint32)(len + (v10 ? 3 : 1) + delta);
    guint8 hdr[7] = { length >> 24, length >> 16, length >> 8, length, 0, 0, 0 };

    if (v10) {
        hdr[4] = 10;
        hdr[5] = 0;
        hdr[6] = type;
        g_byte_array_append(b, hdr, 7);
    } else {
        hdr[4] = type;
        g_byte_array_append(b, hdr, 5);
    }
    g_byte_array_append(b, payload, (guint)len);
    return b;
}

static void
test_framed(void)
{
    GByteArray *b;

    b = frame(FALSE, 0, pkiconf, sizeof pkiconf, 0);   /* v0 pkiMsg */
    g_assert_true(cmp_heur_framed_pkimessage(b->data, b->len, MAX_PDU));
    g_assert_true(cmp_heur_tcp(b->data, b->len, MAX_PDU));
    /* Only the first segment's bytes up to pvno are needed. */
    g_assert_true(cmp_heur_tcp(b->data, 5 + 7, MAX_PDU));
    g_assert_false(cmp_heur_tcp(b->data, 5 + 4, MAX_PDU));
    g_byte_array_free(b, TRUE);

    b = frame(FALSE, 5, pkiconf, sizeof pkiconf, 0);   /* v0 finalMsgRep */
    g_assert_true(cmp_heur_tcp(b->data, b->len, MAX_PDU));
    g_byte_array_free(b, TRUE);

    b = frame(TRUE, 0, pkiconf, sizeof pkiconf, 0);    /* v10 pkiReq */
    g_assert_true(cmp_heur_tcp(b->data, b->len, MAX_PDU));
    g_byte_array_free(b, TRUE);
    b = frame(TRUE, 5, pkiconf, sizeof pkiconf, 0);    /* v10 pkiRep */
    g_assert_true(cmp_heur_tcp(b->data, b->len, MAX_PDU));
    g_byte_array_free(b, TRUE);
}

static void
test_framed_negative(void)
{
    GByteArray *b;
    guint8 bad[sizeof pkiconf];
    static const guint8 poll_req[] = { 0, 0, 0, 5, 2, 0, 0, 0, 1 };
    static const guint8 v10_poll_req[] = { 0, 0, 0, 7, 10, 0, 2, 0, 0, 0, 1 };

    /* A length that the PKIMessage does not fill exactly. */
    b = frame(FALSE, 0, pkiconf, sizeof pkiconf, 1);
    g_assert_false(cmp_heur_tcp(b->data, b->len, MAX_PDU));
    g_byte_array_free(b, TRUE);
    b = frame(TRUE, 0, pkiconf, sizeof pkiconf, -1);
    g_assert_false(cmp_heur_tcp(b->data, b->len, MAX_PDU));
    g_byte_array_free(b, TRUE);

    /* pvno 4 and pvno 0. */
    memcpy(bad, pkiconf, sizeof bad);
    bad[6] = 4;
    b = frame(FALSE, 0, bad, sizeof bad, 0);
    g_assert_false(cmp_heur_tcp(b->data, b->len, MAX_PDU));
    g_byte_array_free(b, TRUE);
    bad[6] = 0;
    b = frame(TRUE, 0, bad, sizeof bad, 0);
    g_assert_false(cmp_heur_tcp(b->data, b->len, MAX_PDU));
    g_byte_array_free(b, TRUE);

    /* Types without a PKIMessage, and unknown types. */
    g_assert_false(cmp_heur_tcp(poll_req, sizeof poll_req, MAX_PDU));
    g_assert_false(cmp_heur_tcp(v10_poll_req, sizeof v10_poll_req, MAX_PDU));
    b = frame(FALSE, 7, pkiconf, sizeof pkiconf, 0);
    g_assert_false(cmp_heur_tcp(b->data, b->len, MAX_PDU));
    g_byte_array_free(b, TRUE);
    b = frame(TRUE, 4, pkiconf, sizeof pkiconf, 0);
    g_assert_false(cmp_heur_tcp(b->data, b->len, MAX_PDU));
    g_byte_array_free(b, TRUE);

    /* Reserved v10 flags. */
    b = frame(TRUE, 0, pkiconf, sizeof pkiconf, 0);
    b->data[5] = 0x80;
    g_assert_false(cmp_heur_tcp(b->data, b->len, MAX_PDU));
    g_byte_array_free(b, TRUE);

    /* RFC 3161 over TCP (section 3.3) frames a TimeStampResp as CMP frames
     * a PKIMessage: SEQUENCE { PKIStatusInfo { rejection (2), failInfo
     * badAlg } } starts like pvno 2, but holds no sender and recipient. */
    static const guint8 time_stamp_resp[] = {
        0x30, 0x09, 0x30, 0x07, 0x02, 0x01, 0x02, 0x03, 0x02, 0x07, 0x80,
    };
    b = frame(FALSE, 5, time_stamp_resp, sizeof time_stamp_resp, 0);
    g_assert_false(cmp_heur_tcp(b->data, b->len, MAX_PDU));
    g_byte_array_free(b, TRUE);

    /* Payload that is not a PKIMessage. */
    static const guint8 not_cmp[] = { 0x30, 0x03, 0x02, 0x01, 0x05 };
    b = frame(FALSE, 0, not_cmp, sizeof not_cmp, 0);
    g_assert_false(cmp_heur_tcp(b->data, b->len, MAX_PDU));
    g_byte_array_free(b, TRUE);
}

/* A header sent in a segment of its own, then the PKIMessage. */
static void
test_header_alone(void)
{
    GByteArray *b;
    static const guint8 poll_req[] = { 0, 0, 0, 5, 2 };

    b = frame(FALSE, 0, pkiconf, sizeof pkiconf, 0);   /* v0 pkiMsg */
    g_assert_true(cmp_heur_header_alone(b->data, 5, MAX_PDU));
    g_assert_false(cmp_heur_tcp(b->data, 5, MAX_PDU));
    g_assert_true(cmp_heur_after_header(b->data, 5, pkiconf, sizeof pkiconf, MAX_PDU));
    /* only the header, exactly */
    g_assert_false(cmp_heur_header_alone(b->data, 4, MAX_PDU));
    g_assert_false(cmp_heur_header_alone(b->data, 6, MAX_PDU));
    /* the PKIMessage may go on in later segments; its first bytes, up to
     * pvno, are needed... */
    g_assert_true(cmp_heur_after_header(b->data, 5, pkiconf, 7, MAX_PDU));
    g_assert_false(cmp_heur_after_header(b->data, 5, pkiconf, 4, MAX_PDU));
    g_assert_false(cmp_heur_header_alone(b->data, 5, 8));
    g_byte_array_free(b, TRUE);
    /* ... but must fill the length exactly */
    b = frame(FALSE, 0, pkiconf, sizeof pkiconf, 1);
    g_assert_true(cmp_heur_header_alone(b->data, 5, MAX_PDU));
    g_assert_false(cmp_heur_after_header(b->data, 5, pkiconf, sizeof pkiconf, MAX_PDU));
    g_byte_array_free(b, TRUE);

    b = frame(TRUE, 5, pkiconf, sizeof pkiconf, 0);    /* v10 pkiRep */
    g_assert_true(cmp_heur_header_alone(b->data, 7, MAX_PDU));
    g_assert_false(cmp_heur_header_alone(b->data, 5, MAX_PDU));
    g_assert_true(cmp_heur_after_header(b->data, 7, pkiconf, sizeof pkiconf, MAX_PDU));
    /* not after a v0 header of another length */
    g_assert_false(cmp_heur_after_header(b->data, 5, pkiconf, sizeof pkiconf, MAX_PDU));
    b->data[5] = 0x80;                                 /* reserved flags */
    g_assert_false(cmp_heur_header_alone(b->data, 7, MAX_PDU));
    g_byte_array_free(b, TRUE);

    /* types without a PKIMessage, and lengths too short for one */
    g_assert_false(cmp_heur_header_alone(poll_req, sizeof poll_req, MAX_PDU));
    b = frame(FALSE, 0, pkiconf, 1, 0);
    g_assert_false(cmp_heur_header_alone(b->data, 5, MAX_PDU));
    g_byte_array_free(b, TRUE);
    g_assert_false(cmp_heur_header_alone(NULL, 5, MAX_PDU));
    g_assert_false(cmp_heur_after_header(pkiconf, 5, NULL, 0, MAX_PDU));
}

/* Where a bare-DER stream's next PDU starts, a framing header instead. */
static void
test_header_instead_of_der(void)
{
    static const guint8 poll_req[] = { 0, 0, 0, 5, 2, 0, 0, 0, 1 };
    static const guint8 neg_poll_rep[] = { 0, 0, 0, 2, 3, 0 };
    static const guint8 rsa_tail[] = { 0x00, 0x01, 0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d };
    GByteArray *b;

    /* a whole frame, or its first bytes */
    b = frame(FALSE, 5, pkiconf, sizeof pkiconf, 0);   /* v0 finalMsgRep */
    g_assert_true(cmp_heur_header_instead_of_der(b->data, b->len, MAX_PDU));
    g_assert_true(cmp_heur_header_instead_of_der(b->data, 7, MAX_PDU));
    /* a lone header, exactly, when fewer than 7 octets are at hand */
    g_assert_true(cmp_heur_header_instead_of_der(b->data, 5, MAX_PDU));
    g_assert_false(cmp_heur_header_instead_of_der(b->data, 4, MAX_PDU));
    g_assert_false(cmp_heur_header_instead_of_der(b->data, 6, MAX_PDU));
    /* its length must fit the preference, unless its PKIMessage confirms
     * it (a PDU too large to reassemble), and its payload be a SEQUENCE */
    g_assert_true(cmp_heur_header_instead_of_der(b->data, b->len, 8));
    g_assert_false(cmp_heur_header_instead_of_der(b->data, 7, 8));
    b->data[5] = 0x31;
    g_assert_false(cmp_heur_header_instead_of_der(b->data, b->len, MAX_PDU));
    g_byte_array_free(b, TRUE);
    b = frame(TRUE, 0, pkiconf, sizeof pkiconf, 0);    /* v10 pkiReq */
    g_assert_true(cmp_heur_header_instead_of_der(b->data, b->len, MAX_PDU));
    g_assert_true(cmp_heur_header_instead_of_der(b->data, 7, MAX_PDU));
    b->data[5] = 0x02;                                 /* reserved flag */
    g_assert_false(cmp_heur_header_instead_of_der(b->data, b->len, MAX_PDU));
    g_byte_array_free(b, TRUE);
    /* a fixed-size frame of its size, not of another */
    g_assert_true(cmp_heur_header_instead_of_der(poll_req, sizeof poll_req, MAX_PDU));
    {
        guint8 bad[sizeof poll_req];
        memcpy(bad, poll_req, sizeof bad);
        bad[3] = 6;
        g_assert_false(cmp_heur_header_instead_of_der(bad, sizeof bad, MAX_PDU));
    }
    /* a v0 negPollRep (six octets) whole, not cut short or with a length
     * that does not fit */
    g_assert_true(cmp_heur_header_instead_of_der(neg_poll_rep, sizeof neg_poll_rep, MAX_PDU));
    g_assert_false(cmp_heur_header_instead_of_der(neg_poll_rep, sizeof neg_poll_rep - 1, MAX_PDU));
    {
        guint8 bad[sizeof neg_poll_rep];
        memcpy(bad, neg_poll_rep, sizeof bad);
        bad[3] = 1;
        g_assert_false(cmp_heur_header_instead_of_der(bad, sizeof bad, MAX_PDU));
    }
    /* no errorMsgRep: its variable length lets the end of an RSA exponent
     * and the SEQUENCE after it (00 01 30 0d ...) pass for one */
    g_assert_false(cmp_heur_header_instead_of_der(rsa_tail, sizeof rsa_tail, MAX_PDU));
    /* a PKIMessage is no header, nor are nothing and no bytes */
    g_assert_false(cmp_heur_header_instead_of_der(pkiconf, sizeof pkiconf, MAX_PDU));
    g_assert_false(cmp_heur_header_instead_of_der(pkiconf, 0, MAX_PDU));
    g_assert_false(cmp_heur_header_instead_of_der(NULL, 9, MAX_PDU));
}

/* A pollReq alone: its polling reference, when it is exactly one. */
static void
test_poll_req_ref(void)
{
    static const guint8 v0[] = { 0, 0, 0, 5, 2, 0xde, 0xad, 0xbe, 0xef };
    static const guint8 v10[] = { 0, 0, 0, 7, 10, 0, 2, 0xde, 0xad, 0xbe, 0xef };
    static const guint8 v10_close[] = { 0, 0, 0, 7, 10, 1, 2, 0xde, 0xad, 0xbe, 0xef };
    guint8 bad[sizeof v10];

    g_assert_true(cmp_heur_poll_req_ref(v0, sizeof v0) == v0 + 5);
    g_assert_true(cmp_heur_poll_req_ref(v10, sizeof v10) == v10 + 7);
    g_assert_true(cmp_heur_poll_req_ref(v10_close, sizeof v10_close) == v10_close + 7);
    /* cut short, or followed by more */
    g_assert_null(cmp_heur_poll_req_ref(v0, sizeof v0 - 1));
    g_assert_null(cmp_heur_poll_req_ref(v10, sizeof v10 - 1));
    memcpy(bad, v0, sizeof v0);
    bad[sizeof v0] = 0;
    g_assert_null(cmp_heur_poll_req_ref(bad, sizeof v0 + 1));
    /* another type, a wrong length, reserved flags */
    memcpy(bad, v0, sizeof v0);
    bad[4] = 1;
    g_assert_null(cmp_heur_poll_req_ref(bad, sizeof v0));
    bad[4] = 2;
    bad[3] = 6;
    g_assert_null(cmp_heur_poll_req_ref(bad, sizeof v0));
    memcpy(bad, v10, sizeof v10);
    bad[6] = 1;
    g_assert_null(cmp_heur_poll_req_ref(bad, sizeof v10));
    bad[6] = 2;
    bad[5] = 0x80;
    g_assert_null(cmp_heur_poll_req_ref(bad, sizeof v10));
    bad[5] = 0;
    bad[4] = 11;
    g_assert_null(cmp_heur_poll_req_ref(bad, sizeof v10));
    g_assert_null(cmp_heur_poll_req_ref(NULL, 9));
}

static void
test_bare(void)
{
    g_assert_true(cmp_heur_bare_pkimessage(pkiconf, sizeof pkiconf, MAX_PDU));
    g_assert_true(cmp_heur_tcp(pkiconf, sizeof pkiconf, MAX_PDU));
    /* The header and the body's tag must be present. */
    g_assert_false(cmp_heur_tcp(pkiconf, 10, MAX_PDU));
    g_assert_true(cmp_heur_tcp(pkiconf, 17, MAX_PDU));
    /* Too big for the limit. */
    g_assert_false(cmp_heur_tcp(pkiconf, sizeof pkiconf, 8));
}

static void
test_bare_negative(void)
{
    guint8 bad[sizeof pkiconf];

    memcpy(bad, pkiconf, sizeof bad);
    bad[15] = 0xbb;             /* body tag 27 */
    g_assert_false(cmp_heur_tcp(bad, sizeof bad, MAX_PDU));
    memcpy(bad, pkiconf, sizeof bad);
    bad[7] = 0x30;              /* sender is no GeneralName */
    g_assert_false(cmp_heur_tcp(bad, sizeof bad, MAX_PDU));
    memcpy(bad, pkiconf, sizeof bad);
    bad[16] = 0x7f;             /* body longer than the message */
    g_assert_false(cmp_heur_tcp(bad, sizeof bad, MAX_PDU));
    memcpy(bad, pkiconf, sizeof bad);
    bad[6] = 9;                 /* pvno 9 */
    g_assert_false(cmp_heur_tcp(bad, sizeof bad, MAX_PDU));
}

/* Ordinary traffic is never taken. */
static void
test_ordinary_traffic(void)
{
    static const char http[] = "POST /cmp HTTP/1.1\r\nHost: x\r\nContent-Length: 19\r\n\r\n";
    static const char http_rsp[] = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
    static const guint8 tls_hello[] = {
        0x16, 0x03, 0x01, 0x00, 0x2f, 0x01, 0x00, 0x00, 0x2b, 0x03, 0x03, 0x00, 0x01, 0x02,
    };
    static const guint8 tls_data[] = { 0x17, 0x03, 0x03, 0x00, 0x20, 0xde, 0xad, 0xbe, 0xef };
    static const guint8 zeros[64] = { 0 };
    guint8 random[1024];
    GRand *rng = g_rand_new_with_seed(2510);
    int hits = 0;

    g_assert_false(cmp_heur_tcp((const guint8 *)http, strlen(http), MAX_PDU));
    g_assert_false(cmp_heur_tcp((const guint8 *)http_rsp, strlen(http_rsp), MAX_PDU));
    g_assert_false(cmp_heur_tcp(tls_hello, sizeof tls_hello, MAX_PDU));
    g_assert_false(cmp_heur_tcp(tls_data, sizeof tls_data, MAX_PDU));
    g_assert_false(cmp_heur_tcp(zeros, sizeof zeros, MAX_PDU));
    g_assert_false(cmp_heur_tcp(NULL, 0, MAX_PDU));

    /* Random segments, and random ones that start like a frame or a
     * SEQUENCE: none may pass. */
    for (int round = 0; round < 200000; round++) {
        gsize len = 8 + g_rand_int_range(rng, 0, sizeof random - 8);
        for (gsize i = 0; i < len; i++)
            random[i] = (guint8)g_rand_int(rng);
        switch (round % 4) {
        case 1: random[0] = 0; random[1] = 0; break;
        case 2: random[0] = 0x30; break;
        case 3: random[0] = 0; random[1] = 0; random[4] = 10; random[5] = 0; random[6] = 0; random[7] = 0x30; break;
        default: break;
        }
        hits += cmp_heur_tcp(random, len, MAX_PDU);
        hits += cmp_heur_http_body(random, len) != CMP_HTTP_BODY_NONE;
    }
    g_assert_cmpint(hits, ==, 0);
    g_rand_free(rng);
}

static void
test_http_body(void)
{
    GByteArray *b, *two;
    static const guint8 neg_poll_rep[] = { 0, 0, 0, 2, 3, 0 };

    g_assert_cmpint(cmp_heur_http_body(pkiconf, sizeof pkiconf), ==, CMP_HTTP_BODY_PKIMESSAGE);
    /* A body must be exactly the PKIMessage. */
    g_assert_cmpint(cmp_heur_http_body(pkiconf, sizeof pkiconf - 1), ==, CMP_HTTP_BODY_NONE);
    guint8 longer[sizeof pkiconf + 1];
    memcpy(longer, pkiconf, sizeof pkiconf);
    longer[sizeof pkiconf] = 0;
    g_assert_cmpint(cmp_heur_http_body(longer, sizeof longer), ==, CMP_HTTP_BODY_NONE);

    b = frame(TRUE, 0, pkiconf, sizeof pkiconf, 0);
    g_assert_cmpint(cmp_heur_http_body(b->data, b->len), ==, CMP_HTTP_BODY_FRAMED);
    g_assert_cmpint(cmp_heur_http_body(b->data, b->len - 1), ==, CMP_HTTP_BODY_NONE);
    g_byte_array_free(b, TRUE);

    two = frame(FALSE, 5, pkiconf, sizeof pkiconf, 0);
    g_byte_array_append(two, neg_poll_rep, sizeof neg_poll_rep);
    g_assert_cmpint(cmp_heur_http_body(two->data, two->len), ==, CMP_HTTP_BODY_FRAMED);
    g_byte_array_append(two, neg_poll_rep, 3);     /* a stray partial frame */
    g_assert_cmpint(cmp_heur_http_body(two->data, two->len), ==, CMP_HTTP_BODY_NONE);
    g_byte_array_free(two, TRUE);

    g_assert_cmpint(cmp_heur_http_body((const guint8 *)"<html></html>", 13), ==, CMP_HTTP_BODY_NONE);
    g_assert_cmpint(cmp_heur_http_body((const guint8 *)"{}", 2), ==, CMP_HTTP_BODY_NONE);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/heuristics/framed", test_framed);
    g_test_add_func("/heuristics/framed-negative", test_framed_negative);
    g_test_add_func("/heuristics/header-alone", test_header_alone);
    g_test_add_func("/heuristics/header-instead-of-der", test_header_instead_of_der);
    g_test_add_func("/heuristics/poll-req-ref", test_poll_req_ref);
    g_test_add_func("/heuristics/bare", test_bare);
    g_test_add_func("/heuristics/bare-negative", test_bare_negative);
    g_test_add_func("/heuristics/ordinary-traffic", test_ordinary_traffic);
    g_test_add_func("/heuristics/http-body", test_http_body);
    return g_test_run();
}
