/* fuzz-framing.c - libFuzzer harness for framing.c
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Framing detection, plausibility and resynchronisation on arbitrary bytes:
 * entrust_classify, cmp_tcp_header_plausible, cmp_tcp_length_fits_type,
 * cmp_tcp_find_header, cmp_der_find_pkimessage.  Besides the sanitizers' memory checks, the
 * harness asserts what framing.h promises, so that a wrong answer (not just
 * a crash) is a finding.
 *
 * The first byte picks the max-PDU preference: the default (16 MiB), the
 * boundaries around it and the extremes a user could type.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "framing.h"
#include "der.h"

#define CHECK(cond) do { if (!(cond)) { \
    fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); abort(); } } while (0)

static const guint32 max_pdus[] = {
    16u * 1024 * 1024, 16u * 1024 * 1024 - 1, 16u * 1024 * 1024 + 1,
    0, 1, 3, 4999, 0x00ffffff, 0x01000000, 0x7fffffff, 0xffffffff,
    65535, 5000, 2, 7, 16u * 1024 * 1024,
};

static guint32
be32(const guint8 *p)
{
    return ((guint32)p[0] << 24) | ((guint32)p[1] << 16) | ((guint32)p[2] << 8) | p[3];
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    guint32 max_pdu;
    const guint8 *buf;
    gsize len;

    if (size < 1)
        return 0;
    max_pdu = max_pdus[data[0] % G_N_ELEMENTS(max_pdus)];
    buf = data + 1;
    len = size - 1;

    /* Classification: a value of the enum, deterministic, and the same
     * whatever follows the first 64 bytes the dissector passes. */
    {
        entrust_session_kind k = entrust_classify(buf, len);
        CHECK(k >= ENTRUST_SESSION_NONE && k <= ENTRUST_SESSION_UNKNOWN);
        CHECK(k == entrust_classify(buf, len));
        CHECK((len == 0) == (k == ENTRUST_SESSION_NONE));
        entrust_delimiting d = entrust_session_delimiting(k);
        CHECK(d == ENTRUST_DELIMIT_LENGTH_PREFIX || d == ENTRUST_DELIMIT_DER || d == ENTRUST_DELIMIT_NONE);
        /* every prefix classifies too (the dissector sees partial segments) */
        for (gsize n = 0; n <= len && n <= 64; n++)
            (void)entrust_classify(buf, n);
    }

    /* Plausibility: never TRUE for a header whose length breaks the rules. */
    if (cmp_tcp_header_plausible(buf, len, max_pdu)) {
        guint32 length;
        CHECK(len >= CMP_TCP_V10_HEADER_LEN);
        length = be32(buf);
        if (length > max_pdu) {
            /* Above the maximum: a fixed-size message of its size, or a
             * PDU whose PKIMessage confirms the length.  Then it is
             * plausible under any larger maximum too. */
            gsize at = cmp_frame_message_offset(buf);
            guint32 fixed = buf[4] == CMP_TCP_V10_VERSION ? cmp_v10_fixed_length(buf[6]) : cmp_v0_fixed_length(buf[4]);
            CHECK(length <= G_MAXUINT32 - CMP_TCP_LENGTH_LEN);
            CHECK(fixed == length || (at != 0 && at < len && der_pkimessage_confirm(buf + at, len - at) == DER_OK));
            CHECK(cmp_tcp_header_plausible(buf, len, G_MAXUINT32));
        }
        if (buf[4] == CMP_TCP_V10_VERSION) {
            guint32 fixed = cmp_v10_fixed_length(buf[6]);
            CHECK(length >= CMP_TCP_V10_MIN_LENGTH);
            CHECK(cmp_v10_type_is_known(buf[6]));
            CHECK((buf[5] & CMP_TCP_V10_FLAGS_RESERVED) == 0);
            CHECK(!fixed || fixed == length);
        } else {
            guint32 fixed = cmp_v0_fixed_length(buf[4]);
            CHECK(length >= CMP_TCP_V0_MIN_LENGTH);
            CHECK(cmp_v0_type_is_known(buf[4]));
            CHECK(!fixed || fixed == length);
        }
        /* An errorMsgRep (no PKIMessage, no fixed size): a version-10 one
         * is whole in the bytes at hand, with an error class of 1-3; an
         * RFC 2510 one holds text (but a final NUL), whole or
         * CMP_ERROR_TEXT_EVIDENCE octets of it. */
        if (cmp_frame_message_offset(buf) == 0
                && (buf[4] == CMP_TCP_V10_VERSION ? cmp_v10_fixed_length(buf[6]) : cmp_v0_fixed_length(buf[4])) == 0) {
            gsize end = (gsize)length + CMP_TCP_LENGTH_LEN;
            if (buf[4] == CMP_TCP_V10_VERSION) {
                CHECK(end <= len);
                CHECK(length >= CMP_TCP_V10_MIN_LENGTH + 2 && buf[7] >= 1 && buf[7] <= 3);
            } else {
                CHECK(end <= len || len >= CMP_TCP_V0_HEADER_LEN + CMP_ERROR_TEXT_EVIDENCE);
                for (gsize i = CMP_TCP_V0_HEADER_LEN; i < MIN(end, len); i++)
                    CHECK((buf[i] >= 0x20 && buf[i] != 0x7f) || buf[i] == '\t' || buf[i] == '\r' || buf[i] == '\n'
                          || buf[i] == 0x1b || (buf[i] == 0 && i == end - 1));
            }
        }
        /* A plausible header's length fits its type, at every length of
         * the bytes at hand the dissector may pass. */
        CHECK(cmp_tcp_length_fits_type(buf, len));
        CHECK(cmp_tcp_length_fits_type(buf, CMP_TCP_V10_HEADER_LEN));
    }
    /* The length check reads no further than it is given. */
    for (gsize n = 0; n <= len && n <= CMP_TCP_V10_HEADER_LEN; n++)
        (void)cmp_tcp_length_fits_type(buf, n);

    /* Resynchronisation: the offset returned is in range and plausible,
     * and no earlier offset is (for a cheap sample of `from` values). */
    {
        gsize from = len ? data[0] % (len + 1) : 0;
        gsize at = cmp_tcp_find_header(buf, len, from, max_pdu);
        CHECK(at == len || (at >= from && at < len));
        if (at < len)
            CHECK(cmp_tcp_header_plausible(buf + at, len - at, max_pdu));
        at = cmp_tcp_find_header(buf, len, 0, max_pdu);
        CHECK(at <= len);
        if (at < len && max_pdu == 16u * 1024 * 1024) {
            for (gsize p = 0; p < at; p++)
                CHECK(!cmp_tcp_header_plausible(buf + p, len - p, max_pdu));
        }
        /* from beyond the end is allowed and finds nothing */
        CHECK(cmp_tcp_find_header(buf, len, len, max_pdu) == len);
        CHECK(cmp_tcp_find_header(buf, len, len + 5, max_pdu) == len);
    }

    /* Bare DER resynchronisation. */
    {
        gsize at = cmp_der_find_pkimessage(buf, len, 0);
        CHECK(at <= len);
        if (at < len) {
            der_pkimessage_peek peek;
            CHECK(buf[at] == 0x30);
            CHECK(der_looks_like_pkimessage(buf + at, len - at, &peek));
            CHECK(peek.pvno >= 1 && peek.pvno <= 3);
        }
        CHECK(cmp_der_find_pkimessage(buf, len, len) == len);
    }

    /* The small table lookups: every byte value. */
    {
        guint off = 99;
        guint8 t = len ? buf[0] : 0;
        if (cmp_v0_type_has_pkimessage(t, &off))
            CHECK(off == 0 || off == 8);
        (void)cmp_v10_type_has_pkimessage(t);
    }
    return 0;
}
