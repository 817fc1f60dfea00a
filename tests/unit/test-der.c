/* Unit tests of der.c: element sizes, PKIMessage recognition, names.
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <glib.h>
#include <string.h>
#include "der.h"

/* A minimal PKIMessage: header { pvno 2, sender [4] {}, recipient [4] {} },
 * body pkiconf [19] NULL. */
static const guint8 pkiconf_msg[] = {
    0x30, 0x11,
      0x30, 0x0b, 0x02, 0x01, 0x02, 0xa4, 0x02, 0x30, 0x00, 0xa4, 0x02, 0x30, 0x00,
      0xb3, 0x02, 0x05, 0x00,
};

static void
test_header(void)
{
    der_header h;
    static const guint8 long_form[] = { 0x30, 0x82, 0x01, 0x00 };
    static const guint8 high_tag[] = { 0xbf, 0x81, 0x00, 0x00 };
    static const guint8 indefinite[] = { 0x30, 0x80 };
    static const guint8 too_long[] = { 0x30, 0x89, 1, 2, 3, 4, 5, 6, 7, 8, 9 };

    g_assert_cmpint(der_read_header(long_form, sizeof long_form, &h), ==, DER_OK);
    g_assert_cmpuint(h.header_len, ==, 4);
    g_assert_cmpuint(h.content_len, ==, 256);
    g_assert_true(h.constructed);
    g_assert_cmpint(der_read_header(long_form, 3, &h), ==, DER_NEED_MORE);
    g_assert_cmpint(der_read_header(long_form, 0, &h), ==, DER_NEED_MORE);

    g_assert_cmpint(der_read_header(high_tag, sizeof high_tag, &h), ==, DER_OK);
    g_assert_cmpuint(h.cls, ==, DER_CLASS_CONTEXT);
    g_assert_cmpuint(h.tag, ==, 128);
    g_assert_cmpuint(h.header_len, ==, 4);

    g_assert_cmpint(der_read_header(indefinite, sizeof indefinite, &h), ==, DER_OK);
    g_assert_true(h.indefinite);
    guint64 size;
    g_assert_cmpint(der_element_size(indefinite, sizeof indefinite, &size), ==, DER_INVALID);
    g_assert_cmpint(der_read_header(too_long, sizeof too_long, &h), ==, DER_INVALID);

    /* Whatever the status, no field is left as it was: an optimised caller
     * may read them before it tests the status. */
    static const guint8 tag_over_32_bits[] = { 0x1f, 0x81, 0x81, 0x81, 0x81, 0x01, 0x00 };
    memset(&h, 0xaa, sizeof h);
    g_assert_cmpint(der_read_header(tag_over_32_bits, sizeof tag_over_32_bits, &h), ==, DER_INVALID);
    g_assert_cmpuint(h.header_len, ==, 0);
    g_assert_cmpuint(h.content_len, ==, 0);
    g_assert_false(h.indefinite);
    memset(&h, 0xaa, sizeof h);
    g_assert_cmpint(der_read_header(long_form, 0, &h), ==, DER_NEED_MORE);
    g_assert_cmpuint(h.cls, ==, 0);
    g_assert_cmpuint(h.tag, ==, 0);
    g_assert_cmpuint(h.header_len, ==, 0);
    g_assert_cmpint(der_element_size(long_form, sizeof long_form, &size), ==, DER_OK);
    g_assert_cmpuint(size, ==, 260);
}

static void
test_pkimessage(void)
{
    der_pkimessage_peek peek;
    guint8 msg[sizeof pkiconf_msg];

    g_assert_true(der_looks_like_pkimessage(pkiconf_msg, sizeof pkiconf_msg, &peek));
    g_assert_cmpuint(peek.pvno, ==, 2);
    g_assert_cmpint(peek.body_tag, ==, 19);

    /* Every prefix is still plausible. */
    for (gsize n = 1; n <= sizeof pkiconf_msg; n++)
        g_assert_true(der_looks_like_pkimessage(pkiconf_msg, n, NULL));

    /* pvno 4 is no CMP version. */
    memcpy(msg, pkiconf_msg, sizeof msg);
    msg[6] = 4;
    g_assert_false(der_looks_like_pkimessage(msg, sizeof msg, NULL));
    /* A universal tag where the body belongs. */
    memcpy(msg, pkiconf_msg, sizeof msg);
    msg[15] = 0x30;
    g_assert_false(der_looks_like_pkimessage(msg, sizeof msg, NULL));
    /* Not a SEQUENCE at all. */
    static const guint8 text[] = "GET / HTTP/1.1\r\n";
    g_assert_false(der_looks_like_pkimessage(text, sizeof text - 1, NULL));
    g_assert_false(der_looks_like_ber(text, sizeof text - 1));
    g_assert_true(der_looks_like_ber(pkiconf_msg, sizeof pkiconf_msg));
}

/* A PKIMessage longer than the bytes at hand: its length believed or not. */
static void
test_pkimessage_confirm(void)
{
    /* pkiconf_msg claiming 0x1000 octets: body, protection [0] and
     * extraCerts [1] may run past the buffer, in that order */
    static const guint8 long_body[] = {
        0x30, 0x82, 0x10, 0x00,
          0x30, 0x0b, 0x02, 0x01, 0x02, 0xa4, 0x02, 0x30, 0x00, 0xa4, 0x02, 0x30, 0x00,
          0xb3, 0x82, 0x0f, 0xef, 0x05, 0x00,
    };
    static const guint8 long_extra_certs[] = {
        0x30, 0x82, 0x10, 0x00,
          0x30, 0x0b, 0x02, 0x01, 0x02, 0xa4, 0x02, 0x30, 0x00, 0xa4, 0x02, 0x30, 0x00,
          0xb3, 0x02, 0x05, 0x00, 0xa0, 0x02, 0x03, 0x00, 0xa1, 0x82, 0x0f, 0xe7, 0x30,
    };
    /* the same messages whose length was rewritten to hide what follows:
     * another PKIMessage after the body, after protection, and [0] after
     * [1]; and a message without body */
    static const guint8 hides_after_body[] = {
        0x30, 0x82, 0x10, 0x00,
          0x30, 0x0b, 0x02, 0x01, 0x02, 0xa4, 0x02, 0x30, 0x00, 0xa4, 0x02, 0x30, 0x00,
          0xb3, 0x02, 0x05, 0x00, 0x30, 0x11, 0x30,
    };
    static const guint8 hides_after_protection[] = {
        0x30, 0x82, 0x10, 0x00,
          0x30, 0x0b, 0x02, 0x01, 0x02, 0xa4, 0x02, 0x30, 0x00, 0xa4, 0x02, 0x30, 0x00,
          0xb3, 0x02, 0x05, 0x00, 0xa0, 0x02, 0x03, 0x00, 0x30, 0x11,
    };
    static const guint8 out_of_order[] = {
        0x30, 0x82, 0x10, 0x00,
          0x30, 0x0b, 0x02, 0x01, 0x02, 0xa4, 0x02, 0x30, 0x00, 0xa4, 0x02, 0x30, 0x00,
          0xb3, 0x02, 0x05, 0x00, 0xa1, 0x00, 0xa0, 0x02,
    };
    /* a header that fills the message, then a body tag outside it */
    static const guint8 no_body[] = {
        0x30, 0x0d,
          0x30, 0x0b, 0x02, 0x01, 0x02, 0xa4, 0x02, 0x30, 0x00, 0xa4, 0x02, 0x30, 0x00,
        0xb3, 0x02, 0x05, 0x00,
    };
    /* bytes whose PKIHeader claims 8 MiB: no GeneralName after pvno */
    static const guint8 garbage_header[] = {
        0x30, 0x84, 0x7f, 0x00, 0x00, 0x00,
          0x30, 0x84, 0x00, 0x7f, 0xff, 0xff, 0x02, 0x01, 0x02, 0x00, 0x00, 0x00, 0xc0,
    };
    /* a PKIHeader whose optional fields are out of order: [4] then [2] */
    static const guint8 header_out_of_order[] = {
        0x30, 0x82, 0x10, 0x00,
          0x30, 0x13, 0x02, 0x01, 0x02, 0xa4, 0x02, 0x30, 0x00, 0xa4, 0x02, 0x30, 0x00,
            0xa4, 0x02, 0x04, 0x00, 0xa2, 0x02, 0x04, 0x00,
          0xb3, 0x82, 0x0f, 0xe7, 0x05, 0x00,
    };
    /* a body that runs past the message */
    static const guint8 body_overruns[] = {
        0x30, 0x11,
          0x30, 0x0b, 0x02, 0x01, 0x02, 0xa4, 0x02, 0x30, 0x00, 0xa4, 0x02, 0x30, 0x00,
          0xb3, 0x03, 0x05, 0x00, 0x00,
    };

    g_assert_cmpint(der_pkimessage_confirm(pkiconf_msg, sizeof pkiconf_msg), ==, DER_OK);
    g_assert_cmpint(der_pkimessage_confirm(long_body, sizeof long_body), ==, DER_OK);
    g_assert_cmpint(der_pkimessage_confirm(long_extra_certs, sizeof long_extra_certs), ==, DER_OK);
    /* until the body's header is at hand, nothing is decided */
    for (gsize n = 1; n < 21; n++)
        g_assert_cmpint(der_pkimessage_confirm(long_body, n), ==, DER_NEED_MORE);
    g_assert_cmpint(der_pkimessage_confirm(long_body, 21), ==, DER_OK);
    g_assert_cmpint(der_pkimessage_confirm(hides_after_body, sizeof hides_after_body), ==, DER_INVALID);
    g_assert_cmpint(der_pkimessage_confirm(hides_after_protection, sizeof hides_after_protection), ==, DER_INVALID);
    g_assert_cmpint(der_pkimessage_confirm(out_of_order, sizeof out_of_order), ==, DER_INVALID);
    g_assert_cmpint(der_pkimessage_confirm(no_body, sizeof no_body), ==, DER_INVALID);
    g_assert_cmpint(der_pkimessage_confirm(body_overruns, sizeof body_overruns), ==, DER_INVALID);
    g_assert_cmpint(der_pkimessage_confirm(garbage_header, sizeof garbage_header), ==, DER_INVALID);
    g_assert_cmpint(der_pkimessage_confirm(header_out_of_order, sizeof header_out_of_order), ==, DER_INVALID);
    /* bytes that end between two elements: the next may yet refute */
    g_assert_cmpint(der_pkimessage_confirm(hides_after_body, 21), ==, DER_NEED_MORE);
    g_assert_cmpint(der_pkimessage_confirm(hides_after_protection, 25), ==, DER_NEED_MORE);
    g_assert_cmpint(der_pkimessage_confirm((const guint8 *)"\x31\x00", 2), ==, DER_INVALID);
}

static void
test_oid_and_name(void)
{
    static const guint8 oid[] = { 0x2a, 0x86, 0x48, 0x86, 0xf6, 0x7d, 0x07, 0x42, 0x0d };
    static const guint8 bad_oid[] = { 0x2a, 0x86 };
    /* SEQUENCE { SET { SEQUENCE { 2.5.4.3, UTF8 "ca,1" } }, SET { SEQUENCE { 2.5.4.10, PrintableString "O" } } } */
    static const guint8 name[] = {
        0x30, 0x1a,
          0x31, 0x0d, 0x30, 0x0b, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0c, 0x04, 'c', 'a', ',', '1',
          0x31, 0x09, 0x30, 0x07, 0x06, 0x03, 0x55, 0x04, 0x0a, 0x13, 0x00,
    };
    GString *s = g_string_new(NULL);

    g_assert_true(der_oid_to_string(oid, sizeof oid, s));
    g_assert_cmpstr(s->str, ==, "1.2.840.113533.7.66.13");
    g_string_truncate(s, 0);
    g_assert_false(der_oid_to_string(bad_oid, sizeof bad_oid, s));
    g_assert_cmpstr(s->str, ==, "");
    /* The first two arcs share one subidentifier (0, 1 or 2 first, and
     * 2.x takes any x); arcs up to 64 bits; zeros.  NULL: refused, and
     * nothing appended. */
    static const struct {
        guint8 len;
        guint8 oid[11];
        const char *text;
    } oids[] = {
        { 1, { 0x00 }, "0.0" },
        { 3, { 0x88, 0x37, 0x03 }, "2.999.3" },
        { 3, { 0x4f, 0x00, 0x0a }, "1.39.0.10" },
        { 11, { 0x2a, 0x81, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f }, "1.2.18446744073709551615" },
        { 11, { 0x2a, 0x82, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00 }, NULL },   /* over 64 bits */
        { 3, { 0x2a, 0x80, 0x01 }, NULL },                                                  /* non-minimal */
    };
    for (gsize i = 0; i < G_N_ELEMENTS(oids); i++) {
        g_string_truncate(s, 0);
        g_assert_cmpint(der_oid_to_string(oids[i].oid, oids[i].len, s), ==, oids[i].text != NULL);
        g_assert_cmpstr(s->str, ==, oids[i].text ? oids[i].text : "");
    }
    /* The longest text per octet fills DER_OID_STRING_SIZE exactly. */
    static const guint8 oid_widest[] = { 0x7f, 0x7f, 0x7f };
    char widest[DER_OID_STRING_SIZE(sizeof oid_widest)];
    g_assert_cmpuint(der_oid_format(oid_widest, sizeof oid_widest, widest), ==, sizeof widest - 1);
    g_assert_cmpstr(widest, ==, "2.47.127.127");
    g_assert_cmpuint(der_oid_format(bad_oid, sizeof bad_oid, widest), ==, 0);
    g_assert_cmpstr(widest, ==, "");

    g_assert_true(der_format_name(name, sizeof name, s));
    g_assert_cmpstr(s->str, ==, "CN=ca\\,1,O=");
    g_string_truncate(s, 0);
    g_assert_false(der_format_name(name, sizeof name - 3, s));
    g_assert_cmpstr(s->str, ==, "");
    static const guint8 empty[] = { 0x30, 0x00 };
    g_assert_true(der_format_name(empty, sizeof empty, s));
    g_assert_cmpstr(s->str, ==, "");
    g_string_free(s, TRUE);
}

/* Lengths near 2^64 must not wrap a bounds check (a real over-read once). */
static void
test_length_wrap(void)
{
    /* Name SEQUENCE { SET of length 2^64 - 1 } in 12 bytes */
    static const guint8 wrap_name[] = {
        0x30, 0x0a, 0x31, 0x88, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    };
    static const guint8 wrap_msg[] = {
        0x30, 0x0c, 0x30, 0x88, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xf6, 0x02, 0x01,
    };
    der_header h;
    guint64 size;
    GString *s = g_string_new(NULL);

    g_assert_false(der_format_name(wrap_name, sizeof wrap_name, s));
    g_assert_cmpstr(s->str, ==, "");
    g_assert_cmpint(der_read_header(wrap_name + 2, sizeof wrap_name - 2, &h), ==, DER_OK);
    g_assert_false(der_fits(&h, sizeof wrap_name - 2));
    g_assert_cmpint(der_element_size(wrap_name + 2, sizeof wrap_name - 2, &size), ==, DER_INVALID);
    g_assert_false(der_looks_like_pkimessage(wrap_msg, sizeof wrap_msg, NULL));
    g_assert_true(der_fits(&(der_header){ .header_len = 2, .content_len = 3 }, 5));
    g_assert_false(der_fits(&(der_header){ .header_len = 2, .content_len = 4 }, 5));
    g_assert_false(der_fits(&(der_header){ .header_len = 2, .content_len = 0, .indefinite = TRUE }, 5));
    g_string_free(s, TRUE);
}

/* An attribute type without a short name is written dotted. */
static void
test_name_dotted_type(void)
{
    /* SEQUENCE { SET { SEQUENCE { 2.5.4.97, UTF8 "x" } } } */
    static const guint8 name[] = {
        0x30, 0x0c, 0x31, 0x0a, 0x30, 0x08, 0x06, 0x03, 0x55, 0x04, 0x61, 0x0c, 0x01, 'x',
    };
    GString *s = g_string_new(NULL);

    g_assert_true(der_format_name(name, sizeof name, s));
    g_assert_cmpstr(s->str, ==, "2.5.4.97=x");
    g_string_free(s, TRUE);
}

static guint
walk_depth(const guint8 *buf, gsize len, guint limit)
{
    der_walk_result walk;

    der_walk(buf, len, len, limit, &walk);
    return walk.depth;
}

static gboolean
walk_unsupported_real(const guint8 *buf, gsize len)
{
    der_walk_result walk;

    der_walk(buf, len, len, 64, &walk);
    return walk.unsupported_real;
}

static const char *
walk_fault(const guint8 *buf, gsize len)
{
    der_walk_result walk;

    der_walk(buf, len, len, 64, &walk);
    return walk.fault;
}

/* The same, of a value of reported_len octets cut to len by the capture. */
static const char *
walk_fault_cut(const guint8 *buf, gsize len, guint64 reported_len)
{
    der_walk_result walk;

    der_walk(buf, len, reported_len, 64, &walk);
    return walk.fault;
}

/* The REALs Wireshark 4.0's asn1_get_real asserts on are found; the ones it
 * takes are not (a fuzzed capture once aborted tshark this way). */
static void
test_walk_real(void)
{
    /* binary, 1-octet exponent, 2-octet mantissa: the shortest 4.0 takes */
    static const guint8 fine[] = { 0x30, 0x06, 0x09, 0x04, 0x80, 0x01, 0x01, 0x0c };
    /* an 8-octet mantissa: the longest it takes */
    static const guint8 mantissa_8[] = { 0x09, 0x0a, 0x80, 0x01, 1, 2, 3, 4, 5, 6, 7, 8 };
    static const guint8 decimal[] = { 0x09, 0x04, 0x03, '1', '.', '5' };
    static const guint8 special[] = { 0x09, 0x01, 0x40 };
    /* exponent length in the next octet (0x83) */
    static const guint8 long_exponent[] = { 0x09, 0x04, 0x83, 0x01, 0x01, 0x03 };
    /* 9-octet mantissa */
    static const guint8 long_mantissa[] = { 0x09, 0x0b, 0x80, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 9 };
    /* a 1-octet mantissa: tshark 4.0.17 fails "lenE < len - 1" on it */
    static const guint8 short_mantissa[] = { 0x30, 0x05, 0x09, 0x03, 0x80, 0x01, 0x0c };
    /* an exponent and no mantissa */
    static const guint8 no_mantissa[] = { 0x30, 0x04, 0x09, 0x02, 0x80, 0x01 };

    g_assert_false(walk_unsupported_real(fine, sizeof fine));
    g_assert_false(walk_unsupported_real(mantissa_8, sizeof mantissa_8));
    g_assert_false(walk_unsupported_real(decimal, sizeof decimal));
    g_assert_false(walk_unsupported_real(special, sizeof special));
    g_assert_true(walk_unsupported_real(long_exponent, sizeof long_exponent));
    g_assert_true(walk_unsupported_real(long_mantissa, sizeof long_mantissa));
    g_assert_true(walk_unsupported_real(short_mantissa, sizeof short_mantissa));
    g_assert_true(walk_unsupported_real(no_mantissa, sizeof no_mantissa));

    /* Of those, only the REAL without a mantissa is invalid BER (X.690
     * 8.5.7); the others are REALs that decoder cannot compute. */
    g_assert_null(walk_fault(fine, sizeof fine));
    g_assert_null(walk_fault(long_exponent, sizeof long_exponent));
    g_assert_null(walk_fault(long_mantissa, sizeof long_mantissa));
    g_assert_null(walk_fault(short_mantissa, sizeof short_mantissa));
    g_assert_cmpstr(walk_fault(no_mantissa, sizeof no_mantissa), ==, "a binary REAL without a mantissa");
}

/* The encodings X.690 forbids that the walk names (the first one met). */
static void
test_walk_fault(void)
{
    static const char overruns[] = "an element that runs past the end of what holds it";
    static const char long_tag_form[] = "a tag number in a longer form than X.690 8.1.2 allows";
    /* exponent length in the next octet, and the exponent fills the rest */
    static const guint8 long_exponent_only[] = { 0x09, 0x03, 0x83, 0x01, 0x01 };
    /* the same with an exponent of no octets (X.690 8.5.7.4 d: at least one) */
    static const guint8 long_exponent_empty[] = { 0x09, 0x03, 0x83, 0x00, 0x05 };
    /* a 2-octet exponent 0x0001, whose first nine bits are all zero, and
     * 0xff80, all ones; 0x0080 and 0xff7f need both octets */
    static const guint8 exponent_zeros[] = { 0x09, 0x05, 0x83, 0x02, 0x00, 0x01, 0x01 };
    static const guint8 exponent_ones[] = { 0x09, 0x05, 0x83, 0x02, 0xff, 0x80, 0x01 };
    static const guint8 exponent_0080[] = { 0x09, 0x05, 0x83, 0x02, 0x00, 0x80, 0x01 };
    static const guint8 exponent_ff7f[] = { 0x09, 0x05, 0x83, 0x02, 0xff, 0x7f, 0x01 };
    /* base bits 11 (X.690 8.5.7.2), with a mantissa it takes */
    static const guint8 reserved_base[] = { 0x09, 0x04, 0xb0, 0x01, 0x01, 0x0c };
    /* a constructed REAL holding a REAL */
    static const guint8 constructed_real[] = { 0x29, 0x05, 0x09, 0x03, 0x80, 0x01, 0x0c };
    /* an OCTET STRING running past its SEQUENCE, then one that does not */
    static const guint8 overrun[] = { 0x30, 0x02, 0x04, 0x03, 0x00, 0x00, 0x00 };
    static const guint8 nested[] = { 0x30, 0x05, 0x04, 0x03, 0x00, 0x00, 0x00 };
    /* a header that starts in its SEQUENCE (1 octet) and ends after it */
    static const guint8 straddle[] = { 0x30, 0x01, 0x04, 0x00 };
    /* an element longer than the buffer inside a SEQUENCE that is not:
     * the element runs past the SEQUENCE, however long the value */
    static const guint8 cut_child[] = { 0x30, 0x05, 0x30, 0x10, 0x09, 0x03, 0x80 };
    /* a SEQUENCE of 32 octets cut to 8 by the capture: no fault */
    static const guint8 cut_parent[] = { 0x30, 0x20, 0x09, 0x03, 0x80, 0x01, 0x0c, 0x04 };
    /* a length in five octets (2^32 + 3) inside a SEQUENCE of 10 */
    static const guint8 wrapped_length[] = { 0x30, 0x0a, 0x09, 0x85, 0x01, 0x00, 0x00, 0x00, 0x03, 0x80, 0x01, 0x0c };
    /* the reserved length octet 0xff */
    static const guint8 length_ff[] = { 0x04, 0xff, 0x00 };
    /* NULL in the long tag form (0x1f 0x05), and with a zero first octet */
    static const guint8 long_form_tag[] = { 0x1f, 0x05, 0x00 };
    static const guint8 zero_led_tag[] = { 0x1f, 0x80, 0x2a, 0x00 };
    /* tags 30 and 31 in the long form: only 31 needs it */
    static const guint8 tag_30[] = { 0x1f, 0x1e, 0x00 };
    static const guint8 tag_31[] = { 0x1f, 0x1f, 0x00 };
    /* an OCTET STRING with an indefinite length */
    static const guint8 indefinite_primitive[] = { 0x04, 0x80, 0x01, 0x00, 0x00 };
    /* a constructed element with an indefinite length is fine, but not an
     * end-of-contents in a definite one */
    static const guint8 indefinite_sequence[] = { 0x30, 0x80, 0x05, 0x00, 0x00, 0x00 };
    static const guint8 stray_eoc[] = { 0x30, 0x02, 0x00, 0x00 };
    /* in an indefinite SEQUENCE inside a definite one of 4 octets, an
     * element running past the definite one */
    static const guint8 past_grandparent[] = { 0x30, 0x04, 0x30, 0x80, 0x04, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00 };
    /* universal types in the form X.690 forbids them, each inside a
     * SEQUENCE; a constructed OCTET STRING is BER, and a constructed
     * context-specific [2] is not an INTEGER */
    static const guint8 constructed_integer[] = { 0x30, 0x05, 0x22, 0x03, 0x02, 0x01, 0x05 };
    static const guint8 constructed_boolean[] = { 0x30, 0x05, 0x21, 0x03, 0x01, 0x01, 0xff };
    static const guint8 constructed_null[] = { 0x30, 0x02, 0x25, 0x00 };
    static const guint8 constructed_oid[] = { 0x30, 0x05, 0x26, 0x03, 0x06, 0x01, 0x2a };
    static const guint8 constructed_enumerated[] = { 0x30, 0x05, 0x2a, 0x03, 0x0a, 0x01, 0x01 };
    static const guint8 primitive_sequence[] = { 0x30, 0x03, 0x10, 0x01, 0x00 };
    static const guint8 primitive_set[] = { 0x30, 0x03, 0x11, 0x01, 0x00 };
    static const guint8 constructed_octet_string[] = { 0x30, 0x05, 0x24, 0x03, 0x04, 0x01, 0x00 };
    static const guint8 context_2[] = { 0x30, 0x05, 0xa2, 0x03, 0x02, 0x01, 0x05 };
    /* two faults: the first is named */
    static const guint8 two_faults[] = { 0x30, 0x06, 0x1f, 0x05, 0x00, 0x04, 0x80, 0x00 };

    g_assert_cmpstr(walk_fault(long_exponent_only, sizeof long_exponent_only), ==, "a binary REAL without a mantissa");
    g_assert_cmpstr(walk_fault(long_exponent_empty, sizeof long_exponent_empty), ==,
                    "a binary REAL whose exponent has no octets");
    g_assert_cmpstr(walk_fault(exponent_zeros, sizeof exponent_zeros), ==,
                    "a binary REAL whose exponent has more octets than it needs");
    g_assert_cmpstr(walk_fault(exponent_ones, sizeof exponent_ones), ==,
                    "a binary REAL whose exponent has more octets than it needs");
    g_assert_null(walk_fault(exponent_0080, sizeof exponent_0080));
    g_assert_null(walk_fault(exponent_ff7f, sizeof exponent_ff7f));
    g_assert_cmpstr(walk_fault(reserved_base, sizeof reserved_base), ==,
                    "a binary REAL with the base X.690 8.5.7.2 reserves");
    g_assert_false(walk_unsupported_real(reserved_base, sizeof reserved_base));
    g_assert_cmpstr(walk_fault(constructed_real, sizeof constructed_real), ==, "a constructed REAL");
    g_assert_cmpstr(walk_fault(constructed_integer, sizeof constructed_integer), ==, "a constructed INTEGER");
    g_assert_cmpstr(walk_fault(constructed_boolean, sizeof constructed_boolean), ==, "a constructed BOOLEAN");
    g_assert_cmpstr(walk_fault(constructed_null, sizeof constructed_null), ==, "a constructed NULL");
    g_assert_cmpstr(walk_fault(constructed_oid, sizeof constructed_oid), ==, "a constructed OBJECT IDENTIFIER");
    g_assert_cmpstr(walk_fault(constructed_enumerated, sizeof constructed_enumerated), ==, "a constructed ENUMERATED");
    g_assert_cmpstr(walk_fault(primitive_sequence, sizeof primitive_sequence), ==, "a primitive SEQUENCE");
    g_assert_cmpstr(walk_fault(primitive_set, sizeof primitive_set), ==, "a primitive SET");
    g_assert_null(walk_fault(constructed_octet_string, sizeof constructed_octet_string));
    g_assert_null(walk_fault(context_2, sizeof context_2));
    g_assert_cmpstr(walk_fault(overrun, sizeof overrun), ==, overruns);
    g_assert_null(walk_fault(nested, sizeof nested));
    g_assert_cmpstr(walk_fault(straddle, sizeof straddle), ==, overruns);
    g_assert_cmpstr(walk_fault_cut(cut_child, sizeof cut_child, 64), ==, overruns);
    g_assert_null(walk_fault_cut(cut_parent, sizeof cut_parent, 34));
    /* the same bytes as a whole value of 8 octets: the SEQUENCE overruns it */
    g_assert_cmpstr(walk_fault(cut_parent, sizeof cut_parent), ==, overruns);
    g_assert_cmpstr(walk_fault(wrapped_length, sizeof wrapped_length), ==,
                    "a length over 32 bits, beyond what can hold it");
    g_assert_cmpstr(walk_fault(length_ff, sizeof length_ff), ==, "the length octet 0xFF, which X.690 8.1.3.5 reserves");
    g_assert_cmpstr(walk_fault(long_form_tag, sizeof long_form_tag), ==, long_tag_form);
    g_assert_cmpstr(walk_fault(zero_led_tag, sizeof zero_led_tag), ==, long_tag_form);
    g_assert_cmpstr(walk_fault(tag_30, sizeof tag_30), ==, long_tag_form);
    g_assert_null(walk_fault(tag_31, sizeof tag_31));
    g_assert_cmpstr(walk_fault(indefinite_primitive, sizeof indefinite_primitive), ==,
                    "a primitive element with an indefinite length");
    g_assert_null(walk_fault(indefinite_sequence, sizeof indefinite_sequence));
    g_assert_cmpstr(walk_fault(stray_eoc, sizeof stray_eoc), ==,
                    "tag [UNIVERSAL 0], which only ends an indefinite length");
    g_assert_cmpstr(walk_fault(past_grandparent, sizeof past_grandparent), ==, overruns);
    g_assert_cmpstr(walk_fault(two_faults, sizeof two_faults), ==, long_tag_form);
}

/* The walk reads elements as Wireshark's generic decoder does, so that it
 * meets the REALs that decoder meets even in BER no DER reader takes. */
static void
test_walk_real_as_wireshark(void)
{
    /* A mutant of a recipient (fuzz-tshark, seed 9034): a constructed
     * BMPString { constructed UniversalString of 6 octets { a REAL of 42 } }.
     * The REAL overruns its parent but fits in the buffer, where Wireshark
     * decodes it (and 4.0 fails "lenN <= 8"). */
    guint8 overrun[4 + 2 + 42] = { 0x3e, 0x2e, 0x3c, 0x06, 0x09, 0x2a, 0x80, 0x01 };
    /* The same REAL, after an element that overruns its parent: the
     * grandparent's loop goes on past the parent's end. */
    static const guint8 after_overrun[] = {
        0x30, 0x0a, 0x30, 0x02, 0x04, 0x03, 0x00, 0x00, 0x00,
        0x09, 0x0b, 0x80, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 9,
    };
    /* a REAL whose header starts in its parent (1 octet long) and ends
     * after it */
    static const guint8 straddle[] = { 0x30, 0x07, 0x30, 0x01, 0x09, 0x03, 0x80, 0x01, 0x0c };
    /* universal 9 in the high tag number form, once plain and once in
     * five octets that Wireshark keeps in 32 bits (2^32 + 9) */
    static const guint8 long_tag[] = { 0x1f, 0x09, 0x03, 0x80, 0x01, 0x0c };
    static const guint8 wrapped_tag[] = { 0x1f, 0x90, 0x80, 0x80, 0x80, 0x09, 0x03, 0x80, 0x01, 0x0c };
    /* a length in five octets, of which Wireshark keeps the last four: 3 */
    static const guint8 wrapped_length[] = { 0x09, 0x85, 0x01, 0x00, 0x00, 0x00, 0x03, 0x80, 0x01, 0x0c };
    /* a primitive REAL with an indefinite length */
    static const guint8 indefinite[] = { 0x09, 0x80, 0x80, 0x01, 0x0c, 0x00, 0x00 };
    /* a REAL longer than the buffer: Wireshark stops before decoding it */
    static const guint8 past_buffer[] = { 0x30, 0x05, 0x09, 0x0b, 0x80, 0x01, 0x0c };
    /* a sane REAL after an overrun: nothing to flag */
    static const guint8 fine_after_overrun[] = {
        0x30, 0x08, 0x30, 0x02, 0x04, 0x03, 0x00, 0x00, 0x00, 0x09, 0x04, 0x80, 0x01, 0x01, 0x0c,
    };

    g_assert_true(walk_unsupported_real(overrun, sizeof overrun));
    g_assert_true(walk_unsupported_real(after_overrun, sizeof after_overrun));
    g_assert_true(walk_unsupported_real(straddle, sizeof straddle));
    g_assert_true(walk_unsupported_real(long_tag, sizeof long_tag));
    g_assert_true(walk_unsupported_real(wrapped_tag, sizeof wrapped_tag));
    g_assert_true(walk_unsupported_real(wrapped_length, sizeof wrapped_length));
    g_assert_true(walk_unsupported_real(indefinite, sizeof indefinite));
    g_assert_false(walk_unsupported_real(past_buffer, sizeof past_buffer));
    /* Which of these are invalid BER besides */
    g_assert_cmpstr(walk_fault(overrun, sizeof overrun), ==, "an element that runs past the end of what holds it");
    g_assert_cmpstr(walk_fault(after_overrun, sizeof after_overrun), ==,
                    "an element that runs past the end of what holds it");
    g_assert_cmpstr(walk_fault(straddle, sizeof straddle), ==, "an element that runs past the end of what holds it");
    g_assert_cmpstr(walk_fault(long_tag, sizeof long_tag), ==, "a tag number in a longer form than X.690 8.1.2 allows");
    g_assert_null(walk_fault(wrapped_tag, sizeof wrapped_tag));
    g_assert_cmpstr(walk_fault(indefinite, sizeof indefinite), ==, "a primitive element with an indefinite length");
    g_assert_false(walk_unsupported_real(fine_after_overrun, sizeof fine_after_overrun));
    /* a buffer one octet short of the overrunning REAL: not decoded */
    g_assert_false(walk_unsupported_real(overrun, sizeof overrun - 1));
}

static void
test_nesting_depth(void)
{
    static const guint8 primitive[] = { 0x02, 0x01, 0x05 };
    static const guint8 three[] = { 0x30, 0x04, 0x30, 0x02, 0x05, 0x00 };
    /* siblings: the deepest one counts */
    static const guint8 siblings[] = { 0x30, 0x06, 0x05, 0x00, 0x30, 0x02, 0x05, 0x00 };
    /* indefinite SEQUENCE { NULL } EOC, then a sibling NULL at the top */
    static const guint8 indefinite[] = { 0x30, 0x80, 0x05, 0x00, 0x00, 0x00, 0x05, 0x00 };
    guint8 deep[2000];

    g_assert_cmpuint(walk_depth(primitive, sizeof primitive, 64), ==, 1);
    g_assert_cmpuint(walk_depth(three, sizeof three, 64), ==, 3);
    g_assert_cmpuint(walk_depth(siblings, sizeof siblings, 64), ==, 3);
    g_assert_cmpuint(walk_depth(indefinite, sizeof indefinite, 64), ==, 2);
    /* 1,000 indefinite SEQUENCEs: stops one past the limit */
    for (gsize i = 0; i < sizeof deep; i += 2) {
        deep[i] = 0x30;
        deep[i + 1] = 0x80;
    }
    g_assert_cmpuint(walk_depth(deep, sizeof deep, 64), ==, 65);
    g_assert_cmpuint(walk_depth(deep, sizeof deep, 2000), ==, 1000);
    /* truncated or invalid: what was seen counts */
    g_assert_cmpuint(walk_depth(three, 4, 64), ==, 2);
    g_assert_cmpuint(walk_depth(primitive, 0, 64), ==, 0);
}

/* The values Wireshark's X.509 decoders may each add a layer for. */
static void
test_count_oid_values(void)
{
    /* Name { RDN { CN=a }, RDN { CN=b, O=c } }: three attributes */
    static const guint8 name[] = {
        0x30, 0x1e,
          0x31, 0x0a, 0x30, 0x08, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0c, 0x01, 'a',
          0x31, 0x10, 0x30, 0x07, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0c, 0x01, 'b',
                      0x30, 0x05, 0x06, 0x01, 0x2a, 0x0c, 0x00,
    };
    /* Attribute { 1.2, SET { 1, 2, 3 } }: the OID and each value */
    static const guint8 attribute[] = {
        0x30, 0x0e, 0x06, 0x01, 0x2a, 0x31, 0x09, 0x02, 0x01, 0x01, 0x02, 0x01, 0x02, 0x02, 0x01, 0x03,
    };
    /* SEQUENCE { OCTET STRING { Name { RDN { 1.2=x } } }, OCTET STRING {
     * OID 1.2, then no BER }, OID 1.2 }: the string's BER counts, its
     * garbage ends it only */
    static const guint8 strings[] = {
        0x30, 0x1d,
          0x04, 0x0c, 0x30, 0x0a, 0x31, 0x08, 0x30, 0x06, 0x06, 0x01, 0x2a, 0x0c, 0x01, 'x',
          0x04, 0x06, 0x06, 0x01, 0x2a, 0xff, 0xff, 0xff,
          0x06, 0x01, 0x2a,
    };
    /* SEQUENCE { OCTET STRING { SEQUENCE { INTEGER past the string's end
     * } }, OID 1.2 }: the bad BER ends the string only */
    static const guint8 bad_in_string[] = {
        0x30, 0x0b, 0x04, 0x06, 0x30, 0x04, 0x02, 0x05, 0x01, 0x02, 0x06, 0x01, 0x2a,
    };
    /* SEQUENCE (indefinite) { SET (indefinite) { 1 } EOC, 2 } EOC: one
     * value in the SET, none after it */
    static const guint8 indefinite[] = {
        0x30, 0x80, 0x31, 0x80, 0x02, 0x01, 0x01, 0x00, 0x00, 0x02, 0x01, 0x02, 0x00, 0x00,
    };
    guint8 deep[2 * (DER_COUNT_MAX_DEPTH + 1)];

    g_assert_cmpuint(der_count_oid_values(name, sizeof name, 100), ==, 3);
    g_assert_cmpuint(der_count_oid_values(name, sizeof name, 2), ==, 3);      /* stops above the limit */
    g_assert_cmpuint(der_count_oid_values(name, sizeof name, 1), ==, 2);
    g_assert_cmpuint(der_count_oid_values(name, 14, 100), ==, 1);            /* cut short: what was seen */
    g_assert_cmpuint(der_count_oid_values(attribute, sizeof attribute, 100), ==, 4);
    g_assert_cmpuint(der_count_oid_values(strings, sizeof strings, 100), ==, 3);
    g_assert_cmpuint(der_count_oid_values(bad_in_string, sizeof bad_in_string, 100), ==, 1);
    g_assert_cmpuint(der_count_oid_values(indefinite, sizeof indefinite, 100), ==, 1);
    g_assert_cmpuint(der_count_oid_values(name, 0, 100), ==, 0);
    /* nested deeper than it follows: as if above the limit */
    for (gsize i = 0; i < sizeof deep; i += 2) {
        deep[i] = 0x30;
        deep[i + 1] = 0x80;
    }
    g_assert_cmpuint(der_count_oid_values(deep, sizeof deep, 10), ==, 11);
    g_assert_cmpuint(der_count_oid_values(deep, sizeof deep - 2, 10), ==, 0);
}

static gboolean
parse_time(guint32 tag, const char *text, gint64 *secs)
{
    return der_parse_time(tag, (const guint8 *)text, strlen(text), secs);
}

static void
test_time(void)
{
    gint64 secs = 0;

    g_assert_true(parse_time(DER_TAG_UTC_TIME, "240101120000Z", &secs));
    g_assert_cmpint(secs, ==, G_GINT64_CONSTANT(1704110400));
    /* UTCTime years 50..99 are 19xx, 00..49 20xx (RFC 5280 4.1.2.5.1) */
    g_assert_true(parse_time(DER_TAG_UTC_TIME, "500101000000Z", &secs));
    g_assert_cmpint(secs, ==, G_GINT64_CONSTANT(-631152000));
    g_assert_true(parse_time(DER_TAG_UTC_TIME, "491231235959Z", &secs));
    g_assert_cmpint(secs, ==, G_GINT64_CONSTANT(2524607999));
    g_assert_true(parse_time(DER_TAG_GENERALIZED_TIME, "20500101120000Z", &secs));
    g_assert_cmpint(secs, ==, G_GINT64_CONSTANT(2524651200));
    g_assert_true(parse_time(DER_TAG_GENERALIZED_TIME, "99991231235959Z", &secs));
    g_assert_true(parse_time(DER_TAG_GENERALIZED_TIME, "20240229000000Z", &secs));

    /* BER forms RFC 5280 does not allow: no seconds, an offset, fractions */
    g_assert_false(parse_time(DER_TAG_UTC_TIME, "2401011200Z", &secs));
    g_assert_false(parse_time(DER_TAG_UTC_TIME, "240101120000+0100", &secs));
    g_assert_false(parse_time(DER_TAG_GENERALIZED_TIME, "20240101120000.5Z", &secs));
    g_assert_false(parse_time(DER_TAG_GENERALIZED_TIME, "20240101120000", &secs));
    /* no such date or time */
    g_assert_false(parse_time(DER_TAG_GENERALIZED_TIME, "20230229000000Z", &secs));
    g_assert_false(parse_time(DER_TAG_UTC_TIME, "241301000000Z", &secs));
    g_assert_false(parse_time(DER_TAG_UTC_TIME, "240101240000Z", &secs));
    g_assert_false(parse_time(DER_TAG_UTC_TIME, "240101235960Z", &secs));
    g_assert_false(parse_time(DER_TAG_GENERALIZED_TIME, "00000101000000Z", &secs));
    /* not digits, the wrong tag, the other type's length */
    g_assert_false(parse_time(DER_TAG_UTC_TIME, "2401011200-0Z", &secs));
    g_assert_false(parse_time(DER_TAG_UTC_TIME, "24010112000 Z", &secs));
    g_assert_false(parse_time(DER_TAG_SEQUENCE, "240101120000Z", &secs));
    g_assert_false(parse_time(DER_TAG_UTC_TIME, "20240101120000Z", &secs));
    g_assert_false(parse_time(DER_TAG_GENERALIZED_TIME, "240101120000Z", &secs));
    g_assert_false(der_parse_time(DER_TAG_UTC_TIME, NULL, 13, &secs));
}

/* Certificate { TBSCertificate { [0] v3, serial 1, signature {}, issuer,
 * validity {}, subject }, {}, BIT STRING }, names CN=a or CN=b. */
#define TEST_NAME(c) 0x30, 0x0c, 0x31, 0x0a, 0x30, 0x08, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0c, 0x01, (c)
#define TEST_CERT(version, v_len, issuer, subject) \
    0x30, 0x2a + (v_len), 0x30, 0x23 + (v_len), version 0x02, 0x01, 0x01, 0x30, 0x00, TEST_NAME(issuer), \
    0x30, 0x00, TEST_NAME(subject), 0x30, 0x00, 0x03, 0x01, 0x00
#define TEST_V3 0xa0, 0x03, 0x02, 0x01, 0x02,

static void
test_certificate_self_issued(void)
{
    static const guint8 root[] = { TEST_CERT(TEST_V3, 5, 'a', 'a') };
    static const guint8 issued[] = { TEST_CERT(TEST_V3, 5, 'a', 'b') };
    static const guint8 root_v1[] = { TEST_CERT(, 0, 'a', 'a') };
    static const guint8 issued_v1[] = { TEST_CERT(, 0, 'b', 'a') };

    g_assert_true(der_certificate_self_issued(root, sizeof root));
    g_assert_false(der_certificate_self_issued(issued, sizeof issued));
    g_assert_true(der_certificate_self_issued(root_v1, sizeof root_v1));
    g_assert_false(der_certificate_self_issued(issued_v1, sizeof issued_v1));
    guint8 other[sizeof root];

    /* Cut anywhere, it is no certificate at all. */
    for (gsize n = 0; n < sizeof root; n++)
        g_assert_false(der_certificate_self_issued(root, n));
    /* Nor with another tag than SEQUENCE's, [APPLICATION 16] say (a
     * fuzzer finding), outside or inside. */
    memcpy(other, root, sizeof root);
    other[0] = 0x70;
    g_assert_false(der_certificate_self_issued(other, sizeof other));
    memcpy(other, root, sizeof root);
    other[2] = 0xb0;
    g_assert_false(der_certificate_self_issued(other, sizeof other));
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/der/header", test_header);
    g_test_add_func("/der/pkimessage", test_pkimessage);
    g_test_add_func("/der/pkimessage-confirm", test_pkimessage_confirm);
    g_test_add_func("/der/oid-and-name", test_oid_and_name);
    g_test_add_func("/der/length-wrap", test_length_wrap);
    g_test_add_func("/der/name-dotted-type", test_name_dotted_type);
    g_test_add_func("/der/nesting-depth", test_nesting_depth);
    g_test_add_func("/der/walk-real", test_walk_real);
    g_test_add_func("/der/walk-real-as-wireshark", test_walk_real_as_wireshark);
    g_test_add_func("/der/walk-fault", test_walk_fault);
    g_test_add_func("/der/time", test_time);
    g_test_add_func("/der/certificate-self-issued", test_certificate_self_issued);
    g_test_add_func("/der/count-oid-values", test_count_oid_values);
    return g_test_run();
}
