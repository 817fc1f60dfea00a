/* fingerprint.h - which CMP implementation a message reveals
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The rules are a table (fingerprint.c) over what the pkixcmp dissector
 * learns of a message: the first freeText string, every algorithm,
 * infoType and extension OID, and the sender's name.  Sources:
 *  - Entrust Authority 5.0 traffic: freeText "Entrust PKIX-CMP server v5.0",
 *    "Entrust Version 5.0", "Entrust User 5.0"; ITAVs and generalInfo under
 *    2.16.840.1.114027.50; the entrustVersInfo extension
 *    1.2.840.113533.7.65.0; Entrust-only algorithms (CAST5-CBC ...66.10,
 *    pbeWithMD5AndCAST5-CBC ...66.12).
 *  - cryptlib: its generalInfo under 1.3.6.1.4.1.3029.
 *  - EJBCA: its sample CAs' names (O=EJBCA Sample), freeText naming EJBCA.
 * PasswordBasedMac, DHBasedMac and KEMBasedMac sit under Entrust's arc
 * but are standard CMP that everyone uses: they never identify anything.
 *
 * Nothing here needs libwireshark; it is unit-tested on its own.
 */
#ifndef ENTRUST_FINGERPRINT_H
#define ENTRUST_FINGERPRINT_H

#include <glib.h>

typedef enum {
    CMP_IMPL_NONE = 0,
    CMP_IMPL_ENTRUST,
    CMP_IMPL_CRYPTLIB,
    CMP_IMPL_EJBCA,
    CMP_IMPL_OPENSSL
} cmp_impl;

/* What is known of one message.  Every pointer may be NULL. */
typedef struct {
    const char *free_text;        /* the header's first freeText string */
    const char *const *oids;      /* dotted OIDs: algorithms, infoTypes, extensions */
    gsize n_oids;
    const char *sender;           /* sender directoryName as "CN=a,O=b" */
} cmp_fp_input;

#define CMP_FP_PRODUCT_MAX  96
#define CMP_FP_EVIDENCE_MAX 160

typedef struct {
    cmp_impl impl;                /* CMP_IMPL_NONE when nothing matched */
    const char *implementation;   /* "Entrust", "cryptlib", "EJBCA"; static */
    char product[CMP_FP_PRODUCT_MAX];   /* "Entrust PKIX-CMP server v5.0",
                                           "Entrust (entrustVersInfo)", ... */
    char evidence[CMP_FP_EVIDENCE_MAX]; /* what matched, for people */
} cmp_fp_result;

/* Applies the rules in order; the first match wins (Entrust's first).
 * TRUE and *out filled when one matched; FALSE and out->impl NONE if not. */
gboolean cmp_fingerprint(const cmp_fp_input *in, cmp_fp_result *out);

/* TRUE for the OIDs that must never count as a fingerprint on their own
 * (PasswordBasedMac, DHBasedMac, KEMBasedMac). */
gboolean cmp_fingerprint_oid_excluded(const char *oid);

/* The display name of an implementation ("Entrust"), or NULL for NONE. */
const char *cmp_impl_name(cmp_impl impl);

#endif /* ENTRUST_FINGERPRINT_H */
