/* der.c - a minimal DER/BER reader for plain byte buffers
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "der.h"

#include <string.h>

der_status
der_read_header(const guint8 *buf, gsize len, der_header *out)
{
    gsize pos = 0;

    /* Every field has a value whatever is returned: callers test the status
     * first, but an optimising compiler may read the fields before that test
     * decides (valgrind then reports a jump on uninitialised stack). */
    *out = (der_header){ 0 };
    if (len < 1)
        return DER_NEED_MORE;
    out->cls = buf[0] >> 6;
    out->constructed = (buf[0] & 0x20) != 0;
    out->tag = buf[0] & 0x1f;
    pos = 1;
    if (out->tag == 0x1f) {
        /* High tag number form; more than 4 octets cannot fit in 32 bits. */
        guint32 tag = 0;
        int n = 0;
        do {
            if (pos >= len)
                return DER_NEED_MORE;
            if (++n > 4)
                return DER_INVALID;
            tag = (tag << 7) | (buf[pos] & 0x7f);
        } while (buf[pos++] & 0x80);
        out->tag = tag;
    }

    if (pos >= len)
        return DER_NEED_MORE;
    if (buf[pos] < 0x80) {
        out->content_len = buf[pos++];
    } else if (buf[pos] == 0x80) {
        if (!out->constructed)
            return DER_INVALID;
        out->indefinite = TRUE;     /* content_len stays 0 */
        pos++;
    } else {
        int n = buf[pos++] & 0x7f;
        guint64 value = 0;
        /* 0xff is reserved (X.690 8.1.3.5 c); more than 8 octets cannot be a
         * real length. */
        if (n > 8)
            return DER_INVALID;
        if (pos + (gsize)n > len)
            return DER_NEED_MORE;
        for (int i = 0; i < n; i++)
            value = (value << 8) | buf[pos++];
        out->content_len = value;
    }
    out->header_len = pos;
    return DER_OK;
}

der_status
der_element_size(const guint8 *buf, gsize len, guint64 *out)
{
    der_header hdr;
    der_status st = der_read_header(buf, len, &hdr);

    if (st != DER_OK)
        return st;
    if (hdr.indefinite || hdr.content_len > G_MAXUINT64 - hdr.header_len)
        return DER_INVALID;
    *out = hdr.header_len + hdr.content_len;
    return DER_OK;
}

static gboolean
looks_like_pkimessage(const guint8 *buf, gsize len, der_pkimessage_peek *peek, gboolean any_pvno)
{
    der_header msg, hdr, pvno, body;
    der_status st;
    gsize pos;

    if (peek) {
        peek->pvno = 0;
        peek->body_tag = -1;
    }
    /* Wherever the buffer ends, what was seen so far decides: a prefix of a
     * PKIMessage is plausible.  The tags are DER's, in the short form
     * (0x30, 0x02): so a longer prefix never turns a "no" into a "yes". */

    /* PKIMessage ::= SEQUENCE */
    st = der_read_header(buf, len, &msg);
    if (st == DER_NEED_MORE)
        return len > 0 && buf[0] == 0x30;
    if (st != DER_OK || buf[0] != 0x30 || msg.indefinite)
        return FALSE;
    pos = msg.header_len;

    /* header PKIHeader ::= SEQUENCE */
    st = der_read_header(buf + pos, len - pos, &hdr);
    if (st == DER_NEED_MORE)
        return pos == len || buf[pos] == 0x30;
    if (st != DER_OK || buf[pos] != 0x30 || !der_fits(&hdr, msg.content_len))
        return FALSE;
    pos += hdr.header_len;

    /* pvno INTEGER { cmp1999(1), cmp2000(2), cmp2021(3) } */
    st = der_read_header(buf + pos, len - pos, &pvno);
    if (st == DER_NEED_MORE)
        return pos == len || buf[pos] == 0x02;
    if (st != DER_OK || buf[pos] != 0x02 || pvno.content_len != 1 || !der_fits(&pvno, hdr.content_len))
        return FALSE;
    pos += pvno.header_len;
    if (pos >= len)
        return TRUE;
    if (!any_pvno && (buf[pos] < 1 || buf[pos] > 3))
        return FALSE;
    if (peek)
        peek->pvno = buf[pos];

    /* The body follows the header: a context-specific, constructed tag.
     * The header fits in the message, but the message may claim more than
     * the buffer holds. */
    if (hdr.header_len + hdr.content_len >= len - msg.header_len)
        return TRUE;
    pos = msg.header_len + hdr.header_len + (gsize)hdr.content_len;
    st = der_read_header(buf + pos, len - pos, &body);
    if (st == DER_NEED_MORE)
        return (buf[pos] & 0xe0) == 0xa0;
    if (st != DER_OK || body.cls != DER_CLASS_CONTEXT || !body.constructed)
        return FALSE;
    if (peek)
        peek->body_tag = (gint)body.tag;
    return TRUE;
}

gboolean
der_looks_like_pkimessage(const guint8 *buf, gsize len, der_pkimessage_peek *peek)
{
    return looks_like_pkimessage(buf, len, peek, FALSE);
}

gboolean
der_looks_like_pkimessage_any_pvno(const guint8 *buf, gsize len)
{
    return looks_like_pkimessage(buf, len, NULL, TRUE);
}

/* The contents of a PKIHeader, buf[pos, end): pvno, sender and recipient
 * (GeneralNames, [0] to [8]), then its optional fields [0] to [8], each
 * explicitly tagged, in order; each fits in the header and together they
 * fill it.  DER_NEED_MORE where the bytes at hand end first. */
static der_status
pkiheader_check(const guint8 *buf, gsize len, guint64 pos, guint64 end)
{
    guint32 next_optional = 0;  /* the lowest tag the next optional field may have */
    guint i;

    for (i = 0; pos < end; i++) {
        der_header field;
        der_status st = pos < len ? der_read_header(buf + pos, len - pos, &field) : DER_NEED_MORE;
        if (st != DER_OK)
            return st;
        if (!der_fits(&field, end - pos))
            return DER_INVALID;
        if (i == 0 && buf[pos] != 0x02)
            return DER_INVALID;
        if (i >= 1 && (field.cls != DER_CLASS_CONTEXT || field.tag > 8))
            return DER_INVALID;
        if (i >= 3) {
            if (!field.constructed || field.tag < next_optional)
                return DER_INVALID;
            next_optional = field.tag + 1;
        }
        pos += field.header_len + field.content_len;
    }
    return i >= 3 ? DER_OK : DER_INVALID;
}

der_status
der_pkimessage_confirm(const guint8 *buf, gsize len)
{
    der_header msg, child;
    guint64 pos, msg_end;
    guint32 next_optional = 0;  /* the lowest tag the next optional element may have */
    guint i;

    if (len == 0)
        return DER_NEED_MORE;
    if (!der_looks_like_pkimessage(buf, len, NULL))
        return DER_INVALID;
    if (der_read_header(buf, len, &msg) != DER_OK)
        return DER_NEED_MORE;
    msg_end = msg.header_len + msg.content_len;
    pos = msg.header_len;
    /* Element i: 0 the header, 1 the body, 2 and 3 the optional ones. */
    for (i = 0; pos < msg_end; i++) {
        der_status st = pos < len ? der_read_header(buf + pos, len - pos, &child) : DER_NEED_MORE;
        if (st == DER_NEED_MORE) {
            /* The rest is not at hand.  Believed once the body's header is,
             * and the bytes end inside an element: where they end between
             * two, the next bytes could still refute the length. */
            return i >= 2 && pos > len ? DER_OK : DER_NEED_MORE;
        }
        if (st != DER_OK || !der_fits(&child, msg_end - pos))
            return DER_INVALID;
        if (i == 0) {
            st = pkiheader_check(buf, len, pos + child.header_len, pos + child.header_len + child.content_len);
            if (st != DER_OK)
                return st;
        }
        if (i == 1 && (child.cls != DER_CLASS_CONTEXT || !child.constructed))
            return DER_INVALID;
        if (i >= 2 && (i > 3 || child.cls != DER_CLASS_CONTEXT || !child.constructed
                       || child.tag < next_optional || child.tag > 1))
            return DER_INVALID;
        if (i >= 2)
            next_optional = child.tag + 1;
        pos += child.header_len + child.content_len;
    }
    return i >= 2 ? DER_OK : DER_INVALID;
}

/* The decimal number of n digits at text, or -1. */
static gint
time_digits(const guint8 *text, gsize n)
{
    gint value = 0;

    for (gsize i = 0; i < n; i++) {
        if (text[i] < '0' || text[i] > '9')
            return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

gboolean
der_parse_time(guint32 tag, const guint8 *text, gsize len, gint64 *secs)
{
    gsize year_len = tag == DER_TAG_UTC_TIME ? 2 : tag == DER_TAG_GENERALIZED_TIME ? 4 : 0;
    gint year, fields[5];
    GDateTime *when;

    if (year_len == 0 || !text || len != year_len + 11 || text[len - 1] != 'Z')
        return FALSE;
    year = time_digits(text, year_len);
    for (gsize i = 0; i < 5; i++)
        fields[i] = time_digits(text + year_len + 2 * i, 2);
    if (year < 0 || fields[0] < 0 || fields[1] < 0 || fields[2] < 0 || fields[3] < 0 || fields[4] < 0)
        return FALSE;
    if (year_len == 2)
        year += year >= 50 ? 1900 : 2000;
    /* GDateTime checks the ranges (month 1..12, day of that month, ...);
     * a leap second, which it refuses, is not one RFC 5280 allows. */
    when = g_date_time_new_utc(year, fields[0], fields[1], fields[2], fields[3], fields[4]);
    if (!when)
        return FALSE;
    *secs = g_date_time_to_unix(when);
    g_date_time_unref(when);
    return TRUE;
}

gboolean
der_looks_like_ber(const guint8 *buf, gsize len)
{
    der_header outer;
    gsize pos, end;
    int elements = 0;

    if (der_read_header(buf, len, &outer) != DER_OK)
        return FALSE;
    /* A record on a stream is a constructed element (SEQUENCE, SET, an
     * application tag) of credible size; a primitive one is more likely
     * text that happens to parse. */
    if (!outer.constructed || (!outer.indefinite && outer.content_len > 16 * 1024 * 1024))
        return FALSE;
    pos = outer.header_len;
    end = outer.indefinite ? len : (gsize)MIN((guint64)len - outer.header_len, outer.content_len) + outer.header_len;
    /* Walk the first children; each must have a valid header that fits. */
    while (pos < end && elements < 8) {
        der_header child;
        der_status st = der_read_header(buf + pos, end - pos, &child);
        if (st == DER_NEED_MORE)
            return elements > 0 || pos == outer.header_len;
        if (st != DER_OK)
            return FALSE;
        if (child.indefinite)
            return TRUE;
        if (!outer.indefinite && !der_fits(&child, outer.header_len + outer.content_len - pos))
            return FALSE;
        pos += child.header_len + (gsize)child.content_len;
        elements++;
    }
    return TRUE;
}

/* Writes value in decimal at out; returns the number of digits. */
static gsize
write_decimal(char *out, guint64 value)
{
    char digits[20];    /* G_MAXUINT64 has 20 */
    gsize n = 0;

    do {
        digits[n++] = (char)('0' + value % 10);
        value /= 10;
    } while (value);
    for (gsize i = 0; i < n; i++)
        out[i] = digits[n - 1 - i];
    return n;
}

/* Digits are written without printf: OIDs are formatted for every
 * algorithm of every message, often enough for printf to show in
 * profiles. */
gsize
der_oid_format(const guint8 *buf, gsize len, char *out)
{
    gsize pos = 0;
    guint64 value = 0;
    gboolean first = TRUE;

    out[0] = '\0';
    if (len == 0 || (buf[len - 1] & 0x80))
        return 0;               /* empty, or the last arc unterminated */
    for (gsize i = 0; i < len; i++) {
        if (value == 0 && buf[i] == 0x80)
            goto invalid;       /* non-minimal encoding */
        if (value > (G_MAXUINT64 >> 7))
            goto invalid;
        value = (value << 7) | (buf[i] & 0x7f);
        if (buf[i] & 0x80)
            continue;
        if (first) {
            guint first_arc = value < 40 ? 0 : value < 80 ? 1 : 2;
            pos += write_decimal(out + pos, first_arc);
            out[pos++] = '.';
            pos += write_decimal(out + pos, value - 40 * first_arc);
            first = FALSE;
        } else {
            out[pos++] = '.';
            pos += write_decimal(out + pos, value);
        }
        value = 0;
    }
    out[pos] = '\0';
    return pos;
invalid:
    out[0] = '\0';
    return 0;
}

gboolean
der_oid_to_string(const guint8 *buf, gsize len, GString *out)
{
    gsize start = out->len;

    g_string_set_size(out, start + DER_OID_STRING_SIZE(len));
    g_string_truncate(out, start + der_oid_format(buf, len, out->str + start));
    return out->len > start;
}

/* Short names of the attribute types seen in CMP names (RFC 4514 and the
 * ones OpenSSL prints), matched on their encoded content octets so that the
 * common case formats no OID at all. */
static const struct {
    guint8 len;
    guint8 oid[10];
    const char *name;
} attribute_short_names[] = {
    { 3, { 0x55, 0x04, 3 },  "CN" },                     /* 2.5.4.3 */
    { 3, { 0x55, 0x04, 4 },  "SN" },
    { 3, { 0x55, 0x04, 5 },  "serialNumber" },
    { 3, { 0x55, 0x04, 6 },  "C" },
    { 3, { 0x55, 0x04, 7 },  "L" },
    { 3, { 0x55, 0x04, 8 },  "ST" },
    { 3, { 0x55, 0x04, 9 },  "street" },
    { 3, { 0x55, 0x04, 10 }, "O" },
    { 3, { 0x55, 0x04, 11 }, "OU" },
    { 3, { 0x55, 0x04, 12 }, "title" },
    { 3, { 0x55, 0x04, 42 }, "GN" },
    { 3, { 0x55, 0x04, 46 }, "dnQualifier" },
    /* 0.9.2342.19200300.100.1.1 and .25 */
    { 10, { 0x09, 0x92, 0x26, 0x89, 0x93, 0xf2, 0x2c, 0x64, 0x01, 0x01 }, "UID" },
    { 10, { 0x09, 0x92, 0x26, 0x89, 0x93, 0xf2, 0x2c, 0x64, 0x01, 0x19 }, "DC" },
    /* 1.2.840.113549.1.9.1 */
    { 9, { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x01 }, "emailAddress" },
};

static const char *
attribute_short_name(const guint8 *oid, gsize len)
{
    for (gsize i = 0; i < G_N_ELEMENTS(attribute_short_names); i++)
        if (attribute_short_names[i].len == len && memcmp(attribute_short_names[i].oid, oid, len) == 0)
            return attribute_short_names[i].name;
    return NULL;
}

static void
append_attribute_value(const guint8 *buf, const der_header *hdr, GString *out)
{
    const guint8 *p = buf + hdr->header_len;
    gsize n = (gsize)hdr->content_len;

    if (hdr->cls == DER_CLASS_UNIVERSAL && hdr->tag == 30) {
        /* BMPString: UCS-2; keep ASCII, replace the rest. */
        for (gsize i = 0; i + 1 < n; i += 2)
            g_string_append_c(out, p[i] == 0 && p[i + 1] >= 0x20 && p[i + 1] < 0x7f ? (char)p[i + 1] : '?');
        return;
    }
    for (gsize i = 0; i < n; i++) {
        guint8 c = p[i];
        /* Escape what would make the rendering ambiguous (RFC 4514). */
        if (c == ',' || c == '+' || c == '\\' || c == '=')
            g_string_append_c(out, '\\');
        if (c >= 0x20 && c != 0x7f)
            g_string_append_c(out, (char)c);   /* UTF-8 passes through */
        else
            g_string_append_printf(out, "\\%02X", c);
    }
}

static gboolean
is_sequence(const der_header *h)
{
    return h->cls == DER_CLASS_UNIVERSAL && h->tag == DER_TAG_SEQUENCE && h->constructed;
}

gboolean
der_certificate_self_issued(const guint8 *buf, gsize len)
{
    /* Certificate ::= SEQUENCE { tbsCertificate SEQUENCE { version [0]
     * OPTIONAL, serialNumber, signature, issuer, validity, subject, ... } } */
    der_header cert, tbs, field;
    gsize pos, end, issuer = 0, issuer_size = 0;

    if (der_read_header(buf, len, &cert) != DER_OK || !is_sequence(&cert) || !der_fits(&cert, len))
        return FALSE;
    pos = cert.header_len;
    if (der_read_header(buf + pos, len - pos, &tbs) != DER_OK || !is_sequence(&tbs)
            || !der_fits(&tbs, cert.header_len + (gsize)cert.content_len - pos))
        return FALSE;
    end = pos + tbs.header_len + (gsize)tbs.content_len;
    pos += tbs.header_len;
    for (guint i = 0; pos < end; ) {
        gsize size;
        if (der_read_header(buf + pos, end - pos, &field) != DER_OK || !der_fits(&field, end - pos))
            return FALSE;
        size = field.header_len + (gsize)field.content_len;
        if (i == 0 && field.cls == DER_CLASS_CONTEXT && field.tag == 0) {
            pos += size;        /* the version, before the fields counted */
            continue;
        }
        if (i == 2) {
            issuer = pos;
            issuer_size = size;
        } else if (i == 4) {
            return size == issuer_size && memcmp(buf + issuer, buf + pos, size) == 0;
        }
        pos += size;
        i++;
    }
    return FALSE;
}

gboolean
der_format_name(const guint8 *buf, gsize len, GString *out)
{
    der_header seq, set, atv, oid, value;
    gsize pos, end, start = out->len;
    gboolean first_rdn = TRUE;

    if (der_read_header(buf, len, &seq) != DER_OK || seq.tag != DER_TAG_SEQUENCE
            || !der_fits(&seq, len))
        return FALSE;
    pos = seq.header_len;
    end = seq.header_len + (gsize)seq.content_len;
    while (pos < end) {
        gsize set_end;
        gboolean first_atv = TRUE;
        if (der_read_header(buf + pos, end - pos, &set) != DER_OK || set.tag != 17
                || !der_fits(&set, end - pos))
            goto invalid;
        set_end = pos + set.header_len + (gsize)set.content_len;
        pos += set.header_len;
        if (!first_rdn)
            g_string_append_c(out, ',');
        first_rdn = FALSE;
        while (pos < set_end) {
            gsize atv_end;
            if (der_read_header(buf + pos, set_end - pos, &atv) != DER_OK
                    || atv.tag != DER_TAG_SEQUENCE || !der_fits(&atv, set_end - pos))
                goto invalid;
            atv_end = pos + atv.header_len + (gsize)atv.content_len;
            pos += atv.header_len;
            if (der_read_header(buf + pos, atv_end - pos, &oid) != DER_OK || oid.tag != 6
                    || !der_fits(&oid, atv_end - pos))
                goto invalid;
            if (!first_atv)
                g_string_append_c(out, '+');
            first_atv = FALSE;

            const guint8 *oid_octets = buf + pos + oid.header_len;
            const char *short_name = attribute_short_name(oid_octets, (gsize)oid.content_len);
            if (short_name)
                g_string_append(out, short_name);
            else if (!der_oid_to_string(oid_octets, (gsize)oid.content_len, out))
                goto invalid;
            g_string_append_c(out, '=');
            pos += oid.header_len + (gsize)oid.content_len;

            if (der_read_header(buf + pos, atv_end - pos, &value) != DER_OK
                    || !der_fits(&value, atv_end - pos))
                goto invalid;
            append_attribute_value(buf + pos, &value, out);
            pos = atv_end;
        }
    }
    return TRUE;
invalid:
    g_string_truncate(out, start);
    return FALSE;
}

/* What X.690 8.5.7 and Wireshark 4.0's asn1_get_real (checked with
 * tshark 4.0.17) make of the contents of a primitive REAL.  *asserts tells
 * whether that decoder asserts on it: a binary REAL with an exponent whose
 * length is in the next octet, fewer than two octets after the exponent,
 * or a mantissa over 8 octets.  Returns why X.690 forbids the encoding, or
 * NULL: a 1-octet or a long mantissa, and the long exponent form, are
 * valid. */
static const char *
real_check(const guint8 *content, gsize len, gboolean *asserts)
{
    gsize exponent_len, mantissa_at;

    *asserts = FALSE;
    if (len == 0 || !(content[0] & 0x80))
        return NULL;            /* decimal or special: no assertion */
    if ((content[0] & 0x03) == 0x03) {
        /* 8.5.7.4 d: the next octet counts the exponent's octets, at least
         * one, and the exponent's first nine bits are not all equal. */
        *asserts = TRUE;
        if (len < 2 || content[1] == 0)
            return "a binary REAL whose exponent has no octets";
        exponent_len = content[1];
        mantissa_at = 2 + exponent_len;
        if (mantissa_at >= len)
            return "a binary REAL without a mantissa";
        if (exponent_len >= 2 && ((content[2] == 0x00 && !(content[3] & 0x80))
                                  || (content[2] == 0xff && (content[3] & 0x80))))
            return "a binary REAL whose exponent has more octets than it needs";
    } else {
        exponent_len = (content[0] & 0x03) + 1u;
        mantissa_at = 1 + exponent_len;
        if (mantissa_at >= len) {
            *asserts = TRUE;
            return "a binary REAL without a mantissa";
        }
        *asserts = len - mantissa_at == 1 || len - mantissa_at > 8;
    }
    if (((content[0] >> 4) & 0x03) == 0x03)
        return "a binary REAL with the base X.690 8.5.7.2 reserves";
    return NULL;
}

/* An element's header read as Wireshark's generic decoder reads it
 * (get_ber_identifier, get_ber_length), which takes more than
 * der_read_header does: a tag number of any length, kept in 32 bits; up to
 * 127 length octets, of which the last four count; an indefinite length on
 * a primitive element too.  FALSE when the header runs past the buffer:
 * Wireshark throws there, which ends its decoding.  *fault says what in
 * the header X.690 8.1.2 and 8.1.3 forbid, or is NULL, whatever it
 * returns. */
static gboolean
ber_read_header_as_wireshark(const guint8 *buf, gsize len, der_header *out, const char **fault)
{
    gsize pos = 1;

    *out = (der_header){ 0 };
    *fault = NULL;
    if (len < 1)
        return FALSE;
    out->cls = buf[0] >> 6;
    out->constructed = (buf[0] & 0x20) != 0;
    out->tag = buf[0] & 0x1f;
    if (out->tag == 0x1f) {
        guint32 tag = 0;
        if (len > 1 && (buf[1] == 0x80 || buf[1] < 0x1f))
            *fault = "a tag number in a longer form than X.690 8.1.2 allows";
        do {
            if (pos >= len)
                return FALSE;
            tag = (tag << 7) | (buf[pos] & 0x7f);
        } while (buf[pos++] & 0x80);
        out->tag = tag;
    }
    if (pos >= len)
        return FALSE;
    if (buf[pos] == 0x80) {
        out->indefinite = TRUE;
        pos++;
    } else if (buf[pos] < 0x80) {
        out->content_len = buf[pos++];
    } else {
        gsize n = buf[pos++] & 0x7f;
        guint32 length = 0;
        if (n == 0x7f)
            *fault = "the length octet 0xFF, which X.690 8.1.3.5 reserves";
        if (n > len - pos)
            return FALSE;
        for (; n > 4; n--) {
            if (buf[pos++] != 0x00 && !*fault)
                *fault = "a length over 32 bits, beyond what can hold it";
        }
        while (n--)
            length = (length << 8) | buf[pos++];
        out->content_len = length;
    }
    out->header_len = pos;
    return TRUE;
}

/* Why X.690 forbids a universal type in the form hdr has, or NULL.
 * BOOLEAN (8.2), INTEGER (8.3), ENUMERATED (8.4), REAL (8.5), NULL (8.8)
 * and the object identifiers are primitive; SEQUENCE (8.9), SET (8.11)
 * and the types encoded as a SEQUENCE (EXTERNAL, EMBEDDED PDV, CHARACTER
 * STRING) constructed.  Strings and times may take either form in BER. */
static const char *
form_check(const der_header *hdr)
{
    static const struct {
        guint32 tag;
        gboolean constructed;       /* the form the type must not have */
        const char *fault;
    } wrong_forms[] = {
        { 1, TRUE, "a constructed BOOLEAN" },
        { DER_TAG_INTEGER, TRUE, "a constructed INTEGER" },
        { 5, TRUE, "a constructed NULL" },
        { 6, TRUE, "a constructed OBJECT IDENTIFIER" },
        { DER_TAG_REAL, TRUE, "a constructed REAL" },
        { 10, TRUE, "a constructed ENUMERATED" },
        { 13, TRUE, "a constructed RELATIVE-OID" },
        { 8, FALSE, "a primitive EXTERNAL" },
        { 11, FALSE, "a primitive EMBEDDED PDV" },
        { DER_TAG_SEQUENCE, FALSE, "a primitive SEQUENCE" },
        { 17, FALSE, "a primitive SET" },
        { 29, FALSE, "a primitive CHARACTER STRING" },
    };

    if (hdr->cls != DER_CLASS_UNIVERSAL)
        return NULL;
    for (gsize i = 0; i < G_N_ELEMENTS(wrong_forms); i++) {
        if (wrong_forms[i].tag == hdr->tag)
            return wrong_forms[i].constructed == hdr->constructed ? wrong_forms[i].fault : NULL;
    }
    return NULL;
}

static void
note_fault(der_walk_result *out, const char *fault)
{
    if (fault && !out->fault)
        out->fault = fault;
}

void
der_walk(const guint8 *buf, gsize len, guint64 reported_len, guint limit, der_walk_result *out)
{
    /* open[d] is the element open at depth d + 1.  end is where the walk
     * leaves it.  As in Wireshark's decoder, an element need only fit in
     * the buffer, not in its parent: the parent's loop ends once an element
     * reaches or overruns the parent's end, and the grandparent's goes on
     * from there.  An indefinite element stops at its end-of-contents,
     * wherever that is (Wireshark scans for it to the end of the buffer).
     * bound is where X.690 has its contents end: its declared end, beyond
     * the buffer in a capture cut short, or for an indefinite element the
     * bound of the one it is in. */
    struct {
        gsize end;
        guint64 bound;
        gboolean indefinite;
    } *open = g_malloc_n((gsize)limit + 1, sizeof *open);
    guint depth = 0;
    gsize pos = 0, end = len;

    out->depth = 0;
    out->unsupported_real = FALSE;
    out->fault = NULL;
    while (pos < end || depth > 0) {
        der_header hdr;
        const char *fault;
        gboolean read, fits;
        guint64 bound;
        if (pos >= end) {           /* the element at this depth is done */
            depth--;
            end = depth ? open[depth - 1].end : len;
            continue;
        }
        read = ber_read_header_as_wireshark(buf + pos, len - pos, &hdr, &fault);
        note_fault(out, fault);
        if (!read)
            break;
        if (depth > 0 && open[depth - 1].indefinite && hdr.cls == DER_CLASS_UNIVERSAL
                && hdr.tag == 0 && !hdr.constructed && hdr.content_len == 0) {
            pos += hdr.header_len;  /* end-of-contents */
            depth--;
            end = depth ? open[depth - 1].end : len;
            continue;
        }
        if (depth + 1 > out->depth)
            out->depth = depth + 1;
        if (out->depth > limit)
            break;
        fits = der_fits(&hdr, len - pos);   /* FALSE when indefinite */
        bound = depth ? open[depth - 1].bound : reported_len;
        if (hdr.indefinite && !hdr.constructed)
            note_fault(out, "a primitive element with an indefinite length");
        if (pos + hdr.header_len + (hdr.indefinite ? 0 : hdr.content_len) > bound)
            note_fault(out, "an element that runs past the end of what holds it");
        if (hdr.cls == DER_CLASS_UNIVERSAL && hdr.tag == 0)
            note_fault(out, "tag [UNIVERSAL 0], which only ends an indefinite length");
        note_fault(out, form_check(&hdr));
        if (hdr.cls == DER_CLASS_UNIVERSAL && hdr.tag == DER_TAG_REAL) {
            gboolean asserts = hdr.indefinite;
            if (fits && !hdr.constructed)
                note_fault(out, real_check(buf + pos + hdr.header_len, (gsize)hdr.content_len, &asserts));
            if (asserts && !hdr.constructed)
                out->unsupported_real = TRUE;
        }
        if (hdr.constructed || hdr.indefinite) {
            /* Walked into.  A primitive element with an indefinite length
             * is walked like a constructed one: Wireshark scans its
             * contents for the end-of-contents, so they end where its walk
             * does.  A constructed element longer than the buffer is walked
             * to the buffer's end: Wireshark checks lengths against the
             * reported length, which exceeds the buffer in a capture cut
             * short, and then decodes what the buffer holds. */
            open[depth].indefinite = hdr.indefinite;
            open[depth].end = fits ? pos + hdr.header_len + (gsize)hdr.content_len : len;
            open[depth].bound = hdr.indefinite ? bound : pos + hdr.header_len + hdr.content_len;
            end = open[depth++].end;
            pos += hdr.header_len;
        } else if (fits) {
            pos += hdr.header_len + (gsize)hdr.content_len;
        } else {
            break;                  /* truncated */
        }
    }
    g_free(open);
}

/* Whether the element at the start of buf is a SEQUENCE whose first
 * element is an OBJECT IDENTIFIER (an AttributeTypeAndValue). */
static gboolean
starts_with_oid(const guint8 *buf, gsize len)
{
    der_header seq, first;
    const char *fault;

    return ber_read_header_as_wireshark(buf, len, &seq, &fault) && seq.cls == DER_CLASS_UNIVERSAL
        && seq.constructed && seq.tag == DER_TAG_SEQUENCE
        && ber_read_header_as_wireshark(buf + seq.header_len, len - seq.header_len, &first, &fault)
        && first.cls == DER_CLASS_UNIVERSAL && first.tag == DER_TAG_OID;
}

guint
der_count_oid_values(const guint8 *buf, gsize len, guint limit)
{
    /* The element being walked: where its contents end, and how far its
     * elements may reach: the end of the innermost OCTET STRING it is in,
     * or of the buffer (as in der_walk, an element need only fit there).
     * outer[d] holds the state of the element around the one at depth
     * d + 1. */
    typedef struct {
        gsize end, bound;
        gboolean set;           /* a SET: its elements may be values */
        gboolean indefinite;    /* ends at its end-of-contents */
    } region_t;
    region_t outer[DER_COUNT_MAX_DEPTH];
    region_t cur = { len, len, FALSE, FALSE };
    guint depth = 0, count = 0;
    gsize pos = 0;

    while (count <= limit) {
        der_header hdr;
        const char *fault;
        gboolean fits, string;

        if (pos >= cur.end) {
            if (depth == 0)
                break;
            cur = outer[--depth];
            continue;
        }
        if (!ber_read_header_as_wireshark(buf + pos, cur.bound - pos, &hdr, &fault)) {
            /* No BER up to the bound: in an OCTET STRING, the walk goes
             * on after it, as Wireshark's decoders do after a value they
             * could not read; in the buffer, it ends there. */
            pos = cur.bound;
            continue;
        }
        if (cur.indefinite && hdr.cls == DER_CLASS_UNIVERSAL && hdr.tag == 0 && !hdr.constructed
                && hdr.content_len == 0) {
            pos += hdr.header_len;      /* end-of-contents */
            cur = outer[--depth];
            continue;
        }
        /* An element counts once at most: an OID in a SET is a value,
         * which selects nothing itself. */
        if (hdr.cls == DER_CLASS_UNIVERSAL && hdr.tag == DER_TAG_OID)
            count++;
        else if (cur.set && !starts_with_oid(buf + pos, cur.bound - pos))
            count++;
        fits = der_fits(&hdr, cur.bound - pos);
        string = !hdr.constructed && !hdr.indefinite && hdr.cls == DER_CLASS_UNIVERSAL
            && hdr.tag == DER_TAG_OCTET_STRING && fits && hdr.content_len >= 2;
        if (hdr.constructed || hdr.indefinite || string) {
            if (depth == DER_COUNT_MAX_DEPTH)
                return limit + 1;
            outer[depth++] = cur;
            pos += hdr.header_len;
            cur.end = fits ? pos + (gsize)hdr.content_len : cur.bound;
            if (string)
                cur.bound = cur.end;
            cur.set = hdr.constructed && hdr.cls == DER_CLASS_UNIVERSAL && hdr.tag == DER_TAG_SET;
            cur.indefinite = hdr.indefinite;
        } else {
            /* A primitive element cut short: as a header that cannot be
             * read. */
            pos = fits ? pos + hdr.header_len + (gsize)hdr.content_len : cur.bound;
        }
    }
    return MIN(count, limit + 1);
}
