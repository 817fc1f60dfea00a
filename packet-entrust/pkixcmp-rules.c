/* pkixcmp-rules.c - CMP's protocol rules as plain C, without libwireshark
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * RFC 9810 (CMP), RFC 4211 (CRMF, PasswordBasedMac), RFC 9481 (algorithms),
 * RFC 9483 (lightweight profile), RFC 2510 section 5.2 (TCP framing).
 */
#include "pkixcmp-rules.h"
#include "der.h"

#include <string.h>

gint
pkixcmp_framing_type(gint body)
{
    if (body >= PKIXCMP_FRAMING_V10_BASE)
        return body - PKIXCMP_FRAMING_V10_BASE;
    if (body >= PKIXCMP_FRAMING_V0_BASE)
        return body - PKIXCMP_FRAMING_V0_BASE;
    return -1;
}

pkixcmp_role_t
pkixcmp_body_role(gint body)
{
    gint framing = pkixcmp_framing_type(body);

    if (framing >= 0)
        return framing == PKIXCMP_FRAMING_POLLREQ ? PKIXCMP_ROLE_REQUEST : PKIXCMP_ROLE_RESPONSE;
    switch (body) {
    case PKIXCMP_BODY_IR: case PKIXCMP_BODY_CR: case PKIXCMP_BODY_P10CR:
    case PKIXCMP_BODY_POPDECR: case PKIXCMP_BODY_KUR: case PKIXCMP_BODY_KRR:
    case PKIXCMP_BODY_RR: case PKIXCMP_BODY_CCR: case PKIXCMP_BODY_GENM:
    case PKIXCMP_BODY_CERTCONF: case PKIXCMP_BODY_POLLREQ:
        return PKIXCMP_ROLE_REQUEST;
    case PKIXCMP_BODY_CKUANN: case PKIXCMP_BODY_CANN: case PKIXCMP_BODY_RANN:
    case PKIXCMP_BODY_CRLANN:
        return PKIXCMP_ROLE_ANNOUNCEMENT;
    case PKIXCMP_BODY_PKICONF: case PKIXCMP_BODY_ERROR: case PKIXCMP_BODY_NESTED:
        return PKIXCMP_ROLE_EITHER;
    default:
        /* ip, cp, popdecc, kup, krp, rp, ccp, genp, pollRep, unknown tags */
        return PKIXCMP_ROLE_RESPONSE;
    }
}

gboolean
pkixcmp_body_requests_cert(gint body)
{
    return body == PKIXCMP_BODY_IR || body == PKIXCMP_BODY_CR || body == PKIXCMP_BODY_P10CR
        || body == PKIXCMP_BODY_KUR || body == PKIXCMP_BODY_CCR;
}

gboolean
pkixcmp_body_delivers_cert(gint body)
{
    return body == PKIXCMP_BODY_IP || body == PKIXCMP_BODY_CP || body == PKIXCMP_BODY_KUP
        || body == PKIXCMP_BODY_CCP;
}

/* The one answer a request's body calls for (besides error), -1 if none. */
static gint
direct_answer(gint req)
{
    switch (req) {
    case PKIXCMP_BODY_IR:       return PKIXCMP_BODY_IP;
    case PKIXCMP_BODY_CR:       return PKIXCMP_BODY_CP;
    case PKIXCMP_BODY_P10CR:    return PKIXCMP_BODY_CP;
    case PKIXCMP_BODY_KUR:      return PKIXCMP_BODY_KUP;
    case PKIXCMP_BODY_KRR:      return PKIXCMP_BODY_KRP;
    case PKIXCMP_BODY_RR:       return PKIXCMP_BODY_RP;
    case PKIXCMP_BODY_CCR:      return PKIXCMP_BODY_CCP;
    case PKIXCMP_BODY_GENM:     return PKIXCMP_BODY_GENP;
    case PKIXCMP_BODY_CERTCONF: return PKIXCMP_BODY_PKICONF;
    case PKIXCMP_BODY_ERROR:    return PKIXCMP_BODY_PKICONF;  /* RFC 9810 5.3.21 */
    default:                    return -1;
    }
}

gboolean
pkixcmp_response_allowed(gint req, gint orig, gint resp)
{
    gint resp_framing = pkixcmp_framing_type(resp);
    gint req_framing = pkixcmp_framing_type(req);

    /* Anything may be refused. */
    if (resp == PKIXCMP_BODY_ERROR || resp_framing == PKIXCMP_FRAMING_ERROR)
        return TRUE;
    /* RFC 2510 5.2 and the v10 draft: a PKIMessage or a pollReq may be
     * answered by a framing pollRep ("check back later") or by the end
     * marker (negPollRep / finRep: "nothing (more) for you"). */
    if (resp_framing == PKIXCMP_FRAMING_POLLREP || resp_framing == PKIXCMP_FRAMING_END)
        return req_framing < 0 || req_framing == PKIXCMP_FRAMING_POLLREQ;
    if (resp_framing >= 0)
        return FALSE;
    /* Nested messages wrap anything (RA to CA). */
    if (req == PKIXCMP_BODY_NESTED || resp == PKIXCMP_BODY_NESTED)
        return TRUE;
    /* Polling: CMP's pollReq gets a pollRep; both pollReqs get the answer
     * that was delayed. */
    if (req == PKIXCMP_BODY_POLLREQ && resp == PKIXCMP_BODY_POLLREP)
        return TRUE;
    if (req == PKIXCMP_BODY_POLLREQ || req_framing == PKIXCMP_FRAMING_POLLREQ
            || req == PKIXCMP_BODY_POPDECR) {
        /* The delayed request is unknown (the capture starts later): any
         * answer will do. */
        if (orig < 0)
            return pkixcmp_body_role(resp) == PKIXCMP_ROLE_RESPONSE || resp == PKIXCMP_BODY_PKICONF;
        return orig != req && pkixcmp_framing_type(orig) < 0
            && orig != PKIXCMP_BODY_POLLREQ && pkixcmp_response_allowed(orig, -1, resp);
    }
    /* Indirect proof of possession: the CA challenges a certificate request. */
    if (resp == PKIXCMP_BODY_POPDECC)
        return pkixcmp_body_requests_cert(req) && req != PKIXCMP_BODY_P10CR;
    return direct_answer(req) == resp;
}

/* ------------------------------------------------------------------------
 * PasswordBasedMac
 */
#define OID_MD2          "1.2.840.113549.2.2"
#define OID_MD5          "1.2.840.113549.2.5"
#define OID_SHA1         "1.3.14.3.2.26"
#define OID_HMAC_MD5     "1.3.6.1.5.5.8.1.1"
#define OID_HMAC_SHA1    "1.3.6.1.5.5.8.1.2"
#define OID_HMAC_WITH_SHA1 "1.2.840.113549.2.7"

static void
add_reason(GString *why, const char *text)
{
    if (!why)
        return;
    if (why->len)
        g_string_append(why, "; ");
    g_string_append(why, text);
}

const char *
pkixcmp_weak_mac_name(const char *oid)
{
    if (oid && strcmp(oid, OID_HMAC_MD5) == 0)
        return "HMAC-MD5";
    if (oid && (strcmp(oid, OID_HMAC_SHA1) == 0 || strcmp(oid, OID_HMAC_WITH_SHA1) == 0))
        return "HMAC-SHA1";
    return NULL;
}

/* A MAC algorithm built on a broken hash; WEAK with its reason, or OK. */
static pkixcmp_pbm_strength_t
judge_mac(const char *mac, GString *why)
{
    const char *weak = pkixcmp_weak_mac_name(mac);

    if (!weak)
        return PKIXCMP_PBM_OK;
    add_reason(why, "MAC is ");
    if (why)
        g_string_append(why, weak);
    return PKIXCMP_PBM_WEAK;
}

static void
add_iterations_reason(GString *why, const char *format, gint64 iterations)
{
    if (!why)
        return;
    if (why->len)
        g_string_append(why, "; ");
    g_string_append_printf(why, format, iterations);
}

pkixcmp_pbm_strength_t
pkixcmp_pbm_check(const char *owf, const char *mac, gint64 iterations, GString *why)
{
    pkixcmp_pbm_strength_t strength = PKIXCMP_PBM_OK;

    if (owf && strcmp(owf, OID_MD5) == 0) {
        add_reason(why, "owf is MD5");
        strength = PKIXCMP_PBM_WEAK;
    } else if (owf && strcmp(owf, OID_SHA1) == 0) {
        add_reason(why, "owf is SHA-1");
        strength = PKIXCMP_PBM_WEAK;
    }
    if (judge_mac(mac, why) == PKIXCMP_PBM_WEAK)
        strength = PKIXCMP_PBM_WEAK;
    if (iterations != PKIXCMP_PBM_ITERATIONS_UNKNOWN && iterations < 100) {
        /* No reason among the weaknesses: the verdict says it, and is
         * shown as an error of its own. */
        strength = PKIXCMP_PBM_BROKEN;
    } else if (iterations != PKIXCMP_PBM_ITERATIONS_UNKNOWN && iterations < 1000) {
        add_iterations_reason(why, "only %" G_GINT64_FORMAT " iterations", iterations);
        if (strength == PKIXCMP_PBM_OK)
            strength = PKIXCMP_PBM_WEAK;
    }
    return strength;
}

pkixcmp_pbm_strength_t
pkixcmp_pbmac1_check(const char *prf, gboolean prf_absent, const char *mac, gint64 iterations, GString *why)
{
    pkixcmp_pbm_strength_t strength = PKIXCMP_PBM_OK;

    if (prf_absent) {
        add_reason(why, "PRF is HMAC-SHA1 (PBKDF2's default)");
        strength = PKIXCMP_PBM_WEAK;
    } else if (prf && strcmp(prf, OID_HMAC_WITH_SHA1) == 0) {
        add_reason(why, "PRF is HMAC-SHA1");
        strength = PKIXCMP_PBM_WEAK;
    }
    if (judge_mac(mac, why) == PKIXCMP_PBM_WEAK)
        strength = PKIXCMP_PBM_WEAK;
    if (iterations != PKIXCMP_PBM_ITERATIONS_UNKNOWN && iterations < 1000) {
        add_iterations_reason(why, "only %" G_GINT64_FORMAT " iterations (RFC 8018 recommends 1000 at least)",
                              iterations);
        strength = PKIXCMP_PBM_WEAK;
    }
    return strength;
}

/* ------------------------------------------------------------------------
 * Signature algorithms
 */
const char *
pkixcmp_signature_weak_hash(const char *oid, const char **name)
{
    static const struct {
        const char *oid;
        const char *name;
        const char *hash;
    } weak[] = {
        { "1.2.840.113549.1.1.2", "md2WithRSAEncryption", "MD2" },
        { "1.2.840.113549.1.1.3", "md4WithRSAEncryption", "MD4" },
        { "1.2.840.113549.1.1.4", "md5WithRSAEncryption", "MD5" },
        { "1.2.840.113549.1.1.5", "sha1WithRSAEncryption", "SHA-1" },
        { "1.3.14.3.2.3", "md5WithRSA (OIW)", "MD5" },
        { "1.3.14.3.2.4", "md4WithRSAEncryption (OIW)", "MD4" },
        { "1.3.14.3.2.13", "dsaWithSHA (OIW)", "SHA-0" },
        { "1.3.14.3.2.15", "shaWithRSASignature (OIW)", "SHA-0" },
        { "1.3.14.3.2.24", "md2WithRSASignature (OIW)", "MD2" },
        { "1.3.14.3.2.27", "dsaWithSHA1 (OIW)", "SHA-1" },
        { "1.3.14.3.2.29", "sha1WithRSASignature (OIW)", "SHA-1" },
        { "1.2.840.10040.4.3", "dsa-with-sha1", "SHA-1" },
        { "1.2.840.10045.4.1", "ecdsa-with-SHA1", "SHA-1" },
    };

    for (gsize i = 0; oid && i < G_N_ELEMENTS(weak); i++) {
        if (strcmp(oid, weak[i].oid) == 0) {
            if (name)
                *name = weak[i].name;
            return weak[i].hash;
        }
    }
    return NULL;
}

/* ------------------------------------------------------------------------
 * Addresses
 */
gboolean
pkixcmp_ipv4_is_internal(const guint8 a[4])
{
    return a[0] == 10                                   /* 10/8 */
        || (a[0] == 172 && (a[1] & 0xf0) == 16)         /* 172.16/12 */
        || (a[0] == 192 && a[1] == 168)                 /* 192.168/16 */
        || a[0] == 127                                  /* loopback */
        || (a[0] == 169 && a[1] == 254)                 /* link-local */
        || (a[0] == 100 && (a[1] & 0xc0) == 64)         /* CGNAT 100.64/10 */
        || a[0] == 0;                                   /* "this network" */
}

gboolean
pkixcmp_ipv6_is_internal(const guint8 a[16])
{
    static const guint8 mapped_prefix[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
    gboolean first15_zero = TRUE;

    for (int i = 0; i < 15; i++)
        if (a[i])
            first15_zero = FALSE;
    if (first15_zero && (a[15] == 1 || a[15] == 0))     /* ::1 and :: */
        return TRUE;
    if ((a[0] & 0xfe) == 0xfc)                          /* ULA fc00::/7 */
        return TRUE;
    if (a[0] == 0xfe && (a[1] & 0xc0) == 0x80)          /* link-local fe80::/10 */
        return TRUE;
    if (memcmp(a, mapped_prefix, sizeof mapped_prefix) == 0)
        return pkixcmp_ipv4_is_internal(a + 12);
    return FALSE;
}

/* ------------------------------------------------------------------------
 * Names
 */
const char *
pkixcmp_status_name(gint status)
{
    static const char *const names[] = {
        "accepted", "grantedWithMods", "rejection", "waiting",
        "revocationWarning", "revocationNotification", "keyUpdateWarning",
    };
    return status >= 0 && status < (gint)G_N_ELEMENTS(names) ? names[status] : NULL;
}

const char *
pkixcmp_fail_info_name(guint bit)
{
    static const char *const names[] = {
        "badAlg", "badMessageCheck", "badRequest", "badTime", "badCertId",
        "badDataFormat", "wrongAuthority", "incorrectData", "missingTimeStamp",
        "badPOP", "certRevoked", "certConfirmed", "wrongIntegrity",
        "badRecipientNonce", "timeNotAvailable", "unacceptedPolicy",
        "unacceptedExtension", "addInfoNotAvailable", "badSenderNonce",
        "badCertTemplate", "signerNotTrusted", "transactionIdInUse",
        "unsupportedVersion", "notAuthorized", "systemUnavail", "systemFailure",
        "duplicateCertReq",
    };
    return bit < G_N_ELEMENTS(names) ? names[bit] : NULL;
}

/* ------------------------------------------------------------------------
 * A walk over DER
 */

/* One element inside [pos, end) of buf. */
typedef struct {
    der_header h;
    gsize start;      /* offset of the identifier octets */
    gsize content;    /* offset of the content */
    gsize end;        /* offset just after the element */
} elem_t;

/* Reads the element at *pos (before end) and advances *pos past it.  FALSE
 * at the end, or when the element is invalid or overruns end. */
static gboolean
next_elem(const guint8 *buf, gsize *pos, gsize end, elem_t *e)
{
    if (*pos >= end || der_read_header(buf + *pos, end - *pos, &e->h) != DER_OK || e->h.indefinite)
        return FALSE;
    if (e->h.content_len > end - *pos - e->h.header_len)
        return FALSE;
    e->start = *pos;
    e->content = *pos + e->h.header_len;
    e->end = e->content + (gsize)e->h.content_len;
    *pos = e->end;
    return TRUE;
}

static gboolean
is_universal(const elem_t *e, guint32 tag)
{
    return e->h.cls == DER_CLASS_UNIVERSAL && e->h.tag == tag;
}

static gboolean
is_context(const elem_t *e, guint32 tag)
{
    return e->h.cls == DER_CLASS_CONTEXT && e->h.tag == tag;
}

static gboolean
oid_equals(const guint8 *buf, const elem_t *e, const char *dotted)
{
    GString *s;
    gboolean same;

    if (!is_universal(e, 6))
        return FALSE;
    s = g_string_new(NULL);
    same = der_oid_to_string(buf + e->content, (gsize)e->h.content_len, s) && strcmp(s->str, dotted) == 0;
    g_string_free(s, TRUE);
    return same;
}

gboolean
pkixcmp_pbkdf2_has_prf(const guint8 *buf, gsize len)
{
    der_header seq;
    gsize pos, end;
    elem_t e;

    /* The parameters may run past the bytes at hand: what is there is read. */
    if (der_read_header(buf, len, &seq) != DER_OK || !seq.constructed || seq.indefinite)
        return FALSE;
    pos = seq.header_len;
    end = der_fits(&seq, len) ? pos + (gsize)seq.content_len : len;
    for (guint n = 0; next_elem(buf, &pos, end, &e); n++) {
        if (n > 0 && is_universal(&e, DER_TAG_SEQUENCE) && e.h.constructed)
            return TRUE;
    }
    return FALSE;
}

const char *
pkixcmp_pss_weak_hash(const guint8 *buf, gsize len)
{
    gsize pos = 0, ppos;
    elem_t params, e;

    if (!buf || !next_elem(buf, &pos, len, &params) || !is_universal(&params, DER_TAG_SEQUENCE))
        return NULL;
    ppos = params.content;
    while (next_elem(buf, &ppos, params.end, &e)) {
        gsize apos = e.content, opos;
        elem_t alg, oid;

        if (!is_context(&e, 0))
            continue;
        /* hashAlgorithm [0] (explicit) { AlgorithmIdentifier { OID, ... } } */
        if (!next_elem(buf, &apos, e.end, &alg))
            return NULL;
        opos = alg.content;
        if (!next_elem(buf, &opos, alg.end, &oid))
            return NULL;
        if (oid_equals(buf, &oid, OID_SHA1))
            return "SHA-1";
        if (oid_equals(buf, &oid, OID_MD5))
            return "MD5";
        if (oid_equals(buf, &oid, OID_MD2))
            return "MD2";
        return NULL;
    }
    /* An element that does not fit ends the walk early: no verdict. */
    return ppos < params.end ? NULL : "SHA-1 (the parameters' DEFAULT)";
}

#define OID_PKI_ARCHIVE_OPTIONS "1.3.6.1.5.5.7.5.1.4"
#define OID_IT_CA_CERTS         "1.3.6.1.5.5.7.4.17"

/* CertReqMessages ::= SEQUENCE OF CertReqMsg { certReq CertRequest {
 *   certReqId, certTemplate, controls OPTIONAL }, popo, regInfo } */
static void
scan_cert_req_messages(const guint8 *buf, const elem_t *msgs, pkixcmp_scan_t *out)
{
    gsize pos = msgs->content;
    elem_t msg, req, id, tmpl, field, controls, atv, oid;

    while (next_elem(buf, &pos, msgs->end, &msg)) {
        gsize mpos = msg.content, rpos, tpos;
        gboolean have_key = FALSE;
        if (!is_universal(&msg, DER_TAG_SEQUENCE) || !next_elem(buf, &mpos, msg.end, &req)
                || !is_universal(&req, DER_TAG_SEQUENCE))
            continue;
        rpos = req.content;
        if (!next_elem(buf, &rpos, req.end, &id) || !next_elem(buf, &rpos, req.end, &tmpl)
                || !is_universal(&tmpl, DER_TAG_SEQUENCE))
            continue;
        /* CertTemplate's publicKey is [6] IMPLICIT SubjectPublicKeyInfo. */
        tpos = tmpl.content;
        while (next_elem(buf, &tpos, tmpl.end, &field)) {
            if (is_context(&field, 6)) {
                gsize kpos = field.content;
                elem_t alg, bits;
                /* An algorithm with an empty BIT STRING asks for a key too. */
                have_key = !(next_elem(buf, &kpos, field.end, &alg) && next_elem(buf, &kpos, field.end, &bits)
                             && is_universal(&bits, 3) && bits.h.content_len <= 1);
            }
        }
        if (!have_key)
            out->central_keygen = TRUE;
        if (next_elem(buf, &rpos, req.end, &controls) && is_universal(&controls, DER_TAG_SEQUENCE)) {
            gsize cpos = controls.content;
            while (next_elem(buf, &cpos, controls.end, &atv)) {
                gsize apos = atv.content;
                elem_t value;
                /* PKIArchiveOptions: encryptedPrivKey [0] and keyGenParameters
                 * [1] send the key (or what regenerates it); archiveRemGenPrivKey
                 * [2] only asks the CA to keep the key it will generate. */
                if (is_universal(&atv, DER_TAG_SEQUENCE) && next_elem(buf, &apos, atv.end, &oid)
                        && oid_equals(buf, &oid, OID_PKI_ARCHIVE_OPTIONS)
                        && next_elem(buf, &apos, atv.end, &value) && !is_context(&value, 2))
                    out->archive_options = TRUE;
            }
        }
    }
}

/* CertifiedKeyPair ::= SEQUENCE { certOrEncCert, privateKey [0] OPTIONAL,
 *   publicationInfo [1] OPTIONAL } */
static void
scan_certified_key_pair(const guint8 *buf, const elem_t *pair, pkixcmp_scan_t *out)
{
    gsize pos = pair->content;
    elem_t e;

    if (!is_universal(pair, DER_TAG_SEQUENCE) || !next_elem(buf, &pos, pair->end, &e))
        return;
    while (next_elem(buf, &pos, pair->end, &e))
        if (is_context(&e, 0))
            out->private_key = TRUE;
}

/* CertRepMessage ::= SEQUENCE { caPubs [1] OPTIONAL, response SEQUENCE OF
 *   CertResponse { certReqId, status, certifiedKeyPair OPTIONAL, rspInfo OPTIONAL } } */
static void
scan_cert_rep_message(const guint8 *buf, const elem_t *rep, pkixcmp_scan_t *out)
{
    gsize pos = rep->content;
    elem_t e, resp;

    while (next_elem(buf, &pos, rep->end, &e)) {
        gsize rpos = e.content;
        if (!is_universal(&e, DER_TAG_SEQUENCE))
            continue;   /* caPubs */
        out->cert_responses_read = TRUE;
        while (next_elem(buf, &rpos, e.end, &resp)) {
            gsize cpos = resp.content, spos;
            elem_t id, status, value, pair;
            if (!is_universal(&resp, DER_TAG_SEQUENCE) || !next_elem(buf, &cpos, resp.end, &id)
                    || !next_elem(buf, &cpos, resp.end, &status) || !next_elem(buf, &cpos, resp.end, &pair))
                continue;
            scan_certified_key_pair(buf, &pair, out);
            /* PKIStatusInfo ::= SEQUENCE { status PKIStatus, ... };
             * accepted (0) and grantedWithMods (1) issue the certificate. */
            spos = status.content;
            if (is_universal(&pair, DER_TAG_SEQUENCE) && next_elem(buf, &spos, status.end, &value)
                    && is_universal(&value, 2) && value.h.content_len == 1 && buf[value.content] <= 1)
                out->cert_issued = TRUE;
        }
    }
}

/* KeyRecRepContent ::= SEQUENCE { status, newSigCert [0], caCerts [1],
 *   keyPairHist [2] SEQUENCE OF CertifiedKeyPair } */
static void
scan_krp(const guint8 *buf, const elem_t *krp, pkixcmp_scan_t *out)
{
    gsize pos = krp->content;
    elem_t e, pair;

    while (next_elem(buf, &pos, krp->end, &e)) {
        gsize hpos = e.content;
        if (is_context(&e, 2))
            while (next_elem(buf, &hpos, e.end, &pair))
                scan_certified_key_pair(buf, &pair, out);
    }
}

/* GenRepContent ::= SEQUENCE OF InfoTypeAndValue; id-it-caCerts holds
 * SEQUENCE OF CMPCertificate (RFC 9480 section 2.3.1). */
static void
scan_genp(const guint8 *buf, const elem_t *genp, pkixcmp_scan_t *out)
{
    gsize pos = genp->content;
    elem_t itav, oid, value, cert;

    while (next_elem(buf, &pos, genp->end, &itav)) {
        gsize ipos = itav.content, vpos;
        if (!is_universal(&itav, DER_TAG_SEQUENCE) || !next_elem(buf, &ipos, itav.end, &oid)
                || !oid_equals(buf, &oid, OID_IT_CA_CERTS) || !next_elem(buf, &ipos, itav.end, &value)
                || !is_universal(&value, DER_TAG_SEQUENCE))
            continue;
        vpos = value.content;
        while (next_elem(buf, &vpos, value.end, &cert) && out->n_ca_certs < PKIXCMP_SCAN_MAX_CERTS) {
            if (!is_universal(&cert, DER_TAG_SEQUENCE))
                continue;
            out->ca_cert_offset[out->n_ca_certs] = cert.start;
            out->ca_cert_len[out->n_ca_certs] = cert.end - cert.start;
            out->n_ca_certs++;
        }
    }
}

void
pkixcmp_scan_message(const guint8 *buf, gsize len, pkixcmp_scan_t *out)
{
    gsize pos = 0, mpos;
    elem_t msg, header, body, content;

    memset(out, 0, sizeof(*out));
    if (!buf || !next_elem(buf, &pos, len, &msg) || !is_universal(&msg, DER_TAG_SEQUENCE))
        return;
    mpos = msg.content;
    if (!next_elem(buf, &mpos, msg.end, &header) || !next_elem(buf, &mpos, msg.end, &body)
            || body.h.cls != DER_CLASS_CONTEXT || !body.h.constructed)
        return;
    pos = body.content;
    if (!next_elem(buf, &pos, body.end, &content))
        return;
    switch (body.h.tag) {
    case PKIXCMP_BODY_IR: case PKIXCMP_BODY_CR: case PKIXCMP_BODY_KUR: case PKIXCMP_BODY_CCR:
    case PKIXCMP_BODY_KRR:
        if (is_universal(&content, DER_TAG_SEQUENCE))
            scan_cert_req_messages(buf, &content, out);
        break;
    case PKIXCMP_BODY_IP: case PKIXCMP_BODY_CP: case PKIXCMP_BODY_KUP: case PKIXCMP_BODY_CCP:
        if (is_universal(&content, DER_TAG_SEQUENCE))
            scan_cert_rep_message(buf, &content, out);
        break;
    case PKIXCMP_BODY_KRP:
        if (is_universal(&content, DER_TAG_SEQUENCE))
            scan_krp(buf, &content, out);
        break;
    case PKIXCMP_BODY_GENP:
        if (is_universal(&content, DER_TAG_SEQUENCE))
            scan_genp(buf, &content, out);
        break;
    default:
        break;
    }
    /* krr asks to recover keys: whatever its template says, it is no
     * request for central key generation. */
    if (body.h.tag == PKIXCMP_BODY_KRR)
        out->central_keygen = FALSE;
}

/* ------------------------------------------------------------------------
 * Certificate file names
 */

/* Keeps [A-Za-z0-9._-], turns runs of anything else into one '_', drops
 * leading dots (no hidden files, no ".."), and caps the length. */
static void
append_sanitised(GString *out, const char *in, gsize in_len, gsize max)
{
    gboolean pending_sep = FALSE;
    gsize start = out->len;

    for (gsize i = 0; i < in_len && out->len - start < max; i++) {
        guchar c = (guchar)in[i];
        if (g_ascii_isalnum(c) || c == '-' || (c == '.' && out->len > start) || c == '_') {
            if (pending_sep && out->len > start) {
                /* The separator comes with the character after it: both
                 * must fit, or the name would run one past max. */
                if (out->len - start + 2 > max)
                    break;
                g_string_append_c(out, '_');
            }
            pending_sep = FALSE;
            g_string_append_c(out, (char)c);
        } else {
            pending_sep = TRUE;
        }
    }
}

/* The last CN of a Name (the most specific one), as raw string bytes. */
static gboolean
find_cn(const guint8 *buf, const elem_t *name, gsize *cn_off, gsize *cn_len)
{
    gsize pos = name->content;
    elem_t set, atv, oid, value;
    gboolean found = FALSE;

    while (next_elem(buf, &pos, name->end, &set)) {
        gsize spos = set.content;
        while (next_elem(buf, &spos, set.end, &atv)) {
            gsize apos = atv.content;
            if (next_elem(buf, &apos, atv.end, &oid) && oid_equals(buf, &oid, "2.5.4.3")
                    && next_elem(buf, &apos, atv.end, &value) && value.h.cls == DER_CLASS_UNIVERSAL) {
                *cn_off = value.content;
                *cn_len = (gsize)value.h.content_len;
                found = TRUE;
            }
        }
    }
    return found;
}

char *
pkixcmp_cert_file_name(const guint8 *der, gsize len)
{
    GString *out = g_string_new(NULL);
    gsize pos = 0, tpos;
    elem_t cert, tbs, e, serial = { 0 }, subject = { 0 };
    gboolean have_serial = FALSE, have_subject = FALSE;
    int field = 0;

    if (der && next_elem(der, &pos, len, &cert) && is_universal(&cert, DER_TAG_SEQUENCE)) {
        tpos = cert.content;
        if (next_elem(der, &tpos, cert.end, &tbs) && is_universal(&tbs, DER_TAG_SEQUENCE)) {
            /* TBSCertificate: [0] version OPTIONAL, serialNumber, signature,
             * issuer, validity, subject, ... */
            tpos = tbs.content;
            while (next_elem(der, &tpos, tbs.end, &e)) {
                if (field == 0 && is_context(&e, 0))
                    continue;
                if (field == 0 && is_universal(&e, DER_TAG_INTEGER)) {
                    serial = e;
                    have_serial = TRUE;
                } else if (field == 4 && is_universal(&e, DER_TAG_SEQUENCE)) {
                    subject = e;
                    have_subject = TRUE;
                    break;
                }
                field++;
            }
        }
    }

    if (have_subject) {
        gsize cn_off = 0, cn_len = 0;
        if (find_cn(der, &subject, &cn_off, &cn_len)) {
            append_sanitised(out, (const char *)der + cn_off, cn_len, 80);
        } else {
            GString *dn = g_string_new(NULL);
            if (der_format_name(der + subject.start, subject.end - subject.start, dn))
                append_sanitised(out, dn->str, dn->len, 80);
            g_string_free(dn, TRUE);
        }
    }
    if (out->len == 0)
        g_string_append(out, "certificate");
    g_string_append_c(out, '_');
    if (have_serial && serial.h.content_len > 0) {
        gsize n = (gsize)serial.h.content_len, skip = 0;
        /* Leading 0x00 only keeps the INTEGER positive. */
        while (skip + 1 < n && der[serial.content + skip] == 0)
            skip++;
        /* RFC 5280 serials are at most 20 octets; longer ones are cut. */
        for (gsize i = skip; i < n && i - skip < 20; i++)
            g_string_append_printf(out, "%02X", der[serial.content + i]);
    } else {
        g_string_append(out, "noserial");
    }
    g_string_append(out, ".der");
    return g_string_free(out, FALSE);
}
