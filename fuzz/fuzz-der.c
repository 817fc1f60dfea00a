/* fuzz-der.c - libFuzzer harness for der.c
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The DER reader on arbitrary bytes: der_read_header, der_element_size,
 * der_looks_like_pkimessage, der_looks_like_ber, der_certificate_self_issued,
 * der_oid_to_string, der_oid_format, der_format_name, der_walk and
 * der_count_oid_values.  Each call gets an exactly-sized heap copy so that
 * AddressSanitizer sees any read past the end; the harness also asserts
 * the promises der.h makes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "der.h"

#define CHECK(cond) do { if (!(cond)) { \
    fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); abort(); } } while (0)

/* Walks elements recursively (bounded) so der_read_header sees the inner
 * headers a real walker would hand it. */
static void
walk(const guint8 *buf, gsize len, int depth)
{
    gsize pos = 0;
    int n = 0;

    while (pos < len && n++ < 64) {
        der_header h;
        der_status st = der_read_header(buf + pos, len - pos, &h);
        if (st != DER_OK)
            return;
        CHECK(h.header_len >= 2 && h.header_len <= len - pos);
        CHECK(h.cls <= 3);
        if (h.indefinite) {
            CHECK(h.constructed);
            return;
        }
        if (h.content_len > len - pos - h.header_len)
            return;
        if (h.constructed && depth < 32)
            walk(buf + pos + h.header_len, (gsize)h.content_len, depth + 1);
        pos += h.header_len + (gsize)h.content_len;
    }
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    guint8 *buf = malloc(size ? size : 1);
    GString *s = g_string_new("prefix");
    der_header h;
    guint64 el;
    der_status st;

    memcpy(buf, data, size);

    st = der_read_header(buf, size, &h);
    CHECK(st == DER_OK || st == DER_NEED_MORE || st == DER_INVALID);
    if (st == DER_OK) {
        CHECK(h.header_len >= 2 && h.header_len <= size);
        /* a longer buffer cannot change a decoded header */
        der_header h2;
        CHECK(der_read_header(buf, size, &h2) == DER_OK && h2.header_len == h.header_len
              && h2.content_len == h.content_len);
    }
    /* every prefix: NEED_MORE is only for a cut-off header */
    for (gsize n = 0; n < size && n < 16; n++) {
        der_header hp;
        der_status sp = der_read_header(buf, n, &hp);
        if (st == DER_OK && n < h.header_len)
            CHECK(sp == DER_NEED_MORE || sp == DER_INVALID);
        if (sp == DER_OK)
            CHECK(hp.header_len <= n);
    }

    st = der_element_size(buf, size, &el);
    if (st == DER_OK)
        CHECK(el >= 2);

    walk(buf, size, 0);

    {
        der_pkimessage_peek peek;
        gboolean pk = der_looks_like_pkimessage(buf, size, &peek);
        /* a SEQUENCE in DER's short tag form */
        if (pk && size > 0)
            CHECK(buf[0] == 0x30);
        /* peek holds what was read before the answer was known, even on
         * FALSE: only its range is promised. */
        if (peek.pvno)
            CHECK(peek.pvno >= 1 && peek.pvno <= 3);
        if (peek.body_tag >= 0)
            CHECK(peek.pvno != 0);
        /* NULL peek is allowed */
        CHECK(der_looks_like_pkimessage(buf, size, NULL) == pk);
        /* A length is believed only of what looks like a PKIMessage, and
         * fewer bytes never refute what more bytes do not: a message cut
         * by a segment's end is waited for, not resynchronised past. */
        der_status whole = der_pkimessage_confirm(buf, size);
        if (!pk && size > 0)
            CHECK(whole == DER_INVALID);
        if (whole == DER_OK)
            CHECK(peek.body_tag >= 0);
        if (whole != DER_INVALID) {
            for (gsize n = 0; n < size; n += 1 + n / 8)
                CHECK(der_pkimessage_confirm(buf, n) != DER_INVALID);
        }
    }

    (void)der_looks_like_ber(buf, size);

    /* Only a whole certificate is self-issued: never a prefix of one. */
    if (der_certificate_self_issued(buf, size)) {
        guint64 whole_cert = 0;
        CHECK(buf[0] == 0x30 && der_element_size(buf, size, &whole_cert) == DER_OK && whole_cert <= size);
        CHECK(!der_certificate_self_issued(buf, (gsize)whole_cert - 1));
    }

    /* Times: a date GDateTime accepts, between years 1 and 9999 */
    {
        gint64 secs = 0;
        if (der_parse_time(DER_TAG_UTC_TIME, buf, size, &secs))
            CHECK(size == 13 && secs >= G_GINT64_CONSTANT(-631152000) && secs < G_GINT64_CONSTANT(2524608000));
        if (der_parse_time(DER_TAG_GENERALIZED_TIME, buf, size, &secs))
            CHECK(size == 15 && secs >= G_GINT64_CONSTANT(-62135596800) && secs < G_GINT64_CONSTANT(253402300800));
    }

    /* Bounded: never more than limit + 1, whatever the input.  A capture
     * cut short is never called invalid where the whole value is not. */
    {
        der_walk_result walk, cut;
        der_walk(buf, size, size, 16, &walk);
        CHECK(walk.depth <= 17);
        der_walk(buf, size / 2, size, 16, &cut);
        CHECK(walk.fault || !cut.fault);
        der_walk(buf, size, size, 1000, &walk);
    }
    /* The count of OID-selected values: never above limit + 1, and no
     * more than there are elements (two octets each at least). */
    {
        guint count = der_count_oid_values(buf, size, 8);
        CHECK(count <= 9);
        count = der_count_oid_values(buf, size, G_MAXUINT - 1);
        CHECK(count <= size / 2 || count == G_MAXUINT);
    }

    /* OIDs: on FALSE nothing is appended; on TRUE only digits and dots */
    {
        gboolean ok = der_oid_to_string(buf, size, s);
        if (!ok) {
            CHECK(strcmp(s->str, "prefix") == 0);
        } else {
            CHECK(s->len > 6);
            for (gsize i = 6; i < s->len; i++)
                CHECK((s->str[i] >= '0' && s->str[i] <= '9') || s->str[i] == '.');
        }
        g_string_assign(s, "prefix");
    }
    /* ... and der_oid_format stays inside an exactly-sized
     * DER_OID_STRING_SIZE buffer (ASan sees one byte more). */
    {
        char *text = malloc(DER_OID_STRING_SIZE(size));
        gsize n = der_oid_format(buf, size, text);
        CHECK(n < DER_OID_STRING_SIZE(size) && strlen(text) == n);
        free(text);
    }

    /* Names: the whole input, then each exactly-sized inner element. */
    {
        gboolean ok = der_format_name(buf, size, s);
        if (!ok)
            CHECK(strcmp(s->str, "prefix") == 0);
        g_string_assign(s, "prefix");
        if (size > 1) {
            guint8 *tail = malloc(size - 1);
            memcpy(tail, buf + 1, size - 1);
            (void)der_format_name(tail, size - 1, s);
            (void)der_oid_to_string(tail, size - 1, s);
            free(tail);
        }
    }

    g_string_free(s, TRUE);
    free(buf);
    return 0;
}
