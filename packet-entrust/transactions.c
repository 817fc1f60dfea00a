/* transactions.c - CMP transactions across a capture
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Links each request to its response (pkixcmp.response_in / response_to /
 * response_time), numbers transactions (pkixcmp.transaction), checks the
 * rules of RFC 9810 section 5.3 and RFC 2510 section 5.2 across messages
 * (nonces, transactionIDs, which body may answer which, implicit
 * confirmation), flags security risks, and feeds the statistics
 * (-z pkixcmp,tree and -z pkixcmp,srt) and Export Objects (pkixcmp).
 * The rules themselves are plain C in pkixcmp-rules.c.
 *
 * Passes: everything is computed once, on the first pass
 * (!PINFO_FD_VISITED), and stored per message with p_add_proto_data in
 * file scope; every pass shows the stored result.  What can only be known
 * at the end of the capture (a request never answered, a certificate never
 * confirmed) is shown on visited frames only: with tshark -2, in the GUI,
 * but never in tshark's single pass, which prints a frame before it has
 * seen the rest of the capture.
 */
#include <wireshark.h>
#include <epan/packet.h>
#include <epan/conversation.h>
#include <epan/expert.h>
#include <epan/proto_data.h>
#include <epan/tap.h>
#include <epan/stats_tree.h>
#include <epan/srt_table.h>
#include <epan/export_object.h>
#include <epan/oids.h>
#include <wsutil/to_str.h>
#include <epan/to_str.h>
#include <epan/addr_resolv.h>

#include "entrust.h"
#include "pkixcmp-oids.h"
#include "pkixcmp-rules.h"
#include "transactions.h"

static int proto_pkixcmp = -1;

static int hf_pkixcmp_transaction = -1;
static int hf_pkixcmp_response_in = -1;
static int hf_pkixcmp_response_to = -1;
static int hf_pkixcmp_response_time = -1;

static expert_field ei_unprotected = EI_INIT;
static expert_field ei_protection_mismatch = EI_INIT;
static expert_field ei_weak_protection = EI_INIT;
static expert_field ei_broken_protection = EI_INIT;
static expert_field ei_weak_signature = EI_INIT;
static expert_field ei_nonce_mismatch = EI_INIT;
static expert_field ei_nonce_reuse = EI_INIT;
static expert_field ei_forwarded = EI_INIT;
static expert_field ei_transaction_id = EI_INIT;
static expert_field ei_unexpected = EI_INIT;
static expert_field ei_no_response = EI_INIT;
static expert_field ei_pvno_mismatch = EI_INIT;
static expert_field ei_implicit_confirm = EI_INIT;
static expert_field ei_private_key = EI_INIT;
static expert_field ei_no_certificate = EI_INIT;
static expert_field ei_cert_req_id = EI_INIT;
static expert_field ei_rejected = EI_INIT;
static expert_field ei_waiting = EI_INIT;
static expert_field ei_revocation = EI_INIT;

static expert_field ei_entrust_public_address = EI_INIT;
static expert_field ei_entrust_cleartext_admin = EI_INIT;

static int pkixcmp_tap = -1;      /* "pkixcmp": statistics and SRT */
static int pkixcmp_eo_tap = -1;   /* "pkixcmp_eo": Export Objects */

/* p_add_proto_data keys (proto_pkixcmp); far from packet-pkixcmp.c's 1. */
#define TX_KEY_COUNTER  0x74780000u   /* pinfo->pool: messages seen in this frame so far */
#define TX_KEY_RECORD   0x74790000u   /* file scope: + message index in the frame */

#define TX_CLIENT 0
#define TX_SERVER 1

/* ------------------------------------------------------------------------
 * State
 */

/* A byte string kept for the whole capture. */
typedef struct {
    guint8 *data;                 /* NULL when absent */
    guint   len;
} tx_bytes_t;

/* One sending of a senderNonce: from where to where (the addresses kept
 * once, in hosts), in which frame. */
typedef struct _tx_hop_t {
    const address *from, *to;
    guint16   from_port, to_port;
    guint32   frame;
    struct _tx_hop_t *next;       /* the next one kept, NULL after the last */
} tx_hop_t;

/* At most this many sendings of one senderNonce are kept: one sent over
 * and over costs no more memory or time. */
#define TX_NONCE_HOPS 8

/* A senderNonce seen in the capture, and its sendings, the first one
 * inline: a message an RA forwards keeps its senderNonce (RFC 9483
 * section 5.2), so it is sent once per hop. */
typedef struct {
    tx_bytes_t nonce;
    tx_hop_t   first;
} tx_nonce_t;

/* How a transaction ended, counted by the statistics. */
typedef enum {
    TX_OUTCOME_NONE = 0,          /* not decided by this message */
    TX_OUTCOME_CONFIRMED,         /* certConf answered by pkiconf (or v1 confirm answered) */
    TX_OUTCOME_IMPLICIT,          /* certificate delivered with implicitConfirm */
    TX_OUTCOME_COMPLETED,         /* rp, genp, krp: nothing to confirm */
    TX_OUTCOME_REJECTED,          /* a response with status rejection */
    TX_OUTCOME_ERROR,             /* an error message */
    TX_OUTCOME_TRANSPORT_ERROR,   /* a TCP errorMsgRep */
    TX_OUTCOME_NOTHING,           /* negPollRep / finRep: nothing (more) to send */
    TX_OUTCOME_NO_RESPONSE        /* never answered (known at the end only) */
} tx_outcome_t;

static const value_string tx_outcome_vals[] = {
    { TX_OUTCOME_CONFIRMED,       "confirmed (certConf, pkiconf)" },
    { TX_OUTCOME_IMPLICIT,        "implicitly confirmed" },
    { TX_OUTCOME_COMPLETED,       "completed" },
    { TX_OUTCOME_REJECTED,        "rejected" },
    { TX_OUTCOME_ERROR,           "error message" },
    { TX_OUTCOME_TRANSPORT_ERROR, "TCP errorMsgRep" },
    { TX_OUTCOME_NOTHING,         "nothing to send (negPollRep/finRep)" },
    { TX_OUTCOME_NO_RESPONSE,     "request not answered" },
    { 0, NULL }
};

/* An expert info found on the first pass, shown on every pass. */
typedef struct _tx_finding_t {
    expert_field *ei;             /* which one */
    const char *text;             /* its text, file scope */
    struct _tx_finding_t *next;   /* the next one of the same message */
} tx_finding_t;

typedef struct _tx_t tx_t;
typedef struct _tx_rec_t tx_rec_t;

/* What is remembered of one message (a PKIMessage or a TCP-framing
 * message without one).  One is kept per message for the whole capture,
 * so it is kept small: what a response shows of its request (frame, body,
 * time) is read from the request's record. */
struct _tx_rec_t {
    tx_t     *tx;                 /* its transaction, NULL when none could be found */
    const tx_rec_t *request;      /* responses: the request answered, NULL if none */
    tx_finding_t *findings;       /* expert infos, in order */
    nstime_t  time;               /* the frame's absolute time */
    guint32   frame;              /* the frame that carries it */
    guint32   response_in;        /* requests: the answer's frame, 0 until seen */
    gint      body;               /* PKIBody tag, or PKIXCMP_FRAMING_*_BASE + framing type */
    gint      pvno;               /* -1 for framing messages */
    guint8    side;               /* TX_CLIENT or TX_SERVER */
    guint8    outcome;            /* tx_outcome_t: how this message ended its transaction */
    guint     expects_response : 1;   /* a request that must be answered */
    guint     needs_confirm : 1;      /* a certificate response not (yet) confirmed */
};

/* One CMP transaction. */
struct _tx_t {
    guint32   index;              /* pkixcmp.transaction: 0, 1, ... in order of appearance */
    tx_bytes_t tid;               /* its transactionID (empty when the messages had none) */
    gint      first_request;      /* body that opened it (ir, cr, ...), -1 when unseen */
    tx_rec_t *pending;            /* the request waiting for its answer, NULL if none */
    gint      pending_orig;       /* the request whose answer that one waits for
                                     (differs for pollReq and popdecr) */
    gint      delayed;            /* request whose answer was delayed (waiting, pollRep), -1 if none */
    tx_rec_t *to_confirm;         /* certificate response still waiting for certConf */
    gboolean  ic_requested;       /* a request asked for implicitConfirm */
    gboolean  cert_rejected;      /* the last certConf rejected a certificate */
    const address *server;        /* where the last request went (host_keep), */
    guint32   server_port;        /* 0 before any request: who sends what */
    guint32   ic_granted_in;      /* frame that granted implicitConfirm, 0 if none */
    guint32   ended_in;           /* frame of the final answer, 0 while open */
    tx_bytes_t nonce[2];          /* last senderNonce of the client and the server */
    guint32   nonce_frame[2];     /* the frames that sent them */
    gint32    cert_req_ids[PKIXCMP_MAX_CERT_REQ_IDS]; /* the certReqIds of to_confirm's CertResponses */
    guint     n_cert_req_ids;     /* how many it holds (above the array's size: not checked) */
};

/* One TCP connection (conversation): its latest transaction, which is what
 * messages without a transactionID (and TCP-framing messages, which have
 * none) belong to. */
typedef struct {
    tx_t *tx;                     /* NULL until a message is seen */
} tx_conv_t;

/* Transactions are found by transactionID plus the unordered pair of
 * addresses, without the client's port: HTTP clients open a new
 * connection (a new client port) for each message of a transaction, v0
 * polling clients reconnect, and the TCP framing polls on fresh
 * connections, so that port would split one transaction.  The addresses
 * keep two hops of an RA (EE-RA and RA-CA, often with the same
 * transactionID) apart; where both ends share one address, as on
 * loopback, the server's port does.  Two clients behind one NAT address
 * picking the same 128-bit random ID is not a practical concern.
 * Messages without a transactionID fall back to the TCP connection's
 * latest transaction. */
typedef struct {
    address a, b;                 /* the two addresses, a <= b */
    tx_bytes_t tid;               /* the transactionID */
    guint16 server_port;          /* when a and b are equal, else 0 */
} tx_key_t;

/* Per-capture state.  The tables are GHashTables, made and destroyed with
 * the capture (tx_init, tx_cleanup), and point to keys and values in file
 * scope.  Unlike a wmem_map, a GHashTable keeps each key's hash: a lookup
 * seldom reads a stored key, and growing rehashes none; every message
 * looks into all of them. */
static GHashTable *tx_by_key;        /* tx_key_t * -> tx_t * */
static GHashTable *tx_by_poll_ref;   /* tx_key_t * whose tid is a TCP-framing polling
                                        reference (4 octets) -> tx_t *: a polling
                                        client may reconnect (RFC 2510 5.2) */
static GHashTable *tx_by_conv;       /* conversation index -> tx_conv_t * */
static GHashTable *sender_nonces;    /* tx_nonce_t *: every senderNonce, once */
static GHashTable *hosts;            /* address *: every address kept, once (host_keep) */
static GHashTable *finding_texts;    /* const char *: expert texts, each once */
static guint32 tx_next_index;        /* the next pkixcmp.transaction */

/* The verdict on the PasswordBasedMac parameters last seen, with its
 * expert texts: the messages of a capture mostly share one set of
 * parameters, which is then judged once rather than for every message.
 * Reset with the capture (tx_init): the strings are in file scope. */
static struct {
    gboolean valid;
    gboolean pbmac1;              /* PBMAC1's parameters, not PBM's */
    gboolean prf_absent;          /* PBMAC1: PBKDF2's DEFAULT prf */
    const char *owf, *mac;        /* OID strings, NULL when absent */
    gint64 iterations;
    const char *weak_text;        /* NULL when the parameters are not weak */
    const char *broken_text;      /* NULL when they are not broken */
} pbm_verdict;

/* What the taps receive (packet scope). */
typedef struct {
    const pkixcmp_msg_t *msg;     /* NULL for a TCP-framing message */
    const tx_rec_t *rec;          /* NULL when nothing is tracked */
    tvbuff_t *tvb;                /* the PKIMessage (or framing message) */
    const pkixcmp_scan_t *scan;   /* key material and genp caCerts, NULL for framing */
    gboolean later_pass;          /* the frame was dissected before: the whole capture was
                                     read (taps run after the frame is marked visited,
                                     so they cannot ask PINFO_FD_VISITED themselves) */
} pkixcmp_tap_info_t;

/* ------------------------------------------------------------------------
 * Helpers
 */
static guint
bytes_hash(gconstpointer key)
{
    const tx_bytes_t *b = (const tx_bytes_t *)key;
    return wmem_strong_hash(b->data, b->len);
}

static gboolean
bytes_equal(const tx_bytes_t *x, const tx_bytes_t *y)
{
    return x->len == y->len && (x->len == 0 || memcmp(x->data, y->data, x->len) == 0);
}

static guint
nonce_hash(gconstpointer key)
{
    return bytes_hash(&((const tx_nonce_t *)key)->nonce);
}

static gboolean
nonce_equal(gconstpointer x, gconstpointer y)
{
    return bytes_equal(&((const tx_nonce_t *)x)->nonce, &((const tx_nonce_t *)y)->nonce);
}

static guint
host_hash(gconstpointer key)
{
    return add_address_to_hash(0, (const address *)key);
}

static gboolean
host_equal(gconstpointer x, gconstpointer y)
{
    return addresses_equal((const address *)x, (const address *)y);
}

/* The capture's copy of an address: a capture has few hosts, and every
 * transaction key, server and senderNonce sending points to them. */
static const address *
host_keep(const address *addr)
{
    address *kept = (address *)g_hash_table_lookup(hosts, addr);

    if (!kept) {
        kept = wmem_new(wmem_file_scope(), address);
        copy_address_wmem(wmem_file_scope(), kept, addr);
        g_hash_table_add(hosts, kept);
    }
    return kept;
}

static tx_bytes_t
bytes_keep(const pkixcmp_bytes_t *in)
{
    tx_bytes_t out = { NULL, 0 };
    if (in->data) {
        out.data = (guint8 *)wmem_memdup(wmem_file_scope(), in->data, in->len);
        out.len = in->len;
    }
    return out;
}

/* Hex of a nonce or transactionID for expert texts (in the packet's pool:
 * add_finding() copies the texts). */
static const char *
bytes_hex(wmem_allocator_t *pool, const guint8 *data, guint len)
{
    char *hex;

    if (!data)
        return "(none)";
    if (len == 0)
        return "(empty)";
    hex = (char *)wmem_alloc(pool, (gsize)len * 2 + 1);
    *bytes_to_hexstr(hex, data, len) = '\0';
    return hex;
}

static guint
key_hash(gconstpointer k)
{
    const tx_key_t *key = (const tx_key_t *)k;
    guint hash = bytes_hash(&key->tid) ^ key->server_port;
    hash = add_address_to_hash(hash, &key->a);
    return add_address_to_hash(hash, &key->b);
}

static gboolean
key_equal(gconstpointer x, gconstpointer y)
{
    const tx_key_t *p = (const tx_key_t *)x, *q = (const tx_key_t *)y;
    return p->server_port == q->server_port && addresses_equal(&p->a, &q->a) && addresses_equal(&p->b, &q->b)
           && bytes_equal(&p->tid, &q->tid);
}

/* Where both ends of a connection share one address (loopback), the
 * server's port: TCP's, from the SYN, when the capture holds it; else the
 * one a request goes to or a response comes from; else (pkiconf, error,
 * nested: either side sends them) the one the requests of the
 * connection's transaction (conn_tx, may be NULL) went to; else the lower
 * port. */
static guint16
loopback_server_port(packet_info *pinfo, gint body, const tx_t *conn_tx)
{
    guint16 syn_port = entrust_tcp_server_port(pinfo);

    if (syn_port)
        return syn_port;
    switch (pkixcmp_body_role(body)) {
    case PKIXCMP_ROLE_REQUEST:
        return (guint16)pinfo->destport;
    case PKIXCMP_ROLE_RESPONSE:
    case PKIXCMP_ROLE_ANNOUNCEMENT:
        return (guint16)pinfo->srcport;
    case PKIXCMP_ROLE_EITHER:
    default:
        if (conn_tx && conn_tx->server_port)
            return (guint16)conn_tx->server_port;
        return (guint16)MIN(pinfo->srcport, pinfo->destport);
    }
}

/* The key of a message's transaction (body: the message's, or a framing
 * pseudo body; conn_tx: its connection's latest transaction, or NULL).
 * A kept key points to the capture's copies of the addresses (host_keep);
 * a lookup key only to the packet's. */
static void
key_fill(tx_key_t *key, packet_info *pinfo, const pkixcmp_bytes_t *tid, gint body, const tx_t *conn_tx,
         gboolean kept)
{
    gboolean swap = cmp_address(&pinfo->src, &pinfo->dst) > 0;
    const address *a = swap ? &pinfo->dst : &pinfo->src, *b = swap ? &pinfo->src : &pinfo->dst;

    copy_address_shallow(&key->a, kept ? host_keep(a) : a);
    copy_address_shallow(&key->b, kept ? host_keep(b) : b);
    key->tid.data = (guint8 *)tid->data;
    key->tid.len = tid->len;
    key->server_port = addresses_equal(a, b) ? loopback_server_port(pinfo, body, conn_tx) : 0;
}

/* Name of a body or framing pseudo body. */
static const char *
body_name(gint body)
{
    switch (body) {
    case PKIXCMP_FRAMING_V0_BASE + 1:  return "pollRep (RFC 2510 TCP)";
    case PKIXCMP_FRAMING_V0_BASE + 2:  return "pollReq (RFC 2510 TCP)";
    case PKIXCMP_FRAMING_V0_BASE + 3:  return "negPollRep (RFC 2510 TCP)";
    case PKIXCMP_FRAMING_V0_BASE + 6:  return "errorMsgRep (RFC 2510 TCP)";
    case PKIXCMP_FRAMING_V10_BASE + 1: return "pollRep (TCP version 10)";
    case PKIXCMP_FRAMING_V10_BASE + 2: return "pollReq (TCP version 10)";
    case PKIXCMP_FRAMING_V10_BASE + 3: return "finRep (TCP version 10)";
    case PKIXCMP_FRAMING_V10_BASE + 6: return "errorMsgRep (TCP version 10)";
    default:
        if (body >= PKIXCMP_FRAMING_V0_BASE)
            return "TCP framing message";
        return pkixcmp_body_name((guint32)body);
    }
}

/* Attaches an expert info whose text lives as long as the capture: a
 * literal, or a text already kept in finding_texts. */
static void
add_finding_text(tx_rec_t *rec, expert_field *ei, const char *text)
{
    tx_finding_t *f = wmem_new(wmem_file_scope(), tx_finding_t);
    tx_finding_t **link;

    f->ei = ei;
    f->text = text;
    f->next = NULL;
    /* A message has a few findings at most: the list is walked rather
     * than a tail pointer kept in every record. */
    for (link = &rec->findings; *link; link = &(*link)->next)
        ;
    *link = f;
}

/* The capture's copy of a formatted expert text.  Most texts recur
 * ("Weak PasswordBasedMac: ...", "Unprotected ir: ..."): each distinct one
 * is kept once for the whole capture.  The text is formatted on the stack
 * first, so that a repeated one costs no allocation, and cut where
 * Wireshark cuts every expert text (ITEM_LABEL_LENGTH), so that what is
 * kept is what is shown. */
static const char *
keep_vtext(const char *fmt, va_list ap) G_GNUC_PRINTF(1, 0);

static const char *
keep_vtext(const char *fmt, va_list ap)
{
    char text[ITEM_LABEL_LENGTH];
    const char *kept;

    g_vsnprintf(text, sizeof text, fmt, ap);
    kept = (const char *)g_hash_table_lookup(finding_texts, text);
    if (!kept) {
        kept = wmem_strdup(wmem_file_scope(), text);
        g_hash_table_add(finding_texts, (gpointer)kept);
    }
    return kept;
}

static const char *
keep_text(const char *fmt, ...) G_GNUC_PRINTF(1, 2);

static const char *
keep_text(const char *fmt, ...)
{
    const char *kept;
    va_list ap;

    va_start(ap, fmt);
    kept = keep_vtext(fmt, ap);
    va_end(ap);
    return kept;
}

static void
add_finding(tx_rec_t *rec, expert_field *ei, const char *fmt, ...) G_GNUC_PRINTF(3, 4);

static void
add_finding(tx_rec_t *rec, expert_field *ei, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    add_finding_text(rec, ei, keep_vtext(fmt, ap));
    va_end(ap);
}

/* Index of the next message in this frame (several PDUs may share one). */
static guint32
next_message_index(packet_info *pinfo)
{
    guint32 n = GPOINTER_TO_UINT(p_get_proto_data(pinfo->pool, pinfo, proto_pkixcmp, TX_KEY_COUNTER));
    p_set_proto_data(pinfo->pool, pinfo, proto_pkixcmp, TX_KEY_COUNTER, GUINT_TO_POINTER(n + 1));
    return n;
}

static tx_conv_t *
conv_state(conversation_t *conv)
{
    tx_conv_t *state = (tx_conv_t *)g_hash_table_lookup(tx_by_conv, GUINT_TO_POINTER(conv->conv_index));

    if (!state) {
        state = wmem_new0(wmem_file_scope(), tx_conv_t);
        g_hash_table_insert(tx_by_conv, GUINT_TO_POINTER(conv->conv_index), state);
    }
    return state;
}

static void
tx_init(void)
{
    tx_next_index = 0;
    memset(&pbm_verdict, 0, sizeof pbm_verdict);
    tx_by_key = g_hash_table_new(key_hash, key_equal);
    tx_by_poll_ref = g_hash_table_new(key_hash, key_equal);
    tx_by_conv = g_hash_table_new(g_direct_hash, g_direct_equal);
    sender_nonces = g_hash_table_new(nonce_hash, nonce_equal);
    hosts = g_hash_table_new(host_hash, host_equal);
    finding_texts = g_hash_table_new(g_str_hash, g_str_equal);
}

static void
tx_cleanup(void)
{
    g_hash_table_destroy(tx_by_key);
    g_hash_table_destroy(tx_by_poll_ref);
    g_hash_table_destroy(tx_by_conv);
    g_hash_table_destroy(sender_nonces);
    g_hash_table_destroy(hosts);
    g_hash_table_destroy(finding_texts);
    tx_by_key = tx_by_poll_ref = tx_by_conv = sender_nonces = hosts = finding_texts = NULL;
}

/* ------------------------------------------------------------------------
 * First pass: checks of one message on its own
 */
/* PasswordBasedMac or PBMAC1 (pbmac1): the one-way function (PBKDF2's
 * PRF), the MAC and the iteration count. */
static void
check_password_based_mac(tx_rec_t *rec, const pkixcmp_msg_t *msg, gboolean pbmac1)
{
    if (!pbm_verdict.valid || pbm_verdict.pbmac1 != pbmac1 || pbm_verdict.prf_absent != msg->pbkdf2_prf_absent
            || pbm_verdict.iterations != msg->pbm_iterations
            || g_strcmp0(pbm_verdict.owf, msg->pbm_owf) != 0 || g_strcmp0(pbm_verdict.mac, msg->pbm_mac) != 0) {
        GString *why = g_string_new(NULL);
        pkixcmp_pbm_strength_t strength = pbmac1
            ? pkixcmp_pbmac1_check(msg->pbm_owf, msg->pbkdf2_prf_absent, msg->pbm_mac, msg->pbm_iterations, why)
            : pkixcmp_pbm_check(msg->pbm_owf, msg->pbm_mac, msg->pbm_iterations, why);

        pbm_verdict.valid = TRUE;
        pbm_verdict.pbmac1 = pbmac1;
        pbm_verdict.prf_absent = msg->pbkdf2_prf_absent;
        /* Kept once per capture, like the texts: parameters that alternate
         * (a client's and a server's) must not cost memory per message. */
        pbm_verdict.owf = msg->pbm_owf ? keep_text("%s", msg->pbm_owf) : NULL;
        pbm_verdict.mac = msg->pbm_mac ? keep_text("%s", msg->pbm_mac) : NULL;
        pbm_verdict.iterations = msg->pbm_iterations;
        pbm_verdict.weak_text = why->len
            ? keep_text("Weak %s: %s", pbmac1 ? "PBMAC1" : "PasswordBasedMac", why->str) : NULL;
        pbm_verdict.broken_text = strength == PKIXCMP_PBM_BROKEN
            ? keep_text("PasswordBasedMac with %" G_GINT64_FORMAT " iterations: RFC 4211 section 4.4 asks for at least 100",
                        msg->pbm_iterations)
            : NULL;
        g_string_free(why, TRUE);
    }
    if (pbm_verdict.weak_text)
        add_finding_text(rec, &ei_weak_protection, pbm_verdict.weak_text);
    if (pbm_verdict.broken_text)
        add_finding_text(rec, &ei_broken_protection, pbm_verdict.broken_text);
}

static void
check_protection(tx_rec_t *rec, const pkixcmp_msg_t *msg)
{
    gboolean has_alg = msg->protection_alg != NULL;
    gboolean pbmac1;

    if (has_alg != msg->has_protection)
        add_finding_text(rec, &ei_protection_mismatch, has_alg ? "protectionAlg is present, but the protection is missing"
                                                               : "protection is present without a protectionAlg");
    if (!has_alg && !msg->has_protection) {
        if (msg->body == PKIXCMP_BODY_ERROR)
            add_finding_text(rec, &ei_unprotected, "Unprotected error message: anyone on the path could have sent it");
        else
            add_finding(rec, &ei_unprotected, "Unprotected %s: neither its origin nor its integrity can be checked",
                        body_name(msg->body));
    }
    if (has_alg) {
        const char *name = "RSASSA-PSS";
        const char *hash = strcmp(msg->protection_alg, PKIXCMP_OID_RSASSA_PSS) == 0
            ? msg->pss_weak_hash : pkixcmp_signature_weak_hash(msg->protection_alg, &name);
        if (hash)
            add_finding(rec, &ei_weak_signature, "Weak signature: %s hashes with %s, which RFC 9481 does not list",
                        name, hash);
        else if ((name = pkixcmp_weak_mac_name(msg->protection_alg)))
            add_finding(rec, &ei_weak_protection, "Weak MAC: %s, which RFC 9481 does not list", name);
    }
    pbmac1 = has_alg && strcmp(msg->protection_alg, PKIXCMP_OID_PBMAC1) == 0;
    if (pbmac1 || (has_alg && strcmp(msg->protection_alg, PKIXCMP_OID_PASSWORD_BASED_MAC) == 0)) {
        /* PBMParameter is not optional (RFC 4211 section 4.4), nor are
         * PBMAC1-params and the PBKDF2-params in them (RFC 8018 appendices
         * A.5 and A.2): without them nobody can check the MAC. */
        if ((!msg->pbm_owf && !msg->pbm_mac && msg->pbm_iterations == PKIXCMP_PBM_ITERATIONS_UNKNOWN)
                || (pbmac1 && msg->pbm_iterations == PKIXCMP_PBM_ITERATIONS_UNKNOWN))
            add_finding(rec, &ei_protection_mismatch, "%s without its parameters: the protection cannot be checked",
                        pbmac1 ? "PBMAC1" : "PasswordBasedMac");
        else
            check_password_based_mac(rec, msg, pbmac1);
    }
}

static void
check_status(tx_rec_t *rec, const pkixcmp_msg_t *msg)
{
    GString *fail = NULL;

    if (msg->has_fail_info && msg->fail_info) {
        fail = g_string_new(NULL);
        for (guint bit = 0; bit < 32; bit++) {
            if (msg->fail_info & (1u << bit)) {
                const char *name = pkixcmp_fail_info_name(bit);
                if (fail->len)
                    g_string_append(fail, ", ");
                if (name)
                    g_string_append(fail, name);
                else
                    g_string_append_printf(fail, "bit %u", bit);
            }
        }
    }
    /* A rejection and its reasons are one finding, when the body holds one
     * status: fail_info gathers the failInfo of all of them. */
    if (msg->status == 2 && fail && msg->status_count == 1) {
        add_finding(rec, &ei_rejected, "%s: status rejection, failInfo %s", body_name(msg->body), fail->str);
    } else {
        if (msg->status == 2)
            add_finding(rec, &ei_rejected, "%s: status rejection", body_name(msg->body));
        else if (msg->status == 3)
            add_finding(rec, &ei_waiting, "%s: status waiting, the client is to poll", body_name(msg->body));
        if (fail)
            add_finding(rec, &ei_rejected, "%s: failInfo %s", body_name(msg->body), fail->str);
    }
    if (fail)
        g_string_free(fail, TRUE);
}

static void
check_key_material(tx_rec_t *rec, const pkixcmp_msg_t *msg, const pkixcmp_scan_t *scan)
{
    if (msg->body == PKIXCMP_BODY_KRP && scan->private_key)
        add_finding_text(rec, &ei_private_key, "krp: a key recovery response carries private keys");
    else if (scan->private_key)
        add_finding(rec, &ei_private_key, "%s carries a privateKey (the CA generated or recovered the key)",
                    body_name(msg->body));
    if (scan->archive_options)
        add_finding_text(rec, &ei_private_key, "pkiArchiveOptions: the private key is sent to the CA for archival");
    if (scan->central_keygen)
        add_finding_text(rec, &ei_private_key,
                         "certTemplate without a public key: the CA is asked to generate the key pair and send the private key");
}

static void
hop_fill(tx_hop_t *hop, const packet_info *pinfo)
{
    hop->from = host_keep(&pinfo->src);
    hop->to = host_keep(&pinfo->dst);
    hop->from_port = (guint16)pinfo->srcport;
    hop->to_port = (guint16)pinfo->destport;
    hop->frame = pinfo->num;
    hop->next = NULL;
}

/* Whether this packet goes where hop went. */
static gboolean
goes_to(const tx_hop_t *hop, const packet_info *pinfo)
{
    return hop->to_port == pinfo->destport && addresses_equal(hop->to, &pinfo->dst);
}

/* Whether this packet relays what hop delivered: the host it went to
 * sends it on, and not back to where it came from (to that host; or,
 * where both ends share one address, as on loopback, to that port). */
static gboolean
relays(const tx_hop_t *hop, const packet_info *pinfo)
{
    if (!addresses_equal(hop->to, &pinfo->src))
        return FALSE;
    if (addresses_equal(hop->from, &pinfo->dst))
        return addresses_equal(hop->from, hop->to) && hop->from_port != pinfo->destport;
    return TRUE;
}

/* Returns the capture's copy of the message's senderNonce (the first
 * sender's, when it repeats; equal bytes either way), so that the
 * transaction keeps no second copy; { NULL, 0 } when there is none.
 *
 * A senderNonce sent again is reused, unless the message is relayed: an
 * RA forwards a request or a response with its header unchanged (RFC 9483
 * section 5.2), so one capture of both hops sees the senderNonce twice.
 * It is relayed when a host it was sent to sends it on (relays()); sent
 * by anyone else, back to where it came from, or again to an endpoint it
 * went to before, it is a reuse (or a replay).  An RA that receives on
 * one address and sends on another cannot be told from a stranger: its
 * forwards count as reuses. */
static tx_bytes_t
check_nonce_reuse(packet_info *pinfo, tx_rec_t *rec, const pkixcmp_msg_t *msg)
{
    tx_nonce_t probe, *kept;
    tx_bytes_t none = { NULL, 0 };
    const tx_hop_t *relayed = NULL;
    gboolean resent = FALSE;
    tx_hop_t *hop;
    guint hops = 0;

    if (!msg->sender_nonce.data || msg->sender_nonce.len == 0)
        return none;
    probe.nonce.data = (guint8 *)msg->sender_nonce.data;
    probe.nonce.len = msg->sender_nonce.len;
    kept = (tx_nonce_t *)g_hash_table_lookup(sender_nonces, &probe);
    if (!kept) {
        kept = wmem_new(wmem_file_scope(), tx_nonce_t);
        kept->nonce = bytes_keep(&msg->sender_nonce);
        hop_fill(&kept->first, pinfo);
        g_hash_table_add(sender_nonces, kept);
        return kept->nonce;
    }
    for (hop = &kept->first; ; hop = hop->next) {
        resent |= goes_to(hop, pinfo);
        if (!relayed && relays(hop, pinfo))
            relayed = hop;
        hops++;
        if (!hop->next)
            break;
    }
    if (relayed && !resent)
        add_finding(rec, &ei_forwarded, "Relayed: senderNonce %s came to this sender in frame %u",
                    bytes_hex(pinfo->pool, probe.nonce.data, probe.nonce.len), relayed->frame);
    else
        add_finding(rec, &ei_nonce_reuse, "senderNonce %s was already sent in frame %u",
                    bytes_hex(pinfo->pool, probe.nonce.data, probe.nonce.len), kept->first.frame);
    if (hops < TX_NONCE_HOPS) {
        hop->next = wmem_new(wmem_file_scope(), tx_hop_t);
        hop_fill(hop->next, pinfo);
    }
    return kept->nonce;
}

/* ------------------------------------------------------------------------
 * First pass: the transaction a message belongs to
 */

/* A transactionID to find the transaction by: present and not empty (an
 * empty one is reported by check_transaction_id, and tells nothing). */
static gboolean
has_transaction_id(const pkixcmp_msg_t *msg)
{
    return msg && msg->transaction_id.data && msg->transaction_id.len > 0;
}

/* The requests that begin a transaction (RFC 9810 section 5.3). */
static gboolean
opens_transaction(gint body)
{
    return pkixcmp_body_requests_cert(body) || body == PKIXCMP_BODY_RR || body == PKIXCMP_BODY_KRR
           || body == PKIXCMP_BODY_GENM;
}

/* RFC 9810 section 5.1.1: a transactionID is needed in transactions of
 * more than one request/response pair; in a single pair the client MAY
 * set one, and the server then MUST return it.  128 bits of randomness
 * are recommended; the client chooses them, the server only echoes.
 * So a missing one is reported where its transaction has one, and in the
 * messages of a certificate request to be confirmed; a short one in the
 * request that opened the transaction. */
static void
check_transaction_id(packet_info *pinfo, tx_rec_t *rec, const pkixcmp_msg_t *msg, const tx_t *tx, gboolean is_new)
{
    if (!msg->transaction_id.data) {
        if (tx->tid.len)
            add_finding(rec, &ei_transaction_id, "No transactionID, though its transaction has %s",
                        bytes_hex(pinfo->pool, tx->tid.data, tx->tid.len));
        else if ((pkixcmp_body_requests_cert(rec->body) && !msg->implicit_confirm)
                 || rec->body == PKIXCMP_BODY_CERTCONF || rec->body == PKIXCMP_BODY_POLLREQ)
            add_finding_text(rec, &ei_transaction_id,
                             "No transactionID in a transaction of more than one request and response");
    } else if (msg->transaction_id.len < 16 && is_new && opens_transaction(rec->body)) {
        add_finding(rec, &ei_transaction_id, "transactionID of %u bits: RFC 9810 recommends 128 bits of randomness",
                    msg->transaction_id.len * 8);
    }
}

/* Entrust's key management and administration ports.  Not 829: that is
 * PKIX-CMP's own port, which end entities reach CAs on from anywhere. */
static gboolean
is_entrust_admin_port(guint32 port)
{
    return port == 709 || port == 710;
}

/* The server ports this plugin is registered on: Entrust's 709 and 710,
 * and 829, PKIX-CMP's. */
static gboolean
is_cmp_server_port(guint32 port)
{
    return port == 829 || is_entrust_admin_port(port);
}

/* Whether a message comes from the server of tx: the endpoint its last
 * request went to.  pkiconf, error and nested may come from either side;
 * before any request nothing tells, and they count as the client's (a
 * nested then counts as a request: see analyse). */
static gboolean
from_server(const tx_t *tx, const packet_info *pinfo)
{
    return tx->server_port != 0 && tx->server_port == pinfo->srcport && addresses_equal(tx->server, &pinfo->src);
}

static tx_t *
tx_new(packet_info *pinfo, const pkixcmp_msg_t *msg, const tx_t *conn_tx)
{
    tx_t *tx = wmem_new0(wmem_file_scope(), tx_t);

    tx->index = tx_next_index++;
    tx->first_request = tx->pending_orig = tx->delayed = -1;
    if (has_transaction_id(msg)) {
        tx_key_t *key = wmem_new(wmem_file_scope(), tx_key_t);
        tx->tid = bytes_keep(&msg->transaction_id);
        key_fill(key, pinfo, &msg->transaction_id, msg->body, conn_tx, TRUE);
        key->tid = tx->tid;
        g_hash_table_insert(tx_by_key, key, tx);
    }
    return tx;
}

/* Finds (or opens) the transaction of a message; msg is NULL for a
 * TCP-framing message, which only follows its connection.  *is_new tells
 * whether this message opened it. */
static tx_t *
tx_find(packet_info *pinfo, conversation_t *conversation, const pkixcmp_msg_t *msg, tx_rec_t *rec, gboolean *is_new)
{
    tx_conv_t *conv = conv_state(conversation);
    tx_t *tx = NULL;
    pkixcmp_role_t role = pkixcmp_body_role(rec->body);
    gboolean has_tid = has_transaction_id(msg);
    gboolean answers = role == PKIXCMP_ROLE_RESPONSE
                    || (role == PKIXCMP_ROLE_EITHER && conv->tx && from_server(conv->tx, pinfo));

    *is_new = FALSE;
    if (has_tid) {
        tx_key_t key;
        key_fill(&key, pinfo, &msg->transaction_id, rec->body, conv->tx, FALSE);
        tx = (tx_t *)g_hash_table_lookup(tx_by_key, &key);
    }
    /* A response answers the request outstanding on its connection, even
     * when its transactionID says otherwise; unless that transactionID
     * names another transaction whose request waits for such an answer
     * too (requests sent without waiting, as HTTP pipelining allows). */
    if (answers && conv->tx && conv->tx->pending && conv->tx != tx
            && !(tx && tx->pending && pkixcmp_response_allowed(tx->pending->body, tx->pending_orig, rec->body))) {
        /* The same transactionID under another key (on loopback without the
         * SYN, a server port guessed wrong) differs in nothing. */
        if (has_tid && conv->tx->tid.data) {
            tx_bytes_t tid = { (guint8 *)msg->transaction_id.data, msg->transaction_id.len };
            if (!bytes_equal(&tid, &conv->tx->tid))
                add_finding(rec, &ei_transaction_id, "transactionID %s differs from the request's %s (frame %u)",
                            bytes_hex(pinfo->pool, msg->transaction_id.data, msg->transaction_id.len),
                            bytes_hex(pinfo->pool, conv->tx->tid.data, conv->tx->tid.len),
                            conv->tx->pending->frame);
        }
        tx = conv->tx;
    }
    /* Without a transactionID a message follows its connection's latest
     * transaction, unless it is a new request and that one is over. */
    if (!tx && !has_tid
            && !(opens_transaction(rec->body) && conv->tx && conv->tx->ended_in && !conv->tx->pending))
        tx = conv->tx;
    if (!tx) {
        if (!msg)
            return NULL;    /* a framing message outside any known transaction */
        tx = tx_new(pinfo, msg, conv->tx);
        *is_new = TRUE;
    }
    conv->tx = tx;
    return tx;
}

/* recipNonce must repeat the peer's last senderNonce (RFC 9810 5.1.1).
 * sender_nonce is the capture's copy of the message's (check_nonce_reuse). */
static void
check_nonces(wmem_allocator_t *pool, tx_t *tx, tx_rec_t *rec, const pkixcmp_msg_t *msg, tx_bytes_t sender_nonce)
{
    int peer = !rec->side;
    const tx_bytes_t *expected = &tx->nonce[peer];

    if (expected->data) {
        if (!msg->recip_nonce.data)
            add_finding(rec, &ei_nonce_mismatch, "recipNonce is missing; the peer's last senderNonce was %s (frame %u)",
                        bytes_hex(pool, expected->data, expected->len), tx->nonce_frame[peer]);
        else if (msg->recip_nonce.len != expected->len || memcmp(msg->recip_nonce.data, expected->data, expected->len) != 0)
            add_finding(rec, &ei_nonce_mismatch, "recipNonce %s is not the peer's last senderNonce %s (frame %u)",
                        bytes_hex(pool, msg->recip_nonce.data, msg->recip_nonce.len),
                        bytes_hex(pool, expected->data, expected->len), tx->nonce_frame[peer]);
    }
    if (msg->sender_nonce.data) {
        tx->nonce[rec->side] = sender_nonce;
        tx->nonce_frame[rec->side] = rec->frame;
    }
}

/* The client answered the certificate response waiting for it (certConf,
 * pkiconf or error): no "neither confirmed" at the end. */
static void
confirmation_settled(tx_t *tx)
{
    if (tx->to_confirm)
        tx->to_confirm->needs_confirm = FALSE;
    tx->to_confirm = NULL;
}

/* The first certReqId of msg that is not want, or want when there is
 * none; the CertResponses or CertStatus of msg, up to those it keeps. */
static gint32
cert_req_id_other_than(const pkixcmp_msg_t *msg, gint32 want)
{
    for (guint i = 0; i < MIN(msg->n_cert_req_ids, PKIXCMP_MAX_CERT_REQ_IDS); i++)
        if (msg->cert_req_ids[i] != want)
            return msg->cert_req_ids[i];
    return want;
}

/* RFC 9810 section 5.3.4 and RFC 9483 section 4.1.4: a p10cr has no
 * certReqId of its own, so the CertResponse that answers it and the
 * certConf's CertStatus carry -1.  Implementations send 0 (Siemens' test
 * suite, RustCrypto, EJBCA): a warning, not an error. */
static void
check_p10cr_cert_req_ids(const tx_t *tx, tx_rec_t *rec, const pkixcmp_msg_t *msg)
{
    gint32 id;

    if (tx->first_request != PKIXCMP_BODY_P10CR || (id = cert_req_id_other_than(msg, -1)) == -1)
        return;
    add_finding(rec, &ei_cert_req_id, "%s in a p10cr transaction with certReqId %d: RFC 9810 section 5.3.4 asks for -1",
                body_name(rec->body), id);
}

/* A certConf confirms the certificates of the response that delivered
 * them (RFC 9810 section 5.3.18): each CertStatus's certReqId is one of
 * its CertResponses'.  Where a p10cr opened the transaction, -1 is asked
 * for instead (check_p10cr_cert_req_ids). */
static void
check_confirmed_cert_req_ids(const tx_t *tx, tx_rec_t *rec, const pkixcmp_msg_t *msg)
{
    if (tx->first_request == PKIXCMP_BODY_P10CR) {
        check_p10cr_cert_req_ids(tx, rec, msg);
        return;
    }
    if (!tx->to_confirm || tx->n_cert_req_ids > PKIXCMP_MAX_CERT_REQ_IDS)
        return;
    for (guint i = 0; i < MIN(msg->n_cert_req_ids, PKIXCMP_MAX_CERT_REQ_IDS); i++) {
        gboolean delivered = FALSE;
        for (guint j = 0; j < tx->n_cert_req_ids; j++)
            delivered |= tx->cert_req_ids[j] == msg->cert_req_ids[i];
        if (!delivered) {
            add_finding(rec, &ei_cert_req_id, "certConf for certReqId %d, which no CertResponse of the %s of frame %u has",
                        msg->cert_req_ids[i], body_name(tx->to_confirm->body), tx->to_confirm->frame);
            return;
        }
    }
}

/* A request (or a client's confirmation or error) enters the transaction. */
static void
track_request(tx_t *tx, tx_rec_t *rec, const pkixcmp_msg_t *msg, gboolean is_new)
{
    gint body = rec->body;
    gint framing = pkixcmp_framing_type(body);

    if (tx->pending)
        add_finding(rec, &ei_unexpected, "%s while the %s of frame %u is still unanswered",
                    body_name(body), body_name(tx->pending->body), tx->pending->frame);

    rec->expects_response = TRUE;
    tx->pending_orig = body;
    if (body == PKIXCMP_BODY_POLLREQ || framing == PKIXCMP_FRAMING_POLLREQ) {
        if (tx->delayed < 0 && !is_new)
            add_finding(rec, &ei_unexpected, "%s, but no response asked to poll", body_name(body));
        tx->pending_orig = tx->delayed;
    } else if (body == PKIXCMP_BODY_POPDECR) {
        tx->pending_orig = tx->first_request;
    } else if (body == PKIXCMP_BODY_CERTCONF) {
        /* Status rejection: the client rejects the certificate (RFC 9810
         * section 5.3.18), which the pkiconf then settles. */
        tx->cert_rejected = msg && msg->status == 2;
        if (msg)
            check_confirmed_cert_req_ids(tx, rec, msg);
        if (tx->ic_granted_in)
            add_finding(rec, &ei_unexpected, "certConf, but implicitConfirm was granted in frame %u", tx->ic_granted_in);
        else if (!tx->to_confirm && !is_new)
            add_finding_text(rec, &ei_unexpected, "certConf, but no certificate waits for confirmation");
        confirmation_settled(tx);
    } else if (body == PKIXCMP_BODY_ERROR) {
        /* The client refuses the response (RFC 9810 section 5.3.21): no
         * certConf is to follow. */
        confirmation_settled(tx);
    } else if (body == PKIXCMP_BODY_PKICONF) {
        /* cmp1999 (RFC 2510): the client confirms with pkiconf; only the
         * RFC 2510 TCP framing answers it (negPollRep). */
        rec->expects_response = FALSE;
        confirmation_settled(tx);
    } else if (opens_transaction(body)) {
        if (tx->ended_in && tx->tid.data)
            add_finding(rec, &ei_unexpected, "transactionID reused: its transaction ended in frame %u", tx->ended_in);
        if (tx->first_request < 0)
            tx->first_request = body;
        if (msg && msg->implicit_confirm)
            tx->ic_requested = TRUE;
    }
    /* The rest waits for its answer too: a client's error is to be
     * answered by pkiconf, or by another error (RFC 9810 section 5.3.21). */
    tx->pending = rec;
}

/* A response (or a server's pkiconf, error or TCP marker) enters the
 * transaction. */
static void
track_response(tx_t *tx, tx_rec_t *rec, const pkixcmp_msg_t *msg, const pkixcmp_scan_t *scan, gboolean is_new)
{
    tx_rec_t *req = tx->pending;
    gint body = rec->body;
    gint framing = pkixcmp_framing_type(body);
    gint status = msg ? msg->status : -1;
    gboolean issued = FALSE;
    gboolean req_is_poll = req && (req->body == PKIXCMP_BODY_POLLREQ
                                    || pkixcmp_framing_type(req->body) == PKIXCMP_FRAMING_POLLREQ);

    if (req) {
        if (!pkixcmp_response_allowed(req->body, tx->pending_orig, body))
            add_finding(rec, &ei_unexpected, "%s does not answer the %s of frame %u",
                        body_name(body), body_name(req->body), req->frame);
        if (!req->response_in)
            req->response_in = rec->frame;
        rec->request = req;
        /* An error with failInfo unsupportedVersion answers in the version
         * the server does support (RFC 9810 section 7): no mismatch then. */
        if (msg && req->pvno >= 0 && msg->pvno >= 0 && msg->pvno != req->pvno
                && !(body == PKIXCMP_BODY_ERROR && msg->has_fail_info
                     && (msg->fail_info & (1u << PKIXCMP_FAIL_UNSUPPORTED_VERSION))))
            add_finding(rec, &ei_pvno_mismatch, "pvno %d, but the request (frame %u) has pvno %d",
                        msg->pvno, req->frame, req->pvno);
        tx->pending = NULL;
    } else if (!is_new && body != PKIXCMP_BODY_POPDECC) {
        add_finding(rec, &ei_unexpected, "%s answers no outstanding request", body_name(body));
    }
    if (msg && pkixcmp_body_delivers_cert(body))
        check_p10cr_cert_req_ids(tx, rec, msg);

    if (body == PKIXCMP_BODY_POLLREP || framing == PKIXCMP_FRAMING_POLLREP || status == 3) {
        /* The answer comes later: remember to which request. */
        if (req)
            tx->delayed = req_is_poll ? tx->pending_orig : req->body;
        return;
    }
    if (body == PKIXCMP_BODY_POPDECC)
        return;
    tx->delayed = -1;

    /* The responses decide whether a certificate came, when they could be
     * read: one of several may be rejected while another issues one; and
     * an accepted one may hold no certificate. */
    if (pkixcmp_body_delivers_cert(body))
        issued = scan && scan->cert_responses_read ? scan->cert_issued : status != 2;

    if (body == PKIXCMP_BODY_ERROR)
        rec->outcome = TX_OUTCOME_ERROR;
    else if (framing == PKIXCMP_FRAMING_ERROR)
        rec->outcome = TX_OUTCOME_TRANSPORT_ERROR;
    else if (status == 2 && !issued)
        rec->outcome = TX_OUTCOME_REJECTED;
    else if (pkixcmp_body_delivers_cert(body) && !issued) {
        /* RFC 9483 section 4.1.1: certifiedKeyPair is REQUIRED when the
         * status is accepted or grantedWithMods. */
        if (status == 0 || status == 1)
            add_finding(rec, &ei_no_certificate, "%s: status %s, but no certificate", body_name(body),
                        pkixcmp_status_name(status));
        rec->outcome = TX_OUTCOME_COMPLETED;
    } else if (pkixcmp_body_delivers_cert(body)) {
        if (msg && msg->implicit_confirm) {
            if (!tx->ic_requested)
                add_finding_text(rec, &ei_implicit_confirm, "implicitConfirm granted, but no request asked for it");
            tx->ic_granted_in = rec->frame;
            rec->outcome = TX_OUTCOME_IMPLICIT;
        } else {
            /* Known at the end: does a certConf follow? */
            rec->needs_confirm = TRUE;
            tx->to_confirm = rec;
            if (msg) {
                tx->n_cert_req_ids = msg->n_cert_req_ids;
                memcpy(tx->cert_req_ids, msg->cert_req_ids, sizeof tx->cert_req_ids);
            }
        }
    } else if (body == PKIXCMP_BODY_PKICONF) {
        /* What the pkiconf acknowledges: a certConf, which may reject the
         * certificate, or the client's error, which ends the transaction. */
        if (req && req->body == PKIXCMP_BODY_ERROR)
            rec->outcome = TX_OUTCOME_ERROR;
        else
            rec->outcome = tx->cert_rejected ? TX_OUTCOME_REJECTED : TX_OUTCOME_CONFIRMED;
    } else if (framing == PKIXCMP_FRAMING_END) {
        rec->outcome = req && req->body == PKIXCMP_BODY_PKICONF ? TX_OUTCOME_CONFIRMED : TX_OUTCOME_NOTHING;
    } else if (body == PKIXCMP_BODY_RP || body == PKIXCMP_BODY_GENP || body == PKIXCMP_BODY_KRP) {
        rec->outcome = TX_OUTCOME_COMPLETED;
    }
    if (rec->outcome != TX_OUTCOME_NONE)
        tx->ended_in = rec->frame;
}

/* Everything the first pass learns about one message.  msg is NULL for a
 * TCP-framing message. */
static tx_rec_t *
analyse(packet_info *pinfo, conversation_t *conversation, const pkixcmp_msg_t *msg, gint body, const pkixcmp_scan_t *scan)
{
    tx_rec_t *rec = wmem_new0(wmem_file_scope(), tx_rec_t);
    pkixcmp_role_t role = pkixcmp_body_role(body);
    tx_bytes_t sender_nonce = { NULL, 0 };
    gboolean is_new;
    tx_t *tx;

    rec->frame = pinfo->num;
    rec->time = pinfo->abs_ts;
    rec->body = body;
    rec->pvno = msg ? msg->pvno : -1;

    if (msg) {
        check_protection(rec, msg);
        check_status(rec, msg);
        check_key_material(rec, msg, scan);
        sender_nonce = check_nonce_reuse(pinfo, rec, msg);
        if (body == PKIXCMP_BODY_RR)
            add_finding_text(rec, &ei_revocation, "Revocation request");
    }

    tx = tx_find(pinfo, conversation, msg, rec, &is_new);
    rec->tx = tx;
    if (!tx)
        return rec;
    if (msg)
        check_transaction_id(pinfo, rec, msg, tx, is_new);

    if (role == PKIXCMP_ROLE_EITHER) {
        rec->side = from_server(tx, pinfo) ? TX_SERVER : TX_CLIENT;
        /* A nested message before any request is an RA's batch (RFC 9483
         * section 5.2.2.1): it goes to the server, as a request does, and
         * the nested that answers it comes from there. */
        if (rec->side == TX_CLIENT && !tx->server_port && body == PKIXCMP_BODY_NESTED) {
            /* But one from an Entrust/CMP server port to another port is
             * the CA's answer: the capture began after the batch. */
            gboolean answer = is_cmp_server_port(pinfo->srcport) && !is_cmp_server_port(pinfo->destport);
            tx->server = host_keep(answer ? &pinfo->src : &pinfo->dst);
            tx->server_port = answer ? pinfo->srcport : pinfo->destport;
            if (answer)
                rec->side = TX_SERVER;
        }
    } else if (role == PKIXCMP_ROLE_REQUEST) {
        rec->side = TX_CLIENT;
        /* The server is where requests go: its port stays when HTTP and
         * polling clients open new connections, the client's does not. */
        tx->server = host_keep(&pinfo->dst);
        tx->server_port = pinfo->destport;
    } else {
        rec->side = TX_SERVER;
    }

    if (msg && role != PKIXCMP_ROLE_ANNOUNCEMENT)
        check_nonces(pinfo->pool, tx, rec, msg, sender_nonce);
    if (role == PKIXCMP_ROLE_ANNOUNCEMENT)
        return rec;
    if (rec->side == TX_CLIENT)
        track_request(tx, rec, msg, is_new);
    else
        track_response(tx, rec, msg, scan, is_new);
    return rec;
}

/* ------------------------------------------------------------------------
 * Every pass: show what was learnt
 */
static void
show(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, const tx_rec_t *rec)
{
    proto_item *pi;

    if (rec->tx) {
        pi = proto_tree_add_uint(tree, hf_pkixcmp_transaction, tvb, 0, 0, rec->tx->index);
        proto_item_set_generated(pi);
    }
    if (rec->response_in) {
        pi = proto_tree_add_uint(tree, hf_pkixcmp_response_in, tvb, 0, 0, rec->response_in);
        proto_item_set_generated(pi);
    }
    if (rec->request) {
        nstime_t delta;

        nstime_delta(&delta, &rec->time, &rec->request->time);
        pi = proto_tree_add_uint(tree, hf_pkixcmp_response_to, tvb, 0, 0, rec->request->frame);
        proto_item_set_generated(pi);
        pi = proto_tree_add_time(tree, hf_pkixcmp_response_time, tvb, 0, 0, &delta);
        proto_item_set_generated(pi);
    }
    for (const tx_finding_t *f = rec->findings; f; f = f->next)
        proto_tree_add_expert_format(tree, pinfo, f->ei, tvb, 0, 0, "%s", f->text);

    /* Known only once the whole capture was read. */
    if (PINFO_FD_VISITED(pinfo)) {
        if (rec->expects_response && !rec->response_in)
            proto_tree_add_expert_format(tree, pinfo, &ei_no_response, tvb, 0, 0,
                                         "%s never answered in this capture", body_name(rec->body));
        if (rec->needs_confirm)
            proto_tree_add_expert_format(tree, pinfo, &ei_implicit_confirm, tvb, 0, 0,
                                         "Certificate neither implicitly confirmed nor followed by certConf");
    }
}

static tx_rec_t *
record_for(packet_info *pinfo, conversation_t *conversation, const pkixcmp_msg_t *msg, gint body,
           const pkixcmp_scan_t *scan)
{
    guint32 key = TX_KEY_RECORD + next_message_index(pinfo);
    tx_rec_t *rec;

    if (!PINFO_FD_VISITED(pinfo)) {
        rec = analyse(pinfo, conversation, msg, body, scan);
        p_add_proto_data(wmem_file_scope(), pinfo, proto_pkixcmp, key, rec);
    } else {
        rec = (tx_rec_t *)p_get_proto_data(wmem_file_scope(), pinfo, proto_pkixcmp, key);
    }
    return rec;
}

/* ------------------------------------------------------------------------
 * Hooks
 */
void
pkixcmp_track_message(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, pkixcmp_msg_t *msg,
                      conversation_t *conversation)
{
    pkixcmp_scan_t *scan;
    pkixcmp_tap_info_t *info;
    tx_rec_t *rec;
    guint len;

    /* msg->decoded is set after this hook runs: the body tells instead. */
    if (!msg || msg->depth > 0 || msg->body < 0)
        return;

    scan = wmem_new0(pinfo->pool, pkixcmp_scan_t);
    len = tvb_captured_length(tvb);
    if (len)
        pkixcmp_scan_message(tvb_get_ptr(tvb, 0, len), len, scan);

    rec = record_for(pinfo, conversation, msg, msg->body, scan);
    if (rec)
        show(tvb, pinfo, tree, rec);

    info = wmem_new0(pinfo->pool, pkixcmp_tap_info_t);
    info->msg = msg;
    info->rec = rec;
    info->tvb = tvb;
    info->scan = scan;
    info->later_pass = PINFO_FD_VISITED(pinfo);
    tap_queue_packet(pkixcmp_tap, pinfo, info);
    if ((msg->certificates && wmem_list_count(msg->certificates)) || scan->n_ca_certs)
        tap_queue_packet(pkixcmp_eo_tap, pinfo, info);
}

/* The key of a polling reference in tx_by_poll_ref: the 4 octets at ref
 * and the packet's addresses (kept, or pointed to, as key_fill has it);
 * body is the framing message's pseudo body. */
static void
poll_key_fill(tx_key_t *key, packet_info *pinfo, const guint8 *ref, gint body, gboolean kept)
{
    pkixcmp_bytes_t bytes = { ref, 4 };

    key_fill(key, pinfo, &bytes, body, NULL, kept);
}

gboolean
entrust_poll_ref_known(packet_info *pinfo, const guint8 *ref)
{
    tx_key_t key;
    const tx_t *tx;

    if (!tx_by_poll_ref)
        return FALSE;
    poll_key_fill(&key, pinfo, ref, PKIXCMP_FRAMING_V0_BASE + PKIXCMP_FRAMING_POLLREQ, FALSE);
    tx = (const tx_t *)g_hash_table_lookup(tx_by_poll_ref, &key);
    /* A pollReq goes where the transaction's requests went. */
    return tx && tx->server_port == pinfo->destport && addresses_equal(tx->server, &pinfo->dst);
}

void
entrust_track_framing(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, gboolean v10, guint8 type, int value_offset)
{
    gint body = (v10 ? PKIXCMP_FRAMING_V10_BASE : PKIXCMP_FRAMING_V0_BASE) + type;
    const guint8 *poll_ref = NULL;
    tx_key_t poll_key;
    conversation_t *conversation = NULL;
    pkixcmp_tap_info_t *info;
    tx_rec_t *rec;

    /* Only the messages that take part in request/response pairs. */
    if (type != PKIXCMP_FRAMING_POLLREP && type != PKIXCMP_FRAMING_POLLREQ
            && type != PKIXCMP_FRAMING_END && type != PKIXCMP_FRAMING_ERROR)
        return;
    /* Later passes read the frame's record: no conversation needed. */
    if (!PINFO_FD_VISITED(pinfo)) {
        conversation = find_or_create_conversation(pinfo);
        if ((type == PKIXCMP_FRAMING_POLLREP || type == PKIXCMP_FRAMING_POLLREQ)
                && tvb_bytes_exist(tvb, value_offset, 4))
            poll_ref = tvb_get_ptr(tvb, value_offset, 4);
    }
    if (poll_ref)
        poll_key_fill(&poll_key, pinfo, poll_ref, body, FALSE);
    /* A pollReq on a connection that has seen no transaction: the client
     * reconnected to poll, and its polling reference names the transaction
     * a pollRep gave it. */
    if (poll_ref && type == PKIXCMP_FRAMING_POLLREQ) {
        tx_conv_t *conv = conv_state(conversation);
        if (!conv->tx)
            conv->tx = (tx_t *)g_hash_table_lookup(tx_by_poll_ref, &poll_key);
    }
    rec = record_for(pinfo, conversation, NULL, body, NULL);
    if (rec)
        show(tvb, pinfo, tree, rec);
    /* Each pollRep of a long wait repeats the reference: kept once. */
    if (poll_ref && type == PKIXCMP_FRAMING_POLLREP && rec && rec->tx
            && g_hash_table_lookup(tx_by_poll_ref, &poll_key) != rec->tx) {
        tx_key_t *key = wmem_new(wmem_file_scope(), tx_key_t);
        poll_key_fill(key, pinfo, (const guint8 *)wmem_memdup(wmem_file_scope(), poll_ref, 4), body, TRUE);
        g_hash_table_insert(tx_by_poll_ref, key, rec->tx);
    }

    info = wmem_new0(pinfo->pool, pkixcmp_tap_info_t);
    info->rec = rec;
    info->tvb = tvb;
    info->later_pass = PINFO_FD_VISITED(pinfo);
    tap_queue_packet(pkixcmp_tap, pinfo, info);
}

/* ------------------------------------------------------------------------
 * Statistics: -z pkixcmp,tree
 */
static int st_body = -1, st_status = -1, st_fail_info = -1, st_protection = -1, st_outcome = -1;

static void
stats_init(stats_tree *st)
{
    st_body = stats_tree_create_pivot(st, "Messages by body type", 0);
    st_status = stats_tree_create_pivot(st, "Messages by status", 0);
    st_fail_info = stats_tree_create_pivot(st, "Failure info bits", 0);
    st_protection = stats_tree_create_pivot(st, "Protection algorithm", 0);
    st_outcome = stats_tree_create_pivot(st, "Transaction outcome", 0);
}

static tap_packet_status
stats_packet(stats_tree *st, packet_info *pinfo, epan_dissect_t *edt _U_, const void *data, tap_flags_t flags _U_)
{
    const pkixcmp_tap_info_t *info = (const pkixcmp_tap_info_t *)data;
    const pkixcmp_msg_t *msg = info->msg;
    const tx_rec_t *rec = info->rec;

    if (msg) {
        stats_tree_tick_pivot(st, st_body, body_name(msg->body));
        if (msg->status >= 0) {
            const char *name = pkixcmp_status_name(msg->status);
            stats_tree_tick_pivot(st, st_status, name ? name : wmem_strdup_printf(pinfo->pool, "status %d", msg->status));
        }
        if (msg->has_fail_info)
            for (guint bit = 0; bit < 32; bit++)
                if (msg->fail_info & (1u << bit)) {
                    const char *name = pkixcmp_fail_info_name(bit);
                    stats_tree_tick_pivot(st, st_fail_info, name ? name : wmem_strdup_printf(pinfo->pool, "bit %u", bit));
                }
        if (msg->protection_alg) {
            const char *name = oid_resolved_from_string(pinfo->pool, msg->protection_alg);
            stats_tree_tick_pivot(st, st_protection, name ? name : msg->protection_alg);
        } else {
            stats_tree_tick_pivot(st, st_protection, "unprotected");
        }
    } else if (rec) {
        stats_tree_tick_pivot(st, st_body, body_name(rec->body));
    }
    if (rec && rec->outcome != TX_OUTCOME_NONE)
        stats_tree_tick_pivot(st, st_outcome, val_to_str_const(rec->outcome, tx_outcome_vals, "?"));
    /* Seen only when the tap runs after the whole capture was read (-2). */
    if (rec && info->later_pass && rec->expects_response && !rec->response_in)
        stats_tree_tick_pivot(st, st_outcome, val_to_str_const(TX_OUTCOME_NO_RESPONSE, tx_outcome_vals, "?"));
    return TAP_PACKET_REDRAW;
}

/* ------------------------------------------------------------------------
 * Service response time: -z pkixcmp,srt
 */
static const gint srt_requests[] = {
    PKIXCMP_BODY_IR, PKIXCMP_BODY_CR, PKIXCMP_BODY_P10CR, PKIXCMP_BODY_KUR, PKIXCMP_BODY_CCR,
    PKIXCMP_BODY_KRR, PKIXCMP_BODY_RR, PKIXCMP_BODY_GENM, PKIXCMP_BODY_CERTCONF,
    PKIXCMP_BODY_POLLREQ, PKIXCMP_BODY_POPDECR, PKIXCMP_BODY_NESTED, PKIXCMP_BODY_PKICONF,
    PKIXCMP_BODY_ERROR,
    PKIXCMP_FRAMING_V0_BASE + PKIXCMP_FRAMING_POLLREQ, PKIXCMP_FRAMING_V10_BASE + PKIXCMP_FRAMING_POLLREQ,
};

static void
srt_init(struct register_srt *srt _U_, GArray *srt_array)
{
    srt_stat_table *table = init_srt_table("PKIX-CMP request types", NULL, srt_array,
                                           (int)G_N_ELEMENTS(srt_requests), "Request", NULL, NULL);
    for (gsize i = 0; i < G_N_ELEMENTS(srt_requests); i++)
        init_srt_table_row(table, (int)i, body_name(srt_requests[i]));
}

static tap_packet_status
srt_packet(void *pss, packet_info *pinfo, epan_dissect_t *edt _U_, const void *data, tap_flags_t flags _U_)
{
    srt_data_t *srt = (srt_data_t *)pss;
    const pkixcmp_tap_info_t *info = (const pkixcmp_tap_info_t *)data;
    srt_stat_table *table;

    if (!info->rec || !info->rec->request)
        return TAP_PACKET_DONT_REDRAW;
    table = g_array_index(srt->srt_array, srt_stat_table *, 0);
    for (gsize i = 0; i < G_N_ELEMENTS(srt_requests); i++) {
        if (srt_requests[i] == info->rec->request->body) {
            add_srt_table_data(table, (int)i, &info->rec->request->time, pinfo);
            return TAP_PACKET_REDRAW;
        }
    }
    return TAP_PACKET_DONT_REDRAW;
}

/* ------------------------------------------------------------------------
 * Export Objects: --export-objects pkixcmp,DIR
 */
static void
export_certificate(export_object_list_t *list, packet_info *pinfo, const guint8 *der, gsize len)
{
    export_object_entry_t *entry = g_new0(export_object_entry_t, 1);

    entry->pkt_num = pinfo->num;
    entry->hostname = address_to_display(NULL, &pinfo->src);
    entry->content_type = g_strdup("application/pkix-cert");
    entry->filename = pkixcmp_cert_file_name(der, len);
    entry->payload_len = len;
    entry->payload_data = (guint8 *)g_memdup2(der, len);
    list->add_entry(list->gui_data, entry);
}

static tap_packet_status
eo_packet(void *tapdata, packet_info *pinfo, epan_dissect_t *edt _U_, const void *data, tap_flags_t flags _U_)
{
    export_object_list_t *list = (export_object_list_t *)tapdata;
    const pkixcmp_tap_info_t *info = (const pkixcmp_tap_info_t *)data;
    gboolean have_ca_certs = FALSE;

    if (!info->msg)
        return TAP_PACKET_DONT_REDRAW;
    if (info->msg->certificates) {
        for (wmem_list_frame_t *f = wmem_list_head(info->msg->certificates); f; f = wmem_list_frame_next(f)) {
            const pkixcmp_cert_t *cert = (const pkixcmp_cert_t *)wmem_list_frame_data(f);
            guint len = tvb_captured_length(cert->tvb);
            if (cert->where && strcmp(cert->where, "caCerts") == 0)
                have_ca_certs = TRUE;
            if (len == 0 || len != tvb_reported_length(cert->tvb))
                continue;   /* cut short by the snapshot length */
            export_certificate(list, pinfo, tvb_get_ptr(cert->tvb, 0, len), len);
        }
    }
    /* genp caCerts, when the decoder did not list them itself. */
    if (!have_ca_certs && info->scan && info->scan->n_ca_certs) {
        guint avail = tvb_captured_length(info->tvb);
        const guint8 *buf = tvb_get_ptr(info->tvb, 0, avail);
        for (guint i = 0; i < info->scan->n_ca_certs; i++)
            if (info->scan->ca_cert_offset[i] + info->scan->ca_cert_len[i] <= avail)
                export_certificate(list, pinfo, buf + info->scan->ca_cert_offset[i], info->scan->ca_cert_len[i]);
    }
    return TAP_PACKET_REDRAW;
}

/* ------------------------------------------------------------------------
 * Entrust's ports: who talks, and in clear text?
 */
static gboolean
address_is_internal(const address *addr)
{
    if (addr->type == AT_IPv4 && addr->len == 4)
        return pkixcmp_ipv4_is_internal((const guint8 *)addr->data);
    if (addr->type == AT_IPv6 && addr->len == 16)
        return pkixcmp_ipv6_is_internal((const guint8 *)addr->data);
    return TRUE;    /* not IP: nothing to say */
}

void
entrust_analysis_check(packet_info *pinfo, proto_tree *tree, gboolean cleartext)
{
    /* The expert items hang on the entrust protocol item, tree's parent. */
    proto_item *item = tree ? proto_tree_get_parent(tree) : NULL;

    if (!is_entrust_admin_port(pinfo->srcport) && !is_entrust_admin_port(pinfo->destport))
        return;
    if (!address_is_internal(&pinfo->src) || !address_is_internal(&pinfo->dst)) {
        const address *outside = address_is_internal(&pinfo->src) ? &pinfo->dst : &pinfo->src;
        expert_add_info_format(pinfo, item, &ei_entrust_public_address,
                               "Entrust key management or administration traffic with a public address (%s): "
                               "these ports are meant for internal networks",
                               address_to_str(pinfo->pool, outside));
    }
    if ((pinfo->srcport == 710 || pinfo->destport == 710) && cleartext)
        expert_add_info_format(pinfo, item, &ei_entrust_cleartext_admin,
                               "Administration service (port 710) without TLS");
}

void
entrust_analysis_register(int proto_entrust)
{
    static ei_register_info ei[] = {
        { &ei_entrust_public_address,
          { "entrust.analysis.public_address", PI_SECURITY, PI_WARN,
            "Entrust key management or administration traffic with a public address", EXPFILL } },
        { &ei_entrust_cleartext_admin,
          { "entrust.analysis.cleartext_admin", PI_SECURITY, PI_NOTE,
            "Administration service without TLS", EXPFILL } },
    };
    expert_register_field_array(expert_register_protocol(proto_entrust), ei, array_length(ei));
}

/* ------------------------------------------------------------------------
 * Registration
 */
void
pkixcmp_transactions_register(int proto)
{
    static hf_register_info hf[] = {
        { &hf_pkixcmp_transaction,
          { "Transaction", "pkixcmp.transaction", FT_UINT32, BASE_DEC, NULL, 0,
            "Index of the CMP transaction in this capture, from 0", HFILL } },
        { &hf_pkixcmp_response_in,
          { "Response in", "pkixcmp.response_in", FT_FRAMENUM, BASE_NONE,
            FRAMENUM_TYPE(FT_FRAMENUM_RESPONSE), 0, "The frame of this request's answer", HFILL } },
        { &hf_pkixcmp_response_to,
          { "Response to", "pkixcmp.response_to", FT_FRAMENUM, BASE_NONE,
            FRAMENUM_TYPE(FT_FRAMENUM_REQUEST), 0, "The frame of the request this answers", HFILL } },
        { &hf_pkixcmp_response_time,
          { "Response time", "pkixcmp.response_time", FT_RELATIVE_TIME, BASE_NONE, NULL, 0,
            "Time since the request", HFILL } },
    };

    static ei_register_info ei[] = {
        { &ei_unprotected,
          { "pkixcmp.analysis.unprotected", PI_SECURITY, PI_WARN,
            "The message has no protection", EXPFILL } },
        { &ei_protection_mismatch,
          { "pkixcmp.analysis.protection_mismatch", PI_SECURITY, PI_ERROR,
            "protectionAlg and protection do not go together", EXPFILL } },
        { &ei_weak_protection,
          { "pkixcmp.analysis.weak_protection", PI_SECURITY, PI_WARN,
            "Weak MAC protection: PasswordBasedMac or PBMAC1 parameters, or HMAC over a broken hash", EXPFILL } },
        { &ei_broken_protection,
          { "pkixcmp.analysis.weak_protection.iterations", PI_SECURITY, PI_ERROR,
            "PasswordBasedMac with fewer than 100 iterations", EXPFILL } },
        { &ei_weak_signature,
          { "pkixcmp.analysis.weak_signature", PI_SECURITY, PI_WARN,
            "Signature protection with a broken hash (MD2, MD4, MD5, SHA-0, SHA-1)", EXPFILL } },
        { &ei_nonce_mismatch,
          { "pkixcmp.analysis.nonce_mismatch", PI_SEQUENCE, PI_WARN,
            "recipNonce is not the peer's previous senderNonce", EXPFILL } },
        { &ei_nonce_reuse,
          { "pkixcmp.analysis.nonce_reuse", PI_SECURITY, PI_WARN,
            "senderNonce already seen in this capture", EXPFILL } },
        { &ei_forwarded,
          { "pkixcmp.analysis.forwarded", PI_SEQUENCE, PI_CHAT,
            "Message relayed: its senderNonce came to its sender before", EXPFILL } },
        { &ei_transaction_id,
          { "pkixcmp.analysis.transaction_id", PI_SEQUENCE, PI_WARN,
            "transactionID missing, short, or changed within the transaction", EXPFILL } },
        { &ei_unexpected,
          { "pkixcmp.analysis.unexpected", PI_SEQUENCE, PI_WARN,
            "Message not allowed at this point of its transaction", EXPFILL } },
        { &ei_no_response,
          { "pkixcmp.analysis.no_response", PI_SEQUENCE, PI_WARN,
            "Request never answered in this capture", EXPFILL } },
        { &ei_pvno_mismatch,
          { "pkixcmp.analysis.pvno_mismatch", PI_PROTOCOL, PI_WARN,
            "The response's pvno differs from the request's", EXPFILL } },
        { &ei_no_certificate,
          { "pkixcmp.analysis.no_certificate", PI_PROTOCOL, PI_WARN,
            "Certificate response accepted, but it holds no certificate", EXPFILL } },
        { &ei_cert_req_id,
          { "pkixcmp.analysis.cert_req_id", PI_PROTOCOL, PI_WARN,
            "certReqId other than the transaction asks for (RFC 9810 section 5.3.4)", EXPFILL } },
        { &ei_implicit_confirm,
          { "pkixcmp.analysis.implicit_confirm", PI_PROTOCOL, PI_WARN,
            "implicitConfirm granted unasked, or a certificate never confirmed", EXPFILL } },
        { &ei_private_key,
          { "pkixcmp.analysis.private_key", PI_SECURITY, PI_WARN,
            "Private-key material on the wire", EXPFILL } },
        { &ei_rejected,
          { "pkixcmp.analysis.rejected", PI_RESPONSE_CODE, PI_WARN,
            "Rejection or failure information", EXPFILL } },
        { &ei_waiting,
          { "pkixcmp.analysis.waiting", PI_RESPONSE_CODE, PI_NOTE,
            "Status waiting", EXPFILL } },
        { &ei_revocation,
          { "pkixcmp.analysis.revocation", PI_REQUEST_CODE, PI_NOTE,
            "Revocation request", EXPFILL } },
    };

    proto_pkixcmp = proto;
    proto_register_field_array(proto, hf, array_length(hf));
    expert_register_field_array(expert_register_protocol(proto), ei, array_length(ei));

    register_init_routine(tx_init);
    register_cleanup_routine(tx_cleanup);

    pkixcmp_tap = register_tap("pkixcmp");
    pkixcmp_eo_tap = register_export_object(proto, eo_packet, NULL);
    register_srt_table(proto, NULL, 1, srt_packet, srt_init, NULL);
}

void
pkixcmp_transactions_handoff(void)
{
    stats_tree_register_plugin("pkixcmp", "pkixcmp", "PKIX-CMP", 0, stats_packet, stats_init, NULL);
}
