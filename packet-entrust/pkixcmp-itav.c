/* pkixcmp-itav.c - values that CMP selects by OID
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 *  - InfoTypeAndValue values, id-it 1..24 (RFC 9810 section 5.3.19 and
 *    appendix A; RFC 9480 added 16..23, RFC 9810 added 24);
 *  - protection-algorithm parameters: PasswordBasedMac and DHBasedMac
 *    (RFC 9810 section 5.1.3), PBMAC1 (RFC 8018 with RFC 9481 section 6.1.2),
 *    KEMBasedMac (RFC 9810 section 5.1.3.4);
 *  - cryptlib's generalInfo values; a note of Entrust's entrustVersInfo
 *    certificate extension for the fingerprints;
 *  - X.509 values real CAs' certificates carry that Wireshark's decoders
 *    do not know, or expect encoded otherwise.
 *
 * Each decoder is registered in the hand-off with
 * pkixcmp_register_oid_dissector(): pkixcmp's AlgorithmIdentifier and
 * InfoTypeAndValue code reaches it through pkixcmp_call_oid(), while
 * Wireshark's own decoders of these OIDs (the built-in CMP's, CRMF's)
 * stay in place for everybody else.  The module is EXPLICIT TAGS.
 */
#include <wireshark.h>

#include <string.h>

#include <epan/packet.h>
#include <epan/expert.h>
#include <epan/oids.h>
#include <epan/asn1.h>
#include <epan/dissectors/packet-ber.h>

#include "der.h"
#include "pkixcmp-asn1.h"
#include "pkixcmp-oids.h"
#include "pkixcmp-rules.h"

/* Protection-algorithm parameters */
static int hf_pbm_parameters = -1;
static int hf_pbm_dhbm_parameters = -1;
static int hf_pbm_pbmac1_parameters = -1;
static int hf_pbm_pbkdf2_parameters = -1;
static int hf_pbm_kembm_parameters = -1;
static int hf_pbm_salt = -1;
static int hf_pbm_owf = -1;
static int hf_pbm_iteration_count = -1;
static int hf_pbm_mac = -1;
static int hf_pbm_kdf = -1;
static int hf_pbm_key_length = -1;
static int hf_pbm_prf = -1;
static int hf_pbm_kem_context = -1;
static int hf_pbm_len = -1;
/* InfoTypeAndValue values */
static int hf_itav_ca_prot_enc_cert = -1;
static int hf_itav_sign_key_pair_types = -1;
static int hf_itav_enc_key_pair_types = -1;
static int hf_itav_preferred_symm_alg = -1;
static int hf_itav_ca_key_update_info = -1;
static int hf_itav_current_crl = -1;
static int hf_itav_unsupported_oids = -1;
static int hf_itav_unsupported_oid = -1;
static int hf_itav_key_pair_param_req = -1;
static int hf_itav_key_pair_param_rep = -1;
static int hf_itav_rev_passphrase = -1;
static int hf_itav_implicit_confirm = -1;
static int hf_itav_confirm_wait_time = -1;
static int hf_itav_orig_pki_message = -1;
static int hf_itav_supp_lang_tags = -1;
static int hf_itav_lang_tag = -1;
static int hf_itav_ca_certs = -1;
static int hf_itav_root_ca_key_update = -1;
static int hf_itav_cert_req_template = -1;
static int hf_itav_cert_template = -1;
static int hf_itav_key_spec = -1;
static int hf_itav_root_ca_cert = -1;
static int hf_itav_cert_profile = -1;
static int hf_itav_cert_profile_name = -1;
static int hf_itav_crl_status_list = -1;
static int hf_itav_crl_status = -1;
static int hf_itav_crl_source = -1;
static int hf_itav_crl_source_dpn = -1;
static int hf_itav_crl_source_issuer = -1;
static int hf_itav_dpn_full_name = -1;
static int hf_itav_dpn_relative_name = -1;
static int hf_itav_this_update = -1;
static int hf_itav_crls = -1;
static int hf_itav_kem_ciphertext_info = -1;
static int hf_itav_kem_ct = -1;
/* cryptlib */
static int hf_cryptlib_presence_check = -1;
static int hf_cryptlib_pkiboot = -1;
/* X.509 attribute values that real certificates in CMP messages encode
 * other than Wireshark's decoders expect */
static int hf_x509_attribute_value = -1;

static gint ett_pbm = -1;
static gint ett_itav_value = -1;

static expert_field ei_itav_draft_encoding = EI_INIT;
static expert_field ei_x509_attribute_encoding = EI_INIT;
static expert_field ei_x509_undecoded_value = EI_INIT;
static int hf_x509_undecoded_value = -1;
static int hf_x509_issuer_alt_name = -1;
static int hf_x509_subject_info_access = -1;
static int hf_x509_access_description = -1;
static int hf_x509_access_method = -1;
static int hf_x509_access_location = -1;
static gint ett_x509_undecoded_value = -1;

static const value_string crl_source_vals[] = {
    { 0, "dpn" },
    { 1, "issuer" },
    { 0, NULL }
};

static const value_string dpn_vals[] = {
    { 0, "fullName" },
    { 1, "nameRelativeToCRLIssuer" },
    { 0, NULL }
};

/* ------------------------------------------------------------------------
 * Protection-algorithm parameters
 *
 * While the header's protectionAlg is read (ctx->in_protection_alg), the
 * one-way function, MAC and iteration count are copied into the message
 * summary: the transaction checks warn about weak protection from them.
 */
typedef enum { PBM_OWF, PBM_MAC } pbm_slot_t;

static void
pbm_record_oid(asn1_ctx_t *actx, pbm_slot_t slot)
{
    pkixcmp_ctx_t *ctx = pkixcmp_ctx(actx);
    const char *oid = actx->external.direct_reference;

    if (!ctx || !ctx->in_protection_alg || !oid)
        return;
    if (slot == PBM_OWF)
        ctx->summary->pbm_owf = wmem_strdup(actx->pinfo->pool, oid);
    else
        ctx->summary->pbm_mac = wmem_strdup(actx->pinfo->pool, oid);
}

/* iterationCount: an INTEGER of any size.  One too large for 64 bits
 * counts as the largest (or, negative, the smallest) that fits, and the
 * smallest 64-bit value as the one above it: PKIXCMP_PBM_ITERATIONS_UNKNOWN
 * stands for "not read". */
static int
dissect_iteration_count(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    pkixcmp_ctx_t *ctx = pkixcmp_ctx(actx);
    gint64 count = PKIXCMP_PBM_ITERATIONS_UNKNOWN;
    gint8 ber_class;
    ber_bool_t pc, ind;
    gint32 tag;
    guint32 len = 0;
    int content = get_ber_length(tvb, get_ber_identifier(tvb, offset, &ber_class, &pc, &tag), &len, &ind);

    offset = dissect_ber_integer64(implicit_tag, actx, tree, tvb, offset, hf_index, &count);
    if (len > 8)
        count = tvb_get_uint8(tvb, content) & 0x80 ? G_MININT64 + 1 : G_MAXINT64;
    else if (count == PKIXCMP_PBM_ITERATIONS_UNKNOWN)
        count++;
    if (ctx && ctx->in_protection_alg)
        ctx->summary->pbm_iterations = count;
    return offset;
}

/* AlgorithmIdentifiers whose OID gets a field of its own (pkixcmp.pbm.owf,
 * ...), so that filters can name them; parameters as usual. */
static const ber_sequence_t owf_sequence[] = {
    { &hf_pbm_owf, BER_CLASS_UNI, BER_UNI_TAG_OID, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_algorithm_oid },
    { &hf_pkixcmp_algorithm_params, BER_CLASS_ANY, 0, BER_FLAGS_OPTIONAL | BER_FLAGS_NOOWNTAG, pkixcmp_dissect_algorithm_params },
    { NULL, 0, 0, 0, NULL }
};

static const ber_sequence_t mac_sequence[] = {
    { &hf_pbm_mac, BER_CLASS_UNI, BER_UNI_TAG_OID, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_algorithm_oid },
    { &hf_pkixcmp_algorithm_params, BER_CLASS_ANY, 0, BER_FLAGS_OPTIONAL | BER_FLAGS_NOOWNTAG, pkixcmp_dissect_algorithm_params },
    { NULL, 0, 0, 0, NULL }
};

static const ber_sequence_t prf_sequence[] = {
    { &hf_pbm_prf, BER_CLASS_UNI, BER_UNI_TAG_OID, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_algorithm_oid },
    { &hf_pkixcmp_algorithm_params, BER_CLASS_ANY, 0, BER_FLAGS_OPTIONAL | BER_FLAGS_NOOWNTAG, pkixcmp_dissect_algorithm_params },
    { NULL, 0, 0, 0, NULL }
};

static const ber_sequence_t kdf_sequence[] = {
    { &hf_pbm_kdf, BER_CLASS_UNI, BER_UNI_TAG_OID, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_algorithm_oid },
    { &hf_pkixcmp_algorithm_params, BER_CLASS_ANY, 0, BER_FLAGS_OPTIONAL | BER_FLAGS_NOOWNTAG, pkixcmp_dissect_algorithm_params },
    { NULL, 0, 0, 0, NULL }
};

/* owf AlgorithmIdentifier (PBM, DHBM); also the PRF of PBKDF2, which plays
 * the same part for PBMAC1. */
static int
dissect_owf(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index _U_)
{
    offset = pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, owf_sequence,
                                      hf_pkixcmp_algorithm, ett_pkixcmp_algorithm, "AlgorithmIdentifier");
    pbm_record_oid(actx, PBM_OWF);
    return offset;
}

static int
dissect_mac(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index _U_)
{
    offset = pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, mac_sequence,
                                      hf_pkixcmp_algorithm, ett_pkixcmp_algorithm, "AlgorithmIdentifier");
    pbm_record_oid(actx, PBM_MAC);
    return offset;
}

static int
dissect_prf(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index _U_)
{
    offset = pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, prf_sequence,
                                      hf_pkixcmp_algorithm, ett_pkixcmp_algorithm, "AlgorithmIdentifier");
    pbm_record_oid(actx, PBM_OWF);
    return offset;
}

static int
dissect_kdf(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index _U_)
{
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, kdf_sequence,
                                    hf_pkixcmp_algorithm, ett_pkixcmp_algorithm, "AlgorithmIdentifier");
}

/* PBMParameter ::= SEQUENCE { salt OCTET STRING, owf AlgorithmIdentifier,
 *   iterationCount INTEGER, mac AlgorithmIdentifier } */
static const ber_sequence_t pbm_parameter_sequence[] = {
    { &hf_pbm_salt, BER_CLASS_UNI, BER_UNI_TAG_OCTETSTRING, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_octet_string },
    { &hf_pbm_owf, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, dissect_owf },
    { &hf_pbm_iteration_count, BER_CLASS_UNI, BER_UNI_TAG_INTEGER, BER_FLAGS_NOOWNTAG, dissect_iteration_count },
    { &hf_pbm_mac, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, dissect_mac },
    { NULL, 0, 0, 0, NULL }
};

static int
dissect_pbm_parameter(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, pbm_parameter_sequence,
                                    hf_index, ett_pbm, "PBMParameter");
}

/* DHBMParameter ::= SEQUENCE { owf AlgorithmIdentifier, mac AlgorithmIdentifier } */
static const ber_sequence_t dhbm_parameter_sequence[] = {
    { &hf_pbm_owf, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, dissect_owf },
    { &hf_pbm_mac, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, dissect_mac },
    { NULL, 0, 0, 0, NULL }
};

static int
dissect_dhbm_parameter(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, dhbm_parameter_sequence,
                                    hf_index, ett_pbm, "DHBMParameter");
}

/* PBKDF2-params ::= SEQUENCE { salt CHOICE { specified OCTET STRING,
 *   otherSource AlgorithmIdentifier }, iterationCount INTEGER,
 *   keyLength INTEGER OPTIONAL, prf AlgorithmIdentifier DEFAULT hmacWithSHA1 }
 * (RFC 8018 appendix A.2) */
static const ber_choice_t pbkdf2_salt_choice[] = {
    { 0, &hf_pbm_salt, BER_CLASS_UNI, BER_UNI_TAG_OCTETSTRING, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_octet_string },
    { 1, &hf_pkixcmp_algorithm, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_algorithm_identifier },
    { 0, NULL, 0, 0, 0, NULL }
};

static int
dissect_pbkdf2_salt(ber_implicit_t implicit_tag _U_, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index _U_)
{
    return dissect_ber_choice(actx, tree, tvb, offset, pbkdf2_salt_choice, -1, ett_pbm, NULL);
}

static const ber_sequence_t pbkdf2_params_sequence[] = {
    { &hf_pbm_salt, BER_CLASS_ANY, -1, BER_FLAGS_NOOWNTAG | BER_FLAGS_NOTCHKTAG, dissect_pbkdf2_salt },
    { &hf_pbm_iteration_count, BER_CLASS_UNI, BER_UNI_TAG_INTEGER, BER_FLAGS_NOOWNTAG, dissect_iteration_count },
    { &hf_pbm_key_length, BER_CLASS_UNI, BER_UNI_TAG_INTEGER, BER_FLAGS_OPTIONAL | BER_FLAGS_NOOWNTAG, pkixcmp_dissect_integer },
    { &hf_pbm_prf, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_OPTIONAL | BER_FLAGS_NOOWNTAG, dissect_prf },
    { NULL, 0, 0, 0, NULL }
};

/* Whether the prf is absent is read from the elements themselves
 * (pkixcmp_pbkdf2_has_prf), not from what the decoding reached: a broken
 * keyLength must not pass for the DEFAULT. */
static int
dissect_pbkdf2_params(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    pkixcmp_ctx_t *ctx = pkixcmp_ctx(actx);
    guint avail = (guint)tvb_captured_length_remaining(tvb, offset);

    if (ctx && ctx->in_protection_alg && avail > 0)
        ctx->summary->pbkdf2_prf_absent = !pkixcmp_pbkdf2_has_prf(tvb_get_ptr(tvb, offset, avail), avail);
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, pbkdf2_params_sequence,
                                    hf_index, ett_pbm, "PBKDF2-params");
}

/* PBMAC1-params ::= SEQUENCE { keyDerivationFunc AlgorithmIdentifier
 *   {{PBMAC1-KDFs}}, messageAuthScheme AlgorithmIdentifier {{PBMAC1-MACs}} }
 * (RFC 8018 appendix A.5); the KDF is PBKDF2, whose parameters are
 * registered below. */
static const ber_sequence_t pbmac1_params_sequence[] = {
    { &hf_pbm_kdf, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, dissect_kdf },
    { &hf_pbm_mac, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, dissect_mac },
    { NULL, 0, 0, 0, NULL }
};

static int
dissect_pbmac1_params(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, pbmac1_params_sequence,
                                    hf_index, ett_pbm, "PBMAC1-params");
}

/* KemBMParameter ::= SEQUENCE { kdf AlgorithmIdentifier{KEY-DERIVATION, ...},
 *   kemContext [0] OCTET STRING OPTIONAL, len INTEGER (1..MAX),
 *   mac AlgorithmIdentifier{MAC-ALGORITHM, ...} }  (RFC 9810) */
static const ber_sequence_t kembm_parameter_sequence[] = {
    { &hf_pbm_kdf, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, dissect_kdf },
    { &hf_pbm_kem_context, BER_CLASS_CON, 0, BER_FLAGS_OPTIONAL, pkixcmp_dissect_octet_string },
    { &hf_pbm_len, BER_CLASS_UNI, BER_UNI_TAG_INTEGER, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_integer },
    { &hf_pbm_mac, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, dissect_mac },
    { NULL, 0, 0, 0, NULL }
};

static int
dissect_kembm_parameter(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, kembm_parameter_sequence,
                                    hf_index, ett_pbm, "KemBMParameter");
}

PKIXCMP_OID_DISSECTOR(dissect_pbm_parameter_oid, dissect_pbm_parameter, hf_pbm_parameters)
PKIXCMP_OID_DISSECTOR(dissect_dhbm_parameter_oid, dissect_dhbm_parameter, hf_pbm_dhbm_parameters)
PKIXCMP_OID_DISSECTOR(dissect_pbmac1_params_oid, dissect_pbmac1_params, hf_pbm_pbmac1_parameters)
PKIXCMP_OID_DISSECTOR(dissect_pbkdf2_params_oid, dissect_pbkdf2_params, hf_pbm_pbkdf2_parameters)
PKIXCMP_OID_DISSECTOR(dissect_kembm_parameter_oid, dissect_kembm_parameter, hf_pbm_kembm_parameters)

/* ------------------------------------------------------------------------
 * InfoTypeAndValue values (RFC 9810 appendix A)
 */

/* Runs fn with the certificates it meets recorded as "where". */
static int
with_cert_context(const char *where, ber_callback fn, ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset,
                  asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    pkixcmp_ctx_t *ctx = pkixcmp_ctx(actx);
    const char *saved = ctx ? ctx->cert_context : NULL;

    if (ctx)
        ctx->cert_context = where;
    offset = fn(implicit_tag, tvb, offset, actx, tree, hf_index);
    if (ctx)
        ctx->cert_context = saved;
    return offset;
}

/* caProtEncCert, rootCaCert ::= CMPCertificate */
static int
dissect_ca_prot_enc_cert(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return with_cert_context("caProtEncCert", pkixcmp_dissect_cmp_certificate, implicit_tag, tvb, offset, actx, tree, hf_index);
}

static int
dissect_root_ca_cert(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return with_cert_context("rootCaCert", pkixcmp_dissect_cmp_certificate, implicit_tag, tvb, offset, actx, tree, hf_index);
}

/* caKeyUpdateInfo ::= CAKeyUpdAnnContent; rootCaKeyUpdate ::= RootCaKeyUpdateContent */
static int
dissect_ca_key_update_info(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return with_cert_context("caKeyUpdateInfo", pkixcmp_dissect_ca_key_upd_ann, implicit_tag, tvb, offset, actx, tree, hf_index);
}

static int
dissect_root_ca_key_update(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return with_cert_context("rootCaKeyUpdate", pkixcmp_dissect_root_ca_key_update, implicit_tag, tvb, offset, actx, tree, hf_index);
}

/* signKeyPairTypes, encKeyPairTypes ::= SEQUENCE OF AlgorithmIdentifier */
static const ber_sequence_t algorithms_sequence_of[] = {
    { &hf_pkixcmp_algorithm, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_algorithm_identifier },
};

static int
dissect_algorithms(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return dissect_ber_sequence_of(implicit_tag, actx, tree, tvb, offset, algorithms_sequence_of, hf_index, ett_itav_value);
}

/* unsupportedOIDs ::= SEQUENCE OF OBJECT IDENTIFIER */
static const ber_sequence_t oids_sequence_of[] = {
    { &hf_itav_unsupported_oid, BER_CLASS_UNI, BER_UNI_TAG_OID, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_oid },
};

static int
dissect_unsupported_oids(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return dissect_ber_sequence_of(implicit_tag, actx, tree, tvb, offset, oids_sequence_of, hf_index, ett_itav_value);
}

/* suppLangTags, certProfile ::= SEQUENCE OF UTF8String */
static const ber_sequence_t lang_tags_sequence_of[] = {
    { &hf_itav_lang_tag, BER_CLASS_UNI, BER_UNI_TAG_UTF8String, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_utf8_string },
};

static int
dissect_supp_lang_tags(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return dissect_ber_sequence_of(implicit_tag, actx, tree, tvb, offset, lang_tags_sequence_of, hf_index, ett_itav_value);
}

static const ber_sequence_t cert_profile_sequence_of[] = {
    { &hf_itav_cert_profile_name, BER_CLASS_UNI, BER_UNI_TAG_UTF8String, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_utf8_string },
};

/* Drafts of RFC 9480 (and Siemens' LightweightCmpRa of 2022) sent one
 * profile name, a bare UTF8String: decoded too, with a note. */
static int
dissect_cert_profile(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    if (pkixcmp_element_is(tvb, offset, BER_CLASS_UNI, FALSE, BER_UNI_TAG_UTF8String)) {
        offset = pkixcmp_dissect_utf8_string(implicit_tag, tvb, offset, actx, tree, hf_itav_cert_profile_name);
        expert_add_info(actx->pinfo, actx->created_item, &ei_itav_draft_encoding);
        return offset;
    }
    return pkixcmp_dissect_sequence_of_1_max(implicit_tag, actx, tree, tvb, offset, cert_profile_sequence_of, hf_index,
                                             ett_itav_value, "certProfile");
}

/* certReqTemplate ::= CertReqTemplateContent ::= SEQUENCE {
 *   certTemplate CertTemplate, keySpec Controls OPTIONAL }  (RFC 9480) */
static const ber_sequence_t cert_req_template_sequence[] = {
    { &hf_itav_cert_template, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_cert_template },
    { &hf_itav_key_spec, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_OPTIONAL | BER_FLAGS_NOOWNTAG, pkixcmp_dissect_controls },
    { NULL, 0, 0, 0, NULL }
};

static int
dissect_cert_req_template(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, cert_req_template_sequence,
                                    hf_index, ett_itav_value, "CertReqTemplateContent");
}

/* DistributionPointName ::= CHOICE { fullName [0] GeneralNames,
 *   nameRelativeToCRLIssuer [1] RelativeDistinguishedName }
 * (RFC 5280's module is IMPLICIT TAGS) */
static const ber_choice_t distribution_point_name_choice[] = {
    { 0, &hf_itav_dpn_full_name, BER_CLASS_CON, 0, BER_FLAGS_IMPLTAG, pkixcmp_dissect_general_names },
    { 1, &hf_itav_dpn_relative_name, BER_CLASS_CON, 1, BER_FLAGS_IMPLTAG, pkixcmp_dissect_generic_ber },
    { 0, NULL, 0, 0, 0, NULL }
};

static int
dissect_distribution_point_name(ber_implicit_t implicit_tag _U_, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return dissect_ber_choice(actx, tree, tvb, offset, distribution_point_name_choice, hf_index, ett_itav_value, NULL);
}

/* CRLSource ::= CHOICE { dpn [0] DistributionPointName, issuer [1] GeneralNames } */
static const ber_choice_t crl_source_choice[] = {
    { 0, &hf_itav_crl_source_dpn, BER_CLASS_CON, 0, 0, dissect_distribution_point_name },
    { 1, &hf_itav_crl_source_issuer, BER_CLASS_CON, 1, 0, pkixcmp_dissect_general_names },
    { 0, NULL, 0, 0, 0, NULL }
};

static int
dissect_crl_source(ber_implicit_t implicit_tag _U_, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return dissect_ber_choice(actx, tree, tvb, offset, crl_source_choice, hf_index, ett_itav_value, NULL);
}

/* CRLStatus ::= SEQUENCE { source CRLSource, thisUpdate Time OPTIONAL }
 * (Time is a CHOICE of UTCTime and GeneralizedTime) */
static const ber_sequence_t crl_status_sequence[] = {
    { &hf_itav_crl_source, BER_CLASS_ANY, -1, BER_FLAGS_NOOWNTAG | BER_FLAGS_NOTCHKTAG, dissect_crl_source },
    { &hf_itav_this_update, BER_CLASS_UNI, BER_UNI_TAG_UTCTime, BER_FLAGS_OPTIONAL | BER_FLAGS_NOOWNTAG, pkixcmp_dissect_time },
    { &hf_itav_this_update, BER_CLASS_UNI, BER_UNI_TAG_GeneralizedTime, BER_FLAGS_OPTIONAL | BER_FLAGS_NOOWNTAG, pkixcmp_dissect_time },
    { NULL, 0, 0, 0, NULL }
};

static int
dissect_crl_status(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, crl_status_sequence,
                                    hf_index, ett_itav_value, "CRLStatus");
}

/* crlStatusList ::= SEQUENCE SIZE (1..MAX) OF CRLStatus */
static const ber_sequence_t crl_status_list_sequence_of[] = {
    { &hf_itav_crl_status, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, dissect_crl_status },
};

static int
dissect_crl_status_list(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_sequence_of_1_max(implicit_tag, actx, tree, tvb, offset, crl_status_list_sequence_of, hf_index,
                                             ett_itav_value, "crlStatusList");
}

/* KemCiphertextInfo ::= SEQUENCE { kem AlgorithmIdentifier, ct OCTET STRING }
 * (RFC 9810) */
static const ber_sequence_t kem_ciphertext_info_sequence[] = {
    { &hf_pkixcmp_algorithm, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_algorithm_identifier },
    { &hf_itav_kem_ct, BER_CLASS_UNI, BER_UNI_TAG_OCTETSTRING, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_octet_string },
    { NULL, 0, 0, 0, NULL }
};

static int
dissect_kem_ciphertext_info(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, kem_ciphertext_info_sequence,
                                    hf_index, ett_itav_value, "KemCiphertextInfo");
}

/* origPKIMessage ::= PKIMessages, decoded recursively; the container keeps
 * the nested messages' items apart from the outer ones. */
static int
dissect_orig_pki_message(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_pki_messages(implicit_tag, tvb, offset, actx, tree, hf_index);
}

PKIXCMP_OID_DISSECTOR(dissect_it_ca_prot_enc_cert, dissect_ca_prot_enc_cert, hf_itav_ca_prot_enc_cert)
PKIXCMP_OID_DISSECTOR(dissect_it_sign_key_pair_types, dissect_algorithms, hf_itav_sign_key_pair_types)
PKIXCMP_OID_DISSECTOR(dissect_it_enc_key_pair_types, dissect_algorithms, hf_itav_enc_key_pair_types)
PKIXCMP_OID_DISSECTOR(dissect_it_preferred_symm_alg, pkixcmp_dissect_algorithm_identifier, hf_itav_preferred_symm_alg)
PKIXCMP_OID_DISSECTOR(dissect_it_ca_key_update_info, dissect_ca_key_update_info, hf_itav_ca_key_update_info)
PKIXCMP_OID_DISSECTOR(dissect_it_current_crl, pkixcmp_dissect_certificate_list, hf_itav_current_crl)
PKIXCMP_OID_DISSECTOR(dissect_it_unsupported_oids, dissect_unsupported_oids, hf_itav_unsupported_oids)
PKIXCMP_OID_DISSECTOR(dissect_it_key_pair_param_req, pkixcmp_dissect_oid, hf_itav_key_pair_param_req)
PKIXCMP_OID_DISSECTOR(dissect_it_key_pair_param_rep, pkixcmp_dissect_algorithm_identifier, hf_itav_key_pair_param_rep)
PKIXCMP_OID_DISSECTOR(dissect_it_rev_passphrase, pkixcmp_dissect_encrypted_key, hf_itav_rev_passphrase)
PKIXCMP_OID_DISSECTOR(dissect_it_implicit_confirm, pkixcmp_dissect_null, hf_itav_implicit_confirm)
PKIXCMP_OID_DISSECTOR(dissect_it_confirm_wait_time, pkixcmp_dissect_generalized_time, hf_itav_confirm_wait_time)
PKIXCMP_OID_DISSECTOR(dissect_it_orig_pki_message, dissect_orig_pki_message, hf_itav_orig_pki_message)
PKIXCMP_OID_DISSECTOR(dissect_it_supp_lang_tags, dissect_supp_lang_tags, hf_itav_supp_lang_tags)
PKIXCMP_OID_DISSECTOR(dissect_it_ca_certs, pkixcmp_dissect_cmp_certificates, hf_itav_ca_certs)
PKIXCMP_OID_DISSECTOR(dissect_it_root_ca_key_update, dissect_root_ca_key_update, hf_itav_root_ca_key_update)
PKIXCMP_OID_DISSECTOR(dissect_it_cert_req_template, dissect_cert_req_template, hf_itav_cert_req_template)
PKIXCMP_OID_DISSECTOR(dissect_it_root_ca_cert, dissect_root_ca_cert, hf_itav_root_ca_cert)
PKIXCMP_OID_DISSECTOR(dissect_it_cert_profile, dissect_cert_profile, hf_itav_cert_profile)
PKIXCMP_OID_DISSECTOR(dissect_it_crl_status_list, dissect_crl_status_list, hf_itav_crl_status_list)
PKIXCMP_OID_DISSECTOR(dissect_it_crls, pkixcmp_dissect_crls, hf_itav_crls)
PKIXCMP_OID_DISSECTOR(dissect_it_kem_ciphertext_info, dissect_kem_ciphertext_info, hf_itav_kem_ciphertext_info)

/* ------------------------------------------------------------------------
 * Entrust and cryptlib
 */

/* cryptlib's presence check (1.3.6.1.4.1.3029.3.1.1): the value is NULL
 * or absent.  cryptlib itself writes an empty SET (attribute style):
 * pkixcmp unwraps it, but Wireshark's built-in CMP hands it over as is. */
static int
dissect_cryptlib_presence_check(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    if (pkixcmp_element_is(tvb, offset, BER_CLASS_UNI, FALSE, BER_UNI_TAG_NULL))
        return dissect_ber_null(implicit_tag, actx, tree, tvb, offset, hf_index);
    if (pkixcmp_element_is(tvb, offset, BER_CLASS_UNI, TRUE, BER_UNI_TAG_SET)
            && pkixcmp_element_size(tvb, offset) == 2) {
        proto_tree_add_item(tree, hf_index, tvb, offset, 2, ENC_NA);
        return offset + 2;
    }
    return pkixcmp_show_unexpected(tvb, offset, actx, tree, "cryptlib presence check with a value other than NULL");
}

/* cryptlib's PKIBoot (1.3.6.1.4.1.3029.3.1.2): absent or NULL in the
 * request; in the reply the trusted certificates, SET or SEQUENCE OF
 * Certificate. */
static int
dissect_cryptlib_pkiboot(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    int size, content, end;
    gint8 ber_class;
    ber_bool_t pc, ind;
    gint32 tag;
    guint32 len;
    proto_item *pi;
    proto_tree *sub;

    if (pkixcmp_element_is(tvb, offset, BER_CLASS_UNI, FALSE, BER_UNI_TAG_NULL))
        return dissect_ber_null(implicit_tag, actx, tree, tvb, offset, hf_index);
    if (!pkixcmp_element_is(tvb, offset, BER_CLASS_UNI, TRUE, BER_UNI_TAG_SEQUENCE)
            && !pkixcmp_element_is(tvb, offset, BER_CLASS_UNI, TRUE, BER_UNI_TAG_SET))
        return pkixcmp_show_unexpected(tvb, offset, actx, tree, "cryptlib PKIBoot value is not a list of certificates");

    size = pkixcmp_element_size(tvb, offset);
    end = offset + size;
    pi = proto_tree_add_item(tree, hf_index, tvb, offset, size, ENC_NA);
    sub = proto_item_add_subtree(pi, ett_itav_value);
    content = get_ber_length(tvb, get_ber_identifier(tvb, offset, &ber_class, &pc, &tag), &len, &ind);
    while (content < end) {
        if (pkixcmp_element_is(tvb, content, BER_CLASS_UNI, TRUE, BER_UNI_TAG_SEQUENCE))
            content = with_cert_context("PKIBoot", pkixcmp_dissect_cmp_certificate, FALSE, tvb_new_subset_length(tvb, 0, end),
                                        content, actx, sub, hf_pkixcmp_certificate);
        else
            content = pkixcmp_show_unexpected(tvb_new_subset_length(tvb, 0, end), content, actx, sub,
                                              "cryptlib PKIBoot element is not a certificate");
    }
    return end;
}

/* entrustVersInfo arrives inside certificates, whose extensions
 * Wireshark's x509af decodes (its x509ce knows EntrustVersionInfo):
 * pkixcmp never sees the extension's OID.  This stands in front of x509ce
 * in the BER OID table and notes the OID for the implementation
 * fingerprints (fingerprint.c) when the certificate sits in a PKIMessage;
 * the value is x509ce's to show.  A self-issued certificate does not
 * count: the extension names the software that issued the certificate,
 * and a root's says nothing of the peers (Entrust's public root carries
 * it, and any CA's chain may end there). */
static dissector_handle_t entrust_vers_info_decoder;   /* x509ce's */

static int
note_entrust_vers_info(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *data)
{
    if (pkixcmp_in_message(pinfo)) {
        asn1_ctx_t actx;
        const pkixcmp_ctx_t *ctx;

        pkixcmp_oid_actx_init(&actx, pinfo);
        ctx = pkixcmp_ctx(&actx);
        if (ctx && ctx->certificate
                && !der_certificate_self_issued(tvb_get_ptr(ctx->certificate, 0, -1),
                                                tvb_captured_length(ctx->certificate)))
            pkixcmp_note_oid(&actx, PKIXCMP_OID_ENTRUST_VERS_INFO);
    }
    if (entrust_vers_info_decoder)
        return call_dissector_with_data(entrust_vers_info_decoder, tvb, pinfo, tree, data);
    return pkixcmp_dissect_unknown_ber(pinfo, tvb, tree);
}
PKIXCMP_OID_DISSECTOR(dissect_cryptlib_presence_check_oid, dissect_cryptlib_presence_check, hf_cryptlib_presence_check)
PKIXCMP_OID_DISSECTOR(dissect_cryptlib_pkiboot_oid, dissect_cryptlib_pkiboot, hf_cryptlib_pkiboot)

/* ------------------------------------------------------------------------
 * X.509 attribute values seen in certificates carried by CMP messages,
 * encoded other than Wireshark's own decoders expect.  For these OIDs the
 * value goes to Wireshark's decoder when it has the expected type; else
 * it is shown here as text, with a note when the type is not one the
 * attribute's definition allows.
 *  - uid (RFC 4519) is a DirectoryString; Wireshark accepts UTF8String only
 *    (Siemens' test suite sends a PrintableString one);
 *  - dateOfBirth, countryOfCitizenship (RFC 3739) as OCTET STRINGs in
 *    E-Guven's certificates (pyasn1-alt-modules' RFC 4210 example);
 *  - a private attribute in the subject names of Fortanix DSM's
 *    certificates, a UTF8String, which Wireshark does not know at all.
 */
typedef struct {
    const char *oid;
    gint32 expected_tag;          /* what Wireshark's decoder wants */
    gboolean any_string_ok;       /* a DirectoryString: every string type conforms */
    dissector_handle_t previous;  /* Wireshark's decoder */
} x509_attribute_t;

static x509_attribute_t x509_attributes[] = {
    { "0.9.2342.19200300.100.1.1", BER_UNI_TAG_UTF8String, TRUE, NULL },    /* uid */
    { "1.3.6.1.5.5.7.9.1", BER_UNI_TAG_GeneralizedTime, FALSE, NULL },      /* dateOfBirth */
    { "1.3.6.1.5.5.7.9.3", BER_UNI_TAG_PrintableString, FALSE, NULL },      /* gender */
    { "1.3.6.1.5.5.7.9.4", BER_UNI_TAG_PrintableString, FALSE, NULL },      /* countryOfCitizenship */
    { "1.3.6.1.5.5.7.9.5", BER_UNI_TAG_PrintableString, FALSE, NULL },      /* countryOfResidence */
    { "1.3.6.1.5.5.7.9.2", BER_UNI_TAG_UTF8String, TRUE, NULL },            /* placeOfBirth (RFC 3739) */
    { "1.3.6.1.4.1.49690.1.2.2", BER_UNI_TAG_UTF8String, TRUE, NULL },      /* Fortanix DSM, in subject names */
};

static gboolean
is_string_tag(gint32 tag)
{
    switch (tag) {
    case BER_UNI_TAG_UTF8String: case BER_UNI_TAG_PrintableString: case BER_UNI_TAG_TeletexString:
    case BER_UNI_TAG_IA5String: case BER_UNI_TAG_VisibleString: case BER_UNI_TAG_UniversalString:
    case BER_UNI_TAG_BMPString:
        return TRUE;
    default:
        return FALSE;
    }
}

static int
dissect_x509_attribute(x509_attribute_t *attribute, tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree)
{
    gint8 ber_class;
    ber_bool_t pc, ind;
    gint32 tag;
    guint32 len;
    int content;
    proto_item *pi;

    if (attribute->previous && !pkixcmp_in_message(pinfo))
        return call_dissector(attribute->previous, tvb, pinfo, tree);
    if (tvb_captured_length(tvb) < 2)
        return 0;
    content = get_ber_length(tvb, get_ber_identifier(tvb, 0, &ber_class, &pc, &tag), &len, &ind);
    if (attribute->previous && ber_class == BER_CLASS_UNI && tag == attribute->expected_tag)
        return call_dissector(attribute->previous, tvb, pinfo, tree);
    if (ber_class != BER_CLASS_UNI || pc || ind || (!is_string_tag(tag) && tag != BER_UNI_TAG_OCTETSTRING)) {
        if (attribute->previous)
            return call_dissector(attribute->previous, tvb, pinfo, tree);
        return pkixcmp_dissect_unknown_ber(pinfo, tvb, tree);
    }
    len = MIN(len, (guint32)tvb_reported_length_remaining(tvb, content));
    pi = proto_tree_add_item(tree, hf_x509_attribute_value, tvb, content, len,
                             tag == BER_UNI_TAG_BMPString ? ENC_UCS_2 | ENC_BIG_ENDIAN
                             : tag == BER_UNI_TAG_UniversalString ? ENC_UCS_4 | ENC_BIG_ENDIAN
                             : tag == BER_UNI_TAG_UTF8String ? ENC_UTF_8 : ENC_ASCII);
    if (!(attribute->any_string_ok && is_string_tag(tag)))
        expert_add_info_format(pinfo, pi, &ei_x509_attribute_encoding,
                               "Attribute %s encoded as %s, not as its definition says",
                               attribute->oid, tag == BER_UNI_TAG_OCTETSTRING ? "an OCTET STRING" : "another string type");
    return content + (int)len;
}

#define X509_ATTRIBUTE_DISSECTOR(n) \
    static int dissect_x509_attribute_##n(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *data _U_) \
    { \
        return dissect_x509_attribute(&x509_attributes[n], tvb, pinfo, tree); \
    }
X509_ATTRIBUTE_DISSECTOR(0)
X509_ATTRIBUTE_DISSECTOR(1)
X509_ATTRIBUTE_DISSECTOR(2)
X509_ATTRIBUTE_DISSECTOR(3)
X509_ATTRIBUTE_DISSECTOR(4)
X509_ATTRIBUTE_DISSECTOR(5)
X509_ATTRIBUTE_DISSECTOR(6)

static const dissector_t x509_attribute_dissectors[G_N_ELEMENTS(x509_attributes)] = {
    dissect_x509_attribute_0, dissect_x509_attribute_1, dissect_x509_attribute_2,
    dissect_x509_attribute_3, dissect_x509_attribute_4, dissect_x509_attribute_5,
    dissect_x509_attribute_6,
};

/* Certificate extensions and qualified-certificate statements that
 * Wireshark's X.509 decoders do not know, seen in certificates that real
 * CAs sent over CMP.  Their values are shown raw under their names, with a
 * note, where BER would warn that a dissector is missing. */
static const struct {
    const char *oid;
    const char *name;
} x509_undecoded_oids[] = {
    { "0.4.0.1862.1.1", "etsi-qcs-QcCompliance" },          /* ETSI EN 319 412-5 */
    { "0.4.0.1862.1.3", "etsi-qcs-QcRetentionPeriod" },
    { "0.4.0.1862.1.4", "etsi-qcs-QcSSCD" },
    { "0.4.0.1862.1.5", "etsi-qcs-QcPDS" },
    { "0.4.0.1862.1.6", "etsi-qcs-QcType" },
    { "2.16.792.1.61.0.1.5070.1.1", "Turkish qualified certificate statement" },
    { "1.2.156.10260.4.1.1", "GM/T 0015 identityCode" },   /* Chinese national extensions */
    { "1.2.156.10260.4.1.2", "GM/T 0015 insuranceNumber" },
    { "1.2.156.10260.4.1.3", "GM/T 0015 icRegistrationNumber" },
    { "1.2.156.10260.4.1.4", "GM/T 0015 organizationCode" },
    { "1.2.156.10260.4.1.5", "GM/T 0015 taxationNumber" },
    { "1.3.6.1.4.1.49690.2.2.3", "Fortanix private extension" },
};

/* Two RFC 5280 extensions Wireshark 4.0's x509ce lacks; registered only
 * where Wireshark has no decoder of its own. */
static const ber_sequence_t access_description_sequence[] = {
    { &hf_x509_access_method, BER_CLASS_UNI, BER_UNI_TAG_OID, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_oid },
    { &hf_x509_access_location, BER_CLASS_ANY, -1, BER_FLAGS_NOOWNTAG | BER_FLAGS_NOTCHKTAG, pkixcmp_dissect_general_name },
    { NULL, 0, 0, 0, NULL }
};

static int
dissect_access_description(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, access_description_sequence,
                                    hf_index, ett_x509_undecoded_value, "AccessDescription");
}

/* SubjectInfoAccessSyntax ::= SEQUENCE SIZE (1..MAX) OF AccessDescription */
static const ber_sequence_t subject_info_access_sequence_of[] = {
    { &hf_x509_access_description, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, dissect_access_description },
};

static int
dissect_subject_info_access(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return dissect_ber_sequence_of(implicit_tag, actx, tree, tvb, offset, subject_info_access_sequence_of,
                                   hf_index, ett_x509_undecoded_value);
}

PKIXCMP_OID_DISSECTOR(dissect_issuer_alt_name_oid, pkixcmp_dissect_general_names, hf_x509_issuer_alt_name)
PKIXCMP_OID_DISSECTOR(dissect_subject_info_access_oid, dissect_subject_info_access, hf_x509_subject_info_access)

static int
dissect_x509_undecoded_value(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *data _U_)
{
    proto_item *pi = proto_tree_add_item(tree, hf_x509_undecoded_value, tvb, 0, -1, ENC_NA);

    expert_add_info(pinfo, pi, &ei_x509_undecoded_value);
    pkixcmp_dissect_unknown_ber(pinfo, tvb, proto_item_add_subtree(pi, ett_x509_undecoded_value));
    return MAX(tvb_captured_length(tvb), 1);
}

/* ------------------------------------------------------------------------
 * Registration
 */
void
pkixcmp_itav_register(int proto)
{
    static hf_register_info hf[] = {
        /* Protection-algorithm parameters */
        { &hf_pbm_parameters,
          { "PasswordBasedMac parameters", "pkixcmp.pbm.parameters", FT_NONE, BASE_NONE, NULL, 0, "PBMParameter", HFILL } },
        { &hf_pbm_dhbm_parameters,
          { "DHBasedMac parameters", "pkixcmp.pbm.dhbm_parameters", FT_NONE, BASE_NONE, NULL, 0, "DHBMParameter", HFILL } },
        { &hf_pbm_pbmac1_parameters,
          { "PBMAC1 parameters", "pkixcmp.pbm.pbmac1_parameters", FT_NONE, BASE_NONE, NULL, 0, "PBMAC1-params (RFC 8018)", HFILL } },
        { &hf_pbm_pbkdf2_parameters,
          { "PBKDF2 parameters", "pkixcmp.pbm.pbkdf2_parameters", FT_NONE, BASE_NONE, NULL, 0, "PBKDF2-params (RFC 8018)", HFILL } },
        { &hf_pbm_kembm_parameters,
          { "KEMBasedMac parameters", "pkixcmp.pbm.kembm_parameters", FT_NONE, BASE_NONE, NULL, 0, "KemBMParameter (RFC 9810)", HFILL } },
        { &hf_pbm_salt,
          { "Salt", "pkixcmp.pbm.salt", FT_BYTES, BASE_NONE, NULL, 0, NULL, HFILL } },
        { &hf_pbm_owf,
          { "One-way function", "pkixcmp.pbm.owf", FT_OID, BASE_NONE, NULL, 0, "owf AlgorithmIdentifier's OID", HFILL } },
        { &hf_pbm_iteration_count,
          { "Iteration count", "pkixcmp.pbm.iteration_count", FT_INT64, BASE_DEC, NULL, 0, NULL, HFILL } },
        { &hf_pbm_mac,
          { "MAC algorithm", "pkixcmp.pbm.mac", FT_OID, BASE_NONE, NULL, 0, "mac or messageAuthScheme AlgorithmIdentifier's OID", HFILL } },
        { &hf_pbm_kdf,
          { "Key derivation function", "pkixcmp.pbm.kdf", FT_OID, BASE_NONE, NULL, 0, "kdf or keyDerivationFunc AlgorithmIdentifier's OID", HFILL } },
        { &hf_pbm_key_length,
          { "Key length", "pkixcmp.pbm.key_length", FT_INT32, BASE_DEC, NULL, 0, "PBKDF2 keyLength", HFILL } },
        { &hf_pbm_prf,
          { "Pseudo-random function", "pkixcmp.pbm.prf", FT_OID, BASE_NONE, NULL, 0, "PBKDF2 prf AlgorithmIdentifier's OID", HFILL } },
        { &hf_pbm_kem_context,
          { "KEM context", "pkixcmp.pbm.kem_context", FT_BYTES, BASE_NONE, NULL, 0, NULL, HFILL } },
        { &hf_pbm_len,
          { "Key length", "pkixcmp.pbm.len", FT_INT32, BASE_DEC, NULL, 0, "KemBMParameter len", HFILL } },
        /* InfoTypeAndValue values */
        { &hf_itav_ca_prot_enc_cert,
          { "CA protocol encryption certificate", "pkixcmp.itav.ca_prot_enc_cert", FT_NONE, BASE_NONE, NULL, 0,
            "id-it-caProtEncCert: the CA's protocol encryption certificate", HFILL } },
        { &hf_itav_sign_key_pair_types,
          { "Signing key pair types", "pkixcmp.itav.sign_key_pair_types", FT_UINT32, BASE_DEC, NULL, 0, "Number of algorithms", HFILL } },
        { &hf_itav_enc_key_pair_types,
          { "Encryption key pair types", "pkixcmp.itav.enc_key_pair_types", FT_UINT32, BASE_DEC, NULL, 0, "Number of algorithms", HFILL } },
        { &hf_itav_preferred_symm_alg,
          { "Preferred symmetric algorithm", "pkixcmp.itav.preferred_symm_alg", FT_NONE, BASE_NONE, NULL, 0,
            "id-it-preferredSymmAlg: the CA's preferred symmetric algorithm", HFILL } },
        { &hf_itav_ca_key_update_info,
          { "CA key update info", "pkixcmp.itav.ca_key_update_info", FT_NONE, BASE_NONE, NULL, 0, "CAKeyUpdAnnContent", HFILL } },
        { &hf_itav_current_crl,
          { "Current CRL", "pkixcmp.itav.current_crl", FT_NONE, BASE_NONE, NULL, 0,
            "id-it-currentCRL: the CA's current CRL", HFILL } },
        { &hf_itav_unsupported_oids,
          { "Unsupported OIDs", "pkixcmp.itav.unsupported_oids", FT_UINT32, BASE_DEC, NULL, 0, "Number of OIDs", HFILL } },
        { &hf_itav_unsupported_oid,
          { "Unsupported OID", "pkixcmp.itav.unsupported_oid", FT_OID, BASE_NONE, NULL, 0, NULL, HFILL } },
        { &hf_itav_key_pair_param_req,
          { "Key pair parameters requested", "pkixcmp.itav.key_pair_param_req", FT_OID, BASE_NONE, NULL, 0, NULL, HFILL } },
        { &hf_itav_key_pair_param_rep,
          { "Key pair parameters", "pkixcmp.itav.key_pair_param_rep", FT_NONE, BASE_NONE, NULL, 0,
            "id-it-keyPairParamRep: the parameters of the asked key pair type", HFILL } },
        { &hf_itav_rev_passphrase,
          { "Revocation passphrase", "pkixcmp.itav.rev_passphrase", FT_NONE, BASE_NONE, NULL, 0, "EncryptedKey", HFILL } },
        { &hf_itav_implicit_confirm,
          { "Implicit confirm", "pkixcmp.itav.implicit_confirm", FT_NONE, BASE_NONE, NULL, 0,
            "id-it-implicitConfirm: certConf not needed (its value is NULL)", HFILL } },
        { &hf_itav_confirm_wait_time,
          { "Confirm wait time", "pkixcmp.itav.confirm_wait_time", FT_ABSOLUTE_TIME, ABSOLUTE_TIME_UTC, NULL, 0, NULL, HFILL } },
        { &hf_itav_orig_pki_message,
          { "Original PKIMessages", "pkixcmp.itav.orig_pki_message", FT_UINT32, BASE_DEC, NULL, 0, "Number of messages", HFILL } },
        { &hf_itav_supp_lang_tags,
          { "Supported language tags", "pkixcmp.itav.supp_lang_tags", FT_UINT32, BASE_DEC, NULL, 0, "Number of tags", HFILL } },
        { &hf_itav_lang_tag,
          { "Language tag", "pkixcmp.itav.lang_tag", FT_STRING, BASE_NONE, NULL, 0, NULL, HFILL } },
        { &hf_itav_ca_certs,
          { "CA certificates", "pkixcmp.itav.ca_certs", FT_UINT32, BASE_DEC, NULL, 0, "Number of certificates", HFILL } },
        { &hf_itav_root_ca_key_update,
          { "Root CA key update", "pkixcmp.itav.root_ca_key_update", FT_NONE, BASE_NONE, NULL, 0, "RootCaKeyUpdateContent", HFILL } },
        { &hf_itav_cert_req_template,
          { "Certificate request template", "pkixcmp.itav.cert_req_template", FT_NONE, BASE_NONE, NULL, 0, "CertReqTemplateContent", HFILL } },
        { &hf_itav_cert_template,
          { "Certificate template", "pkixcmp.itav.cert_template", FT_NONE, BASE_NONE, NULL, 0, "CertTemplate", HFILL } },
        { &hf_itav_key_spec,
          { "Key specification", "pkixcmp.itav.key_spec", FT_UINT32, BASE_DEC, NULL, 0, "keySpec: number of controls", HFILL } },
        { &hf_itav_root_ca_cert,
          { "Root CA certificate", "pkixcmp.itav.root_ca_cert", FT_NONE, BASE_NONE, NULL, 0,
            "id-it-rootCaCert: the root CA certificate to update (RFC 9480)", HFILL } },
        { &hf_itav_cert_profile,
          { "Certificate profiles", "pkixcmp.itav.cert_profile", FT_UINT32, BASE_DEC, NULL, 0, "Number of profile names", HFILL } },
        { &hf_itav_cert_profile_name,
          { "Certificate profile", "pkixcmp.itav.cert_profile_name", FT_STRING, BASE_NONE, NULL, 0, NULL, HFILL } },
        { &hf_itav_crl_status_list,
          { "CRL status list", "pkixcmp.itav.crl_status_list", FT_UINT32, BASE_DEC, NULL, 0, "Number of CRLStatus", HFILL } },
        { &hf_itav_crl_status,
          { "CRL status", "pkixcmp.itav.crl_status", FT_NONE, BASE_NONE, NULL, 0, "CRLStatus", HFILL } },
        { &hf_itav_crl_source,
          { "CRL source", "pkixcmp.itav.crl_source", FT_UINT32, BASE_DEC, VALS(crl_source_vals), 0, "CRLSource", HFILL } },
        { &hf_itav_crl_source_dpn,
          { "Distribution point name", "pkixcmp.itav.crl_source.dpn", FT_UINT32, BASE_DEC, VALS(dpn_vals), 0, NULL, HFILL } },
        { &hf_itav_crl_source_issuer,
          { "Issuer", "pkixcmp.itav.crl_source.issuer", FT_UINT32, BASE_DEC, NULL, 0, "Number of GeneralNames", HFILL } },
        { &hf_itav_dpn_full_name,
          { "Full name", "pkixcmp.itav.crl_source.full_name", FT_UINT32, BASE_DEC, NULL, 0, "Number of GeneralNames", HFILL } },
        { &hf_itav_dpn_relative_name,
          { "Name relative to CRL issuer", "pkixcmp.itav.crl_source.relative_name", FT_NONE, BASE_NONE, NULL, 0,
            "DistributionPointName nameRelativeToCRLIssuer of a CRLSource", HFILL } },
        { &hf_itav_this_update,
          { "This update", "pkixcmp.itav.this_update", FT_ABSOLUTE_TIME, ABSOLUTE_TIME_UTC, NULL, 0, "Time", HFILL } },
        { &hf_itav_crls,
          { "CRLs", "pkixcmp.itav.crls", FT_UINT32, BASE_DEC, NULL, 0, "Number of CRLs", HFILL } },
        { &hf_itav_kem_ciphertext_info,
          { "KEM ciphertext info", "pkixcmp.itav.kem_ciphertext_info", FT_NONE, BASE_NONE, NULL, 0, "KemCiphertextInfo (RFC 9810)", HFILL } },
        { &hf_itav_kem_ct,
          { "KEM ciphertext", "pkixcmp.itav.kem_ct", FT_BYTES, BASE_NONE, NULL, 0, NULL, HFILL } },
        /* cryptlib */
        { &hf_cryptlib_presence_check,
          { "cryptlib presence check", "pkixcmp.cryptlib.presence_check", FT_NONE, BASE_NONE, NULL, 0,
            "cryptlib's presence-check infoType (1.3.6.1.4.1.3029.3.1.1)", HFILL } },
        { &hf_cryptlib_pkiboot,
          { "cryptlib PKIBoot", "pkixcmp.cryptlib.pkiboot", FT_NONE, BASE_NONE, NULL, 0,
            "cryptlib's PKIBoot infoType (1.3.6.1.4.1.3029.3.1.2)", HFILL } },
        { &hf_x509_issuer_alt_name,
          { "Issuer alternative names", "pkixcmp.x509.issuer_alt_name", FT_UINT32, BASE_DEC, NULL, 0,
            "issuerAltName (RFC 5280): number of GeneralNames", HFILL } },
        { &hf_x509_subject_info_access,
          { "Subject information access", "pkixcmp.x509.subject_info_access", FT_UINT32, BASE_DEC, NULL, 0,
            "subjectInfoAccess (RFC 5280): number of AccessDescriptions", HFILL } },
        { &hf_x509_access_description,
          { "Access description", "pkixcmp.x509.access_description", FT_NONE, BASE_NONE, NULL, 0,
            "AccessDescription", HFILL } },
        { &hf_x509_access_method,
          { "Access method", "pkixcmp.x509.access_method", FT_OID, BASE_NONE, NULL, 0, NULL, HFILL } },
        { &hf_x509_access_location,
          { "Access location", "pkixcmp.x509.access_location", FT_STRING, BASE_NONE, NULL, 0,
            "The GeneralName, as text", HFILL } },
        { &hf_x509_undecoded_value,
          { "Value", "pkixcmp.x509.undecoded_value", FT_BYTES, BASE_NONE, NULL, 0,
            "Value of a certificate extension or statement no Wireshark decoder knows, shown raw", HFILL } },
        { &hf_x509_attribute_value,
          { "Attribute value", "pkixcmp.x509.attribute_value", FT_STRING, BASE_NONE, NULL, 0,
            "An X.509 attribute value Wireshark's own decoder does not accept, as text", HFILL } },
    };

    static gint *ett[] = {
        &ett_pbm,
        &ett_itav_value,
        &ett_x509_undecoded_value,
    };

    static ei_register_info ei[] = {
        { &ei_x509_undecoded_value,
          { "pkixcmp.x509.undecoded", PI_UNDECODED, PI_NOTE,
            "Certificate extension or statement not decoded: its value is shown raw", EXPFILL } },
        { &ei_itav_draft_encoding,
          { "pkixcmp.itav.draft_encoding", PI_PROTOCOL, PI_NOTE,
            "certProfile as one UTF8String, as drafts of RFC 9480 had it: the RFC defines "
            "SEQUENCE SIZE (1..MAX) OF UTF8String", EXPFILL } },
        { &ei_x509_attribute_encoding,
          { "pkixcmp.x509.attribute_encoding", PI_PROTOCOL, PI_NOTE,
            "X.509 attribute value encoded other than its definition says", EXPFILL } },
    };

    expert_module_t *expert = expert_register_protocol(proto);

    proto_register_field_array(proto, hf, array_length(hf));
    proto_register_subtree_array(ett, array_length(ett));
    expert_register_field_array(expert, ei, array_length(ei));
}

/* Puts dissector in front of the decoder Wireshark's BER OID table holds
 * for oid, and returns that decoder (NULL when there is none).  In front of
 * one of Wireshark's, the handle belongs to no protocol, so that switching
 * pkixcmp off leaves X.509 as Wireshark has it; where Wireshark has none,
 * it belongs to pkixcmp and goes with it. */
static dissector_handle_t
stand_in_front(dissector_table_t ber_oids, const char *oid, dissector_t dissector, int proto)
{
    dissector_handle_t previous = ber_oids ? dissector_get_string_handle(ber_oids, oid) : NULL;

    dissector_add_string("ber.oid", oid, create_dissector_handle(dissector, previous ? -1 : proto));
    return previous;
}

void
pkixcmp_itav_handoff(int proto)
{
    static const struct {
        const char *oid;
        dissector_t dissector;
        const char *name;
    } values[] = {
        /* Protection-algorithm parameters */
        { PKIXCMP_OID_PASSWORD_BASED_MAC, dissect_pbm_parameter_oid, "PasswordBasedMac" },
        { PKIXCMP_OID_DH_BASED_MAC, dissect_dhbm_parameter_oid, "DHBasedMac" },
        { PKIXCMP_OID_PBMAC1, dissect_pbmac1_params_oid, "PBMAC1" },
        { PKIXCMP_OID_PBKDF2, dissect_pbkdf2_params_oid, "id-PBKDF2" },
        { PKIXCMP_OID_KEM_BASED_MAC, dissect_kembm_parameter_oid, "KEMBasedMac" },
        /* id-it, 1.3.6.1.5.5.7.4.N */
        { "1.3.6.1.5.5.7.4.1",  dissect_it_ca_prot_enc_cert, "id-it-caProtEncCert" },
        { "1.3.6.1.5.5.7.4.2",  dissect_it_sign_key_pair_types, "id-it-signKeyPairTypes" },
        { "1.3.6.1.5.5.7.4.3",  dissect_it_enc_key_pair_types, "id-it-encKeyPairTypes" },
        { "1.3.6.1.5.5.7.4.4",  dissect_it_preferred_symm_alg, "id-it-preferredSymmAlg" },
        { "1.3.6.1.5.5.7.4.5",  dissect_it_ca_key_update_info, "id-it-caKeyUpdateInfo" },
        { "1.3.6.1.5.5.7.4.6",  dissect_it_current_crl, "id-it-currentCRL" },
        { "1.3.6.1.5.5.7.4.7",  dissect_it_unsupported_oids, "id-it-unsupportedOIDs" },
        { "1.3.6.1.5.5.7.4.10", dissect_it_key_pair_param_req, "id-it-keyPairParamReq" },
        { "1.3.6.1.5.5.7.4.11", dissect_it_key_pair_param_rep, "id-it-keyPairParamRep" },
        { "1.3.6.1.5.5.7.4.12", dissect_it_rev_passphrase, "id-it-revPassphrase" },
        { PKIXCMP_OID_IT_IMPLICIT_CONFIRM, dissect_it_implicit_confirm, "id-it-implicitConfirm" },
        { "1.3.6.1.5.5.7.4.14", dissect_it_confirm_wait_time, "id-it-confirmWaitTime" },
        { "1.3.6.1.5.5.7.4.15", dissect_it_orig_pki_message, "id-it-origPKIMessage" },
        { "1.3.6.1.5.5.7.4.16", dissect_it_supp_lang_tags, "id-it-suppLangTags" },
        { "1.3.6.1.5.5.7.4.17", dissect_it_ca_certs, "id-it-caCerts" },
        { "1.3.6.1.5.5.7.4.18", dissect_it_root_ca_key_update, "id-it-rootCaKeyUpdate" },
        { "1.3.6.1.5.5.7.4.19", dissect_it_cert_req_template, "id-it-certReqTemplate" },
        { "1.3.6.1.5.5.7.4.20", dissect_it_root_ca_cert, "id-it-rootCaCert" },
        { "1.3.6.1.5.5.7.4.21", dissect_it_cert_profile, "id-it-certProfile" },
        { "1.3.6.1.5.5.7.4.22", dissect_it_crl_status_list, "id-it-crlStatusList" },
        { "1.3.6.1.5.5.7.4.23", dissect_it_crls, "id-it-crls" },
        { "1.3.6.1.5.5.7.4.24", dissect_it_kem_ciphertext_info, "id-it-KemCiphertextInfo" },
        /* cryptlib's generalInfo */
        { "1.3.6.1.4.1.3029.3.1.1", dissect_cryptlib_presence_check_oid, "cryptlib presence check" },
        { "1.3.6.1.4.1.3029.3.1.2", dissect_cryptlib_pkiboot_oid, "cryptlib PKIBoot" },
    };

    dissector_table_t ber_oids = find_dissector_table("ber.oid");

    for (gsize i = 0; i < G_N_ELEMENTS(values); i++)
        pkixcmp_register_oid_dissector(values[i].oid, values[i].dissector, proto, values[i].name);
    /* Values inside certificates, which Wireshark's x509af decodes: of use
     * only where Wireshark has no decoder of its own. */
    pkixcmp_register_oid_dissector("2.5.29.18", dissect_issuer_alt_name_oid, proto, "id-ce-issuerAltName");
    pkixcmp_register_oid_dissector("1.3.6.1.5.5.7.1.11", dissect_subject_info_access_oid, proto, "id-pe-subjectInfoAccess");
    for (gsize i = 0; i < G_N_ELEMENTS(x509_undecoded_oids); i++)
        pkixcmp_register_oid_dissector(x509_undecoded_oids[i].oid, dissect_x509_undecoded_value, proto,
                                       x509_undecoded_oids[i].name);

    /* The attributes of names, which Wireshark's x509if decodes through the
     * BER OID table: these decoders stand in front of Wireshark's and hand
     * it every value outside a PKIMessage, and inside one every value of
     * the type it expects.  entrustVersInfo's stands in front of x509ce's
     * alike. */
    for (gsize i = 0; i < G_N_ELEMENTS(x509_attributes); i++)
        x509_attributes[i].previous = stand_in_front(ber_oids, x509_attributes[i].oid, x509_attribute_dissectors[i],
                                                     proto);
    entrust_vers_info_decoder = stand_in_front(ber_oids, PKIXCMP_OID_ENTRUST_VERS_INFO, note_entrust_vers_info, proto);
}
