/* transactions.h - Entrust port checks provided by transactions.c
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The pkixcmp hooks (pkixcmp_transactions_register, pkixcmp_track_message,
 * entrust_track_framing, ...) are declared in entrust.h.
 */
#ifndef ENTRUST_TRANSACTIONS_H
#define ENTRUST_TRANSACTIONS_H

#include <epan/packet.h>

/* Registers entrust.analysis.public_address and
 * entrust.analysis.cleartext_admin; call from proto_register_entrust()
 * after proto_entrust is registered. */
void entrust_analysis_register(int proto_entrust);

/* Checks one frame on ports 709/710/829 (both peers internal? clear text
 * on the administration port 710?).  tree is the entrust protocol item's
 * subtree: the expert infos are attached to its parent item.  cleartext is
 * TRUE when the connection was recognised as CMP or BER in the clear: not
 * for TLS, nor for what was not recognised (encrypted data captured
 * without its handshake, SSH), which says nothing of clear text. */
void entrust_analysis_check(packet_info *pinfo, proto_tree *tree, gboolean cleartext);

#endif /* ENTRUST_TRANSACTIONS_H */
