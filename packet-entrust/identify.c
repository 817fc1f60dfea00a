/* identify.c - implementations revealed by a conversation, and heuristics
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Implementation identification: every top-level PKIMessage goes through
 * the fingerprint table (fingerprint.c).  What it reveals is shown on the
 * message (pkixcmp.implementation); an Entrust fingerprint is remembered
 * for the whole conversation and shown, generated, on every frame of it
 * (entrust.product), with an expert note on the frame that identified it.
 * The decision is taken on the first pass and kept in conversation data,
 * so a second pass shows it on the frames before that one too.
 *
 * Heuristics: "pkixcmp_tcp" finds v0/v10-framed or bare DER CMP on any TCP
 * port (also after a framing header sent alone, and a pollReq sent alone
 * with a polling reference a pollRep gave) and hands the whole connection
 * to the entrust dissector;
 * "pkixcmp_http" decodes HTTP bodies that are PKIMessages or TCP-framed
 * PDUs but carry no Content-Type (Wireshark 4.0's HTTP tries its heuristic
 * table only for those; a body with an unknown type goes to "media").  Both are on by default
 * and switched in Analyze > Enabled Protocols, as heuristics are.
 */
#include <wireshark.h>
#include <epan/packet.h>
#include <epan/conversation.h>
#include <epan/expert.h>
#include <epan/proto_data.h>
#include <epan/dissectors/packet-tcp.h>

#include "ws-compat.h"
#include "entrust.h"
#include "fingerprint.h"
#include "der.h"
#include "framing.h"
#include "heuristics.h"

/* Ids handed over at registration.  This file keeps its conversation data
 * under pkixcmp's id and its packet data under entrust's: neither
 * dissector uses those slots itself. */
static int proto_entrust = -1;
static int proto_pkixcmp = -1;

static int hf_entrust_product = -1;
static int hf_entrust_product_frame = -1;
static int hf_pkixcmp_implementation = -1;
static int hf_pkixcmp_implementation_evidence = -1;

static gint ett_identify = -1;

static expert_field ei_entrust_identified = EI_INIT;

static dissector_handle_t entrust_handle;
static dissector_handle_t entrust_http_poll_handle;


/* A TCP framing header that came alone in its segment, on a port the
 * heuristic watches (cmp_heur_header_alone). */
typedef struct {
    guint8  header[CMP_TCP_V10_HEADER_LEN];
    guint8  header_len;       /* 0: none */
    guint32 frame;            /* the frame that carried it */
    guint32 nxtseq;           /* the TCP sequence number right after it */
} heur_header_t;

/* What one conversation revealed: the first Entrust fingerprint wins and
 * is never changed, so that every pass shows the same. */
typedef struct {
    const char *product;      /* file scope; NULL until identified */
    const char *evidence;     /* what identified it, file scope */
    guint32 identified_in;    /* frame of the identifying message */
    guint   identified_at;    /* and its offset there (tvb_raw_offset): a
                                 frame may hold several messages */
    heur_header_t header_alone[2];   /* per direction, before CMP was found */
} identify_conv_t;

/* Per frame, this pass only (pinfo->pool). */
typedef struct {
    gboolean product_shown;   /* entrust.product is already in the tree */
    gboolean expert_done;     /* the "identified" note was added */
} identify_frame_t;

#define IDENTIFY_FRAME_KEY 0

static identify_frame_t *
frame_state(packet_info *pinfo)
{
    identify_frame_t *st = (identify_frame_t *)p_get_proto_data(pinfo->pool, pinfo, proto_entrust, IDENTIFY_FRAME_KEY);

    if (!st) {
        st = wmem_new0(pinfo->pool, identify_frame_t);
        p_add_proto_data(pinfo->pool, pinfo, proto_entrust, IDENTIFY_FRAME_KEY, st);
    }
    return st;
}

static identify_conv_t *
conv_state(conversation_t *conversation, gboolean create)
{
    identify_conv_t *conv = (identify_conv_t *)conversation_get_proto_data(conversation, proto_pkixcmp);

    if (!conv && create) {
        conv = wmem_new0(wmem_file_scope(), identify_conv_t);
        conversation_add_proto_data(conversation, proto_pkixcmp, conv);
    }
    return conv;
}

/* Adds entrust.product (and the frame that identified it) to tree. */
static proto_item *
add_product(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, const identify_conv_t *conv)
{
    proto_item *ti = proto_tree_add_string(tree, hf_entrust_product, tvb, 0, 0, conv->product);

    proto_item_set_generated(ti);
    if (pinfo->num != conv->identified_in) {
        proto_item *fi = proto_tree_add_uint(proto_item_add_subtree(ti, ett_identify), hf_entrust_product_frame,
                                             tvb, 0, 0, conv->identified_in);
        proto_item_set_generated(fi);
    }
    frame_state(pinfo)->product_shown = TRUE;
    return ti;
}

void
entrust_identify_message(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, pkixcmp_msg_t *msg,
                         conversation_t *conversation)
{
    cmp_fp_input in = { 0 };
    cmp_fp_result fp;
    identify_conv_t *conv;
    identify_frame_t *frame;
    gboolean found;

    if (!msg || msg->depth != 0)
        return;

    /* What this message reveals. */
    in.free_text = msg->free_text;
    in.sender = msg->sender;
    if (msg->oids) {
        guint n = wmem_list_count(msg->oids);
        const char **oids = wmem_alloc_array(pinfo->pool, const char *, n);
        guint i = 0;
        for (wmem_list_frame_t *f = wmem_list_head(msg->oids); f && i < n; f = wmem_list_frame_next(f))
            oids[i++] = (const char *)wmem_list_frame_data(f);
        in.oids = oids;
        in.n_oids = i;
    }
    found = cmp_fingerprint(&in, &fp);
    if (found && hf_pkixcmp_implementation > 0) {
        proto_item *ti = proto_tree_add_string(tree, hf_pkixcmp_implementation, tvb, 0, 0, fp.implementation);
        proto_tree *sub = proto_item_add_subtree(ti, ett_identify);
        proto_item_set_generated(ti);
        proto_item_set_generated(proto_tree_add_string(sub, hf_pkixcmp_implementation_evidence, tvb, 0, 0, fp.evidence));
    }

    /* The conversation: decided on the first pass only. */
    conv = conv_state(conversation, found && fp.impl == CMP_IMPL_ENTRUST && !PINFO_FD_VISITED(pinfo));
    if (conv && !conv->product && found && fp.impl == CMP_IMPL_ENTRUST && !PINFO_FD_VISITED(pinfo)) {
        conv->product = wmem_strdup(wmem_file_scope(), fp.product);
        conv->evidence = wmem_strdup(wmem_file_scope(), fp.evidence);
        conv->identified_in = pinfo->num;
        conv->identified_at = (guint)tvb_raw_offset(tvb);
    }
    if (!conv || !conv->product)
        return;
    /* In the identifying frame, beside the identifying message: a second
     * pass knows the product before it reaches that message. */
    if (pinfo->num == conv->identified_in && (guint)tvb_raw_offset(tvb) != conv->identified_at)
        return;

    frame = frame_state(pinfo);
    if (!frame->product_shown) {
        proto_item *ti = add_product(tvb, pinfo, tree, conv);
        if (pinfo->num == conv->identified_in && !frame->expert_done) {
            expert_add_info_format(pinfo, ti, &ei_entrust_identified,
                                   "Entrust implementation identified: %s, by %s",
                                   conv->product, conv->evidence);
            frame->expert_done = TRUE;
        }
    }
}

void
entrust_identify_show(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, conversation_t *conversation)
{
    identify_conv_t *conv = conv_state(conversation, FALSE);

    if (!conv || !conv->product || frame_state(pinfo)->product_shown)
        return;
    /* The identifying frame shows it beside the message that revealed it
     * (in every pass alike); earlier frames only once the capture has
     * been read through. */
    if (pinfo->num == conv->identified_in)
        return;
    if (pinfo->num > conv->identified_in || PINFO_FD_VISITED(pinfo))
        add_product(tvb, pinfo, tree, conv);
}

/* ------------------------------------------------------------------------
 * Heuristics
 */

/* TRUE when Decode As gave one of the connection's ports to a dissector
 * other than its default: that choice stands, even for segments the chosen
 * dissector rejects (the built-in CMP dissector rejects some). */
static gboolean
port_chosen_by_user(packet_info *pinfo)
{
    static dissector_table_t tcp_port_table;
    const guint32 ports[] = { pinfo->srcport, pinfo->destport };

    if (!tcp_port_table)
        tcp_port_table = find_dissector_table("tcp.port");
    for (gsize i = 0; tcp_port_table && i < G_N_ELEMENTS(ports); i++) {
        dissector_handle_t current = dissector_get_uint_handle(tcp_port_table, ports[i]);
        if (current && current != dissector_get_default_uint_handle("tcp.port", ports[i]))
            return TRUE;
    }
    return FALSE;
}

/* A PKIMessage's first bytes after a header sent alone that are enough
 * for cmp_heur_after_header's verdict (up to pvno: 16 at most, with long
 * length forms). */
#define SPLIT_HEADER_JUDGE_BYTES 16

/* Hands the framing headers still waiting for their PKIMessage, the
 * peer's too, to the entrust dissector, which takes the connection;
 * at_hand: the direction whose PKIMessage starts the segment at hand, or
 * -1. */
static void
hand_over_headers(conversation_t *conversation, packet_info *pinfo, gint at_hand)
{
    const identify_conv_t *conv = conv_state(conversation, FALSE);

    for (guint dir = 0; conv && dir < 2; dir++) {
        const heur_header_t *pending = &conv->header_alone[dir];
        if (pending->header_len)
            entrust_take_split_header(conversation, pinfo, dir, pending->header, pending->header_len,
                                      pending->frame, pending->nxtseq, (gint)dir == at_hand);
    }
}

/* A sender that writes a TCP frame's header and its PKIMessage apart puts
 * the header into a segment of its own, which no heuristic can judge.  It
 * is remembered; when the next segment of its direction starts with the
 * PKIMessage the header announced, that segment is not bare DER: the
 * connection is the entrust dissector's from this frame on, and entrust
 * shows the PKIMessage as that header's PDU (reassembling it when it
 * spans segments), in every pass alike.  TRUE when the segment was
 * taken. */
static gboolean
take_split_header(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, struct tcpinfo *tcpinfo,
                  const guint8 *buf, guint avail)
{
    conversation_t *conversation;
    identify_conv_t *conv;
    heur_header_t *pending;

    if (!tcpinfo)
        return FALSE;
    /* (TCP may hand over the PKIMessage's first segments reassembled, when
     * it reorders them: tcpinfo->seq is then that of their first byte.) */
    if (!tcpinfo->is_reassembled && cmp_heur_header_alone(buf, avail, entrust_max_pdu_size())) {
        conv = conv_state(find_or_create_conversation(pinfo), TRUE);
        pending = &conv->header_alone[entrust_tcp_direction(pinfo)];
        memcpy(pending->header, buf, avail);
        pending->header_len = (guint8)avail;
        pending->frame = pinfo->num;
        pending->nxtseq = tcpinfo->nxtseq;
        return FALSE;
    }
    if (buf[0] != 0x30 || PINFO_FD_VISITED(pinfo) || !(conversation = find_conversation_pinfo(pinfo, 0))
            || !(conv = conv_state(conversation, FALSE)))
        return FALSE;
    pending = &conv->header_alone[entrust_tcp_direction(pinfo)];
    if (!pending->header_len || pending->nxtseq != tcpinfo->seq)
        return FALSE;
    if (!cmp_heur_after_header(pending->header, pending->header_len, buf, avail, entrust_max_pdu_size())) {
        /* Too few bytes to judge: TCP brings them back with the next
         * segment's (reassembled, tcpinfo->seq unchanged).  Else what
         * follows the header is not its PKIMessage (its length or flags
         * do not fit): it waits no longer. */
        if (avail >= SPLIT_HEADER_JUDGE_BYTES || !entrust_may_desegment(pinfo)) {
            pending->header_len = 0;
            return FALSE;
        }
        pinfo->desegment_offset = 0;
        pinfo->desegment_len = DESEGMENT_ONE_MORE_SEGMENT;
        return TRUE;
    }
    hand_over_headers(conversation, pinfo, (gint)entrust_tcp_direction(pinfo));
    conversation_set_dissector_from_frame_number(conversation, pinfo->num, entrust_handle);
    dissect_entrust(tvb, pinfo, tree, tcpinfo);
    return TRUE;
}

/* A client that reconnects to poll sends a pollReq alone, which no
 * heuristic can judge by its bytes: it is CMP when its polling reference
 * is one a pollRep gave between the same endpoints, and it goes where
 * that transaction's requests went (entrust_poll_ref_known). */
static gboolean
polls_known_transaction(packet_info *pinfo, const guint8 *buf, guint avail)
{
    const guint8 *ref = cmp_heur_poll_req_ref(buf, avail);

    return ref && !PINFO_FD_VISITED(pinfo) && entrust_poll_ref_known(pinfo, ref);
}

/* CMP on a TCP port nobody registered: claim the connection for the
 * entrust dissector, which then reads every segment of it. */
static entrust_heur_result_t
dissect_pkixcmp_tcp_heur(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *data)
{
    guint avail = tvb_captured_length(tvb);
    const guint8 *buf;
    conversation_t *conversation;

    if (!entrust_handle || avail == 0 || port_chosen_by_user(pinfo))
        return FALSE;
    buf = tvb_get_ptr(tvb, 0, avail);
    if (take_split_header(tvb, pinfo, tree, (struct tcpinfo *)data, buf, avail))
        return TRUE;
    if (!cmp_heur_tcp(buf, avail, entrust_max_pdu_size()) && !polls_known_transaction(pinfo, buf, avail))
        return FALSE;
    conversation = find_or_create_conversation(pinfo);
    /* A header sent alone before this (in either direction) still waits
     * for its PKIMessage. */
    hand_over_headers(conversation, pinfo, -1);
    /* From this frame on: the frames before it did not look like CMP, and
     * a second pass must leave them as the first did. */
    conversation_set_dissector_from_frame_number(conversation, pinfo->num, entrust_handle);
    /* Called directly, not through its handle: the heuristic table has put
     * entrust into the frame's layers already, and TCP's permission to
     * reassemble reaches it as it does through the conversation. */
    dissect_entrust(tvb, pinfo, tree, data);
    return TRUE;
}

/* An HTTP body without a Content-Type: a PKIMessage, or TCP-framed PDUs
 * (as application/pkixcmp-poll carries them).  The whole body must be
 * one PKIMessage, or frames that fill it exactly. */
static entrust_heur_result_t
dissect_pkixcmp_http_heur(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *data)
{
    guint avail = tvb_captured_length(tvb);

    if (avail < 2 || avail != tvb_reported_length(tvb))
        return FALSE;
    switch (cmp_heur_http_body(tvb_get_ptr(tvb, 0, avail), avail)) {
    case CMP_HTTP_BODY_PKIMESSAGE:
        dissect_pkixcmp(tvb, pinfo, tree, data);
        return TRUE;
    case CMP_HTTP_BODY_FRAMED:
        if (!entrust_http_poll_handle)
            return FALSE;
        call_dissector_with_data(entrust_http_poll_handle, tvb, pinfo, tree, data);
        return TRUE;
    case CMP_HTTP_BODY_NONE:
    default:
        return FALSE;
    }
}

/* ------------------------------------------------------------------------
 * Registration
 */

/* pkixcmp.* fields, registered from proto_register_pkixcmp.  Each
 * protocol's fields are registered from its own registration routine:
 * `tshark -G elastic-mapping` splits a protocol whose fields interleave with
 * another's into duplicate JSON keys. */
void
pkixcmp_identify_register(int proto_pkixcmp_id)
{
    static hf_register_info hf[] = {
        { &hf_pkixcmp_implementation,
          { "Implementation", "pkixcmp.implementation", FT_STRING, BASE_NONE, NULL, 0,
            "The CMP implementation this message reveals (Entrust, cryptlib, EJBCA, OpenSSL)", HFILL } },
        { &hf_pkixcmp_implementation_evidence,
          { "Evidence", "pkixcmp.implementation.evidence", FT_STRING, BASE_NONE, NULL, 0,
            "What in the message revealed the implementation", HFILL } },
    };

    proto_pkixcmp = proto_pkixcmp_id;
    proto_register_field_array(proto_pkixcmp, hf, array_length(hf));
}

void
entrust_identify_register(int proto_entrust_id)
{
    static hf_register_info hf[] = {
        { &hf_entrust_product,
          { "Entrust product", "entrust.product", FT_STRING, BASE_NONE, NULL, 0,
            "The Entrust implementation the conversation revealed (freeText, Entrust OIDs)", HFILL } },
        { &hf_entrust_product_frame,
          { "Identified in", "entrust.product.identified_in", FT_FRAMENUM, BASE_NONE, NULL, 0,
            "The frame whose message identified the Entrust implementation", HFILL } },
    };
    static ei_register_info ei[] = {
        { &ei_entrust_identified,
          { "entrust.analysis.identified", PI_PROTOCOL, PI_CHAT,
            "Entrust implementation identified", EXPFILL } },
    };
    static gint *ett[] = {
        &ett_identify,
    };
    expert_module_t *expert_entrust;

    proto_entrust = proto_entrust_id;
    DISSECTOR_ASSERT(proto_entrust >= 0 && proto_pkixcmp >= 0);

    proto_register_field_array(proto_entrust, hf, array_length(hf));
    proto_register_subtree_array(ett, array_length(ett));
    expert_entrust = expert_register_protocol(proto_entrust);
    expert_register_field_array(expert_entrust, ei, array_length(ei));
}

void
entrust_identify_handoff(void)
{
    entrust_handle = find_dissector("entrust");
    entrust_http_poll_handle = find_dissector(ENTRUST_HTTP_POLL_DISSECTOR_NAME);

    heur_dissector_add("tcp", dissect_pkixcmp_tcp_heur, "PKIX-CMP over TCP",
                       "pkixcmp_tcp", proto_entrust, HEURISTIC_ENABLE);
    heur_dissector_add("http", dissect_pkixcmp_http_heur, "PKIX-CMP in HTTP bodies without a Content-Type",
                           "pkixcmp_http", proto_pkixcmp, HEURISTIC_ENABLE);
}
