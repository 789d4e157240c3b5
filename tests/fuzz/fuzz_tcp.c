/*
 * tests/fuzz/fuzz_tcp.c — libFuzzer target over the transports and sockets (net/tcp.c,
 * net/udp.c, net/socket.c), on the host, with tests/fuzz/net_shim.c for the kernel and device.
 *
 * tests/fuzz/fuzz_net.c feeds raw frames: good for Ethernet, ARP and IP, but a mutated TCP
 * segment almost never keeps a valid checksum, and with no socket open every segment only
 * earns an RST. Here the input is a script for a hostile peer at 10.0.2.2, with the guest
 * holding a listening socket (port 80), a connection being opened (to 10.0.2.2:5555) and a
 * UDP socket (port 53): each segment gets a correct checksum, and its sequence and
 * acknowledgment numbers are chosen near the connection's own (rcv_nxt, snd_una) so that the
 * fuzzer reaches every state, not just the first check. The script also calls the socket layer
 * (send, recv, shutdown, close, accept: timeouts of 0, never waiting) and moves the clock.
 * net/tcp.c is compiled into this file, so the script can read a control block's numbers.
 *
 * Each input, in steps of one opcode byte and its operands (missing bytes read as 0):
 *   0 seg   to a connection: index, flags, seq delta (int8, x1 or x1000), ack delta (int8),
 *           window (2), data length (0..63), options length (0..40, raw bytes follow), data
 *   1 syn   a SYN to port 80 from port 1000+b, with raw options
 *   2 raw   any header and payload (length byte, bytes) with a correct checksum, to port 80
 *   3 time  the clock moves b*10 ms; the timers run
 *   4 sock  a socket call on socket b%8: send, recv, shutdown(SHUT_WR), close, accept
 *   5 udp   a datagram to port 53 (length byte, bytes)
 *   6 icmp  a destination unreachable for a connection or the UDP socket
 * Then every socket is closed and the clock runs 40 minutes ahead: every control block must
 * be freed and every buffer back in the pool (a finding otherwise, as is any crash or a
 * sanitizer report).
 *
 * Build: make build/fuzz/fuzz_tcp (mk/tests.mk); run: build/fuzz/fuzz_tcp -max_len=2048 DIR.
 */
#include <stdio.h>
#include <stdlib.h>
#include "net/tcp.c"
#include "net/lower.h"

extern uint64_t shim_clock_ns;
void shim_tx_complete(void);

#define US   0x0a00020fu                  /* 10.0.2.15 */
#define PEER 0x0a000202u                  /* 10.0.2.2 */

struct in { const uint8_t *p; size_t n, i; };
static uint8_t rd(struct in *in) { return in->i < in->n ? in->p[in->i++] : 0; }

static void deliver(uint16_t sport, uint16_t dport, uint32_t seq, uint32_t ack, uint8_t flags,
                    uint16_t wnd, const uint8_t *opt, uint32_t optlen, const uint8_t *data,
                    uint32_t dlen, int bad_doff)
{
    struct netbuf *nb = netbuf_alloc();
    if (!nb)
        return;
    uint32_t hlen = 20 + (optlen + 3) / 4 * 4;
    uint8_t *h = netbuf_data(nb);
    memset(h, 0, hlen);
    net_put16(h, sport);
    net_put16(h + 2, dport);
    net_put32(h + 4, seq);
    net_put32(h + 8, ack);
    h[12] = (uint8_t)(bad_doff ? (bad_doff & 15) << 4 : (hlen / 4) << 4);
    h[13] = flags;
    net_put16(h + 14, wnd);
    memcpy(h + 20, opt, optlen);
    memcpy(h + hlen, data, dlen);
    nb->len = (uint16_t)(hlen + dlen);
    net_put16(h + 16, inet_checksum(h, nb->len, inet_pseudo_sum(PEER, US, IP_PROTO_TCP, nb->len)));
    spin_lock(&net_lock);
    tcp_input(PEER, US, nb);
    spin_unlock(&net_lock);
}

static void run_clock(uint64_t ns)
{
    shim_clock_ns += ns;
    spin_lock(&net_lock);
    net_service(shim_clock_ns);
    spin_unlock(&net_lock);
    shim_tx_complete();
}

static void count_cb(void *ctx, const char *name, uint64_t v)
{
    uint64_t *c = ctx;
    if (!strcmp(name, "netbufs_in_use")) c[0] = v;
    else if (!strcmp(name, "rx_posted")) c[1] = v;
    else if (!strcmp(name, "loopback_queued")) c[2] = v;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int started;
    if (!started) {
        net_init();
        started = 1;
    }
    struct in in = { data, size, 0 };
    int sd[8];
    for (int i = 0; i < 8; i++)
        sd[i] = -1;
    sd[0] = sock_open(SOCK_STREAM);
    sock_bind(sd[0], 0, 80);
    sock_listen(sd[0], 2);
    sd[1] = sock_open(SOCK_STREAM);
    sock_connect(sd[1], PEER, 5555, 0);
    sd[2] = sock_open(SOCK_DGRAM);
    sock_bind(sd[2], US, 53);
    static uint8_t buf[4096];
    for (int steps = 0; in.i < in.n && steps < 200; steps++) {
        uint8_t op = rd(&in) % 7;
        if (op == 0 || op == 1) {
            struct tcb *t = NULL;
            uint8_t k = op == 0 ? rd(&in) : 0;
            for (int j = 0; op == 0 && j < TCP_MAX_CONN; j++) {
                struct tcb *c = &tcbs[(k + j) % TCP_MAX_CONN];
                if (c->used && c->state != TCP_CLOSED) {
                    t = c;
                    break;
                }
            }
            uint8_t flags = op == 1 ? TH_SYN : rd(&in);
            int8_t sd8 = (int8_t)rd(&in), ad8 = op == 0 ? (int8_t)rd(&in) : 0;
            uint16_t wnd = (uint16_t)(rd(&in) << 8 | rd(&in));
            uint32_t dlen = op == 0 ? rd(&in) % 64 : 0, olen = rd(&in) % 41;
            uint8_t opt[40];
            for (uint32_t j = 0; j < olen; j++)
                opt[j] = rd(&in);
            for (uint32_t j = 0; j < dlen; j++)
                buf[j] = rd(&in);
            if (t) {
                uint32_t scale = (flags & 0xc0) ? 1000 : 1;   /* bits 6-7: big jumps */
                deliver(t->rport, t->lport, t->rcv_nxt + (uint32_t)(sd8 * (int32_t)scale),
                        t->snd_una + (uint32_t)ad8, flags & 0x3f, wnd, opt, olen, buf, dlen, 0);
            } else {
                deliver((uint16_t)(1000 + (uint8_t)sd8), 80, (uint32_t)sd8 * 77777u, 0,
                        flags & 0x3f, wnd, opt, olen, buf, dlen, 0);
            }
        } else if (op == 2) {
            uint32_t n = rd(&in);
            if (n < 20)
                n = 20;
            uint8_t seg[255];
            for (uint32_t j = 0; j < n; j++)
                seg[j] = rd(&in);
            deliver(net_get16(seg), 80, net_get32(seg + 4), net_get32(seg + 8), seg[13],
                    net_get16(seg + 14), seg + 20, n > 60 ? 40 : n - 20, seg, 0,
                    seg[12] >> 4 ? seg[12] >> 4 : 0);
        } else if (op == 3) {
            run_clock((uint64_t)rd(&in) * 10000000ull);
        } else if (op == 4) {
            uint8_t b = rd(&in), which = b % 8;
            int s = sd[which];
            switch (b / 8 % 5) {
            case 0:
                memset(buf, 'x', 3000);
                sock_send(s, buf, (size_t)rd(&in) * 16, 0);
                break;
            case 1:
                sock_recv(s, buf, (size_t)rd(&in) * 16 + 1, 0);
                break;
            case 2:
                sock_shutdown(s, SOCK_SHUT_WR);
                break;
            case 3:
                if (s >= 0) {
                    sock_close(s);
                    sd[which] = -1;
                }
                break;
            case 4:
                for (int j = 3; j < 8; j++) {
                    if (sd[j] < 0) {
                        sd[j] = sock_accept(sd[0], NULL, NULL, 0);
                        break;
                    }
                }
                break;
            }
        } else if (op == 5) {
            uint32_t n = rd(&in);
            struct netbuf *nb = netbuf_alloc();
            if (!nb)
                continue;
            uint8_t *u = netbuf_data(nb);
            for (uint32_t j = 0; j < n; j++)
                u[j] = rd(&in);
            if (n >= 8) {                 /* a valid header most of the time */
                net_put16(u + 2, 53);
                net_put16(u + 6, 0);
                if (u[4] & 1)
                    net_put16(u + 4, (uint16_t)n);
            }
            nb->len = (uint16_t)n;
            spin_lock(&net_lock);
            udp_input(PEER, US, nb);
            spin_unlock(&net_lock);
        } else {
            uint8_t b = rd(&in);
            spin_lock(&net_lock);
            struct tcb *t = &tcbs[b % TCP_MAX_CONN];
            if (t->used)
                tcp_unreachable(t->raddr, t->lport, t->rport, b >> 5);
            udp_unreachable(PEER, 53, 5555, b >> 5);
            spin_unlock(&net_lock);
        }
    }
    for (int i = 0; i < 8; i++)
        if (sd[i] >= 0)
            sock_close(sd[i]);
    for (int i = 0; i < 80; i++)
        run_clock(30000000000ull);                 /* 40 minutes: past every retry limit */
    uint64_t c[3] = { 0, 0, 0 };
    net_stats(count_cb, c);
    if (tcp_live() != 0 || c[0] != c[1] + c[2]) {
        fprintf(stderr, "leak: %d control blocks, %llu buffers in use, %llu posted\n", tcp_live(),
                (unsigned long long)c[0], (unsigned long long)c[1]);
        fputs(tcp_netstat((char *)buf, sizeof buf) ? (char *)buf : "", stderr);
        abort();
    }
    return 0;
}
