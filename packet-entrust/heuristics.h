/* heuristics.h - finding CMP on any TCP port and in HTTP bodies
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The heuristic dissectors (identify.c) claim data only when these strict
 * checks pass: a v0 or v10 frame carrying a PKIMessage whose DER size fills
 * the frame exactly and whose pvno is 1..3, or a bare PKIMessage whose
 * header is complete.  Ordinary traffic (HTTP, TLS, random bytes) fails
 * them.  Nothing here needs libwireshark; it is unit-tested on its own.
 */
#ifndef ENTRUST_HEURISTICS_H
#define ENTRUST_HEURISTICS_H

#include <glib.h>

/* TRUE when buf starts with a v0 or v10 frame of a type that carries a
 * PKIMessage (v0 pkiMsg, partialMsgRep, finalMsgRep; v10 pkiReq, pkiRep)
 * with a valid header (cmp_tcp_header_plausible), whose payload starts a
 * PKIMessage with pvno 1..3 and, where its DER header is visible, exactly
 * fills the frame.  The bytes up to pvno must be present; where the
 * PKIHeader is, it must pass cmp_heur_bare_pkimessage's checks too. */
gboolean cmp_heur_framed_pkimessage(const guint8 *buf, gsize len, guint32 max_pdu);

/* TRUE when buf starts with a bare DER PKIMessage of at most max_pdu
 * bytes: pvno 1..3, sender and recipient GeneralNames, the header
 * complete and followed by a known PKIBody tag (0..26) that fits. */
gboolean cmp_heur_bare_pkimessage(const guint8 *buf, gsize len, guint32 max_pdu);

/* TRUE when the first bytes of a TCP stream segment are CMP: either of
 * the above. */
gboolean cmp_heur_tcp(const guint8 *buf, gsize len, guint32 max_pdu);

/* Some senders write a frame's header and its PKIMessage apart, so that
 * the header (5 bytes v0, 7 bytes v10) is a segment of its own, and the
 * next segment starts with bare DER.  TRUE when buf is exactly such a
 * header, of a type that carries a PKIMessage (to be remembered)... */
gboolean cmp_heur_header_alone(const guint8 *buf, gsize len, guint32 max_pdu);

/* ... and TRUE when header (which cmp_heur_header_alone accepts) followed
 * by buf is a frame cmp_heur_framed_pkimessage accepts.  It sees the first
 * CMP_HEUR_AFTER_HEADER_BYTES of buf: enough for a whole PKIHeader; a
 * longer one is judged on its start, as in a frame cut by its segment. */
#define CMP_HEUR_AFTER_HEADER_BYTES 4096
gboolean cmp_heur_after_header(const guint8 *header, gsize header_len, const guint8 *buf, gsize len,
                               guint32 max_pdu);

/* A connection taken for bare DER because the capture missed the framing
 * header of its first PKIMessage (it began, or lost a segment, between a
 * header sent alone and its PKIMessage) shows its framing with its next
 * message.  TRUE when buf, where a bare-DER stream's next PDU starts,
 * holds a v0 or v10 frame there rather than a PKIMessage (whose first
 * octet is a SEQUENCE tag): a header cmp_tcp_header_plausible accepts, of
 * a type that carries a PKIMessage or has a fixed size; with fewer than 7
 * octets at hand, a header cmp_heur_header_alone accepts or a whole
 * fixed-size frame. */
gboolean cmp_heur_header_instead_of_der(const guint8 *buf, gsize len, guint32 max_pdu);

/* A pollReq carries no PKIMessage and is too short to be judged alone;
 * a client that reconnects to poll may send nothing else on its new
 * connection.  The polling reference in buf when buf is exactly one v0 or
 * v10 pollReq, else NULL: it is CMP when an earlier pollRep between the
 * same endpoints gave that reference. */
const guint8 *cmp_heur_poll_req_ref(const guint8 *buf, gsize len);

typedef enum {
    CMP_HTTP_BODY_NONE = 0,
    CMP_HTTP_BODY_PKIMESSAGE,   /* one bare PKIMessage, exactly the body */
    CMP_HTTP_BODY_FRAMED        /* v0/v10 frames that exactly fill the body */
} cmp_http_body_kind;

/* What a whole HTTP body (len bytes, all present) holds. */
cmp_http_body_kind cmp_heur_http_body(const guint8 *buf, gsize len);

#endif /* ENTRUST_HEURISTICS_H */
