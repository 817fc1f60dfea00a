/* fingerprint.c - which CMP implementation a message reveals
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <string.h>

#include "fingerprint.h"

/* What a rule looks at. */
typedef enum {
    FP_FREE_TEXT_PREFIX,   /* freeText starts with the word (case-insensitive) */
    FP_FREE_TEXT_WORD,     /* freeText holds the word anywhere */
    FP_OID_EXACT,          /* one of the OIDs is exactly this */
    FP_OID_ARC,            /* one of the OIDs is this arc or below it */
    FP_SENDER_RDN_PREFIX   /* the sender's name has an RDN "X=value..." */
} fp_kind;

typedef struct {
    fp_kind kind;
    const char *pattern;
    cmp_impl impl;
    const char *label;     /* shown as "Entrust (label)"; NULL: use the text */
} fp_rule;

/* In order: the first rule that matches decides. */
static const fp_rule fp_rules[] = {
    /* Entrust Authority writes "Entrust PKIX-CMP server v5.0", its
     * clients "Entrust Version 5.0" and "Entrust User 5.0". */
    { FP_FREE_TEXT_PREFIX, "Entrust",               CMP_IMPL_ENTRUST,  NULL },
    { FP_OID_EXACT,  "1.2.840.113533.7.65.0",        CMP_IMPL_ENTRUST,  "entrustVersInfo" },
    { FP_OID_EXACT,  "1.2.840.113533.7.66.10",       CMP_IMPL_ENTRUST,  "CAST5-CBC" },
    { FP_OID_EXACT,  "1.2.840.113533.7.66.12",       CMP_IMPL_ENTRUST,  "pbeWithMD5AndCAST5-CBC" },
    { FP_OID_ARC,    "2.16.840.1.114027.50",         CMP_IMPL_ENTRUST,  "Entrust PKIX-CMP OID" },
    { FP_OID_ARC,    "2.16.840.1.114027",            CMP_IMPL_ENTRUST,  "Entrust OID" },
    { FP_OID_ARC,    "1.2.840.113533.7",             CMP_IMPL_ENTRUST,  "Entrust OID" },
    /* cryptlib's generalInfo, 1.3.6.1.4.1.3029.3.1.1 */
    { FP_OID_ARC,    "1.3.6.1.4.1.3029",             CMP_IMPL_CRYPTLIB, "cryptlib OID" },
    { FP_FREE_TEXT_WORD, "cryptlib",                 CMP_IMPL_CRYPTLIB, NULL },
    /* EJBCA's sample CAs: "CN=AdminCA1,O=EJBCA Sample,C=SE" */
    { FP_SENDER_RDN_PREFIX, "O=EJBCA",               CMP_IMPL_EJBCA,    "sender name" },
    { FP_FREE_TEXT_WORD, "EJBCA",                    CMP_IMPL_EJBCA,    NULL },
    /* OpenSSL sends no freeText of its own; applications built on it may */
    { FP_FREE_TEXT_WORD, "OpenSSL",                  CMP_IMPL_OPENSSL,  NULL },
};

/* Entrust's algorithm arc: MACs that became standard CMP live there
 * (PasswordBasedMac, DHBasedMac, and in 2023 KEMBasedMac), so an unknown
 * OID below it is more likely a new standard algorithm (or a corrupted
 * one) than an Entrust product.  Only the algorithms listed above count. */
static const char fp_entrust_algorithm_arc[] = "1.2.840.113533.7.66";

/* Standard CMP under Entrust's arc: never a fingerprint. */
static const char *const fp_excluded_oids[] = {
    "1.2.840.113533.7.66.13",   /* PasswordBasedMac (RFC 4211, RFC 9810) */
    "1.2.840.113533.7.66.30",   /* DHBasedMac (RFC 9810) */
    "1.2.840.113533.7.66.16",   /* KEMBasedMac (RFC 9810) */
};

const char *
cmp_impl_name(cmp_impl impl)
{
    switch (impl) {
    case CMP_IMPL_ENTRUST:  return "Entrust";
    case CMP_IMPL_CRYPTLIB: return "cryptlib";
    case CMP_IMPL_EJBCA:    return "EJBCA";
    case CMP_IMPL_OPENSSL:  return "OpenSSL";
    case CMP_IMPL_NONE:
    default:                return NULL;
    }
}

gboolean
cmp_fingerprint_oid_excluded(const char *oid)
{
    for (gsize i = 0; i < G_N_ELEMENTS(fp_excluded_oids); i++)
        if (strcmp(oid, fp_excluded_oids[i]) == 0)
            return TRUE;
    return FALSE;
}

static gboolean
is_word_char(char c)
{
    return g_ascii_isalnum(c) || c == '_';
}

/* Case-insensitive word at s (not followed by a letter or digit). */
static gboolean
word_at(const char *s, const char *word)
{
    gsize n = strlen(word);
    return g_ascii_strncasecmp(s, word, n) == 0 && !is_word_char(s[n]);
}

static gboolean
free_text_prefix(const char *text, const char *word)
{
    while (*text == ' ' || *text == '\t')
        text++;
    return word_at(text, word);
}

static gboolean
free_text_word(const char *text, const char *word)
{
    for (const char *p = text; *p; p++)
        if ((p == text || !is_word_char(p[-1])) && word_at(p, word))
            return TRUE;
    return FALSE;
}

static gboolean
oid_in_arc(const char *oid, const char *arc)
{
    gsize n = strlen(arc);
    return strncmp(oid, arc, n) == 0 && (oid[n] == '\0' || oid[n] == '.');
}

/* RDN "O=EJBCA..." at the start of the name or after a comma. */
static gboolean
sender_rdn_prefix(const char *name, const char *rdn)
{
    gsize n = strlen(rdn);
    for (const char *p = name; *p; p++)
        if ((p == name || p[-1] == ',') && g_ascii_strncasecmp(p, rdn, n) == 0)
            return TRUE;
    return FALSE;
}

/* Copies at most max_chars characters of UTF-8 text, up to the first
 * control character, into out (size out_size), whole characters only. */
static void
copy_text(char *out, gsize out_size, const char *text, gsize max_chars)
{
    const char *p = text;
    gsize chars = 0;

    while (*p == ' ' || *p == '\t')
        p++;
    text = p;
    while (*p && chars < max_chars && (guchar)*p >= 0x20 && *p != 0x7f) {
        const char *next = g_utf8_next_char(p);
        if ((gsize)(next - text) >= out_size)
            break;
        p = next;
        chars++;
    }
    while (p > text && p[-1] == ' ')
        p--;
    memcpy(out, text, (gsize)(p - text));
    out[p - text] = '\0';
}

static gboolean
rule_matches(const fp_rule *rule, const cmp_fp_input *in, const char **matched)
{
    switch (rule->kind) {
    case FP_FREE_TEXT_PREFIX:
        *matched = in->free_text;
        return in->free_text && g_utf8_validate(in->free_text, -1, NULL)
               && free_text_prefix(in->free_text, rule->pattern);
    case FP_FREE_TEXT_WORD:
        *matched = in->free_text;
        return in->free_text && g_utf8_validate(in->free_text, -1, NULL)
               && free_text_word(in->free_text, rule->pattern);
    case FP_OID_EXACT:
    case FP_OID_ARC:
        /* The pattern first: it rules out nearly every OID, and the
         * exclusions are only worth checking for one that matches. */
        for (gsize i = 0; in->oids && i < in->n_oids; i++) {
            const char *oid = in->oids[i];
            if (!oid || !(rule->kind == FP_OID_EXACT ? strcmp(oid, rule->pattern) == 0
                                                     : oid_in_arc(oid, rule->pattern)))
                continue;
            if (cmp_fingerprint_oid_excluded(oid))
                continue;
            if (rule->kind == FP_OID_ARC && oid_in_arc(oid, fp_entrust_algorithm_arc)
                    && !oid_in_arc(rule->pattern, fp_entrust_algorithm_arc))
                continue;
            *matched = oid;
            return TRUE;
        }
        return FALSE;
    case FP_SENDER_RDN_PREFIX:
        *matched = in->sender;
        return in->sender && sender_rdn_prefix(in->sender, rule->pattern);
    }
    return FALSE;
}

gboolean
cmp_fingerprint(const cmp_fp_input *in, cmp_fp_result *out)
{
    memset(out, 0, sizeof *out);
    out->impl = CMP_IMPL_NONE;
    if (!in)
        return FALSE;

    for (gsize r = 0; r < G_N_ELEMENTS(fp_rules); r++) {
        const fp_rule *rule = &fp_rules[r];
        const char *matched = NULL;
        char text[CMP_FP_PRODUCT_MAX];

        if (!rule_matches(rule, in, &matched))
            continue;
        out->impl = rule->impl;
        out->implementation = cmp_impl_name(rule->impl);
        switch (rule->kind) {
        case FP_FREE_TEXT_PREFIX:
        case FP_FREE_TEXT_WORD:
            copy_text(text, sizeof text, matched, 64);
            if (rule->kind == FP_FREE_TEXT_PREFIX)
                g_strlcpy(out->product, text, sizeof out->product);
            else
                g_snprintf(out->product, sizeof out->product, "%s (freeText)", out->implementation);
            g_snprintf(out->evidence, sizeof out->evidence, "freeText \"%s\"", text);
            break;
        case FP_OID_EXACT:
        case FP_OID_ARC:
            g_snprintf(out->product, sizeof out->product, "%s (%s)", out->implementation,
                       rule->kind == FP_OID_EXACT ? rule->label : matched);
            g_snprintf(out->evidence, sizeof out->evidence, "OID %s (%s)", matched, rule->label);
            break;
        case FP_SENDER_RDN_PREFIX:
            copy_text(text, sizeof text, matched, 80);
            g_snprintf(out->product, sizeof out->product, "%s (%s)", out->implementation, rule->label);
            g_snprintf(out->evidence, sizeof out->evidence, "sender %s", text);
            break;
        }
        return TRUE;
    }
    return FALSE;
}
