/* fuzz-scan.c - libFuzzer harness for the other byte-level helpers
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The heuristics (heuristics.c) and the key-material scan and certificate
 * file names (pkixcmp-rules.c): every function of entrust_core that reads
 * a buffer and has no harness of its own.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "framing.h"
#include "heuristics.h"
#include "pkixcmp-rules.h"

#define CHECK(cond) do { if (!(cond)) { \
    fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); abort(); } } while (0)

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    guint8 *buf = malloc(size ? size : 1);
    pkixcmp_scan_t scan;
    char *name;

    memcpy(buf, data, size);

    (void)cmp_heur_framed_pkimessage(buf, size, 16u * 1024 * 1024);
    (void)cmp_heur_bare_pkimessage(buf, size, 16u * 1024 * 1024);
    (void)cmp_heur_tcp(buf, size, 0xffffffffu);
    /* A header alone, then the rest: the split finds what the whole frame
     * gives (the first 5 or 7 bytes as the header). */
    for (gsize h = CMP_TCP_V0_HEADER_LEN; h <= CMP_TCP_V10_HEADER_LEN && h <= size; h += 2) {
        if (cmp_heur_header_alone(buf, h, 16u * 1024 * 1024)) {
            gboolean split = cmp_heur_after_header(buf, h, buf + h, size - h, 16u * 1024 * 1024);
            CHECK(split == cmp_heur_framed_pkimessage(buf, MIN(size, h + CMP_HEUR_AFTER_HEADER_BYTES), 16u * 1024 * 1024));
        }
    }
    /* A framing header where bare DER was expected: never a PKIMessage's
     * start, and a whole frame is one as its first 7 octets are. */
    if (cmp_heur_header_instead_of_der(buf, size, 16u * 1024 * 1024)) {
        CHECK(buf[0] != 0x30);
        CHECK(size < CMP_TCP_V10_HEADER_LEN || cmp_heur_header_instead_of_der(buf, CMP_TCP_V10_HEADER_LEN, 16u * 1024 * 1024));
    }
    {
        /* A pollReq's reference: the last four bytes of the frame. */
        const guint8 *ref = cmp_heur_poll_req_ref(buf, size);
        CHECK(ref == NULL || (size >= 4 && ref == buf + size - 4));
    }
    {
        cmp_http_body_kind k = cmp_heur_http_body(buf, size);
        CHECK(k == CMP_HTTP_BODY_NONE || k == CMP_HTTP_BODY_PKIMESSAGE || k == CMP_HTTP_BODY_FRAMED);
    }

    memset(&scan, 0, sizeof scan);
    pkixcmp_scan_message(buf, size, &scan);
    CHECK(scan.n_ca_certs <= PKIXCMP_SCAN_MAX_CERTS);
    for (guint i = 0; i < scan.n_ca_certs; i++)
        CHECK(scan.ca_cert_offset[i] <= size && scan.ca_cert_len[i] <= size - scan.ca_cert_offset[i]);

    name = pkixcmp_cert_file_name(buf, size);
    CHECK(name != NULL);
    CHECK(strlen(name) <= 125);
    for (const char *p = name; *p; p++)
        CHECK((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')
              || *p == '.' || *p == '_' || *p == '-');
    g_free(name);

    free(buf);
    return 0;
}
