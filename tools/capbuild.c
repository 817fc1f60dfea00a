// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * capbuild - writes deterministic pcaps of TCP sessions from a scenario
 *
 *   capbuild [-m MAP.txt] SCENARIO OUT.pcap
 *
 * -m writes a map: one line per frame with its number, connection (1 for
 * the first connection line), direction (c>s or s>c), TCP flags, TCP
 * payload length and the scenario messages it carries, each as
 * "L<line> <message line>" followed by "(<bytes>)" when the frame holds
 * all of it or "[<from>-<to> of <bytes>]" when it holds a part, joined by
 * " | "; <bytes> counts the whole message as sent (framing included).
 *
 * Real DER messages are wrapped into TCP sessions with the framings CMP
 * uses (RFC 2510 "v0", the version-10 draft, bare DER, HTTP), so that every
 * path of the dissector can be tested without a peer that speaks them.
 * Everything is fixed: timestamps start at 2024-01-01 00:00:00 UTC and
 * advance 1 ms per packet; MACs are 02:00:00:00:00:01 (client) and
 * 02:00:00:00:00:02 (server); the IPv4 ID is the packet's index; the
 * initial sequence numbers are 1000000 + 7 * client port (client) and
 * 5000000 + 11 * server port + client port (server); the window is 65535.
 * IPv4 and TCP checksums are correct.  The same scenario always gives the
 * same bytes.
 *
 * Scenario: one directive per line; '#' starts a comment (on a line with
 * text:, only before text: or after its closing quote); file paths are
 * relative to the scenario file.
 *
 *   linktype ether|raw    Ethernet II (the default) or raw IPv4 (DLT_RAW);
 *                         applies to the whole file wherever it is written
 *   connection CLIENT_IP CLIENT_PORT SERVER_IP SERVER_PORT
 *                         start a TCP connection (SYN, SYN/ACK, ACK) over
 *                         IPv4, or over IPv6 when both addresses are IPv6
 *                         ones (hop limit 64, no flow label); ends
 *                         the previous one with FIN first unless it ended
 *   nohandshake           the next connection starts without a handshake
 *                         (a capture that begins mid-stream)
 *   mss N                 largest segment payload (default 1460, 1..65495)
 *   segsize N             cut payload into N-byte segments until
 *                         "segsize 0" (0: off, the default); overrides mss
 *   coalesce on|off       on: consecutive messages of one direction are
 *                         packed together and sent, cut at mss/segsize,
 *                         at the next flush, direction change, mss,
 *                         segsize, coalesce, gap, rewind, ack, fin or connection
 *                         line
 *                         (default off: every message line is sent at once)
 *   flush                 send what coalescing has packed
 *   ack c|s               a pure ACK from the client (c) or the server (s)
 *   gap N                 skip N bytes of sequence space before the next
 *                         data sent (either direction): a lost segment
 *   rewind N              go back N bytes in sequence space before the
 *                         next data sent: with gap, segments out of order
 *   fin                   FIN/ACK from the client, FIN/ACK from the
 *                         server, ACK from the client
 *   c MESSAGE             a message from the client to the server
 *   s MESSAGE             a message from the server to the client
 *
 * MESSAGE is one of
 *   der PAYLOAD                         bare DER
 *   raw PAYLOAD                         bytes as given
 *   v0 TYPE [ARGS] [PAYLOAD]            RFC 2510 section 5.2 framing:
 *                                       u32 length, u8 type, value
 *   v10 TYPE [flags=N] [ARGS] [PAYLOAD] version-10 framing: u32 length,
 *                                       u8 10, u8 flags, u8 type, value
 *   http-post [path=P] [ctype=T|none] [wrap=v0|v10 [wraptype=TYPE] [ARGS]] [PAYLOAD]
 *                                       an HTTP/1.1 POST with Host and
 *                                       Content-Length (path default
 *                                       /.well-known/cmp)
 *   http-response [status=N] [ctype=T|none] [wrap=...] [PAYLOAD]
 *                                       "HTTP/1.1 N Reason" (default 200)
 *                                       with Content-Length
 * TYPE is a name (v0: pkiMsg pollRep pollReq negPollRep partialMsgRep
 * finalMsgRep errorMsgRep; v10: pkiReq pollRep pollReq finRep pkiRep
 * errorMsgRep) or a number (any 0..255, for malformed frames).  The value
 * is built from the type's fields, then PAYLOAD, then trailing=:
 *   pollRep        ref (u32), time (u32)
 *   pollReq        ref (u32)
 *   negPollRep     one byte 0x00 (v0 type 3)
 *   finRep         one byte 0x00 (v10 type 3)
 *   partialMsgRep  ref (u32), time (u32), then PAYLOAD (v0 type 4)
 *   errorMsgRep    v10 only: code (u16), then with data= a u16 length and
 *                  the data; then PAYLOAD (the text).  v0: PAYLOAD only.
 *   others         PAYLOAD only
 * ARGS: ref=N (polling reference, default 1), time=N (time-to-check-back,
 * seconds since 1970, default 1704067260), code=N (v10 error code, default
 * 0x0300), data=HEX (v10 error data, written with its u16 length),
 * flags=N (v10 flags byte, default 0), len=N (write this length field
 * instead of the true one), trailing=HEX (bytes after the payload, counted
 * by the length), cut=N (only the first N bytes of PAYLOAD: a truncated
 * message; also for der, raw and HTTP bodies), skip=N (PAYLOAD without its
 * first N bytes, applied before cut=: with cut=, the pieces of one message
 * that its sender wrote apart; also for der, raw and HTTP bodies), fresh=N (PAYLOAD is a
 * PKIMessage whose transactionID, senderNonce and recipNonce get their last
 * four octets XORed with N, big-endian: a replayed transaction with its own
 * IDs and nonces, as real traffic has; the protection no longer verifies;
 * a message without them stays as it is; applied before cut=; also for
 * der, raw and HTTP bodies).  ref and time may also be
 * given as bare numbers after the type, in that order:
 * "v0 pollRep 5 1704067260", "v0 pollReq 5".
 * Numbers may be decimal, 0x-hex or 0-octal.
 * PAYLOAD: file:PATH, hex:HEX (':' between bytes allowed), or text:...;
 * text: takes the rest of the line as it is ('#' included), or, when it
 * starts with a double quote, the quoted string with the escapes \\ \"
 * \n \r \t \0 \xHH (after the closing quote only a comment may follow).
 * wrap= puts the HTTP body into a TCP frame (application/pkixcmp-poll):
 * by default pkiMsg/pkiReq in a request, finalMsgRep/pkiRep in a response;
 * wraptype= picks another type (pollReq, pollRep, negPollRep, finRep, ...)
 * and the frame takes the v0/v10 ARGS above.
 * Unknown directives, kinds, types and arguments are errors.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <pcap/pcap.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "der.h"

typedef struct {
    uint8_t *data;
    size_t len, cap;
} buf_t;

static const char *scenario_name = "-";
static int lineno;

#if defined(__GNUC__) || defined(__clang__)
#define NORETURN __attribute__((noreturn))
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define NORETURN
#define PRINTF_LIKE(f, a)
#endif

static void die(const char *fmt, ...) NORETURN PRINTF_LIKE(1, 2);

static void
die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (lineno)
        fprintf(stderr, "capbuild: %s:%d: ", scenario_name, lineno);
    else
        fprintf(stderr, "capbuild: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    exit(1);
}

static void
buf_add(buf_t *b, const void *p, size_t n)
{
    if (n == 0)
        return;
    if (b->len + n > b->cap) {
        b->cap = (b->len + n) * 2 + 64;
        b->data = realloc(b->data, b->cap);
        if (!b->data)
            die("out of memory");
    }
    memcpy(b->data + b->len, p, n);
    b->len += n;
}

static void
buf_u8(buf_t *b, unsigned v)
{
    uint8_t c = (uint8_t)v;
    buf_add(b, &c, 1);
}

static void
buf_u16(buf_t *b, unsigned v)
{
    buf_u8(b, (v >> 8) & 0xff);
    buf_u8(b, v & 0xff);
}

static void
buf_u32(buf_t *b, uint32_t v)
{
    buf_u16(b, v >> 16);
    buf_u16(b, v & 0xffff);
}

/* A whole word as a number (decimal, 0x-hex, 0-octal); dies otherwise. */
static unsigned long
number(const char *s, unsigned long max, const char *what)
{
    char *end;
    unsigned long v;
    if (!*s || *s == '-' || *s == '+' || isspace((unsigned char)*s))
        die("bad %s \"%s\"", what, s);
    errno = 0;
    v = strtoul(s, &end, 0);
    if (*end || errno || v > max)
        die("bad %s \"%s\"", what, s);
    return v;
}

static int
is_number(const char *s)
{
    char *end;
    if (!isdigit((unsigned char)*s))
        return 0;
    (void)strtoul(s, &end, 0);
    return *end == '\0';
}

/* ---- the pcap side ---------------------------------------------------- */

typedef struct {
    int v6;                /* IPv6 addresses: ip6 */
    uint32_t ip[2];        /* 0 client, 1 server (host order) */
    uint8_t ip6[2][16];
    uint16_t port[2];
    uint32_t seq[2];       /* next sequence number each side sends */
    int open;
} conn_t;

static pcap_dumper_t *dumper;
static uint64_t packet_count;
static int linktype = DLT_EN10MB;
static FILE *map;            /* -m: what each frame carries */
static int conn_index;       /* 1 for the first connection line */
static char frame_note[2048];  /* the map's contents column for the next frame */

static uint16_t
ip_checksum(const uint8_t *p, size_t n, uint32_t sum)
{
    for (size_t i = 0; i + 1 < n; i += 2)
        sum += (uint32_t)(p[i] << 8 | p[i + 1]);
    if (n & 1)
        sum += (uint32_t)(p[n - 1] << 8);
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return (uint16_t)~sum;
}

#define TCP_FIN 0x01
#define TCP_SYN 0x02
#define TCP_PSH 0x08
#define TCP_ACK 0x10

static void
emit(conn_t *c, int from, uint8_t flags, const uint8_t *payload, size_t len)
{
    static const uint8_t mac[2][6] = { { 2, 0, 0, 0, 0, 1 }, { 2, 0, 0, 0, 0, 2 } };
    int to = !from;
    buf_t pkt = { 0 };
    struct pcap_pkthdr hdr;
    size_t ip_at, tcp_at;
    uint32_t pseudo = 0;

    /* Ethernet */
    if (linktype == DLT_EN10MB) {
        buf_add(&pkt, mac[to], 6);
        buf_add(&pkt, mac[from], 6);
        buf_u16(&pkt, c->v6 ? 0x86dd : 0x0800);
    }
    ip_at = pkt.len;
    if (c->v6) {
        /* IPv6: no extension headers, hop limit 64; the TCP checksum's
         * pseudo-header holds both addresses and the TCP length. */
        buf_u32(&pkt, 0x60000000u);
        buf_u16(&pkt, (unsigned)(20 + len));
        buf_u8(&pkt, 6);
        buf_u8(&pkt, 64);
        buf_add(&pkt, c->ip6[from], 16);
        buf_add(&pkt, c->ip6[to], 16);
        for (int i = 0; i < 32; i += 2)
            pseudo += (uint32_t)(pkt.data[ip_at + 8 + i] << 8 | pkt.data[ip_at + 9 + i]);
    } else {
        /* IPv4: no options, DF, TTL 64, ID = packet index */
        buf_u8(&pkt, 0x45);
        buf_u8(&pkt, 0);
        buf_u16(&pkt, (unsigned)(20 + 20 + len));
        buf_u16(&pkt, (unsigned)(packet_count & 0xffff));
        buf_u16(&pkt, 0x4000);
        buf_u8(&pkt, 64);
        buf_u8(&pkt, 6);
        buf_u16(&pkt, 0);
        buf_u32(&pkt, c->ip[from]);
        buf_u32(&pkt, c->ip[to]);
        {
            uint16_t sum = ip_checksum(pkt.data + ip_at, 20, 0);
            pkt.data[ip_at + 10] = (uint8_t)(sum >> 8);
            pkt.data[ip_at + 11] = (uint8_t)(sum & 0xff);
        }
        pseudo += (c->ip[from] >> 16) + (c->ip[from] & 0xffff) + (c->ip[to] >> 16) + (c->ip[to] & 0xffff);
    }
    /* TCP: no options */
    tcp_at = pkt.len;
    buf_u16(&pkt, c->port[from]);
    buf_u16(&pkt, c->port[to]);
    buf_u32(&pkt, c->seq[from]);
    buf_u32(&pkt, (flags & TCP_SYN) && !(flags & TCP_ACK) ? 0 : c->seq[to]);
    buf_u8(&pkt, 5 << 4);
    buf_u8(&pkt, flags);
    buf_u16(&pkt, 65535);
    buf_u16(&pkt, 0);
    buf_u16(&pkt, 0);
    buf_add(&pkt, payload, len);
    pseudo += 6 + (uint32_t)(20 + len);
    {
        uint16_t sum = ip_checksum(pkt.data + tcp_at, 20 + len, pseudo);
        pkt.data[tcp_at + 16] = (uint8_t)(sum >> 8);
        pkt.data[tcp_at + 17] = (uint8_t)(sum & 0xff);
    }

    hdr.ts.tv_sec = 1704067200 + (time_t)(packet_count / 1000);
    hdr.ts.tv_usec = (suseconds_t)((packet_count % 1000) * 1000);
    hdr.caplen = hdr.len = (bpf_u_int32)pkt.len;
    pcap_dump((u_char *)dumper, &hdr, pkt.data);
    packet_count++;
    if (map) {
        static const char *const names[] = { "FIN", "SYN", "RST", "PSH", "ACK" };
        char flag_text[32] = "";
        for (int i = 0; i < 5; i++)
            if (flags & (i == 4 ? TCP_ACK : 1 << i)) {
                if (flag_text[0])
                    strcat(flag_text, ",");
                strcat(flag_text, names[i]);
            }
        fprintf(map, "%llu\t%d\t%s\t%s\t%zu\t%s\n", (unsigned long long)packet_count, conn_index,
                from ? "s>c" : "c>s", flag_text, len, frame_note);
    }
    frame_note[0] = '\0';
    free(pkt.data);

    c->seq[from] += (uint32_t)len + ((flags & (TCP_SYN | TCP_FIN)) ? 1 : 0);
}

/* ---- scenario state ---------------------------------------------------- */

static conn_t conn;
static size_t mss = 1460;
static size_t segsize;
static int coalesce;
static int handshake = 1;
static uint32_t gap;
static buf_t pending;        /* bytes waiting to be sent by pending_from */
static int pending_from = -1;
static char base_dir[4096];

/* The messages in `pending`, for the map. */
typedef struct {
    size_t start, len;
    char label[200];
} item_t;
static item_t *items;
static size_t n_items, items_cap;
static char current_label[200];  /* the message line being read */

/* The map's note for a segment [off, off + n) of pending. */
static void
note_segment(size_t off, size_t n)
{
    size_t used = 0, more = 0;
    frame_note[0] = '\0';
    for (size_t i = 0; i < n_items; i++) {
        const item_t *it = &items[i];
        size_t a = off > it->start ? off : it->start;
        size_t b = off + n < it->start + it->len ? off + n : it->start + it->len;
        int k;
        if (a >= b && !(it->len == 0 && it->start >= off && it->start < off + n))
            continue;
        if (a == it->start && b == it->start + it->len)
            k = snprintf(frame_note + used, sizeof frame_note - used, "%s%s (%zu)", used ? " | " : "", it->label, it->len);
        else
            k = snprintf(frame_note + used, sizeof frame_note - used, "%s%s [%zu-%zu of %zu]", used ? " | " : "", it->label,
                         a - it->start, b - it->start, it->len);
        if (more || k < 0 || (size_t)k >= sizeof frame_note - used - 40) {
            frame_note[used] = '\0';
            more++;
            continue;
        }
        used += (size_t)k;
    }
    if (more)
        snprintf(frame_note + used, sizeof frame_note - used, " | and %zu more", more);
}

static void
send_bytes(int from, const uint8_t *p, size_t len)
{
    size_t max = segsize ? segsize : mss;
    size_t off = 0;
    if (gap) {
        conn.seq[from] += gap;
        gap = 0;
    }
    while (off < len) {
        size_t n = len - off < max ? len - off : max;
        if (map)
            note_segment(off, n);
        emit(&conn, from, TCP_ACK | TCP_PSH, p + off, n);
        off += n;
    }
}

static void
flush_pending(void)
{
    if (pending_from >= 0 && pending.len)
        send_bytes(pending_from, pending.data, pending.len);
    pending.len = 0;
    pending_from = -1;
    n_items = 0;
}

static void
close_connection(void)
{
    flush_pending();
    if (!conn.open)
        return;
    emit(&conn, 0, TCP_FIN | TCP_ACK, NULL, 0);
    emit(&conn, 1, TCP_FIN | TCP_ACK, NULL, 0);
    emit(&conn, 0, TCP_ACK, NULL, 0);
    conn.open = 0;
}

static uint32_t
parse_ip(const char *s)
{
    unsigned a, b, c, d;
    char extra;
    if (sscanf(s, "%u.%u.%u.%u%c", &a, &b, &c, &d, &extra) != 4 || a > 255 || b > 255 || c > 255 || d > 255)
        die("bad IPv4 address %s", s);
    return a << 24 | b << 16 | c << 8 | d;
}

static void
open_connection(const char *cip, const char *cport, const char *sip, const char *sport)
{
    close_connection();
    conn.v6 = strchr(cip, ':') != NULL;
    if (conn.v6 != (strchr(sip, ':') != NULL))
        die("connection %s %s: one IPv4 and one IPv6 address", cip, sip);
    if (conn.v6) {
        if (inet_pton(AF_INET6, cip, conn.ip6[0]) != 1 || inet_pton(AF_INET6, sip, conn.ip6[1]) != 1)
            die("bad IPv6 address %s or %s", cip, sip);
    } else {
        conn.ip[0] = parse_ip(cip);
        conn.ip[1] = parse_ip(sip);
    }
    conn.port[0] = (uint16_t)number(cport, 65535, "port");
    conn.port[1] = (uint16_t)number(sport, 65535, "port");
    /* Fixed initial sequence numbers, different per connection. */
    conn.seq[0] = 1000000u + (uint32_t)conn.port[0] * 7u;
    conn.seq[1] = 5000000u + (uint32_t)conn.port[1] * 11u + (uint32_t)conn.port[0];
    conn.open = 1;
    conn_index++;
    if (handshake) {
        emit(&conn, 0, TCP_SYN, NULL, 0);
        emit(&conn, 1, TCP_SYN | TCP_ACK, NULL, 0);
        emit(&conn, 0, TCP_ACK, NULL, 0);
    }
    handshake = 1;
}

/* ---- payloads ------------------------------------------------------------ */

static void
hex_to(buf_t *out, const char *hex)
{
    while (*hex) {
        char pair[3];
        if (hex[0] == ':' || hex[0] == ' ') {
            hex++;
            continue;
        }
        if (!isxdigit((unsigned char)hex[0]) || !isxdigit((unsigned char)hex[1]))
            die("bad hex near \"%s\"", hex);
        pair[0] = hex[0];
        pair[1] = hex[1];
        pair[2] = '\0';
        buf_u8(out, (unsigned)strtoul(pair, NULL, 16));
        hex += 2;
    }
}

static void
file_to(buf_t *out, const char *path)
{
    char full[8192];
    FILE *f;
    uint8_t chunk[65536];
    size_t n;

    if (path[0] == '/')
        snprintf(full, sizeof full, "%s", path);
    else
        snprintf(full, sizeof full, "%s/%s", base_dir, path);
    f = fopen(full, "rb");
    if (!f)
        die("cannot open %s: %s", full, strerror(errno));
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_add(out, chunk, n);
    fclose(f);
}

/* The words of one message line, after the direction. */
typedef struct {
    char *word[64];
    int n;
    const char *text;   /* the text: payload */
    size_t text_len;
} words_t;

static const char *
arg(const words_t *w, const char *key)
{
    size_t k = strlen(key);
    for (int i = 0; i < w->n; i++)
        if (strncmp(w->word[i], key, k) == 0 && w->word[i][k] == '=')
            return w->word[i] + k + 1;
    return NULL;
}

static int
is_payload_word(const char *word)
{
    return strncmp(word, "file:", 5) == 0 || strncmp(word, "hex:", 4) == 0;
}

/*
 * Checks the words after the kind (and, for frames, after the type): each
 * must be a payload, an allowed key=value, or (when positional > 0) one of
 * that many bare numbers.  Returns the number of bare numbers.
 */
static int
check_words(const words_t *w, int first, const char *const *keys, int positional)
{
    int payloads = w->text ? 1 : 0, numbers = 0;
    for (int i = first; i < w->n; i++) {
        const char *word = w->word[i];
        const char *eq = strchr(word, '=');
        if (is_payload_word(word)) {
            payloads++;
            continue;
        }
        if (eq) {
            int ok = 0;
            for (int k = 0; keys[k]; k++)
                if (strlen(keys[k]) == (size_t)(eq - word) && strncmp(word, keys[k], (size_t)(eq - word)) == 0)
                    ok = 1;
            if (!ok)
                die("%s: unknown argument %s", w->word[0], word);
            for (int j = first; j < i; j++)
                if (strncmp(w->word[j], word, (size_t)(eq - word) + 1) == 0)
                    die("%s: %.*s given twice", w->word[0], (int)(eq - word), word);
            continue;
        }
        if (is_number(word) && numbers < positional && payloads == 0) {
            numbers++;
            continue;
        }
        die("%s: cannot read \"%s\"", w->word[0], word);
    }
    if (payloads > 1)
        die("%s: more than one payload", w->word[0]);
    return numbers;
}

/*
 * One DER element at p (avail bytes), read with the plugin's own DER
 * reader: its identifier octet (low tag numbers only), and the size of its
 * identifier and length octets and of its content, which must fit.
 */
static unsigned
der_element(const uint8_t *p, size_t avail, size_t *header, size_t *content)
{
    der_header hdr;

    if (der_read_header(p, avail, &hdr) != DER_OK || hdr.tag > 30 || !der_fits(&hdr, avail))
        die("fresh=: the payload is not a PKIMessage (bad DER element)");
    *header = hdr.header_len;
    *content = (size_t)hdr.content_len;
    return p[0];
}

/*
 * fresh=N: in the PKIMessage at msg, XORs the last (up to) four octets of
 * the header's transactionID [4], senderNonce [5] and recipNonce [6] with
 * n; a message without them stays as it is.  A response's recipNonce is
 * its request's senderNonce, so giving every message of one replayed
 * transaction the same n keeps them matching.
 */
static void
fresh_ids(uint8_t *msg, size_t len, uint32_t n)
{
    size_t h, c, pos, end, index = 0;

    if (der_element(msg, len, &h, &c) != 0x30)
        die("fresh=: the payload is not a PKIMessage (no SEQUENCE)");
    pos = h;
    if (der_element(msg + pos, c, &h, &c) != 0x30)
        die("fresh=: the PKIMessage has no PKIHeader");
    end = pos + h + c;
    for (pos += h; pos < end; pos += h + c, index++) {
        unsigned tag = der_element(msg + pos, end - pos, &h, &c);
        size_t ih, ic;
        uint8_t *octets;

        /* pvno, sender and recipient come first; a GeneralName's
         * directoryName is [4] too. */
        if (index < 3 || tag < 0xa4 || tag > 0xa6)
            continue;
        if (der_element(msg + pos + h, c, &ih, &ic) != 0x04)
            die("fresh=: header field [%u] is not an OCTET STRING", tag & 0x1f);
        octets = msg + pos + h + ih;
        for (size_t i = 0; i < 4 && i < ic; i++)
            octets[ic - 1 - i] ^= (uint8_t)(n >> (8 * i));
    }
}

/* The number of bytes a payload option (skip=, cut=) names: at most the
 * payload's (have). */
static size_t
payload_bytes(const char *key, const char *value, int found, size_t have)
{
    size_t n = number(value, 0xffffffffUL, key);

    if (!found)
        die("%s= without a payload", key);
    if (n > have)
        die("%s=%s is longer than the payload (%zu bytes)", key, value, have);
    return n;
}

/* Appends the payload, made fresh=, without its first skip= bytes and cut
 * to its first cut= bytes when those are given. */
static int
payload(const words_t *w, buf_t *out)
{
    size_t start = out->len;
    int found = 0;
    const char *cut = arg(w, "cut");
    const char *skip = arg(w, "skip");
    for (int i = 0; i < w->n && !found; i++) {
        if (strncmp(w->word[i], "file:", 5) == 0) {
            file_to(out, w->word[i] + 5);
            found = 1;
        } else if (strncmp(w->word[i], "hex:", 4) == 0) {
            hex_to(out, w->word[i] + 4);
            found = 1;
        }
    }
    if (!found && w->text) {
        buf_add(out, w->text, w->text_len);
        found = 1;
    }
    if (arg(w, "fresh")) {
        if (!found)
            die("fresh= without a payload");
        fresh_ids(out->data + start, out->len - start, (uint32_t)number(arg(w, "fresh"), 0xffffffffUL, "fresh"));
    }
    if (skip) {
        size_t n = payload_bytes("skip", skip, found, out->len - start);
        memmove(out->data + start, out->data + start + n, out->len - start - n);
        out->len -= n;
    }
    if (cut)
        out->len = start + payload_bytes("cut", cut, found, out->len - start);
    return found;
}

static int
type_number(const char *name, const char *const *names, int count)
{
    if (is_number(name))
        return (int)number(name, 255, "type");
    for (int i = 0; i < count; i++)
        if (names[i] && strcmp(names[i], name) == 0)
            return i;
    die("unknown message type %s", name);
    return -1;
}

static uint32_t
num_arg(const words_t *w, const char *key, uint32_t dflt)
{
    const char *v = arg(w, key);
    return v ? (uint32_t)number(v, 0xffffffffUL, key) : dflt;
}

static const char *const v0_names[] = {
    "pkiMsg", "pollRep", "pollReq", "negPollRep", "partialMsgRep", "finalMsgRep", "errorMsgRep"
};
static const char *const v10_names[] = {
    "pkiReq", "pollRep", "pollReq", "finRep", NULL, "pkiRep", "errorMsgRep"
};
static const char *const frame_keys[] = {
    "ref", "time", "code", "data", "flags", "len", "trailing", "cut", "skip", "fresh", NULL
};

/*
 * v0 and v10 frames: length, [version, flags,] type, value.  w->word[0] is
 * "v0" or "v10", w->word[1] the type; other words from index `first` on.
 */
static void
framed(const words_t *w, int v10, int first, buf_t *out)
{
    buf_t value = { 0 };
    int type, nums, has_ref, has_time;
    const char *s;
    const char *pos[2] = { NULL, NULL };
    uint32_t ref, time;

    if (w->n < 2)
        die("%s needs a type", v10 ? "v10" : "v0");
    type = type_number(w->word[1], v10 ? v10_names : v0_names, 7);
    if (!v10 && arg(w, "flags"))
        die("v0 frames have no flags");
    if (!v10 && (arg(w, "code") || arg(w, "data")))
        die("v0 errorMsgRep has only text (no code=, data=)");
    has_ref = type == 1 || type == 2 || (!v10 && type == 4);
    has_time = type == 1 || (!v10 && type == 4);
    nums = check_words(w, first, frame_keys, has_ref + has_time);
    if ((!has_ref && arg(w, "ref")) || (!has_time && arg(w, "time")))
        die("%s type %s has no %s", w->word[0], w->word[1], has_ref ? "time" : "ref");
    for (int i = first, k = 0; i < w->n && k < nums; i++)
        if (is_number(w->word[i]))
            pos[k++] = w->word[i];
    ref = pos[0] ? (uint32_t)number(pos[0], 0xffffffffUL, "ref") : num_arg(w, "ref", 1);
    time = pos[1] ? (uint32_t)number(pos[1], 0xffffffffUL, "time") : num_arg(w, "time", 1704067260);
    if ((pos[0] && arg(w, "ref")) || (pos[1] && arg(w, "time")))
        die("ref or time given twice");

    /* Fields before any payload, in the order each type defines. */
    if (has_ref)
        buf_u32(&value, ref);
    if (has_time)
        buf_u32(&value, time);
    if (type == 3)
        buf_u8(&value, 0);
    if (v10 && type == 6) {
        buf_u16(&value, (unsigned)number(arg(w, "code") ? arg(w, "code") : "0x0300", 0xffff, "code"));
        if ((s = arg(w, "data")) != NULL) {
            buf_t data = { 0 };
            hex_to(&data, s);
            if (data.len > 0xffff)
                die("data= is too long");
            buf_u16(&value, (unsigned)data.len);
            buf_add(&value, data.data, data.len);
            free(data.data);
        }
    } else if (arg(w, "code") || arg(w, "data")) {
        die("code= and data= belong to v10 errorMsgRep");
    }
    payload(w, &value);
    if ((s = arg(w, "trailing")) != NULL)
        hex_to(&value, s);

    {
        uint32_t length = (uint32_t)value.len + (v10 ? 3 : 1);
        if (arg(w, "len"))
            length = num_arg(w, "len", 0);
        buf_u32(out, length);
    }
    if (v10) {
        buf_u8(out, 10);
        buf_u8(out, (unsigned)number(arg(w, "flags") ? arg(w, "flags") : "0", 255, "flags"));
    }
    buf_u8(out, (unsigned)type);
    buf_add(out, value.data, value.len);
    free(value.data);
}

static const char *
reason_phrase(unsigned status)
{
    switch (status) {
    case 200: return "OK";
    case 202: return "Accepted";
    case 400: return "Bad Request";
    case 404: return "Not Found";
    case 415: return "Unsupported Media Type";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

static void
http(const words_t *w, int request, buf_t *out)
{
    static const char *const request_keys[] = {
        "path", "ctype", "wrap", "wraptype", "ref", "time", "code", "data", "flags", "len", "trailing", "cut", "skip", "fresh", NULL
    };
    static const char *const response_keys[] = {
        "status", "ctype", "wrap", "wraptype", "ref", "time", "code", "data", "flags", "len", "trailing", "cut", "skip", "fresh", NULL
    };
    buf_t body = { 0 };
    const char *ctype = arg(w, "ctype");
    const char *wrap = arg(w, "wrap");
    char head[1024];
    int n;

    check_words(w, 1, request ? request_keys : response_keys, 0);
    if (wrap) {
        /* An application/pkixcmp-poll body: the payload in a TCP frame,
         * pkiMsg/finalMsgRep (v0) or pkiReq/pkiRep (v10) unless
         * wraptype= says otherwise. */
        words_t frame = *w;
        char type[8];
        const char *wraptype = arg(w, "wraptype");
        if (strcmp(wrap, "v0") != 0 && strcmp(wrap, "v10") != 0)
            die("wrap=%s: v0 or v10", wrap);
        snprintf(type, sizeof type, "%d", request ? 0 : 5);
        if (w->n + 1 > 64)
            die("too many words");
        frame.word[0] = (char *)wrap;
        frame.word[1] = wraptype ? (char *)wraptype : type;
        for (int i = 1; i < w->n; i++)
            frame.word[i + 1] = w->word[i];
        frame.n = w->n + 1;
        /* The HTTP keys are not frame keys: hide them from the frame. */
        for (int i = 2; i < frame.n; i++) {
            static const char *const http_only[] = { "path=", "ctype=", "wrap=", "wraptype=", "status=" };
            for (size_t k = 0; k < sizeof http_only / sizeof *http_only; k++)
                if (strncmp(frame.word[i], http_only[k], strlen(http_only[k])) == 0) {
                    memmove(frame.word + i, frame.word + i + 1, sizeof(char *) * (size_t)(frame.n - i - 1));
                    frame.n--;
                    i--;
                    break;
                }
        }
        framed(&frame, strcmp(wrap, "v10") == 0, 2, &body);
    } else {
        for (int i = 1; i < w->n; i++)
            if (strchr(w->word[i], '=') && strncmp(w->word[i], "path=", 5) != 0 && strncmp(w->word[i], "ctype=", 6) != 0 &&
                strncmp(w->word[i], "status=", 7) != 0 && strncmp(w->word[i], "cut=", 4) != 0 &&
                strncmp(w->word[i], "skip=", 5) != 0)
                die("%s: %s needs wrap=", w->word[0], w->word[i]);
        payload(w, &body);
    }
    if (!ctype)
        ctype = "application/pkixcmp";
    if (request) {
        n = snprintf(head, sizeof head, "POST %s HTTP/1.1\r\nHost: ca.example\r\n",
                     arg(w, "path") ? arg(w, "path") : "/.well-known/cmp");
    } else {
        unsigned status = (unsigned)number(arg(w, "status") ? arg(w, "status") : "200", 999, "status");
        n = snprintf(head, sizeof head, "HTTP/1.1 %u %s\r\n", status, reason_phrase(status));
    }
    buf_add(out, head, (size_t)n);
    if (strcmp(ctype, "none") != 0) {
        n = snprintf(head, sizeof head, "Content-Type: %s\r\n", ctype);
        buf_add(out, head, (size_t)n);
    }
    n = snprintf(head, sizeof head, "Content-Length: %zu\r\n\r\n", body.len);
    buf_add(out, head, (size_t)n);
    buf_add(out, body.data, body.len);
    free(body.data);
}

static void
message(int from, const words_t *w)
{
    static const char *const payload_keys[] = { "cut", "skip", "fresh", NULL };
    buf_t out = { 0 };
    const char *kind = w->n ? w->word[0] : "";

    if (!conn.open)
        die("a message before any connection line");
    if (strcmp(kind, "der") == 0 || strcmp(kind, "raw") == 0) {
        check_words(w, 1, payload_keys, 0);
        if (!payload(w, &out))
            die("%s needs a payload", kind);
    } else if (strcmp(kind, "v0") == 0) {
        framed(w, 0, 2, &out);
    } else if (strcmp(kind, "v10") == 0) {
        framed(w, 1, 2, &out);
    } else if (strcmp(kind, "http-post") == 0) {
        http(w, 1, &out);
    } else if (strcmp(kind, "http-response") == 0) {
        http(w, 0, &out);
    } else {
        die("unknown message kind \"%s\"", kind);
    }

    if (pending_from != from)
        flush_pending();
    pending_from = from;
    if (n_items == items_cap) {
        items_cap = items_cap * 2 + 16;
        items = realloc(items, items_cap * sizeof *items);
        if (!items)
            die("out of memory");
    }
    items[n_items].start = pending.len;
    items[n_items].len = out.len;
    snprintf(items[n_items].label, sizeof items[n_items].label, "%s", current_label);
    n_items++;
    buf_add(&pending, out.data, out.len);
    if (!coalesce)
        flush_pending();
    free(out.data);
}

/*
 * Splits a line into words and drops its comment.  "text:" takes the rest
 * of the line as it is, or a quoted string with escapes (decoded in place).
 */
static void
split(char *line, words_t *w)
{
    char *p = line;
    w->n = 0;
    w->text = NULL;
    w->text_len = 0;
    while (*p) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p || *p == '#')
            break;
        if (strncmp(p, "text:", 5) == 0) {
            char *in = p + 5, *o = p + 5;
            if (*in != '"') {
                w->text = in;
                w->text_len = strlen(in);
                break;
            }
            in++;
            w->text = o;
            for (;;) {
                if (!*in)
                    die("text: without its closing quote");
                if (*in == '"')
                    break;
                if (*in != '\\') {
                    *o++ = *in++;
                    continue;
                }
                in++;
                switch (*in) {
                case '\\': *o++ = '\\'; in++; break;
                case '"': *o++ = '"'; in++; break;
                case 'n': *o++ = '\n'; in++; break;
                case 'r': *o++ = '\r'; in++; break;
                case 't': *o++ = '\t'; in++; break;
                case '0': *o++ = '\0'; in++; break;
                case 'x':
                    if (!isxdigit((unsigned char)in[1]) || !isxdigit((unsigned char)in[2]))
                        die("bad \\x escape in text:");
                    {
                        char hex[3] = { in[1], in[2], 0 };
                        *o++ = (char)strtoul(hex, NULL, 16);
                    }
                    in += 3;
                    break;
                default:
                    die("unknown escape \\%c in text:", *in ? *in : '0');
                }
            }
            w->text_len = (size_t)(o - w->text);
            in++;
            while (*in == ' ' || *in == '\t')
                in++;
            if (*in && *in != '#')
                die("only a comment may follow the quoted text");
            break;
        }
        if (w->n == 64)
            die("too many words");
        w->word[w->n++] = p;
        while (*p && *p != ' ' && *p != '\t')
            p++;
        if (*p)
            *p++ = '\0';
    }
}

/* "L<line> <message line>", without the direction, the comment and the
 * path to the messages directory. */
static void
make_label(const char *line)
{
    const char *p = line;
    char text[sizeof current_label - 16];
    size_t n = 0;
    while (*p == ' ' || *p == '\t')
        p++;
    if ((*p == 'c' || *p == 's') && (p[1] == ' ' || p[1] == '\t'))
        p += 2;
    while (*p == ' ' || *p == '\t')
        p++;
    while (*p && n + 1 < sizeof text) {
        if (*p == '#' && !strstr(line, "text:"))
            break;
        if (strncmp(p, "../messages/", 12) == 0) {
            p += 12;
            continue;
        }
        text[n++] = *p == '\t' ? ' ' : *p;
        p++;
    }
    while (n && text[n - 1] == ' ')
        n--;
    text[n] = '\0';
    snprintf(current_label, sizeof current_label, "L%d %s", lineno, text);
}

static int
side(const char *s)
{
    if (strcmp(s, "c") == 0)
        return 0;
    if (strcmp(s, "s") == 0)
        return 1;
    die("c or s expected, not \"%s\"", s);
    return -1;
}

int
main(int argc, char **argv)
{
    FILE *in;
    char line[65536];
    pcap_t *dead;

    if (argc == 5 && strcmp(argv[1], "-m") == 0) {
        map = fopen(argv[2], "w");
        if (!map)
            die("cannot write %s: %s", argv[2], strerror(errno));
        argv += 2;
        argc -= 2;
    }
    if (argc != 3) {
        fprintf(stderr, "usage: capbuild [-m MAP.txt] SCENARIO OUT.pcap\n");
        return 2;
    }
    scenario_name = argv[1];
    in = fopen(argv[1], "r");
    if (!in)
        die("cannot open %s: %s", argv[1], strerror(errno));
    if (map)
        fprintf(map, "# frame\tconnection\tdirection\tTCP flags\tTCP payload length\t"
                     "messages: scenario line, text, (length) or [bytes from-to of length]\n");
    snprintf(base_dir, sizeof base_dir, "%s", argv[1]);
    {
        char *slash = strrchr(base_dir, '/');
        if (slash)
            *slash = '\0';
        else
            strcpy(base_dir, ".");
    }
    /* The link type is the file's: look for it first. */
    while (fgets(line, sizeof line, in)) {
        words_t w;
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        if (!strstr(line, "text:"))
            line[strcspn(line, "#")] = '\0';
        split(line, &w);
        if (w.n >= 1 && strcmp(w.word[0], "linktype") == 0) {
            if (w.n != 2)
                die("linktype ether|raw");
            if (strcmp(w.word[1], "ether") == 0)
                linktype = DLT_EN10MB;
            else if (strcmp(w.word[1], "raw") == 0)
                linktype = DLT_RAW;
            else
                die("linktype ether|raw");
        }
    }
    rewind(in);
    lineno = 0;

    dead = pcap_open_dead(linktype, 262144);
    dumper = pcap_dump_open(dead, argv[2]);
    if (!dumper)
        die("cannot write %s: %s", argv[2], pcap_geterr(dead));

    while (fgets(line, sizeof line, in)) {
        words_t w;
        const char *d;
        lineno++;
        if (!strchr(line, '\n') && !feof(in))
            die("line too long");
        line[strcspn(line, "\r\n")] = '\0';
        if (!strstr(line, "text:"))
            line[strcspn(line, "#")] = '\0';
        make_label(line);
        split(line, &w);
        if (w.n == 0 && !w.text)
            continue;
        if (w.n == 0)
            die("text: without a directive");
        d = w.word[0];
        if (strcmp(d, "connection") == 0) {
            if (w.n != 5 || w.text)
                die("connection CLIENT_IP CLIENT_PORT SERVER_IP SERVER_PORT");
            open_connection(w.word[1], w.word[2], w.word[3], w.word[4]);
        } else if (strcmp(d, "linktype") == 0) {
            /* read before the first packet */
        } else if (strcmp(d, "nohandshake") == 0 && w.n == 1) {
            handshake = 0;
        } else if (strcmp(d, "mss") == 0 && w.n == 2) {
            flush_pending();
            mss = number(w.word[1], 65495, "mss");
            if (mss == 0)
                die("mss 0");
        } else if (strcmp(d, "segsize") == 0 && w.n == 2) {
            flush_pending();
            segsize = number(w.word[1], 65495, "segsize");
        } else if (strcmp(d, "coalesce") == 0 && w.n == 2) {
            flush_pending();
            if (strcmp(w.word[1], "on") != 0 && strcmp(w.word[1], "off") != 0)
                die("coalesce on|off");
            coalesce = strcmp(w.word[1], "on") == 0;
        } else if (strcmp(d, "flush") == 0 && w.n == 1) {
            flush_pending();
        } else if (strcmp(d, "gap") == 0 && w.n == 2) {
            flush_pending();
            gap = (uint32_t)number(w.word[1], 0x7fffffffUL, "gap");
        } else if (strcmp(d, "rewind") == 0 && w.n == 2) {
            flush_pending();
            gap = (uint32_t)0 - (uint32_t)number(w.word[1], 0x7fffffffUL, "rewind");
        } else if (strcmp(d, "ack") == 0 && w.n == 2) {
            int from = side(w.word[1]);
            flush_pending();
            if (!conn.open)
                die("ack outside a connection");
            emit(&conn, from, TCP_ACK, NULL, 0);
        } else if (strcmp(d, "fin") == 0 && w.n == 1) {
            close_connection();
        } else if ((strcmp(d, "c") == 0 || strcmp(d, "s") == 0) && w.n >= 2) {
            words_t rest = w;
            rest.n = w.n - 1;
            memmove(rest.word, w.word + 1, sizeof(char *) * (size_t)rest.n);
            message(side(d), &rest);
        } else {
            die("cannot read \"%s\"", d);
        }
    }
    lineno = 0;
    close_connection();
    fclose(in);
    if (map && fclose(map) != 0)
        die("cannot write the map");
    free(items);
    pcap_dump_close(dumper);
    pcap_close(dead);
    free(pending.data);
    return 0;
}
