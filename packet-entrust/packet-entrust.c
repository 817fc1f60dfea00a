/* packet-entrust.c - the TCP layer of Entrust's PKI ports 709, 710 and 829
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Port 709 is Entrust's key management service (IANA entrust-kmsh), 710 its
 * Administration Service Handler (entrust-ash) and 829 PKIX-CMP.  CMP
 * travels over TCP in two framings (see framing.h):
 *   RFC 2510 section 5.2             https://www.rfc-editor.org/rfc/rfc2510
 *   draft-ietf-pkix-cmp-transport-protocols ("version 10")
 * or as bare DER PKIMessages.  The framing is detected once per connection
 * and remembered; every PDU is handed to the pkixcmp dissector.
 */
#include <wireshark.h>
#include <epan/packet.h>
#include <epan/conversation.h>
#include <epan/expert.h>
#include <epan/prefs.h>
#include <epan/dissectors/packet-tcp.h>
#include <epan/dissectors/packet-ber.h>
#include <epan/exceptions.h>
#include <epan/show_exception.h>
#include <wsutil/utf8_entities.h>

#include "ws-compat.h"
#include "entrust.h"
#include "framing.h"
#include "der.h"
#include "heuristics.h"
#include "transactions.h"

#define ENTRUST_TCP_PORTS "709-710,829"

static int proto_entrust = -1;

static int hf_entrust_session = -1;
static int hf_entrust_len = -1;
static int hf_entrust_version = -1;
static int hf_entrust_flags = -1;
static int hf_entrust_flags_close_connection = -1;
static int hf_entrust_flags_reserved = -1;
static int hf_entrust_type_v0 = -1;
static int hf_entrust_type_v10 = -1;
static int hf_entrust_poll_ref = -1;
static int hf_entrust_check_after = -1;
static int hf_entrust_end_marker = -1;
static int hf_entrust_error_code = -1;
static int hf_entrust_error_class = -1;
static int hf_entrust_error_data_len = -1;
static int hf_entrust_error_data = -1;
static int hf_entrust_error_text = -1;
static int hf_entrust_payload = -1;
static int hf_entrust_trailing_data = -1;
static int hf_entrust_service = -1;
static int hf_entrust_continuation = -1;
static int hf_entrust_oversize_rest = -1;
static int hf_entrust_header_frame = -1;

static gint ett_entrust = -1;
static gint ett_entrust_flags = -1;
static gint ett_entrust_error_code = -1;

static expert_field ei_entrust_bad_length = EI_INIT;
static expert_field ei_entrust_length_above_max = EI_INIT;
static expert_field ei_entrust_unknown_type = EI_INIT;
static expert_field ei_entrust_reserved_flags = EI_INIT;
static expert_field ei_entrust_bad_end_marker = EI_INIT;
static expert_field ei_entrust_trailing_data = EI_INIT;
static expert_field ei_entrust_framing_changed = EI_INIT;
static expert_field ei_entrust_session = EI_INIT;
static expert_field ei_entrust_continuation = EI_INIT;
static expert_field ei_entrust_header_alone = EI_INIT;
static expert_field ei_entrust_not_pkimessage = EI_INIT;
static expert_field ei_entrust_error_msg_rep = EI_INIT;
static expert_field ei_entrust_unknown_error_class = EI_INIT;

static dissector_handle_t entrust_handle;
static dissector_handle_t entrust_http_poll_handle;
static dissector_handle_t pkixcmp_handle;
static dissector_handle_t tls_handle;
static dissector_handle_t data_handle;

/* Preferences */
static entrust_pref_bool_t entrust_desegment = TRUE;
static guint entrust_max_pdu = ENTRUST_DEFAULT_MAX_PDU;

static const value_string entrust_session_vals[] = {
    { ENTRUST_SESSION_CMP_V0,    "cmp-rfc2510" },
    { ENTRUST_SESSION_CMP_V10,   "cmp-tcp-v10" },
    { ENTRUST_SESSION_CMP_DER,   "cmp-der" },
    { ENTRUST_SESSION_TLS,       "tls" },
    { ENTRUST_SESSION_OTHER_BER, "other BER" },
    { ENTRUST_SESSION_UNKNOWN,   "unknown" },
    { 0, NULL }
};

/* RFC 2510 section 5.2 names. */
static const value_string entrust_type_v0_vals[] = {
    { CMP_V0_PKI_MSG,         "pkiMsg" },
    { CMP_V0_POLL_REP,        "pollRep" },
    { CMP_V0_POLL_REQ,        "pollReq" },
    { CMP_V0_NEG_POLL_REP,    "negPollRep" },
    { CMP_V0_PARTIAL_MSG_REP, "partialMsgRep" },
    { CMP_V0_FINAL_MSG_REP,   "finalMsgRep" },
    { CMP_V0_ERROR_MSG_REP,   "errorMsgRep" },
    { 0, NULL }
};

/* draft-ietf-pkix-cmp-transport-protocols names. */
static const value_string entrust_type_v10_vals[] = {
    { CMP_V10_PKI_REQ,       "pkiReq" },
    { CMP_V10_POLL_REP,      "pollRep" },
    { CMP_V10_POLL_REQ,      "pollReq" },
    { CMP_V10_FIN_REP,       "finRep" },
    { CMP_V10_PKI_REP,       "pkiRep" },
    { CMP_V10_ERROR_MSG_REP, "errorMsgRep" },
    { 0, NULL }
};

/* The name of a message type of either framing ("unknown type" for one
 * that framing does not define). */
static const char *
type_name(gboolean v10, guint8 type)
{
    return val_to_str_const(type, v10 ? entrust_type_v10_vals : entrust_type_v0_vals, "unknown type");
}

/* High byte of a version-10 errorMsgRep error code. */
static const value_string entrust_error_class_vals[] = {
    { 1, "version negotiation" },
    { 2, "client error" },
    { 3, "server error" },
    { 0, NULL }
};

/* A PKIMessage whose TCP framing header came alone in a segment before
 * the heuristic found CMP on the port (entrust_take_split_header): a PDU
 * of bare DER where the stream's next header would be. */
typedef struct {
    guint32 seq;                    /* TCP sequence number of its first byte */
    guint32 size;                   /* its DER size; 0: none */
    guint32 header_frame;           /* the frame that carried the header */
    guint8  header[CMP_TCP_V10_HEADER_LEN];
    guint8  header_len;
} split_body_t;

/* Where one direction of a connection taken for bare DER showed a framing
 * header: its PDUs are framed from there on (delimiting_at). */
typedef struct {
    guint32 frame;                  /* 0: not reframed */
    guint32 seq;                    /* TCP sequence number of the header */
    gboolean first;                 /* the connection's first: it is noted */
} reframe_t;

/* The last PDU above entrust.max_pdu_size whose PKIMessage confirms its
 * length (take_oversize): not waited for, so its bytes in later segments
 * are its rest, not PDUs of their own.  First pass only. */
typedef struct {
    guint32 frame;                  /* 0: none */
    guint32 start_seq;              /* TCP sequence numbers of its first byte */
    guint32 end_seq;                /* and of the byte after it */
} oversize_t;

/* The rest of such a PDU at the start of a frame. */
typedef struct {
    guint32 bytes;
    guint32 pdu_frame;              /* the frame where the PDU started */
} oversize_rest_t;

/* What is remembered of one TCP connection. */
typedef struct {
    entrust_session_kind session;   /* NONE until the first bytes are seen */
    gboolean session_from_pdu;      /* session confirmed by a whole PDU */
    entrust_delimiting delimiting;  /* how PDUs are split in this stream */
    guint32 classified_in;          /* frame whose bytes classified the session;
                                       frames before it carry unrecognised data */
    guint classify_attempts;        /* first pass: frames tried while unknown */
    gboolean tentative;             /* classified from a length field's first
                                       bytes only: v0 or v10 not known yet */
    guint32 announced_in;           /* frame whose "Session classified" note
                                       names the session */
    /* Resynchronisation for captures that start inside a PDU, per
     * direction (entrust_tcp_direction). */
    gboolean synced[2];             /* first pass: a PDU start was found */
    wmem_map_t *skipped;            /* frame number -> bytes skipped at its start + 1 */
    gboolean continuation_next;     /* the next PDU handed over is skipped bytes */
    split_body_t split_body[2];     /* per direction */
    gboolean split_body_next;       /* the next PDU handed over is a split body */
    reframe_t reframed[2];          /* per direction */
    gboolean reframe_next;          /* the next PDU handed over is the first reframe_t's */
    oversize_t oversize[2];         /* per direction */
    wmem_map_t *oversize_rest;      /* frame number -> oversize_rest_t at its start */
    const oversize_rest_t *oversize_next;   /* the next PDU handed over is such a rest */
    entrust_delimiting pdu_delimiting;  /* how the next PDU handed over is delimited */
    gboolean segment_seq_known;     /* this call's TCP data has ... */
    guint32 segment_seq;            /* ... this first sequence number */
    guint32 shown_frame;            /* the last frame that showed the connection */
    guint32 shown_seq;              /* and the segment_seq of its call */
} entrust_conv_t;

/* Which framing one PDU is dissected with. */
typedef enum {
    PDU_FRAMING_V0,
    PDU_FRAMING_V10
} pdu_framing;

static guint
bytes_available(tvbuff_t *tvb, int offset)
{
    return (guint)tvb_captured_length_remaining(tvb, offset);
}

/* ------------------------------------------------------------------------
 * One PDU
 */

/* The first whole PDU of a conversation settles its session kind (and its
 * frame announces it, dissect_entrust_pdu). */
static void
settle_session(entrust_conv_t *conv, entrust_session_kind kind)
{
    if (!conv || conv->session_from_pdu)
        return;
    conv->session = kind;
    conv->session_from_pdu = TRUE;
}

/* Hands the DER PKIMessage at offset to pkixcmp.  Anything inside the
 * frame after the DER element is trailing data: shown and warned about,
 * never taken as malformed. */
static void
dissect_framed_pkimessage(tvbuff_t *tvb, int offset, packet_info *pinfo, proto_tree *tree, proto_tree *entrust_tree)
{
    guint remaining = (guint)tvb_reported_length_remaining(tvb, offset);
    guint avail = bytes_available(tvb, offset);
    guint64 der_size = 0;
    der_status st = DER_INVALID;
    guint msg_len = remaining;

    /* Sizes are only compared for what starts like a PKIMessage (a
     * SEQUENCE); anything else is pkixcmp's to reject, not a length fault. */
    if (avail > 0 && tvb_get_uint8(tvb, offset) == 0x30)
        st = der_element_size(tvb_get_ptr(tvb, offset, MIN(avail, 16)), MIN(avail, 16), &der_size);
    if (st == DER_OK && der_size < remaining) {
        msg_len = (guint)der_size;
        proto_item *ti = proto_tree_add_item(entrust_tree, hf_entrust_trailing_data, tvb,
                                             offset + msg_len, remaining - msg_len, ENC_NA);
        expert_add_info_format(pinfo, ti, &ei_entrust_trailing_data,
                               "%u bytes after the end of the PKIMessage inside the frame",
                               remaining - msg_len);
    } else if (st == DER_OK && der_size > remaining) {
        proto_tree_add_expert_format(entrust_tree, pinfo, &ei_entrust_bad_length, tvb, offset, remaining,
                                     "The PKIMessage (%" G_GUINT64_FORMAT " bytes) does not fit in the frame (%u bytes)",
                                     der_size, remaining);
    }
    call_dissector_with_data(pkixcmp_handle, tvb_new_subset_length(tvb, offset, msg_len), pinfo, tree, NULL);
}

static void
add_poll_fields(tvbuff_t *tvb, int offset, proto_tree *tree, packet_info *pinfo)
{
    guint32 ref;

    proto_tree_add_item_ret_uint(tree, hf_entrust_poll_ref, tvb, offset, 4, ENC_BIG_ENDIAN, &ref);
    col_append_fstr(pinfo->cinfo, COL_INFO, " ref=%u", ref);
}

/* negPollRep and finRep carry one byte, 0x00 (RFC 2510 section 5.2, and the
 * version-10 draft likewise). */
static void
add_end_marker(tvbuff_t *tvb, int offset, proto_tree *tree, packet_info *pinfo, const char *name)
{
    proto_item *pi;
    guint32 marker;

    if (tvb_reported_length_remaining(tvb, offset) < 1)
        return;   /* the length's expert has said it */
    pi = proto_tree_add_item_ret_uint(tree, hf_entrust_end_marker, tvb, offset, 1, ENC_NA, &marker);
    if (marker != 0)
        expert_add_info_format(pinfo, pi, &ei_entrust_bad_end_marker,
                               "%s carries 0x%02x: its value is the single byte 0x00", name, marker);
}

/* At most this many characters of an errorMsgRep's text go into the Info
 * column and its expert info. */
#define ENTRUST_ERROR_TEXT_SHOWN 64

/* The start of the error text at offset (len octets) as the Info column
 * and the expert info show it: quoted, its first ENTRUST_ERROR_TEXT_SHOWN
 * characters then an ellipsis, UTF-8 with invalid octets replaced, on
 * one line: a run of tabs, CRs and LFs becomes one space, any other
 * control character U+FFFD, so that a peer's text can neither break the
 * line nor drive a terminal.  Only the octets it needs are read. */
static const char *
error_text_shown(packet_info *pinfo, tvbuff_t *tvb, int offset, guint len)
{
    guint take = MIN(MIN(len, bytes_available(tvb, offset)), 4 * ENTRUST_ERROR_TEXT_SHOWN);
    char *text = (char *)tvb_get_string_enc(pinfo->pool, tvb, offset, (gint)take, ENC_UTF_8);
    gboolean cut = take < len;
    wmem_strbuf_t *shown = wmem_strbuf_new(pinfo->pool, "\"");

    if (g_utf8_strlen(text, -1) > ENTRUST_ERROR_TEXT_SHOWN) {
        *g_utf8_offset_to_pointer(text, ENTRUST_ERROR_TEXT_SHOWN) = '\0';
        cut = TRUE;
    }
    for (const char *p = text; *p; p++) {
        if (*p == '\t' || *p == '\r' || *p == '\n') {
            if (p == text || (p[-1] != '\t' && p[-1] != '\r' && p[-1] != '\n'))
                wmem_strbuf_append_c(shown, ' ');
        } else if ((guchar)*p < 0x20 || *p == 0x7f) {
            wmem_strbuf_append_unichar(shown, 0xfffd);     /* REPLACEMENT CHARACTER */
        } else {
            wmem_strbuf_append_c(shown, *p);
        }
    }
    wmem_strbuf_append_printf(shown, "%s\"", cut ? UTF8_HORIZONTAL_ELLIPSIS : "");
    return wmem_strbuf_get_str(shown);
}

/* An errorMsgRep's value: RFC 2510's text, or version 10's error code
 * (then, as cryptlib and the draft lay it out, a u16 data length, the
 * data, and text; a plain code + text message is recognised by a
 * "length" that cannot fit).  The text is read as UTF-8: RFC 2510
 * (section 5.2) asks for a human-readable message and names no character
 * set, nor does PROTOCOL.md for either framing; UTF-8 shows ASCII as ASCII
 * does, and the rest as the peer wrote it where ASCII had only
 * replacement characters. */
static void
dissect_error_msg_rep(tvbuff_t *tvb, int offset, packet_info *pinfo, proto_tree *entrust_tree, gboolean v10)
{
    proto_item *pdu_item = proto_tree_get_parent(entrust_tree);
    guint remaining = (guint)tvb_reported_length_remaining(tvb, offset);
    const char *text, *what = "errorMsgRep";

    if (v10) {
        proto_item *ci, *cli;
        proto_tree *ct;
        guint16 code;
        guint8 error_class;
        const char *class_name;

        if (remaining < 2) {
            proto_tree_add_expert_format(entrust_tree, pinfo, &ei_entrust_bad_length, tvb, offset, remaining,
                                         "A version-10 errorMsgRep starts with a 2-byte error code");
            if (remaining)
                proto_tree_add_item(entrust_tree, hf_entrust_payload, tvb, offset, remaining, ENC_NA);
            return;
        }
        code = tvb_get_ntohs(tvb, offset);
        error_class = (guint8)(code >> 8);
        ci = proto_tree_add_item(entrust_tree, hf_entrust_error_code, tvb, offset, 2, ENC_BIG_ENDIAN);
        ct = proto_item_add_subtree(ci, ett_entrust_error_code);
        cli = proto_tree_add_item(ct, hf_entrust_error_class, tvb, offset, 2, ENC_BIG_ENDIAN);
        class_name = try_val_to_str(error_class, entrust_error_class_vals);
        if (!class_name) {
            expert_add_info_format(pinfo, cli, &ei_entrust_unknown_error_class,
                                   "Error class %u: the draft defines 1 (version negotiation), "
                                   "2 (client error) and 3 (server error)", error_class);
            class_name = wmem_strdup_printf(pinfo->pool, "class %u", error_class);
        }
        col_append_fstr(pinfo->cinfo, COL_INFO, " code=0x%04x (%s)", code, class_name);
        what = wmem_strdup_printf(pinfo->pool, "errorMsgRep, error code 0x%04x (%s)", code, class_name);
        offset += 2;
        remaining = (guint)tvb_reported_length_remaining(tvb, offset);
        if (remaining >= 2 && tvb_get_ntohs(tvb, offset) <= remaining - 2) {
            guint data_len = tvb_get_ntohs(tvb, offset);
            proto_tree_add_item(entrust_tree, hf_entrust_error_data_len, tvb, offset, 2, ENC_BIG_ENDIAN);
            if (data_len)
                proto_tree_add_item(entrust_tree, hf_entrust_error_data, tvb, offset + 2, data_len, ENC_NA);
            offset += 2 + data_len;
            remaining = (guint)tvb_reported_length_remaining(tvb, offset);
        }
    }
    text = remaining ? error_text_shown(pinfo, tvb, offset, remaining) : NULL;
    if (text) {
        /* Before the item, which throws where the capture cut the text. */
        col_append_fstr(pinfo->cinfo, COL_INFO, " %s", text);
        expert_add_info_format(pinfo, pdu_item, &ei_entrust_error_msg_rep, "%s: %s", what, text);
        proto_tree_add_item(entrust_tree, hf_entrust_error_text, tvb, offset, remaining, ENC_UTF_8);
    } else {
        expert_add_info_format(pinfo, pdu_item, &ei_entrust_error_msg_rep, "%s, without text", what);
    }
}

/* The value of a v0 or v10 message, after its header. */
static void
dissect_value(tvbuff_t *tvb, int offset, packet_info *pinfo, proto_tree *tree, proto_tree *entrust_tree,
              pdu_framing framing, guint8 type)
{
    guint remaining = (guint)tvb_reported_length_remaining(tvb, offset);

    if (framing == PDU_FRAMING_V0) {
        switch (type) {
        case CMP_V0_PKI_MSG:
        case CMP_V0_FINAL_MSG_REP:
            dissect_framed_pkimessage(tvb, offset, pinfo, tree, entrust_tree);
            return;
        case CMP_V0_PARTIAL_MSG_REP:
            if (remaining < 8) {
                proto_tree_add_expert_format(entrust_tree, pinfo, &ei_entrust_bad_length, tvb, offset, remaining,
                                             "A partialMsgRep holds a polling reference, a time and a PKIMessage");
                break;
            }
            add_poll_fields(tvb, offset, entrust_tree, pinfo);
            proto_tree_add_item(entrust_tree, hf_entrust_check_after, tvb, offset + 4, 4, ENC_TIME_SECS | ENC_BIG_ENDIAN);
            if (remaining == 8) {
                /* No PKIMessage at all: the frame's fault, not an empty
                 * PKIMessage for pkixcmp to call malformed. */
                proto_tree_add_expert_format(entrust_tree, pinfo, &ei_entrust_bad_length, tvb, offset, remaining,
                                             "A partialMsgRep holds a PKIMessage after its polling reference and time");
                return;
            }
            dissect_framed_pkimessage(tvb, offset + 8, pinfo, tree, entrust_tree);
            return;
        case CMP_V0_POLL_REP:
            add_poll_fields(tvb, offset, entrust_tree, pinfo);
            proto_tree_add_item(entrust_tree, hf_entrust_check_after, tvb, offset + 4, 4, ENC_TIME_SECS | ENC_BIG_ENDIAN);
            return;
        case CMP_V0_POLL_REQ:
            add_poll_fields(tvb, offset, entrust_tree, pinfo);
            return;
        case CMP_V0_NEG_POLL_REP:
            add_end_marker(tvb, offset, entrust_tree, pinfo, "negPollRep");
            return;
        case CMP_V0_ERROR_MSG_REP:
            dissect_error_msg_rep(tvb, offset, pinfo, entrust_tree, FALSE);
            return;
        default:
            break;
        }
    } else {
        switch (type) {
        case CMP_V10_PKI_REQ:
        case CMP_V10_PKI_REP:
            dissect_framed_pkimessage(tvb, offset, pinfo, tree, entrust_tree);
            return;
        case CMP_V10_POLL_REP:
            add_poll_fields(tvb, offset, entrust_tree, pinfo);
            proto_tree_add_item(entrust_tree, hf_entrust_check_after, tvb, offset + 4, 4, ENC_TIME_SECS | ENC_BIG_ENDIAN);
            return;
        case CMP_V10_POLL_REQ:
            add_poll_fields(tvb, offset, entrust_tree, pinfo);
            return;
        case CMP_V10_FIN_REP:
            add_end_marker(tvb, offset, entrust_tree, pinfo, "finRep");
            return;
        case CMP_V10_ERROR_MSG_REP:
            dissect_error_msg_rep(tvb, offset, pinfo, entrust_tree, TRUE);
            return;
        default:
            break;
        }
    }
    if (remaining)
        proto_tree_add_item(entrust_tree, hf_entrust_payload, tvb, offset, remaining, ENC_NA);
}

/* A length above entrust.max_pdu_size may be right: it was only not
 * waited for, and the bytes at hand are shown as they are.  An HTTP poll
 * body (conv NULL) comes whole, so there the preference plays no part. */
static gboolean
note_length_above_max(packet_info *pinfo, proto_item *item, const entrust_conv_t *conv, guint64 length)
{
    if (!conv || length <= entrust_max_pdu)
        return FALSE;
    expert_add_info_format(pinfo, item, &ei_entrust_length_above_max,
                           "Length %" G_GUINT64_FORMAT " is above the maximum PDU size preference (%u bytes): "
                           "not reassembled, shown as bytes", length, entrust_max_pdu);
    return TRUE;
}

/* A frame too short for its header: its length is wrong, unless it is
 * above the preference (the frame then holds what was not waited for). */
static void
note_short_frame(packet_info *pinfo, proto_item *len_item, const entrust_conv_t *conv, guint32 length,
                 const char *what_it_holds)
{
    if (note_length_above_max(pinfo, len_item, conv, length)) {
        col_append_sep_str(pinfo->cinfo, COL_INFO, ", ", "[length above maximum]");
    } else {
        expert_add_info_format(pinfo, len_item, &ei_entrust_bad_length, "Length %u: %s", length, what_it_holds);
        col_append_sep_str(pinfo->cinfo, COL_INFO, ", ", "[bad length]");
    }
}

/* One v0 or v10 PDU: the whole frame, length field included.  conv may be
 * NULL (HTTP poll bodies): the framing is then read off the PDU itself. */
static int
dissect_entrust_framed_pdu(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, entrust_conv_t *conv)
{
    proto_item *ti, *len_item, *type_item;
    proto_tree *entrust_tree;
    guint32 length;
    guint reported = tvb_reported_length(tvb);
    pdu_framing framing;
    guint8 type;
    int offset;
    gboolean length_ok;
    guint32 fixed;
    int value_end;

    ti = proto_tree_add_item(tree, proto_entrust, tvb, 0, -1, ENC_NA);
    entrust_tree = proto_item_add_subtree(ti, ett_entrust);

    len_item = proto_tree_add_item_ret_uint(entrust_tree, hf_entrust_len, tvb, 0, 4, ENC_BIG_ENDIAN, &length);
    length_ok = (guint64)length + CMP_TCP_LENGTH_LEN == reported;
    if (conv && conv->reframe_next) {
        conv->reframe_next = FALSE;
        expert_add_info_format(pinfo, ti, &ei_entrust_framing_changed,
                               "A framing header in a connection taken for bare DER: its PDUs are framed "
                               "from here on (the header of the bare PKIMessage before was not captured, or did not fit it)");
    }

    if (reported < CMP_TCP_V0_HEADER_LEN) {
        note_short_frame(pinfo, len_item, conv, length, "a frame holds at least a type byte");
        return reported;
    }

    /* The connection's framing decides; a PDU that contradicts it is noted
     * and read as what its own bytes say. */
    framing = tvb_get_uint8(tvb, 4) == CMP_TCP_V10_VERSION ? PDU_FRAMING_V10 : PDU_FRAMING_V0;
    if (conv) {
        if (!conv->session_from_pdu) {
            settle_session(conv, framing == PDU_FRAMING_V10 ? ENTRUST_SESSION_CMP_V10 : ENTRUST_SESSION_CMP_V0);
        } else if (conv->session == ENTRUST_SESSION_CMP_V0 && framing == PDU_FRAMING_V10) {
            /* In an RFC 2510 stream, 10 is an unknown type, unless the
             * frame reads as a whole version-10 one: a version-10 server's
             * errorMsgRep refusing the RFC 2510 framing (version
             * negotiation, error class 1), or a peer that moved to
             * version 10.  A length and a 10 alone are too little. */
            guint avail = bytes_available(tvb, 0);
            if (length_ok && cmp_tcp_header_plausible(tvb_get_ptr(tvb, 0, avail), avail, entrust_max_pdu))
                expert_add_info_format(pinfo, ti, &ei_entrust_framing_changed,
                                       "RFC 2510 connection, but this PDU has version 10: read as version 10");
            else
                framing = PDU_FRAMING_V0;
        } else if (conv->session == ENTRUST_SESSION_CMP_V10 && framing == PDU_FRAMING_V0) {
            guint8 version = tvb_get_uint8(tvb, 4);
            if (!cmp_v0_type_is_known(version)) {
                /* Neither an RFC 2510 type (a fallback) nor version 10: a
                 * version this framing does not know; its layout after the
                 * version byte is unknown. */
                proto_tree_add_item(entrust_tree, hf_entrust_version, tvb, 4, 1, ENC_NA);
                expert_add_info_format(pinfo, ti, &ei_entrust_framing_changed,
                                       "Version-10 connection, but this PDU has version %u", version);
                proto_item_append_text(ti, ", unknown version %u", version);
                col_append_sep_fstr(pinfo->cinfo, COL_INFO, ", ", "unknown version %u", version);
                if (length_ok && reported > CMP_TCP_V0_HEADER_LEN)
                    proto_tree_add_item(entrust_tree, hf_entrust_payload, tvb, CMP_TCP_V0_HEADER_LEN, -1, ENC_NA);
                else if (!length_ok && !note_length_above_max(pinfo, len_item, conv, length))
                    expert_add_info_format(pinfo, len_item, &ei_entrust_bad_length,
                                           "Length %u does not fit", length);
                return reported;
            }
            expert_add_info_format(pinfo, ti, &ei_entrust_framing_changed,
                                   "Version-10 connection, but this PDU has no version byte 10: read as RFC 2510");
        }
    }

    if (framing == PDU_FRAMING_V10) {
        guint8 flags;
        proto_item *fi;
        proto_tree *ft;

        if (reported < CMP_TCP_V10_HEADER_LEN) {
            note_short_frame(pinfo, len_item, conv, length, "a version-10 frame holds at least version, flags and type");
            return reported;
        }
        proto_tree_add_item(entrust_tree, hf_entrust_version, tvb, 4, 1, ENC_NA);
        flags = tvb_get_uint8(tvb, 5);
        fi = proto_tree_add_item(entrust_tree, hf_entrust_flags, tvb, 5, 1, ENC_NA);
        ft = proto_item_add_subtree(fi, ett_entrust_flags);
        proto_tree_add_item(ft, hf_entrust_flags_close_connection, tvb, 5, 1, ENC_NA);
        proto_tree_add_item(ft, hf_entrust_flags_reserved, tvb, 5, 1, ENC_NA);
        if (flags & CMP_TCP_V10_FLAGS_RESERVED)
            expert_add_info_format(pinfo, fi, &ei_entrust_reserved_flags,
                                   "Reserved flag bits set: 0x%02x", flags & CMP_TCP_V10_FLAGS_RESERVED);
        type = tvb_get_uint8(tvb, 6);
        type_item = proto_tree_add_item(entrust_tree, hf_entrust_type_v10, tvb, 6, 1, ENC_NA);
        offset = CMP_TCP_V10_HEADER_LEN;
        proto_item_append_text(ti, ", version 10, %s", type_name(TRUE, type));
        col_append_sep_str(pinfo->cinfo, COL_INFO, ", ", type_name(TRUE, type));
    } else {
        type = tvb_get_uint8(tvb, 4);
        type_item = proto_tree_add_item(entrust_tree, hf_entrust_type_v0, tvb, 4, 1, ENC_NA);
        offset = CMP_TCP_V0_HEADER_LEN;
        proto_item_append_text(ti, ", RFC 2510, %s", type_name(FALSE, type));
        col_append_sep_str(pinfo->cinfo, COL_INFO, ", ", type_name(FALSE, type));
    }

    if (framing == PDU_FRAMING_V10 ? !cmp_v10_type_is_known(type) : !cmp_v0_type_is_known(type)) {
        expert_add_info_format(pinfo, type_item, &ei_entrust_unknown_type,
                               "Unknown %s message type %u", framing == PDU_FRAMING_V10 ? "version-10" : "RFC 2510", type);
        col_append_fstr(pinfo->cinfo, COL_INFO, " (%u)", type);
        if (!length_ok && note_length_above_max(pinfo, len_item, conv, length))
            col_append_str(pinfo->cinfo, COL_INFO, " [length above maximum]");
        if (tvb_reported_length_remaining(tvb, offset) > 0)
            proto_tree_add_item(entrust_tree, hf_entrust_payload, tvb, offset, -1, ENC_NA);
        return reported;
    }

    if (!length_ok) {
        /* The bytes up to the next plausible frame: shown, not interpreted. */
        if (note_length_above_max(pinfo, len_item, conv, length)) {
            col_append_str(pinfo->cinfo, COL_INFO, " [length above maximum]");
        } else {
            expert_add_info_format(pinfo, len_item, &ei_entrust_bad_length,
                                   "Length %u does not fit: the frame holds a different number of bytes", length);
            col_append_str(pinfo->cinfo, COL_INFO, " [bad length]");
        }
        if (tvb_reported_length_remaining(tvb, offset) > 0)
            proto_tree_add_item(entrust_tree, hf_entrust_payload, tvb, offset, -1, ENC_NA);
        return reported;
    }

    fixed = framing == PDU_FRAMING_V10 ? cmp_v10_fixed_length(type) : cmp_v0_fixed_length(type);
    if (fixed && length != fixed) {
        expert_add_info_format(pinfo, len_item, &ei_entrust_bad_length,
                               "Length %u, but a %s always has length %u", length,
                               type_name(framing == PDU_FRAMING_V10, type), fixed);
        if (length < fixed) {
            /* Too short to hold its fields: show what is there. */
            if (tvb_reported_length_remaining(tvb, offset) > 0)
                proto_tree_add_item(entrust_tree, hf_entrust_payload, tvb, offset, -1, ENC_NA);
            return reported;
        }
        /* Longer than its fixed size: its fields are read and the bytes
         * after them shown. */
        value_end = (int)fixed + CMP_TCP_LENGTH_LEN;
        dissect_value(tvb_new_subset_length(tvb, 0, value_end), offset, pinfo, tree, entrust_tree, framing, type);
        proto_tree_add_item(entrust_tree, hf_entrust_trailing_data, tvb, value_end, -1, ENC_NA);
    } else {
        dissect_value(tvb, offset, pinfo, tree, entrust_tree, framing, type);
    }
    if (framing == PDU_FRAMING_V10 && (tvb_get_uint8(tvb, 5) & CMP_TCP_V10_FLAG_CLOSE))
        col_append_str(pinfo->cinfo, COL_INFO, " [close]");
    if (framing == PDU_FRAMING_V10 ? !cmp_v10_type_has_pkimessage(type) : !cmp_v0_type_has_pkimessage(type, NULL))
        entrust_track_framing(tvb, pinfo, entrust_tree, framing == PDU_FRAMING_V10, type, offset);
    return reported;
}

/* One bare DER element (a PKIMessage, or other BER on Entrust's ports). */
static int
dissect_entrust_der_pdu(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, entrust_conv_t *conv)
{
    guint avail = bytes_available(tvb, 0);
    guint64 size;

    if (der_element_size(tvb_get_ptr(tvb, 0, MIN(avail, 16)), MIN(avail, 16), &size) == DER_OK
            && size > entrust_max_pdu && size > tvb_reported_length(tvb)) {
        /* Not waited for (get_entrust_pdu_len): the start of a PKIMessage
         * whose rest follows, or bad bytes cut where the next PKIMessage
         * starts.  (One that a segment holds whole is decoded.) */
        proto_item *ti = proto_tree_add_item(tree, proto_entrust, tvb, 0, -1, ENC_NA);
        proto_item_append_text(ti, ", bare DER");
        note_length_above_max(pinfo, ti, conv, size);
        col_append_sep_str(pinfo->cinfo, COL_INFO, ", ", "DER [length above maximum]");
        proto_tree_add_item(proto_item_add_subtree(ti, ett_entrust), hf_entrust_payload, tvb, 0, -1, ENC_NA);
        return tvb_reported_length(tvb);
    }
    /* Once the stream is known to carry PKIMessages, one of a version RFC
     * 9810 does not define is one too (pkixcmp warns about its pvno). */
    if (conv && conv->session == ENTRUST_SESSION_CMP_DER
            ? der_looks_like_pkimessage_any_pvno(tvb_get_ptr(tvb, 0, MIN(avail, 64)), MIN(avail, 64))
            : der_looks_like_pkimessage(tvb_get_ptr(tvb, 0, MIN(avail, 64)), MIN(avail, 64), NULL)) {
        proto_item *ti = proto_tree_add_item(tree, proto_entrust, tvb, 0, 0, ENC_NA);
        proto_item_append_text(ti, ", bare DER");
        settle_session(conv, ENTRUST_SESSION_CMP_DER);
        call_dissector_with_data(pkixcmp_handle, tvb, pinfo, tree, NULL);
    } else {
        proto_item *ti = proto_tree_add_item(tree, proto_entrust, tvb, 0, -1, ENC_NA);
        proto_item_append_text(ti, ", BER");
        settle_session(conv, ENTRUST_SESSION_OTHER_BER);
        if (conv->session != ENTRUST_SESSION_OTHER_BER)
            expert_add_info(pinfo, ti, &ei_entrust_not_pkimessage);
        col_append_sep_str(pinfo->cinfo, COL_INFO, ", ", "BER");
        pkixcmp_dissect_unknown_ber(pinfo, tvb, proto_item_add_subtree(ti, ett_entrust));
    }
    return tvb_reported_length(tvb);
}

/* The PKIMessage of a framing header that came alone (split_body_t). */
static int
dissect_split_body_pdu(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, const split_body_t *body)
{
    gboolean v10 = body->header_len == CMP_TCP_V10_HEADER_LEN;
    const char *type = type_name(v10, v10 ? body->header[6] : body->header[4]);
    proto_item *ti = proto_tree_add_item(tree, proto_entrust, tvb, 0, 0, ENC_NA);
    proto_item *fi;

    proto_item_append_text(ti, ", %s, %s, its framing header in frame %u", v10 ? "version 10" : "RFC 2510", type,
                           body->header_frame);
    fi = proto_tree_add_uint(proto_item_add_subtree(ti, ett_entrust), hf_entrust_header_frame, tvb, 0, 0,
                             body->header_frame);
    proto_item_set_generated(fi);
    expert_add_info_format(pinfo, fi, &ei_entrust_header_alone,
                           "The TCP framing header of this PKIMessage (%u octets) came alone in frame %u, "
                           "before CMP was found on this port", body->header_len, body->header_frame);
    col_append_sep_str(pinfo->cinfo, COL_INFO, ", ", type);
    call_dissector_with_data(pkixcmp_handle, tvb, pinfo, tree, NULL);
    if (v10 && (body->header[5] & CMP_TCP_V10_FLAG_CLOSE))
        col_append_str(pinfo->cinfo, COL_INFO, " [close]");
    return tvb_reported_length(tvb);
}

static int
dissect_entrust_pdu(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *data)
{
    entrust_conv_t *conv = (entrust_conv_t *)data;

    if (conv->announced_in == 0 && !PINFO_FD_VISITED(pinfo))
        conv->announced_in = pinfo->num;

    if (conv->split_body_next) {
        conv->split_body_next = FALSE;
        return dissect_split_body_pdu(tvb, pinfo, tree, &conv->split_body[entrust_tcp_direction(pinfo)]);
    }

    if (conv->oversize_next) {
        proto_item *ti = proto_tree_add_item(tree, proto_entrust, tvb, 0, -1, ENC_NA);
        proto_item *ri = proto_tree_add_item(proto_item_add_subtree(ti, ett_entrust), hf_entrust_oversize_rest,
                                             tvb, 0, -1, ENC_NA);
        proto_item_append_text(ti, ", rest of the PDU of frame %u, above the maximum PDU size",
                               conv->oversize_next->pdu_frame);
        proto_item_append_text(ri, " (the PDU of frame %u)", conv->oversize_next->pdu_frame);
        col_append_sep_fstr(pinfo->cinfo, COL_INFO, ", ", "[rest of the PDU of frame %u]",
                            conv->oversize_next->pdu_frame);
        conv->oversize_next = NULL;
        return tvb_reported_length(tvb);
    }
    if (conv->continuation_next) {
        /* The capture began inside a PDU: these bytes end one whose start
         * was never seen.  Not malformed, just incomplete. */
        proto_item *ti = proto_tree_add_item(tree, proto_entrust, tvb, 0, -1, ENC_NA);
        proto_item *ci = proto_tree_add_item(proto_item_add_subtree(ti, ett_entrust), hf_entrust_continuation,
                                             tvb, 0, -1, ENC_NA);
        proto_item_append_text(ti, ", continuation of a PDU that started before the capture");
        expert_add_info(pinfo, ci, &ei_entrust_continuation);
        col_append_sep_str(pinfo->cinfo, COL_INFO, ", ", "[continuation]");
        conv->continuation_next = FALSE;
        return tvb_reported_length(tvb);
    }
    if (conv->pdu_delimiting == ENTRUST_DELIMIT_DER)
        return dissect_entrust_der_pdu(tvb, pinfo, tree, conv);
    return dissect_entrust_framed_pdu(tvb, pinfo, tree, conv);
}

/* ------------------------------------------------------------------------
 * Splitting the TCP stream
 */

/* Length of a bad PDU: up to the next plausible header in the bytes at
 * hand, so that well-formed PDUs after it in the same segment decode. */
static guint
resync_length(tvbuff_t *tvb, int offset, guint skip)
{
    guint avail = bytes_available(tvb, offset);
    const guint8 *buf = tvb_get_ptr(tvb, offset, avail);
    gsize next = cmp_tcp_find_header(buf, avail, skip, entrust_max_pdu);

    return (guint)MAX(next, skip);
}

/* TCP's state of this segment's connection, read only.  (Given the
 * conversation, get_tcp_conversation_data() would also clear TCP's
 * analysis of the segment, which TCP is still making: without it, it
 * looks the conversation up itself and leaves that alone.) */
static struct tcp_analysis *
tcp_state(packet_info *pinfo)
{
    return pinfo->ptype == PT_TCP && find_conversation_pinfo(pinfo, 0) ? get_tcp_conversation_data(NULL, pinfo) : NULL;
}

/* TRUE when TCP saw the SYN of this segment's direction: the capture holds
 * the stream from its first byte. */
static gboolean
tcp_flow_saw_syn(packet_info *pinfo)
{
    struct tcp_analysis *tcpd = tcp_state(pinfo);

    return tcpd && tcpd->fwd && (tcpd->fwd->static_flags & ENTRUST_TCP_FLOW_SAW_SYN);
}

guint16
entrust_tcp_server_port(packet_info *pinfo)
{
    struct tcp_analysis *tcpd = tcp_state(pinfo);

    return tcpd ? tcpd->server_port : 0;
}

guint
entrust_tcp_direction(const packet_info *pinfo)
{
    gint by_address = cmp_address(&pinfo->src, &pinfo->dst);
    return by_address > 0 || (by_address == 0 && pinfo->srcport > pinfo->destport);
}

/* Where the first PDU of this direction starts in a segment at offset 0,
 * when the capture began inside a PDU: the bytes before it are skipped.
 * Decided on the first pass and remembered per frame, so that every pass
 * splits the stream the same way. */
static guint
bytes_to_skip(entrust_conv_t *conv, packet_info *pinfo, tvbuff_t *tvb, int offset)
{
    gpointer stored;
    guint dir;
    guint avail, skip;
    const guint8 *buf;

    if (offset != 0)
        return 0;
    if (wmem_map_lookup_extended(conv->skipped, GUINT_TO_POINTER(pinfo->num), NULL, &stored))
        return GPOINTER_TO_UINT(stored) - 1;
    dir = entrust_tcp_direction(pinfo);
    if (PINFO_FD_VISITED(pinfo) || conv->synced[dir])
        return 0;
    if (tcp_flow_saw_syn(pinfo)) {
        /* The stream was captured from its start: nothing to skip. */
        conv->synced[dir] = TRUE;
        return 0;
    }

    avail = bytes_available(tvb, 0);
    buf = tvb_get_ptr(tvb, 0, avail);
    if (conv->delimiting == ENTRUST_DELIMIT_DER && conv->session == ENTRUST_SESSION_OTHER_BER)
        skip = der_looks_like_ber(buf, avail) ? 0 : avail;
    else if (conv->delimiting == ENTRUST_DELIMIT_DER)
        skip = cmp_heur_header_instead_of_der(buf, avail, entrust_max_pdu)
               ? 0 : (guint)cmp_der_find_pkimessage(buf, avail, 0);
    else if (avail < CMP_TCP_V10_HEADER_LEN && buf[0] == 0x00)
        skip = 0;   /* too short to judge; a zero byte starts a length */
    else
        skip = (guint)cmp_tcp_find_header(buf, avail, 0, entrust_max_pdu);
    conv->synced[dir] = skip < avail;
    wmem_map_insert(conv->skipped, GUINT_TO_POINTER(pinfo->num), GUINT_TO_POINTER(skip + 1));
    return skip;
}

/* The TCP sequence number of the byte at offset of this call's data
 * (conv->segment_seq_known). */
static guint32
seq_at(const entrust_conv_t *conv, int offset)
{
    return conv->segment_seq + (guint32)offset;
}

/* How the PDU at offset is delimited: as the connection is, but where a
 * direction of a connection taken for bare DER showed a framing header,
 * framed from that header on.  The same in every pass: by TCP sequence
 * number (by frame where TCP gave none). */
static entrust_delimiting
delimiting_at(const entrust_conv_t *conv, packet_info *pinfo, int offset)
{
    const reframe_t *at;
    gboolean framed;

    if (conv->delimiting != ENTRUST_DELIMIT_DER || !(conv->reframed[0].frame || conv->reframed[1].frame))
        return conv->delimiting;
    at = &conv->reframed[entrust_tcp_direction(pinfo)];
    if (at->frame == 0)
        return ENTRUST_DELIMIT_DER;
    if (conv->segment_seq_known)
        framed = (gint32)(seq_at(conv, offset) - at->seq) >= 0;
    else
        framed = pinfo->num >= at->frame;
    return framed ? ENTRUST_DELIMIT_LENGTH_PREFIX : ENTRUST_DELIMIT_DER;
}

/* First pass, in a connection taken for bare DER: whether the PDU at
 * offset is a framing header instead (the capture began, or lost a
 * segment, between a header sent alone and its PKIMessage); if so, its
 * direction is framed from here on and the connection's session follows
 * the header.  Other BER is left alone: any first octet may start it. */
static gboolean
reframe(entrust_conv_t *conv, packet_info *pinfo, tvbuff_t *tvb, int offset)
{
    guint avail = bytes_available(tvb, offset);
    const guint8 *buf = tvb_get_ptr(tvb, offset, MIN(avail, 64));
    guint dir = entrust_tcp_direction(pinfo);
    reframe_t *at = &conv->reframed[dir];

    if (PINFO_FD_VISITED(pinfo) || conv->session == ENTRUST_SESSION_OTHER_BER
            || !cmp_heur_header_instead_of_der(buf, MIN(avail, 64), entrust_max_pdu))
        return FALSE;
    at->frame = pinfo->num;
    at->seq = seq_at(conv, offset);
    at->first = conv->reframed[!dir].frame == 0;
    conv->session = buf[4] == CMP_TCP_V10_VERSION ? ENTRUST_SESSION_CMP_V10 : ENTRUST_SESSION_CMP_V0;
    return TRUE;
}

/* Whether the PDU at offset is the connection's first reframed one, the
 * one that notes the change. */
static gboolean
first_reframe_at(const entrust_conv_t *conv, packet_info *pinfo, int offset)
{
    const reframe_t *at;

    if (!conv->reframed[0].first && !conv->reframed[1].first)
        return FALSE;
    at = &conv->reframed[entrust_tcp_direction(pinfo)];
    if (!at->first)
        return FALSE;
    return conv->segment_seq_known ? seq_at(conv, offset) == at->seq : pinfo->num == at->frame;
}

/* Whether the PDU at buf, of whole bytes, above entrust.max_pdu_size, is a
 * real one too large to wait for rather than bad bytes: DER_OK when its
 * PKIMessage confirms the length (framed: cmp_tcp_header_plausible; bare
 * DER: der_pkimessage_confirm), DER_NEED_MORE while the bytes at hand
 * cannot tell (the PKIHeader, or the framing header, is cut). */
static der_status
oversize_status(entrust_delimiting delimiting, const guint8 *buf, guint avail, guint64 whole)
{
    gsize at;

    if (delimiting == ENTRUST_DELIMIT_DER) {
        /* An element at hand whole is what it is, and is decoded. */
        return whole <= avail ? DER_OK : der_pkimessage_confirm(buf, avail);
    }
    if (cmp_tcp_header_plausible(buf, avail, entrust_max_pdu))
        return DER_OK;
    if (cmp_read_be32(buf) > G_MAXUINT32 - CMP_TCP_LENGTH_LEN)
        return DER_INVALID;         /* no frame can be that long */
    if (avail < CMP_TCP_V10_HEADER_LEN)
        return DER_NEED_MORE;
    at = cmp_frame_message_offset(buf);
    if (at == 0)
        return DER_INVALID;
    if (at >= avail)
        return DER_NEED_MORE;
    return der_pkimessage_confirm(buf + at, avail - at) == DER_NEED_MORE ? DER_NEED_MORE : DER_INVALID;
}

/* How many bytes of a PDU above entrust.max_pdu_size are waited for to
 * tell whether it is real.  A PKIHeader is never near this long; and each
 * segment waited for makes TCP reassemble all the bytes so far once more,
 * so that waiting up to the maximum (16 MiB by default) for a PKIHeader
 * that claims more would cost time quadratic in the bytes. */
#define ENTRUST_OVERSIZE_WAIT 65536

/* For the PDU at offset, of whole bytes, above entrust.max_pdu_size: TRUE
 * with *pdu_len when it is real (oversize_status) and so not waited for,
 * its length here being the bytes at hand (its rest in later segments is
 * found on the first pass by oversize_rest_at_start), or 0 to wait for the
 * bytes that tell (no more than ENTRUST_OVERSIZE_WAIT and the maximum;
 * beyond that, a framed PDU whose two lengths agree is believed).  FALSE
 * for bad bytes, to be resynchronised.  (Sequence numbers compare within
 * 2 GiB: a rest longer than that is not followed.) */
static gboolean
take_oversize(entrust_conv_t *conv, packet_info *pinfo, tvbuff_t *tvb, int offset, guint64 whole, guint *pdu_len)
{
    guint avail = bytes_available(tvb, offset);
    const guint8 *buf = tvb_get_ptr(tvb, offset, avail);
    der_status real = oversize_status(conv->pdu_delimiting, buf, avail, whole);

    if (real == DER_NEED_MORE) {
        if (avail < MIN(entrust_max_pdu, ENTRUST_OVERSIZE_WAIT) && entrust_may_desegment(pinfo)) {
            *pdu_len = 0;
            return TRUE;
        }
        /* Waited for as long as may be: a framed PDU whose DER length
         * agrees with its framing length is believed. */
        if (conv->pdu_delimiting == ENTRUST_DELIMIT_DER || cmp_frame_der_length_check(buf, avail) != DER_OK)
            return FALSE;
    } else if (real != DER_OK) {
        return FALSE;
    }
    if (whole > avail && whole <= G_MAXINT32 && !PINFO_FD_VISITED(pinfo) && conv->segment_seq_known) {
        oversize_t *open = &conv->oversize[entrust_tcp_direction(pinfo)];
        open->frame = pinfo->num;
        open->start_seq = seq_at(conv, offset);
        open->end_seq = open->start_seq + (guint32)whole;
    }
    *pdu_len = (guint)MIN(whole, avail);
    return TRUE;
}

/* The bytes at the start of this frame that end a PDU take_oversize
 * took in an earlier frame: decided on the first pass, by TCP sequence
 * number, and remembered per frame.  NULL when there are none. */
static const oversize_rest_t *
oversize_rest_at_start(entrust_conv_t *conv, packet_info *pinfo, guint avail)
{
    oversize_t *open;
    oversize_rest_t *rest;
    guint32 left;

    rest = (oversize_rest_t *)wmem_map_lookup(conv->oversize_rest, GUINT_TO_POINTER(pinfo->num));
    if (rest || PINFO_FD_VISITED(pinfo))
        return rest;
    open = &conv->oversize[entrust_tcp_direction(pinfo)];
    if (!open->frame || !conv->segment_seq_known)
        return NULL;
    /* Within [start_seq, end_seq), modulo 2^32: a retransmission that
     * comes after the stream went past the PDU is still its rest.  A
     * gigabyte past it, the range is dropped, before the sequence numbers
     * wrap into it again. */
    if ((gint32)(conv->segment_seq - open->end_seq) >= (1 << 30)) {
        open->frame = 0;
        return NULL;
    }
    if ((gint32)(conv->segment_seq - open->start_seq) < 0 || (gint32)(open->end_seq - conv->segment_seq) <= 0)
        return NULL;
    left = open->end_seq - conv->segment_seq;
    rest = wmem_new(wmem_file_scope(), oversize_rest_t);
    rest->bytes = MIN(left, avail);
    rest->pdu_frame = open->frame;
    wmem_map_insert(conv->oversize_rest, GUINT_TO_POINTER(pinfo->num), rest);
    return rest;
}

static guint
get_entrust_pdu_len(packet_info *pinfo, tvbuff_t *tvb, int offset, void *data)
{
    entrust_conv_t *conv = (entrust_conv_t *)data;
    guint avail = bytes_available(tvb, offset);
    guint skip, pdu_len;

    /* Where a framing header that came alone left the stream: its
     * PKIMessage, without a header of its own. */
    conv->split_body_next = FALSE;
    if (offset == 0 && conv->segment_seq_known && (conv->split_body[0].size || conv->split_body[1].size)) {
        const split_body_t *body = &conv->split_body[entrust_tcp_direction(pinfo)];
        if (body->size && conv->segment_seq == body->seq) {
            conv->split_body_next = TRUE;
            conv->continuation_next = FALSE;
            return body->size;
        }
    }
    conv->oversize_next = offset == 0 ? oversize_rest_at_start(conv, pinfo, avail) : NULL;
    if (conv->oversize_next) {
        conv->continuation_next = FALSE;
        return conv->oversize_next->bytes;
    }
    skip = bytes_to_skip(conv, pinfo, tvb, offset);

    conv->continuation_next = skip > 0;
    if (skip > 0)
        return skip;

    conv->pdu_delimiting = delimiting_at(conv, pinfo, offset);
    if (conv->pdu_delimiting == ENTRUST_DELIMIT_DER && reframe(conv, pinfo, tvb, offset))
        conv->pdu_delimiting = ENTRUST_DELIMIT_LENGTH_PREFIX;
    conv->reframe_next = first_reframe_at(conv, pinfo, offset);
    if (conv->pdu_delimiting == ENTRUST_DELIMIT_DER) {
        const guint8 *buf = tvb_get_ptr(tvb, offset, avail);
        guint64 size = 0;
        der_status st;

        /* (Not conv->session == ENTRUST_SESSION_CMP_DER: a reframe turns
         * the session to the framing while the other direction, and the
         * bytes before the header, stay bare DER.) */
        if (conv->session != ENTRUST_SESSION_OTHER_BER && buf[0] != 0x30) {
            /* No PKIMessage starts here, whatever size the bytes claim.  A
             * zero octet may start a framing header too short yet to be
             * judged (reframe). */
            if (buf[0] == 0x00 && avail < CMP_TCP_V10_HEADER_LEN && entrust_may_desegment(pinfo))
                return 0;
            st = DER_INVALID;
        } else {
            st = der_element_size(buf, MIN(avail, 16), &size);
        }
        if (st == DER_NEED_MORE)
            return entrust_may_desegment(pinfo) ? 0 : avail;
        if (st == DER_OK && size > entrust_max_pdu && take_oversize(conv, pinfo, tvb, offset, size, &pdu_len))
            return pdu_len;
        if (st != DER_OK || size > entrust_max_pdu) {
            /* The bad bytes, up to the next PKIMessage in the bytes at hand
             * (all of them when there is none). */
            return (guint)cmp_der_find_pkimessage(buf, avail, 1);
        }
        return (guint)size;
    } else {
        guint32 length;
        if (avail < CMP_TCP_LENGTH_LEN)
            return entrust_may_desegment(pinfo) ? 0 : avail;
        length = tvb_get_ntohl(tvb, offset);
        if (length > entrust_max_pdu
                && take_oversize(conv, pinfo, tvb, offset, (guint64)length + CMP_TCP_LENGTH_LEN, &pdu_len))
            return pdu_len;
        /* A length that cannot be (too large, or wrong for its fixed-size
         * type) would put the next header in the wrong place: the bad PDU
         * ends where a plausible header is found instead.  The sum below
         * must not wrap, whatever the preference allows. */
        if (length > entrust_max_pdu || length > G_MAXUINT32 - CMP_TCP_LENGTH_LEN
                || !cmp_tcp_length_fits_type(tvb_get_ptr(tvb, offset, MIN(avail, CMP_TCP_V10_HEADER_LEN)),
                                             MIN(avail, CMP_TCP_V10_HEADER_LEN)))
            return resync_length(tvb, offset, CMP_TCP_LENGTH_LEN);
        return length + CMP_TCP_LENGTH_LEN;
    }
}

/* Names the service by the server's port. */
static const char *
service_name(packet_info *pinfo)
{
    static const value_string services[] = {
        { 709, "Entrust key management (entrust-kmsh)" },
        { 710, "Entrust Administration Service Handler (entrust-ash)" },
        { 829, "PKIX-CMP (pkix-3-ca-ra)" },
        { 680, "Entrust Authority Administration Service (entrust-aaas)" },
        { 681, "Entrust Authority Administration Monitoring Service (entrust-aams)" },
        { 0, NULL }
    };
    const char *name = try_val_to_str(MIN(pinfo->srcport, pinfo->destport), services);

    if (!name)
        name = try_val_to_str(MAX(pinfo->srcport, pinfo->destport), services);
    return name ? name : "CMP over TCP";
}

/* Classifies the conversation from this segment's bytes.  A capture may
 * start inside a PDU: then a frame header or PKIMessage further on decides,
 * and a conversation that shows nothing recognisable is tried again on its
 * next frames (first pass only). */
#define ENTRUST_CLASSIFY_ATTEMPTS 16

static void
classify(entrust_conv_t *conv, packet_info *pinfo, tvbuff_t *tvb)
{
    guint avail = bytes_available(tvb, 0);
    const guint8 *buf = tvb_get_ptr(tvb, 0, avail);
    entrust_session_kind kind = entrust_classify(buf, MIN(avail, 64));
    /* A zero byte starts a length, but in a capture that began inside a
     * PDU it may as well be any byte of one (a BIT STRING's unused bits, an
     * INTEGER's padding): then only a plausible header counts. */
    gboolean framed_doubtful = (kind == ENTRUST_SESSION_CMP_V0 || kind == ENTRUST_SESSION_CMP_V10)
                               && avail >= CMP_TCP_V10_HEADER_LEN
                               && !cmp_tcp_header_plausible(buf, avail, entrust_max_pdu);

    if (kind == ENTRUST_SESSION_UNKNOWN
            || ((kind == ENTRUST_SESSION_OTHER_BER || framed_doubtful) && !tcp_flow_saw_syn(pinfo))) {
        gsize at = cmp_tcp_find_header(buf, avail, 0, entrust_max_pdu);
        if (at == avail)
            at = cmp_der_find_pkimessage(buf, avail, 0);
        if (at < avail)
            kind = entrust_classify(buf + at, MIN(avail - at, 64));
        else if (framed_doubtful)
            kind = ENTRUST_SESSION_UNKNOWN;   /* the next segments tell */
    }
    if (conv->classified_in == 0 || kind != ENTRUST_SESSION_UNKNOWN) {
        conv->session = kind;
        conv->delimiting = entrust_session_delimiting(kind);
        conv->classified_in = pinfo->num;
        /* A segment of fewer bytes than a v0 header: a length field has
         * begun, but whether the framing is RFC 2510 or version 10 is told
         * by the first whole PDU. */
        conv->tentative = kind == ENTRUST_SESSION_CMP_V0 && avail < CMP_TCP_V0_HEADER_LEN;
        /* A stream of PDUs is announced with its first PDU (dissect_entrust_pdu),
         * in the frame that completes it: the one a second pass hands over. */
        conv->announced_in = conv->delimiting == ENTRUST_DELIMIT_NONE ? pinfo->num : 0;
    }
    conv->classify_attempts++;
}

static entrust_conv_t *
find_or_create_conversation_state(conversation_t *conversation)
{
    entrust_conv_t *conv = (entrust_conv_t *)conversation_get_proto_data(conversation, proto_entrust);

    if (!conv) {
        conv = wmem_new0(wmem_file_scope(), entrust_conv_t);
        conv->skipped = wmem_map_new(wmem_file_scope(), g_direct_hash, g_direct_equal);
        conv->oversize_rest = wmem_map_new(wmem_file_scope(), g_direct_hash, g_direct_equal);
        conversation_add_proto_data(conversation, proto_entrust, conv);
    }
    return conv;
}

guint
entrust_max_pdu_size(void)
{
    return entrust_max_pdu;
}

gboolean
entrust_may_desegment(const packet_info *pinfo)
{
    return entrust_desegment && pinfo->can_desegment > 0;
}

void
entrust_take_split_header(conversation_t *conversation, packet_info *pinfo, guint dir, const guint8 *header,
                          guint header_len, guint32 header_frame, guint32 body_seq, gboolean at_hand)
{
    entrust_conv_t *conv = find_or_create_conversation_state(conversation);
    split_body_t *body = &conv->split_body[dir & 1];

    DISSECTOR_ASSERT(header_len == CMP_TCP_V0_HEADER_LEN || header_len == CMP_TCP_V10_HEADER_LEN);
    memcpy(body->header, header, header_len);
    body->header_len = (guint8)header_len;
    body->header_frame = header_frame;
    body->seq = body_seq;
    /* The length field counts the header's bytes after it too. */
    body->size = cmp_read_be32(header) + CMP_TCP_LENGTH_LEN - header_len;
    /* Where the PKIMessage is what the entrust dissector sees first, the
     * header tells the framing: classify() would see bare DER. */
    if (at_hand && conv->classified_in == 0) {
        conv->session = header_len == CMP_TCP_V10_HEADER_LEN ? ENTRUST_SESSION_CMP_V10 : ENTRUST_SESSION_CMP_V0;
        conv->delimiting = ENTRUST_DELIMIT_LENGTH_PREFIX;
        conv->classified_in = pinfo->num;
    }
}

static entrust_conv_t *
get_conversation_state(conversation_t *conversation, packet_info *pinfo, tvbuff_t *tvb)
{
    entrust_conv_t *conv = find_or_create_conversation_state(conversation);

    if (!PINFO_FD_VISITED(pinfo) && (conv->classified_in == 0
            || (conv->session == ENTRUST_SESSION_UNKNOWN && conv->classify_attempts < ENTRUST_CLASSIFY_ATTEMPTS)))
        classify(conv, pinfo, tvb);
    return conv;
}

/* entrust.session, unless only a length field's first bytes have been seen
 * so far (RFC 2510 or version 10 is not known yet). */
static void
add_session_item(entrust_conv_t *conv, packet_info *pinfo, tvbuff_t *tvb, proto_tree *session_tree)
{
    proto_item *ti;

    if (conv->tentative && !conv->session_from_pdu)
        return;
    ti = proto_tree_add_uint(session_tree, hf_entrust_session, tvb, 0, 0, conv->session);
    proto_item_set_generated(ti);
    if (pinfo->num == conv->announced_in)
        expert_add_info_format(pinfo, ti, &ei_entrust_session, "Session classified as %s",
                               val_to_str_const(conv->session, entrust_session_vals, "unknown"));
}

/* Whether this frame's connection was recognised, by this frame, as CMP
 * or other BER, in the clear: the administration port's check
 * (entrust_analysis_check) has nothing to say of TLS, nor of what was not
 * recognised.  The frames before the classifying one are not, in either
 * pass. */
static gboolean
session_in_clear(const entrust_conv_t *conv, const packet_info *pinfo)
{
    if (pinfo->num < conv->classified_in)
        return FALSE;
    switch (conv->session) {
    case ENTRUST_SESSION_CMP_V0:
    case ENTRUST_SESSION_CMP_V10:
    case ENTRUST_SESSION_CMP_DER:
    case ENTRUST_SESSION_OTHER_BER:
        return TRUE;
    default:
        return FALSE;
    }
}

/* TRUE unless TCP has already handed over data of this frame in this
 * dissection.  A segment that completes a reassembled PDU and holds more
 * is handed over twice, the reassembled PDU first, then the rest of the
 * segment at a later sequence number; the frame shows its connection, and
 * that connection's notes, once.  Every dissection of the frame (every
 * pass, every click in the GUI) calls in that order. */
static gboolean
first_call_in_frame(entrust_conv_t *conv, packet_info *pinfo)
{
    if (!conv->segment_seq_known)
        return TRUE;
    if (conv->shown_frame == pinfo->num && (gint32)(conv->segment_seq - conv->shown_seq) > 0)
        return FALSE;
    conv->shown_frame = pinfo->num;
    conv->shown_seq = conv->segment_seq;
    return TRUE;
}

/* The PDUs of a segment, then the session item (show_session). */
static void
dissect_pdus(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, entrust_conv_t *conv, proto_tree *session_tree,
             gboolean show_session)
{
    /* fixed_len 1: a resynchronisation may skip fewer bytes than a length
     * field, and bad bytes before a PKIMessage may be a single octet;
     * get_entrust_pdu_len asks for more itself where it needs them (TCP
     * would throw away the rest of the segment after a PDU shorter than
     * fixed_len). */
    TRY {
        tcp_dissect_pdus(tvb, pinfo, tree, entrust_desegment, 1, get_entrust_pdu_len, dissect_entrust_pdu, conv);
    }
    FINALLY {
        /* After the PDUs, the first of which may have just told the
         * framing; also when one that TCP may not reassemble ends the
         * frame with an exception. */
        if (show_session)
            add_session_item(conv, pinfo, tvb, session_tree);
    }
    ENDTRY;
}

int
dissect_entrust(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *data)
{
    /* TCP hands its segments (and reassembled data) over with a tcpinfo. */
    const struct tcpinfo *tcpinfo = pinfo->ptype == PT_TCP ? (const struct tcpinfo *)data : NULL;
    conversation_t *conversation;
    entrust_conv_t *conv;
    proto_tree *session_tree = NULL;
    gboolean show_session;

    if (tvb_captured_length(tvb) == 0)
        return 0;
    col_set_str(pinfo->cinfo, COL_PROTOCOL, "Entrust");
    col_clear(pinfo->cinfo, COL_INFO);
    conversation = find_or_create_conversation(pinfo);
    conv = get_conversation_state(conversation, pinfo, tvb);
    conv->segment_seq_known = tcpinfo != NULL;
    conv->segment_seq = tcpinfo ? tcpinfo->seq : 0;

    /* What the connection is, once on every frame of it. */
    show_session = first_call_in_frame(conv, pinfo);
    if (show_session) {
        proto_item *ti = proto_tree_add_item(tree, proto_entrust, tvb, 0, 0, ENC_NA);
        proto_item_append_text(ti, ", %s", service_name(pinfo));
        session_tree = proto_item_add_subtree(ti, ett_entrust);
        proto_item_set_generated(proto_tree_add_string(session_tree, hf_entrust_service, tvb, 0, 0,
                                                       service_name(pinfo)));
        entrust_identify_show(tvb, pinfo, session_tree, conversation);
        entrust_analysis_check(pinfo, session_tree, session_in_clear(conv, pinfo));
    }

    if (pinfo->num < conv->classified_in) {
        /* Bytes seen before anything recognisable, in a capture that
         * started inside a PDU. */
        proto_item *ci = proto_tree_add_item(session_tree, hf_entrust_continuation, tvb, 0, -1, ENC_NA);
        expert_add_info(pinfo, ci, &ei_entrust_continuation);
        col_set_str(pinfo->cinfo, COL_INFO, "[continuation]");
        if (show_session)
            add_session_item(conv, pinfo, tvb, session_tree);
        return tvb_captured_length(tvb);
    }

    switch (conv->delimiting) {
    case ENTRUST_DELIMIT_LENGTH_PREFIX:
    case ENTRUST_DELIMIT_DER:
        dissect_pdus(tvb, pinfo, tree, conv, session_tree, show_session);
        break;
    case ENTRUST_DELIMIT_NONE:
    default:
        if (show_session)
            add_session_item(conv, pinfo, tvb, session_tree);
        if (conv->session == ENTRUST_SESSION_TLS && tls_handle) {
            /* TLS reassembles records that span segments only when it may
             * ask TCP for more: give it the permission TCP gave this
             * dissector, which calling it one level deeper would take away. */
            pinfo->can_desegment = pinfo->saved_can_desegment;
            return call_dissector(tls_handle, tvb, pinfo, tree);
        }
        col_set_str(pinfo->cinfo, COL_INFO, "Unrecognised data");
        call_dissector(data_handle, tvb, pinfo, tree);
        break;
    }
    return tvb_captured_length(tvb);
}

/* One PDU of an HTTP body; as tcp_dissect_pdus does, a fault in it ends
 * that PDU only. */
static void
dissect_poll_body_pdu(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree)
{
    TRY {
        dissect_entrust_framed_pdu(tvb, pinfo, tree, NULL);
    }
    CATCH_NONFATAL_ERRORS {
        show_exception(tvb, pinfo, tree, EXCEPT_CODE, GET_MESSAGE);
    }
    ENDTRY;
}

/* application/pkixcmp-poll: an HTTP body holding TCP-framed PDUs. */
static int
dissect_entrust_http_poll(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *data _U_)
{
    int offset = 0;
    int reported = (int)tvb_reported_length(tvb);

    col_set_str(pinfo->cinfo, COL_PROTOCOL, "Entrust");
    while (reported - offset >= CMP_TCP_LENGTH_LEN) {
        guint64 pdu_len = (guint64)tvb_get_ntohl(tvb, offset) + CMP_TCP_LENGTH_LEN;
        if (pdu_len > (guint64)(reported - offset))
            pdu_len = (guint64)(reported - offset);
        dissect_poll_body_pdu(tvb_new_subset_length(tvb, offset, (gint)pdu_len), pinfo, tree);
        offset += (int)pdu_len;
    }
    if (offset < reported) {
        proto_item *ti = proto_tree_add_item(tree, hf_entrust_trailing_data, tvb, offset, -1, ENC_NA);
        expert_add_info(pinfo, ti, &ei_entrust_trailing_data);
    }
    return reported;
}

/* ------------------------------------------------------------------------
 * Registration
 */
void
proto_register_entrust(void)
{
    static hf_register_info hf[] = {
        { &hf_entrust_session,
          { "Session", "entrust.session", FT_UINT8, BASE_DEC, VALS(entrust_session_vals), 0,
            "What the TCP connection carries, classified from its first bytes", HFILL } },
        { &hf_entrust_len,
          { "Length", "entrust.len", FT_UINT32, BASE_DEC, NULL, 0,
            "Bytes after the length field", HFILL } },
        { &hf_entrust_version,
          { "Version", "entrust.version", FT_UINT8, BASE_DEC, NULL, 0,
            "Framing version (10 in draft-ietf-pkix-cmp-transport-protocols)", HFILL } },
        { &hf_entrust_flags,
          { "Flags", "entrust.flags", FT_UINT8, BASE_HEX, NULL, 0, NULL, HFILL } },
        { &hf_entrust_flags_close_connection,
          { "Close connection", "entrust.flags.close_connection", FT_BOOLEAN, 8, NULL,
            CMP_TCP_V10_FLAG_CLOSE, "The sender closes the connection after this message", HFILL } },
        { &hf_entrust_flags_reserved,
          { "Reserved", "entrust.flags.reserved", FT_UINT8, BASE_HEX, NULL,
            CMP_TCP_V10_FLAGS_RESERVED, "Must be zero", HFILL } },
        { &hf_entrust_type_v0,
          { "Type", "entrust.type", FT_UINT8, BASE_DEC, VALS(entrust_type_v0_vals), 0,
            "Message type (RFC 2510 section 5.2)", HFILL } },
        { &hf_entrust_type_v10,
          { "Type", "entrust.type", FT_UINT8, BASE_DEC, VALS(entrust_type_v10_vals), 0,
            "Message type (version-10 framing)", HFILL } },
        { &hf_entrust_poll_ref,
          { "Polling reference", "entrust.poll_ref", FT_UINT32, BASE_DEC, NULL, 0, NULL, HFILL } },
        { &hf_entrust_check_after,
          { "Check after", "entrust.check_after", FT_ABSOLUTE_TIME, ABSOLUTE_TIME_UTC, NULL, 0,
            "Time to check back", HFILL } },
        { &hf_entrust_end_marker,
          { "End of responses", "entrust.end_marker", FT_UINT8, BASE_HEX, NULL, 0,
            "The byte of a negPollRep or finRep", HFILL } },
        { &hf_entrust_error_code,
          { "Error code", "entrust.error_code", FT_UINT16, BASE_HEX, NULL, 0, NULL, HFILL } },
        { &hf_entrust_error_class,
          { "Error class", "entrust.error_code.class", FT_UINT16, BASE_DEC, VALS(entrust_error_class_vals),
            0xff00, NULL, HFILL } },
        { &hf_entrust_error_data_len,
          { "Error data length", "entrust.error_data_len", FT_UINT16, BASE_DEC, NULL, 0, NULL, HFILL } },
        { &hf_entrust_error_data,
          { "Error data", "entrust.error_data", FT_BYTES, BASE_NONE, NULL, 0, NULL, HFILL } },
        { &hf_entrust_error_text,
          { "Error text", "entrust.error_text", FT_STRING, BASE_NONE, NULL, 0, NULL, HFILL } },
        { &hf_entrust_payload,
          { "Payload", "entrust.payload", FT_BYTES, BASE_NONE, NULL, 0,
            "Value of a message of unknown type", HFILL } },
        { &hf_entrust_service,
          { "Service", "entrust.service", FT_STRING, BASE_NONE, NULL, 0,
            "The Entrust or CMP service the server port names", HFILL } },
        { &hf_entrust_oversize_rest,
          { "Rest of a PDU above the maximum size", "entrust.oversize_rest", FT_BYTES, BASE_NONE, NULL, 0,
            "The bytes of a PDU above entrust.max_pdu_size that came in later segments: not waited for, "
            "not read as frames", HFILL } },
        { &hf_entrust_continuation,
          { "Continuation data", "entrust.continuation", FT_BYTES, BASE_NONE, NULL, 0,
            "The end of a PDU whose start is not in the capture", HFILL } },
        { &hf_entrust_header_frame,
          { "Framing header in", "entrust.header_frame", FT_FRAMENUM, BASE_NONE, NULL, 0,
            "The frame whose segment held only this PKIMessage's TCP framing header", HFILL } },
        { &hf_entrust_trailing_data,
          { "Trailing data", "entrust.trailing_data", FT_BYTES, BASE_NONE, NULL, 0,
            "Bytes inside the frame after the PKIMessage or after a fixed-size value", HFILL } },
    };

    static gint *ett[] = {
        &ett_entrust,
        &ett_entrust_flags,
        &ett_entrust_error_code,
    };

    static ei_register_info ei[] = {
        { &ei_entrust_bad_length,
          { "entrust.analysis.bad_length", PI_MALFORMED, PI_ERROR,
            "Frame length is invalid", EXPFILL } },
        { &ei_entrust_length_above_max,
          { "entrust.analysis.length_above_max", PI_UNDECODED, PI_WARN,
            "Length above the maximum PDU size preference: not reassembled", EXPFILL } },
        { &ei_entrust_unknown_type,
          { "entrust.analysis.unknown_type", PI_PROTOCOL, PI_WARN,
            "Unknown message type", EXPFILL } },
        { &ei_entrust_reserved_flags,
          { "entrust.analysis.reserved_flags", PI_PROTOCOL, PI_WARN,
            "Reserved flag bits set", EXPFILL } },
        { &ei_entrust_bad_end_marker,
          { "entrust.analysis.bad_end_marker", PI_PROTOCOL, PI_WARN,
            "negPollRep or finRep whose value is not 0x00", EXPFILL } },
        { &ei_entrust_trailing_data,
          { "entrust.analysis.trailing_data", PI_PROTOCOL, PI_WARN,
            "Trailing data after the PKIMessage", EXPFILL } },
        { &ei_entrust_session,
          { "entrust.analysis.session", PI_SEQUENCE, PI_CHAT,
            "Session classified", EXPFILL } },
        { &ei_entrust_continuation,
          { "entrust.analysis.continuation", PI_SEQUENCE, PI_NOTE,
            "The capture starts inside a PDU: its end is shown as continuation data", EXPFILL } },
        { &ei_entrust_header_alone,
          { "entrust.analysis.header_alone", PI_REASSEMBLE, PI_NOTE,
            "TCP framing header sent alone before CMP was found on this port", EXPFILL } },
        { &ei_entrust_not_pkimessage,
          { "entrust.analysis.not_pkimessage", PI_MALFORMED, PI_ERROR,
            "No PKIMessage where the next one of this bare-DER CMP stream starts", EXPFILL } },
        { &ei_entrust_framing_changed,
          { "entrust.analysis.framing_changed", PI_PROTOCOL, PI_NOTE,
            "The framing changed within the connection", EXPFILL } },
        { &ei_entrust_error_msg_rep,
          { "entrust.analysis.error_msg_rep", PI_RESPONSE_CODE, PI_WARN,
            "errorMsgRep: the peer reports an error (its code, class and text)", EXPFILL } },
        { &ei_entrust_unknown_error_class,
          { "entrust.analysis.unknown_error_class", PI_PROTOCOL, PI_WARN,
            "Version-10 error class other than 1 (version negotiation), 2 (client error) and 3 (server error)",
            EXPFILL } },
    };

    module_t *entrust_module;
    expert_module_t *expert_entrust;

    proto_entrust = proto_register_protocol("Entrust PKI services over TCP", "Entrust", "entrust");
    proto_register_field_array(proto_entrust, hf, array_length(hf));
    proto_register_subtree_array(ett, array_length(ett));
    expert_entrust = expert_register_protocol(proto_entrust);
    expert_register_field_array(expert_entrust, ei, array_length(ei));
    entrust_identify_register(proto_entrust);
    entrust_analysis_register(proto_entrust);

    entrust_handle = register_dissector("entrust", dissect_entrust, proto_entrust);
    entrust_http_poll_handle = register_dissector(ENTRUST_HTTP_POLL_DISSECTOR_NAME, dissect_entrust_http_poll, proto_entrust);

    entrust_module = prefs_register_protocol(proto_entrust, NULL);
    prefs_register_bool_preference(entrust_module, "desegment",
        "Reassemble PDUs spanning multiple TCP segments",
        "Whether the dissector reassembles PDUs spanning multiple TCP segments. "
        "To use this option, also enable \"Allow subdissectors to reassemble TCP streams\" "
        "in the TCP protocol settings.",
        &entrust_desegment);
    prefs_register_uint_preference(entrust_module, "max_pdu_size",
        "Maximum PDU size (bytes)",
        "A length above this is not waited for: the bytes at hand are shown as they are, and where "
        "the PKIMessage confirms the length, the PDU's rest in later segments is shown as its rest",
        10, &entrust_max_pdu);
}

void
proto_reg_handoff_entrust(void)
{
    pkixcmp_handle = find_dissector_add_dependency(PKIXCMP_DISSECTOR_NAME, proto_entrust);
    tls_handle = find_dissector_add_dependency("tls", proto_entrust);
    data_handle = find_dissector_add_dependency("data", proto_entrust);

    dissector_add_uint_range_with_preference("tcp.port", ENTRUST_TCP_PORTS, entrust_handle);
    entrust_identify_handoff();
    /* The application/pkixcmp-poll media types are taken, or handed back,
     * together with application/pkixcmp by pkixcmp's "take_http" preference. */
}
