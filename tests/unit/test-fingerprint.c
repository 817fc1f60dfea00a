/* Unit tests of fingerprint.c: which implementation a message reveals.
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <glib.h>
#include <string.h>
#include "fingerprint.h"

static cmp_fp_result
run(const char *free_text, const char *const *oids, gsize n_oids, const char *sender)
{
    cmp_fp_input in = { free_text, oids, n_oids, sender };
    cmp_fp_result out;

    cmp_fingerprint(&in, &out);
    return out;
}

static void
test_entrust_free_text(void)
{
    static const char *const texts[] = {
        "Entrust PKIX-CMP server v5.0", "Entrust Version 5.0", "Entrust User 5.0",
        "  entrust pkix-cmp server v5.0",
    };
    for (gsize i = 0; i < G_N_ELEMENTS(texts); i++) {
        cmp_fp_result r = run(texts[i], NULL, 0, NULL);
        g_assert_cmpint(r.impl, ==, CMP_IMPL_ENTRUST);
        g_assert_cmpstr(r.implementation, ==, "Entrust");
        g_assert_nonnull(strstr(r.evidence, "freeText"));
    }
    cmp_fp_result r = run("Entrust PKIX-CMP server v5.0", NULL, 0, NULL);
    g_assert_cmpstr(r.product, ==, "Entrust PKIX-CMP server v5.0");
    g_assert_cmpstr(r.evidence, ==, "freeText \"Entrust PKIX-CMP server v5.0\"");
    /* Control characters end the product text. */
    r = run("Entrust Version 5.0\nsecond line", NULL, 0, NULL);
    g_assert_cmpstr(r.product, ==, "Entrust Version 5.0");
}

static void
test_entrust_free_text_negative(void)
{
    /* The word must start the text and be a whole word. */
    g_assert_cmpint(run("Entrusted to the CA", NULL, 0, NULL).impl, ==, CMP_IMPL_NONE);
    g_assert_cmpint(run("Certificate issued by Entrust", NULL, 0, NULL).impl, ==, CMP_IMPL_NONE);
    g_assert_cmpint(run("", NULL, 0, NULL).impl, ==, CMP_IMPL_NONE);
    g_assert_cmpint(run("OpenSSL mock server", NULL, 0, NULL).impl, ==, CMP_IMPL_OPENSSL);   /* not Entrust */
    /* Invalid UTF-8 is ignored. */
    g_assert_cmpint(run("Entrust \xff", NULL, 0, NULL).impl, ==, CMP_IMPL_NONE);
}

static void
test_entrust_oids(void)
{
    static const char *const vers[] = { "1.2.840.113549.1.1.11", "1.2.840.113533.7.65.0" };
    static const char *const cast5[] = { "1.2.840.113533.7.66.10" };
    static const char *const pbe[] = { "1.2.840.113533.7.66.12" };
    static const char *const itav[] = { "2.16.840.1.114027.50.3" };
    static const char *const arc[] = { "2.16.840.1.114027.1.2" };
    static const char *const other7[] = { "1.2.840.113533.7.99.1" };
    cmp_fp_result r;

    r = run(NULL, vers, G_N_ELEMENTS(vers), NULL);
    g_assert_cmpint(r.impl, ==, CMP_IMPL_ENTRUST);
    g_assert_cmpstr(r.product, ==, "Entrust (entrustVersInfo)");
    g_assert_cmpstr(r.evidence, ==, "OID 1.2.840.113533.7.65.0 (entrustVersInfo)");
    r = run(NULL, cast5, 1, NULL);
    g_assert_cmpstr(r.product, ==, "Entrust (CAST5-CBC)");
    r = run(NULL, pbe, 1, NULL);
    g_assert_cmpstr(r.product, ==, "Entrust (pbeWithMD5AndCAST5-CBC)");
    r = run(NULL, itav, 1, NULL);
    g_assert_cmpstr(r.product, ==, "Entrust (2.16.840.1.114027.50.3)");
    g_assert_cmpstr(r.evidence, ==, "OID 2.16.840.1.114027.50.3 (Entrust PKIX-CMP OID)");
    r = run(NULL, arc, 1, NULL);
    g_assert_cmpint(r.impl, ==, CMP_IMPL_ENTRUST);
    r = run(NULL, other7, 1, NULL);
    g_assert_cmpint(r.impl, ==, CMP_IMPL_ENTRUST);
}

/* PasswordBasedMac, DHBasedMac and KEMBasedMac are standard CMP. */
static void
test_standard_macs_are_no_fingerprint(void)
{
    static const char *const pbm[] = { "1.2.840.113533.7.66.13", "1.3.14.3.2.26", "1.3.6.1.5.5.8.1.2" };
    static const char *const dh[] = { "1.2.840.113533.7.66.30" };
    static const char *const kem[] = { "1.2.840.113533.7.66.16" };
    static const char *const all[] = { "1.2.840.113533.7.66.13", "1.2.840.113533.7.66.30",
                                       "1.2.840.113533.7.66.16", "1.3.6.1.5.5.7.4.13" };
    cmp_fp_result r;

    g_assert_false(cmp_fingerprint(&(cmp_fp_input){ NULL, pbm, G_N_ELEMENTS(pbm), NULL }, &r));
    g_assert_cmpint(r.impl, ==, CMP_IMPL_NONE);
    g_assert_cmpint(run(NULL, dh, 1, NULL).impl, ==, CMP_IMPL_NONE);
    g_assert_cmpint(run(NULL, kem, 1, NULL).impl, ==, CMP_IMPL_NONE);
    g_assert_cmpint(run(NULL, all, G_N_ELEMENTS(all), NULL).impl, ==, CMP_IMPL_NONE);
    g_assert_true(cmp_fingerprint_oid_excluded("1.2.840.113533.7.66.13"));
    g_assert_false(cmp_fingerprint_oid_excluded("1.2.840.113533.7.66.10"));
    /* Unknown algorithms in Entrust's algorithm arc (new standard MACs,
     * or corrupted OIDs as in OpenSSL's fuzz corpus) count for nothing. */
    static const char *const unknown_alg[] = { "1.2.840.113533.7.66.48", "1.2.840.113533.7.66.5",
                                               "1.2.840.113533.7.66.130", "1.2.840.113533.7.66" };
    g_assert_cmpint(run(NULL, unknown_alg, G_N_ELEMENTS(unknown_alg), NULL).impl, ==, CMP_IMPL_NONE);
    /* An arc prefix that is not a whole arc: 1.2.840.1135330 */
    static const char *const notarc[] = { "1.2.840.1135330.7", "2.16.840.1.1140270" };
    g_assert_cmpint(run(NULL, notarc, 2, NULL).impl, ==, CMP_IMPL_NONE);
}

static void
test_others(void)
{
    static const char *const cryptlib[] = { "1.2.840.113533.7.66.13", "1.3.6.1.4.1.3029.3.1.1" };
    cmp_fp_result r;

    r = run(NULL, cryptlib, G_N_ELEMENTS(cryptlib), NULL);
    g_assert_cmpint(r.impl, ==, CMP_IMPL_CRYPTLIB);
    g_assert_cmpstr(r.implementation, ==, "cryptlib");
    g_assert_cmpstr(r.evidence, ==, "OID 1.3.6.1.4.1.3029.3.1.1 (cryptlib OID)");

    r = run(NULL, NULL, 0, "CN=AdminCA1,O=EJBCA Sample,C=SE");
    g_assert_cmpint(r.impl, ==, CMP_IMPL_EJBCA);
    g_assert_cmpstr(r.product, ==, "EJBCA (sender name)");
    g_assert_cmpstr(r.evidence, ==, "sender CN=AdminCA1,O=EJBCA Sample,C=SE");
    r = run("Processed by EJBCA", NULL, 0, NULL);
    g_assert_cmpint(r.impl, ==, CMP_IMPL_EJBCA);

    r = run("OpenSSL 3.0 CMP client", NULL, 0, NULL);
    g_assert_cmpint(r.impl, ==, CMP_IMPL_OPENSSL);
    g_assert_cmpstr(r.implementation, ==, "OpenSSL");
    /* a word, not a part of one */
    g_assert_cmpint(run("NotOpenSSLish", NULL, 0, NULL).impl, ==, CMP_IMPL_NONE);

    /* Names that merely contain the word do not count. */
    g_assert_cmpint(run(NULL, NULL, 0, "CN=EJBCA fan,O=Example").impl, ==, CMP_IMPL_NONE);
    g_assert_cmpint(run(NULL, NULL, 0, "O=openssl_cmp").impl, ==, CMP_IMPL_NONE);
    g_assert_cmpint(run(NULL, NULL, 0, "C=DE,O=NSN,OU=PG RDE 3,CN=Martin's CA").impl, ==, CMP_IMPL_NONE);

    /* Entrust rules come first. */
    static const char *const both[] = { "1.3.6.1.4.1.3029.3.1.1", "2.16.840.1.114027.50.8" };
    g_assert_cmpint(run(NULL, both, 2, NULL).impl, ==, CMP_IMPL_ENTRUST);
    g_assert_cmpint(run("Entrust User 5.0", cryptlib, 2, NULL).impl, ==, CMP_IMPL_ENTRUST);
}

static void
test_nothing(void)
{
    cmp_fp_result r;
    g_assert_false(cmp_fingerprint(&(cmp_fp_input){ NULL, NULL, 0, NULL }, &r));
    g_assert_cmpint(r.impl, ==, CMP_IMPL_NONE);
    g_assert_null(r.implementation);
    g_assert_false(cmp_fingerprint(NULL, &r));
    g_assert_null(cmp_impl_name(CMP_IMPL_NONE));
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/fingerprint/entrust/free-text", test_entrust_free_text);
    g_test_add_func("/fingerprint/entrust/free-text-negative", test_entrust_free_text_negative);
    g_test_add_func("/fingerprint/entrust/oids", test_entrust_oids);
    g_test_add_func("/fingerprint/negative/standard-macs", test_standard_macs_are_no_fingerprint);
    g_test_add_func("/fingerprint/others", test_others);
    g_test_add_func("/fingerprint/nothing", test_nothing);
    return g_test_run();
}
