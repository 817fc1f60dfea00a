/* framing.h - CMP's TCP framings and session classification, on plain bytes
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Two framings carry CMP over TCP:
 *  - RFC 2510 section 5.2 ("v0"): length(4) type(1) value.
 *  - draft-ietf-pkix-cmp-tcp-00 and draft-ietf-pkix-cmp-transport-protocols
 *    ("version 10"): length(4) version(1)=10 flags(1) type(1) value.
 * In both, the length counts every byte after the length field.  Version 10
 * was chosen above the highest v0 type (6), so one byte tells them apart.
 *
 * Nothing here needs libwireshark; it is unit-tested and fuzzed on its own.
 */
#ifndef ENTRUST_FRAMING_H
#define ENTRUST_FRAMING_H

#include <glib.h>
#include "der.h"

#define CMP_TCP_LENGTH_LEN      4
#define CMP_TCP_V0_HEADER_LEN   5   /* length, type */
#define CMP_TCP_V10_HEADER_LEN  7   /* length, version, flags, type */
#define CMP_TCP_V10_VERSION     10
#define CMP_TCP_V10_FLAG_CLOSE  0x01
#define CMP_TCP_V10_FLAGS_RESERVED 0xfe

/* The big-endian 32-bit number at p: the length field of both framings. */
static inline guint32
cmp_read_be32(const guint8 *p)
{
    return ((guint32)p[0] << 24) | ((guint32)p[1] << 16) | ((guint32)p[2] << 8) | p[3];
}

/* RFC 2510 message types. */
enum {
    CMP_V0_PKI_MSG          = 0,
    CMP_V0_POLL_REP         = 1,
    CMP_V0_POLL_REQ         = 2,
    CMP_V0_NEG_POLL_REP     = 3,
    CMP_V0_PARTIAL_MSG_REP  = 4,
    CMP_V0_FINAL_MSG_REP    = 5,
    CMP_V0_ERROR_MSG_REP    = 6
};

/* Version-10 message types; 4 is unused. */
enum {
    CMP_V10_PKI_REQ         = 0,
    CMP_V10_POLL_REP        = 1,
    CMP_V10_POLL_REQ        = 2,
    CMP_V10_FIN_REP         = 3,
    CMP_V10_PKI_REP         = 5,
    CMP_V10_ERROR_MSG_REP   = 6
};

/* The kind of conversation, as the entrust.session field shows it. */
typedef enum {
    ENTRUST_SESSION_NONE      = 0,  /* not classified yet */
    ENTRUST_SESSION_CMP_V0    = 1,  /* CMP with RFC 2510 framing */
    ENTRUST_SESSION_CMP_V10   = 2,  /* CMP with the version-10 framing */
    ENTRUST_SESSION_CMP_DER   = 3,  /* bare DER PKIMessages */
    ENTRUST_SESSION_TLS       = 4,
    ENTRUST_SESSION_OTHER_BER = 5,
    ENTRUST_SESSION_UNKNOWN   = 6
} entrust_session_kind;

/* How PDUs are delimited in a TCP stream. */
typedef enum {
    ENTRUST_DELIMIT_LENGTH_PREFIX,  /* v0 and v10: 4-byte length */
    ENTRUST_DELIMIT_DER,            /* each PDU is one DER element */
    ENTRUST_DELIMIT_NONE            /* TLS, unknown: not ours to split */
} entrust_delimiting;

/* TRUE for a v0 type that carries a DER PKIMessage (after what offset of
 * the value is returned in *msg_offset). */
gboolean cmp_v0_type_has_pkimessage(guint8 type, guint *msg_offset);
gboolean cmp_v10_type_has_pkimessage(guint8 type);
/* Where the PKIMessage of the v0 or v10 frame at buf starts (the frame's
 * header, 5 bytes for v0 and 7 for v10, must be in buf), or 0 when its
 * type carries none. */
gsize cmp_frame_message_offset(const guint8 *buf);
gboolean cmp_v0_type_is_known(guint8 type);
gboolean cmp_v10_type_is_known(guint8 type);

/* The exact length-field value a fixed-size message must have, or 0 when
 * the type's size varies. */
guint32 cmp_v0_fixed_length(guint8 type);
guint32 cmp_v10_fixed_length(guint8 type);

/* The smallest valid length-field value for a framing. */
#define CMP_TCP_V0_MIN_LENGTH   1
#define CMP_TCP_V10_MIN_LENGTH  3

/* FALSE when the length field at buf cannot be right for the fixed-size
 * message that follows it (a pollReq whose length is not 5, say): then the
 * type tells where the next header is, and the length does not.  TRUE
 * otherwise, also when too few bytes are at hand to tell.  A length below
 * the framing's minimum (no type byte inside) is taken as it is: an empty
 * PDU ends where it says. */
gboolean cmp_tcp_length_fits_type(const guint8 *buf, gsize len);

/* Classifies a conversation from the first bytes a peer sent. */
entrust_session_kind entrust_classify(const guint8 *buf, gsize len);

/* The delimiting a session kind uses. */
entrust_delimiting entrust_session_delimiting(entrust_session_kind kind);

/* Whether the PKIMessage of the v0 or v10 frame at buf has a DER length
 * that fills the frame exactly, as its length field says: DER_NEED_MORE
 * while the frame's header or the PKIMessage's is not in buf, DER_INVALID
 * when it does not, or the frame's type carries no PKIMessage. */
der_status cmp_frame_der_length_check(const guint8 *buf, gsize len);

/* TRUE when buf starts with a complete-enough, plausible v0 or v10 header
 * (at least CMP_TCP_V10_HEADER_LEN bytes are needed to say so) whose length
 * is within [min, max_pdu] and, where the payload is a PKIMessage and its
 * first byte is present, whose payload starts with a SEQUENCE.  A length
 * above max_pdu is plausible only for a PKIMessage that confirms it
 * (der_pkimessage_confirm, with its DER length agreeing): a real PDU too
 * large to reassemble; or for a fixed-size message of its size.  An
 * errorMsgRep is plausible only with text (v0: whole, or
 * CMP_ERROR_TEXT_EVIDENCE octets of it in buf) or an error class of 1-3
 * (v10, whole in buf): its header alone fixes two octets only. */
gboolean cmp_tcp_header_plausible(const guint8 *buf, gsize len, guint32 max_pdu);

/* How many octets of an RFC 2510 errorMsgRep's text make it plausible when
 * its frame runs past the bytes at hand. */
#define CMP_ERROR_TEXT_EVIDENCE 16

/* Offset of the first plausible v0/v10 header in buf at or after `from`, or
 * `len` when there is none.  Used to resynchronise after a bad length and in
 * captures that start inside a PDU. */
gsize cmp_tcp_find_header(const guint8 *buf, gsize len, gsize from, guint32 max_pdu);

/* Offset of the first plausible PKIMessage start (0x30 that passes
 * der_looks_like_pkimessage) at or after `from`, or `len`. */
gsize cmp_der_find_pkimessage(const guint8 *buf, gsize len, gsize from);

#endif /* ENTRUST_FRAMING_H */
