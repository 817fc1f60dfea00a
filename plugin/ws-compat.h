/* ws-compat.h - every Wireshark version gate of this plugin, in one place
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The code is written against Wireshark 4.0 (Debian 12's libwireshark-dev).
 * Later releases renamed a few APIs; the sources use the names below and
 * this header maps them onto whichever release is being built against.
 */
#ifndef ENTRUST_WS_COMPAT_H
#define ENTRUST_WS_COMPAT_H

#include <ws_version.h>
#include <epan/packet.h>

#define ENTRUST_WS_AT_LEAST(major, minor) \
    (WIRESHARK_VERSION_MAJOR > (major) || \
     (WIRESHARK_VERSION_MAJOR == (major) && WIRESHARK_VERSION_MINOR >= (minor)))

/* 4.2 switched the BER callbacks and many arguments from gboolean to bool.
 * ber_implicit_t is the type of the implicit_tag argument of a callback. */
#if ENTRUST_WS_AT_LEAST(4, 2)
#include <stdbool.h>
typedef bool ber_implicit_t;
typedef bool ber_bool_t;
#else
typedef gboolean ber_implicit_t;
typedef gboolean ber_bool_t;
#endif

/* What a heuristic dissector returns: gboolean in 4.0, bool once the
 * C99 types came in.  Taken from the SDK's own heur_dissector_t, so that
 * it is right whichever release made the switch. */
typedef __typeof__(((heur_dissector_t)0)(NULL, NULL, NULL, NULL)) entrust_heur_result_t;

/* 4.4 made boolean preferences bool *. */
#if ENTRUST_WS_AT_LEAST(4, 4)
typedef bool entrust_pref_bool_t;
#else
typedef gboolean entrust_pref_bool_t;
#endif

/* 4.4 renamed tvb_get_guint8 and friends to tvb_get_uint8. */
#if !ENTRUST_WS_AT_LEAST(4, 4)
#define tvb_get_uint8  tvb_get_guint8
#define tvb_get_uint16 tvb_get_guint16
#define tvb_get_uint32 tvb_get_guint32
#endif

/* 4.6 deprecated dissector_try_string() and dissector_try_string_new() for
 * dissector_try_string_with_data(), which takes the same arguments as the
 * latter. */
#if !ENTRUST_WS_AT_LEAST(4, 6)
#define dissector_try_string_with_data dissector_try_string_new
#endif

/* 4.4 added plugin_describe() to say what kind of plugin this is, with
 * its flags in <wsutil/plugins.h> (4.2's SDK has neither). */
#if ENTRUST_WS_AT_LEAST(4, 4)
#define ENTRUST_HAVE_PLUGIN_DESCRIBE 1
#endif

/* packet-tcp.c keeps the bits of tcp_flow_t.static_flags private; 0x02
 * ("this flow's SYN was seen") and 0x04 ("its SYN/ACK was seen") have kept
 * their meaning since Wireshark 2.x. */
#define ENTRUST_TCP_FLOW_SAW_SYN 0x06

/* 4.6's val_to_str() takes a memory scope first; the sources use only
 * val_to_str_const() and try_val_to_str(), which did not change. */

#endif /* ENTRUST_WS_COMPAT_H */
