/* heuristics.c - finding CMP on any TCP port and in HTTP bodies
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "heuristics.h"
#include "framing.h"
#include "der.h"

#include <string.h>

/* A GeneralName: context-specific tag 0..8, definite length, inside limit. */
static gboolean
read_general_name(const guint8 *buf, gsize len, gsize *pos, gsize limit)
{
    der_header h;

    if (*pos >= limit || der_read_header(buf + *pos, len - *pos, &h) != DER_OK)
        return FALSE;
    if (h.cls != DER_CLASS_CONTEXT || h.tag > 8 || !der_fits(&h, limit - *pos))
        return FALSE;
    *pos += h.header_len + (gsize)h.content_len;
    return TRUE;
}

typedef enum {
    HEUR_NO,
    HEUR_CUT,                     /* so far a PKIMessage, but its PKIHeader or
                                     its body's tag lies past the bytes given */
    HEUR_YES
} heur_verdict;

static heur_verdict
pkimessage_verdict(const guint8 *buf, gsize len, guint32 max_pdu)
{
    der_header msg, hdr, pvno, body;
    der_pkimessage_peek peek;
    gsize pos, msg_end, hdr_end;
    der_status status;

    if (!buf || len < 2 || buf[0] != 0x30)
        return HEUR_NO;
    if (!der_looks_like_pkimessage(buf, len, &peek) || peek.pvno < 1 || peek.pvno > 3)
        return HEUR_NO;
    if (der_read_header(buf, len, &msg) != DER_OK || !der_fits(&msg, max_pdu))
        return HEUR_NO;
    msg_end = msg.header_len + (gsize)msg.content_len;
    pos = msg.header_len;
    if (der_read_header(buf + pos, len - pos, &hdr) != DER_OK)
        return HEUR_NO;
    if (!der_fits(&hdr, len - pos))
        return der_fits(&hdr, msg_end - pos) ? HEUR_CUT : HEUR_NO;
    pos += hdr.header_len;
    hdr_end = pos + (gsize)hdr.content_len;
    if (der_read_header(buf + pos, hdr_end - pos, &pvno) != DER_OK || !der_fits(&pvno, hdr_end - pos))
        return HEUR_NO;
    pos += pvno.header_len + (gsize)pvno.content_len;
    /* sender, recipient */
    if (!read_general_name(buf, len, &pos, hdr_end) || !read_general_name(buf, len, &pos, hdr_end))
        return HEUR_NO;
    /* A known body, which fits in the message. */
    status = der_read_header(buf + hdr_end, len - hdr_end, &body);
    if (status == DER_NEED_MORE)
        return HEUR_CUT;
    if (status != DER_OK || peek.body_tag < 0 || peek.body_tag > 26 || !der_fits(&body, msg_end - hdr_end))
        return HEUR_NO;
    return HEUR_YES;
}

gboolean
cmp_heur_bare_pkimessage(const guint8 *buf, gsize len, guint32 max_pdu)
{
    return pkimessage_verdict(buf, len, max_pdu) == HEUR_YES;
}

gboolean
cmp_heur_framed_pkimessage(const guint8 *buf, gsize len, guint32 max_pdu)
{
    der_pkimessage_peek peek;
    gsize at;

    if (!buf || len < CMP_TCP_V10_HEADER_LEN || !cmp_tcp_header_plausible(buf, len, max_pdu))
        return FALSE;
    at = cmp_frame_message_offset(buf);
    if (at == 0 || at >= len)
        return FALSE;
    if (!der_looks_like_pkimessage(buf + at, len - at, &peek) || peek.pvno < 1 || peek.pvno > 3)
        return FALSE;
    /* Where the segment holds the PKIHeader, it must be one: RFC 3161's
     * time-stamp protocol over TCP (section 3.3) frames its DER as CMP
     * does, and a TimeStampResp starts as SEQUENCE { SEQUENCE { INTEGER
     * status 0..5 } }, a pvno to the check above. */
    if (pkimessage_verdict(buf + at, len - at, max_pdu) == HEUR_NO)
        return FALSE;
    /* cmp_tcp_header_plausible checked this already; it is the heart of
     * the heuristic, so it is checked here too. */
    return cmp_frame_der_length_check(buf, len) == DER_OK;
}

gboolean
cmp_heur_header_alone(const guint8 *buf, gsize len, guint32 max_pdu)
{
    gsize header_len;
    guint32 length;

    if (!buf || len < CMP_TCP_V0_HEADER_LEN)
        return FALSE;
    header_len = buf[4] == CMP_TCP_V10_VERSION ? CMP_TCP_V10_HEADER_LEN : CMP_TCP_V0_HEADER_LEN;
    if (len != header_len)
        return FALSE;
    if (header_len == CMP_TCP_V10_HEADER_LEN && (buf[5] & CMP_TCP_V10_FLAGS_RESERVED))
        return FALSE;
    length = cmp_read_be32(buf);
    /* A type that carries a PKIMessage, long enough for its SEQUENCE's
     * two octets at least. */
    return length <= max_pdu && cmp_frame_message_offset(buf) == header_len
        && length >= header_len - CMP_TCP_LENGTH_LEN + 2;
}

gboolean
cmp_heur_after_header(const guint8 *header, gsize header_len, const guint8 *buf, gsize len, guint32 max_pdu)
{
    guint8 joined[CMP_TCP_V10_HEADER_LEN + CMP_HEUR_AFTER_HEADER_BYTES];
    gsize n;

    if (!buf || len == 0 || !cmp_heur_header_alone(header, header_len, max_pdu))
        return FALSE;
    n = MIN(len, CMP_HEUR_AFTER_HEADER_BYTES);
    memcpy(joined, header, header_len);
    memcpy(joined + header_len, buf, n);
    return cmp_heur_framed_pkimessage(joined, header_len + n, max_pdu);
}

gboolean
cmp_heur_header_instead_of_der(const guint8 *buf, gsize len, guint32 max_pdu)
{
    guint32 fixed;

    if (!buf || len < CMP_TCP_V0_HEADER_LEN || buf[0] == 0x30)
        return FALSE;
    if (buf[4] == CMP_TCP_V10_VERSION)
        fixed = len >= CMP_TCP_V10_HEADER_LEN ? cmp_v10_fixed_length(buf[6]) : 0;
    else
        fixed = cmp_v0_fixed_length(buf[4]);
    if (len < CMP_TCP_V10_HEADER_LEN) {
        /* A lone header, or a whole frame too short for a v10 header's
         * check (a v0 negPollRep). */
        return cmp_heur_header_alone(buf, len, max_pdu)
               || (fixed && cmp_read_be32(buf) == fixed && len == (gsize)fixed + CMP_TCP_LENGTH_LEN);
    }
    /* A type that carries no PKIMessage must be one of fixed size, whose
     * length plausible checks: an errorMsgRep's header is five octets that
     * DER holds often enough (the end of an RSA exponent, 00 01, then a
     * SEQUENCE reads as one) to turn bare DER seen from the middle into
     * framing. */
    return cmp_tcp_header_plausible(buf, len, max_pdu) && (cmp_frame_message_offset(buf) != 0 || fixed != 0);
}

const guint8 *
cmp_heur_poll_req_ref(const guint8 *buf, gsize len)
{
    guint32 v0_length = cmp_v0_fixed_length(CMP_V0_POLL_REQ);
    guint32 v10_length = cmp_v10_fixed_length(CMP_V10_POLL_REQ);

    if (!buf)
        return NULL;
    if (len == CMP_TCP_LENGTH_LEN + v0_length && cmp_read_be32(buf) == v0_length && buf[4] == CMP_V0_POLL_REQ)
        return buf + CMP_TCP_V0_HEADER_LEN;
    if (len == CMP_TCP_LENGTH_LEN + v10_length && cmp_read_be32(buf) == v10_length && buf[4] == CMP_TCP_V10_VERSION
            && !(buf[5] & CMP_TCP_V10_FLAGS_RESERVED) && buf[6] == CMP_V10_POLL_REQ)
        return buf + CMP_TCP_V10_HEADER_LEN;
    return NULL;
}

gboolean
cmp_heur_tcp(const guint8 *buf, gsize len, guint32 max_pdu)
{
    if (!buf || len == 0)
        return FALSE;
    if (buf[0] == 0x00)
        return cmp_heur_framed_pkimessage(buf, len, max_pdu);
    return cmp_heur_bare_pkimessage(buf, len, max_pdu);
}

cmp_http_body_kind
cmp_heur_http_body(const guint8 *buf, gsize len)
{
    guint64 size;
    gsize pos;

    if (!buf || len < 2)
        return CMP_HTTP_BODY_NONE;
    if (buf[0] == 0x30) {
        if (cmp_heur_bare_pkimessage(buf, len, (guint32)MIN(len, G_MAXUINT32))
                && der_element_size(buf, len, &size) == DER_OK && size == len)
            return CMP_HTTP_BODY_PKIMESSAGE;
        return CMP_HTTP_BODY_NONE;
    }
    /* Frames: the first carries a PKIMessage and passes every check; the
     * length fields chain to the exact end of the body. */
    if (!cmp_heur_framed_pkimessage(buf, len, (guint32)MIN(len, G_MAXUINT32)))
        return CMP_HTTP_BODY_NONE;
    for (pos = 0; pos < len; ) {
        guint64 frame;
        if (len - pos < CMP_TCP_V0_HEADER_LEN)
            return CMP_HTTP_BODY_NONE;
        frame = (guint64)cmp_read_be32(buf + pos) + CMP_TCP_LENGTH_LEN;
        if (frame < CMP_TCP_V0_HEADER_LEN || frame > len - pos)
            return CMP_HTTP_BODY_NONE;
        pos += (gsize)frame;
    }
    return CMP_HTTP_BODY_FRAMED;
}
