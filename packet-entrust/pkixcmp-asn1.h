/* pkixcmp-asn1.h - the ASN.1 building blocks the pkixcmp files share
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * packet-pkixcmp.c decodes the PKIMessage (RFC 9810's module, EXPLICIT
 * TAGS); pkixcmp-crmf.c decodes CRMF (RFC 4211 and RFC 9480's changes,
 * IMPLICIT TAGS), which this Wireshark does not export as BER syntaxes;
 * pkixcmp-itav.c decodes the values selected by OIDs (ITAVs, CRMF controls,
 * protection-algorithm parameters, Entrust and cryptlib values).  All of
 * them are written in the asn2wrs style: ber_sequence_t tables whose
 * callbacks have the signature below.
 */
#ifndef ENTRUST_PKIXCMP_ASN1_H
#define ENTRUST_PKIXCMP_ASN1_H

#include <epan/packet.h>
#include <epan/asn1.h>
#include <epan/expert.h>
#include <epan/dissectors/packet-ber.h>

#include "ws-compat.h"
#include "entrust.h"

/* Per-message state, kept in actx->private_data while one PKIMessage is
 * dissected, and handed on to the OID-registered dissectors this plugin
 * registers (pkixcmp_oid_actx_init).  Allocated in pinfo->pool. */
typedef struct {
    pkixcmp_msg_t *summary;       /* the caller's, or a local one */
    guint depth;                  /* nesting level of this PKIMessage */
    gboolean in_body;             /* statuses count only inside the body */
    gboolean in_header_free_text; /* the header's freeText is being read */
    gboolean in_protection_alg;   /* the header's protectionAlg is being read */
    const char *cert_context;     /* where certificates being read sit */
    tvbuff_t *certificate;        /* the CMPCertificate being read, whole */
} pkixcmp_ctx_t;

/* The PKIMessage state of actx, or NULL when the caller is not pkixcmp
 * (an OID dissector called by Wireshark's own X.509 code, say). */
pkixcmp_ctx_t *pkixcmp_ctx(asn1_ctx_t *actx);

/* Prepares a fresh asn1 context for a dissector that Wireshark called
 * through the BER OID table: its private data is the state of the
 * PKIMessage being dissected, when the call came from inside one. */
void pkixcmp_oid_actx_init(asn1_ctx_t *actx, packet_info *pinfo);

/* The pkixcmp protocol id (for dissectors registered by the other files). */
int pkixcmp_proto(void);

/* Registers one of this plugin's decoders of an OID-selected value (an
 * ITAV value, a control, algorithm parameters...) in the pkixcmp.oid table,
 * which pkixcmp_call_oid consults first, and in Wireshark's BER OID table
 * where that has no decoder for the OID. */
void pkixcmp_register_oid_dissector(const char *oid, dissector_t dissector, int proto, const char *name);

/* TRUE while one of Wireshark's decoders works for pkixcmp_call_oid: a
 * value it hands back through the BER OID table sits in a PKIMessage. */
gboolean pkixcmp_in_message(packet_info *pinfo);

/* Warns (pkixcmp.pvno_too_low) when what, spanning start..end of tvb, is
 * syntax of cmp2021 (RFC 9810 section 1.3) in a PKIMessage of pvno 1 or 2. */
void pkixcmp_check_cmp2021_syntax(asn1_ctx_t *actx, proto_tree *tree, tvbuff_t *tvb, int start, int end,
                                  const char *what);

/* Size of the BER element at offset (header plus content), clamped to what
 * the tvb reports.  Never throws. */
int pkixcmp_element_size(tvbuff_t *tvb, int offset);

/* TRUE when the element at offset has the given class, constructed flag
 * and tag (never throws: FALSE past the end). */
gboolean pkixcmp_element_is(tvbuff_t *tvb, int offset, gint8 ber_class, gboolean constructed, gint32 tag);

/* Returns a new tvb holding a copy of the element at offset with its
 * identifier octet replaced by new_tag (e.g. 0x30 to turn an implicitly
 * tagged [n] SEQUENCE back into a SEQUENCE for Wireshark's own decoders);
 * the copy is added as a data source named source_name. */
tvbuff_t *pkixcmp_retag_element(tvbuff_t *tvb, int offset, guint8 new_tag, packet_info *pinfo, const char *source_name);

/* A new tvb holding SEQUENCE { the len bytes at offset }: restores an
 * implicitly tagged SEQUENCE, whose contents the BER helpers hand over. */
tvbuff_t *pkixcmp_wrap_in_sequence(tvbuff_t *tvb, int offset, int len, packet_info *pinfo, const char *source_name);

/* Hands the element at offset to the decoder registered for the OID
 * (Wireshark's or this plugin's); unknown OIDs are shown raw with a
 * pkixcmp.unknown_oid note.  Returns the offset after the element. */
int pkixcmp_call_oid(const char *oid, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, const char *what);
/* The same for a BER syntax name ("CertificationRequest", ...). */
int pkixcmp_call_syntax(const char *syntax, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree);
/* Shows the element at offset raw under pkixcmp.unknown with an expert
 * info (pkixcmp.unexpected, formatted with why).  Returns the offset after. */
int pkixcmp_show_unexpected(tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, const char *why);

/* dissect_ber_sequence, then a pkixcmp.missing_field error when the
 * contents end before a mandatory field of seq (which Wireshark does not
 * report); type is the SEQUENCE's ASN.1 name. */
int pkixcmp_dissect_sequence(ber_implicit_t implicit_tag, asn1_ctx_t *actx, proto_tree *tree, tvbuff_t *tvb,
                             int offset, const ber_sequence_t *seq, int hf_index, int ett_index, const char *type);

/* dissect_ber_sequence_of for a SEQUENCE SIZE (1..MAX) OF: one without
 * elements gets a pkixcmp.empty_sequence warning naming what.  (Wireshark's
 * size-checking variant is not exported to plugins.) */
int pkixcmp_dissect_sequence_of_1_max(ber_implicit_t implicit_tag, asn1_ctx_t *actx, proto_tree *tree, tvbuff_t *tvb,
                                      int offset, const ber_sequence_t *seq, int hf_index, int ett_index,
                                      const char *what);

/* Remembers an OID the message carries (implementation fingerprints). */
void pkixcmp_note_oid(asn1_ctx_t *actx, const char *oid);
/* An OID that names the item above it: remembered (pkixcmp_note_oid), left
 * in actx->external.direct_reference, and its name appended to the
 * parent's label with format (" (%s)") when anyone can see the label. */
int pkixcmp_dissect_labelling_oid(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx,
                                  proto_tree *tree, int hf_index, const char *format);

/* Adds a pkixcmp expert note "tagged implicitly (non-conformant encoder)"
 * on item; what names the field. */
void pkixcmp_note_implicit_tag(asn1_ctx_t *actx, proto_item *item, const char *what);

/* Fields and subtree shared by every AlgorithmIdentifier. */
extern int hf_pkixcmp_algorithm;          /* pkixcmp.algorithm, FT_NONE */
extern int hf_pkixcmp_algorithm_params;   /* pkixcmp.algorithm.params */
extern gint ett_pkixcmp_algorithm;
extern int hf_pkixcmp_certificate;        /* pkixcmp.certificate */
extern int hf_pkixcmp_crl;                /* pkixcmp.crl */
extern int hf_pkixcmp_cert_req_id;        /* pkixcmp.cert_req_id */

/* A dissector for the BER OID table that decodes one element of an ASN.1
 * type with type_fn under the field hf (register_ber_oid_dissector). */
#define PKIXCMP_OID_DISSECTOR(name, type_fn, hf) \
    static int name(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *data _U_) \
    { \
        asn1_ctx_t actx; \
        pkixcmp_oid_actx_init(&actx, pinfo); \
        return type_fn(FALSE, tvb, 0, &actx, tree, hf); \
    }

/* For an IMPLICIT [n] field of CRMF (the tvb from offset holds the [n]'s
 * contents): when the encoder tagged it explicitly instead (the contents
 * are one element with universal_tag), fn decodes that element and a
 * pkixcmp.explicit_tag note is added; otherwise fn decodes the field as
 * the module says. */
int pkixcmp_dissect_maybe_explicit(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx,
                                   proto_tree *tree, int hf_index, ber_callback fn, gint32 universal_tag);

/* Defines name, a ber_callback for an IMPLICIT [n] field of type fn whose
 * universal tag is universal_tag, tolerant of explicit tagging. */
#define PKIXCMP_TOLERANT_IMPLICIT(name, fn, universal_tag) \
    static int name(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index) \
    { \
        return pkixcmp_dissect_maybe_explicit(implicit_tag, tvb, offset, actx, tree, hf_index, fn, universal_tag); \
    }

/* Building blocks, with the BER callback signature (ber_callback). */
#define PKIXCMP_BER_CALLBACK(name) \
    int name(ber_implicit_t implicit_tag, tvbuff_t *tvb, int offset, asn1_ctx_t *actx, proto_tree *tree, int hf_index)

PKIXCMP_BER_CALLBACK(pkixcmp_dissect_integer);
PKIXCMP_BER_CALLBACK(pkixcmp_dissect_octet_string);
PKIXCMP_BER_CALLBACK(pkixcmp_dissect_generalized_time);
PKIXCMP_BER_CALLBACK(pkixcmp_dissect_utf8_string);
PKIXCMP_BER_CALLBACK(pkixcmp_dissect_bit_string);
PKIXCMP_BER_CALLBACK(pkixcmp_dissect_boolean);
PKIXCMP_BER_CALLBACK(pkixcmp_dissect_null);
PKIXCMP_BER_CALLBACK(pkixcmp_dissect_oid);
PKIXCMP_BER_CALLBACK(pkixcmp_dissect_serial_number);
PKIXCMP_BER_CALLBACK(pkixcmp_dissect_generic_ber);
/* Time ::= CHOICE { utcTime UTCTime, generalTime GeneralizedTime }, in the
 * form RFC 5280 section 4.1.2.5 gives it, as hf_index (FT_ABSOLUTE_TIME);
 * any other form is shown raw with a pkixcmp.unexpected note. */
PKIXCMP_BER_CALLBACK(pkixcmp_dissect_time);
PKIXCMP_BER_CALLBACK(pkixcmp_dissect_general_name);
PKIXCMP_BER_CALLBACK(pkixcmp_dissect_general_names);
PKIXCMP_BER_CALLBACK(pkixcmp_dissect_name);
/* AlgorithmIdentifier; the OID ends up in actx->external.direct_reference. */
PKIXCMP_BER_CALLBACK(pkixcmp_dissect_algorithm_identifier);
PKIXCMP_BER_CALLBACK(pkixcmp_dissect_algorithm_oid);
PKIXCMP_BER_CALLBACK(pkixcmp_dissect_algorithm_params);
PKIXCMP_BER_CALLBACK(pkixcmp_dissect_subject_public_key_info);
PKIXCMP_BER_CALLBACK(pkixcmp_dissect_extensions);
PKIXCMP_BER_CALLBACK(pkixcmp_dissect_cert_template);
PKIXCMP_BER_CALLBACK(pkixcmp_dissect_cert_id);
PKIXCMP_BER_CALLBACK(pkixcmp_dissect_cmp_certificate);
/* SEQUENCE OF CMPCertificate; certificates are recorded as "extraCerts",
 * "caPubs" or "caCerts" after hf_index. */
PKIXCMP_BER_CALLBACK(pkixcmp_dissect_cmp_certificates);
PKIXCMP_BER_CALLBACK(pkixcmp_dissect_certificate_list);
PKIXCMP_BER_CALLBACK(pkixcmp_dissect_crls);
PKIXCMP_BER_CALLBACK(pkixcmp_dissect_encrypted_key);
PKIXCMP_BER_CALLBACK(pkixcmp_dissect_ca_key_upd_ann);
PKIXCMP_BER_CALLBACK(pkixcmp_dissect_root_ca_key_update);
/* PKIMessages ::= SEQUENCE OF PKIMessage, each decoded recursively. */
PKIXCMP_BER_CALLBACK(pkixcmp_dissect_pki_messages);

/* pkixcmp-crmf.c */
void pkixcmp_crmf_register(int proto);
void pkixcmp_crmf_handoff(int proto);
PKIXCMP_BER_CALLBACK(pkixcmp_dissect_cert_req_messages);
PKIXCMP_BER_CALLBACK(pkixcmp_dissect_cert_request);
PKIXCMP_BER_CALLBACK(pkixcmp_dissect_controls);
PKIXCMP_BER_CALLBACK(pkixcmp_dissect_encrypted_value);
PKIXCMP_BER_CALLBACK(pkixcmp_dissect_publication_info);

/* pkixcmp-itav.c */
void pkixcmp_itav_register(int proto);
void pkixcmp_itav_handoff(int proto);

#endif /* ENTRUST_PKIXCMP_ASN1_H */
