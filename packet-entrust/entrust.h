/* entrust.h - what the plugin's dissector files share
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Two protocols live in this plugin:
 *  - "entrust": the TCP layer on ports 709, 710 and 829 (framings, sessions);
 *  - "pkixcmp": the PKIMessage itself, whatever carries it (TCP, HTTP).
 * The filter name "cmp" belongs to Wireshark's built-in CMP dissector.
 */
#ifndef ENTRUST_ENTRUST_H
#define ENTRUST_ENTRUST_H

#include <epan/packet.h>
#include <epan/conversation.h>

/* Names of the registered dissectors, for find_dissector(). */
#define PKIXCMP_DISSECTOR_NAME      "pkixcmp"
#define ENTRUST_HTTP_POLL_DISSECTOR_NAME "entrust.http_poll"   /* application/pkixcmp-poll bodies */

/* The largest PDU the framing accepts by default (a preference). */
#define ENTRUST_DEFAULT_MAX_PDU     (16u * 1024 * 1024)

/* A byte string copied out of a message (packet scope). */
typedef struct {
    const guint8 *data;      /* NULL when absent (non-NULL when present but empty) */
    guint len;
} pkixcmp_bytes_t;

/* How many certReqIds a message summary keeps (pkixcmp_msg_t). */
#define PKIXCMP_MAX_CERT_REQ_IDS 4

/* What the pkixcmp dissector learnt about one PKIMessage; the transaction
 * tracker, the statistics and the identification read it.  Strings and
 * bytes live in pinfo->pool. */
typedef struct {
    gint     pvno;           /* -1 until read */
    gint     body;           /* PKIBody tag (PKIXCMP_BODY_UNKNOWN for one RFC 9810
                                does not define), -1 until read */
    gint     status;         /* first PKIStatusInfo's PKIStatus in the body, -1 if none */
    guint    status_count;   /* how many PKIStatus the body holds */
    gboolean decoded;        /* the PKIMessage was recognised */
    guint32  fail_info;      /* PKIFailureInfo bits of the body, bit n = 1u << n */
    gboolean has_fail_info;
    pkixcmp_bytes_t transaction_id;
    pkixcmp_bytes_t sender_nonce;
    pkixcmp_bytes_t recip_nonce;
    const char *protection_alg;   /* OID string, NULL without protectionAlg */
    gboolean has_protection;      /* the protection BIT STRING is present */
    /* PasswordBasedMac parameters, when protectionAlg is PBM; PBMAC1's
     * (its PBKDF2's PRF as owf) when it is PBMAC1 */
    const char *pbm_owf;          /* OID string */
    const char *pbm_mac;          /* OID string */
    gint64   pbm_iterations;      /* PKIXCMP_PBM_ITERATIONS_UNKNOWN until read */
    gboolean pbkdf2_prf_absent;   /* PBKDF2-params without prf: its DEFAULT, hmacWithSHA1 */
    const char *pss_weak_hash;    /* RSASSA-PSS protection: its broken hash, or NULL */
    gboolean implicit_confirm;    /* generalInfo holds id-it-implicitConfirm */
    gint32   cert_req_ids[PKIXCMP_MAX_CERT_REQ_IDS]; /* the certReqIds of the body's CertResponses
                                     (ip, cp, kup, ccp) or CertStatus (certConf), the first ones */
    guint    n_cert_req_ids;      /* how many the body holds (may exceed the array) */
    const char *free_text;        /* the first freeText string, or NULL */
    const char *sender;           /* the sender's directoryName as a DN string
                                     ("CN=x,O=y"), or NULL */
    gint     depth;               /* 0 for a top-level message, >0 nested */
    wmem_list_t *certificates;    /* pkixcmp_cert_t *, in message order; NULL if none; a nested
                                     message adds to its outer message's */
    wmem_list_t *oids;            /* const char *: every algorithm, infoType and
                                     extension OID seen; NULL if none */
} pkixcmp_msg_t;

/* A certificate carried by a message, and where. */
typedef struct {
    tvbuff_t *tvb;                /* exactly the Certificate's DER */
    const char *where;            /* "extraCerts", "caPubs", "response", ... */
} pkixcmp_cert_t;

void proto_register_pkixcmp(void);
void proto_reg_handoff_pkixcmp(void);
void proto_register_entrust(void);
void proto_reg_handoff_entrust(void);

/* The dissectors behind the "entrust" handle (a TCP connection) and the
 * "pkixcmp" handle (one PKIMessage), for the heuristics that claim data
 * for them: called directly, since the heuristic table has already put
 * the heuristic's protocol into the frame's layers, and a call through
 * the handle would list it twice. */
int dissect_entrust(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *data);
int dissect_pkixcmp(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *data);

/* transactions.c: request/response tracking, protocol checks, statistics
 * and certificate export over whole captures. */
void pkixcmp_transactions_register(int proto_pkixcmp);
void pkixcmp_transactions_handoff(void);
/* Called once per top-level PKIMessage, after it is dissected, with the
 * packet's conversation (found once for this and identification). */
void pkixcmp_track_message(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, pkixcmp_msg_t *msg,
                           conversation_t *conversation);
/* Called for each TCP-framing message that carries no PKIMessage
 * (pollReq, pollRep, negPollRep, finRep, errorMsgRep), for the v0 pairs;
 * value_offset is where its value (a polling reference first) starts. */
void entrust_track_framing(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, gboolean v10, guint8 type,
                           int value_offset);
/* Whether a pollRep between the packet's endpoints gave the polling
 * reference at ref (4 octets) to a transaction (first pass: so far). */
gboolean entrust_poll_ref_known(packet_info *pinfo, const guint8 *ref);

/* identify.c: which implementation a conversation reveals (Entrust,
 * cryptlib, OpenSSL, EJBCA, ...), and the heuristic dissectors that find
 * CMP on other ports and in HTTP bodies without a Content-Type. */
void pkixcmp_identify_register(int proto_pkixcmp);
void entrust_identify_register(int proto_entrust);
void entrust_identify_handoff(void);
/* Called once per top-level PKIMessage, after it is dissected. */
void entrust_identify_message(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, pkixcmp_msg_t *msg,
                              conversation_t *conversation);
/* Shows what is known of the conversation (entrust.product); called on
 * every frame the entrust dissector handles. */
void entrust_identify_show(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, conversation_t *conversation);

/* Wireshark's generic BER tree (dissect_unknown_ber), unless the BER nests
 * deeper than a real value would or holds a REAL that decoder asserts on:
 * then the bytes, with an expert error. */
int pkixcmp_dissect_unknown_ber(packet_info *pinfo, tvbuff_t *tvb, proto_tree *tree);

/* The preference entrust.max_pdu_size. */
guint entrust_max_pdu_size(void);

/* Whether TCP may reassemble for this dissector, and the preference
 * entrust.desegment lets it. */
gboolean entrust_may_desegment(const packet_info *pinfo);

/* The TCP heuristic (identify.c) found a TCP framing header (header_len
 * octets, which cmp_heur_header_alone accepts, in header_frame) that came
 * alone, before CMP was found on the port; the PKIMessage it announces
 * starts at TCP sequence number body_seq in direction dir
 * (entrust_tcp_direction); at_hand when that is where the data at hand
 * starts.  The entrust dissector, to which the connection then belongs,
 * shows that PKIMessage as the PDU of that header and reassembles it if
 * need be. */
void entrust_take_split_header(conversation_t *conversation, packet_info *pinfo, guint dir, const guint8 *header,
                               guint header_len, guint32 header_frame, guint32 body_seq, gboolean at_hand);

/* The direction of a segment in its TCP connection, 0 or 1: the same for
 * every segment one endpoint sends, in every pass (by address and port). */
guint entrust_tcp_direction(const packet_info *pinfo);

/* The TCP port of a segment's server, the one its connection's SYN went
 * to; 0 when the capture does not hold the SYN. */
guint16 entrust_tcp_server_port(packet_info *pinfo);

/* Names of PKIBody tags (ir, ip, ...), for other files' Info texts. */
const char *pkixcmp_body_name(guint32 tag);

#endif /* ENTRUST_ENTRUST_H */
