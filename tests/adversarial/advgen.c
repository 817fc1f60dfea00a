/* advgen.c - writes the hostile payloads of the adversarial tests
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 *   advgen nested DEPTH OUT        PKIMessages nested DEPTH deep (body [20]),
 *                                  a genm innermost
 *   advgen deep-itav DEPTH OUT     a genm whose one ITAV value (an unknown
 *                                  infoType) is DEPTH nested SEQUENCEs
 *   advgen deep-itav-indef DEPTH OUT  the same with indefinite lengths
 *   advgen deep-body DEPTH OUT     a PKIMessage whose body is an unknown
 *                                  tag [27] holding DEPTH nested SEQUENCEs
 *   advgen real-itav OUT           a genm whose one ITAV value is a binary
 *                                  REAL with a 1-octet mantissa, which
 *                                  Wireshark 4.0's BER decoder asserts on
 *   advgen real-overrun-itav OUT   the same with a binary REAL whose
 *                                  mantissa is 9 octets long and which
 *                                  overruns its parent, a UniversalString
 *                                  of 2 octets (a tshark fuzz finding)
 *   advgen many N OUT              a genm with N tiny ITAVs (SEQUENCE OF
 *                                  with N elements)
 *   advgen indefinite OUT          a whole genm PKIMessage in BER
 *                                  indefinite-length form
 *   advgen fill N OUT              N bytes of text ('A')
 *   advgen long-header N OUT       the first N bytes of a
 *                                  PKIMessage of 2^30 + 33 bytes whose
 *                                  PKIHeader ends in a generalInfo [8] of
 *                                  1 GiB, then 'A's: the body's header is
 *                                  never among them
 * Names of N attributes, each of which Wireshark's x509if decodes through
 * the BER OID table (a protocol layer each):
 *   advgen rdns-sender N OUT       a genm whose sender Name has N RDNs
 *   advgen rdns-one-set N OUT      a genm whose recipient Name has one RDN
 *                                  of N attributes
 *   advgen rdns-template N OUT     an ir whose CertTemplate's subject has
 *                                  N RDNs
 *   advgen rdns-cert-issuer N OUT  a genm with a certificate in extraCerts
 *                                  whose issuer has N RDNs
 *   advgen rdns-cert-san N OUT     the same with a subjectAltName whose
 *                                  directoryName has N RDNs (inside the
 *                                  extension's OCTET STRING)
 *   advgen p10cr-attr-values N OUT a p10cr whose CertificationRequest has
 *                                  an attribute of N values
 *
 * The messages are minimal but valid DER (except where the case is BER):
 * PKIMessage { header { pvno 2, sender [4] Name {}, recipient [4] Name {} },
 * body }.  The capture builder (tools/capbuild.c) wraps them into TCP.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MIN_SIZE(a, b) ((a) < (b) ? (a) : (b))

typedef struct {
    uint8_t *p;
    size_t len, cap;
} buf_t;

static void
add(buf_t *b, const void *p, size_t n)
{
    if (b->len + n > b->cap) {
        b->cap = (b->len + n) * 2 + 64;
        b->p = realloc(b->p, b->cap);
        if (!b->p) {
            perror("advgen");
            exit(1);
        }
    }
    memcpy(b->p + b->len, p, n);
    b->len += n;
}

static void
add_byte(buf_t *b, uint8_t c)
{
    add(b, &c, 1);
}

/* tag, DER length, content */
static buf_t
tlv(uint8_t tag, const buf_t *content)
{
    buf_t out = { 0 };
    size_t n = content ? content->len : 0;
    add_byte(&out, tag);
    if (n < 0x80) {
        add_byte(&out, (uint8_t)n);
    } else {
        uint8_t l[8];
        int k = 0;
        for (size_t v = n; v; v >>= 8)
            l[k++] = (uint8_t)v;
        add_byte(&out, (uint8_t)(0x80 | k));
        while (k)
            add_byte(&out, l[--k]);
    }
    if (n)
        add(&out, content->p, n);
    return out;
}

static void
add_buf(buf_t *b, buf_t *c)
{
    add(b, c->p, c->len);
    free(c->p);
    c->p = NULL;
    c->len = c->cap = 0;
}

static const uint8_t header[] = {
    0x30, 0x0b, 0x02, 0x01, 0x02, 0xa4, 0x02, 0x30, 0x00, 0xa4, 0x02, 0x30, 0x00
};

/* PKIMessage { header, body } */
static buf_t
pkimessage(buf_t *body)
{
    buf_t content = { 0 }, out;
    add(&content, header, sizeof header);
    add_buf(&content, body);
    out = tlv(0x30, &content);
    free(content.p);
    return out;
}

/* DEPTH nested SEQUENCEs, definite lengths, built from the inside out. */
static buf_t
deep_definite(long depth)
{
    buf_t cur = { 0 };
    add_byte(&cur, 0x30);
    add_byte(&cur, 0x00);
    for (long i = 1; i < depth; i++) {
        buf_t next = tlv(0x30, &cur);
        free(cur.p);
        cur = next;
    }
    return cur;
}

static buf_t
deep_indefinite(long depth)
{
    buf_t cur = { 0 };
    for (long i = 0; i < depth; i++) {
        add_byte(&cur, 0x30);
        add_byte(&cur, 0x80);
    }
    for (long i = 0; i < depth; i++) {
        add_byte(&cur, 0x00);
        add_byte(&cur, 0x00);
    }
    return cur;
}

/* genm [21] { ITAV { infoType 1.3.6.1.4.1.99999.1, infoValue } } */
static buf_t
genm_with_value(buf_t *value)
{
    static const uint8_t oid[] = { 0x06, 0x09, 0x2b, 0x06, 0x01, 0x04, 0x01, 0x86, 0x8d, 0x1f, 0x01 };
    buf_t itav_content = { 0 }, itav, seq_of, body;
    add(&itav_content, oid, sizeof oid);
    add_buf(&itav_content, value);
    itav = tlv(0x30, &itav_content);
    free(itav_content.p);
    seq_of = tlv(0x30, &itav);
    free(itav.p);
    body = tlv(0xb5, &seq_of);
    free(seq_of.p);
    return pkimessage(&body);
}

/* The same, with the value given as bytes. */
static buf_t
genm_with_bytes(const uint8_t *value, size_t len)
{
    buf_t copy = { 0 };
    add(&copy, value, len);
    return genm_with_value(&copy);
}

static buf_t
empty_genm(void)
{
    buf_t body = { 0 };
    add_byte(&body, 0xb5);
    add_byte(&body, 0x02);
    add_byte(&body, 0x30);
    add_byte(&body, 0x00);
    return pkimessage(&body);
}

/* Appends the bytes to b. */
static void
add_bytes(buf_t *b, const uint8_t *p, size_t n)
{
    add(b, p, n);
}

/* tag { a, b, ... }: the parts are freed */
static buf_t
wrap(uint8_t tag, buf_t *parts, size_t n)
{
    buf_t content = { 0 }, out;
    for (size_t i = 0; i < n; i++)
        add_buf(&content, &parts[i]);
    out = tlv(tag, &content);
    free(content.p);
    return out;
}

/* A Name of rdns RDNs of avas attributes each, all CN=x */
static buf_t
many_name(long rdns, long avas)
{
    static const uint8_t ava[] = { 0x30, 0x08, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0c, 0x01, 'x' };
    buf_t rdn_content = { 0 }, rdn, all = { 0 }, out;
    for (long i = 0; i < avas; i++)
        add_bytes(&rdn_content, ava, sizeof ava);
    rdn = tlv(0x31, &rdn_content);
    for (long i = 0; i < rdns; i++)
        add(&all, rdn.p, rdn.len);
    out = tlv(0x30, &all);
    free(rdn_content.p);
    free(rdn.p);
    free(all.p);
    return out;
}

static buf_t
bytes_of(const uint8_t *p, size_t n)
{
    buf_t b = { 0 };
    add(&b, p, n);
    return b;
}

/* sha256WithRSAEncryption, NULL parameters */
static const uint8_t sig_alg[] = {
    0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b, 0x05, 0x00
};
/* SubjectPublicKeyInfo { Ed25519, 32 octets } */
static const uint8_t spki[] = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
};
/* A signature BIT STRING of 8 octets */
static const uint8_t signature[] = { 0x03, 0x09, 0x00, 1, 2, 3, 4, 5, 6, 7, 8 };

/* Certificate { TBSCertificate { v3, serial 1, alg, issuer, validity,
 * subject, spki, [3] extensions when given }, alg, signature } */
static buf_t
certificate(buf_t *issuer, buf_t *subject, buf_t *extensions)
{
    static const uint8_t version_serial[] = { 0xa0, 0x03, 0x02, 0x01, 0x02, 0x02, 0x01, 0x01 };
    static const uint8_t validity[] = {
        0x30, 0x1e, 0x17, 0x0d, '2', '5', '0', '1', '0', '1', '0', '0', '0', '0', '0', '0', 'Z',
                    0x17, 0x0d, '3', '5', '0', '1', '0', '1', '0', '0', '0', '0', '0', '0', 'Z',
    };
    buf_t tbs_parts[7] = { bytes_of(version_serial, sizeof version_serial), bytes_of(sig_alg, sizeof sig_alg),
                           *issuer, bytes_of(validity, sizeof validity), *subject, bytes_of(spki, sizeof spki) };
    size_t n = 6;
    if (extensions)
        tbs_parts[n++] = wrap(0xa3, extensions, 1);
    buf_t cert_parts[3] = { wrap(0x30, tbs_parts, n), bytes_of(sig_alg, sizeof sig_alg),
                            bytes_of(signature, sizeof signature) };
    return wrap(0x30, cert_parts, 3);
}

/* PKIMessage { header { pvno 2, sender [4] sender, recipient [4] recipient
 * }, body, extraCerts [1] { cert } when given } */
static buf_t
message_with(buf_t *sender, buf_t *recipient, buf_t *body, buf_t *cert)
{
    static const uint8_t pvno[] = { 0x02, 0x01, 0x02 };
    buf_t header_parts[3] = { bytes_of(pvno, sizeof pvno), wrap(0xa4, sender, 1), wrap(0xa4, recipient, 1) };
    buf_t parts[3] = { wrap(0x30, header_parts, 3), *body };
    size_t n = 2;
    if (cert) {
        buf_t seq_of = wrap(0x30, cert, 1);
        parts[n++] = wrap(0xa1, &seq_of, 1);
    }
    return wrap(0x30, parts, n);
}

static const uint8_t empty_name[] = { 0x30, 0x00 };
static const uint8_t empty_genm_body[] = { 0xb5, 0x02, 0x30, 0x00 };

/* The Name cases: a genm but for rdns-template (ir) and p10cr-attr-values. */
static buf_t
many_attributes(const char *what, long n)
{
    buf_t sender = bytes_of(empty_name, sizeof empty_name), recipient = bytes_of(empty_name, sizeof empty_name);
    buf_t body = bytes_of(empty_genm_body, sizeof empty_genm_body), cert, *extra = NULL;

    if (strcmp(what, "rdns-sender") == 0) {
        free(sender.p);
        sender = many_name(n, 1);
    } else if (strcmp(what, "rdns-one-set") == 0) {
        free(recipient.p);
        recipient = many_name(1, n);
    } else if (strcmp(what, "rdns-template") == 0) {
        /* ir [0] { CertReqMsg { CertRequest { certReqId 0, CertTemplate {
         * subject [5] Name } } } } */
        static const uint8_t req_id[] = { 0x02, 0x01, 0x00 };
        buf_t subject = many_name(n, 1), tagged = wrap(0xa5, &subject, 1), tmpl = wrap(0x30, &tagged, 1);
        buf_t req_parts[2] = { bytes_of(req_id, sizeof req_id), tmpl };
        buf_t req = wrap(0x30, req_parts, 2), msg = wrap(0x30, &req, 1), seq_of = wrap(0x30, &msg, 1);
        free(body.p);
        body = wrap(0xa0, &seq_of, 1);
    } else if (strcmp(what, "rdns-cert-issuer") == 0) {
        buf_t issuer = many_name(n, 1), subject = many_name(1, 1);
        cert = certificate(&issuer, &subject, NULL);
        extra = &cert;
    } else if (strcmp(what, "rdns-cert-san") == 0) {
        /* Extensions { Extension { subjectAltName, OCTET STRING {
         * GeneralNames { directoryName [4] Name } } } } */
        static const uint8_t san_oid[] = { 0x06, 0x03, 0x55, 0x1d, 0x11 };
        buf_t issuer = many_name(1, 1), subject = many_name(1, 1), dn = many_name(n, 1);
        buf_t gn = wrap(0xa4, &dn, 1), gns = wrap(0x30, &gn, 1), value = wrap(0x04, &gns, 1);
        buf_t ext_parts[2] = { bytes_of(san_oid, sizeof san_oid), value };
        buf_t ext = wrap(0x30, ext_parts, 2), exts = wrap(0x30, &ext, 1);
        cert = certificate(&issuer, &subject, &exts);
        extra = &cert;
    } else {
        /* p10cr [4] CertificationRequest { info { version 0, subject,
         * spki, attributes [0] { Attribute { challengePassword, SET OF
         * n UTF8String } } }, alg, signature } */
        static const uint8_t version[] = { 0x02, 0x01, 0x00 };
        static const uint8_t challenge_password[] = {
            0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x07
        };
        static const uint8_t value[] = { 0x0c, 0x02, 'p', 'w' };
        buf_t values = { 0 };
        for (long i = 0; i < n; i++)
            add_bytes(&values, value, sizeof value);
        buf_t attr_parts[2] = { bytes_of(challenge_password, sizeof challenge_password), tlv(0x31, &values) };
        buf_t attr = wrap(0x30, attr_parts, 2);
        buf_t info_parts[4] = { bytes_of(version, sizeof version), many_name(1, 1), bytes_of(spki, sizeof spki),
                                wrap(0xa0, &attr, 1) };
        buf_t req_parts[3] = { wrap(0x30, info_parts, 4), bytes_of(sig_alg, sizeof sig_alg),
                               bytes_of(signature, sizeof signature) };
        buf_t req = wrap(0x30, req_parts, 3);
        free(values.p);
        free(body.p);
        body = wrap(0xa4, &req, 1);
    }
    return message_with(&sender, &recipient, &body, extra);
}

int
main(int argc, char **argv)
{
    buf_t out = { 0 };
    const char *what, *path;
    long n = 0;
    FILE *f;

    if (argc == 4) {
        what = argv[1];
        n = strtol(argv[2], NULL, 10);
        path = argv[3];
    } else if (argc == 3) {
        what = argv[1];
        path = argv[2];
    } else {
        fprintf(stderr, "usage: advgen CASE [N] OUT (see the source)\n");
        return 2;
    }

    if (strcmp(what, "nested") == 0 && argc == 4) {
        out = empty_genm();
        for (long i = 0; i < n; i++) {
            buf_t seq_of = tlv(0x30, &out), body;
            free(out.p);
            body = tlv(0xb4, &seq_of);       /* nested [20] PKIMessages */
            free(seq_of.p);
            out = pkimessage(&body);
        }
    } else if (strcmp(what, "deep-itav") == 0 && argc == 4) {
        buf_t deep = deep_definite(n);
        out = genm_with_value(&deep);
    } else if (strcmp(what, "deep-itav-indef") == 0 && argc == 4) {
        buf_t deep = deep_indefinite(n);
        out = genm_with_value(&deep);
    } else if (strcmp(what, "deep-body") == 0 && argc == 4) {
        buf_t deep = deep_definite(n), body = tlv(0xbb, &deep);   /* [27] */
        free(deep.p);
        out = pkimessage(&body);
    } else if (strcmp(what, "real-itav") == 0 && argc == 3) {
        static const uint8_t real[] = { 0x30, 0x05, 0x09, 0x03, 0x80, 0x01, 0x0c };
        out = genm_with_bytes(real, sizeof real);
    } else if (strcmp(what, "real-overrun-itav") == 0 && argc == 3) {
        /* BMPString (constructed) { UniversalString (constructed, 2 octets)
         * { REAL (11 octets) } }: Wireshark's generic decoder checks each
         * length against the whole buffer, not the parent, so it decodes
         * the REAL (and 4.0 fails "lenN <= 8" on its mantissa). */
        static const uint8_t real[] = {
            0x3e, 0x0f, 0x3c, 0x02, 0x09, 0x0b, 0x80, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 9,
        };
        out = genm_with_bytes(real, sizeof real);
    } else if (strcmp(what, "many") == 0 && argc == 4) {
        static const uint8_t itav[] = { 0x30, 0x03, 0x06, 0x01, 0x2a };
        buf_t items = { 0 }, seq_of, body;
        for (long i = 0; i < n; i++)
            add(&items, itav, sizeof itav);
        seq_of = tlv(0x30, &items);
        free(items.p);
        body = tlv(0xb5, &seq_of);
        free(seq_of.p);
        out = pkimessage(&body);
    } else if (strcmp(what, "indefinite") == 0 && argc == 3) {
        static const uint8_t msg[] = {
            0x30, 0x80,
              0x30, 0x80, 0x02, 0x01, 0x02,
                0xa4, 0x80, 0x30, 0x00, 0x00, 0x00,
                0xa4, 0x80, 0x30, 0x00, 0x00, 0x00,
              0x00, 0x00,
              0xb5, 0x80, 0x30, 0x80, 0x00, 0x00, 0x00, 0x00,
            0x00, 0x00
        };
        add(&out, msg, sizeof msg);
    } else if (strcmp(what, "long-header") == 0 && argc == 4 && n > 0) {
        /* SEQUENCE { SEQUENCE { pvno 2, sender, recipient, [8] 1 GiB ... }
         * [21] 30 00 }, every length in four octets */
        static const uint8_t start[] = {
            0x30, 0x84, 0x40, 0x00, 0x00, 0x1b,
              0x30, 0x84, 0x40, 0x00, 0x00, 0x11,
                0x02, 0x01, 0x02, 0xa4, 0x02, 0x30, 0x00, 0xa4, 0x02, 0x30, 0x00,
                0xa8, 0x84, 0x40, 0x00, 0x00, 0x00,
        };
        out.p = malloc((size_t)n);
        memset(out.p, 'A', (size_t)n);
        memcpy(out.p, start, MIN_SIZE(sizeof start, (size_t)n));
        out.len = (size_t)n;
    } else if ((strcmp(what, "rdns-sender") == 0 || strcmp(what, "rdns-one-set") == 0
                || strcmp(what, "rdns-template") == 0 || strcmp(what, "rdns-cert-issuer") == 0
                || strcmp(what, "rdns-cert-san") == 0 || strcmp(what, "p10cr-attr-values") == 0) && argc == 4) {
        out = many_attributes(what, n);
    } else if (strcmp(what, "fill") == 0 && argc == 4) {
        out.p = malloc((size_t)n + 1);
        memset(out.p, 'A', (size_t)n);
        out.len = (size_t)n;
    } else {
        fprintf(stderr, "advgen: unknown case or wrong arguments: %s\n", what);
        return 2;
    }

    f = fopen(path, "wb");
    if (!f || fwrite(out.p, 1, out.len, f) != out.len || fclose(f) != 0) {
        perror(path);
        return 1;
    }
    free(out.p);
    return 0;
}
