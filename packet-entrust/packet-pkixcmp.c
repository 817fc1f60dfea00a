/* packet-pkixcmp.c - the PKIMessage of the Certificate Management Protocol
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * RFC 4210 (CMP v2), RFC 9480 (CMP updates), RFC 9810 (CMP v3, which
 * obsoletes both), RFC 4211 (CRMF).  https://www.rfc-editor.org/rfc/rfc9810
 *
 * The ASN.1 module is EXPLICIT TAGS: in the ber_sequence_t tables below a
 * tagged field with no BER_FLAGS_IMPLTAG has its explicit tag stripped by
 * the BER helpers, as asn2wrs-generated code does.  Certificates, CRLs,
 * Names, PKCS#10 requests and CMS structures are handed to Wireshark's own
 * x509af, x509if, pkcs10 and cms dissectors through the BER OID and syntax
 * tables.  CRMF, which this Wireshark does not export to plugins, is
 * decoded by pkixcmp-crmf.c.  What is written here besides is what
 * filters and the tracking need as values: a Name's DN string and the
 * OIDs' dotted strings (der.c), an RSA key's modulus size.
 *
 * The filter name "cmp" belongs to Wireshark's built-in dissector; this one
 * is "pkixcmp".
 */
#include <wireshark.h>

#include <string.h>

#include <epan/packet.h>
#include <epan/proto_data.h>
#include <epan/expert.h>
#include <epan/oids.h>
#include <epan/prefs.h>
#include <epan/asn1.h>
#include <epan/dissectors/packet-ber.h>
#include <epan/exceptions.h>
#include <epan/show_exception.h>

#include "ws-compat.h"
#include "entrust.h"
#include "der.h"
#include "pkixcmp-oids.h"
#include "pkixcmp-asn1.h"
#include "pkixcmp-rules.h"

static int proto_pkixcmp = -1;

/* Header */
static int hf_pkixcmp_header = -1;
static int hf_pkixcmp_pvno = -1;
static int hf_pkixcmp_sender = -1;
static int hf_pkixcmp_recipient = -1;
static int hf_pkixcmp_message_time = -1;
static int hf_pkixcmp_protection_alg = -1;
static int hf_pkixcmp_sender_kid = -1;
static int hf_pkixcmp_recip_kid = -1;
static int hf_pkixcmp_transaction_id = -1;
static int hf_pkixcmp_sender_nonce = -1;
static int hf_pkixcmp_recip_nonce = -1;
static int hf_pkixcmp_free_text = -1;
static int hf_pkixcmp_free_text_item = -1;
static int hf_pkixcmp_general_info = -1;
/* Body */
static int hf_pkixcmp_body = -1;
static int hf_pkixcmp_status = -1;
static int hf_pkixcmp_protection = -1;
static int hf_pkixcmp_extra_certs = -1;
/* Shared building blocks */
static int hf_pkixcmp_general_name = -1;
static int hf_pkixcmp_general_name_type = -1;
static int hf_pkixcmp_general_name_value = -1;
int hf_pkixcmp_algorithm = -1;
static int hf_pkixcmp_algorithm_id = -1;
int hf_pkixcmp_algorithm_params = -1;
int hf_pkixcmp_certificate = -1;
int hf_pkixcmp_crl = -1;
static int hf_pkixcmp_status_info = -1;
static int hf_pkixcmp_pki_status = -1;
static int hf_pkixcmp_status_string = -1;
static int hf_pkixcmp_fail_info = -1;
static int hf_pkixcmp_fail_info_bits[27];
static int hf_pkixcmp_itav = -1;
static int hf_pkixcmp_infotype = -1;
static int hf_pkixcmp_infovalue = -1;
int hf_pkixcmp_cert_req_id = -1;
static int hf_pkixcmp_unknown = -1;
static int hf_pkixcmp_bad_since_date = -1;
static int hf_pkixcmp_ca_certs = -1;
static int hf_pkixcmp_ca_key_upd_ann_v2 = -1;
static int hf_pkixcmp_ca_key_upd_ann_v3 = -1;
static int hf_pkixcmp_ca_pubs = -1;
static int hf_pkixcmp_cert_details = -1;
static int hf_pkixcmp_cert_hash = -1;
static int hf_pkixcmp_cert_id = -1;
static int hf_pkixcmp_cert_or_enc_cert = -1;
static int hf_pkixcmp_cert_response = -1;
static int hf_pkixcmp_cert_status = -1;
static int hf_pkixcmp_certified_key_pair = -1;
static int hf_pkixcmp_challenge = -1;
static int hf_pkixcmp_challenge_item = -1;
static int hf_pkixcmp_check_after = -1;
static int hf_pkixcmp_crl_details = -1;
static int hf_pkixcmp_crl_entry_details = -1;
static int hf_pkixcmp_crls = -1;
static int hf_pkixcmp_encrypted_cert = -1;
static int hf_pkixcmp_encrypted_rand = -1;
static int hf_pkixcmp_encrypted_value = -1;
static int hf_pkixcmp_error_code = -1;
static int hf_pkixcmp_error_details = -1;
static int hf_pkixcmp_hash_alg = -1;
static int hf_pkixcmp_issuer = -1;
static int hf_pkixcmp_itavs = -1;
static int hf_pkixcmp_key_pair_hist = -1;
static int hf_pkixcmp_new_sig_cert = -1;
static int hf_pkixcmp_new_with_new = -1;
static int hf_pkixcmp_new_with_old = -1;
static int hf_pkixcmp_old_with_new = -1;
static int hf_pkixcmp_pkiconf = -1;
static int hf_pkixcmp_poll_rep_item = -1;
static int hf_pkixcmp_poll_req_item = -1;
static int hf_pkixcmp_pop_response = -1;
static int hf_pkixcmp_private_key = -1;
static int hf_pkixcmp_publication_info = -1;
static int hf_pkixcmp_reason = -1;
static int hf_pkixcmp_responses = -1;
static int hf_pkixcmp_rev_certs = -1;
static int hf_pkixcmp_rev_details = -1;
static int hf_pkixcmp_rsp_info = -1;
static int hf_pkixcmp_serial_number = -1;
static int hf_pkixcmp_statuses = -1;
static int hf_pkixcmp_will_be_revoked_at = -1;
static int hf_pkixcmp_witness = -1;
static int hf_pkixcmp_cert_template_version = -1;
static int hf_pkixcmp_cert_template_serial = -1;
static int hf_pkixcmp_cert_template_signing_alg = -1;
static int hf_pkixcmp_cert_template_issuer = -1;
static int hf_pkixcmp_cert_template_validity = -1;
static int hf_pkixcmp_cert_template_not_before = -1;
static int hf_pkixcmp_cert_template_not_after = -1;
static int hf_pkixcmp_cert_template_subject = -1;
static int hf_pkixcmp_cert_template_public_key = -1;
static int hf_pkixcmp_cert_template_issuer_uid = -1;
static int hf_pkixcmp_cert_template_subject_uid = -1;
static int hf_pkixcmp_cert_template_extensions = -1;
static int hf_pkixcmp_extension = -1;
static int hf_pkixcmp_extension_id = -1;
static int hf_pkixcmp_extension_critical = -1;
static int hf_pkixcmp_extension_value = -1;
static int hf_pkixcmp_subject_public_key = -1;
static int hf_pkixcmp_rsa_modulus = -1;
static int hf_pkixcmp_rsa_public_exponent = -1;
static int hf_pkixcmp_rsa_key_size = -1;

static gint ett_pkixcmp = -1;
static gint ett_pkixcmp_header = -1;
static gint ett_pkixcmp_general_name = -1;
gint ett_pkixcmp_algorithm = -1;
static gint ett_pkixcmp_free_text = -1;
static gint ett_pkixcmp_general_info = -1;
static gint ett_pkixcmp_itav = -1;
static gint ett_pkixcmp_body = -1;
static gint ett_pkixcmp_status_info = -1;
static gint ett_pkixcmp_fail_info = -1;
static gint ett_pkixcmp_extra_certs = -1;
static gint ett_pkixcmp_certificate = -1;
static gint ett_pkixcmp_sequence = -1;

static expert_field ei_pkixcmp_unknown_body = EI_INIT;
static expert_field ei_pkixcmp_unknown_oid = EI_INIT;
static expert_field ei_pkixcmp_not_pkimessage = EI_INIT;
static expert_field ei_pkixcmp_nesting_too_deep = EI_INIT;
static expert_field ei_pkixcmp_ber_too_deep = EI_INIT;
static expert_field ei_pkixcmp_ber_unsupported_real = EI_INIT;
static expert_field ei_pkixcmp_ber_malformed = EI_INIT;
static expert_field ei_pkixcmp_trailing_element = EI_INIT;
static expert_field ei_pkixcmp_unexpected = EI_INIT;
static expert_field ei_pkixcmp_implicit_tag = EI_INIT;
static expert_field ei_pkixcmp_explicit_tag = EI_INIT;
static expert_field ei_pkixcmp_implicit_certificate = EI_INIT;
static expert_field ei_pkixcmp_itav_value_in_set = EI_INIT;
static expert_field ei_pkixcmp_empty_sequence = EI_INIT;
static expert_field ei_pkixcmp_pvno_too_low = EI_INIT;
static expert_field ei_pkixcmp_unknown_pvno = EI_INIT;
static expert_field ei_pkixcmp_too_many_layers = EI_INIT;
static expert_field ei_pkixcmp_missing_field = EI_INIT;

static dissector_handle_t pkixcmp_handle;

/* Preference: take application/pkixcmp over HTTP from the built-in CMP. */
static entrust_pref_bool_t pkixcmp_take_http = TRUE;

/* Nested PKIMessages are decoded recursively; this bounds the recursion. */
#define PKIXCMP_MAX_NESTING 8
/* Wireshark's generic BER decoder recurses once per constructed level and
 * adds two tree levels for each; real values nest a dozen deep.  Deeper ones
 * are shown as bytes, far from the 500-level tree limit. */
#define PKIXCMP_MAX_BER_DEPTH 64

static const char *const pkixcmp_http_media_types[] = {
    "application/pkixcmp",
    "application/x-pkixcmp",
    /* These carry the TCP framing; entrust's framing code decodes them. */
    "application/pkixcmp-poll",
    "application/x-pkixcmp-poll",
};

static const value_string pkixcmp_pvno_vals[] = {
    { 1, "cmp1999" },
    { 2, "cmp2000" },
    { 3, "cmp2021" },
    { 0, NULL }
};

/* PKIBody CHOICE tags, RFC 9810 section 5.1.2. */
static const value_string pkixcmp_body_vals[] = {
    {  0, "ir" },      {  1, "ip" },      {  2, "cr" },      {  3, "cp" },
    {  4, "p10cr" },   {  5, "popdecc" }, {  6, "popdecr" }, {  7, "kur" },
    {  8, "kup" },     {  9, "krr" },     { 10, "krp" },     { 11, "rr" },
    { 12, "rp" },      { 13, "ccr" },     { 14, "ccp" },     { 15, "ckuann" },
    { 16, "cann" },    { 17, "rann" },    { 18, "crlann" },  { 19, "pkiconf" },
    { 20, "nested" },  { 21, "genm" },    { 22, "genp" },    { 23, "error" },
    { 24, "certConf" },{ 25, "pollReq" }, { 26, "pollRep" },
    { 0, NULL }
};

static const value_string pkixcmp_status_vals[] = {
    { 0, "accepted" },
    { 1, "grantedWithMods" },
    { 2, "rejection" },
    { 3, "waiting" },
    { 4, "revocationWarning" },
    { 5, "revocationNotification" },
    { 6, "keyUpdateWarning" },
    { 0, NULL }
};

static const value_string cert_or_enc_cert_vals[] = {
    { 0, "certificate" },
    { 1, "encryptedCert" },
    { 0, NULL }
};

static const value_string pkixcmp_general_name_vals[] = {
    { 0, "otherName" },
    { 1, "rfc822Name" },
    { 2, "dNSName" },
    { 3, "x400Address" },
    { 4, "directoryName" },
    { 5, "ediPartyName" },
    { 6, "uniformResourceIdentifier" },
    { 7, "iPAddress" },
    { 8, "registeredID" },
    { 0, NULL }
};

const char *
pkixcmp_body_name(guint32 tag)
{
    return val_to_str_const(tag, pkixcmp_body_vals, "unknown");
}

/* ------------------------------------------------------------------------
 * Per-message state (pkixcmp_ctx_t, pkixcmp-asn1.h)
 */
pkixcmp_ctx_t *
pkixcmp_ctx(asn1_ctx_t *actx)
{
    return (pkixcmp_ctx_t *)actx->private_data;
}

static void
pkixcmp_msg_init(pkixcmp_msg_t *msg, gint depth)
{
    memset(msg, 0, sizeof(*msg));
    msg->pvno = msg->body = msg->status = -1;
    msg->pbm_iterations = PKIXCMP_PBM_ITERATIONS_UNKNOWN;
    msg->depth = depth;
}

/* The state handed to the OID-registered dissectors (proto data key 1):
 * set around each call into the BER OID table, so that a value decoded by
 * this plugin for Wireshark's x509af (an extension inside a certificate)
 * still knows its PKIMessage.  The slot and the states live in
 * pinfo->pool, so a stale pointer left by an exception is never dangling.
 * The slot is found once and then written, rather than set through
 * p_set_proto_data around every call. */
static pkixcmp_ctx_t **
current_ctx_slot(packet_info *pinfo)
{
    pkixcmp_ctx_t **slot = (pkixcmp_ctx_t **)p_get_proto_data(pinfo->pool, pinfo, proto_pkixcmp, 1);

    if (!slot) {
        slot = wmem_new0(pinfo->pool, pkixcmp_ctx_t *);
        p_add_proto_data(pinfo->pool, pinfo, proto_pkixcmp, 1, slot);
    }
    return slot;
}

gboolean
pkixcmp_in_message(packet_info *pinfo)
{
    pkixcmp_ctx_t **slot = (pkixcmp_ctx_t **)p_get_proto_data(pinfo->pool, pinfo, proto_pkixcmp, 1);

    return slot && *slot;
}

/* This plugin's decoders of OID-selected values, which pkixcmp_call_oid
 * consults before Wireshark's BER OID table.  An OID that one of
 * Wireshark's dissectors decodes stays theirs for everybody else (the
 * built-in cmp and crmf, X.509 in TLS); the BER table gets this plugin's
 * decoder only where it has none, for the values Wireshark's own decoders
 * meet inside a PKIMessage (an extension in a certificate). */
static dissector_table_t pkixcmp_oid_table;

void
pkixcmp_register_oid_dissector(const char *oid, dissector_t dissector, int proto, const char *name)
{
    dissector_handle_t handle = create_dissector_handle(dissector, proto);

    dissector_add_string("pkixcmp.oid", oid, handle);
    if (!oid_has_dissector(oid))
        register_ber_oid_dissector_handle(oid, handle, proto, name);
}

void
pkixcmp_oid_actx_init(asn1_ctx_t *actx, packet_info *pinfo)
{
    asn1_ctx_init(actx, ASN1_ENC_BER, TRUE, pinfo);
    actx->private_data = *current_ctx_slot(pinfo);
}

int
pkixcmp_proto(void)
{
    return proto_pkixcmp;
}

/* RFC 9810 section 1.3: version 3 (cmp2021) came with the ASN.1 changes for
 * EnvelopedData, hashAlg in certConf, POPOPrivKey's agreeMAC and
 * RootCaKeyUpdateContent in ckuann; section 7 keeps cmp2021 for the
 * messages that need its syntax.  A message of pvno 1 or 2 that uses it
 * speaks a syntax its version does not have.  (Checked where CMP's own
 * syntax changed: EnvelopedData in CertifiedKeyPair and Challenge, hashAlg,
 * cAKeyUpdAnnV3.  POPOPrivKey's agreeMAC and encryptedKey, and
 * EnvelopedData in pkiArchiveOptions, are RFC 4211's CRMF, which cmp2000
 * already has.) */
void
pkixcmp_check_cmp2021_syntax(asn1_ctx_t *actx, proto_tree *tree, tvbuff_t *tvb, int start, int end, const char *what)
{
    pkixcmp_ctx_t *ctx = pkixcmp_ctx(actx);
    gint pvno = ctx ? ctx->summary->pvno : -1;

    if (pvno >= 0 && pvno < 3)
        proto_tree_add_expert_format(tree, actx->pinfo, &ei_pkixcmp_pvno_too_low, tvb, start, end - start,
                                     "%s in a message of pvno %d: cmp2021 (3) syntax (RFC 9810 section 1.3)",
                                     what, pvno);
}

/* Copies an OCTET STRING's value out of the packet into msg. */
static int
dissect_octet_string_into(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx,
                          proto_tree *tree, int hf_index, pkixcmp_bytes_t *into)
{
    tvbuff_t *value = NULL;

    offset = dissect_ber_octet_string(implicit_tag, actx, tree, tvb, offset, hf_index, &value);
    if (value && into) {
        into->len = tvb_reported_length(value);
        /* Present but empty is not absent: data is then "" (tvb_memdup
         * would return NULL). */
        into->data = into->len ? (const guint8 *)tvb_memdup(actx->pinfo->pool, value, 0, tvb_captured_length(value))
                               : (const guint8 *)"";
    }
    return offset;
}

/* ------------------------------------------------------------------------
 * Helpers around Wireshark's BER code
 */

/* Size of the BER element at offset (header plus content), clamped to
 * what the tvb reports.  Never throws for a short tvb: the callers hand the
 * element to a dissector that will report the truncation. */
int
pkixcmp_element_size(tvbuff_t *tvb, int offset)
{
    gint8 ber_class;
    ber_bool_t pc, ind;
    gint32 tag;
    guint32 len;
    int content = get_ber_identifier(tvb, offset, &ber_class, &pc, &tag);
    int remaining;

    content = get_ber_length(tvb, content, &len, &ind);
    remaining = tvb_reported_length_remaining(tvb, offset);
    if (ind || (guint64)(content - offset) + len > (guint64)remaining)
        return remaining;
    return content - offset + (int)len;
}

/* Each call through a dissector handle appends a layer to pinfo->layers,
 * and Wireshark asserts that a packet holds fewer layers than the tree may
 * be deep (gui.max_tree_depth, 500 by default): a genp with hundreds of
 * caCerts would trip it.  Beyond PKIXCMP_MAX_LAYERS, the layers a decoder
 * added are dropped once it returned, as Wireshark drops those of a
 * decoder that rejects its data; below, they stay, and frame.protocols
 * names x509af, cms and the others that decoded parts of the message. */
#define PKIXCMP_MAX_LAYERS 64

static void
trim_layers(packet_info *pinfo, guint count)
{
    /* A quarter of the limit leaves room for the layers a certificate's
     * decoding adds while it runs, whatever gui.max_tree_depth says. */
    guint keep = MIN(PKIXCMP_MAX_LAYERS, prefs.gui_max_tree_depth / 4);

    while (wmem_list_count(pinfo->layers) > MAX(count, keep))
        wmem_list_remove_frame(pinfo->layers, wmem_list_tail(pinfo->layers));
}

/* The layers kept free below gui.max_tree_depth for a call into one of
 * Wireshark's decoders beyond those der_count_oid_values foresees: the
 * decoder's own, and the few it may add for values no OID in them
 * selects. */
#define PKIXCMP_LAYER_MARGIN 8

/* Whether Wireshark's decoder can take element without running into
 * gui.max_tree_depth.  Each value it hands on through the BER OID table
 * adds a layer (x509if one for each attribute of a Name), and they stay
 * until the decoder returns and trim_layers drops them: a Name of 1,000
 * attributes would make Wireshark assert ("saved_layers_len <
 * prefs.gui_max_tree_depth") in the middle of it.  *room is the number of
 * such values the layers left allow. */
static gboolean
layers_allow(packet_info *pinfo, tvbuff_t *element, guint *room)
{
    guint used = wmem_list_count(pinfo->layers) + PKIXCMP_LAYER_MARGIN;
    guint len = tvb_captured_length(element);

    *room = prefs.gui_max_tree_depth > used ? prefs.gui_max_tree_depth - used : 0;
    /* A value takes two octets at least: a short element needs no walk. */
    if (len / 2 <= *room)
        return TRUE;
    return der_count_oid_values(tvb_get_ptr(element, 0, len), len, *room) <= *room;
}

/* An element that Wireshark's decoder cannot take (layers_allow), shown
 * raw with the reason. */
static void
show_beyond_layers(tvbuff_t *element, asn1_ctx_t *actx, proto_tree *tree, const char *what, guint room)
{
    proto_item *pi = proto_tree_add_item(tree, hf_pkixcmp_unknown, element, 0, -1, ENC_NA);

    expert_add_info_format(actx->pinfo, pi, &ei_pkixcmp_too_many_layers,
                           "%s not decoded: more than %u values selected by an OID (attributes, extensions, "
                           "parameters) would each add a protocol layer beyond gui.max_tree_depth (%u): shown raw",
                           what, room, prefs.gui_max_tree_depth);
    pkixcmp_dissect_unknown_ber(actx->pinfo, element, proto_item_add_subtree(pi, ett_pkixcmp_sequence));
}

/* Around each call into one of Wireshark's decoders: the PKIMessage's
 * state is made current for the values the decoder hands back through the
 * BER OID table (current_ctx_slot, pkixcmp_in_message), and the layers it
 * added are trimmed once it returned (trim_layers). */
typedef struct {
    pkixcmp_ctx_t **slot;
    pkixcmp_ctx_t *saved;
    guint layers;
} decoder_call_t;

static void
enter_decoder(asn1_ctx_t *actx, decoder_call_t *call)
{
    call->slot = current_ctx_slot(actx->pinfo);
    call->saved = *call->slot;
    call->layers = wmem_list_count(actx->pinfo->layers);
    *call->slot = pkixcmp_ctx(actx);
}

static void
leave_decoder(asn1_ctx_t *actx, const decoder_call_t *call)
{
    *call->slot = call->saved;
    trim_layers(actx->pinfo, call->layers);
}

int
pkixcmp_dissect_unknown_ber(packet_info *pinfo, tvbuff_t *tvb, proto_tree *tree)
{
    guint len = tvb_captured_length(tvb);
    der_walk_result walk = { 0 };
    proto_item *pi;

    if (len > 0)
        der_walk(tvb_get_ptr(tvb, 0, len), len, tvb_reported_length(tvb), PKIXCMP_MAX_BER_DEPTH, &walk);
    if (walk.depth <= PKIXCMP_MAX_BER_DEPTH && !walk.unsupported_real)
        return dissect_unknown_ber(pinfo, tvb, 0, tree);
    pi = proto_tree_add_item(tree, hf_pkixcmp_unknown, tvb, 0, -1, ENC_NA);
    if (walk.depth > PKIXCMP_MAX_BER_DEPTH)
        expert_add_info_format(pinfo, pi, &ei_pkixcmp_ber_too_deep,
                               "BER nesting deeper than %d levels: shown as bytes", PKIXCMP_MAX_BER_DEPTH);
    else if (walk.fault)
        expert_add_info_format(pinfo, pi, &ei_pkixcmp_ber_malformed,
                               "Malformed BER (%s) with a REAL Wireshark's BER decoder cannot compute: shown as bytes",
                               walk.fault);
    else
        expert_add_info(pinfo, pi, &ei_pkixcmp_ber_unsupported_real);
    return tvb_reported_length(tvb);
}

/* Hands the element at offset to this plugin's decoder for the OID, or to
 * whatever Wireshark registered for it (x509af, cms, ...).  An OID without
 * a decoder is shown raw with an expert info, never silently skipped. */
int
pkixcmp_call_oid(const char *oid, tvbuff_t *tvb, int offset, asn1_ctx_t *actx,
                 proto_tree *tree, const char *what)
{
    int size = pkixcmp_element_size(tvb, offset);
    tvbuff_t *element = tvb_new_subset_length(tvb, offset, size);
    dissector_handle_t ours = oid ? dissector_get_string_handle(pkixcmp_oid_table, oid) : NULL;
    gboolean theirs = !ours && oid && oid_has_dissector(oid);
    guint room;

    if (theirs && !layers_allow(actx->pinfo, element, &room)) {
        show_beyond_layers(element, actx, tree, what, room);
    } else if (ours || theirs) {
        decoder_call_t call;
        enter_decoder(actx, &call);
        if (ours)
            call_dissector_only(ours, element, actx->pinfo, tree, NULL);
        else
            call_ber_oid_callback(oid, element, 0, actx->pinfo, tree, NULL);
        leave_decoder(actx, &call);
    } else if (size == 2 && tvb_get_ntohs(tvb, offset) == 0x0500) {
        /* An absent-parameters NULL needs no dissector (nor a walk: two
         * bytes cannot nest). */
        dissect_unknown_ber(actx->pinfo, element, 0, tree);
    } else {
        proto_item *pi = proto_tree_add_item(tree, hf_pkixcmp_unknown, element, 0, size, ENC_NA);
        proto_tree *sub = proto_item_add_subtree(pi, ett_pkixcmp_sequence);
        char *name = oid ? oid_resolved_from_string(actx->pinfo->pool, oid) : NULL;
        expert_add_info_format(actx->pinfo, pi, &ei_pkixcmp_unknown_oid,
                               "%s for %s (%s) is not decoded", what,
                               name ? name : "an unknown OID", oid ? oid : "none");
        pkixcmp_dissect_unknown_ber(actx->pinfo, element, sub);
    }
    return offset + size;
}

/* Hands the element at offset to a BER syntax dissector ("Certificate",
 * "CertReqMessages", ...) registered by one of Wireshark's dissectors. */
int
pkixcmp_call_syntax(const char *syntax, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree)
{
    static dissector_table_t ber_syntax_table;
    int size = pkixcmp_element_size(tvb, offset);
    tvbuff_t *element = tvb_new_subset_length(tvb, offset, size);
    decoder_call_t call;
    gboolean found;
    guint room;

    if (!ber_syntax_table)
        ber_syntax_table = find_dissector_table("ber.syntax");
    if (!layers_allow(actx->pinfo, element, &room)) {
        show_beyond_layers(element, actx, tree, syntax, room);
        return offset + size;
    }
    enter_decoder(actx, &call);
    found = ber_syntax_table && dissector_try_string_with_data(ber_syntax_table, syntax, element, actx->pinfo, tree, TRUE, NULL);
    leave_decoder(actx, &call);
    if (!found) {
        proto_item *pi = proto_tree_add_item(tree, hf_pkixcmp_unknown, element, 0, size, ENC_NA);
        expert_add_info_format(actx->pinfo, pi, &ei_pkixcmp_unknown_oid,
                               "No dissector for %s is available in this Wireshark", syntax);
        pkixcmp_dissect_unknown_ber(actx->pinfo, element, proto_item_add_subtree(pi, ett_pkixcmp_sequence));
    }
    return offset + size;
}

int
pkixcmp_show_unexpected(tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, const char *why)
{
    int size = pkixcmp_element_size(tvb, offset);
    tvbuff_t *element = tvb_new_subset_length(tvb, offset, size);
    proto_item *pi = proto_tree_add_item(tree, hf_pkixcmp_unknown, element, 0, size, ENC_NA);

    expert_add_info_format(actx->pinfo, pi, &ei_pkixcmp_unexpected, "%s: shown raw", why);
    pkixcmp_dissect_unknown_ber(actx->pinfo, element, proto_item_add_subtree(pi, ett_pkixcmp_sequence));
    return offset + size;
}

/* Whether dissect_ber_sequence gives the element whose header is hdr to
 * entry, as it decides: an entry of class ANY or tag -1 (a CHOICE, an ANY)
 * takes any element, and so does one whose tag is not checked, unless the
 * tag is its own explicit one. */
static gboolean
sequence_entry_takes(const ber_sequence_t *entry, const der_header *hdr)
{
    gboolean own_tag = entry->ber_class != BER_CLASS_UNI && entry->ber_class != BER_CLASS_ANY
        && !(entry->flags & BER_FLAGS_NOOWNTAG);

    if ((entry->flags & BER_FLAGS_NOTCHKTAG) && !own_tag)
        return TRUE;
    return entry->ber_class == BER_CLASS_ANY || entry->tag == -1
        || (hdr->cls == (guint8)entry->ber_class && hdr->tag == (guint32)entry->tag);
}

/* dissect_ber_sequence reports an element the table does not take where it
 * stands, but not a mandatory field after which the contents simply end
 * (a CertResponse of certReqId alone).  Its elements' headers are matched
 * against the table in order, as it does, up to the last mandatory entry:
 * an optional entry that does not take the element is skipped; the first
 * element no entry takes ends the check silently (Wireshark reported it);
 * contents that end before the last mandatory entry get
 * pkixcmp.missing_field, naming the first one missing. */
static void
check_mandatory_fields(ber_implicit_t implicit_tag, asn1_ctx_t *actx, proto_tree *tree, tvbuff_t *tvb, int offset,
                       int end, const ber_sequence_t *seq, const char *type)
{
    const ber_sequence_t *last = NULL, *entry;
    gint avail = tvb_captured_length_remaining(tvb, offset);
    const guint8 *buf;
    der_header hdr;
    gsize pos = 0, stop = (gsize)MAX(avail, 0);
    header_field_info *hfinfo;

    for (entry = seq; entry->func; entry++)
        if (!(entry->flags & BER_FLAGS_OPTIONAL))
            last = entry;
    if (!last || avail <= 0)
        return;
    buf = tvb_get_ptr(tvb, offset, avail);
    if (!implicit_tag) {
        /* Not a whole SEQUENCE in the bytes at hand: Wireshark said so, or
         * the capture was cut short. */
        if (der_read_header(buf, stop, &hdr) != DER_OK || !hdr.constructed || !der_fits(&hdr, stop))
            return;
        pos = hdr.header_len;
        stop = hdr.header_len + (gsize)hdr.content_len;
    } else if (tvb_reported_length_remaining(tvb, offset) > avail) {
        return;
    }
    entry = seq;
    while (pos < stop) {
        if (der_read_header(buf + pos, stop - pos, &hdr) != DER_OK || !der_fits(&hdr, stop - pos))
            return;
        while (entry->func && !sequence_entry_takes(entry, &hdr)) {
            if (!(entry->flags & BER_FLAGS_OPTIONAL))
                return;
            entry++;
        }
        if (!entry->func || entry == last)
            return;
        entry++;
        pos += hdr.header_len + (gsize)hdr.content_len;
    }
    while (entry->flags & BER_FLAGS_OPTIONAL)
        entry++;
    hfinfo = entry->p_id && *entry->p_id > 0 ? proto_registrar_get_nth(*entry->p_id) : NULL;
    proto_tree_add_expert_format(tree, actx->pinfo, &ei_pkixcmp_missing_field, tvb, offset, end - offset,
                                 "%s lacks its mandatory %s (%s)", type, hfinfo ? hfinfo->name : "field",
                                 hfinfo ? hfinfo->abbrev : "unnamed");
}

int
pkixcmp_dissect_sequence(ber_implicit_t implicit_tag, asn1_ctx_t *actx, proto_tree *tree, tvbuff_t *tvb,
                         int offset, const ber_sequence_t *seq, int hf_index, int ett_index, const char *type)
{
    int end = dissect_ber_sequence(implicit_tag, actx, tree, tvb, offset, seq, hf_index, ett_index);

    check_mandatory_fields(implicit_tag, actx, tree, tvb, offset, end, seq, type);
    return end;
}

int
pkixcmp_dissect_sequence_of_1_max(ber_implicit_t implicit_tag, asn1_ctx_t *actx, proto_tree *tree, tvbuff_t *tvb,
                                  int offset, const ber_sequence_t *seq, int hf_index, int ett_index,
                                  const char *what)
{
    int end = dissect_ber_sequence_of(implicit_tag, actx, tree, tvb, offset, seq, hf_index, ett_index);
    gboolean empty;

    if (implicit_tag) {
        empty = tvb_reported_length_remaining(tvb, offset) <= 0;
    } else {
        guint32 len;
        ber_bool_t ind;
        int content = get_ber_length(tvb, get_ber_identifier(tvb, offset, NULL, NULL, NULL), &len, &ind);
        empty = ind ? tvb_bytes_exist(tvb, content, 2) && tvb_get_ntohs(tvb, content) == 0 : len == 0;
    }
    if (empty)
        proto_tree_add_expert_format(tree, actx->pinfo, &ei_pkixcmp_empty_sequence, tvb, offset, end - offset,
                                     "%s is empty: its definition, SEQUENCE SIZE (1..MAX) OF, requires an element",
                                     what);
    return end;
}

void
pkixcmp_note_implicit_tag(asn1_ctx_t *actx, proto_item *item, const char *what)
{
    expert_add_info_format(actx->pinfo, item, &ei_pkixcmp_implicit_tag,
                           "%s tagged implicitly (non-conformant encoder; CMP's module is EXPLICIT TAGS)", what);
}

gboolean
pkixcmp_element_is(tvbuff_t *tvb, int offset, gint8 want_class, gboolean want_pc, gint32 want_tag)
{
    gint8 ber_class;
    ber_bool_t pc;
    gint32 tag;

    if (tvb_captured_length_remaining(tvb, offset) < 2)
        return FALSE;
    get_ber_identifier(tvb, offset, &ber_class, &pc, &tag);
    return ber_class == want_class && (pc ? TRUE : FALSE) == want_pc && tag == want_tag;
}

tvbuff_t *
pkixcmp_retag_element(tvbuff_t *tvb, int offset, guint8 new_tag, packet_info *pinfo, const char *source_name)
{
    int size = pkixcmp_element_size(tvb, offset);
    guint8 *copy = (guint8 *)tvb_memdup(pinfo->pool, tvb, offset, size);
    tvbuff_t *retagged;

    /* Only low tag numbers (one identifier octet) are retagged: every
     * implicit tag CMP and CRMF use is below 31. */
    copy[0] = new_tag;
    retagged = tvb_new_child_real_data(tvb, copy, size, size);
    add_new_data_source(pinfo, retagged, source_name);
    return retagged;
}

int
pkixcmp_dissect_maybe_explicit(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx,
                               proto_tree *tree, int hf_index, ber_callback fn, gint32 universal_tag)
{
    int remaining = tvb_reported_length_remaining(tvb, offset);
    const guint8 *bytes;
    der_header header;

    /* With an implicit tag the BER helpers hand over the [n]'s contents
     * only.  Implicitly tagged, as the module says, those are the type's
     * own contents; explicitly tagged, they are exactly one element with
     * the type's universal tag.  Only SEQUENCE types whose contents can
     * never be one lone SEQUENCE are checked, and BIT and OCTET STRINGs
     * where encoders were seen to do this. */
    if (implicit_tag && remaining >= 2 && tvb_captured_length_remaining(tvb, offset) >= remaining) {
        bytes = tvb_get_ptr(tvb, offset, remaining);
        if (der_read_header(bytes, remaining, &header) == DER_OK && header.cls == DER_CLASS_UNIVERSAL
                && header.tag == (guint32)universal_tag && !header.indefinite
                && header.header_len + header.content_len == (guint64)remaining) {
            fn(FALSE, tvb, offset, actx, tree, hf_index);
            proto_tree_add_expert_format(tree, actx->pinfo, &ei_pkixcmp_explicit_tag, tvb, offset,
                                         (int)header.header_len, "%s tagged explicitly where the module says "
                                         "IMPLICIT (non-conformant encoder)",
                                         hf_index > 0 ? proto_registrar_get_name(hf_index) : "Field");
            return offset + remaining;
        }
    }
    return fn(implicit_tag, tvb, offset, actx, tree, hf_index);
}

/* Counts a PKIStatus; the first one in a body becomes pkixcmp.status. */
static void
note_status(asn1_ctx_t *actx, guint32 status)
{
    pkixcmp_ctx_t *ctx = pkixcmp_ctx(actx);

    if (!ctx || !ctx->in_body)
        return;
    if (ctx->summary->status < 0)
        ctx->summary->status = (gint)status;
    ctx->summary->status_count++;
}

/* ------------------------------------------------------------------------
 * Leaf types
 */
int
pkixcmp_dissect_integer(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return dissect_ber_integer(implicit_tag, actx, tree, tvb, offset, hf_index, NULL);
}

int
pkixcmp_dissect_octet_string(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return dissect_ber_octet_string(implicit_tag, actx, tree, tvb, offset, hf_index, NULL);
}

int
pkixcmp_dissect_generalized_time(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return dissect_ber_GeneralizedTime(implicit_tag, actx, tree, tvb, offset, hf_index);
}

int
pkixcmp_dissect_utf8_string(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    pkixcmp_ctx_t *ctx = pkixcmp_ctx(actx);
    tvbuff_t *value = NULL;

    offset = dissect_ber_restricted_string(implicit_tag, BER_UNI_TAG_UTF8String, actx, tree, tvb, offset, hf_index, &value);
    if (value && ctx && ctx->in_header_free_text && !ctx->summary->free_text)
        ctx->summary->free_text = (const char *)tvb_get_string_enc(actx->pinfo->pool, value, 0,
                                                                   tvb_reported_length(value), ENC_UTF_8);
    return offset;
}

int
pkixcmp_dissect_serial_number(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    /* Serial numbers are up to 20 octets: shown as bytes, not a number. */
    gint8 ber_class;
    ber_bool_t pc, ind;
    gint32 tag;
    guint32 len;
    int content = offset;

    /* The BER helpers strip an implicit tag's identifier and length
     * octets: the tvb then holds the contents only. */
    (void)actx;
    if (implicit_tag) {
        len = tvb_reported_length_remaining(tvb, offset);
    } else {
        content = get_ber_identifier(tvb, content, &ber_class, &pc, &tag);
        content = get_ber_length(tvb, content, &len, &ind);
    }
    proto_tree_add_item(tree, hf_index, tvb, content, len, ENC_NA);
    return content + (int)len;
}

/* Remembers an OID seen in the message (for implementation fingerprints);
 * oid must live as long as the packet (a constant, or pinfo->pool). */
void
pkixcmp_note_oid(asn1_ctx_t *actx, const char *oid)
{
    pkixcmp_ctx_t *ctx = pkixcmp_ctx(actx);

    if (!ctx || !oid)
        return;
    if (!ctx->summary->oids)
        ctx->summary->oids = wmem_list_new(actx->pinfo->pool);
    wmem_list_append(ctx->summary->oids, (gpointer)oid);
}

/* Offset of the first element inside the constructed element at offset,
 * or -1 when there is none, or no room for one (two octets at least: SET {
 * NULL } is four); never throws. */
static int
first_child(tvbuff_t *tvb, int offset)
{
    gint avail = tvb_captured_length_remaining(tvb, offset);
    der_header hdr;

    if (avail < 4 || der_read_header(tvb_get_ptr(tvb, offset, avail), (gsize)avail, &hdr) != DER_OK
            || !hdr.constructed || hdr.indefinite || hdr.content_len < 2 || hdr.header_len + 2 > (gsize)avail)
        return -1;
    return offset + (int)hdr.header_len;
}

/* TRUE when the element at offset looks like a TBSCertificate: a SEQUENCE
 * whose first element is version [0] or, in a v1 certificate, the serial
 * number INTEGER (a Certificate starts with a SEQUENCE instead). */
static gboolean
looks_like_tbs_certificate(tvbuff_t *tvb, int offset)
{
    int child;

    if (!pkixcmp_element_is(tvb, offset, BER_CLASS_UNI, TRUE, BER_UNI_TAG_SEQUENCE))
        return FALSE;
    child = first_child(tvb, offset);
    return child >= 0 && (pkixcmp_element_is(tvb, child, BER_CLASS_CON, TRUE, 0)
                          || pkixcmp_element_is(tvb, child, BER_CLASS_UNI, FALSE, BER_UNI_TAG_INTEGER));
}

/* TRUE when offset..end of tvb is exactly the contents of a Certificate
 * (TBSCertificate, AlgorithmIdentifier, BIT STRING): what an explicit [n]
 * holds when the encoder tagged the Certificate implicitly. */
static gboolean
is_certificate_content(tvbuff_t *tvb, int offset)
{
    int alg, sig;

    if (!looks_like_tbs_certificate(tvb, offset))
        return FALSE;
    alg = offset + pkixcmp_element_size(tvb, offset);
    if (!pkixcmp_element_is(tvb, alg, BER_CLASS_UNI, TRUE, BER_UNI_TAG_SEQUENCE))
        return FALSE;
    sig = alg + pkixcmp_element_size(tvb, alg);
    if (!pkixcmp_element_is(tvb, sig, BER_CLASS_UNI, FALSE, BER_UNI_TAG_BITSTRING))
        return FALSE;
    return (guint)(sig + pkixcmp_element_size(tvb, sig)) == tvb_reported_length(tvb);
}

/* A new tvb holding SEQUENCE { the len bytes at offset }. */
tvbuff_t *
pkixcmp_wrap_in_sequence(tvbuff_t *tvb, int offset, int len, packet_info *pinfo, const char *source_name)
{
    guint8 header[6];
    int header_len = 0;
    guint8 *copy;
    tvbuff_t *wrapped;

    header[header_len++] = 0x30;
    if (len < 0x80) {
        header[header_len++] = (guint8)len;
    } else {
        int n = len > 0xffffff ? 4 : len > 0xffff ? 3 : len > 0xff ? 2 : 1;
        header[header_len++] = (guint8)(0x80 | n);
        for (int i = n - 1; i >= 0; i--)
            header[header_len++] = (guint8)(len >> (8 * i));
    }
    copy = (guint8 *)wmem_alloc(pinfo->pool, header_len + len);
    memcpy(copy, header, header_len);
    tvb_memcpy(tvb, copy + header_len, offset, len);
    wrapped = tvb_new_child_real_data(tvb, copy, header_len + len, header_len + len);
    add_new_data_source(pinfo, wrapped, source_name);
    return wrapped;
}

/* CMPCertificate ::= CHOICE { x509v3PKCert Certificate }: to x509af.  Each
 * one is remembered for Export Objects.  Some encoders (Go's encoding/asn1
 * without "explicit") tag a Certificate implicitly, so that an explicit [n]
 * holds TBSCertificate, signatureAlgorithm and signature directly: that is
 * detected, noted, and decoded with the SEQUENCE tag put back. */
int
pkixcmp_dissect_cmp_certificate(ber_implicit_t implicit_tag _U_, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    int size = pkixcmp_element_size(tvb, offset);
    pkixcmp_ctx_t *ctx = pkixcmp_ctx(actx);
    tvbuff_t *cert_tvb = tvb;
    int cert_offset = offset;
    gboolean implicit = FALSE;
    tvbuff_t *saved = NULL;
    proto_item *pi;

    if (is_certificate_content(tvb, offset)) {
        implicit = TRUE;
        size = tvb_reported_length_remaining(tvb, offset);
        cert_tvb = pkixcmp_wrap_in_sequence(tvb, offset, size, actx->pinfo, "Certificate (SEQUENCE tag restored)");
        cert_offset = 0;
    }
    pi = proto_tree_add_item(tree, hf_index, tvb, offset, size, ENC_NA);
    if (implicit)
        expert_add_info_format(actx->pinfo, pi, &ei_pkixcmp_implicit_certificate,
                               "Certificate in %s tagged implicitly (non-conformant encoder)",
                               ctx && ctx->cert_context ? ctx->cert_context : "a SEQUENCE OF CMPCertificate");

    if (ctx) {
        pkixcmp_cert_t *cert = wmem_new(actx->pinfo->pool, pkixcmp_cert_t);
        cert->tvb = tvb_new_subset_length(cert_tvb, cert_offset, pkixcmp_element_size(cert_tvb, cert_offset));
        cert->where = ctx->cert_context;
        if (!ctx->summary->certificates)
            ctx->summary->certificates = wmem_list_new(actx->pinfo->pool);
        wmem_list_append(ctx->summary->certificates, cert);
        saved = ctx->certificate;
        ctx->certificate = cert->tvb;
    }

    pkixcmp_call_oid(PKIXCMP_OID_X509_CERTIFICATE, cert_tvb, cert_offset, actx,
                     proto_item_add_subtree(pi, ett_pkixcmp_certificate), "Certificate");
    if (ctx)
        ctx->certificate = saved;
    return offset + size;
}

/* CertificateList: to x509af. */
int
pkixcmp_dissect_certificate_list(ber_implicit_t implicit_tag _U_, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    int size = pkixcmp_element_size(tvb, offset);
    proto_item *pi = proto_tree_add_item(tree, hf_index, tvb, offset, size, ENC_NA);

    return pkixcmp_call_oid(PKIXCMP_OID_X509_CRL, tvb, offset, actx,
                            proto_item_add_subtree(pi, ett_pkixcmp_certificate), "CertificateList");
}

static const ber_sequence_t cmp_certificates_sequence_of[] = {
    { &hf_pkixcmp_certificate, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_cmp_certificate },
};

int
pkixcmp_dissect_cmp_certificates(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    pkixcmp_ctx_t *ctx = pkixcmp_ctx(actx);
    const char *saved = ctx ? ctx->cert_context : NULL;

    int child = first_child(tvb, offset);

    if (ctx)
        ctx->cert_context = hf_index == hf_pkixcmp_extra_certs ? "extraCerts"
                          : hf_index == hf_pkixcmp_ca_pubs ? "caPubs" : "caCerts";
    if (!implicit_tag && offset == 0 && child >= 0 && looks_like_tbs_certificate(tvb, child)) {
        /* The explicit [n] holds Certificates directly, not a SEQUENCE OF
         * them: the encoder tagged the SEQUENCE OF implicitly (Go's
         * encoding/asn1 does so unless told "explicit"). */
        guint32 count = 0;
        proto_item *pi;
        proto_tree *sub;

        for (int at = 0; (guint)at < tvb_reported_length(tvb); at += pkixcmp_element_size(tvb, at))
            count++;
        pi = proto_tree_add_uint(tree, hf_index, tvb, 0, tvb_reported_length(tvb), count);
        sub = proto_item_add_subtree(pi, ett_pkixcmp_extra_certs);
        pkixcmp_note_implicit_tag(actx, pi, "SEQUENCE OF CMPCertificate");
        while ((guint)offset < tvb_reported_length(tvb))
            offset = pkixcmp_dissect_cmp_certificate(FALSE, tvb, offset, actx, sub, hf_pkixcmp_certificate);
        if (ctx)
            ctx->cert_context = saved;
        return offset;
    }
    offset = pkixcmp_dissect_sequence_of_1_max(implicit_tag, actx, tree, tvb, offset, cmp_certificates_sequence_of,
                                               hf_index, ett_pkixcmp_extra_certs,
                                               ctx ? ctx->cert_context : "SEQUENCE OF CMPCertificate");
    if (ctx)
        ctx->cert_context = saved;
    return offset;
}

static const ber_sequence_t crls_sequence_of[] = {
    { &hf_pkixcmp_crl, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_certificate_list },
};

/* RevRepContent's crls and id-it-crls (RFC 9480 section 2.17):
 * SEQUENCE SIZE (1..MAX) OF CertificateList. */
int
pkixcmp_dissect_crls(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_sequence_of_1_max(implicit_tag, actx, tree, tvb, offset,
                                             crls_sequence_of, hf_index, ett_pkixcmp_sequence, "crls");
}

/* PKIFreeText ::= SEQUENCE SIZE (1..MAX) OF UTF8String */
static const ber_sequence_t free_text_sequence_of[] = {
    { &hf_pkixcmp_free_text_item, BER_CLASS_UNI, BER_UNI_TAG_UTF8String, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_utf8_string },
};

static int
dissect_free_text(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_sequence_of_1_max(implicit_tag, actx, tree, tvb, offset,
                                             free_text_sequence_of, hf_index, ett_pkixcmp_free_text, "PKIFreeText");
}

/* The header's freeText: its first string is remembered (implementations
 * name themselves there). */
static int
dissect_header_free_text(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    pkixcmp_ctx_t *ctx = pkixcmp_ctx(actx);

    if (ctx)
        ctx->in_header_free_text = TRUE;
    offset = dissect_free_text(implicit_tag, tvb, offset, actx, tree, hf_index);
    if (ctx)
        ctx->in_header_free_text = FALSE;
    return offset;
}

/* The DN string of the Name of len octets at offset (der.c), in
 * pinfo->pool; NULL when der.c cannot read it.  The octets are fetched
 * before the GString exists: a tvb too short throws, and must not leak
 * it. */
static const char *
format_name(packet_info *pinfo, tvbuff_t *tvb, int offset, guint32 len)
{
    const guint8 *der = tvb_get_ptr(tvb, offset, len);
    GString *text = g_string_new(NULL);
    const char *out = der_format_name(der, len, text) ? wmem_strdup(pinfo->pool, text->str) : NULL;

    g_string_free(text, TRUE);
    return out;
}

/* The dotted form of an OID's len content octets (der.c), in pinfo->pool;
 * NULL when they are no valid OID. */
static const char *
format_oid(packet_info *pinfo, const guint8 *bytes, guint len)
{
    char *text = (char *)wmem_alloc(pinfo->pool, DER_OID_STRING_SIZE(len));

    return der_oid_format(bytes, len, text) ? text : NULL;
}

/* The text shown for a GeneralName (the directoryName as a DN string), in
 * pinfo->pool.  *readable is FALSE when the text only says the value could
 * not be read. */
static const char *
general_name_text(tvbuff_t *tvb, int content, guint32 len, gint8 ber_class, gint32 tag, packet_info *pinfo,
                  gboolean *readable)
{
    const char *name = val_to_str_const(tag, pkixcmp_general_name_vals, "unknown GeneralName");

    *readable = TRUE;
    if (ber_class != BER_CLASS_CON) {
        *readable = FALSE;
        return "(not a GeneralName)";
    }
    switch (tag) {
    case 4: {   /* directoryName [4] Name (explicit: Name is a CHOICE) */
        const char *dn = format_name(pinfo, tvb, content, len);
        if (!dn) {
            *readable = FALSE;
            return "(undecodable Name)";
        }
        return dn;
    }
    case 1: case 2: case 6:   /* IA5String */
        return wmem_strdup_printf(pinfo->pool, "%s: %s", name, tvb_format_text(pinfo->pool, tvb, content, len));
    case 7:
        return wmem_strdup_printf(pinfo->pool, "iPAddress: %s",
                                  len == 4 ? tvb_ip_to_str(pinfo->pool, tvb, content)
                                  : len == 16 ? tvb_ip6_to_str(pinfo->pool, tvb, content)
                                  : tvb_bytes_to_str(pinfo->pool, tvb, content, len));
    case 8: {
        const char *oid = format_oid(pinfo, tvb_get_ptr(tvb, content, len), len);
        return wmem_strdup_printf(pinfo->pool, "registeredID: %s", oid ? oid : "(invalid)");
    }
    default:
        return name;
    }
}

/* GeneralName (RFC 5280, an IMPLICIT TAGS module), shown as one string
 * field (hf_index) that filters well, "CN=x,O=y" or "dNSName: host", with
 * the decoded choice below it.  directoryName goes to x509if. */
int
pkixcmp_dissect_general_name(ber_implicit_t implicit_tag _U_, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    gint8 ber_class;
    ber_bool_t pc, ind;
    gint32 tag;
    guint32 len;
    int size = pkixcmp_element_size(tvb, offset);
    int content = get_ber_identifier(tvb, offset, &ber_class, &pc, &tag);
    pkixcmp_ctx_t *ctx = pkixcmp_ctx(actx);
    const char *text = "";
    gboolean is_sender_dn;
    proto_item *pi;
    proto_tree *sub;

    content = get_ber_length(tvb, content, &len, &ind);
    if (content - offset > size)
        content = offset + size;
    len = size - (content - offset);

    /* The text is the field's value: built only when it can be seen, or
     * when it is the header's sender DN, which identification reads
     * (identify.c) whether or not it is shown. */
    is_sender_dn = ctx && hf_index == hf_pkixcmp_sender && ber_class == BER_CLASS_CON && tag == 4;
    if (is_sender_dn || proto_field_is_referenced(tree, hf_index)) {
        gboolean readable;
        text = general_name_text(tvb, content, len, ber_class, tag, actx->pinfo, &readable);
        if (readable && is_sender_dn)
            ctx->summary->sender = text;
    }

    pi = proto_tree_add_string(tree, hf_index, tvb, offset, size, text);
    sub = proto_item_add_subtree(pi, ett_pkixcmp_general_name);
    proto_tree_add_uint(sub, hf_pkixcmp_general_name_type, tvb, offset, content - offset, (guint32)tag);
    if (ber_class == BER_CLASS_CON && tag == 4) {
        pkixcmp_call_oid(PKIXCMP_OID_X509_NAME, tvb, content, actx, sub, "Name");
    } else if (ber_class == BER_CLASS_CON && (tag == 1 || tag == 2 || tag == 6)) {
        proto_tree_add_item(sub, hf_pkixcmp_general_name_value, tvb, content, len, ENC_ASCII);
    } else {
        pkixcmp_dissect_unknown_ber(actx->pinfo, tvb_new_subset_length(tvb, offset, size), sub);
    }
    return offset + size;
}

/* GeneralNames ::= SEQUENCE OF GeneralName */
static const ber_sequence_t general_names_sequence_of[] = {
    { &hf_pkixcmp_general_name, BER_CLASS_ANY, -1, BER_FLAGS_NOOWNTAG | BER_FLAGS_NOTCHKTAG, pkixcmp_dissect_general_name },
};

int
pkixcmp_dissect_general_names(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return dissect_ber_sequence_of(implicit_tag, actx, tree, tvb, offset, general_names_sequence_of, hf_index, ett_pkixcmp_sequence);
}

int
pkixcmp_dissect_null(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return dissect_ber_null(implicit_tag, actx, tree, tvb, offset, hf_index);
}

/* dissect_ber_object_identifier_str, with the dotted string (in
 * pinfo->pool) made by der.c: Wireshark's oid_encoded2string prints each
 * arc with printf, 5,000 instructions an OID, the costliest step of this
 * plugin's own header fields.  An encoding der.c refuses (a non-minimal
 * or unterminated arc) keeps Wireshark's reading of it, and a missing or
 * empty value is "", as dissect_ber_object_identifier_str has it. */
static int
dissect_oid_str(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx,
                proto_tree *tree, int hf_index, const char **oid)
{
    tvbuff_t *value = NULL;
    guint len;

    offset = dissect_ber_object_identifier(implicit_tag, actx, tree, tvb, offset, hf_index, &value);
    len = value ? tvb_reported_length(value) : 0;
    if (len == 0) {
        *oid = "";
    } else {
        const guint8 *bytes = tvb_get_ptr(value, 0, len);
        if (!(*oid = format_oid(actx->pinfo, bytes, len)))
            *oid = oid_encoded2string(actx->pinfo->pool, bytes, len);
    }
    return offset;
}

/* The OBJECT IDENTIFIER that says what the item above it is (an
 * AlgorithmIdentifier, an InfoTypeAndValue, an AttributeTypeAndValue): it
 * is remembered for identification and left in
 * actx->external.direct_reference for the value that follows, and its name
 * is appended to the parent's label with format.  Resolving the name is
 * the costly part, and a label is only seen in a visible tree, so it is
 * skipped when the tree is not visible and the field is not referenced:
 * tshark's one-line summaries, filtering and statistics passes.  (tshark
 * -T fields makes the tree visible.) */
int
pkixcmp_dissect_labelling_oid(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx,
                              proto_tree *tree, int hf_index, const char *format)
{
    const char *oid;

    actx->external.direct_reference = NULL;
    offset = dissect_oid_str(implicit_tag, tvb, offset, actx, tree, hf_index, &actx->external.direct_reference);
    oid = actx->external.direct_reference;
    pkixcmp_note_oid(actx, oid);
    if (proto_field_is_referenced(tree, hf_index)) {
        char *name = oid_resolved_from_string(actx->pinfo->pool, oid);
        proto_item_append_text(proto_tree_get_parent(tree), format, name ? name : oid);
    }
    return offset;
}

/* An OBJECT IDENTIFIER value (not an algorithm): remembered like the others. */
int
pkixcmp_dissect_oid(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    const char *oid;

    offset = dissect_oid_str(implicit_tag, tvb, offset, actx, tree, hf_index, &oid);
    pkixcmp_note_oid(actx, oid);
    return offset;
}

/* AlgorithmIdentifier ::= SEQUENCE { algorithm OID, parameters ANY OPTIONAL }
 * Parameters go to whatever is registered for the OID; this plugin
 * registers the CMP MAC algorithms' parameters (pkixcmp-oids.c). */
int
pkixcmp_dissect_algorithm_oid(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    offset = pkixcmp_dissect_labelling_oid(implicit_tag, tvb, offset, actx, tree, hf_index, " (%s)");
    if (actx->external.direct_reference && hf_index == hf_pkixcmp_protection_alg && pkixcmp_ctx(actx))
        pkixcmp_ctx(actx)->summary->protection_alg = wmem_strdup(actx->pinfo->pool, actx->external.direct_reference);
    return offset;
}

int
pkixcmp_dissect_algorithm_params(ber_implicit_t implicit_tag _U_, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    /* The parameters' decoder shows them under the AlgorithmIdentifier; the
     * field hf_index (pkixcmp.algorithm.parameters) is there for filters,
     * hidden, and only when a filter or tshark -e names it (ref_type; not
     * merely because the tree is visible, as proto_field_is_referenced
     * has it): every AlgorithmIdentifier would otherwise cost an item more. */
    if (tree && hf_index > 0 && proto_registrar_get_nth(hf_index)->ref_type != HF_REF_TYPE_NONE)
        proto_item_set_hidden(proto_tree_add_item(tree, hf_index, tvb, offset, pkixcmp_element_size(tvb, offset), ENC_NA));
    /* A NULL is how encoders write "no parameters", also for algorithms
     * whose parameters are something else (Go writes it for AES-CBC, whose
     * parameter is the IV): shown as it is rather than handed to a decoder
     * that would call it malformed. */
    if (tvb_reported_length_remaining(tvb, offset) >= 2 && tvb_get_ntohs(tvb, offset) == 0x0500) {
        dissect_unknown_ber(actx->pinfo, tvb_new_subset_length(tvb, offset, 2), 0, tree);
        return offset + 2;
    }
    return pkixcmp_call_oid(actx->external.direct_reference, tvb, offset, actx, tree, "Algorithm parameters");
}

static const ber_sequence_t algorithm_identifier_sequence[] = {
    { &hf_pkixcmp_algorithm_id, BER_CLASS_UNI, BER_UNI_TAG_OID, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_algorithm_oid },
    { &hf_pkixcmp_algorithm_params, BER_CLASS_ANY, 0, BER_FLAGS_OPTIONAL | BER_FLAGS_NOOWNTAG, pkixcmp_dissect_algorithm_params },
    { NULL, 0, 0, 0, NULL }
};

/* protectionAlg's parameters; RSASSA-PSS's name its hash, which the
 * transaction checks judge (pkixcmp_pss_weak_hash). */
static int
dissect_protection_alg_params(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    pkixcmp_ctx_t *ctx = pkixcmp_ctx(actx);
    guint avail = (guint)tvb_captured_length_remaining(tvb, offset);

    if (ctx && avail > 0 && g_strcmp0(actx->external.direct_reference, PKIXCMP_OID_RSASSA_PSS) == 0)
        ctx->summary->pss_weak_hash = pkixcmp_pss_weak_hash(tvb_get_ptr(tvb, offset, avail), avail);
    return pkixcmp_dissect_algorithm_params(implicit_tag, tvb, offset, actx, tree, hf_index);
}

static const ber_sequence_t protection_alg_sequence[] = {
    { &hf_pkixcmp_protection_alg, BER_CLASS_UNI, BER_UNI_TAG_OID, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_algorithm_oid },
    { &hf_pkixcmp_algorithm_params, BER_CLASS_ANY, 0, BER_FLAGS_OPTIONAL | BER_FLAGS_NOOWNTAG, dissect_protection_alg_params },
    { NULL, 0, 0, 0, NULL }
};

int
pkixcmp_dissect_algorithm_identifier(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, algorithm_identifier_sequence,
                                    hf_index, ett_pkixcmp_algorithm, "AlgorithmIdentifier");
}

/* The header's protectionAlg: while it is read, the parameter decoders
 * (PBM, PBMAC1, ... in pkixcmp-itav.c) copy what the transaction checks
 * need into the message summary. */
static int
dissect_protection_alg(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index _U_)
{
    pkixcmp_ctx_t *ctx = pkixcmp_ctx(actx);

    if (ctx)
        ctx->in_protection_alg = TRUE;
    offset = pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, protection_alg_sequence,
                                      hf_pkixcmp_algorithm, ett_pkixcmp_algorithm, "AlgorithmIdentifier");
    if (ctx)
        ctx->in_protection_alg = FALSE;
    return offset;
}

/* InfoTypeAndValue ::= SEQUENCE { infoType OID, infoValue ANY OPTIONAL } */
static int
dissect_infotype(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    offset = pkixcmp_dissect_labelling_oid(implicit_tag, tvb, offset, actx, tree, hf_index, " %s");
    if (actx->external.direct_reference && hf_index == hf_pkixcmp_infotype && pkixcmp_ctx(actx)
            && !pkixcmp_ctx(actx)->in_body
            && strcmp(actx->external.direct_reference, PKIXCMP_OID_IT_IMPLICIT_CONFIRM) == 0)
        pkixcmp_ctx(actx)->summary->implicit_confirm = TRUE;
    return offset;
}

/* The value goes to the decoder registered for infoType (pkixcmp-itav.c
 * registers every id-it).  cryptlib writes generalInfo as attributes: the
 * value wrapped in a SET OF.  No infoValue type of CMP is a SET, so a SET
 * is unwrapped and each of its elements decoded as the value. */
static int
dissect_infovalue(ber_implicit_t implicit_tag _U_, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index _U_)
{
    const char *oid = actx->external.direct_reference;
    int size, content, end;
    proto_item *pi;

    if (!pkixcmp_element_is(tvb, offset, BER_CLASS_UNI, TRUE, BER_UNI_TAG_SET))
        return pkixcmp_call_oid(oid, tvb, offset, actx, tree, "InfoTypeAndValue value");

    size = pkixcmp_element_size(tvb, offset);
    end = offset + size;
    pi = proto_tree_add_item(tree, hf_pkixcmp_infovalue, tvb, offset, size, ENC_NA);
    proto_item_append_text(pi, " (SET OF value)");
    expert_add_info(actx->pinfo, pi, &ei_pkixcmp_itav_value_in_set);
    content = first_child(tvb, offset);
    if (content < 0)
        return end;   /* an empty SET: the value is only present */
    while (content < end)
        content = pkixcmp_call_oid(oid, tvb_new_subset_length(tvb, 0, end), content, actx,
                                   proto_item_add_subtree(pi, ett_pkixcmp_sequence), "InfoTypeAndValue value");
    return end;
}

static const ber_sequence_t itav_sequence[] = {
    { &hf_pkixcmp_infotype, BER_CLASS_UNI, BER_UNI_TAG_OID, BER_FLAGS_NOOWNTAG, dissect_infotype },
    { &hf_pkixcmp_infovalue, BER_CLASS_ANY, 0, BER_FLAGS_OPTIONAL | BER_FLAGS_NOOWNTAG, dissect_infovalue },
    { NULL, 0, 0, 0, NULL }
};

static int
dissect_itav(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, itav_sequence,
                                    hf_index, ett_pkixcmp_itav, "InfoTypeAndValue");
}

static const ber_sequence_t itav_sequence_of[] = {
    { &hf_pkixcmp_itav, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, dissect_itav },
};

static int
dissect_itavs(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return dissect_ber_sequence_of(implicit_tag, actx, tree, tvb, offset, itav_sequence_of, hf_index, ett_pkixcmp_general_info);
}

/* Name (a CHOICE holding an RDNSequence), shown as one string field that
 * filters well, with x509if's decoding below it. */
int
pkixcmp_dissect_name(ber_implicit_t implicit_tag _U_, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    int size = pkixcmp_element_size(tvb, offset);
    const char *text = "";
    proto_item *pi;

    /* The text is the field's value: built only when it can be seen. */
    if (proto_field_is_referenced(tree, hf_index) && !(text = format_name(actx->pinfo, tvb, offset, size)))
        text = "(undecodable Name)";
    pi = proto_tree_add_string(tree, hf_index, tvb, offset, size, text);
    return pkixcmp_call_oid(PKIXCMP_OID_X509_NAME, tvb, offset, actx,
                            proto_item_add_subtree(pi, ett_pkixcmp_general_name), "Name");
}

/* Any element shown by Wireshark's generic BER decoder under hf_index;
 * used for leaves whose type has no helper here (Time, BIT STRING). */
int
pkixcmp_dissect_generic_ber(ber_implicit_t implicit_tag _U_, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    int size = pkixcmp_element_size(tvb, offset);
    proto_item *pi = proto_tree_add_item(tree, hf_index, tvb, offset, size, ENC_NA);

    pkixcmp_dissect_unknown_ber(actx->pinfo, tvb_new_subset_length(tvb, offset, size),
                                proto_item_add_subtree(pi, ett_pkixcmp_sequence));
    return offset + size;
}

int
pkixcmp_dissect_time(ber_implicit_t implicit_tag _U_, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    int size = pkixcmp_element_size(tvb, offset);
    gint8 ber_class;
    ber_bool_t pc, ind;
    gint32 tag;
    guint32 len;
    int content = get_ber_length(tvb, get_ber_identifier(tvb, offset, &ber_class, &pc, &tag), &len, &ind);
    gint64 secs;
    gint remaining = tvb_captured_length_remaining(tvb, offset);
    nstime_t when = { 0, 0 };

    if (ber_class == BER_CLASS_UNI && !pc && !ind && content + (int)len == offset + size
            && der_parse_time((guint32)tag, tvb_get_ptr(tvb, content, len), len, &secs)) {
        when.secs = (time_t)secs;
        proto_tree_add_time(tree, hf_index, tvb, offset, size, &when);
        return offset + size;
    }
    /* An encoder that tagged the explicit [n] implicitly leaves the bare
     * characters: the CHOICE is lost, but the length still tells UTCTime
     * (13) from GeneralizedTime (15). */
    if ((remaining == 13 || remaining == 15)
            && der_parse_time(remaining == 13 ? DER_TAG_UTC_TIME : DER_TAG_GENERALIZED_TIME,
                              tvb_get_ptr(tvb, offset, remaining), (gsize)remaining, &secs)) {
        when.secs = (time_t)secs;
        expert_add_info_format(actx->pinfo, proto_tree_add_time(tree, hf_index, tvb, offset, remaining, &when),
                               &ei_pkixcmp_implicit_tag,
                               "Time tagged implicitly (non-conformant encoder): X.680 tags a CHOICE explicitly");
        return offset + remaining;
    }
    return pkixcmp_show_unexpected(tvb, offset, actx, tree,
                                   "Time not in the form RFC 5280 section 4.1.2.5 gives it (YYMMDDHHMMSSZ, YYYYMMDDHHMMSSZ)");
}

int
pkixcmp_dissect_bit_string(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return dissect_ber_bitstring(implicit_tag, actx, tree, tvb, offset, NULL, 0, hf_index, -1, NULL);
}

/* Extension ::= SEQUENCE { extnID OID, critical BOOLEAN DEFAULT FALSE,
 *   extnValue OCTET STRING }; the value goes to x509ce and friends. */
static int
dissect_extension_value(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    tvbuff_t *value = NULL;
    const char *oid = actx->external.direct_reference;

    offset = dissect_ber_octet_string(implicit_tag, actx, tree, tvb, offset, hf_index, &value);
    if (value && tvb_reported_length(value) > 0)
        pkixcmp_call_oid(oid, value, 0, actx, proto_item_add_subtree(actx->created_item, ett_pkixcmp_sequence),
                         "Extension value");
    return offset;
}

int
pkixcmp_dissect_boolean(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return dissect_ber_boolean(implicit_tag, actx, tree, tvb, offset, hf_index, NULL);
}

static const ber_sequence_t extension_sequence[] = {
    { &hf_pkixcmp_extension_id, BER_CLASS_UNI, BER_UNI_TAG_OID, BER_FLAGS_NOOWNTAG, dissect_infotype },
    { &hf_pkixcmp_extension_critical, BER_CLASS_UNI, BER_UNI_TAG_BOOLEAN, BER_FLAGS_OPTIONAL | BER_FLAGS_NOOWNTAG, pkixcmp_dissect_boolean },
    { &hf_pkixcmp_extension_value, BER_CLASS_UNI, BER_UNI_TAG_OCTETSTRING, BER_FLAGS_NOOWNTAG, dissect_extension_value },
    { NULL, 0, 0, 0, NULL }
};

static int
dissect_extension(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, extension_sequence,
                                    hf_index, ett_pkixcmp_sequence, "Extension");
}

static const ber_sequence_t extensions_sequence_of[] = {
    { &hf_pkixcmp_extension, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, dissect_extension },
};

int
pkixcmp_dissect_extensions(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return dissect_ber_sequence_of(implicit_tag, actx, tree, tvb, offset, extensions_sequence_of, hf_index, ett_pkixcmp_sequence);
}

/* RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }
 * (RFC 8017 A.1.1): the modulus is shown as bytes, as serial numbers are,
 * and its size in bits beside it. */
static int
dissect_rsa_modulus(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    int end = pkixcmp_dissect_serial_number(implicit_tag, tvb, offset, actx, tree, hf_index);
    guint32 len;
    ber_bool_t ind;
    int content = get_ber_length(tvb, get_ber_identifier(tvb, offset, NULL, NULL, NULL), &len, &ind);
    guint bits = 0;

    while (content < end && tvb_get_uint8(tvb, content) == 0)
        content++;
    if (content < end)
        bits = (guint)(end - content - 1) * 8 + g_bit_storage(tvb_get_uint8(tvb, content));
    proto_item_set_generated(proto_tree_add_uint(tree, hf_pkixcmp_rsa_key_size, tvb, offset, end - offset, bits));
    return end;
}

static const ber_sequence_t rsa_public_key_sequence[] = {
    { &hf_pkixcmp_rsa_modulus, BER_CLASS_UNI, BER_UNI_TAG_INTEGER, BER_FLAGS_NOOWNTAG, dissect_rsa_modulus },
    { &hf_pkixcmp_rsa_public_exponent, BER_CLASS_UNI, BER_UNI_TAG_INTEGER, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_integer },
    { NULL, 0, 0, 0, NULL }
};

/* subjectPublicKey BIT STRING: for rsaEncryption, the algorithm just read
 * (actx->external.direct_reference), the bits are an RSAPublicKey.  Other
 * keys (EC points, ML-KEM, ...) are not DER and stay bytes. */
static int
dissect_subject_public_key(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    const char *algorithm = actx->external.direct_reference;
    tvbuff_t *bits = NULL;
    proto_tree *key_tree;
    int end;

    actx->created_item = NULL;
    end = dissect_ber_bitstring(implicit_tag, actx, tree, tvb, offset, NULL, 0, hf_index, -1, &bits);
    if (!bits || !algorithm || strcmp(algorithm, "1.2.840.113549.1.1.1") != 0)
        return end;
    /* The bits are opaque to the BIT STRING around them: a key that breaks
     * off inside is shown so, and the rest of the message still decodes. */
    key_tree = proto_item_add_subtree(actx->created_item, ett_pkixcmp_sequence);
    TRY {
        pkixcmp_dissect_sequence(FALSE, actx, key_tree, bits, 0, rsa_public_key_sequence,
                                 -1, ett_pkixcmp_sequence, "RSAPublicKey");
    }
    CATCH_NONFATAL_ERRORS {
        show_exception(bits, actx->pinfo, key_tree, EXCEPT_CODE, GET_MESSAGE);
    }
    ENDTRY;
    return end;
}

/* SubjectPublicKeyInfo ::= SEQUENCE { algorithm, subjectPublicKey BIT STRING } */
static const ber_sequence_t subject_public_key_info_sequence[] = {
    { &hf_pkixcmp_algorithm, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_algorithm_identifier },
    { &hf_pkixcmp_subject_public_key, BER_CLASS_UNI, BER_UNI_TAG_BITSTRING, BER_FLAGS_NOOWNTAG, dissect_subject_public_key },
    { NULL, 0, 0, 0, NULL }
};

int
pkixcmp_dissect_subject_public_key_info(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, subject_public_key_info_sequence,
                                    hf_index, ett_pkixcmp_sequence, "SubjectPublicKeyInfo");
}

/* OptionalValidity ::= SEQUENCE { notBefore [0] Time OPTIONAL,
 *   notAfter [1] Time OPTIONAL }  (Time is a CHOICE: explicit tags) */
static const ber_sequence_t optional_validity_sequence[] = {
    { &hf_pkixcmp_cert_template_not_before, BER_CLASS_CON, 0, BER_FLAGS_OPTIONAL, pkixcmp_dissect_time },
    { &hf_pkixcmp_cert_template_not_after, BER_CLASS_CON, 1, BER_FLAGS_OPTIONAL, pkixcmp_dissect_time },
    { NULL, 0, 0, 0, NULL }
};

static int
dissect_optional_validity(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, optional_validity_sequence,
                                    hf_index, ett_pkixcmp_sequence, "OptionalValidity");
}

/* The implicitly tagged SEQUENCE fields of CertTemplate, tolerant of
 * encoders that tag them explicitly (pkixcmp.explicit_tag). */
PKIXCMP_TOLERANT_IMPLICIT(dissect_template_algorithm, pkixcmp_dissect_algorithm_identifier, BER_UNI_TAG_SEQUENCE)
PKIXCMP_TOLERANT_IMPLICIT(dissect_template_validity, dissect_optional_validity, BER_UNI_TAG_SEQUENCE)
PKIXCMP_TOLERANT_IMPLICIT(dissect_template_public_key, pkixcmp_dissect_subject_public_key_info, BER_UNI_TAG_SEQUENCE)

/* CertTemplate (RFC 4211, an IMPLICIT TAGS module; Name stays explicit
 * because it is a CHOICE). */
static const ber_sequence_t cert_template_sequence[] = {
    { &hf_pkixcmp_cert_template_version, BER_CLASS_CON, 0, BER_FLAGS_OPTIONAL | BER_FLAGS_IMPLTAG, pkixcmp_dissect_integer },
    { &hf_pkixcmp_cert_template_serial, BER_CLASS_CON, 1, BER_FLAGS_OPTIONAL | BER_FLAGS_IMPLTAG, pkixcmp_dissect_serial_number },
    { &hf_pkixcmp_cert_template_signing_alg, BER_CLASS_CON, 2, BER_FLAGS_OPTIONAL | BER_FLAGS_IMPLTAG, dissect_template_algorithm },
    { &hf_pkixcmp_cert_template_issuer, BER_CLASS_CON, 3, BER_FLAGS_OPTIONAL, pkixcmp_dissect_name },
    { &hf_pkixcmp_cert_template_validity, BER_CLASS_CON, 4, BER_FLAGS_OPTIONAL | BER_FLAGS_IMPLTAG, dissect_template_validity },
    { &hf_pkixcmp_cert_template_subject, BER_CLASS_CON, 5, BER_FLAGS_OPTIONAL, pkixcmp_dissect_name },
    { &hf_pkixcmp_cert_template_public_key, BER_CLASS_CON, 6, BER_FLAGS_OPTIONAL | BER_FLAGS_IMPLTAG, dissect_template_public_key },
    { &hf_pkixcmp_cert_template_issuer_uid, BER_CLASS_CON, 7, BER_FLAGS_OPTIONAL | BER_FLAGS_IMPLTAG, pkixcmp_dissect_bit_string },
    { &hf_pkixcmp_cert_template_subject_uid, BER_CLASS_CON, 8, BER_FLAGS_OPTIONAL | BER_FLAGS_IMPLTAG, pkixcmp_dissect_bit_string },
    { &hf_pkixcmp_cert_template_extensions, BER_CLASS_CON, 9, BER_FLAGS_OPTIONAL | BER_FLAGS_IMPLTAG, pkixcmp_dissect_extensions },
    { NULL, 0, 0, 0, NULL }
};

int
pkixcmp_dissect_cert_template(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, cert_template_sequence,
                                    hf_index, ett_pkixcmp_sequence, "CertTemplate");
}

/* ------------------------------------------------------------------------
 * PKIHeader
 */
static int
dissect_pvno(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    guint32 pvno = 0;

    offset = dissect_ber_integer(implicit_tag, actx, tree, tvb, offset, hf_index, &pvno);
    if (pvno < 1 || pvno > 3)
        expert_add_info_format(actx->pinfo, actx->created_item, &ei_pkixcmp_unknown_pvno,
                               "pvno %u: RFC 9810 defines 1 (cmp1999), 2 (cmp2000) and 3 (cmp2021)", pvno);
    if (pkixcmp_ctx(actx))
        pkixcmp_ctx(actx)->summary->pvno = (gint)pvno;
    return offset;
}

static int
dissect_transaction_id(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return dissect_octet_string_into(implicit_tag, tvb, offset, actx, tree, hf_index,
                                     pkixcmp_ctx(actx) ? &pkixcmp_ctx(actx)->summary->transaction_id : NULL);
}

static int
dissect_sender_nonce(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return dissect_octet_string_into(implicit_tag, tvb, offset, actx, tree, hf_index,
                                     pkixcmp_ctx(actx) ? &pkixcmp_ctx(actx)->summary->sender_nonce : NULL);
}

static int
dissect_recip_nonce(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return dissect_octet_string_into(implicit_tag, tvb, offset, actx, tree, hf_index,
                                     pkixcmp_ctx(actx) ? &pkixcmp_ctx(actx)->summary->recip_nonce : NULL);
}

static const ber_sequence_t pki_header_sequence[] = {
    { &hf_pkixcmp_pvno, BER_CLASS_UNI, BER_UNI_TAG_INTEGER, BER_FLAGS_NOOWNTAG, dissect_pvno },
    { &hf_pkixcmp_sender, BER_CLASS_ANY, -1, BER_FLAGS_NOOWNTAG | BER_FLAGS_NOTCHKTAG, pkixcmp_dissect_general_name },
    { &hf_pkixcmp_recipient, BER_CLASS_ANY, -1, BER_FLAGS_NOOWNTAG | BER_FLAGS_NOTCHKTAG, pkixcmp_dissect_general_name },
    { &hf_pkixcmp_message_time, BER_CLASS_CON, 0, BER_FLAGS_OPTIONAL, pkixcmp_dissect_generalized_time },
    { &hf_pkixcmp_algorithm, BER_CLASS_CON, 1, BER_FLAGS_OPTIONAL, dissect_protection_alg },
    { &hf_pkixcmp_sender_kid, BER_CLASS_CON, 2, BER_FLAGS_OPTIONAL, pkixcmp_dissect_octet_string },
    { &hf_pkixcmp_recip_kid, BER_CLASS_CON, 3, BER_FLAGS_OPTIONAL, pkixcmp_dissect_octet_string },
    { &hf_pkixcmp_transaction_id, BER_CLASS_CON, 4, BER_FLAGS_OPTIONAL, dissect_transaction_id },
    { &hf_pkixcmp_sender_nonce, BER_CLASS_CON, 5, BER_FLAGS_OPTIONAL, dissect_sender_nonce },
    { &hf_pkixcmp_recip_nonce, BER_CLASS_CON, 6, BER_FLAGS_OPTIONAL, dissect_recip_nonce },
    { &hf_pkixcmp_free_text, BER_CLASS_CON, 7, BER_FLAGS_OPTIONAL, dissect_header_free_text },
    { &hf_pkixcmp_general_info, BER_CLASS_CON, 8, BER_FLAGS_OPTIONAL, dissect_itavs },
    { NULL, 0, 0, 0, NULL }
};

static int
dissect_pki_header(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, pki_header_sequence,
                                    hf_index, ett_pkixcmp_header, "PKIHeader");
}

/* ------------------------------------------------------------------------
 * PKIStatusInfo
 */
static int
dissect_pki_status(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    guint32 status = 0;

    offset = dissect_ber_integer(implicit_tag, actx, tree, tvb, offset, hf_index, &status);
    note_status(actx, status);
    return offset;
}

/* PKIFailureInfo bits, RFC 9810; bit 0 is the first bit on the wire. */
static int *const fail_info_bits[] = {
    &hf_pkixcmp_fail_info_bits[0],  &hf_pkixcmp_fail_info_bits[1],  &hf_pkixcmp_fail_info_bits[2],
    &hf_pkixcmp_fail_info_bits[3],  &hf_pkixcmp_fail_info_bits[4],  &hf_pkixcmp_fail_info_bits[5],
    &hf_pkixcmp_fail_info_bits[6],  &hf_pkixcmp_fail_info_bits[7],  &hf_pkixcmp_fail_info_bits[8],
    &hf_pkixcmp_fail_info_bits[9],  &hf_pkixcmp_fail_info_bits[10], &hf_pkixcmp_fail_info_bits[11],
    &hf_pkixcmp_fail_info_bits[12], &hf_pkixcmp_fail_info_bits[13], &hf_pkixcmp_fail_info_bits[14],
    &hf_pkixcmp_fail_info_bits[15], &hf_pkixcmp_fail_info_bits[16], &hf_pkixcmp_fail_info_bits[17],
    &hf_pkixcmp_fail_info_bits[18], &hf_pkixcmp_fail_info_bits[19], &hf_pkixcmp_fail_info_bits[20],
    &hf_pkixcmp_fail_info_bits[21], &hf_pkixcmp_fail_info_bits[22], &hf_pkixcmp_fail_info_bits[23],
    &hf_pkixcmp_fail_info_bits[24], &hf_pkixcmp_fail_info_bits[25], &hf_pkixcmp_fail_info_bits[26],
    NULL
};

static int
dissect_fail_info(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    pkixcmp_ctx_t *ctx = pkixcmp_ctx(actx);
    tvbuff_t *bits = NULL;

    offset = dissect_ber_bitstring(implicit_tag, actx, tree, tvb, offset, fail_info_bits, 27,
                                   hf_index, ett_pkixcmp_fail_info, &bits);
    if (bits && ctx && ctx->in_body) {
        guint n = MIN(tvb_captured_length(bits), 4);
        for (guint i = 0; i < n * 8 && i < 27; i++)
            if (tvb_get_uint8(bits, i / 8) & (0x80 >> (i % 8)))
                ctx->summary->fail_info |= 1u << i;
        ctx->summary->has_fail_info = TRUE;
    }
    return offset;
}

static const ber_sequence_t pki_status_info_sequence[] = {
    { &hf_pkixcmp_pki_status, BER_CLASS_UNI, BER_UNI_TAG_INTEGER, BER_FLAGS_NOOWNTAG, dissect_pki_status },
    { &hf_pkixcmp_status_string, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_OPTIONAL | BER_FLAGS_NOOWNTAG, dissect_free_text },
    { &hf_pkixcmp_fail_info, BER_CLASS_UNI, BER_UNI_TAG_BITSTRING, BER_FLAGS_OPTIONAL | BER_FLAGS_NOOWNTAG, dissect_fail_info },
    { NULL, 0, 0, 0, NULL }
};

static int
dissect_pki_status_info(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, pki_status_info_sequence,
                                    hf_index, ett_pkixcmp_status_info, "PKIStatusInfo");
}

/* ------------------------------------------------------------------------
 * PKIMessage
 */
static int dissect_pki_body(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index);

static int
dissect_protection(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    if (pkixcmp_ctx(actx))
        pkixcmp_ctx(actx)->summary->has_protection = TRUE;
    return dissect_ber_bitstring(implicit_tag, actx, tree, tvb, offset, NULL, 0, hf_index, -1, NULL);
}

static const ber_sequence_t pki_message_sequence[] = {
    { &hf_pkixcmp_header, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, dissect_pki_header },
    { &hf_pkixcmp_body, BER_CLASS_ANY, -1, BER_FLAGS_NOOWNTAG | BER_FLAGS_NOTCHKTAG, dissect_pki_body },
    { &hf_pkixcmp_protection, BER_CLASS_CON, 0, BER_FLAGS_OPTIONAL, dissect_protection },
    { &hf_pkixcmp_extra_certs, BER_CLASS_CON, 1, BER_FLAGS_OPTIONAL, pkixcmp_dissect_cmp_certificates },
    { NULL, 0, 0, 0, NULL }
};

/* Dissects one PKIMessage at offset of tvb; returns the offset after it. */
static int
dissect_pki_message(tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree)
{
    return pkixcmp_dissect_sequence(FALSE, actx, tree, tvb, offset, pki_message_sequence,
                                    -1, ett_pkixcmp, "PKIMessage");
}

/* NestedMessageContent ::= PKIMessages: each one decoded recursively, with
 * its own summary so that the outer message's body and status stay its own. */
static int
dissect_nested_message(ber_implicit_t implicit_tag _U_, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index _U_)
{
    pkixcmp_ctx_t *outer = pkixcmp_ctx(actx);
    pkixcmp_msg_t *summary = wmem_new(actx->pinfo->pool, pkixcmp_msg_t);
    pkixcmp_ctx_t *inner = wmem_new0(actx->pinfo->pool, pkixcmp_ctx_t);
    int size = pkixcmp_element_size(tvb, offset);
    proto_item *pi;

    inner->summary = summary;
    inner->depth = outer ? outer->depth + 1 : 1;
    inner->cert_context = "body";
    if (inner->depth > PKIXCMP_MAX_NESTING) {
        pi = proto_tree_add_item(tree, hf_pkixcmp_unknown, tvb, offset, size, ENC_NA);
        expert_add_info(actx->pinfo, pi, &ei_pkixcmp_nesting_too_deep);
        return offset + size;
    }
    pkixcmp_msg_init(summary, (gint)inner->depth);
    /* The certificates of a nested message (an ip an RA forwards) are the
     * outer message's too, for Export Objects: one list serves both. */
    if (outer) {
        if (!outer->summary->certificates)
            outer->summary->certificates = wmem_list_new(actx->pinfo->pool);
        summary->certificates = outer->summary->certificates;
    }
    actx->private_data = inner;
    pi = proto_tree_add_item(tree, proto_pkixcmp, tvb, offset, size, ENC_NA);
    offset = dissect_pki_message(tvb, offset, actx, proto_item_add_subtree(pi, ett_pkixcmp));
    actx->private_data = outer;
    if (summary->body >= 0)
        proto_item_append_text(pi, ", %s", val_to_str_const(summary->body, pkixcmp_body_vals, "unknown body"));
    return offset;
}

static const ber_sequence_t nested_sequence_of[] = {
    { &hf_pkixcmp_unknown, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, dissect_nested_message },
};

int
pkixcmp_dissect_pki_messages(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_sequence_of_1_max(implicit_tag, actx, tree, tvb, offset, nested_sequence_of, hf_index,
                                             ett_pkixcmp_sequence, "PKIMessages");
}

/* ------------------------------------------------------------------------
 * PKIBody contents, RFC 9810 section 5.3
 */

/* p10cr: a PKCS#10 CertificationRequest, to Wireshark's pkcs10 dissector. */
static int
dissect_p10cr(ber_implicit_t implicit_tag _U_, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index _U_)
{
    return pkixcmp_call_syntax("CertificationRequest", tvb, offset, actx, tree);
}

/* EncryptedKey ::= CHOICE { encryptedValue EncryptedValue,
 *                           envelopedData [0] EnvelopedData }   (RFC 9480)
 * CRMF's module is IMPLICIT TAGS, so envelopedData arrives as [0] holding
 * EnvelopedData's fields; the tag is put back to SEQUENCE for CMS.
 * EncryptedValue is decoded by pkixcmp-crmf.c. */
int
pkixcmp_dissect_encrypted_key(ber_implicit_t implicit_tag _U_, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    int size = pkixcmp_element_size(tvb, offset);
    proto_item *pi = proto_tree_add_item(tree, hf_index, tvb, offset, size, ENC_NA);
    proto_tree *sub = proto_item_add_subtree(pi, ett_pkixcmp_sequence);

    if (pkixcmp_element_is(tvb, offset, BER_CLASS_CON, TRUE, 0)) {
        tvbuff_t *as_sequence = pkixcmp_retag_element(tvb, offset, 0x30, actx->pinfo,
                                                      "EnvelopedData (implicit tag restored)");
        proto_item_append_text(pi, ": envelopedData");
        pkixcmp_call_oid(PKIXCMP_OID_CMS_ENVELOPED_DATA, as_sequence, 0, actx, sub, "EnvelopedData");
        return offset + size;
    }
    if (pkixcmp_element_is(tvb, offset, BER_CLASS_UNI, TRUE, BER_UNI_TAG_SEQUENCE)) {
        proto_item_append_text(pi, ": encryptedValue");
        return pkixcmp_dissect_encrypted_value(FALSE, tvb, offset, actx, sub, hf_pkixcmp_encrypted_value);
    }
    return pkixcmp_show_unexpected(tvb, offset, actx, sub, "EncryptedKey is neither EncryptedValue nor [0] EnvelopedData");
}

/* EncryptedKey where CMP itself uses it, in CertifiedKeyPair: CRMF has
 * had its envelopedData since RFC 4211 (pkiArchiveOptions), but CMP's
 * encryptedCert and privateKey were EncryptedValue until cmp2021. */
static int
dissect_cmp_encrypted_key(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    int end = pkixcmp_dissect_encrypted_key(implicit_tag, tvb, offset, actx, tree, hf_index);

    if (pkixcmp_element_is(tvb, offset, BER_CLASS_CON, TRUE, 0))
        pkixcmp_check_cmp2021_syntax(actx, tree, tvb, offset, end, "EnvelopedData in CertifiedKeyPair");
    return end;
}

/* CertOrEncCert ::= CHOICE { certificate [0] CMPCertificate,
 *                            encryptedCert [1] EncryptedKey } */
static const ber_choice_t cert_or_enc_cert_choice[] = {
    { 0, &hf_pkixcmp_certificate, BER_CLASS_CON, 0, 0, pkixcmp_dissect_cmp_certificate },
    { 1, &hf_pkixcmp_encrypted_cert, BER_CLASS_CON, 1, 0, dissect_cmp_encrypted_key },
    { 0, NULL, 0, 0, 0, NULL }
};

static int
dissect_cert_or_enc_cert(ber_implicit_t implicit_tag _U_, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return dissect_ber_choice(actx, tree, tvb, offset, cert_or_enc_cert_choice, hf_index, ett_pkixcmp_sequence, NULL);
}

/* CertifiedKeyPair ::= SEQUENCE { certOrEncCert, privateKey [0] EncryptedKey
 *                                 OPTIONAL, publicationInfo [1] OPTIONAL } */
static const ber_sequence_t certified_key_pair_sequence[] = {
    { &hf_pkixcmp_cert_or_enc_cert, BER_CLASS_ANY, -1, BER_FLAGS_NOOWNTAG | BER_FLAGS_NOTCHKTAG, dissect_cert_or_enc_cert },
    { &hf_pkixcmp_private_key, BER_CLASS_CON, 0, BER_FLAGS_OPTIONAL, dissect_cmp_encrypted_key },
    { &hf_pkixcmp_publication_info, BER_CLASS_CON, 1, BER_FLAGS_OPTIONAL, pkixcmp_dissect_publication_info },
    { NULL, 0, 0, 0, NULL }
};

static int
dissect_certified_key_pair(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, certified_key_pair_sequence,
                                    hf_index, ett_pkixcmp_sequence, "CertifiedKeyPair");
}

/* The certReqId of a CertResponse or a CertStatus, kept in the message
 * summary for the transaction checks (RFC 9810 section 5.3.4). */
static int
dissect_noted_cert_req_id(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree,
                          int hf_index)
{
    pkixcmp_ctx_t *ctx = pkixcmp_ctx(actx);
    guint32 id = 0;

    offset = dissect_ber_integer(implicit_tag, actx, tree, tvb, offset, hf_index, &id);
    if (ctx && ctx->in_body) {
        pkixcmp_msg_t *msg = ctx->summary;
        if (msg->n_cert_req_ids < PKIXCMP_MAX_CERT_REQ_IDS)
            msg->cert_req_ids[msg->n_cert_req_ids] = (gint32)id;
        msg->n_cert_req_ids++;
    }
    return offset;
}

/* CertResponse ::= SEQUENCE { certReqId, status, certifiedKeyPair OPTIONAL,
 *                             rspInfo OCTET STRING OPTIONAL } */
static const ber_sequence_t cert_response_sequence[] = {
    { &hf_pkixcmp_cert_req_id, BER_CLASS_UNI, BER_UNI_TAG_INTEGER, BER_FLAGS_NOOWNTAG, dissect_noted_cert_req_id },
    { &hf_pkixcmp_status_info, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, dissect_pki_status_info },
    { &hf_pkixcmp_certified_key_pair, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_OPTIONAL | BER_FLAGS_NOOWNTAG, dissect_certified_key_pair },
    { &hf_pkixcmp_rsp_info, BER_CLASS_UNI, BER_UNI_TAG_OCTETSTRING, BER_FLAGS_OPTIONAL | BER_FLAGS_NOOWNTAG, pkixcmp_dissect_octet_string },
    { NULL, 0, 0, 0, NULL }
};

static int
dissect_cert_response(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, cert_response_sequence,
                                    hf_index, ett_pkixcmp_sequence, "CertResponse");
}

static const ber_sequence_t cert_responses_sequence_of[] = {
    { &hf_pkixcmp_cert_response, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, dissect_cert_response },
};

static int
dissect_cert_responses(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return dissect_ber_sequence_of(implicit_tag, actx, tree, tvb, offset, cert_responses_sequence_of, hf_index, ett_pkixcmp_sequence);
}

/* CertRepMessage (ip, cp, kup, ccp) ::= SEQUENCE { caPubs [1] OPTIONAL, response } */
static const ber_sequence_t cert_rep_message_sequence[] = {
    { &hf_pkixcmp_ca_pubs, BER_CLASS_CON, 1, BER_FLAGS_OPTIONAL, pkixcmp_dissect_cmp_certificates },
    { &hf_pkixcmp_responses, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, dissect_cert_responses },
    { NULL, 0, 0, 0, NULL }
};

static int
dissect_cert_rep_message(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index _U_)
{
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, cert_rep_message_sequence,
                                    -1, ett_pkixcmp_sequence, "CertRepMessage");
}

/* Challenge ::= SEQUENCE { owf AlgorithmIdentifier OPTIONAL, witness OCTET
 *   STRING, challenge OCTET STRING, encryptedRand [0] EnvelopedData OPTIONAL } */
static int
dissect_enveloped_data_explicit(ber_implicit_t implicit_tag _U_, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    proto_item *pi = proto_tree_add_item(tree, hf_index, tvb, offset, pkixcmp_element_size(tvb, offset), ENC_NA);
    proto_tree *sub = proto_item_add_subtree(pi, ett_pkixcmp_sequence);
    int end = pkixcmp_call_oid(PKIXCMP_OID_CMS_ENVELOPED_DATA, tvb, offset, actx, sub, "EnvelopedData");

    pkixcmp_check_cmp2021_syntax(actx, sub, tvb, offset, end, "encryptedRand");
    return end;
}

static const ber_sequence_t challenge_sequence[] = {
    { &hf_pkixcmp_algorithm, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_OPTIONAL | BER_FLAGS_NOOWNTAG, pkixcmp_dissect_algorithm_identifier },
    { &hf_pkixcmp_witness, BER_CLASS_UNI, BER_UNI_TAG_OCTETSTRING, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_octet_string },
    { &hf_pkixcmp_challenge, BER_CLASS_UNI, BER_UNI_TAG_OCTETSTRING, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_octet_string },
    { &hf_pkixcmp_encrypted_rand, BER_CLASS_CON, 0, BER_FLAGS_OPTIONAL, dissect_enveloped_data_explicit },
    { NULL, 0, 0, 0, NULL }
};

static int
dissect_challenge(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, challenge_sequence,
                                    hf_index, ett_pkixcmp_sequence, "Challenge");
}

static const ber_sequence_t challenges_sequence_of[] = {
    { &hf_pkixcmp_challenge_item, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, dissect_challenge },
};

static int
dissect_popdecc(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index _U_)
{
    return dissect_ber_sequence_of(implicit_tag, actx, tree, tvb, offset, challenges_sequence_of, -1, ett_pkixcmp_sequence);
}

/* POPODecKeyRespContent ::= SEQUENCE OF INTEGER */
static const ber_sequence_t popdecr_sequence_of[] = {
    { &hf_pkixcmp_pop_response, BER_CLASS_UNI, BER_UNI_TAG_INTEGER, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_integer },
};

static int
dissect_popdecr(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index _U_)
{
    return dissect_ber_sequence_of(implicit_tag, actx, tree, tvb, offset, popdecr_sequence_of, -1, ett_pkixcmp_sequence);
}

static const ber_sequence_t certified_key_pairs_sequence_of[] = {
    { &hf_pkixcmp_certified_key_pair, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, dissect_certified_key_pair },
};

static int
dissect_certified_key_pairs(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return dissect_ber_sequence_of(implicit_tag, actx, tree, tvb, offset, certified_key_pairs_sequence_of, hf_index, ett_pkixcmp_sequence);
}

/* KeyRecRepContent ::= SEQUENCE { status, newSigCert [0] OPTIONAL,
 *   caCerts [1] OPTIONAL, keyPairHist [2] OPTIONAL } */
static const ber_sequence_t key_rec_rep_sequence[] = {
    { &hf_pkixcmp_status_info, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, dissect_pki_status_info },
    { &hf_pkixcmp_new_sig_cert, BER_CLASS_CON, 0, BER_FLAGS_OPTIONAL, pkixcmp_dissect_cmp_certificate },
    { &hf_pkixcmp_ca_certs, BER_CLASS_CON, 1, BER_FLAGS_OPTIONAL, pkixcmp_dissect_cmp_certificates },
    { &hf_pkixcmp_key_pair_hist, BER_CLASS_CON, 2, BER_FLAGS_OPTIONAL, dissect_certified_key_pairs },
    { NULL, 0, 0, 0, NULL }
};

static int
dissect_krp(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index _U_)
{
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, key_rec_rep_sequence,
                                    -1, ett_pkixcmp_sequence, "KeyRecRepContent");
}

/* CertId ::= SEQUENCE { issuer GeneralName, serialNumber INTEGER } (CRMF) */
static const ber_sequence_t cert_id_sequence[] = {
    { &hf_pkixcmp_issuer, BER_CLASS_ANY, -1, BER_FLAGS_NOOWNTAG | BER_FLAGS_NOTCHKTAG, pkixcmp_dissect_general_name },
    { &hf_pkixcmp_serial_number, BER_CLASS_UNI, BER_UNI_TAG_INTEGER, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_serial_number },
    { NULL, 0, 0, 0, NULL }
};

int
pkixcmp_dissect_cert_id(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, cert_id_sequence,
                                    hf_index, ett_pkixcmp_sequence, "CertId");
}

static const ber_sequence_t cert_ids_sequence_of[] = {
    { &hf_pkixcmp_cert_id, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_cert_id },
};

static int
dissect_cert_ids(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return dissect_ber_sequence_of(implicit_tag, actx, tree, tvb, offset, cert_ids_sequence_of, hf_index, ett_pkixcmp_sequence);
}

static const ber_sequence_t status_infos_sequence_of[] = {
    { &hf_pkixcmp_status_info, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, dissect_pki_status_info },
};

static int
dissect_status_infos(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return dissect_ber_sequence_of(implicit_tag, actx, tree, tvb, offset, status_infos_sequence_of, hf_index, ett_pkixcmp_sequence);
}

/* RevRepContent ::= SEQUENCE { status SEQUENCE OF PKIStatusInfo,
 *   revCerts [0] SEQUENCE OF CertId OPTIONAL, crls [1] OPTIONAL } */
static const ber_sequence_t rev_rep_sequence[] = {
    { &hf_pkixcmp_statuses, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, dissect_status_infos },
    { &hf_pkixcmp_rev_certs, BER_CLASS_CON, 0, BER_FLAGS_OPTIONAL, dissect_cert_ids },
    { &hf_pkixcmp_crls, BER_CLASS_CON, 1, BER_FLAGS_OPTIONAL, pkixcmp_dissect_crls },
    { NULL, 0, 0, 0, NULL }
};

static int
dissect_rp(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index _U_)
{
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, rev_rep_sequence,
                                    -1, ett_pkixcmp_sequence, "RevRepContent");
}

/* RevReqContent ::= SEQUENCE OF RevDetails;
 * RevDetails ::= SEQUENCE { certDetails CertTemplate, crlEntryDetails
 * Extensions OPTIONAL }.  CertTemplate is CRMF's; Wireshark exports no
 * syntax for it alone, so it is decoded by pkixcmp-crmf.c. */
static const ber_sequence_t rev_details_sequence[] = {
    { &hf_pkixcmp_cert_details, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_cert_template },
    { &hf_pkixcmp_crl_entry_details, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_OPTIONAL | BER_FLAGS_NOOWNTAG, pkixcmp_dissect_extensions },
    { NULL, 0, 0, 0, NULL }
};

static int
dissect_rev_details(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, rev_details_sequence,
                                    hf_index, ett_pkixcmp_sequence, "RevDetails");
}

static const ber_sequence_t rev_req_sequence_of[] = {
    { &hf_pkixcmp_rev_details, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, dissect_rev_details },
};

static int
dissect_rr(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index _U_)
{
    return dissect_ber_sequence_of(implicit_tag, actx, tree, tvb, offset, rev_req_sequence_of, -1, ett_pkixcmp_sequence);
}

/* CAKeyUpdAnnContent ::= SEQUENCE { oldWithNew, newWithOld, newWithNew }
 * RFC 9480 made ckuann a CAKeyUpdContent CHOICE whose new alternative,
 * cAKeyUpdAnnV3 [0] RootCaKeyUpdateContent, is { newWithNew, newWithOld [0]
 * OPTIONAL, oldWithNew [1] OPTIONAL }. */
static const ber_sequence_t ca_key_upd_ann_sequence[] = {
    { &hf_pkixcmp_old_with_new, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_cmp_certificate },
    { &hf_pkixcmp_new_with_old, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_cmp_certificate },
    { &hf_pkixcmp_new_with_new, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_cmp_certificate },
    { NULL, 0, 0, 0, NULL }
};

static const ber_sequence_t root_ca_key_update_sequence[] = {
    { &hf_pkixcmp_new_with_new, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_cmp_certificate },
    { &hf_pkixcmp_new_with_old, BER_CLASS_CON, 0, BER_FLAGS_OPTIONAL, pkixcmp_dissect_cmp_certificate },
    { &hf_pkixcmp_old_with_new, BER_CLASS_CON, 1, BER_FLAGS_OPTIONAL, pkixcmp_dissect_cmp_certificate },
    { NULL, 0, 0, 0, NULL }
};

int
pkixcmp_dissect_root_ca_key_update(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, root_ca_key_update_sequence,
                                    hf_index, ett_pkixcmp_sequence, "RootCaKeyUpdateContent");
}

int
pkixcmp_dissect_ca_key_upd_ann(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, ca_key_upd_ann_sequence,
                                    hf_index, ett_pkixcmp_sequence, "CAKeyUpdAnnContent");
}

/* cAKeyUpdAnnV3: cmp2021 syntax (the same content in a genp's
 * rootCaKeyUpdate ITAV is not: an ITAV's value is open). */
static int
dissect_ca_key_upd_ann_v3(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    int end = pkixcmp_dissect_root_ca_key_update(implicit_tag, tvb, offset, actx, tree, hf_index);

    pkixcmp_check_cmp2021_syntax(actx, tree, tvb, offset, end, "cAKeyUpdAnnV3 in ckuann");
    return end;
}

static const ber_choice_t ca_key_upd_content_choice[] = {
    { 0, &hf_pkixcmp_ca_key_upd_ann_v2, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_ca_key_upd_ann },
    { 1, &hf_pkixcmp_ca_key_upd_ann_v3, BER_CLASS_CON, 0, 0, dissect_ca_key_upd_ann_v3 },
    { 0, NULL, 0, 0, 0, NULL }
};

static int
dissect_ckuann(ber_implicit_t implicit_tag _U_, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index _U_)
{
    return dissect_ber_choice(actx, tree, tvb, offset, ca_key_upd_content_choice, -1, ett_pkixcmp_sequence, NULL);
}

/* CertAnnContent ::= CMPCertificate */
static int
dissect_cann(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index _U_)
{
    return pkixcmp_dissect_cmp_certificate(implicit_tag, tvb, offset, actx, tree, hf_pkixcmp_certificate);
}

/* RevAnnContent ::= SEQUENCE { status, certId, willBeRevokedAt,
 *   badSinceDate, crlDetails Extensions OPTIONAL } */
static const ber_sequence_t rev_ann_sequence[] = {
    { &hf_pkixcmp_pki_status, BER_CLASS_UNI, BER_UNI_TAG_INTEGER, BER_FLAGS_NOOWNTAG, dissect_pki_status },
    { &hf_pkixcmp_cert_id, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_cert_id },
    { &hf_pkixcmp_will_be_revoked_at, BER_CLASS_UNI, BER_UNI_TAG_GeneralizedTime, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_generalized_time },
    { &hf_pkixcmp_bad_since_date, BER_CLASS_UNI, BER_UNI_TAG_GeneralizedTime, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_generalized_time },
    { &hf_pkixcmp_crl_details, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_OPTIONAL | BER_FLAGS_NOOWNTAG, pkixcmp_dissect_extensions },
    { NULL, 0, 0, 0, NULL }
};

static int
dissect_rann(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index _U_)
{
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, rev_ann_sequence,
                                    -1, ett_pkixcmp_sequence, "RevAnnContent");
}

/* CRLAnnContent ::= SEQUENCE OF CertificateList (it may be empty) */
static int
dissect_crlann(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index _U_)
{
    return dissect_ber_sequence_of(implicit_tag, actx, tree, tvb, offset, crls_sequence_of, hf_pkixcmp_crls,
                                   ett_pkixcmp_sequence);
}

/* PKIConfirmContent ::= NULL */
static int
dissect_pkiconf(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index _U_)
{
    /* Some servers put something else there: shown raw, not as a BER error. */
    if (!pkixcmp_element_is(tvb, offset, BER_CLASS_UNI, FALSE, BER_UNI_TAG_NULL)
            || pkixcmp_element_size(tvb, offset) != 2)
        return pkixcmp_show_unexpected(tvb, offset, actx, tree, "PKIConfirmContent is not NULL");
    return dissect_ber_null(implicit_tag, actx, tree, tvb, offset, hf_pkixcmp_pkiconf);
}

/* GenMsgContent, GenRepContent ::= SEQUENCE OF InfoTypeAndValue */
static int
dissect_genm_genp(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index _U_)
{
    return dissect_itavs(implicit_tag, tvb, offset, actx, tree, hf_pkixcmp_itavs);
}

/* ErrorMsgContent ::= SEQUENCE { pKIStatusInfo, errorCode INTEGER OPTIONAL,
 *   errorDetails PKIFreeText OPTIONAL } */
static const ber_sequence_t error_msg_sequence[] = {
    { &hf_pkixcmp_status_info, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, dissect_pki_status_info },
    { &hf_pkixcmp_error_code, BER_CLASS_UNI, BER_UNI_TAG_INTEGER, BER_FLAGS_OPTIONAL | BER_FLAGS_NOOWNTAG, pkixcmp_dissect_integer },
    { &hf_pkixcmp_error_details, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_OPTIONAL | BER_FLAGS_NOOWNTAG, dissect_free_text },
    { NULL, 0, 0, 0, NULL }
};

static int
dissect_error(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index _U_)
{
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, error_msg_sequence,
                                    -1, ett_pkixcmp_sequence, "ErrorMsgContent");
}

/* CertStatus hashAlg (RFC 9480 section 2.10): cmp2021 syntax. */
static int
dissect_cert_status_hash_alg(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx,
                             proto_tree *tree, int hf_index)
{
    int end = pkixcmp_dissect_algorithm_identifier(implicit_tag, tvb, offset, actx, tree, hf_index);

    pkixcmp_check_cmp2021_syntax(actx, tree, tvb, offset, end, "hashAlg in certConf");
    return end;
}

/* CertStatus ::= SEQUENCE { certHash OCTET STRING, certReqId INTEGER,
 *   statusInfo PKIStatusInfo OPTIONAL, hashAlg [0] AlgorithmIdentifier
 *   OPTIONAL (RFC 9480) } */
static const ber_sequence_t cert_status_sequence[] = {
    { &hf_pkixcmp_cert_hash, BER_CLASS_UNI, BER_UNI_TAG_OCTETSTRING, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_octet_string },
    { &hf_pkixcmp_cert_req_id, BER_CLASS_UNI, BER_UNI_TAG_INTEGER, BER_FLAGS_NOOWNTAG, dissect_noted_cert_req_id },
    { &hf_pkixcmp_status_info, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_OPTIONAL | BER_FLAGS_NOOWNTAG, dissect_pki_status_info },
    { &hf_pkixcmp_hash_alg, BER_CLASS_CON, 0, BER_FLAGS_OPTIONAL, dissect_cert_status_hash_alg },
    { NULL, 0, 0, 0, NULL }
};

static int
dissect_cert_status(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, cert_status_sequence,
                                    hf_index, ett_pkixcmp_sequence, "CertStatus");
}

static const ber_sequence_t cert_confirm_sequence_of[] = {
    { &hf_pkixcmp_cert_status, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, dissect_cert_status },
};

static int
dissect_cert_conf(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index _U_)
{
    return dissect_ber_sequence_of(implicit_tag, actx, tree, tvb, offset, cert_confirm_sequence_of, -1, ett_pkixcmp_sequence);
}

/* PollReqContent ::= SEQUENCE OF SEQUENCE { certReqId INTEGER } */
static const ber_sequence_t poll_req_item_sequence[] = {
    { &hf_pkixcmp_cert_req_id, BER_CLASS_UNI, BER_UNI_TAG_INTEGER, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_integer },
    { NULL, 0, 0, 0, NULL }
};

static int
dissect_poll_req_item(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, poll_req_item_sequence,
                                    hf_index, ett_pkixcmp_sequence, "PollReqContent entry");
}

static const ber_sequence_t poll_req_sequence_of[] = {
    { &hf_pkixcmp_poll_req_item, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, dissect_poll_req_item },
};

static int
dissect_poll_req(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index _U_)
{
    return dissect_ber_sequence_of(implicit_tag, actx, tree, tvb, offset, poll_req_sequence_of, -1, ett_pkixcmp_sequence);
}

/* PollRepContent ::= SEQUENCE OF SEQUENCE { certReqId INTEGER,
 *   checkAfter INTEGER, reason PKIFreeText OPTIONAL } */
static const ber_sequence_t poll_rep_item_sequence[] = {
    { &hf_pkixcmp_cert_req_id, BER_CLASS_UNI, BER_UNI_TAG_INTEGER, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_integer },
    { &hf_pkixcmp_check_after, BER_CLASS_UNI, BER_UNI_TAG_INTEGER, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_integer },
    { &hf_pkixcmp_reason, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_OPTIONAL | BER_FLAGS_NOOWNTAG, dissect_free_text },
    { NULL, 0, 0, 0, NULL }
};

static int
dissect_poll_rep_item(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, poll_rep_item_sequence,
                                    hf_index, ett_pkixcmp_sequence, "PollRepContent entry");
}

static const ber_sequence_t poll_rep_sequence_of[] = {
    { &hf_pkixcmp_poll_rep_item, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, dissect_poll_rep_item },
};

static int
dissect_poll_rep(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index _U_)
{
    return dissect_ber_sequence_of(implicit_tag, actx, tree, tvb, offset, poll_rep_sequence_of, -1, ett_pkixcmp_sequence);
}

/* The PKIBody choices, indexed by tag. */
static const ber_callback pkixcmp_body_dissectors[] = {
    pkixcmp_dissect_cert_req_messages,  /*  0 ir */
    dissect_cert_rep_message,   /*  1 ip */
    pkixcmp_dissect_cert_req_messages,  /*  2 cr */
    dissect_cert_rep_message,   /*  3 cp */
    dissect_p10cr,              /*  4 p10cr */
    dissect_popdecc,            /*  5 popdecc */
    dissect_popdecr,            /*  6 popdecr */
    pkixcmp_dissect_cert_req_messages,  /*  7 kur */
    dissect_cert_rep_message,   /*  8 kup */
    pkixcmp_dissect_cert_req_messages,  /*  9 krr */
    dissect_krp,                /* 10 krp */
    dissect_rr,                 /* 11 rr */
    dissect_rp,                 /* 12 rp */
    pkixcmp_dissect_cert_req_messages,  /* 13 ccr */
    dissect_cert_rep_message,   /* 14 ccp */
    dissect_ckuann,             /* 15 ckuann */
    dissect_cann,               /* 16 cann */
    dissect_rann,               /* 17 rann */
    dissect_crlann,             /* 18 crlann */
    dissect_pkiconf,            /* 19 pkiconf */
    pkixcmp_dissect_pki_messages, /* 20 nested */
    dissect_genm_genp,          /* 21 genm */
    dissect_genm_genp,          /* 22 genp */
    dissect_error,              /* 23 error */
    dissect_cert_conf,          /* 24 certConf */
    dissect_poll_req,           /* 25 pollReq */
    dissect_poll_rep,           /* 26 pollRep */
};

/* PKIBody: the choice is dispatched by hand so that an unknown tag is
 * reported in pkixcmp's own words, shown raw, and the rest still decodes. */
static int
dissect_pki_body(ber_implicit_t implicit_tag _U_, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    pkixcmp_ctx_t *ctx = pkixcmp_ctx(actx);
    gint8 ber_class;
    ber_bool_t pc, ind;
    gint32 tag;
    guint32 len;
    int size = pkixcmp_element_size(tvb, offset);
    int content = get_ber_identifier(tvb, offset, &ber_class, &pc, &tag);
    proto_item *pi;
    proto_tree *body_tree;
    tvbuff_t *content_tvb;
    guint layers;

    content = get_ber_length(tvb, content, &len, &ind);
    pi = proto_tree_add_uint(tree, hf_index, tvb, offset, size, (guint32)tag);
    body_tree = proto_item_add_subtree(pi, ett_pkixcmp_body);
    if (ber_class != BER_CLASS_CON || !pc || tag < 0 || tag >= (gint32)G_N_ELEMENTS(pkixcmp_body_dissectors)) {
        expert_add_info_format(actx->pinfo, pi, &ei_pkixcmp_unknown_body,
                               "Unknown PKIBody choice [%d] (class %d): shown raw", tag, ber_class);
        pkixcmp_dissect_unknown_ber(actx->pinfo, tvb_new_subset_length(tvb, offset, size), body_tree);
        if (ctx)
            ctx->summary->body = PKIXCMP_BODY_UNKNOWN;
        return offset + size;
    }
    if (ctx) {
        ctx->summary->body = tag;
        ctx->in_body = TRUE;
    }
    /* The explicit [tag] wrapper holds exactly one element of the body's
     * type; it is handed over alone so that it cannot read past the tag.
     * A fault inside it stays there: the protection and extraCerts after
     * it still decode, and the message's summary (status, tracking) is
     * still made.  A nested message that broke off leaves its own state
     * in actx, which is put back.  A snapshot cut short (BoundsError)
     * still ends the message, as everywhere in Wireshark. */
    content_tvb = tvb_new_subset_length(tvb, content, size - (content - offset));
    layers = wmem_list_count(actx->pinfo->layers);
    TRY {
        pkixcmp_body_dissectors[tag](FALSE, content_tvb, 0, actx, body_tree, -1);
    }
    CATCH_NONFATAL_ERRORS {
        actx->private_data = ctx;
        trim_layers(actx->pinfo, layers);
        show_exception(content_tvb, actx->pinfo, body_tree, EXCEPT_CODE, GET_MESSAGE);
    }
    ENDTRY;
    if (ctx)
        ctx->in_body = FALSE;
    return offset + size;
}

int
dissect_pkixcmp(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *data _U_)
{
    /* data is the caller's business (HTTP passes its message info). */
    pkixcmp_msg_t *summary = wmem_new(pinfo->pool, pkixcmp_msg_t);
    pkixcmp_ctx_t *ctx = wmem_new0(pinfo->pool, pkixcmp_ctx_t);
    pkixcmp_ctx_t **current;
    conversation_t *conversation;
    asn1_ctx_t actx;
    proto_item *ti;
    proto_tree *cmp_tree;
    volatile int offset = (int)tvb_reported_length(tvb);   /* when the message breaks off */
    guint layers;

    pkixcmp_msg_init(summary, 0);
    ctx->summary = summary;
    ctx->depth = 0;
    ctx->cert_context = "body";

    col_set_str(pinfo->cinfo, COL_PROTOCOL, "PKIX-CMP");
    ti = proto_tree_add_item(tree, proto_pkixcmp, tvb, 0, -1, ENC_NA);
    cmp_tree = proto_item_add_subtree(ti, ett_pkixcmp);

    if (!der_looks_like_pkimessage_any_pvno(tvb_get_ptr(tvb, 0, MIN(tvb_captured_length(tvb), 64)),
                                            MIN(tvb_captured_length(tvb), 64))) {
        proto_tree_add_expert(cmp_tree, pinfo, &ei_pkixcmp_not_pkimessage, tvb, 0, -1);
        col_append_sep_str(pinfo->cinfo, COL_INFO, " ", "not a PKIMessage");
        return tvb_captured_length(tvb);
    }

    asn1_ctx_init(&actx, ASN1_ENC_BER, TRUE, pinfo);
    actx.private_data = ctx;
    current = current_ctx_slot(pinfo);
    *current = NULL;
    /* What a fault in the header, the protection or extraCerts leaves of
     * the message is still summarised and tracked (the body has its own
     * net, dissect_pki_body). */
    layers = wmem_list_count(pinfo->layers);
    TRY {
        offset = dissect_pki_message(tvb, 0, &actx, cmp_tree);
    }
    CATCH_NONFATAL_ERRORS {
        trim_layers(pinfo, layers);
        show_exception(tvb, pinfo, cmp_tree, EXCEPT_CODE, GET_MESSAGE);
    }
    ENDTRY;
    *current = NULL;
    conversation = find_or_create_conversation(pinfo);
    pkixcmp_track_message(tvb, pinfo, cmp_tree, summary, conversation);
    entrust_identify_message(tvb, pinfo, cmp_tree, summary, conversation);
    summary->decoded = summary->body >= 0;
    proto_item_set_len(ti, offset);

    if (summary->body >= 0) {
        proto_item_append_text(ti, ", %s", val_to_str_const(summary->body, pkixcmp_body_vals, "unknown body"));
        col_append_sep_str(pinfo->cinfo, COL_INFO, " ",
                           val_to_str_const(summary->body, pkixcmp_body_vals, "unknown body"));
    }
    if (summary->status >= 0) {
        proto_item *si = proto_tree_add_uint(cmp_tree, hf_pkixcmp_status, tvb, 0, 0, (guint32)summary->status);
        proto_item_set_generated(si);
        proto_item_append_text(ti, " (%s)", val_to_str_const(summary->status, pkixcmp_status_vals, "unknown status"));
        col_append_fstr(pinfo->cinfo, COL_INFO, " (%s)",
                        val_to_str_const(summary->status, pkixcmp_status_vals, "unknown status"));
    }
    if ((guint)offset < tvb_reported_length(tvb)) {
        proto_tree_add_expert(cmp_tree, pinfo, &ei_pkixcmp_trailing_element, tvb, offset, -1);
    }
    return offset;
}

/* ------------------------------------------------------------------------
 * Registration
 */
/* The handles that held the media types before this plugin took them
 * (Wireshark's built-in CMP dissector), to give them back.  Decode As
 * resets "changed" entries when it loads its settings, so the entries are
 * replaced with dissector_add_string() rather than changed. */
static dissector_handle_t pkixcmp_http_previous[G_N_ELEMENTS(pkixcmp_http_media_types)];

static void
apply_http_preference(void)
{
    static gboolean saved;
    dissector_table_t media_types = find_dissector_table("media_type");
    dissector_handle_t poll_handle = find_dissector(ENTRUST_HTTP_POLL_DISSECTOR_NAME);

    for (gsize i = 0; i < G_N_ELEMENTS(pkixcmp_http_media_types); i++) {
        const char *type = pkixcmp_http_media_types[i];
        dissector_handle_t ours = strstr(type, "-poll") ? poll_handle : pkixcmp_handle;
        if (!saved)
            pkixcmp_http_previous[i] = dissector_get_string_handle(media_types, type);
        if (pkixcmp_take_http)
            dissector_add_string("media_type", type, ours);
        else if (pkixcmp_http_previous[i])
            dissector_add_string("media_type", type, pkixcmp_http_previous[i]);
        else
            dissector_delete_string("media_type", type, ours);
    }
    saved = TRUE;
}

void
proto_register_pkixcmp(void)
{
    static hf_register_info hf[] = {
        { &hf_pkixcmp_header,
          { "Header", "pkixcmp.header", FT_NONE, BASE_NONE, NULL, 0, "PKIHeader", HFILL } },
        { &hf_pkixcmp_pvno,
          { "Version", "pkixcmp.pvno", FT_UINT32, BASE_DEC, VALS(pkixcmp_pvno_vals), 0,
            "pvno: the CMP version of the message", HFILL } },
        { &hf_pkixcmp_sender,
          { "Sender", "pkixcmp.sender", FT_STRING, BASE_NONE, NULL, 0,
            "The sender's GeneralName, as text", HFILL } },
        { &hf_pkixcmp_recipient,
          { "Recipient", "pkixcmp.recipient", FT_STRING, BASE_NONE, NULL, 0,
            "The recipient's GeneralName, as text", HFILL } },
        { &hf_pkixcmp_message_time,
          { "Message time", "pkixcmp.message_time", FT_ABSOLUTE_TIME, ABSOLUTE_TIME_UTC, NULL, 0, NULL, HFILL } },
        { &hf_pkixcmp_protection_alg,
          { "Protection algorithm", "pkixcmp.protection_alg", FT_OID, BASE_NONE, NULL, 0,
            "protectionAlg: the OID of the algorithm protecting the message", HFILL } },
        { &hf_pkixcmp_sender_kid,
          { "Sender KID", "pkixcmp.sender_kid", FT_BYTES, BASE_NONE, NULL, 0, NULL, HFILL } },
        { &hf_pkixcmp_recip_kid,
          { "Recipient KID", "pkixcmp.recip_kid", FT_BYTES, BASE_NONE, NULL, 0, NULL, HFILL } },
        { &hf_pkixcmp_transaction_id,
          { "Transaction ID", "pkixcmp.transaction_id", FT_BYTES, BASE_NONE, NULL, 0, NULL, HFILL } },
        { &hf_pkixcmp_sender_nonce,
          { "Sender nonce", "pkixcmp.sender_nonce", FT_BYTES, BASE_NONE, NULL, 0, NULL, HFILL } },
        { &hf_pkixcmp_recip_nonce,
          { "Recipient nonce", "pkixcmp.recip_nonce", FT_BYTES, BASE_NONE, NULL, 0, NULL, HFILL } },
        { &hf_pkixcmp_free_text,
          { "Free text", "pkixcmp.free_text", FT_UINT32, BASE_DEC, NULL, 0,
            "PKIFreeText: number of strings", HFILL } },
        { &hf_pkixcmp_free_text_item,
          { "Text", "pkixcmp.free_text.text", FT_STRING, BASE_NONE, NULL, 0, NULL, HFILL } },
        { &hf_pkixcmp_general_info,
          { "General info", "pkixcmp.general_info", FT_UINT32, BASE_DEC, NULL, 0,
            "generalInfo: number of InfoTypeAndValue items", HFILL } },
        { &hf_pkixcmp_body,
          { "Body", "pkixcmp.body", FT_UINT32, BASE_DEC, VALS(pkixcmp_body_vals), 0,
            "PKIBody choice tag", HFILL } },
        { &hf_pkixcmp_status,
          { "Status", "pkixcmp.status", FT_UINT32, BASE_DEC, VALS(pkixcmp_status_vals), 0,
            "PKIStatus of the body's first PKIStatusInfo", HFILL } },
        { &hf_pkixcmp_protection,
          { "Protection", "pkixcmp.protection", FT_BYTES, BASE_NONE, NULL, 0,
            "PKIProtection bits", HFILL } },
        { &hf_pkixcmp_extra_certs,
          { "Extra certificates", "pkixcmp.extra_certs", FT_UINT32, BASE_DEC, NULL, 0,
            "extraCerts: number of certificates", HFILL } },
        { &hf_pkixcmp_general_name,
          { "General name", "pkixcmp.general_name", FT_STRING, BASE_NONE, NULL, 0,
            "A GeneralName, as text", HFILL } },
        { &hf_pkixcmp_general_name_type,
          { "GeneralName type", "pkixcmp.general_name.type", FT_UINT32, BASE_DEC,
            VALS(pkixcmp_general_name_vals), 0, NULL, HFILL } },
        { &hf_pkixcmp_general_name_value,
          { "GeneralName value", "pkixcmp.general_name.value", FT_STRING, BASE_NONE, NULL, 0, NULL, HFILL } },
        { &hf_pkixcmp_algorithm,
          { "Algorithm", "pkixcmp.algorithm", FT_NONE, BASE_NONE, NULL, 0, "AlgorithmIdentifier", HFILL } },
        { &hf_pkixcmp_algorithm_id,
          { "Algorithm ID", "pkixcmp.algorithm.id", FT_OID, BASE_NONE, NULL, 0, NULL, HFILL } },
        { &hf_pkixcmp_algorithm_params,
          { "Parameters", "pkixcmp.algorithm.parameters", FT_NONE, BASE_NONE, NULL, 0,
            "An AlgorithmIdentifier's parameters", HFILL } },
        { &hf_pkixcmp_certificate,
          { "Certificate", "pkixcmp.certificate", FT_NONE, BASE_NONE, NULL, 0, "CMPCertificate", HFILL } },
        { &hf_pkixcmp_crl,
          { "CRL", "pkixcmp.crl", FT_NONE, BASE_NONE, NULL, 0, "CertificateList", HFILL } },
        { &hf_pkixcmp_status_info,
          { "Status info", "pkixcmp.status_info", FT_NONE, BASE_NONE, NULL, 0, "PKIStatusInfo", HFILL } },
        { &hf_pkixcmp_pki_status,
          { "PKI status", "pkixcmp.status_info.status", FT_UINT32, BASE_DEC, VALS(pkixcmp_status_vals), 0,
            "PKIStatus of this PKIStatusInfo", HFILL } },
        { &hf_pkixcmp_status_string,
          { "Status string", "pkixcmp.status_info.status_string", FT_UINT32, BASE_DEC, NULL, 0,
            "statusString: number of strings", HFILL } },
        { &hf_pkixcmp_fail_info,
          { "Failure info", "pkixcmp.fail_info", FT_BYTES, BASE_NONE, NULL, 0, "PKIFailureInfo", HFILL } },
#define FAIL_BIT(n, name, abbrev) \
        { &hf_pkixcmp_fail_info_bits[n], \
          { name, "pkixcmp.fail_info." abbrev, FT_BOOLEAN, 8, NULL, 0x80 >> ((n) % 8), NULL, HFILL } }
        FAIL_BIT(0,  "badAlg",              "bad_alg"),
        FAIL_BIT(1,  "badMessageCheck",     "bad_message_check"),
        FAIL_BIT(2,  "badRequest",          "bad_request"),
        FAIL_BIT(3,  "badTime",             "bad_time"),
        FAIL_BIT(4,  "badCertId",           "bad_cert_id"),
        FAIL_BIT(5,  "badDataFormat",       "bad_data_format"),
        FAIL_BIT(6,  "wrongAuthority",      "wrong_authority"),
        FAIL_BIT(7,  "incorrectData",       "incorrect_data"),
        FAIL_BIT(8,  "missingTimeStamp",    "missing_time_stamp"),
        FAIL_BIT(9,  "badPOP",              "bad_pop"),
        FAIL_BIT(10, "certRevoked",         "cert_revoked"),
        FAIL_BIT(11, "certConfirmed",       "cert_confirmed"),
        FAIL_BIT(12, "wrongIntegrity",      "wrong_integrity"),
        FAIL_BIT(13, "badRecipientNonce",   "bad_recipient_nonce"),
        FAIL_BIT(14, "timeNotAvailable",    "time_not_available"),
        FAIL_BIT(15, "unacceptedPolicy",    "unaccepted_policy"),
        FAIL_BIT(16, "unacceptedExtension", "unaccepted_extension"),
        FAIL_BIT(17, "addInfoNotAvailable", "add_info_not_available"),
        FAIL_BIT(18, "badSenderNonce",      "bad_sender_nonce"),
        FAIL_BIT(19, "badCertTemplate",     "bad_cert_template"),
        FAIL_BIT(20, "signerNotTrusted",    "signer_not_trusted"),
        FAIL_BIT(21, "transactionIdInUse",  "transaction_id_in_use"),
        FAIL_BIT(22, "unsupportedVersion",  "unsupported_version"),
        FAIL_BIT(23, "notAuthorized",       "not_authorized"),
        FAIL_BIT(24, "systemUnavail",       "system_unavail"),
        FAIL_BIT(25, "systemFailure",       "system_failure"),
        FAIL_BIT(26, "duplicateCertReq",    "duplicate_cert_req"),
#undef FAIL_BIT
        { &hf_pkixcmp_itav,
          { "InfoTypeAndValue", "pkixcmp.itav", FT_NONE, BASE_NONE, NULL, 0,
            "One InfoTypeAndValue (generalInfo, genm, genp)", HFILL } },
        { &hf_pkixcmp_infotype,
          { "Info type", "pkixcmp.infotype", FT_OID, BASE_NONE, NULL, 0, "infoType OID", HFILL } },
        { &hf_pkixcmp_infovalue,
          { "Info value", "pkixcmp.infovalue", FT_NONE, BASE_NONE, NULL, 0,
            "InfoTypeAndValue infoValue", HFILL } },
        { &hf_pkixcmp_cert_req_id,
          { "Certificate request ID", "pkixcmp.cert_req_id", FT_INT32, BASE_DEC, NULL, 0, "certReqId", HFILL } },
        { &hf_pkixcmp_unknown,
          { "Undecoded element", "pkixcmp.unknown", FT_BYTES, BASE_NONE, NULL, 0,
            "An element this dissector does not decode, shown raw", HFILL } },
        { &hf_pkixcmp_bad_since_date,
          { "Bad since date", "pkixcmp.bad_since_date", FT_ABSOLUTE_TIME, ABSOLUTE_TIME_UTC, NULL, 0, "badSinceDate", HFILL } },
        { &hf_pkixcmp_ca_certs,
          { "CA certificates", "pkixcmp.ca_certs", FT_UINT32, BASE_DEC, NULL, 0, "caCerts: number of certificates", HFILL } },
        { &hf_pkixcmp_ca_key_upd_ann_v2,
          { "CA key update announcement (v2)", "pkixcmp.ckuann.v2", FT_NONE, BASE_NONE, NULL, 0, "CAKeyUpdAnnContent", HFILL } },
        { &hf_pkixcmp_ca_key_upd_ann_v3,
          { "CA key update announcement (v3)", "pkixcmp.ckuann.v3", FT_NONE, BASE_NONE, NULL, 0, "RootCaKeyUpdateContent (RFC 9480)", HFILL } },
        { &hf_pkixcmp_ca_pubs,
          { "CA publications", "pkixcmp.ca_pubs", FT_UINT32, BASE_DEC, NULL, 0, "caPubs: number of certificates", HFILL } },
        { &hf_pkixcmp_cert_details,
          { "Certificate details", "pkixcmp.cert_details", FT_NONE, BASE_NONE, NULL, 0, "certDetails CertTemplate", HFILL } },
        { &hf_pkixcmp_cert_hash,
          { "Certificate hash", "pkixcmp.cert_hash", FT_BYTES, BASE_NONE, NULL, 0, "certHash", HFILL } },
        { &hf_pkixcmp_cert_id,
          { "Certificate ID", "pkixcmp.cert_id", FT_NONE, BASE_NONE, NULL, 0, "CertId", HFILL } },
        { &hf_pkixcmp_cert_or_enc_cert,
          { "Certificate or encrypted certificate", "pkixcmp.cert_or_enc_cert", FT_UINT32, BASE_DEC, VALS(cert_or_enc_cert_vals), 0, "CertOrEncCert", HFILL } },
        { &hf_pkixcmp_cert_response,
          { "Certificate response", "pkixcmp.cert_response", FT_NONE, BASE_NONE, NULL, 0, "CertResponse", HFILL } },
        { &hf_pkixcmp_cert_status,
          { "Certificate status", "pkixcmp.cert_status", FT_NONE, BASE_NONE, NULL, 0, "CertStatus", HFILL } },
        { &hf_pkixcmp_certified_key_pair,
          { "Certified key pair", "pkixcmp.certified_key_pair", FT_NONE, BASE_NONE, NULL, 0, "CertifiedKeyPair", HFILL } },
        { &hf_pkixcmp_challenge,
          { "Challenge", "pkixcmp.challenge", FT_BYTES, BASE_NONE, NULL, 0, NULL, HFILL } },
        { &hf_pkixcmp_challenge_item,
          { "Challenge", "pkixcmp.challenge_item", FT_NONE, BASE_NONE, NULL, 0,
            "One Challenge of a POPODecKeyChallContent", HFILL } },
        { &hf_pkixcmp_check_after,
          { "Check after (seconds)", "pkixcmp.check_after", FT_INT32, BASE_DEC, NULL, 0, "checkAfter", HFILL } },
        { &hf_pkixcmp_crl_details,
          { "CRL details", "pkixcmp.crl_details", FT_UINT32, BASE_DEC, NULL, 0, "crlDetails: number of extensions", HFILL } },
        { &hf_pkixcmp_crl_entry_details,
          { "CRL entry details", "pkixcmp.crl_entry_details", FT_UINT32, BASE_DEC, NULL, 0, "crlEntryDetails: number of extensions", HFILL } },
        { &hf_pkixcmp_crls,
          { "CRLs", "pkixcmp.crls", FT_UINT32, BASE_DEC, NULL, 0, "Number of CRLs", HFILL } },
        { &hf_pkixcmp_encrypted_cert,
          { "Encrypted certificate", "pkixcmp.encrypted_cert", FT_NONE, BASE_NONE, NULL, 0, "encryptedCert EncryptedKey", HFILL } },
        { &hf_pkixcmp_encrypted_value,
          { "Encrypted value", "pkixcmp.encrypted_value", FT_NONE, BASE_NONE, NULL, 0, "EncryptedValue", HFILL } },
        { &hf_pkixcmp_encrypted_rand,
          { "Encrypted random", "pkixcmp.encrypted_rand", FT_NONE, BASE_NONE, NULL, 0, "encryptedRand EnvelopedData (RFC 9480)", HFILL } },
        { &hf_pkixcmp_error_code,
          { "Error code", "pkixcmp.error_code", FT_INT32, BASE_DEC, NULL, 0, "errorCode", HFILL } },
        { &hf_pkixcmp_error_details,
          { "Error details", "pkixcmp.error_details", FT_UINT32, BASE_DEC, NULL, 0, "errorDetails: number of strings", HFILL } },
        { &hf_pkixcmp_hash_alg,
          { "Hash algorithm", "pkixcmp.hash_alg", FT_NONE, BASE_NONE, NULL, 0, "hashAlg (RFC 9480)", HFILL } },
        { &hf_pkixcmp_issuer,
          { "Issuer", "pkixcmp.issuer", FT_STRING, BASE_NONE, NULL, 0, "Issuer GeneralName, as text", HFILL } },
        { &hf_pkixcmp_itavs,
          { "InfoTypeAndValues", "pkixcmp.itavs", FT_UINT32, BASE_DEC, NULL, 0, "Number of InfoTypeAndValue items", HFILL } },
        { &hf_pkixcmp_key_pair_hist,
          { "Key pair history", "pkixcmp.key_pair_hist", FT_UINT32, BASE_DEC, NULL, 0, "keyPairHist: number of key pairs", HFILL } },
        { &hf_pkixcmp_new_sig_cert,
          { "New signature certificate", "pkixcmp.new_sig_cert", FT_NONE, BASE_NONE, NULL, 0, "newSigCert", HFILL } },
        { &hf_pkixcmp_new_with_new,
          { "New with new", "pkixcmp.new_with_new", FT_NONE, BASE_NONE, NULL, 0, "newWithNew", HFILL } },
        { &hf_pkixcmp_new_with_old,
          { "New with old", "pkixcmp.new_with_old", FT_NONE, BASE_NONE, NULL, 0, "newWithOld", HFILL } },
        { &hf_pkixcmp_old_with_new,
          { "Old with new", "pkixcmp.old_with_new", FT_NONE, BASE_NONE, NULL, 0, "oldWithNew", HFILL } },
        { &hf_pkixcmp_pkiconf,
          { "PKI confirm", "pkixcmp.pkiconf", FT_NONE, BASE_NONE, NULL, 0, "PKIConfirmContent", HFILL } },
        { &hf_pkixcmp_poll_rep_item,
          { "Poll response", "pkixcmp.poll_rep", FT_NONE, BASE_NONE, NULL, 0,
            "One entry of a pollRep body", HFILL } },
        { &hf_pkixcmp_poll_req_item,
          { "Poll request", "pkixcmp.poll_req", FT_NONE, BASE_NONE, NULL, 0,
            "One entry of a pollReq body", HFILL } },
        { &hf_pkixcmp_pop_response,
          { "POP response", "pkixcmp.pop_response", FT_INT64, BASE_DEC, NULL, 0,
            "Rand.int returned (RFC 9810 section 5.2.8.3): random, often wider than 32 bits", HFILL } },
        { &hf_pkixcmp_private_key,
          { "Private key", "pkixcmp.private_key", FT_NONE, BASE_NONE, NULL, 0, "privateKey EncryptedKey", HFILL } },
        { &hf_pkixcmp_publication_info,
          { "Publication info", "pkixcmp.publication_info", FT_NONE, BASE_NONE, NULL, 0, "publicationInfo", HFILL } },
        { &hf_pkixcmp_reason,
          { "Reason", "pkixcmp.reason", FT_UINT32, BASE_DEC, NULL, 0, "reason: number of strings", HFILL } },
        { &hf_pkixcmp_responses,
          { "Responses", "pkixcmp.responses", FT_UINT32, BASE_DEC, NULL, 0, "Number of CertResponses", HFILL } },
        { &hf_pkixcmp_rev_certs,
          { "Revoked certificates", "pkixcmp.rev_certs", FT_UINT32, BASE_DEC, NULL, 0, "revCerts: number of CertIds", HFILL } },
        { &hf_pkixcmp_rev_details,
          { "Revocation details", "pkixcmp.rev_details", FT_NONE, BASE_NONE, NULL, 0, "RevDetails", HFILL } },
        { &hf_pkixcmp_rsp_info,
          { "Response info", "pkixcmp.rsp_info", FT_BYTES, BASE_NONE, NULL, 0, "rspInfo", HFILL } },
        { &hf_pkixcmp_serial_number,
          { "Serial number", "pkixcmp.serial_number", FT_BYTES, BASE_NONE, NULL, 0, NULL, HFILL } },
        { &hf_pkixcmp_statuses,
          { "Statuses", "pkixcmp.statuses", FT_UINT32, BASE_DEC, NULL, 0, "Number of PKIStatusInfos", HFILL } },
        { &hf_pkixcmp_will_be_revoked_at,
          { "Will be revoked at", "pkixcmp.will_be_revoked_at", FT_ABSOLUTE_TIME, ABSOLUTE_TIME_UTC, NULL, 0, "willBeRevokedAt", HFILL } },
        { &hf_pkixcmp_witness,
          { "Witness", "pkixcmp.witness", FT_BYTES, BASE_NONE, NULL, 0, NULL, HFILL } },
        { &hf_pkixcmp_cert_template_version,
          { "Version", "pkixcmp.cert_template.version", FT_INT32, BASE_DEC, NULL, 0, NULL, HFILL } },
        { &hf_pkixcmp_cert_template_serial,
          { "Serial number", "pkixcmp.cert_template.serial_number", FT_BYTES, BASE_NONE, NULL, 0, NULL, HFILL } },
        { &hf_pkixcmp_cert_template_signing_alg,
          { "Signing algorithm", "pkixcmp.cert_template.signing_alg", FT_NONE, BASE_NONE, NULL, 0,
            "CertTemplate signingAlg (an AlgorithmIdentifier)", HFILL } },
        { &hf_pkixcmp_cert_template_issuer,
          { "Issuer", "pkixcmp.cert_template.issuer", FT_STRING, BASE_NONE, NULL, 0, "Issuer Name, as text", HFILL } },
        { &hf_pkixcmp_cert_template_validity,
          { "Validity", "pkixcmp.cert_template.validity", FT_NONE, BASE_NONE, NULL, 0, "OptionalValidity", HFILL } },
        { &hf_pkixcmp_cert_template_not_before,
          { "Not before", "pkixcmp.cert_template.not_before", FT_ABSOLUTE_TIME, ABSOLUTE_TIME_UTC, NULL, 0, NULL, HFILL } },
        { &hf_pkixcmp_cert_template_not_after,
          { "Not after", "pkixcmp.cert_template.not_after", FT_ABSOLUTE_TIME, ABSOLUTE_TIME_UTC, NULL, 0, NULL, HFILL } },
        { &hf_pkixcmp_cert_template_subject,
          { "Subject", "pkixcmp.cert_template.subject", FT_STRING, BASE_NONE, NULL, 0, "Subject Name, as text", HFILL } },
        { &hf_pkixcmp_cert_template_public_key,
          { "Public key", "pkixcmp.cert_template.public_key", FT_NONE, BASE_NONE, NULL, 0, "SubjectPublicKeyInfo", HFILL } },
        { &hf_pkixcmp_cert_template_issuer_uid,
          { "Issuer unique ID", "pkixcmp.cert_template.issuer_uid", FT_BYTES, BASE_NONE, NULL, 0, NULL, HFILL } },
        { &hf_pkixcmp_cert_template_subject_uid,
          { "Subject unique ID", "pkixcmp.cert_template.subject_uid", FT_BYTES, BASE_NONE, NULL, 0, NULL, HFILL } },
        { &hf_pkixcmp_cert_template_extensions,
          { "Extensions", "pkixcmp.cert_template.extensions", FT_UINT32, BASE_DEC, NULL, 0, "Number of extensions", HFILL } },
        { &hf_pkixcmp_extension,
          { "Extension", "pkixcmp.extension", FT_NONE, BASE_NONE, NULL, 0,
            "One Extension of an Extensions field (CertTemplate, RevDetails, ...)", HFILL } },
        { &hf_pkixcmp_extension_id,
          { "Extension ID", "pkixcmp.extension.id", FT_OID, BASE_NONE, NULL, 0, NULL, HFILL } },
        { &hf_pkixcmp_extension_critical,
          { "Critical", "pkixcmp.extension.critical", FT_BOOLEAN, BASE_NONE, NULL, 0, NULL, HFILL } },
        { &hf_pkixcmp_extension_value,
          { "Extension value", "pkixcmp.extension.value", FT_BYTES, BASE_NONE, NULL, 0, NULL, HFILL } },
        { &hf_pkixcmp_subject_public_key,
          { "Subject public key", "pkixcmp.subject_public_key", FT_BYTES, BASE_NONE, NULL, 0, NULL, HFILL } },
        { &hf_pkixcmp_rsa_modulus,
          { "Modulus", "pkixcmp.rsa.modulus", FT_BYTES, BASE_NONE, NULL, 0, "RSAPublicKey modulus (RFC 8017)", HFILL } },
        { &hf_pkixcmp_rsa_public_exponent,
          { "Public exponent", "pkixcmp.rsa.public_exponent", FT_UINT64, BASE_DEC, NULL, 0,
            "RSAPublicKey publicExponent (RFC 8017)", HFILL } },
        { &hf_pkixcmp_rsa_key_size,
          { "Key size (bits)", "pkixcmp.rsa.key_size", FT_UINT32, BASE_DEC, NULL, 0,
            "Bits of the RSA modulus", HFILL } },
    };

    static gint *ett[] = {
        &ett_pkixcmp,
        &ett_pkixcmp_header,
        &ett_pkixcmp_general_name,
        &ett_pkixcmp_algorithm,
        &ett_pkixcmp_free_text,
        &ett_pkixcmp_general_info,
        &ett_pkixcmp_itav,
        &ett_pkixcmp_body,
        &ett_pkixcmp_status_info,
        &ett_pkixcmp_fail_info,
        &ett_pkixcmp_extra_certs,
        &ett_pkixcmp_certificate,
        &ett_pkixcmp_sequence,
    };

    static ei_register_info ei[] = {
        { &ei_pkixcmp_unknown_body,
          { "pkixcmp.unknown_body", PI_UNDECODED, PI_WARN,
            "Unknown PKIBody choice", EXPFILL } },
        { &ei_pkixcmp_unknown_oid,
          { "pkixcmp.unknown_oid", PI_UNDECODED, PI_NOTE,
            "Value of an OID this dissector does not know, shown raw", EXPFILL } },
        { &ei_pkixcmp_not_pkimessage,
          { "pkixcmp.not_pkimessage", PI_MALFORMED, PI_ERROR,
            "Not a PKIMessage", EXPFILL } },
        { &ei_pkixcmp_nesting_too_deep,
          { "pkixcmp.nesting_too_deep", PI_UNDECODED, PI_WARN,
            "Nested PKIMessages too deep to decode", EXPFILL } },
        { &ei_pkixcmp_ber_too_deep,
          { "pkixcmp.ber_too_deep", PI_UNDECODED, PI_WARN,
            "BER nesting too deep to decode: shown as bytes", EXPFILL } },
        { &ei_pkixcmp_ber_unsupported_real,
          { "pkixcmp.ber_unsupported_real", PI_UNDECODED, PI_WARN,
            "A binary REAL, valid BER, that Wireshark's BER decoder cannot compute (exponent length in an octet of its own, a 1-octet mantissa, or a mantissa over 64 bits): shown as bytes", EXPFILL } },
        { &ei_pkixcmp_ber_malformed,
          { "pkixcmp.ber_malformed", PI_MALFORMED, PI_ERROR,
            "Malformed BER with a REAL Wireshark's BER decoder cannot compute: shown as bytes", EXPFILL } },
        { &ei_pkixcmp_trailing_element,
          { "pkixcmp.trailing_data", PI_PROTOCOL, PI_WARN,
            "Data after the end of the PKIMessage", EXPFILL } },
        { &ei_pkixcmp_unexpected,
          { "pkixcmp.unexpected", PI_UNDECODED, PI_NOTE,
            "Element the ASN.1 definition does not allow here, shown raw", EXPFILL } },
        { &ei_pkixcmp_implicit_tag,
          { "pkixcmp.implicit_tag", PI_PROTOCOL, PI_NOTE,
            "Field tagged implicitly (non-conformant encoder)", EXPFILL } },
        { &ei_pkixcmp_explicit_tag,
          { "pkixcmp.explicit_tag", PI_PROTOCOL, PI_NOTE,
            "Field tagged explicitly where the module says IMPLICIT (non-conformant encoder)", EXPFILL } },
        { &ei_pkixcmp_implicit_certificate,
          { "pkixcmp.implicit_certificate", PI_PROTOCOL, PI_NOTE,
            "Certificate tagged implicitly (non-conformant encoder)", EXPFILL } },
        { &ei_pkixcmp_empty_sequence,
          { "pkixcmp.empty_sequence", PI_PROTOCOL, PI_WARN,
            "SEQUENCE SIZE (1..MAX) OF without an element", EXPFILL } },
        { &ei_pkixcmp_unknown_pvno,
          { "pkixcmp.unknown_pvno", PI_PROTOCOL, PI_WARN,
            "pvno is none of the versions RFC 9810 defines", EXPFILL } },
        { &ei_pkixcmp_pvno_too_low,
          { "pkixcmp.pvno_too_low", PI_PROTOCOL, PI_WARN,
            "cmp2021 syntax in a message of an earlier pvno", EXPFILL } },
        { &ei_pkixcmp_too_many_layers,
          { "pkixcmp.too_many_layers", PI_UNDECODED, PI_WARN,
            "Value with more values selected by an OID than gui.max_tree_depth leaves layers for: shown raw", EXPFILL } },
        { &ei_pkixcmp_missing_field,
          { "pkixcmp.missing_field", PI_MALFORMED, PI_ERROR,
            "SEQUENCE whose contents end before a mandatory field", EXPFILL } },
        { &ei_pkixcmp_itav_value_in_set,
          { "pkixcmp.itav_value_in_set", PI_PROTOCOL, PI_NOTE,
            "InfoTypeAndValue value wrapped in a SET, as an attribute (cryptlib's encoding)", EXPFILL } },
    };

    module_t *pkixcmp_module;
    expert_module_t *expert_pkixcmp;

    proto_pkixcmp = proto_register_protocol("PKIX Certificate Management Protocol (plugin)",
                                            "PKIX-CMP", "pkixcmp");
    proto_register_field_array(proto_pkixcmp, hf, array_length(hf));
    proto_register_subtree_array(ett, array_length(ett));
    expert_pkixcmp = expert_register_protocol(proto_pkixcmp);
    expert_register_field_array(expert_pkixcmp, ei, array_length(ei));

    pkixcmp_handle = register_dissector(PKIXCMP_DISSECTOR_NAME, dissect_pkixcmp, proto_pkixcmp);
    pkixcmp_oid_table = register_dissector_table("pkixcmp.oid", "PKIX-CMP value selected by an OID",
                                                 proto_pkixcmp, FT_STRING, FALSE /* case-sensitive */);

    pkixcmp_module = prefs_register_protocol(proto_pkixcmp, apply_http_preference);
    prefs_register_bool_preference(pkixcmp_module, "take_http",
        "Decode application/pkixcmp over HTTP",
        "Take the application/pkixcmp and application/x-pkixcmp media types from Wireshark's "
        "built-in CMP dissector.  Switch off to hand HTTP back to it.",
        &pkixcmp_take_http);

    pkixcmp_register_oids(proto_pkixcmp);
    pkixcmp_crmf_register(proto_pkixcmp);
    pkixcmp_itav_register(proto_pkixcmp);
    pkixcmp_transactions_register(proto_pkixcmp);
    pkixcmp_identify_register(proto_pkixcmp);
}

void
proto_reg_handoff_pkixcmp(void)
{
    apply_http_preference();
    pkixcmp_handoff_oids(proto_pkixcmp);
    pkixcmp_transactions_handoff();
}
