/* Unit tests of framing.c: classification, plausibility, resynchronisation.
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <string.h>
#include <glib.h>
#include "framing.h"

#define MAX_PDU (16u * 1024 * 1024)

/* The PKIMessage of test-der.c (pkiconf), 19 bytes. */
static const guint8 msg[] = {
    0x30, 0x11,
      0x30, 0x0b, 0x02, 0x01, 0x02, 0xa4, 0x02, 0x30, 0x00, 0xa4, 0x02, 0x30, 0x00,
      0xb3, 0x02, 0x05, 0x00,
};

static gsize
v0_frame(guint8 *out, guint8 type, const guint8 *value, gsize len)
{
    guint32 l = (guint32)len + 1;
    out[0] = l >> 24; out[1] = l >> 16; out[2] = l >> 8; out[3] = l;
    out[4] = type;
    memcpy(out + 5, value, len);
    return len + 5;
}

static gsize
v10_frame(guint8 *out, guint8 flags, guint8 type, const guint8 *value, gsize len)
{
    guint32 l = (guint32)len + 3;
    out[0] = l >> 24; out[1] = l >> 16; out[2] = l >> 8; out[3] = l;
    out[4] = 10; out[5] = flags; out[6] = type;
    memcpy(out + 7, value, len);
    return len + 7;
}

static void
test_classify(void)
{
    guint8 buf[64];
    gsize n;

    n = v0_frame(buf, CMP_V0_PKI_MSG, msg, sizeof msg);
    g_assert_cmpint(entrust_classify(buf, n), ==, ENTRUST_SESSION_CMP_V0);
    n = v10_frame(buf, 0, CMP_V10_PKI_REQ, msg, sizeof msg);
    g_assert_cmpint(entrust_classify(buf, n), ==, ENTRUST_SESSION_CMP_V10);
    g_assert_cmpint(entrust_classify(msg, sizeof msg), ==, ENTRUST_SESSION_CMP_DER);
    /* A lone zero byte: a length field has begun. */
    g_assert_cmpint(entrust_classify(buf, 1), ==, ENTRUST_SESSION_CMP_V0);

    static const guint8 tls[] = { 0x16, 0x03, 0x01, 0x00, 0x50, 0x01 };
    g_assert_cmpint(entrust_classify(tls, sizeof tls), ==, ENTRUST_SESSION_TLS);
    /* A session captured after its handshake: application data, an alert,
     * change_cipher_spec; not a record type TLS does not have. */
    static const guint8 tls_data[] = { 0x17, 0x03, 0x03, 0x00, 0x20, 0xaa };
    g_assert_cmpint(entrust_classify(tls_data, sizeof tls_data), ==, ENTRUST_SESSION_TLS);
    static const guint8 tls_alert[] = { 0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28 };
    g_assert_cmpint(entrust_classify(tls_alert, sizeof tls_alert), ==, ENTRUST_SESSION_TLS);
    static const guint8 tls_ccs[] = { 0x14, 0x03, 0x01, 0x00, 0x01, 0x01 };
    g_assert_cmpint(entrust_classify(tls_ccs, sizeof tls_ccs), ==, ENTRUST_SESSION_TLS);
    static const guint8 not_tls[] = { 0x18, 0x03, 0x03, 0x00, 0x20, 0xaa };
    g_assert_cmpint(entrust_classify(not_tls, sizeof not_tls), !=, ENTRUST_SESSION_TLS);
    /* An SSLv2-compatible ClientHello offering TLS 1.0: record length 46 =
     * 9 + 21 octets of cipher specs + no session id + a 16-octet challenge. */
    static const guint8 sslv2[] = { 0x80, 0x2e, 0x01, 0x03, 0x01, 0x00, 0x15, 0x00, 0x00, 0x00, 0x10,
                                    0x00, 0x00, 0x04 };
    g_assert_cmpint(entrust_classify(sslv2, sizeof sslv2), ==, ENTRUST_SESSION_TLS);
    /* ... whose lengths must add up. */
    static const guint8 sslv2_bad[] = { 0x80, 0x2f, 0x01, 0x03, 0x01, 0x00, 0x15, 0x00, 0x00, 0x00, 0x10,
                                        0x00, 0x00, 0x04 };
    g_assert_cmpint(entrust_classify(sslv2_bad, sizeof sslv2_bad), !=, ENTRUST_SESSION_TLS);
    static const guint8 ber[] = { 0x31, 0x05, 0x02, 0x01, 0x05, 0x05, 0x00 };
    g_assert_cmpint(entrust_classify(ber, sizeof ber), ==, ENTRUST_SESSION_OTHER_BER);
    static const guint8 text[] = "HELLO WORLD";
    g_assert_cmpint(entrust_classify(text, sizeof text - 1), ==, ENTRUST_SESSION_UNKNOWN);
    /* A faulty first frame still shows the framing; its faults are the
     * PDU's to report. */
    static const guint8 bad_type[] = { 0, 0, 0, 5, 9, 0, 0, 0, 0 };
    g_assert_cmpint(entrust_classify(bad_type, sizeof bad_type), ==, ENTRUST_SESSION_CMP_V0);
    g_assert_cmpint(entrust_classify(text, 0), ==, ENTRUST_SESSION_NONE);
    /* A first PDU of 16 MiB or more (the length's first byte is not zero)
     * is still the framing, so that its length can be judged. */
    static const guint8 long_v0[] = { 0x01, 0x00, 0x00, 0x01, 0x00, 0x30, 0x81, 0xaa };
    g_assert_cmpint(entrust_classify(long_v0, sizeof long_v0), ==, ENTRUST_SESSION_CMP_V0);
    static const guint8 long_v10[] = { 0x01, 0x00, 0x00, 0x04, 0x0a, 0x00, 0x00, 0x30, 0x81 };
    g_assert_cmpint(entrust_classify(long_v10, sizeof long_v10), ==, ENTRUST_SESSION_CMP_V10);
    /* ... but only for a type that carries a PKIMessage, which follows. */
    static const guint8 long_poll[] = { 0x01, 0x00, 0x00, 0x01, 0x02, 0x30, 0x81, 0xaa };
    g_assert_cmpint(entrust_classify(long_poll, sizeof long_poll), ==, ENTRUST_SESSION_UNKNOWN);
}

static void
test_fixed_lengths(void)
{
    g_assert_cmpuint(cmp_v0_fixed_length(CMP_V0_POLL_REQ), ==, 5);
    g_assert_cmpuint(cmp_v0_fixed_length(CMP_V0_POLL_REP), ==, 9);
    g_assert_cmpuint(cmp_v0_fixed_length(CMP_V0_NEG_POLL_REP), ==, 2);
    g_assert_cmpuint(cmp_v0_fixed_length(CMP_V0_PKI_MSG), ==, 0);
    g_assert_cmpuint(cmp_v10_fixed_length(CMP_V10_POLL_REQ), ==, 7);
    g_assert_cmpuint(cmp_v10_fixed_length(CMP_V10_POLL_REP), ==, 11);
    g_assert_cmpuint(cmp_v10_fixed_length(CMP_V10_FIN_REP), ==, 4);
    g_assert_false(cmp_v10_type_is_known(4));
    g_assert_false(cmp_v10_type_is_known(7));
    g_assert_true(cmp_v0_type_is_known(6));
    g_assert_false(cmp_v0_type_is_known(7));
    guint at = 99;
    g_assert_true(cmp_v0_type_has_pkimessage(CMP_V0_PARTIAL_MSG_REP, &at));
    g_assert_cmpuint(at, ==, 8);
    g_assert_false(cmp_v0_type_has_pkimessage(CMP_V0_POLL_REP, NULL));
}

static void
test_length_fits_type(void)
{
    static const guint8 v0_poll_req[] = { 0, 0, 0, 5, CMP_V0_POLL_REQ, 0, 0, 0, 1 };
    static const guint8 v0_poll_req_short[] = { 0, 0, 0, 1, CMP_V0_POLL_REQ, 0, 0, 0, 1 };
    static const guint8 v0_zero[] = { 0, 0, 0, 0, CMP_V0_PKI_MSG };
    static const guint8 v0_pki_msg[] = { 0, 0, 0x01, 0x00, CMP_V0_PKI_MSG, 0x30 };
    static const guint8 v10_poll_req[] = { 0, 0, 0, 7, CMP_TCP_V10_VERSION, 0, CMP_V10_POLL_REQ, 0, 0, 0, 1 };
    static const guint8 v10_poll_req_long[] = { 0, 0, 0, 8, CMP_TCP_V10_VERSION, 0, CMP_V10_POLL_REQ, 0, 0, 0, 1 };
    static const guint8 v10_two[] = { 0, 0, 0, 2, CMP_TCP_V10_VERSION, 0, CMP_V10_PKI_REQ };

    g_assert_true(cmp_tcp_length_fits_type(v0_poll_req, sizeof v0_poll_req));
    g_assert_false(cmp_tcp_length_fits_type(v0_poll_req_short, sizeof v0_poll_req_short));
    /* Below the minimum: an empty PDU, which ends where its length says. */
    g_assert_true(cmp_tcp_length_fits_type(v0_zero, sizeof v0_zero));
    g_assert_true(cmp_tcp_length_fits_type(v0_pki_msg, sizeof v0_pki_msg));
    g_assert_true(cmp_tcp_length_fits_type(v10_poll_req, sizeof v10_poll_req));
    g_assert_false(cmp_tcp_length_fits_type(v10_poll_req_long, sizeof v10_poll_req_long));
    g_assert_true(cmp_tcp_length_fits_type(v10_two, sizeof v10_two));
    /* Too few bytes to see the type: nothing to say against the length. */
    g_assert_true(cmp_tcp_length_fits_type(v0_poll_req_short, 4));
    g_assert_true(cmp_tcp_length_fits_type(v10_poll_req_long, 6));
}

static void
test_plausible_and_resync(void)
{
    guint8 buf[128];
    gsize n = 0;
    static const guint8 poll_ref[] = { 0, 0, 0, 5 };

    g_assert_cmpuint(v0_frame(buf, CMP_V0_POLL_REQ, poll_ref, 4), ==, 9);
    g_assert_true(cmp_tcp_header_plausible(buf, 9, MAX_PDU));
    /* pollReq with the wrong length */
    buf[3] = 6;
    g_assert_false(cmp_tcp_header_plausible(buf, 9, MAX_PDU));
    /* Above the maximum */
    g_assert_false(cmp_tcp_header_plausible((const guint8 *)"\xff\xff\xff\xff\x00\x30\x00", 7, MAX_PDU));
    /* Above a maximum of 8, but the PKIMessage confirms the length: a PDU
     * too large to reassemble.  Not when its body is not at hand, nor for
     * a type without a PKIMessage. */
    n = v0_frame(buf, CMP_V0_PKI_MSG, msg, sizeof msg);
    g_assert_true(cmp_tcp_header_plausible(buf, n, 8));
    g_assert_false(cmp_tcp_header_plausible(buf, 5 + 16, 8));
    g_assert_true(cmp_tcp_header_plausible(buf, 5 + 17, 8));
    n = v0_frame(buf, CMP_V0_ERROR_MSG_REP, (const guint8 *)"bad length", 10);
    g_assert_true(cmp_tcp_header_plausible(buf, n, 16));
    g_assert_false(cmp_tcp_header_plausible(buf, n, 8));
    /* An errorMsgRep is a zero octet and a 6 four octets on, which binary
     * data holds every 64 KiB: taken only when its value reads as one.
     * Not ten 0x00 octets (this once took them: a capture that began
     * inside a PDU lost the PDUs after "00 01 30 0d 06", an RSA exponent
     * and an AlgorithmIdentifier, to a 77 KB errorMsgRep). */
    n = v0_frame(buf, CMP_V0_ERROR_MSG_REP, (const guint8 *)"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00", 10);
    g_assert_false(cmp_tcp_header_plausible(buf, n, 16));
    n = v0_frame(buf, CMP_V0_ERROR_MSG_REP, (const guint8 *)"retry\r\nlater\t\xc3\xa4", 14);
    g_assert_true(cmp_tcp_header_plausible(buf, n, MAX_PDU));
    /* Cut by the segment's end, with fewer than CMP_ERROR_TEXT_EVIDENCE
     * octets of text at hand: not yet */
    g_assert_false(cmp_tcp_header_plausible(buf, n - 1, MAX_PDU));
    /* A C string's final NUL, and ESC (colours), are text too; so is a
     * text split across segments once 16 octets of it are at hand (found
     * by a review: such errorMsgReps were lost at a capture's start) */
    n = v0_frame(buf, CMP_V0_ERROR_MSG_REP, (const guint8 *)"Request rejected\x00", 17);
    g_assert_true(cmp_tcp_header_plausible(buf, n, MAX_PDU));
    n = v0_frame(buf, CMP_V0_ERROR_MSG_REP, (const guint8 *)"\x1b[31mdenied\x1b[0m", 15);
    g_assert_true(cmp_tcp_header_plausible(buf, n, MAX_PDU));
    n = v0_frame(buf, CMP_V0_ERROR_MSG_REP, (const guint8 *)"Service unavailable, retry later", 32);
    g_assert_true(cmp_tcp_header_plausible(buf, CMP_TCP_V0_HEADER_LEN + CMP_ERROR_TEXT_EVIDENCE, MAX_PDU));
    g_assert_false(cmp_tcp_header_plausible(buf, CMP_TCP_V0_HEADER_LEN + CMP_ERROR_TEXT_EVIDENCE - 1, MAX_PDU));
    n = v0_frame(buf, CMP_V0_ERROR_MSG_REP, (const guint8 *)"Service unavailable\x00retry later", 32);
    g_assert_false(cmp_tcp_header_plausible(buf, n, MAX_PDU));
    g_assert_false(cmp_tcp_header_plausible((const guint8 *)"\x00\x01\x30\x0d\x06\x09\x2a\x86\x48", 9, MAX_PDU));
    /* version 10: an error code of class 1-3, whole */
    n = v10_frame(buf, 0, CMP_V10_ERROR_MSG_REP, (const guint8 *)"\x01\x00no", 4);
    g_assert_true(cmp_tcp_header_plausible(buf, n, MAX_PDU));
    g_assert_false(cmp_tcp_header_plausible(buf, n - 1, MAX_PDU));
    buf[7] = 4;
    g_assert_false(cmp_tcp_header_plausible(buf, n, MAX_PDU));
    buf[7] = 0;
    g_assert_false(cmp_tcp_header_plausible(buf, n, MAX_PDU));
    n = v10_frame(buf, 0, CMP_V10_ERROR_MSG_REP, (const guint8 *)"\x03", 1);
    g_assert_false(cmp_tcp_header_plausible(buf, n, MAX_PDU));
    /* a pollRep of its fixed size is what it says, even above a maximum
     * of 0 */
    n = v0_frame(buf, CMP_V0_POLL_REP, (const guint8 *)"\x00\x00\x00\x05\x00\x00\x00\x3c", 8);
    g_assert_true(cmp_tcp_header_plausible(buf, n, 0));
    n = v10_frame(buf, 0, CMP_V10_POLL_REQ, (const guint8 *)"\x00\x00\x00\x05", 4);
    g_assert_true(cmp_tcp_header_plausible(buf, n, 0));
    /* v10 with reserved flags is not a plausible resynchronisation point */
    n = v10_frame(buf, 0x80, CMP_V10_PKI_REQ, msg, sizeof msg);
    g_assert_false(cmp_tcp_header_plausible(buf, n, MAX_PDU));
    n = v10_frame(buf, 0x01, CMP_V10_PKI_REQ, msg, sizeof msg);
    g_assert_true(cmp_tcp_header_plausible(buf, n, MAX_PDU));
    /* A pkiMsg whose payload is not a PKIMessage */
    n = v0_frame(buf, CMP_V0_PKI_MSG, (const guint8 *)"garbage-garbage", 15);
    g_assert_false(cmp_tcp_header_plausible(buf, n, MAX_PDU));
    /* A PKIMessage that does not fill its frame is no resynchronisation
     * point (a length field that merely happens to look fine). */
    n = v0_frame(buf, CMP_V0_PKI_MSG, msg, sizeof msg);
    buf[3] += 1;
    g_assert_false(cmp_tcp_header_plausible(buf, n, MAX_PDU));

    /* junk, then a frame: found at the frame */
    memset(buf, 0xee, 11);
    n = 11 + v0_frame(buf + 11, CMP_V0_PKI_MSG, msg, sizeof msg);
    g_assert_cmpuint(cmp_tcp_find_header(buf, n, 0, MAX_PDU), ==, 11);
    g_assert_cmpuint(cmp_tcp_find_header(buf, n, 12, MAX_PDU), ==, n);
    g_assert_cmpuint(cmp_der_find_pkimessage(buf, n, 0), ==, 16);
    /* an errorMsgRep header whose frame runs past the bytes at hand is
     * skipped; the pollReq after it is found */
    memcpy(buf, "\x00\x01\x30\x0d\x06\x09\x2a", 7);
    n = 7 + v0_frame(buf + 7, CMP_V0_POLL_REQ, poll_ref, 4);
    g_assert_cmpuint(cmp_tcp_find_header(buf, n, 0, MAX_PDU), ==, 7);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/framing/classify", test_classify);
    g_test_add_func("/framing/fixed-lengths", test_fixed_lengths);
    g_test_add_func("/framing/length-fits-type", test_length_fits_type);
    g_test_add_func("/framing/plausible-and-resync", test_plausible_and_resync);
    return g_test_run();
}
