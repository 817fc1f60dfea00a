// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * capbuild - writes deterministic pcaps of TCP sessions from a scenario
 *
 *   capbuild SCENARIO OUT.pcap
 *
 * Real DER messages are wrapped into TCP sessions with the framings CMP
 * uses (RFC 2510 "v0", the version-10 draft, bare DER, HTTP), so that every
 * path of the dissector can be tested without a peer that speaks them.
 * Timestamps start at 2024-01-01 00:00:00 UTC and advance 1 ms per packet;
 * sequence numbers, addresses and ports come from the scenario: the same
 * scenario always gives the same bytes.
 *
 * Scenario: one directive per line, '#' starts a comment, paths are
 * relative to the scenario file.
 *
 *   connection CLIENT_IP CLIENT_PORT SERVER_IP SERVER_PORT
 *                         start a connection (SYN, SYN/ACK, ACK); ends the
 *                         previous one with FIN unless it ended already
 *   nohandshake           the next connection starts without a handshake
 *                         (a capture that begins mid-stream)
 *   mss N                 largest segment payload (default 1460)
 *   segsize N             cut payload into N-byte segments (0: off, default)
 *   coalesce on|off       pack consecutive messages of one direction into
 *                         one segment (default off)
 *   flush                 end the segment being packed
 *   fin                   FIN from both sides
 *   gap N                 skip N bytes of sequence space in the next send of
 *                         the direction of the next message (mid-stream start)
 *   c MESSAGE | s MESSAGE client-to-server or server-to-client
 *
 * MESSAGE is one of
 *   der PAYLOAD                         bare DER
 *   raw PAYLOAD                         bytes as given
 *   v0 TYPE [ARGS] [PAYLOAD]            RFC 2510 section 5.2 framing
 *   v10 TYPE [flags=N] [ARGS] [PAYLOAD] version-10 framing
 *   http-post [path=P] [ctype=T|none] [wrap=v0|v10] PAYLOAD
 *   http-response [ctype=T|none] [wrap=v0|v10] PAYLOAD
 * TYPE is a name (v0: pkiMsg pollRep pollReq negPollRep partialMsgRep
 * finalMsgRep errorMsgRep; v10: pkiReq pollRep pollReq finRep pkiRep
 * errorMsgRep) or a number.  ARGS: ref=N (polling reference), time=N
 * (time-to-check-back, seconds since 1970), code=N (v10 error code),
 * data=HEX (v10 error data, written with its u16 length), len=N (write
 * this length field instead of the true one), trailing=HEX (bytes after the
 * payload, counted by the length).  PAYLOAD: file:PATH, hex:HEX or
 * text:WORDS_TO_END_OF_LINE.  wrap= puts an HTTP body into a TCP frame
 * (application/pkixcmp-poll): pkiMsg or pkiReq for a request, finalMsgRep
 * or pkiRep for a response.
 */
#include <errno.h>
#include <pcap/pcap.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    uint8_t *data;
    size_t len, cap;
} buf_t;

static void
die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "capbuild: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    exit(1);
}

static void
buf_add(buf_t *b, const void *p, size_t n)
{
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
    buf_u8(b, v >> 8);
    buf_u8(b, v);
}

static void
buf_u32(buf_t *b, uint32_t v)
{
    buf_u16(b, v >> 16);
    buf_u16(b, v & 0xffff);
}

/* ---- the pcap side ---------------------------------------------------- */

typedef struct {
    uint32_t ip[2];        /* 0 client, 1 server (host order) */
    uint16_t port[2];
    uint32_t seq[2];       /* next sequence number each side sends */
    int open;
} conn_t;

static pcap_dumper_t *dumper;
static uint64_t packet_count;

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
    buf_add(&pkt, mac[to], 6);
    buf_add(&pkt, mac[from], 6);
    buf_u16(&pkt, 0x0800);
    /* IPv4 */
    ip_at = pkt.len;
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
        pkt.data[ip_at + 10] = sum >> 8;
        pkt.data[ip_at + 11] = sum & 0xff;
    }
    /* TCP */
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
    pseudo += (c->ip[from] >> 16) + (c->ip[from] & 0xffff) + (c->ip[to] >> 16) + (c->ip[to] & 0xffff);
    pseudo += 6 + (uint32_t)(20 + len);
    {
        uint16_t sum = ip_checksum(pkt.data + tcp_at, 20 + len, pseudo);
        pkt.data[tcp_at + 16] = sum >> 8;
        pkt.data[tcp_at + 17] = sum & 0xff;
    }

    hdr.ts.tv_sec = 1704067200 + (time_t)(packet_count / 1000);
    hdr.ts.tv_usec = (suseconds_t)((packet_count % 1000) * 1000);
    hdr.caplen = hdr.len = (bpf_u_int32)pkt.len;
    pcap_dump((u_char *)dumper, &hdr, pkt.data);
    packet_count++;
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

static void
send_bytes(int from, const uint8_t *p, size_t len)
{
    size_t max = segsize ? segsize : mss;
    if (gap) {
        conn.seq[from] += gap;
        gap = 0;
    }
    while (len > 0) {
        size_t n = len < max ? len : max;
        emit(&conn, from, TCP_ACK | TCP_PSH, p, n);
        p += n;
        len -= n;
    }
}

static void
flush_pending(void)
{
    if (pending_from >= 0 && pending.len)
        send_bytes(pending_from, pending.data, pending.len);
    pending.len = 0;
    pending_from = -1;
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
    if (sscanf(s, "%u.%u.%u.%u", &a, &b, &c, &d) != 4 || a > 255 || b > 255 || c > 255 || d > 255)
        die("bad IPv4 address %s", s);
    return a << 24 | b << 16 | c << 8 | d;
}

static void
open_connection(const char *cip, const char *cport, const char *sip, const char *sport)
{
    close_connection();
    conn.ip[0] = parse_ip(cip);
    conn.ip[1] = parse_ip(sip);
    conn.port[0] = (uint16_t)strtoul(cport, NULL, 10);
    conn.port[1] = (uint16_t)strtoul(sport, NULL, 10);
    /* Fixed initial sequence numbers, different per connection. */
    conn.seq[0] = 1000000u + (uint32_t)conn.port[0] * 7u;
    conn.seq[1] = 5000000u + (uint32_t)conn.port[1] * 11u + (uint32_t)conn.port[0];
    conn.open = 1;
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
        unsigned v;
        if (hex[0] == ':' || hex[0] == ' ') {
            hex++;
            continue;
        }
        if (!hex[1] || sscanf(hex, "%2x", &v) != 1)
            die("bad hex near \"%s\"", hex);
        buf_u8(out, v);
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
    char *text;     /* the text: payload, to the end of the line */
} words_t;

static const char *
arg(words_t *w, const char *key)
{
    size_t k = strlen(key);
    for (int i = 0; i < w->n; i++)
        if (strncmp(w->word[i], key, k) == 0 && w->word[i][k] == '=')
            return w->word[i] + k + 1;
    return NULL;
}

static int
payload(words_t *w, buf_t *out)
{
    for (int i = 0; i < w->n; i++) {
        if (strncmp(w->word[i], "file:", 5) == 0) {
            file_to(out, w->word[i] + 5);
            return 1;
        }
        if (strncmp(w->word[i], "hex:", 4) == 0) {
            hex_to(out, w->word[i] + 4);
            return 1;
        }
    }
    if (w->text) {
        buf_add(out, w->text, strlen(w->text));
        return 1;
    }
    return 0;
}

static int
type_number(const char *name, const char *const *names, int count)
{
    char *end;
    long v = strtol(name, &end, 0);
    if (*end == '\0')
        return (int)v;
    for (int i = 0; i < count; i++)
        if (names[i] && strcmp(names[i], name) == 0)
            return i;
    die("unknown message type %s", name);
    return -1;
}

static uint32_t
num_arg(words_t *w, const char *key, uint32_t dflt)
{
    const char *v = arg(w, key);
    return v ? (uint32_t)strtoul(v, NULL, 0) : dflt;
}

/* v0 and v10 frames: length, [version, flags,] type, value. */
static void
framed(words_t *w, int v10, buf_t *out)
{
    static const char *const v0_names[] = {
        "pkiMsg", "pollRep", "pollReq", "negPollRep", "partialMsgRep", "finalMsgRep", "errorMsgRep"
    };
    static const char *const v10_names[] = {
        "pkiReq", "pollRep", "pollReq", "finRep", NULL, "pkiRep", "errorMsgRep"
    };
    buf_t value = { 0 };
    int type;
    const char *s;

    if (w->n < 2)
        die("%s needs a type", v10 ? "v10" : "v0");
    type = type_number(w->word[1], v10 ? v10_names : v0_names, 7);

    /* Fields before any payload, in the order each type defines. */
    if (type == 1 || type == 2 || (!v10 && type == 4))
        buf_u32(&value, num_arg(w, "ref", 1));
    if (type == 1 || (!v10 && type == 4))
        buf_u32(&value, num_arg(w, "time", 1704067260));
    if ((!v10 && type == 3) || (v10 && type == 3))
        buf_u8(&value, 0);
    if (v10 && type == 6) {
        buf_u16(&value, num_arg(w, "code", 0x0300));
        if ((s = arg(w, "data")) != NULL) {
            buf_t data = { 0 };
            hex_to(&data, s);
            buf_u16(&value, (unsigned)data.len);
            buf_add(&value, data.data, data.len);
            free(data.data);
        }
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
        buf_u8(out, num_arg(w, "flags", 0));
    }
    buf_u8(out, (unsigned)type);
    buf_add(out, value.data, value.len);
    free(value.data);
}

static void framed(words_t *w, int v10, buf_t *out);

static void
http(words_t *w, int request, buf_t *out)
{
    buf_t body = { 0 };
    const char *ctype = arg(w, "ctype");
    const char *wrap = arg(w, "wrap");
    char head[1024];
    int n;

    if (wrap) {
        /* An application/pkixcmp-poll body: the payload in a TCP frame,
         * pkiMsg/finalMsgRep (v0) or pkiReq/pkiRep (v10). */
        words_t frame = *w;
        char type[4];
        snprintf(type, sizeof type, "%d", request ? 0 : 5);
        frame.word[0] = (char *)wrap;
        frame.word[1] = type;
        memcpy(frame.word + 2, w->word, sizeof(char *) * (size_t)w->n);
        frame.n = w->n + 2;
        framed(&frame, strcmp(wrap, "v10") == 0, &body);
    } else {
        payload(w, &body);
    }
    if (!ctype)
        ctype = "application/pkixcmp";
    if (request)
        n = snprintf(head, sizeof head, "POST %s HTTP/1.1\r\nHost: ca.example\r\n",
                     arg(w, "path") ? arg(w, "path") : "/.well-known/cmp");
    else
        n = snprintf(head, sizeof head, "HTTP/1.1 200 OK\r\n");
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
message(int from, words_t *w)
{
    buf_t out = { 0 };
    const char *kind = w->word[0];

    if (!conn.open)
        die("a message before any connection line");
    if (strcmp(kind, "der") == 0 || strcmp(kind, "raw") == 0) {
        payload(w, &out);
    } else if (strcmp(kind, "v0") == 0) {
        framed(w, 0, &out);
    } else if (strcmp(kind, "v10") == 0) {
        framed(w, 1, &out);
    } else if (strcmp(kind, "http-post") == 0) {
        http(w, 1, &out);
    } else if (strcmp(kind, "http-response") == 0) {
        http(w, 0, &out);
    } else {
        die("unknown message kind %s", kind);
    }

    if (pending_from != from)
        flush_pending();
    pending_from = from;
    buf_add(&pending, out.data, out.len);
    if (!coalesce)
        flush_pending();
    free(out.data);
}

/* Splits a line into words; "text:" takes the rest of the line. */
static void
split(char *line, words_t *w)
{
    char *p = line;
    w->n = 0;
    w->text = NULL;
    while (*p && w->n < 64) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            break;
        if (strncmp(p, "text:", 5) == 0) {
            w->text = p + 5;
            break;
        }
        w->word[w->n++] = p;
        while (*p && *p != ' ' && *p != '\t')
            p++;
        if (*p)
            *p++ = '\0';
    }
}

int
main(int argc, char **argv)
{
    FILE *in;
    char line[65536];
    pcap_t *dead;
    int lineno = 0;

    if (argc != 3) {
        fprintf(stderr, "usage: capbuild SCENARIO OUT.pcap\n");
        return 2;
    }
    in = fopen(argv[1], "r");
    if (!in)
        die("cannot open %s: %s", argv[1], strerror(errno));
    snprintf(base_dir, sizeof base_dir, "%s", argv[1]);
    {
        char *slash = strrchr(base_dir, '/');
        if (slash)
            *slash = '\0';
        else
            strcpy(base_dir, ".");
    }
    dead = pcap_open_dead(DLT_EN10MB, 262144);
    dumper = pcap_dump_open(dead, argv[2]);
    if (!dumper)
        die("cannot write %s: %s", argv[2], pcap_geterr(dead));

    while (fgets(line, sizeof line, in)) {
        words_t w;
        char *hash;
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        hash = strchr(line, '#');
        if (hash && !strstr(line, "text:"))
            *hash = '\0';
        split(line, &w);
        if (w.n == 0)
            continue;
        if (strcmp(w.word[0], "connection") == 0) {
            if (w.n != 5)
                die("line %d: connection CLIENT_IP CLIENT_PORT SERVER_IP SERVER_PORT", lineno);
            open_connection(w.word[1], w.word[2], w.word[3], w.word[4]);
        } else if (strcmp(w.word[0], "nohandshake") == 0) {
            handshake = 0;
        } else if (strcmp(w.word[0], "mss") == 0 && w.n == 2) {
            mss = strtoul(w.word[1], NULL, 10);
        } else if (strcmp(w.word[0], "segsize") == 0 && w.n == 2) {
            flush_pending();
            segsize = strtoul(w.word[1], NULL, 10);
        } else if (strcmp(w.word[0], "coalesce") == 0 && w.n == 2) {
            flush_pending();
            coalesce = strcmp(w.word[1], "on") == 0;
        } else if (strcmp(w.word[0], "flush") == 0) {
            flush_pending();
        } else if (strcmp(w.word[0], "gap") == 0 && w.n == 2) {
            flush_pending();
            gap = (uint32_t)strtoul(w.word[1], NULL, 10);
        } else if (strcmp(w.word[0], "fin") == 0) {
            close_connection();
        } else if ((strcmp(w.word[0], "c") == 0 || strcmp(w.word[0], "s") == 0) && (w.n >= 2 || w.text)) {
            words_t rest = w;
            rest.n = w.n - 1;
            memmove(rest.word, w.word + 1, sizeof(char *) * (size_t)rest.n);
            message(w.word[0][0] == 's', &rest);
        } else {
            die("line %d: cannot read \"%s\"", lineno, w.word[0]);
        }
    }
    close_connection();
    fclose(in);
    pcap_dump_close(dumper);
    pcap_close(dead);
    free(pending.data);
    return 0;
}
