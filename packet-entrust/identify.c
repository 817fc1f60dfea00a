/* identify.c - implementations revealed by a conversation, and heuristics
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>
#include <epan/packet.h>

#include "entrust.h"

void
entrust_identify_register(int proto_entrust _U_, int proto_pkixcmp _U_)
{
}

void
entrust_identify_handoff(void)
{
}

void
entrust_identify_message(tvbuff_t *tvb _U_, packet_info *pinfo _U_, proto_tree *tree _U_, pkixcmp_msg_t *msg _U_)
{
}

void
entrust_identify_show(tvbuff_t *tvb _U_, packet_info *pinfo _U_, proto_tree *tree _U_)
{
}
