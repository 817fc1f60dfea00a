/* der.h - a minimal DER/BER reader for plain byte buffers
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Wireshark's BER helpers do the real dissection.  This reader only answers
 * the cheap questions that must be asked before a tvb is handed to them:
 * "how long is this element?" (TCP reassembly of bare DER) and "does this look
 * like a PKIMessage?" (framing detection, heuristics, classification).  It
 * needs no libwireshark, so it is unit-tested and fuzzed on its own.
 */
#ifndef ENTRUST_DER_H
#define ENTRUST_DER_H

#include <glib.h>

/* Identifier classes, as in X.690 8.1.2.2. */
#define DER_CLASS_UNIVERSAL   0
#define DER_CLASS_APPLICATION 1
#define DER_CLASS_CONTEXT     2
#define DER_CLASS_PRIVATE     3

#define DER_TAG_INTEGER   2
#define DER_TAG_OCTET_STRING 4
#define DER_TAG_OID       6
#define DER_TAG_REAL      9
#define DER_TAG_SEQUENCE 16
#define DER_TAG_SET      17
#define DER_TAG_UTC_TIME 23
#define DER_TAG_GENERALIZED_TIME 24

typedef enum {
    DER_OK,            /* header decoded */
    DER_NEED_MORE,     /* the buffer ends inside the identifier or length octets */
    DER_INVALID        /* not a valid BER header (or a length we refuse) */
} der_status;

/* One element's identifier and length octets. */
typedef struct {
    guint8   cls;          /* DER_CLASS_* */
    gboolean constructed;
    guint32  tag;
    gsize    header_len;   /* identifier plus length octets */
    guint64  content_len;  /* meaningless when indefinite */
    gboolean indefinite;   /* BER indefinite length (0x80) */
} der_header;

/* Reads the identifier and length octets at the start of buf. */
der_status der_read_header(const guint8 *buf, gsize len, der_header *out);

/* TRUE when the element is definite and, header and content, fits in avail
 * bytes.  Written so that no sum can wrap: content_len may be near 2^64. */
static inline gboolean
der_fits(const der_header *hdr, guint64 avail)
{
    return !hdr->indefinite && hdr->header_len <= avail
        && hdr->content_len <= avail - hdr->header_len;
}

/* The whole element's size (header plus content); *out is set when DER_OK.
 * Indefinite lengths are DER_INVALID: DER forbids them and CMP is DER. */
der_status der_element_size(const guint8 *buf, gsize len, guint64 *out);

/* What a quick look at a PKIMessage's first bytes reveals. */
typedef struct {
    guint32 pvno;       /* 0 when not reached */
    gint    body_tag;   /* PKIBody choice tag, -1 when not reached */
} der_pkimessage_peek;

/* TRUE when buf starts like a PKIMessage: SEQUENCE { SEQUENCE { INTEGER pvno
 * 1..3, ... } ... }.  When the buffer is long enough, the header must also
 * fit inside the message and be followed by a context-tagged body.  Only the
 * bytes present are checked: a prefix of a PKIMessage looks like one. */
gboolean der_looks_like_pkimessage(const guint8 *buf, gsize len, der_pkimessage_peek *peek);
/* The same with a pvno of any value that fits one octet: for bytes the
 * transport says are a PKIMessage, which may be of a version RFC 9810 does
 * not define (section 7: failInfo unsupportedVersion answers those). */
gboolean der_looks_like_pkimessage_any_pvno(const guint8 *buf, gsize len);

/* Whether buf starts a PKIMessage whose length can be believed although
 * the message is not at hand whole: it looks like one, its PKIHeader's
 * fields are in order and fill it, and its top-level elements (header,
 * body, then protection [0] and extraCerts [1], each optional, in that
 * order), as far as the buffer shows them, fit in the message and, when
 * all of them are here, fill it.  DER_NEED_MORE until the body's header is
 * in the buffer, and while the buffer ends between two elements.  A
 * message whose length was rewritten to hide the bytes after it is refuted
 * by the element that follows its last one; bad bytes, by the first that
 * breaks these rules. */
der_status der_pkimessage_confirm(const guint8 *buf, gsize len);

/* A Time (RFC 5280 section 4.1.2.5) in the form DER gives it: UTCTime
 * "YYMMDDHHMMSSZ" (years 50 to 99 are 19xx) or GeneralizedTime
 * "YYYYMMDDHHMMSSZ", text being the element's content.  TRUE and *secs
 * (seconds since 1970, UTC) when it is one and names a real date. */
gboolean der_parse_time(guint32 tag, const guint8 *text, gsize len, gint64 *secs);

/* TRUE when buf starts with a BER element whose header is valid and whose
 * content, as far as present, holds a sequence of valid element headers.
 * Used to tell "some other BER" from arbitrary bytes. */
gboolean der_looks_like_ber(const guint8 *buf, gsize len);


/* The room der_oid_format needs for len content octets, with the NUL: an
 * arc of k octets is below 2^7k, so at most 2k + 1 digits, and a dot; the
 * first two arcs share one ("2.47" from a single octet). */
#define DER_OID_STRING_SIZE(len) (4 * (gsize)(len) + 1)

/* Writes the dotted form of the OID content octets to out, which holds
 * DER_OID_STRING_SIZE(len) bytes, NUL-terminated; returns its length, 0
 * (and "") when the encoding is invalid. */
gsize der_oid_format(const guint8 *buf, gsize len, char *out);

/* The same, appended to out; FALSE (and nothing appended) when the
 * encoding is invalid. */
gboolean der_oid_to_string(const guint8 *buf, gsize len, GString *out);

/* TRUE when buf holds a whole DER Certificate whose issuer and subject are
 * the same Name, byte for byte: self-issued (RFC 5280 section 3.3), as a
 * root CA's certificate is. */
gboolean der_certificate_self_issued(const guint8 *buf, gsize len);

/* Renders a DER Name (RDNSequence) as "CN=a,O=b", in encoded order, with
 * short names for the usual attribute types and dotted OIDs otherwise.
 * buf holds the whole Name element.  FALSE when it is not a valid Name. */
gboolean der_format_name(const guint8 *buf, gsize len, GString *out);

/* What a walk over the BER at the start of buf found, before it goes to
 * Wireshark's generic decoder (dissect_unknown_ber), which recurses once
 * per level and asserts on REALs it cannot compute. */
typedef struct {
    guint    depth;            /* deepest nesting, at most limit + 1 */
    gboolean unsupported_real; /* a REAL that decoder asserts on */
    const char *fault;         /* the first encoding X.690 forbids, or NULL */
} der_walk_result;

/* Walks every element iteratively, looking no more than limit levels deep
 * (depth is limit + 1 as soon as that is exceeded): neither the stack nor
 * the time depends on what an attacker sends (each byte is visited at most
 * once).  It reads the elements as Wireshark's generic decoder does, not as
 * DER wants them (see der.c), so that it meets every REAL that decoder
 * would: an element need only fit in the buffer, not in its parent.  Stops
 * where that decoder stops, at a header or an element that runs past the
 * buffer; what was seen so far counts.  reported_len is where the value
 * ends, past len in a capture cut short: an element that runs past it, or
 * past the element it is in, is a fault; one that only runs past the
 * buffer is not. */
void der_walk(const guint8 *buf, gsize len, guint64 reported_len, guint limit, der_walk_result *out);

/* How deep der_count_oid_values follows elements, OCTET STRINGs read as
 * BER included; real X.509 and CMS values nest a dozen deep. */
#define DER_COUNT_MAX_DEPTH 64

/* How many values in the BER at the start of buf Wireshark's X.509, CMS
 * and PKCS#10 decoders may hand on through the BER OID table, each of
 * which adds a protocol layer to the packet: one for each OBJECT
 * IDENTIFIER (the value it selects), and one for each element of a SET
 * that is not a SEQUENCE starting with an OID (an Attribute's values share
 * its one OID).  An AttributeTypeAndValue counts once: a Name counts its
 * attributes.  An element counts once at most, so the count is no more
 * than len / 2.  Headers are read as Wireshark's decoders read them, into
 * constructed elements and into OCTET STRINGs, which hold DER in
 * certificates (extension values); what in an OCTET STRING is no BER is
 * skipped.  Counting stops above limit: the result is at most limit + 1,
 * which it also is when the elements nest deeper than
 * DER_COUNT_MAX_DEPTH.  Each header is read at most twice, nothing past
 * len. */
guint der_count_oid_values(const guint8 *buf, gsize len, guint limit);

#endif /* ENTRUST_DER_H */
