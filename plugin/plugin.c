/* plugin.c - registration glue: what Wireshark calls when it loads entrust.so
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#define WS_BUILD_DLL
#include <wireshark.h>
#include <epan/packet.h>
#include <epan/proto.h>

#include "ws-compat.h"
#include "entrust.h"

#ifndef PLUGIN_VERSION
#define PLUGIN_VERSION "0.0.0"
#endif

WS_DLL_PUBLIC_DEF const gchar plugin_version[] = PLUGIN_VERSION;
WS_DLL_PUBLIC_DEF const int plugin_want_major = WIRESHARK_VERSION_MAJOR;
WS_DLL_PUBLIC_DEF const int plugin_want_minor = WIRESHARK_VERSION_MINOR;

WS_DLL_PUBLIC void plugin_register(void);
#ifdef ENTRUST_HAVE_PLUGIN_DESCRIBE
#include <wsutil/plugins.h>

WS_DLL_PUBLIC uint32_t plugin_describe(void);

uint32_t
plugin_describe(void)
{
    return WS_PLUGIN_DESC_DISSECTOR;
}
#endif

void
plugin_register(void)
{
    /* pkixcmp must register first: proto_register_entrust() looks it up.
     * Wireshark 4.0 calls the plugins' routines in the reverse order of
     * proto_register_plugin(), hence entrust is handed over first here. */
    static proto_plugin pkixcmp_plugin = {
        proto_register_pkixcmp, proto_reg_handoff_pkixcmp
    };
    static proto_plugin entrust_plugin = {
        proto_register_entrust, proto_reg_handoff_entrust
    };
    proto_register_plugin(&entrust_plugin);
    proto_register_plugin(&pkixcmp_plugin);
}
