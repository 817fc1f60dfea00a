/* framing.c - CMP's TCP framings and session classification, on plain bytes
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "framing.h"
#include "der.h"

gboolean
cmp_v0_type_has_pkimessage(guint8 type, guint *msg_offset)
{
    switch (type) {
    case CMP_V0_PKI_MSG:
    case CMP_V0_FINAL_MSG_REP:
        if (msg_offset)
            *msg_offset = 0;
        return TRUE;
    case CMP_V0_PARTIAL_MSG_REP:
        /* next polling reference u32, time-to-check-back u32 */
        if (msg_offset)
            *msg_offset = 8;
        return TRUE;
    default:
        return FALSE;
    }
}

gboolean
cmp_v10_type_has_pkimessage(guint8 type)
{
    return type == CMP_V10_PKI_REQ || type == CMP_V10_PKI_REP;
}

gsize
cmp_frame_message_offset(const guint8 *buf)
{
    guint msg_offset;

    if (buf[4] == CMP_TCP_V10_VERSION)
        return cmp_v10_type_has_pkimessage(buf[6]) ? CMP_TCP_V10_HEADER_LEN : 0;
    if (cmp_v0_type_has_pkimessage(buf[4], &msg_offset))
        return CMP_TCP_V0_HEADER_LEN + msg_offset;
    return 0;
}

gboolean
cmp_v0_type_is_known(guint8 type)
{
    return type <= CMP_V0_ERROR_MSG_REP;
}

gboolean
cmp_v10_type_is_known(guint8 type)
{
    return type <= CMP_V10_ERROR_MSG_REP && type != 4;
}

guint32
cmp_v0_fixed_length(guint8 type)
{
    switch (type) {
    case CMP_V0_POLL_REP:     return 1 + 8;
    case CMP_V0_POLL_REQ:     return 1 + 4;
    case CMP_V0_NEG_POLL_REP: return 1 + 1;
    default:                  return 0;
    }
}

guint32
cmp_v10_fixed_length(guint8 type)
{
    switch (type) {
    case CMP_V10_POLL_REP: return 3 + 8;
    case CMP_V10_POLL_REQ: return 3 + 4;
    case CMP_V10_FIN_REP:  return 3 + 1;
    default:               return 0;
    }
}

entrust_delimiting
entrust_session_delimiting(entrust_session_kind kind)
{
    switch (kind) {
    case ENTRUST_SESSION_CMP_V0:
    case ENTRUST_SESSION_CMP_V10:
        return ENTRUST_DELIMIT_LENGTH_PREFIX;
    case ENTRUST_SESSION_CMP_DER:
    case ENTRUST_SESSION_OTHER_BER:
        return ENTRUST_DELIMIT_DER;
    default:
        return ENTRUST_DELIMIT_NONE;
    }
}

/* An SSLv2-compatible ClientHello (RFC 5246 appendix E.2): a two-byte
 * record header with its high bit set, message type 1, an SSL 3.0 or TLS
 * version, and the three lengths after it adding up to the record's. */
static gboolean
looks_like_sslv2_client_hello(const guint8 *buf, gsize len)
{
    guint record, ciphers, session_id, challenge;

    if (len < 11 || !(buf[0] & 0x80) || buf[2] != 0x01 || buf[3] != 0x03 || buf[4] > 0x04)
        return FALSE;
    record = ((guint)(buf[0] & 0x7f) << 8) | buf[1];
    ciphers = ((guint)buf[5] << 8) | buf[6];
    session_id = ((guint)buf[7] << 8) | buf[8];
    challenge = ((guint)buf[9] << 8) | buf[10];
    return ciphers != 0 && ciphers % 3 == 0 && (session_id == 0 || session_id == 16)
        && challenge >= 16 && challenge <= 32 && record == 9 + ciphers + session_id + challenge;
}

/* A TLS record header: change_cipher_spec (20), alert (21), handshake
 * (22) or application_data (23), version 3.x; or an SSLv2-compatible
 * ClientHello.  A capture that starts after the handshake sees
 * application data first. */
static gboolean
looks_like_tls(const guint8 *buf, gsize len)
{
    if (looks_like_sslv2_client_hello(buf, len))
        return TRUE;
    if (len < 1 || buf[0] < 0x14 || buf[0] > 0x17)
        return FALSE;
    if (len >= 2 && buf[1] != 0x03)
        return FALSE;
    if (len >= 3 && buf[2] > 0x04)
        return FALSE;
    return TRUE;
}

/* A v0 or v10 header whose length field starts with a non-zero byte (16 MiB
 * or more: at or over the default maximum PDU size), recognised by what
 * follows the length: a known type carrying a PKIMessage whose first byte,
 * a SEQUENCE tag, is visible.  Only the types carrying a PKIMessage can be
 * that long, so nothing else is taken for one. */
static gboolean
looks_like_long_header(const guint8 *buf, gsize len)
{
    gsize msg_at;

    if (len <= CMP_TCP_V0_HEADER_LEN)
        return FALSE;
    if (buf[4] == CMP_TCP_V10_VERSION
            && (len <= CMP_TCP_V10_HEADER_LEN || (buf[5] & CMP_TCP_V10_FLAGS_RESERVED)))
        return FALSE;
    msg_at = cmp_frame_message_offset(buf);
    return msg_at != 0 && msg_at < len && buf[msg_at] == 0x30;
}

entrust_session_kind
entrust_classify(const guint8 *buf, gsize len)
{
    if (len == 0)
        return ENTRUST_SESSION_NONE;

    if (looks_like_tls(buf, len))
        return ENTRUST_SESSION_TLS;

    /* A length below 16 MiB starts with a zero byte; a DER element never
     * does (tag 0 is end-of-contents).  The framing wins even when the
     * first frame is faulty (unknown type, bad length): each PDU's faults
     * are reported on it. */
    if (buf[0] == 0x00)
        return len > 4 && buf[4] == CMP_TCP_V10_VERSION ? ENTRUST_SESSION_CMP_V10 : ENTRUST_SESSION_CMP_V0;

    if (der_looks_like_pkimessage(buf, len, NULL))
        return ENTRUST_SESSION_CMP_DER;
    if (der_looks_like_ber(buf, len))
        return ENTRUST_SESSION_OTHER_BER;
    /* A first PDU of 16 MiB or more: the framing still, so that its length
     * is judged (and reported) against the maximum PDU size. */
    if (looks_like_long_header(buf, len))
        return buf[4] == CMP_TCP_V10_VERSION ? ENTRUST_SESSION_CMP_V10 : ENTRUST_SESSION_CMP_V0;
    return ENTRUST_SESSION_UNKNOWN;
}

/* An octet of RFC 2510's human-readable error text: no control character
 * but tab, CR, LF and ESC (a terminal's colours); any octet from 0x80 on,
 * as UTF-8 has them. */
static gboolean
error_text_octet(guint8 c)
{
    return (c >= 0x20 && c != 0x7f) || c == '\t' || c == '\r' || c == '\n' || c == 0x1b;
}

/* An errorMsgRep (the only type of neither fixed size nor PKIMessage):
 * a zero octet and the type 6 five octets on, which any binary data holds
 * every 64 KiB or so (DER has "00 01 30 0d 06" after every RSA exponent
 * 65537 that an AlgorithmIdentifier follows).  So its value must read as
 * one: a version-10 error code of a known class (1-3), its frame whole in
 * the bytes at hand; or RFC 2510's text, whole (a C string's final NUL
 * allowed) or, when the frame runs past the bytes at hand (split across
 * segments), CMP_ERROR_TEXT_EVIDENCE octets of it at least. */
static gboolean
error_msg_rep_plausible(const guint8 *buf, gsize len, guint32 length)
{
    gsize end = (gsize)length + CMP_TCP_LENGTH_LEN;
    gboolean whole = end <= len;

    if (buf[4] == CMP_TCP_V10_VERSION)
        return whole && length >= CMP_TCP_V10_MIN_LENGTH + 2 && buf[7] >= 1 && buf[7] <= 3;
    if (!whole) {
        if (len < CMP_TCP_V0_HEADER_LEN + CMP_ERROR_TEXT_EVIDENCE)
            return FALSE;
        end = len;
    } else if (end > CMP_TCP_V0_HEADER_LEN && buf[end - 1] == 0) {
        end--;
    }
    for (gsize i = CMP_TCP_V0_HEADER_LEN; i < end; i++)
        if (!error_text_octet(buf[i]))
            return FALSE;
    return TRUE;
}

gboolean
cmp_tcp_header_plausible(const guint8 *buf, gsize len, guint32 max_pdu)
{
    guint32 length;
    gsize msg_at;
    gboolean above_max;

    if (len < CMP_TCP_V10_HEADER_LEN)
        return FALSE;
    length = cmp_read_be32(buf);
    above_max = length > max_pdu;
    if (above_max && length > G_MAXUINT32 - CMP_TCP_LENGTH_LEN)
        return FALSE;               /* the frame's size would not fit 32 bits */
    if (buf[4] == CMP_TCP_V10_VERSION) {
        if (length < CMP_TCP_V10_MIN_LENGTH || !cmp_v10_type_is_known(buf[6])
                || (buf[5] & CMP_TCP_V10_FLAGS_RESERVED))
            return FALSE;
    } else if (length < CMP_TCP_V0_MIN_LENGTH || !cmp_v0_type_is_known(buf[4])) {
        return FALSE;
    }
    /* A fixed-size type must have its size (the check the framing's
     * length reader makes too). */
    if (!cmp_tcp_length_fits_type(buf, len))
        return FALSE;
    msg_at = cmp_frame_message_offset(buf);
    if (msg_at == 0) {
        /* A fixed-size message of its size (checked above) is what it
         * says, whatever the maximum; an errorMsgRep above it is not, nor
         * one whose frame does not read as one. */
        guint32 fixed = buf[4] == CMP_TCP_V10_VERSION ? cmp_v10_fixed_length(buf[6]) : cmp_v0_fixed_length(buf[4]);
        if (fixed != 0)
            return TRUE;
        return !above_max && error_msg_rep_plausible(buf, len, length);
    }
    /* The payload must begin like a PKIMessage and, where its DER header is
     * visible, fill the frame exactly: a resynchronisation point has to be
     * far more than a few plausible bytes. */
    if (length < msg_at - CMP_TCP_LENGTH_LEN + 2)
        return FALSE;
    if (msg_at < len && (!der_looks_like_pkimessage(buf + msg_at, len - msg_at, NULL)
                         || cmp_frame_der_length_check(buf, len) == DER_INVALID))
        return FALSE;
    /* A length above max_pdu is believed only where the PKIMessage behind
     * it confirms it: its DER length agrees (above), and its top-level
     * elements fit that length. */
    return !above_max || (msg_at < len && der_pkimessage_confirm(buf + msg_at, len - msg_at) == DER_OK);
}

der_status
cmp_frame_der_length_check(const guint8 *buf, gsize len)
{
    gsize msg_at = len >= CMP_TCP_V10_HEADER_LEN ? cmp_frame_message_offset(buf) : 0;
    guint64 der_size;
    der_status st;

    if (len < CMP_TCP_V10_HEADER_LEN || (msg_at != 0 && msg_at >= len))
        return DER_NEED_MORE;
    if (msg_at == 0)
        return DER_INVALID;
    st = der_element_size(buf + msg_at, len - msg_at, &der_size);
    if (st != DER_OK)
        return st;
    return der_size <= G_MAXUINT32 && der_size + (msg_at - CMP_TCP_LENGTH_LEN) == cmp_read_be32(buf)
        ? DER_OK : DER_INVALID;
}

gboolean
cmp_tcp_length_fits_type(const guint8 *buf, gsize len)
{
    guint32 length, fixed;

    if (len <= CMP_TCP_LENGTH_LEN)
        return TRUE;
    length = cmp_read_be32(buf);
    if (buf[4] == CMP_TCP_V10_VERSION) {
        if (length < CMP_TCP_V10_MIN_LENGTH || len < CMP_TCP_V10_HEADER_LEN)
            return TRUE;
        fixed = cmp_v10_fixed_length(buf[6]);
    } else {
        if (length < CMP_TCP_V0_MIN_LENGTH)
            return TRUE;
        fixed = cmp_v0_fixed_length(buf[4]);
    }
    return fixed == 0 || length == fixed;
}

gsize
cmp_tcp_find_header(const guint8 *buf, gsize len, gsize from, guint32 max_pdu)
{
    for (gsize pos = from; pos + CMP_TCP_V10_HEADER_LEN <= len; pos++) {
        /* Cheap pre-check: realistic lengths start with a zero byte. */
        if (buf[pos] != 0x00 && max_pdu < 0x01000000)
            continue;
        if (cmp_tcp_header_plausible(buf + pos, len - pos, max_pdu))
            return pos;
    }
    return len;
}

gsize
cmp_der_find_pkimessage(const guint8 *buf, gsize len, gsize from)
{
    for (gsize pos = from; pos < len; pos++) {
        if (buf[pos] != 0x30)
            continue;
        /* Require the full header sequence to be visible: a lone 0x30 in
         * random data is too common. */
        der_pkimessage_peek peek;
        if (der_looks_like_pkimessage(buf + pos, len - pos, &peek) && peek.pvno != 0)
            return pos;
    }
    return len;
}
