/* pkixcmp-oids.h - the OIDs CMP messages carry, and their names
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef ENTRUST_PKIXCMP_OIDS_H
#define ENTRUST_PKIXCMP_OIDS_H

/* Registered by Wireshark's own dissectors; used to reach them. */
#define PKIXCMP_OID_X509_CERTIFICATE    "2.5.4.36"   /* x509af: Certificate */
#define PKIXCMP_OID_X509_CRL            "2.5.4.39"   /* x509af: CertificateList */
#define PKIXCMP_OID_X509_NAME           "2.5.4.49"   /* x509if: DistinguishedName */
#define PKIXCMP_OID_CMS_ENVELOPED_DATA  "1.2.840.113549.1.7.3"

#define PKIXCMP_OID_IT_IMPLICIT_CONFIRM "1.3.6.1.5.5.7.4.13"

/* Entrust's certificate extension (an implementation fingerprint). */
#define PKIXCMP_OID_ENTRUST_VERS_INFO   "1.2.840.113533.7.65.0"

/* CMP protection algorithms (RFC 9810 section 5.1.3, RFC 9481). */
#define PKIXCMP_OID_PASSWORD_BASED_MAC  "1.2.840.113533.7.66.13"
#define PKIXCMP_OID_DH_BASED_MAC        "1.2.840.113533.7.66.30"
#define PKIXCMP_OID_KEM_BASED_MAC       "1.2.840.113533.7.66.16"
#define PKIXCMP_OID_PBMAC1              "1.2.840.113549.1.5.14"
#define PKIXCMP_OID_PBKDF2              "1.2.840.113549.1.5.12"   /* PBMAC1's KDF */
#define PKIXCMP_OID_RSASSA_PSS          "1.2.840.113549.1.1.10"

/* Gives names to the OIDs of CMP, CRMF, RFC 9480/9481 and the Entrust and
 * cryptlib arcs, so that OID fields show them. */
void pkixcmp_register_oids(int proto);

/* Registers this plugin's decoders of OID-selected values
 * (pkixcmp_register_oid_dissector; called from the hand-off, after
 * Wireshark's own registrations, which it leaves in place): CRMF controls
 * and regInfo (pkixcmp-crmf.c), ITAV values, protection-algorithm
 * parameters, Entrust and cryptlib values (pkixcmp-itav.c). */
void pkixcmp_handoff_oids(int proto);

#endif /* ENTRUST_PKIXCMP_OIDS_H */
