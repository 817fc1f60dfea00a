/* pkixcmp-crmf.c - the Certificate Request Message Format inside CMP
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * RFC 4211 (CRMF) with RFC 9480's changes (EncryptedKey, the algId and
 * rsaKeyLen controls).  https://www.rfc-editor.org/rfc/rfc4211
 *
 * Wireshark 4.0 has a CRMF dissector but registers no BER syntax for
 * CertReqMessages, EncryptedValue or PKIPublicationInfo, so the types CMP
 * needs are decoded here, one ber_sequence_t/ber_choice_t table per ASN.1
 * type.  The module is IMPLICIT TAGS: a tagged field is BER_FLAGS_IMPLTAG
 * unless its type is a CHOICE (or ANY), whose tag X.680 makes explicit.
 * Certificates, names and CMS structures still go to Wireshark's x509af,
 * x509if and cms dissectors.
 *
 * The control and regInfo values are registered in the BER OID table so
 * that they are decoded wherever they appear (CertRequest controls,
 * regInfo, RFC 9480's certReqTemplate keySpec).
 */
#include <wireshark.h>

#include <epan/packet.h>
#include <epan/expert.h>
#include <epan/oids.h>
#include <epan/asn1.h>
#include <epan/dissectors/packet-ber.h>

#include "pkixcmp-asn1.h"
#include "pkixcmp-oids.h"

/* CertReqMessages */
static int hf_crmf_cert_req_msg = -1;
static int hf_crmf_cert_req = -1;
static int hf_crmf_cert_template = -1;
static int hf_crmf_controls = -1;
static int hf_crmf_control = -1;
static int hf_crmf_control_type = -1;
static int hf_crmf_reg_info = -1;
static int hf_crmf_reg_info_item = -1;
static int hf_crmf_reg_info_type = -1;
/* ProofOfPossession */
static int hf_crmf_popo = -1;
static int hf_crmf_popo_ra_verified = -1;
static int hf_crmf_popo_signature = -1;
static int hf_crmf_popo_key_encipherment = -1;
static int hf_crmf_popo_key_agreement = -1;
static int hf_crmf_poposk_input = -1;
static int hf_crmf_poposk_sender = -1;
static int hf_crmf_poposk_public_key_mac = -1;
static int hf_crmf_poposk_public_key = -1;
static int hf_crmf_popo_signature_value = -1;
static int hf_crmf_popo_this_message = -1;
static int hf_crmf_popo_subsequent_message = -1;
static int hf_crmf_popo_dh_mac = -1;
static int hf_crmf_popo_agree_mac = -1;
static int hf_crmf_popo_encrypted_key = -1;
static int hf_crmf_pkmac_value = -1;
/* EncryptedValue */
static int hf_crmf_intended_alg = -1;
static int hf_crmf_symm_alg = -1;
static int hf_crmf_enc_symm_key = -1;
static int hf_crmf_key_alg = -1;
static int hf_crmf_value_hint = -1;
static int hf_crmf_enc_value = -1;
/* PKIPublicationInfo */
static int hf_crmf_pki_publication_info = -1;
static int hf_crmf_pub_action = -1;
static int hf_crmf_pub_infos = -1;
static int hf_crmf_single_pub_info = -1;
static int hf_crmf_pub_method = -1;
static int hf_crmf_pub_location = -1;
/* Control and regInfo values */
static int hf_crmf_reg_token = -1;
static int hf_crmf_authenticator = -1;
static int hf_crmf_pki_archive_options = -1;
static int hf_crmf_encrypted_priv_key = -1;
static int hf_crmf_key_gen_parameters = -1;
static int hf_crmf_archive_rem_gen_priv_key = -1;
static int hf_crmf_old_cert_id = -1;
static int hf_crmf_protocol_encr_key = -1;
static int hf_crmf_alg_id = -1;
static int hf_crmf_rsa_key_len = -1;
static int hf_crmf_alt_cert_template = -1;
static int hf_crmf_alt_cert_template_type = -1;
static int hf_crmf_utf8_pairs = -1;
static int hf_crmf_reg_info_cert_req = -1;

static gint ett_crmf = -1;
static gint ett_crmf_popo = -1;
static gint ett_crmf_attribute = -1;

static expert_field ei_crmf_string_type = EI_INIT;

static const value_string crmf_popo_vals[] = {
    { 0, "raVerified" },
    { 1, "signature" },
    { 2, "keyEncipherment" },
    { 3, "keyAgreement" },
    { 0, NULL }
};

static const value_string crmf_popo_priv_key_vals[] = {
    { 0, "thisMessage" },
    { 1, "subsequentMessage" },
    { 2, "dhMAC" },
    { 3, "agreeMAC" },
    { 4, "encryptedKey" },
    { 0, NULL }
};

static const value_string crmf_subsequent_message_vals[] = {
    { 0, "encrCert" },
    { 1, "challengeResp" },
    { 0, NULL }
};

static const value_string crmf_pub_action_vals[] = {
    { 0, "dontPublish" },
    { 1, "pleasePublish" },
    { 0, NULL }
};

static const value_string crmf_pub_method_vals[] = {
    { 0, "dontCare" },
    { 1, "x500" },
    { 2, "web" },
    { 3, "ldap" },
    { 0, NULL }
};

static const value_string crmf_archive_options_vals[] = {
    { 0, "encryptedPrivKey" },
    { 1, "keyGenParameters" },
    { 2, "archiveRemGenPrivKey" },
    { 0, NULL }
};

/* ------------------------------------------------------------------------
 * AttributeTypeAndValue ::= SEQUENCE { type OID, value ANY DEFINED BY type }
 * (Controls and regInfo); the value goes to the BER OID table.
 */
static int
dissect_attribute_type(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_labelling_oid(implicit_tag, tvb, offset, actx, tree, hf_index, " %s");
}

static int
dissect_attribute_value(ber_implicit_t implicit_tag _U_, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index _U_)
{
    return pkixcmp_call_oid(actx->external.direct_reference, tvb, offset, actx, tree, "Control value");
}

static const ber_sequence_t control_sequence[] = {
    { &hf_crmf_control_type, BER_CLASS_UNI, BER_UNI_TAG_OID, BER_FLAGS_NOOWNTAG, dissect_attribute_type },
    { &hf_crmf_control_type, BER_CLASS_ANY, 0, BER_FLAGS_NOOWNTAG, dissect_attribute_value },
    { NULL, 0, 0, 0, NULL }
};

static int
dissect_control(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, control_sequence,
                                    hf_index, ett_crmf_attribute, "AttributeTypeAndValue");
}

/* Controls ::= SEQUENCE SIZE (1..MAX) OF AttributeTypeAndValue */
static const ber_sequence_t controls_sequence_of[] = {
    { &hf_crmf_control, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, dissect_control },
};

int
pkixcmp_dissect_controls(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_sequence_of_1_max(implicit_tag, actx, tree, tvb, offset, controls_sequence_of, hf_index, ett_crmf,
                                             "Controls");
}

/* AltCertTemplate ::= AttributeTypeAndValue (RFC 4212, in RFC 9810's
 * CRMF module): a template for a certificate other than X.509, whose type
 * the OID names; the value goes to the BER OID table as a control's does. */
static const ber_sequence_t alt_cert_template_sequence[] = {
    { &hf_crmf_alt_cert_template_type, BER_CLASS_UNI, BER_UNI_TAG_OID, BER_FLAGS_NOOWNTAG, dissect_attribute_type },
    { &hf_crmf_alt_cert_template_type, BER_CLASS_ANY, 0, BER_FLAGS_NOOWNTAG, dissect_attribute_value },
    { NULL, 0, 0, 0, NULL }
};

static int
dissect_alt_cert_template(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, alt_cert_template_sequence,
                                    hf_index, ett_crmf_attribute, "AltCertTemplate");
}

/* regInfo SEQUENCE SIZE (1..MAX) OF AttributeTypeAndValue */
static const ber_sequence_t reg_info_item_sequence[] = {
    { &hf_crmf_reg_info_type, BER_CLASS_UNI, BER_UNI_TAG_OID, BER_FLAGS_NOOWNTAG, dissect_attribute_type },
    { &hf_crmf_reg_info_type, BER_CLASS_ANY, 0, BER_FLAGS_NOOWNTAG, dissect_attribute_value },
    { NULL, 0, 0, 0, NULL }
};

static int
dissect_reg_info_item(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, reg_info_item_sequence,
                                    hf_index, ett_crmf_attribute, "AttributeTypeAndValue");
}

static const ber_sequence_t reg_info_sequence_of[] = {
    { &hf_crmf_reg_info_item, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, dissect_reg_info_item },
};

static int
dissect_reg_info(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_sequence_of_1_max(implicit_tag, actx, tree, tvb, offset, reg_info_sequence_of, hf_index, ett_crmf,
                                             "regInfo");
}

/* ------------------------------------------------------------------------
 * ProofOfPossession
 */

/* PKMACValue ::= SEQUENCE { algId AlgorithmIdentifier, value BIT STRING } */
static const ber_sequence_t pkmac_value_sequence[] = {
    { &hf_pkixcmp_algorithm, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_algorithm_identifier },
    { &hf_crmf_pkmac_value, BER_CLASS_UNI, BER_UNI_TAG_BITSTRING, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_bit_string },
    { NULL, 0, 0, 0, NULL }
};

static int
dissect_pkmac_value(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, pkmac_value_sequence,
                                    hf_index, ett_crmf, "PKMACValue");
}

/* authInfo CHOICE { sender [0] GeneralName, publicKeyMAC PKMACValue }
 * (GeneralName is a CHOICE: its [0] is explicit even in this module) */
static const ber_choice_t poposk_auth_info_choice[] = {
    { 0, &hf_crmf_poposk_sender, BER_CLASS_CON, 0, 0, pkixcmp_dissect_general_name },
    { 1, &hf_crmf_poposk_public_key_mac, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, dissect_pkmac_value },
    { 0, NULL, 0, 0, 0, NULL }
};

static int
dissect_poposk_auth_info(ber_implicit_t implicit_tag _U_, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index _U_)
{
    return dissect_ber_choice(actx, tree, tvb, offset, poposk_auth_info_choice, -1, ett_crmf, NULL);
}

/* POPOSigningKeyInput ::= SEQUENCE { authInfo CHOICE {...},
 *   publicKey SubjectPublicKeyInfo } */
static const ber_sequence_t poposk_input_sequence[] = {
    { &hf_crmf_poposk_sender, BER_CLASS_ANY, -1, BER_FLAGS_NOOWNTAG | BER_FLAGS_NOTCHKTAG, dissect_poposk_auth_info },
    { &hf_crmf_poposk_public_key, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_subject_public_key_info },
    { NULL, 0, 0, 0, NULL }
};

static int
dissect_poposk_input(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, poposk_input_sequence,
                                    hf_index, ett_crmf, "POPOSigningKeyInput");
}

/* Implicitly tagged CRMF fields, tolerant of encoders that tag them
 * explicitly (BouncyCastle 1.46 in EJBCA's novosec vectors: POPOSigningKey;
 * Go's encoding/asn1 in zjj/gocmp: EncryptedValue): see
 * pkixcmp_dissect_maybe_explicit(). */
PKIXCMP_TOLERANT_IMPLICIT(dissect_poposk_input_tolerant, dissect_poposk_input, BER_UNI_TAG_SEQUENCE)
PKIXCMP_TOLERANT_IMPLICIT(dissect_algorithm_tolerant, pkixcmp_dissect_algorithm_identifier, BER_UNI_TAG_SEQUENCE)
PKIXCMP_TOLERANT_IMPLICIT(dissect_bit_string_tolerant, pkixcmp_dissect_bit_string, BER_UNI_TAG_BITSTRING)
PKIXCMP_TOLERANT_IMPLICIT(dissect_octet_string_tolerant, pkixcmp_dissect_octet_string, BER_UNI_TAG_OCTETSTRING)
PKIXCMP_TOLERANT_IMPLICIT(dissect_pkmac_value_tolerant, dissect_pkmac_value, BER_UNI_TAG_SEQUENCE)

/* POPOSigningKey ::= SEQUENCE { poposkInput [0] POPOSigningKeyInput OPTIONAL,
 *   algorithmIdentifier AlgorithmIdentifier, signature BIT STRING } */
static const ber_sequence_t popo_signing_key_sequence[] = {
    { &hf_crmf_poposk_input, BER_CLASS_CON, 0, BER_FLAGS_OPTIONAL | BER_FLAGS_IMPLTAG, dissect_poposk_input_tolerant },
    { &hf_pkixcmp_algorithm, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_algorithm_identifier },
    { &hf_crmf_popo_signature_value, BER_CLASS_UNI, BER_UNI_TAG_BITSTRING, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_bit_string },
    { NULL, 0, 0, 0, NULL }
};

static int
dissect_popo_signing_key(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, popo_signing_key_sequence,
                                    hf_index, ett_crmf, "POPOSigningKey");
}

/* encryptedKey [4] EnvelopedData (RFC 9480), implicitly tagged: the BER
 * helpers hand over its contents, which are put back into a SEQUENCE for
 * Wireshark's CMS dissector. */
static int
dissect_popo_enveloped_data(ber_implicit_t implicit_tag _U_, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    int size = tvb_reported_length_remaining(tvb, offset);
    proto_item *pi = proto_tree_add_item(tree, hf_index, tvb, offset, size, ENC_NA);
    tvbuff_t *as_sequence = pkixcmp_wrap_in_sequence(tvb, offset, size, actx->pinfo, "EnvelopedData (implicit tag restored)");

    pkixcmp_call_oid(PKIXCMP_OID_CMS_ENVELOPED_DATA, as_sequence, 0, actx,
                     proto_item_add_subtree(pi, ett_crmf), "EnvelopedData");
    return offset + size;
}

/* POPOPrivKey ::= CHOICE { thisMessage [0] BIT STRING (deprecated),
 *   subsequentMessage [1] SubsequentMessage, dhMAC [2] BIT STRING,
 *   agreeMAC [3] PKMACValue, encryptedKey [4] EnvelopedData } */
static const ber_choice_t popo_priv_key_choice[] = {
    { 0, &hf_crmf_popo_this_message, BER_CLASS_CON, 0, BER_FLAGS_IMPLTAG, pkixcmp_dissect_bit_string },
    { 1, &hf_crmf_popo_subsequent_message, BER_CLASS_CON, 1, BER_FLAGS_IMPLTAG, pkixcmp_dissect_integer },
    { 2, &hf_crmf_popo_dh_mac, BER_CLASS_CON, 2, BER_FLAGS_IMPLTAG, pkixcmp_dissect_bit_string },
    { 3, &hf_crmf_popo_agree_mac, BER_CLASS_CON, 3, BER_FLAGS_IMPLTAG, dissect_pkmac_value_tolerant },
    { 4, &hf_crmf_popo_encrypted_key, BER_CLASS_CON, 4, BER_FLAGS_IMPLTAG, dissect_popo_enveloped_data },
    { 0, NULL, 0, 0, 0, NULL }
};

static int
dissect_popo_priv_key(ber_implicit_t implicit_tag _U_, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return dissect_ber_choice(actx, tree, tvb, offset, popo_priv_key_choice, hf_index, ett_crmf_popo, NULL);
}

PKIXCMP_TOLERANT_IMPLICIT(dissect_popo_signing_key_tolerant, dissect_popo_signing_key, BER_UNI_TAG_SEQUENCE)

/* ProofOfPossession ::= CHOICE { raVerified [0] NULL,
 *   signature [1] POPOSigningKey, keyEncipherment [2] POPOPrivKey,
 *   keyAgreement [3] POPOPrivKey }  (POPOPrivKey is a CHOICE: explicit) */
static const ber_choice_t proof_of_possession_choice[] = {
    { 0, &hf_crmf_popo_ra_verified, BER_CLASS_CON, 0, BER_FLAGS_IMPLTAG, pkixcmp_dissect_null },
    { 1, &hf_crmf_popo_signature, BER_CLASS_CON, 1, BER_FLAGS_IMPLTAG, dissect_popo_signing_key_tolerant },
    { 2, &hf_crmf_popo_key_encipherment, BER_CLASS_CON, 2, 0, dissect_popo_priv_key },
    { 3, &hf_crmf_popo_key_agreement, BER_CLASS_CON, 3, 0, dissect_popo_priv_key },
    { 0, NULL, 0, 0, 0, NULL }
};

static int
dissect_proof_of_possession(ber_implicit_t implicit_tag _U_, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return dissect_ber_choice(actx, tree, tvb, offset, proof_of_possession_choice, hf_index, ett_crmf_popo, NULL);
}

/* ------------------------------------------------------------------------
 * CertReqMessages
 */

/* CertRequest ::= SEQUENCE { certReqId INTEGER, certTemplate CertTemplate,
 *   controls Controls OPTIONAL } */
static const ber_sequence_t cert_request_sequence[] = {
    { &hf_pkixcmp_cert_req_id, BER_CLASS_UNI, BER_UNI_TAG_INTEGER, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_integer },
    { &hf_crmf_cert_template, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_cert_template },
    { &hf_crmf_controls, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_OPTIONAL | BER_FLAGS_NOOWNTAG, pkixcmp_dissect_controls },
    { NULL, 0, 0, 0, NULL }
};

int
pkixcmp_dissect_cert_request(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, cert_request_sequence,
                                    hf_index, ett_crmf, "CertRequest");
}

/* CertReqMsg ::= SEQUENCE { certReq CertRequest, popo ProofOfPossession
 *   OPTIONAL, regInfo SEQUENCE SIZE (1..MAX) OF AttributeTypeAndValue OPTIONAL } */
static const ber_sequence_t cert_req_msg_sequence[] = {
    { &hf_crmf_cert_req, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_cert_request },
    { &hf_crmf_popo, BER_CLASS_ANY, -1, BER_FLAGS_OPTIONAL | BER_FLAGS_NOOWNTAG | BER_FLAGS_NOTCHKTAG, dissect_proof_of_possession },
    { &hf_crmf_reg_info, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_OPTIONAL | BER_FLAGS_NOOWNTAG, dissect_reg_info },
    { NULL, 0, 0, 0, NULL }
};

static int
dissect_cert_req_msg(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, cert_req_msg_sequence,
                                    hf_index, ett_crmf, "CertReqMsg");
}

/* CertReqMessages ::= SEQUENCE SIZE (1..MAX) OF CertReqMsg (ir, cr, kur,
 * krr, ccr) */
static const ber_sequence_t cert_req_messages_sequence_of[] = {
    { &hf_crmf_cert_req_msg, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, dissect_cert_req_msg },
};

int
pkixcmp_dissect_cert_req_messages(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index _U_)
{
    return pkixcmp_dissect_sequence_of_1_max(implicit_tag, actx, tree, tvb, offset, cert_req_messages_sequence_of, -1,
                                             ett_crmf, "CertReqMessages");
}

/* ------------------------------------------------------------------------
 * EncryptedValue and PKIPublicationInfo (used by CMP's CertifiedKeyPair)
 */

/* EncryptedValue ::= SEQUENCE { intendedAlg [0] AlgorithmIdentifier OPTIONAL,
 *   symmAlg [1] AlgorithmIdentifier OPTIONAL, encSymmKey [2] BIT STRING
 *   OPTIONAL, keyAlg [3] AlgorithmIdentifier OPTIONAL, valueHint [4] OCTET
 *   STRING OPTIONAL, encValue BIT STRING } */
static const ber_sequence_t encrypted_value_sequence[] = {
    { &hf_crmf_intended_alg, BER_CLASS_CON, 0, BER_FLAGS_OPTIONAL | BER_FLAGS_IMPLTAG, dissect_algorithm_tolerant },
    { &hf_crmf_symm_alg, BER_CLASS_CON, 1, BER_FLAGS_OPTIONAL | BER_FLAGS_IMPLTAG, dissect_algorithm_tolerant },
    { &hf_crmf_enc_symm_key, BER_CLASS_CON, 2, BER_FLAGS_OPTIONAL | BER_FLAGS_IMPLTAG, dissect_bit_string_tolerant },
    { &hf_crmf_key_alg, BER_CLASS_CON, 3, BER_FLAGS_OPTIONAL | BER_FLAGS_IMPLTAG, dissect_algorithm_tolerant },
    { &hf_crmf_value_hint, BER_CLASS_CON, 4, BER_FLAGS_OPTIONAL | BER_FLAGS_IMPLTAG, dissect_octet_string_tolerant },
    { &hf_crmf_enc_value, BER_CLASS_UNI, BER_UNI_TAG_BITSTRING, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_bit_string },
    { NULL, 0, 0, 0, NULL }
};

int
pkixcmp_dissect_encrypted_value(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, encrypted_value_sequence,
                                    hf_index, ett_crmf, "EncryptedValue");
}

/* SinglePubInfo ::= SEQUENCE { pubMethod INTEGER, pubLocation GeneralName
 *   OPTIONAL } */
static const ber_sequence_t single_pub_info_sequence[] = {
    { &hf_crmf_pub_method, BER_CLASS_UNI, BER_UNI_TAG_INTEGER, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_integer },
    { &hf_crmf_pub_location, BER_CLASS_ANY, -1, BER_FLAGS_OPTIONAL | BER_FLAGS_NOOWNTAG | BER_FLAGS_NOTCHKTAG, pkixcmp_dissect_general_name },
    { NULL, 0, 0, 0, NULL }
};

static int
dissect_single_pub_info(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, single_pub_info_sequence,
                                    hf_index, ett_crmf, "SinglePubInfo");
}

static const ber_sequence_t pub_infos_sequence_of[] = {
    { &hf_crmf_single_pub_info, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_NOOWNTAG, dissect_single_pub_info },
};

static int
dissect_pub_infos(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return dissect_ber_sequence_of(implicit_tag, actx, tree, tvb, offset, pub_infos_sequence_of, hf_index, ett_crmf);
}

/* PKIPublicationInfo ::= SEQUENCE { action INTEGER, pubInfos SEQUENCE SIZE
 *   (1..MAX) OF SinglePubInfo OPTIONAL } */
static const ber_sequence_t pki_publication_info_sequence[] = {
    { &hf_crmf_pub_action, BER_CLASS_UNI, BER_UNI_TAG_INTEGER, BER_FLAGS_NOOWNTAG, pkixcmp_dissect_integer },
    { &hf_crmf_pub_infos, BER_CLASS_UNI, BER_UNI_TAG_SEQUENCE, BER_FLAGS_OPTIONAL | BER_FLAGS_NOOWNTAG, dissect_pub_infos },
    { NULL, 0, 0, 0, NULL }
};

int
pkixcmp_dissect_publication_info(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return pkixcmp_dissect_sequence(implicit_tag, actx, tree, tvb, offset, pki_publication_info_sequence,
                                    hf_index, ett_crmf, "PKIPublicationInfo");
}

/* ------------------------------------------------------------------------
 * Control and regInfo values, by OID
 */

/* RegToken, Authenticator, UTF8Pairs ::= UTF8String.  Other string types
 * (older encoders) are decoded too, with a note. */
static int
dissect_crmf_string(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    static const gint32 string_tags[] = {
        BER_UNI_TAG_UTF8String, BER_UNI_TAG_PrintableString, BER_UNI_TAG_IA5String,
        BER_UNI_TAG_TeletexString, BER_UNI_TAG_VisibleString, BER_UNI_TAG_BMPString,
        BER_UNI_TAG_UniversalString,
    };

    for (gsize i = 0; i < G_N_ELEMENTS(string_tags); i++) {
        if (pkixcmp_element_is(tvb, offset, BER_CLASS_UNI, FALSE, string_tags[i])) {
            offset = dissect_ber_restricted_string(implicit_tag, string_tags[i], actx, tree, tvb, offset, hf_index, NULL);
            if (i > 0)
                expert_add_info(actx->pinfo, actx->created_item, &ei_crmf_string_type);
            return offset;
        }
    }
    return pkixcmp_show_unexpected(tvb, offset, actx, tree, "Not a UTF8String");
}

/* PKIArchiveOptions ::= CHOICE { encryptedPrivKey [0] EncryptedKey,
 *   keyGenParameters [1] KeyGenParameters (OCTET STRING),
 *   archiveRemGenPrivKey [2] BOOLEAN }  (EncryptedKey is a CHOICE: explicit) */
static const ber_choice_t pki_archive_options_choice[] = {
    { 0, &hf_crmf_encrypted_priv_key, BER_CLASS_CON, 0, 0, pkixcmp_dissect_encrypted_key },
    { 1, &hf_crmf_key_gen_parameters, BER_CLASS_CON, 1, BER_FLAGS_IMPLTAG, pkixcmp_dissect_octet_string },
    { 2, &hf_crmf_archive_rem_gen_priv_key, BER_CLASS_CON, 2, BER_FLAGS_IMPLTAG, pkixcmp_dissect_boolean },
    { 0, NULL, 0, 0, 0, NULL }
};

static int
dissect_pki_archive_options(ber_implicit_t implicit_tag _U_, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)
{
    return dissect_ber_choice(actx, tree, tvb, offset, pki_archive_options_choice, hf_index, ett_crmf, NULL);
}

PKIXCMP_OID_DISSECTOR(dissect_reg_token_oid, dissect_crmf_string, hf_crmf_reg_token)
PKIXCMP_OID_DISSECTOR(dissect_authenticator_oid, dissect_crmf_string, hf_crmf_authenticator)
PKIXCMP_OID_DISSECTOR(dissect_pki_publication_info_oid, pkixcmp_dissect_publication_info, hf_crmf_pki_publication_info)
PKIXCMP_OID_DISSECTOR(dissect_pki_archive_options_oid, dissect_pki_archive_options, hf_crmf_pki_archive_options)
PKIXCMP_OID_DISSECTOR(dissect_old_cert_id_oid, pkixcmp_dissect_cert_id, hf_crmf_old_cert_id)
PKIXCMP_OID_DISSECTOR(dissect_protocol_encr_key_oid, pkixcmp_dissect_subject_public_key_info, hf_crmf_protocol_encr_key)
PKIXCMP_OID_DISSECTOR(dissect_alg_id_oid, pkixcmp_dissect_algorithm_identifier, hf_crmf_alg_id)
PKIXCMP_OID_DISSECTOR(dissect_rsa_key_len_oid, pkixcmp_dissect_integer, hf_crmf_rsa_key_len)
PKIXCMP_OID_DISSECTOR(dissect_alt_cert_template_oid, dissect_alt_cert_template, hf_crmf_alt_cert_template)
PKIXCMP_OID_DISSECTOR(dissect_utf8_pairs_oid, dissect_crmf_string, hf_crmf_utf8_pairs)
PKIXCMP_OID_DISSECTOR(dissect_reg_info_cert_req_oid, pkixcmp_dissect_cert_request, hf_crmf_reg_info_cert_req)

/* ------------------------------------------------------------------------
 * Registration
 */
void
pkixcmp_crmf_register(int proto)
{
    static hf_register_info hf[] = {
        { &hf_crmf_cert_req_msg,
          { "Certificate request message", "pkixcmp.crmf.cert_req_msg", FT_NONE, BASE_NONE, NULL, 0, "CertReqMsg", HFILL } },
        { &hf_crmf_cert_req,
          { "Certificate request", "pkixcmp.crmf.cert_req", FT_NONE, BASE_NONE, NULL, 0, "CertRequest", HFILL } },
        { &hf_crmf_cert_template,
          { "Certificate template", "pkixcmp.crmf.cert_template", FT_NONE, BASE_NONE, NULL, 0, "CertTemplate", HFILL } },
        { &hf_crmf_controls,
          { "Controls", "pkixcmp.crmf.controls", FT_UINT32, BASE_DEC, NULL, 0, "Number of controls", HFILL } },
        { &hf_crmf_control,
          { "Control", "pkixcmp.crmf.control", FT_NONE, BASE_NONE, NULL, 0, "AttributeTypeAndValue", HFILL } },
        { &hf_crmf_control_type,
          { "Control type", "pkixcmp.crmf.control.type", FT_OID, BASE_NONE, NULL, 0, NULL, HFILL } },
        { &hf_crmf_reg_info,
          { "Registration info", "pkixcmp.crmf.reg_info", FT_UINT32, BASE_DEC, NULL, 0, "regInfo: number of items", HFILL } },
        { &hf_crmf_reg_info_item,
          { "Registration info item", "pkixcmp.crmf.reg_info.item", FT_NONE, BASE_NONE, NULL, 0, "AttributeTypeAndValue", HFILL } },
        { &hf_crmf_reg_info_type,
          { "Registration info type", "pkixcmp.crmf.reg_info.type", FT_OID, BASE_NONE, NULL, 0, NULL, HFILL } },
        { &hf_crmf_popo,
          { "Proof of possession", "pkixcmp.crmf.popo", FT_UINT32, BASE_DEC, VALS(crmf_popo_vals), 0, "ProofOfPossession", HFILL } },
        { &hf_crmf_popo_ra_verified,
          { "RA verified", "pkixcmp.crmf.popo.ra_verified", FT_NONE, BASE_NONE, NULL, 0, "raVerified", HFILL } },
        { &hf_crmf_popo_signature,
          { "Signature", "pkixcmp.crmf.popo.signature", FT_NONE, BASE_NONE, NULL, 0, "POPOSigningKey", HFILL } },
        { &hf_crmf_popo_key_encipherment,
          { "Key encipherment", "pkixcmp.crmf.popo.key_encipherment", FT_UINT32, BASE_DEC, VALS(crmf_popo_priv_key_vals), 0, "POPOPrivKey", HFILL } },
        { &hf_crmf_popo_key_agreement,
          { "Key agreement", "pkixcmp.crmf.popo.key_agreement", FT_UINT32, BASE_DEC, VALS(crmf_popo_priv_key_vals), 0, "POPOPrivKey", HFILL } },
        { &hf_crmf_poposk_input,
          { "Signing key input", "pkixcmp.crmf.poposk_input", FT_NONE, BASE_NONE, NULL, 0, "POPOSigningKeyInput", HFILL } },
        { &hf_crmf_poposk_sender,
          { "Sender", "pkixcmp.crmf.poposk_input.sender", FT_STRING, BASE_NONE, NULL, 0, "GeneralName, as text", HFILL } },
        { &hf_crmf_poposk_public_key_mac,
          { "Public key MAC", "pkixcmp.crmf.poposk_input.public_key_mac", FT_NONE, BASE_NONE, NULL, 0, "PKMACValue", HFILL } },
        { &hf_crmf_poposk_public_key,
          { "Public key", "pkixcmp.crmf.poposk_input.public_key", FT_NONE, BASE_NONE, NULL, 0, "SubjectPublicKeyInfo", HFILL } },
        { &hf_crmf_popo_signature_value,
          { "Signature value", "pkixcmp.crmf.popo.signature_value", FT_BYTES, BASE_NONE, NULL, 0, NULL, HFILL } },
        { &hf_crmf_popo_this_message,
          { "This message", "pkixcmp.crmf.popo.this_message", FT_BYTES, BASE_NONE, NULL, 0, "thisMessage (deprecated by RFC 9480)", HFILL } },
        { &hf_crmf_popo_subsequent_message,
          { "Subsequent message", "pkixcmp.crmf.popo.subsequent_message", FT_INT32, BASE_DEC, VALS(crmf_subsequent_message_vals), 0, NULL, HFILL } },
        { &hf_crmf_popo_dh_mac,
          { "DH MAC", "pkixcmp.crmf.popo.dh_mac", FT_BYTES, BASE_NONE, NULL, 0, NULL, HFILL } },
        { &hf_crmf_popo_agree_mac,
          { "Agreement MAC", "pkixcmp.crmf.popo.agree_mac", FT_NONE, BASE_NONE, NULL, 0, "PKMACValue", HFILL } },
        { &hf_crmf_popo_encrypted_key,
          { "Encrypted key", "pkixcmp.crmf.popo.encrypted_key", FT_NONE, BASE_NONE, NULL, 0, "EnvelopedData (RFC 9480)", HFILL } },
        { &hf_crmf_pkmac_value,
          { "MAC value", "pkixcmp.crmf.pkmac_value", FT_BYTES, BASE_NONE, NULL, 0, NULL, HFILL } },
        { &hf_crmf_intended_alg,
          { "Intended algorithm", "pkixcmp.crmf.intended_alg", FT_NONE, BASE_NONE, NULL, 0,
            "EncryptedValue intendedAlg (RFC 4211)", HFILL } },
        { &hf_crmf_symm_alg,
          { "Symmetric algorithm", "pkixcmp.crmf.symm_alg", FT_NONE, BASE_NONE, NULL, 0,
            "EncryptedValue symmAlg (RFC 4211)", HFILL } },
        { &hf_crmf_enc_symm_key,
          { "Encrypted symmetric key", "pkixcmp.crmf.enc_symm_key", FT_BYTES, BASE_NONE, NULL, 0, NULL, HFILL } },
        { &hf_crmf_key_alg,
          { "Key algorithm", "pkixcmp.crmf.key_alg", FT_NONE, BASE_NONE, NULL, 0,
            "EncryptedValue keyAlg (RFC 4211)", HFILL } },
        { &hf_crmf_value_hint,
          { "Value hint", "pkixcmp.crmf.value_hint", FT_BYTES, BASE_NONE, NULL, 0, NULL, HFILL } },
        { &hf_crmf_enc_value,
          { "Encrypted value", "pkixcmp.crmf.enc_value", FT_BYTES, BASE_NONE, NULL, 0, NULL, HFILL } },
        { &hf_crmf_pki_publication_info,
          { "Publication info", "pkixcmp.crmf.pki_publication_info", FT_NONE, BASE_NONE, NULL, 0, "PKIPublicationInfo", HFILL } },
        { &hf_crmf_pub_action,
          { "Action", "pkixcmp.crmf.pub_action", FT_INT32, BASE_DEC, VALS(crmf_pub_action_vals), 0, NULL, HFILL } },
        { &hf_crmf_pub_infos,
          { "Publication infos", "pkixcmp.crmf.pub_infos", FT_UINT32, BASE_DEC, NULL, 0, "Number of SinglePubInfo", HFILL } },
        { &hf_crmf_single_pub_info,
          { "Publication", "pkixcmp.crmf.single_pub_info", FT_NONE, BASE_NONE, NULL, 0, "SinglePubInfo", HFILL } },
        { &hf_crmf_pub_method,
          { "Method", "pkixcmp.crmf.pub_method", FT_INT32, BASE_DEC, VALS(crmf_pub_method_vals), 0, NULL, HFILL } },
        { &hf_crmf_pub_location,
          { "Location", "pkixcmp.crmf.pub_location", FT_STRING, BASE_NONE, NULL, 0, "GeneralName, as text", HFILL } },
        { &hf_crmf_reg_token,
          { "Registration token", "pkixcmp.crmf.reg_token", FT_STRING, BASE_NONE, NULL, 0, "regToken", HFILL } },
        { &hf_crmf_authenticator,
          { "Authenticator", "pkixcmp.crmf.authenticator", FT_STRING, BASE_NONE, NULL, 0, NULL, HFILL } },
        { &hf_crmf_pki_archive_options,
          { "Archive options", "pkixcmp.crmf.pki_archive_options", FT_UINT32, BASE_DEC, VALS(crmf_archive_options_vals), 0, "PKIArchiveOptions", HFILL } },
        { &hf_crmf_encrypted_priv_key,
          { "Encrypted private key", "pkixcmp.crmf.encrypted_priv_key", FT_NONE, BASE_NONE, NULL, 0, "EncryptedKey", HFILL } },
        { &hf_crmf_key_gen_parameters,
          { "Key generation parameters", "pkixcmp.crmf.key_gen_parameters", FT_BYTES, BASE_NONE, NULL, 0, NULL, HFILL } },
        { &hf_crmf_archive_rem_gen_priv_key,
          { "Archive remotely generated private key", "pkixcmp.crmf.archive_rem_gen_priv_key", FT_BOOLEAN, BASE_NONE, NULL, 0, NULL, HFILL } },
        { &hf_crmf_old_cert_id,
          { "Old certificate ID", "pkixcmp.crmf.old_cert_id", FT_NONE, BASE_NONE, NULL, 0, "CertId", HFILL } },
        { &hf_crmf_protocol_encr_key,
          { "Protocol encryption key", "pkixcmp.crmf.protocol_encr_key", FT_NONE, BASE_NONE, NULL, 0, "SubjectPublicKeyInfo", HFILL } },
        { &hf_crmf_alg_id,
          { "Requested key algorithm", "pkixcmp.crmf.alg_id", FT_NONE, BASE_NONE, NULL, 0, "algId control (RFC 9480)", HFILL } },
        { &hf_crmf_alt_cert_template,
          { "Alternative certificate template", "pkixcmp.crmf.alt_cert_template", FT_NONE, BASE_NONE, NULL, 0,
            "altCertTemplate control (RFC 4212)", HFILL } },
        { &hf_crmf_alt_cert_template_type,
          { "Template type", "pkixcmp.crmf.alt_cert_template.type", FT_OID, BASE_NONE, NULL, 0, NULL, HFILL } },
        { &hf_crmf_rsa_key_len,
          { "Requested RSA key length", "pkixcmp.crmf.rsa_key_len", FT_INT32, BASE_DEC, NULL, 0, "rsaKeyLen control (RFC 9480)", HFILL } },
        { &hf_crmf_utf8_pairs,
          { "UTF-8 pairs", "pkixcmp.crmf.utf8_pairs", FT_STRING, BASE_NONE, NULL, 0, NULL, HFILL } },
        { &hf_crmf_reg_info_cert_req,
          { "Certificate request", "pkixcmp.crmf.reg_info.cert_req", FT_NONE, BASE_NONE, NULL, 0, "regInfo certReq", HFILL } },
    };

    static gint *ett[] = {
        &ett_crmf,
        &ett_crmf_popo,
        &ett_crmf_attribute,
    };

    static ei_register_info ei[] = {
        { &ei_crmf_string_type,
          { "pkixcmp.crmf.string_type", PI_PROTOCOL, PI_NOTE,
            "String type other than UTF8String", EXPFILL } },
    };

    expert_module_t *expert = expert_register_protocol(proto);

    proto_register_field_array(proto, hf, array_length(hf));
    proto_register_subtree_array(ett, array_length(ett));
    expert_register_field_array(expert, ei, array_length(ei));
}

void
pkixcmp_crmf_handoff(int proto)
{
    /* Controls, 1.3.6.1.5.5.7.5.1.N (RFC 4211 section 6, RFC 4212, RFC 9480) */
    pkixcmp_register_oid_dissector("1.3.6.1.5.5.7.5.1.1", dissect_reg_token_oid, proto, "id-regCtrl-regToken");
    pkixcmp_register_oid_dissector("1.3.6.1.5.5.7.5.1.2", dissect_authenticator_oid, proto, "id-regCtrl-authenticator");
    pkixcmp_register_oid_dissector("1.3.6.1.5.5.7.5.1.3", dissect_pki_publication_info_oid, proto, "id-regCtrl-pkiPublicationInfo");
    pkixcmp_register_oid_dissector("1.3.6.1.5.5.7.5.1.4", dissect_pki_archive_options_oid, proto, "id-regCtrl-pkiArchiveOptions");
    pkixcmp_register_oid_dissector("1.3.6.1.5.5.7.5.1.5", dissect_old_cert_id_oid, proto, "id-regCtrl-oldCertID");
    pkixcmp_register_oid_dissector("1.3.6.1.5.5.7.5.1.6", dissect_protocol_encr_key_oid, proto, "id-regCtrl-protocolEncrKey");
    pkixcmp_register_oid_dissector("1.3.6.1.5.5.7.5.1.7", dissect_alt_cert_template_oid, proto, "id-regCtrl-altCertTemplate");
    pkixcmp_register_oid_dissector("1.3.6.1.5.5.7.5.1.11", dissect_alg_id_oid, proto, "id-regCtrl-algId");
    pkixcmp_register_oid_dissector("1.3.6.1.5.5.7.5.1.12", dissect_rsa_key_len_oid, proto, "id-regCtrl-rsaKeyLen");
    /* regInfo, 1.3.6.1.5.5.7.5.2.N (RFC 4211 section 7) */
    pkixcmp_register_oid_dissector("1.3.6.1.5.5.7.5.2.1", dissect_utf8_pairs_oid, proto, "id-regInfo-utf8Pairs");
    pkixcmp_register_oid_dissector("1.3.6.1.5.5.7.5.2.2", dissect_reg_info_cert_req_oid, proto, "id-regInfo-certReq");
}
