/*
 * ports/guest/net_selftest.c — the transports' and sockets' self-test over loopback, in C, for
 * kernel.nettest() (mod_kernel.c): one thread plays client and server at once, using timeouts of
 * 0 (never wait) or bounded ones, so it cannot hang. Each check decides from what the stack
 * did (bytes received, errors returned, the live counts), never from how long it took.
 * Two more modes talk to the machine QEMU runs on, over the NIC: "get" fetches / from an HTTP
 * server on the host (10.0.2.2:port, e.g. python3 -m http.server), "echo" serves one TCP
 * connection on the guest's port (the host reaches it through the launcher's --hostfwd) and
 * sends every byte back until the client closes, "udp" sends a datagram to a UDP echo server on
 * the host and then one to the port after it, where nothing listens.
 * It lives in the guest port because only the guest port may call net/ (mk/layers.mk); a
 * kernel self-test could not.
 * Locks: none of its own (net/socket.c takes net_lock inside each call).
 */
#include <stdio.h>
#include <string.h>
#include "kernel/thread.h"
#include "net/socket.h"
#include "guest.h"

#define LO 0x7f000001u
#define SEC 1000000000ull

struct log { char *buf; size_t cap, len; int fails, checks; };

static void logf_(struct log *l, const char *fmt, int a, int b)
{
    if (l->len + 1 >= l->cap)
        return;
    int k = snprintf(l->buf + l->len, l->cap - l->len, fmt, a, b);
    if (k > 0)
        l->len += (size_t)k < l->cap - l->len ? (size_t)k : l->cap - l->len - 1;
}

#define CHECK(l, cond, what, val)                                                         \
    do {                                                                                  \
        (l)->checks++;                                                                    \
        if (!(cond)) {                                                                    \
            (l)->fails++;                                                                 \
            logf_((l), "FAIL line %d: " what " (got %d)\n", __LINE__, (int)(val));          \
        }                                                                                 \
    } while (0)

static uint8_t pattern(uint32_t i) { return (uint8_t)(i * 7 + (i >> 8)); }

/* A connected pair over loopback: *c client, *a accepted; the listener is closed. */
static int tcp_pair(struct log *l, uint16_t port, int *c, int *a)
{
    int ls = sock_open(SOCK_STREAM);
    CHECK(l, ls >= 0, "open listener", ls);
    sock_setopt(ls, SOCK_OPT_REUSEADDR, 1);
    int r = sock_bind(ls, LO, port);
    CHECK(l, r == 0, "bind listener", r);
    r = sock_listen(ls, 4);
    CHECK(l, r == 0, "listen", r);
    *c = sock_open(SOCK_STREAM);
    r = sock_connect(*c, LO, port, 0);
    CHECK(l, r == -NET_EINPROGRESS, "connect with timeout 0 begins: EINPROGRESS", r);
    *a = sock_accept(ls, NULL, NULL, 2 * SEC);
    CHECK(l, *a >= 0, "accept", *a);
    r = sock_connect(*c, LO, port, 2 * SEC);
    CHECK(l, r == 0, "connect completes", r);
    sock_close(ls);
    return *a >= 0 && r == 0 ? 0 : -1;
}

/* Push n bytes from s to d through both sockets' buffers, never waiting more than 1 s. */
static uint32_t stream_through(struct log *l, int s, int d, uint32_t n)
{
    static uint8_t buf[4096];
    uint32_t sent = 0, got = 0, bad = 0;
    int idle = 0;
    while (got < n && idle < 200) {
        int progress = 0;
        if (sent < n) {
            uint32_t k = n - sent < sizeof buf ? n - sent : (uint32_t)sizeof buf;
            for (uint32_t i = 0; i < k; i++)
                buf[i] = pattern(sent + i);
            long r = sock_send(s, buf, k, 0);
            if (r > 0) {
                sent += (uint32_t)r;
                progress = 1;
            } else if (r != -NET_EAGAIN) {
                CHECK(l, 0, "send", r);
                break;
            }
        }
        long r = sock_recv(d, buf, sizeof buf, sent < n ? 0 : 10000000);
        if (r > 0) {
            for (long i = 0; i < r; i++)
                if (buf[i] != pattern(got + (uint32_t)i))
                    bad++;
            got += (uint32_t)r;
            progress = 1;
        } else if (r != -NET_EAGAIN && r != -NET_ETIMEDOUT) {
            CHECK(l, 0, "recv", r);
            break;
        }
        if (!progress) {
            idle++;
            thread_sleep_ns(5000000);          /* let the stack's thread move the segments */
        } else {
            idle = 0;
        }
    }
    CHECK(l, bad == 0, "stream bytes arrive in order, unchanged", bad);
    return got;
}

struct stat_query { const char *name; uint64_t v; int found; };
static void stat_cb(void *ctx, const char *n, uint64_t v)
{
    struct stat_query *q = ctx;
    if (!strcmp(n, q->name)) {
        q->v = v;
        q->found = 1;
    }
}
static int stat_of(const char *name)
{
    struct stat_query q = { name, 0, 0 };
    sock_stats(stat_cb, &q);
    return q.found ? (int)q.v : -1;
}

/* Wait (at most 2 s) until the netstat shows `text`: a state the test needs reached. */
static int netstat_shows(const char *text)
{
    static char buf[4096];
    for (int i = 0; i < 200; i++) {
        sock_netstat(buf, sizeof buf);
        if (strstr(buf, text))
            return 1;
        thread_sleep_ns(10000000);
    }
    return 0;
}

static void test_stream(struct log *l)
{
    int c, a;
    if (tcp_pair(l, 7001, &c, &a) < 0)
        return;
    uint32_t ca, aa;
    uint16_t cp, ap;
    sock_name(c, &ca, &cp, 0);
    sock_name(a, &aa, &ap, 1);
    CHECK(l, ca == aa && cp == ap, "client's name is the server's peer name", cp);
    CHECK(l, cp >= 49152, "an ephemeral port", cp);
    /* 200 KB: many times both buffers, so the receiver's window closes and reopens. */
    uint32_t n = 200000;
    CHECK(l, stream_through(l, c, a, n) == n, "client -> server: all bytes", 0);
    CHECK(l, stream_through(l, a, c, 50000) == 50000, "server -> client: all bytes", 0);
    char b[16];
    long r = sock_recv(a, b, sizeof b, 0);
    CHECK(l, r == -NET_EAGAIN, "recv with nothing queued, timeout 0: EAGAIN", r);
    r = sock_recv(a, b, sizeof b, 30000000);
    CHECK(l, r == -NET_ETIMEDOUT, "recv with nothing queued, 30 ms: ETIMEDOUT", r);
    /* Half-close: the client's FIN ends the server's stream; the server still sends. */
    r = sock_shutdown(c, SOCK_SHUT_WR);
    CHECK(l, r == 0, "shutdown(SHUT_WR)", r);
    r = sock_recv(a, b, sizeof b, 2 * SEC);
    CHECK(l, r == 0, "the peer's FIN reads as 0", r);
    r = sock_send(c, "x", 1, 0);
    CHECK(l, r == -NET_EPIPE, "send after shutdown(SHUT_WR): EPIPE", r);
    r = sock_send(a, "bye", 3, 2 * SEC);
    CHECK(l, r == 3, "send on the half-closed connection", r);
    r = sock_recv(c, b, sizeof b, 2 * SEC);
    CHECK(l, r == 3 && !memcmp(b, "bye", 3), "recv on the half-closed connection", r);
    sock_close(a);
    r = sock_recv(c, b, sizeof b, 2 * SEC);
    CHECK(l, r == 0, "the server's close reads as 0", r);
    sock_close(c);
}

/* The client shuts down writing first; the server sends more than the client's buffer holds and
 * closes. The client reads it all, then end of stream: reading in TIME_WAIT must not provoke
 * anything from the server's side, whose connection is gone by then (no reset). */
static void test_drain_after_close(struct log *l)
{
    int c, a;
    if (tcp_pair(l, 7007, &c, &a) < 0)
        return;
    int resets0 = stat_of("tcp_resets_sent");
    sock_shutdown(c, SOCK_SHUT_WR);
    char b[64];
    long n = sock_recv(a, b, sizeof b, 2 * SEC);
    CHECK(l, n == 0, "the server sees the client's FIN", n);
    static uint8_t big[30000];
    for (uint32_t i = 0; i < sizeof big; i++)
        big[i] = pattern(i);
    long sent = 0;
    while (sent < (long)sizeof big) {
        n = sock_send(a, big + sent, sizeof big - (size_t)sent, 2 * SEC);
        if (n <= 0)
            break;
        sent += n;
    }
    CHECK(l, sent == (long)sizeof big, "the server queues it all", sent);
    sock_close(a);                                /* closes behind, with data still queued */
    long got = 0, bad = 0;
    while ((n = sock_recv(c, b, sizeof b, 2 * SEC)) > 0) {
        for (long i = 0; i < n; i++)
            bad += b[i] != (char)pattern((uint32_t)(got + i));
        got += n;
    }
    CHECK(l, n == 0, "end of stream after the data, not a reset", n);
    CHECK(l, got == (long)sizeof big && bad == 0, "every byte sent before the close arrives", got);
    thread_sleep_ns(100000000);                   /* room for a stray segment to be answered */
    CHECK(l, stat_of("tcp_resets_sent") == resets0, "no reset on either side",
          stat_of("tcp_resets_sent") - resets0);
    sock_close(c);
}

/* More connections than control blocks, each closed by the server first (which leaves it in
 * TIME_WAIT): a full table gives the oldest TIME_WAIT's place to the new connection. */
static void test_many_connections(struct log *l)
{
    int ls = sock_open(SOCK_STREAM);
    sock_bind(ls, LO, 7008);
    sock_listen(ls, 4);
    int ok = 0;
    for (int i = 0; i < 320; i++) {
        int c = sock_open(SOCK_STREAM);
        int r = sock_connect(c, LO, 7008, 0);
        int a = sock_accept(ls, NULL, NULL, 2 * SEC);
        r = sock_connect(c, LO, 7008, 2 * SEC);
        char b[4];
        long n = -1;
        if (a >= 0 && r == 0 && sock_send(a, "ok", 2, 2 * SEC) == 2) {
            sock_close(a);                            /* server first: TIME_WAIT on its side */
            n = sock_recv(c, b, sizeof b, 2 * SEC);
            n = n == 2 ? sock_recv(c, b, sizeof b, 2 * SEC) : -1;
        } else if (a >= 0) {
            sock_close(a);
        }
        ok += n == 0;
        sock_close(c);
    }
    sock_close(ls);
    CHECK(l, ok == 320, "320 connections through a table of 128", ok);
}

/* A sender fills both buffers and the receiver stops reading: the window is shut, the sender
 * probes it (persist timer) for a second, and when the receiver drains everything arrives. */
static void test_shut_window(struct log *l)
{
    int c, a;
    if (tcp_pair(l, 7009, &c, &a) < 0)
        return;
    static uint8_t buf[4096];
    uint32_t sent = 0;
    for (int i = 0; i < 200; i++) {               /* until both buffers are full */
        for (uint32_t j = 0; j < sizeof buf; j++)
            buf[j] = pattern(sent + j);
        long n = sock_send(c, buf, sizeof buf, 20000000);
        if (n == -NET_ETIMEDOUT)
            break;
        if (n < 0) {
            CHECK(l, 0, "send", n);
            return;
        }
        sent += (uint32_t)n;
    }
    CHECK(l, netstat_shows("wnd=0 "), "the receiver's window is shut", sent);
    int probes0 = stat_of("tcp_window_probes");
    for (int i = 0; i < 300 && stat_of("tcp_window_probes") < probes0 + 2; i++)
        thread_sleep_ns(10000000);                /* probes go out: after 1 RTO, then 2... */
    CHECK(l, stat_of("tcp_window_probes") >= probes0 + 2, "the sender probes the shut window",
          stat_of("tcp_window_probes") - probes0);
    uint32_t got = 0, bad = 0;
    long n;
    while (got < sent && (n = sock_recv(a, buf, sizeof buf, 2 * SEC)) > 0) {
        for (long i = 0; i < n; i++)
            bad += buf[i] != pattern(got + (uint32_t)i);
        got += (uint32_t)n;
    }
    CHECK(l, got == sent && bad == 0, "after the window reopens, every byte arrives", (int)got);
    long r = sock_send(c, "more", 4, 2 * SEC);
    CHECK(l, r == 4, "the connection is still alive", r);
    sock_close(c);
    sock_close(a);
}

static void test_refused_and_reset(struct log *l)
{
    int c = sock_open(SOCK_STREAM);
    int r = sock_connect(c, LO, 7999, 2 * SEC);
    CHECK(l, r == -NET_ECONNREFUSED, "connect to a port nobody listens on: ECONNREFUSED", r);
    int ls = sock_open(SOCK_STREAM);
    sock_bind(ls, LO, 7998);
    sock_listen(ls, 2);
    r = sock_connect(c, LO, 7998, 2 * SEC);
    CHECK(l, r == 0, "the same socket connects again after a refusal", r);
    r = sock_connect(c, LO, 7998, 2 * SEC);
    CHECK(l, r == -NET_EISCONN, "connect on a connected socket: EISCONN", r);
    sock_close(c);
    sock_close(ls);

    int a;
    if (tcp_pair(l, 7002, &c, &a) < 0)
        return;
    long n = sock_send(a, "unread", 6, 2 * SEC);
    CHECK(l, n == 6, "send", n);
    char b[8];
    /* once it sits unread in the client's buffer, close the client: RST */
    CHECK(l, netstat_shows("rcvq=6 "), "the data reached the client", 0);
    sock_close(c);
    n = sock_recv(a, b, sizeof b, 2 * SEC);
    CHECK(l, n == -NET_ECONNRESET, "close with unread data resets the peer: ECONNRESET", n);
    n = sock_recv(a, b, sizeof b, 0);
    CHECK(l, n == 0, "after the reset is reported, end of stream", n);
    n = sock_send(a, "x", 1, 0);
    CHECK(l, n == -NET_EPIPE, "send after a reset: EPIPE", n);
    sock_close(a);
}

static void test_ports(struct log *l)
{
    int s1 = sock_open(SOCK_STREAM), s2 = sock_open(SOCK_STREAM);
    int r = sock_bind(s1, 0, 7003);
    CHECK(l, r == 0, "bind", r);
    r = sock_bind(s2, LO, 7003);
    CHECK(l, r == -NET_EADDRINUSE, "bind to a taken port: EADDRINUSE", r);
    r = sock_bind(s2, 0x0a0a0a0a, 7004);
    CHECK(l, r == -NET_EADDRNOTAVAIL, "bind to an address not ours: EADDRNOTAVAIL", r);
    r = sock_bind(s2, LO, 0);
    uint32_t a;
    uint16_t p;
    sock_name(s2, &a, &p, 0);
    CHECK(l, r == 0 && p >= 49152, "bind to port 0 picks an ephemeral port", p);
    r = sock_accept(s1, NULL, NULL, 0);
    CHECK(l, r == -NET_EINVAL, "accept before listen: EINVAL", r);
    sock_listen(s1, 4);
    r = sock_accept(s1, NULL, NULL, 0);
    CHECK(l, r == -NET_EAGAIN, "accept with none waiting, timeout 0: EAGAIN", r);
    r = sock_name(s1, &a, &p, 1);
    CHECK(l, r == -NET_ENOTCONN, "getpeername on a listener: ENOTCONN", r);
    r = sock_setopt(s1, 99, 1);
    CHECK(l, r == -NET_ENOPROTOOPT, "an unknown option: ENOPROTOOPT", r);
    sock_close(s1);
    sock_close(s2);
    r = sock_close(s2);
    CHECK(l, r == -NET_ENOTSOCK, "close twice: ENOTSOCK", r);

    /* A connection closed by the server holds its port in TIME_WAIT: a new bind needs
     * SO_REUSEADDR. */
    int c, acc;
    if (tcp_pair(l, 7005, &c, &acc) < 0)
        return;
    sock_close(acc);                           /* the server closes first: it gets TIME_WAIT */
    char b[4];
    r = (int)sock_recv(c, b, sizeof b, 2 * SEC);
    CHECK(l, r == 0, "FIN", r);
    sock_close(c);
    thread_sleep_ns(50000000);
    int s3 = sock_open(SOCK_STREAM);
    r = sock_bind(s3, LO, 7005);
    CHECK(l, r == -NET_EADDRINUSE, "bind to a port in TIME_WAIT without SO_REUSEADDR", r);
    sock_setopt(s3, SOCK_OPT_REUSEADDR, 1);
    r = sock_bind(s3, LO, 7005);
    CHECK(l, r == 0, "bind to a port in TIME_WAIT with SO_REUSEADDR", r);
    sock_close(s3);
}

static void test_backlog(struct log *l)
{
    int ls = sock_open(SOCK_STREAM);
    sock_bind(ls, LO, 7006);
    sock_listen(ls, 1);
    int c1 = sock_open(SOCK_STREAM), c2 = sock_open(SOCK_STREAM);
    int r1 = sock_connect(c1, LO, 7006, 2 * SEC);
    CHECK(l, r1 == 0, "first connect fits the backlog", r1);
    int r2 = sock_connect(c2, LO, 7006, 300000000);
    CHECK(l, r2 == -NET_ETIMEDOUT, "second connect: its SYN is dropped (backlog 1), times out", r2);
    int a = sock_accept(ls, NULL, NULL, 0);
    CHECK(l, a >= 0, "accept the first", a);
    sock_close(a);
    sock_close(c1);
    sock_close(c2);
    sock_close(ls);
}

static void test_udp(struct log *l)
{
    int s = sock_open(SOCK_DGRAM), t = sock_open(SOCK_DGRAM);
    int r = sock_bind(s, LO, 7010);
    CHECK(l, r == 0, "udp bind", r);
    long n = sock_send(t, "x", 1, 0);
    CHECK(l, n == -NET_EDESTADDRREQ, "send on an unconnected datagram socket", n);
    n = sock_sendto(t, "hello", 5, LO, 7010, 0);
    CHECK(l, n == 5, "sendto", n);
    char b[8];
    uint32_t fa;
    uint16_t fp, tp;
    uint32_t ta;
    n = sock_recvfrom(s, b, sizeof b, &fa, &fp, 2 * SEC);
    sock_name(t, &ta, &tp, 0);
    CHECK(l, n == 5 && !memcmp(b, "hello", 5), "recvfrom gets the datagram", n);
    CHECK(l, fa == LO && fp == tp && tp >= 49152, "recvfrom names the sender's port", fp);
    n = sock_sendto(t, "truncated", 9, LO, 7010, 0);
    n = sock_recv(s, b, 4, 2 * SEC);
    CHECK(l, n == 4 && !memcmp(b, "trun", 4), "a datagram is truncated to the buffer", n);
    n = sock_recv(s, b, sizeof b, 0);
    CHECK(l, n == -NET_EAGAIN, "and the rest is gone", n);
    static char big[UDP_MAX_PAYLOAD + 1];
    n = sock_sendto(t, big, sizeof big, LO, 7010, 0);
    CHECK(l, n == -NET_EMSGSIZE, "a datagram over 1472 bytes: EMSGSIZE", n);
    /* a connected socket only hears its peer */
    int u = sock_open(SOCK_DGRAM);
    r = sock_connect(s, LO, 7011, 0);
    CHECK(l, r == 0, "udp connect", r);
    sock_sendto(t, "no", 2, LO, 7010, 0);
    sock_bind(u, LO, 7011);
    sock_sendto(u, "yes", 3, LO, 7010, 0);
    n = sock_recv(s, b, sizeof b, 2 * SEC);
    CHECK(l, n == 3 && !memcmp(b, "yes", 3), "a connected datagram socket hears only its peer", n);
    sock_close(s);
    sock_close(t);
    sock_close(u);
}

int net_selftest(char *out, size_t cap)
{
    struct log l = { out, cap, 0, 0, 0 };
    out[0] = 0;
    int socks0 = stat_of("sockets");
    test_stream(&l);
    test_drain_after_close(&l);
    test_many_connections(&l);
    test_shut_window(&l);
    test_refused_and_reset(&l);
    test_ports(&l);
    test_backlog(&l);
    test_udp(&l);
    CHECK(&l, stat_of("sockets") == socks0, "every socket closed", stat_of("sockets"));
    /* Connections closing behind (FIN exchange, TIME_WAIT of 1 s) free themselves. */
    for (int i = 0; i < 40 && stat_of("tcp_connections") != 0; i++)
        thread_sleep_ns(100000000);
    CHECK(&l, stat_of("tcp_connections") == 0, "every TCP control block freed", stat_of("tcp_connections"));
    logf_(&l, "%d checks, %d failed\n", l.checks, l.fails);
    return l.fails;
}

/* GET / from host:port; the status line and the byte count go to the log. */
static void test_get(struct log *l, uint16_t port)
{
    int c = sock_open(SOCK_STREAM);
    int r = sock_connect(c, 0x0a000202u, port, 5 * SEC);
    CHECK(l, r == 0, "connect to 10.0.2.2", r);
    static const char req[] = "GET / HTTP/1.0\r\nHost: host\r\n\r\n";
    long n = sock_send(c, req, sizeof req - 1, 5 * SEC);
    CHECK(l, n == (long)sizeof req - 1, "send the request", n);
    static char buf[2048];
    char first[64] = "";
    long total = 0;
    for (;;) {
        n = sock_recv(c, buf, sizeof buf, 5 * SEC);
        if (n <= 0)
            break;
        if (!total) {
            size_t k = 0;
            while (k < (size_t)n && k < sizeof first - 1 && buf[k] != '\r' && buf[k] != '\n')
                k++;
            memcpy(first, buf, k);
            first[k] = 0;
        }
        total += n;
    }
    CHECK(l, n == 0, "the response ends with the server's FIN", n);
    CHECK(l, !strncmp(first, "HTTP/1.", 7), "an HTTP status line", total);
    if (l->len + 80 < l->cap)
        l->len += (size_t)snprintf(l->buf + l->len, l->cap - l->len, "%s: %ld bytes\n", first, total);
    sock_close(c);
}

/* Serve one connection on port: echo until the client's FIN, then close. */
static void test_echo(struct log *l, uint16_t port)
{
    int ls = sock_open(SOCK_STREAM);
    sock_setopt(ls, SOCK_OPT_REUSEADDR, 1);
    int r = sock_bind(ls, 0, port);
    CHECK(l, r == 0, "bind", r);
    sock_listen(ls, 1);
    int a = sock_accept(ls, NULL, NULL, 60 * SEC);
    CHECK(l, a >= 0, "accept a connection from the host", a);
    sock_close(ls);
    if (a < 0)
        return;
    static char buf[4096];
    long total = 0, n;
    while ((n = sock_recv(a, buf, sizeof buf, 30 * SEC)) > 0) {
        for (long off = 0; off < n;) {
            long k = sock_send(a, buf + off, (size_t)(n - off), 30 * SEC);
            if (k < 0) {
                CHECK(l, 0, "echo send", k);
                n = k;
                break;
            }
            off += k;
        }
        if (n < 0)
            break;
        total += n;
    }
    CHECK(l, n == 0, "the client's FIN ends the stream", n);
    logf_(l, "echoed %d bytes%.0d\n", (int)total, 0);
    sock_close(a);      /* the last bytes may still be on their way: sock_drain waits at exit */
}

/* A datagram to a UDP echo server on host:port comes back; then a connected socket sends to the
 * port after it (port + 1, where nothing listens) and reports what recv says. */
static void test_udp_host(struct log *l, uint16_t port)
{
    int s = sock_open(SOCK_DGRAM);
    long n = sock_sendto(s, "ping", 4, 0x0a000202u, port, 0);
    CHECK(l, n == 4, "sendto the host", n);
    char b[16];
    uint32_t fa = 0;
    uint16_t fp = 0;
    n = sock_recvfrom(s, b, sizeof b, &fa, &fp, 5 * SEC);
    CHECK(l, n == 4 && !memcmp(b, "ping", 4), "the host echoes the datagram", n);
    CHECK(l, fa == 0x0a000202u && fp == port, "from the host's port", fp);
    sock_close(s);
    s = sock_open(SOCK_DGRAM);
    int r = sock_connect(s, 0x0a000202u, (uint16_t)(port + 1), 0);
    CHECK(l, r == 0, "udp connect", r);
    n = sock_send(s, "x", 1, 0);
    CHECK(l, n == 1, "send", n);
    n = sock_recv(s, b, sizeof b, 5 * SEC);
    /* Reported, not checked: QEMU's "port unreachable" for a host port arrives from a source
     * net/ip.c drops (ip_not_ours), so this is ETIMEDOUT today; ECONNREFUSED once it passes. */
    logf_(l, "a closed host port: recv gives %d (-111 ECONNREFUSED, -110 no ICMP error came)%.0d\n",
          (int)n, 0);
    sock_close(s);
}

int net_selftest_host(const char *kind, uint16_t port, char *out, size_t cap)
{
    struct log l = { out, cap, 0, 0, 0 };
    out[0] = 0;
    if (!strcmp(kind, "get"))
        test_get(&l, port);
    else if (!strcmp(kind, "udp"))
        test_udp_host(&l, port);
    else
        test_echo(&l, port);
    logf_(&l, "%d checks, %d failed\n", l.checks, l.fails);
    return l.fails;
}
