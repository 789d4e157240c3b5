/*
 * net/tcp.c — TCP (RFC 9293, which replaces RFC 793): reliable byte streams over IPv4.
 *
 * One control block (struct tcb) per connection, from a fixed table. The connection's life:
 *
 *                              +---------+
 *                              | CLOSED  |
 *                              +---------+
 *         listen (socket side)   |     |  connect: send SYN
 *                                v     v
 *   +---------+  rcv SYN:           +----------+
 *   | LISTEN  |  new tcb, send      | SYN_SENT |------------------------+
 *   | (sock)  |  SYN,ACK            +----------+                        |
 *   +---------+        |     rcv SYN,ACK: send ACK |  rcv SYN (simultaneous open):
 *                      v                           |  send SYN,ACK     |
 *               +----------+  rcv ACK of SYN       |                   v
 *               | SYN_RCVD |---------------+       |             (SYN_RCVD)
 *               +----------+               v       v
 *                                       +-------------+
 *                                       | ESTABLISHED |
 *                                       +-------------+
 *              close / shutdown(WR):      |         |  rcv FIN: send ACK
 *              FIN after the data         v         v
 *                                +------------+   +------------+
 *                                | FIN_WAIT_1 |   | CLOSE_WAIT |
 *                                +------------+   +------------+
 *               rcv ACK of FIN   |          |         | close / shutdown(WR):
 *                                v          |         v FIN after the data
 *                       +------------+  rcv FIN:  +----------+
 *                       | FIN_WAIT_2 |  send ACK  | LAST_ACK |
 *                       +------------+      v     +----------+
 *                     rcv FIN:|      +---------+       | rcv ACK of FIN
 *                     send ACK|      | CLOSING |       v
 *                             v      +---------+    CLOSED
 *                       +-----------+    | rcv ACK of FIN
 *                       | TIME_WAIT |<---+
 *                       +-----------+
 *                             | 1 s (TCP_TIME_WAIT_NS)
 *                             v
 *                           CLOSED
 *
 *   From any state: a valid RST, or the retry limit, ends the connection (CLOSED, with the
 *   error ECONNRESET / ECONNREFUSED / ETIMEDOUT kept for the socket); except that TIME_WAIT
 *   ignores an RST (RFC 1337) and CLOSING / LAST_ACK end without an error.
 *
 * LISTEN is not a control block here: a listening socket (net/socket.h: backlog, SYN queue and
 * accept queue counts) answers SYNs, and each connection starts as its own tcb in SYN_RCVD.
 *
 * Sequence space: SYN and FIN each take one sequence number. We keep
 *   snd_una   oldest byte not yet acknowledged (the send buffer's first byte, once the SYN is)
 *   snd_nxt   next sequence number to send (moves back to snd_una on a timeout: go-back-N)
 *   snd_max   highest sequence number sent so far (an ACK up to it is valid even after snd_nxt
 *             moved back)
 *   rcv_nxt   next byte we expect; everything before it is in the receive buffer or was read
 * Comparisons are modulo 2^32 (SEQ_LT below).
 *
 * What is simplified, and why (docs/net.md, "Transport and sockets"):
 * - Out-of-order segments are dropped (and answered with a duplicate ACK): the sender's timeout
 *   resends them. Reassembly would need a second buffer per connection; one hop of QEMU user
 *   networking or the loopback queue never reorders.
 * - Every data segment is ACKed at once (no delayed ACK), so Nagle's algorithm (RFC 896) never
 *   waits long; TCP_NODELAY turns it off.
 * - No congestion control (RFC 5681): a sender fills the peer's window (at most TCP_MAX_FLIGHT
 *   segments). After a timeout it goes back to the oldest unacknowledged byte and resends from
 *   there (go-back-N).
 * - Options: MSS only (sent on SYN, read from SYN); no window scaling, timestamps or SACK, so
 *   the window is at most 65535 (our buffers are smaller anyway). Urgent data is plain data.
 * - Data carried on a SYN or SYN,ACK is dropped (the peer resends it after the handshake).
 * - The initial sequence number is a counter mixed with a 4 µs clock (RFC 793's clock), not
 *   RFC 6528's keyed hash of the four addresses: good enough against old duplicates, not
 *   against an attacker guessing sequence numbers.
 * - RSTs are checked as RFC 5961 says: only one exactly at rcv_nxt resets; one elsewhere in
 *   the window, or a SYN in a synchronized state, gets a "challenge" ACK.
 *
 * Locks: everything here runs with net_lock held: tcp_input on the stack's thread, tcp_timer
 * from its timer, the other calls from net/socket.c. Nothing here sleeps.
 */
#include <string.h>
#include <stdio.h>
#include "net/net.h"
#include "net/socket.h"

#define TCP_MAX_CONN     128
#define TCP_SNDBUF       16384        /* bytes a socket may have queued, sent or not */
#define TCP_RCVBUF       16384        /* bytes received but not read: the most we advertise */
#define TCP_MSS          1460         /* 1500 (Ethernet MTU) - 20 (IPv4) - 20 (TCP) */
#define TCP_MSS_DEFAULT  536          /* a peer that sends no MSS option (RFC 9293 3.7.1) */
#define TCP_RTO_INIT_NS  1000000000ull   /* before any RTT sample (RFC 6298 2.1) */
#define TCP_RTO_MIN_NS   200000000ull    /* Linux's floor; RFC 6298 says 1 s, long for a LAN */
#define TCP_RTO_MAX_NS   60000000000ull
#define TCP_SYN_RETRIES  5            /* 1+2+4+8+16+32 s: a connect gives up after about 63 s */
#define TCP_DATA_RETRIES 8            /* data unacknowledged through 9 timeouts: ETIMEDOUT */
/* TIME_WAIT lasts 2 MSL (RFC 9293: 4 minutes) to let old duplicates die before the same four
 * addresses are used again, and to re-ACK a lost final FIN. We keep 1 s: a test or a REPL
 * session restarts servers on the same port within seconds, the table is small (128 entries),
 * the only paths are the loopback queue and one QEMU hop that holds no segment for seconds, and
 * a new SYN to a TIME_WAIT connection with a higher sequence number reopens it at once anyway;
 * and with the table full, a new connection takes the place of the oldest TIME_WAIT (tcb_alloc). */
#define TCP_TIME_WAIT_NS 1000000000ull
/* An orphan (closed by its socket) waiting in FIN_WAIT_2 for a peer that never closes. */
#define TCP_FIN_WAIT_2_NS 10000000000ull
#define TCP_PERSIST_MAX_NS 5000000000ull
#define TCP_MAX_FLIGHT   16           /* segments sent and not yet acknowledged, at most */

#define TH_FIN 0x01
#define TH_SYN 0x02
#define TH_RST 0x04
#define TH_PSH 0x08
#define TH_ACK 0x10

#define SEQ_LT(a, b)  ((int32_t)((a) - (b)) < 0)
#define SEQ_LEQ(a, b) ((int32_t)((a) - (b)) <= 0)
#define SEQ_GT(a, b)  ((int32_t)((a) - (b)) > 0)
#define SEQ_GEQ(a, b) ((int32_t)((a) - (b)) >= 0)

enum tcp_state {
    TCP_CLOSED, TCP_SYN_SENT, TCP_SYN_RCVD, TCP_ESTABLISHED, TCP_FIN_WAIT_1, TCP_FIN_WAIT_2,
    TCP_CLOSE_WAIT, TCP_CLOSING, TCP_LAST_ACK, TCP_TIME_WAIT,
};
static const char *const state_names[] = {
    "CLOSED", "SYN_SENT", "SYN_RCVD", "ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2",
    "CLOSE_WAIT", "CLOSING", "LAST_ACK", "TIME_WAIT",
};

/* A byte ring: the send buffer (bytes from snd_una on) and the receive buffer. */
struct ring {
    uint8_t *buf;
    uint32_t cap, head, len;          /* the oldest byte is buf[head] */
};

struct tcb {
    uint8_t  used, state;
    uint8_t  fin_queued;              /* the socket shut down writing: FIN after the data */
    uint8_t  rcv_fin;                 /* the peer's FIN arrived (and everything before it) */
    uint8_t  ack_now;                 /* an ACK is owed: tcp_output sends one if no data goes */
    uint8_t  rtt_active;              /* timing one segment (Karn: never a resent one) */
    int      err;                     /* why the connection ended (negative), reported once */
    struct sock *sk;                  /* our socket; NULL: orphan (closing behind) or unaccepted */
    struct sock *listener;            /* the listening socket until accept takes us */
    struct tcb *acc_next;             /* the listener's accept queue */
    uint32_t laddr, raddr;
    uint16_t lport, rport;
    uint32_t iss, snd_una, snd_nxt, snd_max, snd_wnd, snd_wl1, snd_wl2;
    uint32_t irs, rcv_nxt, rcv_wnd_sent;
    uint16_t mss;                     /* the most data we put in one segment */
    uint32_t rtt_seq;                 /* the segment being timed ends here */
    uint64_t rtt_start, srtt, rttvar, rto;   /* ns; srtt 0: no sample yet */
    int      retries;                 /* timeouts in a row without progress */
    int      probes;                  /* zero-window probes in a row the peer left unanswered */
    uint64_t rtx_at;                  /* retransmission deadline, 0 off */
    uint64_t persist_at, persist_ns;  /* zero-window probe deadline (0 off) and its interval */
    uint64_t close_at;                /* TIME_WAIT end, or an orphan's FIN_WAIT_2 limit (0 off) */
    struct ring snd, rcv;
};

static struct tcb tcbs[TCP_MAX_CONN];
static uint8_t sndbufs[TCP_MAX_CONN][TCP_SNDBUF], rcvbufs[TCP_MAX_CONN][TCP_RCVBUF];
static uint32_t isn_counter;
static int tcbs_live;

/* Counters (sock_stats, socket._stats()); the names say what they count. */
enum { C_IN, C_OUT, C_RETRANS, C_RST_OUT, C_BAD, C_OOO, C_ACCEPT_DROP, C_TIMEOUTS,
       C_TW_RECYCLED, C_PROBES, C_COUNT };
static uint64_t counters[C_COUNT];
const char *const tcp_counter_names[TCP_COUNTERS] = {
    "tcp_segs_in", "tcp_segs_out", "tcp_retransmits", "tcp_resets_sent",
    "tcp_bad_segments", "tcp_out_of_order_dropped", "tcp_syn_dropped", "tcp_timeouts",
    "tcp_time_wait_recycled", "tcp_window_probes",
};
_Static_assert(C_COUNT == TCP_COUNTERS, "one name per counter");

/* ---- byte rings ------------------------------------------------------------------------- */
static uint32_t ring_free(const struct ring *r) { return r->cap - r->len; }
static uint32_t ring_put(struct ring *r, const uint8_t *src, uint32_t n)
{
    if (n > ring_free(r))
        n = ring_free(r);
    for (uint32_t done = 0; done < n;) {
        uint32_t at = (r->head + r->len) % r->cap;
        uint32_t chunk = r->cap - at < n - done ? r->cap - at : n - done;
        memcpy(r->buf + at, src + done, chunk);
        r->len += chunk;
        done += chunk;
    }
    return n;
}
/* Copy n bytes starting off bytes after the oldest, without consuming them. */
static void ring_peek(const struct ring *r, uint32_t off, uint8_t *dst, uint32_t n)
{
    for (uint32_t done = 0; done < n;) {
        uint32_t at = (r->head + off + done) % r->cap;
        uint32_t chunk = r->cap - at < n - done ? r->cap - at : n - done;
        memcpy(dst + done, r->buf + at, chunk);
        done += chunk;
    }
}
static void ring_drop(struct ring *r, uint32_t n)
{
    if (n > r->len)
        n = r->len;
    r->head = (r->head + n) % r->cap;
    r->len -= n;
}

/* ---- control blocks --------------------------------------------------------------------- */
static void tcb_free(struct tcb *t);

/* A free control block; with none free, the orphan in TIME_WAIT nearest its end gives its
 * place up early (Linux does the same beyond tcp_max_tw_buckets): TIME_WAIT only guards
 * against old duplicates, and a full table would refuse every new connection for up to 1 s. */
static struct tcb *tcb_alloc(void)
{
    struct tcb *oldest = NULL;
    int i;
    for (i = 0; i < TCP_MAX_CONN; i++) {
        struct tcb *t = &tcbs[i];
        if (!t->used)
            break;
        if (t->state == TCP_TIME_WAIT && !t->sk && (!oldest || t->close_at < oldest->close_at))
            oldest = t;
    }
    if (i == TCP_MAX_CONN && oldest) {
        counters[C_TW_RECYCLED]++;
        tcb_free(oldest);
    }
    for (i = 0; i < TCP_MAX_CONN; i++) {
        struct tcb *t = &tcbs[i];
        if (t->used)
            continue;
        memset(t, 0, sizeof *t);
        t->used = 1;
        t->snd = (struct ring){ sndbufs[i], TCP_SNDBUF, 0, 0 };
        t->rcv = (struct ring){ rcvbufs[i], TCP_RCVBUF, 0, 0 };
        t->rto = TCP_RTO_INIT_NS;
        t->mss = TCP_MSS_DEFAULT;
        /* RFC 793's clock ticks every 4 µs; the counter keeps two connections opened in the
         * same tick apart. */
        isn_counter += 64000;
        t->iss = (uint32_t)(net_now_ns() >> 12) + isn_counter;
        tcbs_live++;
        return t;
    }
    return NULL;
}

/* Take a not-yet-accepted connection off its listener's queues. */
static void tcb_unlink_listener(struct tcb *t)
{
    struct sock *l = t->listener;
    if (!l)
        return;
    t->listener = NULL;
    for (struct tcb **pp = &l->accq_head, *prev = NULL; *pp; prev = *pp, pp = &(*pp)->acc_next) {
        if (*pp == t) {                           /* established, waiting for accept */
            *pp = t->acc_next;
            if (l->accq_tail == t)
                l->accq_tail = prev;
            l->accq_len--;
            return;
        }
    }
    l->synq_len--;                                /* still in the handshake */
}

static void tcb_free(struct tcb *t)
{
    tcb_unlink_listener(t);
    if (t->sk) {
        t->sk->tcb = NULL;
        sock_wake(t->sk);
    }
    t->used = 0;
    tcbs_live--;
    sock_tcb_freed();
}

/* The connection is over. With a socket it stays (CLOSED, holding unread data and the error)
 * until the socket closes; without one it is freed now. */
static void tcb_finish(struct tcb *t, int err)
{
    t->state = TCP_CLOSED;
    t->rtx_at = t->persist_at = t->close_at = 0;
    if (err && !t->err)
        t->err = err;
    if (!t->sk) {
        tcb_free(t);
        return;
    }
    sock_wake(t->sk);
}

/* ---- sending ---------------------------------------------------------------------------- */
static uint32_t rcv_window(const struct tcb *t)
{
    uint32_t w = ring_free(&t->rcv);
    return w > 65535 ? 65535 : w;
}

/* One segment from laddr:lport to raddr:rport (a connection's, or an RST for none): n bytes of
 * data from the ring at data_off. ip_output's result (0: sent, or lost like any on the wire). */
static int tcp_send_bare(uint32_t laddr, uint32_t raddr, uint16_t lport, uint16_t rport,
                          uint32_t seq, uint32_t ack, uint8_t flags, uint16_t wnd,
                          const struct ring *data, uint32_t data_off, uint32_t n, int mss_opt)
{
    struct netbuf *nb = netbuf_alloc();
    if (!nb)
        return 0;                                 /* the pool is empty: as if lost on the wire */
    if (n)
        ring_peek(data, data_off, netbuf_data(nb), n);
    nb->len = (uint16_t)n;
    uint32_t hlen = mss_opt ? 24 : 20;
    uint8_t *h = netbuf_push(nb, hlen);
    net_put16(h, lport);
    net_put16(h + 2, rport);
    net_put32(h + 4, seq);
    net_put32(h + 8, ack);
    h[12] = (uint8_t)((hlen / 4) << 4);           /* data offset, in 32-bit words */
    h[13] = flags;
    net_put16(h + 14, wnd);
    net_put16(h + 16, 0);                          /* checksum, below */
    net_put16(h + 18, 0);                          /* urgent pointer: never used */
    if (mss_opt) {
        h[20] = 2;                                 /* kind 2: MSS, length 4 */
        h[21] = 4;
        net_put16(h + 22, TCP_MSS);
    }
    uint16_t len = (uint16_t)(hlen + n);
    net_put16(h + 16, inet_checksum(h, len, inet_pseudo_sum(laddr, raddr, IP_PROTO_TCP, len)));
    counters[C_OUT]++;
    if (flags & TH_RST)
        counters[C_RST_OUT]++;
    return ip_output(laddr, raddr, IP_PROTO_TCP, nb);
}

/* Send one segment of connection t: seq, flags, and n bytes of the send buffer from off. */
static int tcp_xmit(struct tcb *t, uint32_t seq, uint8_t flags, uint32_t off, uint32_t n)
{
    uint16_t wnd = (uint16_t)rcv_window(t);
    t->rcv_wnd_sent = wnd;
    int syn = (flags & TH_SYN) != 0;
    return tcp_send_bare(t->laddr, t->raddr, t->lport, t->rport, seq,
                         (flags & TH_ACK) ? t->rcv_nxt : 0, flags, wnd, &t->snd, off, n, syn);
}

static uint64_t rto_backed_off(const struct tcb *t)
{
    uint64_t r = t->rto;
    for (int i = 0; i < t->retries && r < TCP_RTO_MAX_NS; i++)
        r *= 2;
    return r > TCP_RTO_MAX_NS ? TCP_RTO_MAX_NS : r;
}

static void arm_rtx(struct tcb *t)
{
    t->rtx_at = net_now_ns() + rto_backed_off(t);
}

/* Our SYN (active open) or SYN,ACK (passive): one sequence number, iss; the MSS option. */
static int send_syn(struct tcb *t)
{
    uint8_t flags = t->state == TCP_SYN_RCVD ? TH_SYN | TH_ACK : TH_SYN;
    int r = tcp_xmit(t, t->iss, flags, 0, 0);
    t->snd_nxt = t->iss + 1;
    if (SEQ_GT(t->snd_nxt, t->snd_max))
        t->snd_max = t->snd_nxt;
    if (!t->rtx_at)
        arm_rtx(t);
    return r;
}

/* Is our FIN due (the socket shut down writing) in this state? */
static int fin_state(const struct tcb *t)
{
    return t->fin_queued && (t->state == TCP_FIN_WAIT_1 || t->state == TCP_CLOSING ||
                             t->state == TCP_LAST_ACK);
}

/* Send what the window and Nagle allow, our FIN when its turn comes, else an owed ACK. */
static void tcp_output(struct tcb *t)
{
    int sent = 0;
    int synced = t->state == TCP_ESTABLISHED || t->state == TCP_CLOSE_WAIT ||
                 t->state == TCP_FIN_WAIT_1 || t->state == TCP_CLOSING || t->state == TCP_LAST_ACK;
    while (synced) {
        uint32_t off = t->snd_nxt - t->snd_una;         /* bytes of the buffer already sent */
        if (off > t->snd.len)
            break;                                      /* our FIN is already out */
        uint32_t unsent = t->snd.len - off;
        /* The peer's window, but never more than TCP_MAX_FLIGHT segments in flight: a peer
         * announcing a tiny MSS could otherwise make one call take hundreds of the pool's
         * buffers (with a normal MSS the 16 KiB buffer is the limit first). */
        uint32_t wnd = t->snd_wnd < TCP_MAX_FLIGHT * (uint32_t)t->mss ? t->snd_wnd
                                                                      : TCP_MAX_FLIGHT * (uint32_t)t->mss;
        uint32_t wnd_end = t->snd_una + wnd;
        uint32_t usable = SEQ_GT(wnd_end, t->snd_nxt) ? wnd_end - t->snd_nxt : 0;
        uint32_t n = unsent < usable ? unsent : usable;
        if (n > t->mss)
            n = t->mss;
        int fin = fin_state(t) && off + n == t->snd.len;
        if (n == 0 && !fin)
            break;
        /* Nagle (RFC 896): while data is unacknowledged, hold a small segment back until the
         * ACK comes or a full one can go. We ACK at once, so the wait is one round trip. */
        if (!fin && n < t->mss && n == unsent && t->snd_nxt != t->snd_una && !(t->sk && t->sk->nodelay))
            break;
        uint8_t flags = TH_ACK | (n ? TH_PSH : 0) | (fin ? TH_FIN : 0);
        if (!t->rtt_active && t->snd_nxt == t->snd_max) {   /* new data: time it */
            t->rtt_active = 1;
            t->rtt_seq = t->snd_nxt + n + (uint32_t)fin;
            t->rtt_start = net_now_ns();
        }
        if (t->snd_nxt != t->snd_max)
            counters[C_RETRANS]++;
        tcp_xmit(t, t->snd_nxt, flags, off, n);
        t->snd_nxt += n + (uint32_t)fin;
        if (SEQ_GT(t->snd_nxt, t->snd_max))
            t->snd_max = t->snd_nxt;
        if (!t->rtx_at)
            arm_rtx(t);
        t->persist_at = 0;
        sent = 1;
    }
    if (!sent && t->ack_now) {
        if (t->state == TCP_SYN_RCVD)
            send_syn(t);                              /* our "ACK" there is the SYN,ACK again */
        else if (t->state != TCP_CLOSED && t->state != TCP_SYN_SENT)
            tcp_xmit(t, t->snd_nxt, TH_ACK, 0, 0);
    }
    t->ack_now = 0;
    /* Zero window with data waiting and nothing in flight: no ACK will come to reopen it, so
     * probe now and then until one does (the window update itself may have been lost). */
    if (synced && t->snd_wnd == 0 && t->snd.len > t->snd_nxt - t->snd_una &&
        t->snd_nxt == t->snd_una && !t->persist_at) {
        t->rtx_at = 0;
        if (!t->persist_ns)
            t->persist_ns = t->rto;
        t->persist_at = net_now_ns() + t->persist_ns;
    }
}

/* RST in answer to a segment that belongs to no connection (RFC 9293 3.10.7.1). */
static void send_reset_for(uint32_t src, uint32_t dst, uint16_t sport, uint16_t dport,
                           uint32_t seq, uint32_t ack, uint8_t flags, uint32_t seglen)
{
    if (flags & TH_RST)
        return;                                   /* never answer a reset with a reset */
    if (flags & TH_ACK)
        tcp_send_bare(dst, src, dport, sport, ack, 0, TH_RST, 0, NULL, 0, 0, 0);
    else
        tcp_send_bare(dst, src, dport, sport, 0, seq + seglen, TH_RST | TH_ACK, 0, NULL, 0, 0, 0);
}

/* ---- round-trip time (RFC 6298) --------------------------------------------------------- */
static void rtt_sample(struct tcb *t, uint64_t r)
{
    if (t->srtt == 0) {
        t->srtt = r ? r : 1;
        t->rttvar = r / 2;
    } else {
        uint64_t d = t->srtt > r ? t->srtt - r : r - t->srtt;
        t->rttvar = (3 * t->rttvar + d) / 4;
        t->srtt = (7 * t->srtt + r) / 8;
    }
    uint64_t var4 = 4 * t->rttvar;
    if (var4 < NET_TICK_NS)
        var4 = NET_TICK_NS;                       /* G, the clock granularity: our timer tick */
    t->rto = t->srtt + var4;
    if (t->rto < TCP_RTO_MIN_NS)
        t->rto = TCP_RTO_MIN_NS;
    if (t->rto > TCP_RTO_MAX_NS)
        t->rto = TCP_RTO_MAX_NS;
}

/* ---- receiving -------------------------------------------------------------------------- */
static struct tcb *tcb_lookup(uint32_t src, uint32_t dst, uint16_t sport, uint16_t dport)
{
    for (int i = 0; i < TCP_MAX_CONN; i++) {
        struct tcb *t = &tcbs[i];
        if (t->used && t->state != TCP_CLOSED && t->lport == dport && t->rport == sport &&
            t->laddr == dst && t->raddr == src)
            return t;
    }
    return NULL;
}

static struct sock *listener_lookup(uint32_t dst, uint16_t dport)
{
    for (int i = 0; i < SOCK_MAX; i++) {
        struct sock *sk = &sock_table[i];
        if (sk->used && sk->type == SOCK_STREAM && sk->listening && sk->lport == dport &&
            (sk->laddr == 0 || sk->laddr == dst))
            return sk;
    }
    return NULL;
}

/* A SYN for a listening socket: a new connection in SYN_RCVD, unless the queues are full. */
static void passive_open(struct sock *l, uint32_t src, uint32_t dst, uint16_t sport,
                         uint16_t dport, uint32_t seq, uint16_t wnd, uint16_t peer_mss)
{
    struct tcb *t = NULL;
    /* The SYN queue and the accept queue together hold at most backlog connections. A full
     * queue drops the SYN silently (no RST): the client's retransmission may find room. */
    if (l->synq_len + l->accq_len >= l->backlog || !(t = tcb_alloc())) {
        counters[C_ACCEPT_DROP]++;
        return;
    }
    t->state = TCP_SYN_RCVD;
    t->listener = l;
    l->synq_len++;
    t->laddr = dst;
    t->raddr = src;
    t->lport = dport;
    t->rport = sport;
    t->irs = seq;
    t->rcv_nxt = seq + 1;
    t->snd_una = t->snd_max = t->iss;
    t->snd_wnd = wnd;
    t->snd_wl1 = seq;
    t->mss = peer_mss;
    send_syn(t);
}

/* The MSS option of a SYN (RFC 9293 3.2), walking the options with every length checked.
 * Malformed options: -1 (the segment is dropped). */
static int parse_options(const uint8_t *o, uint32_t n, uint16_t *mss)
{
    uint32_t i = 0;
    while (i < n) {
        uint8_t kind = o[i];
        if (kind == 0)
            break;                                /* end of options */
        if (kind == 1) {
            i++;                                  /* no-operation (padding) */
            continue;
        }
        if (i + 1 >= n)
            return -1;                            /* a kind without its length byte */
        uint8_t len = o[i + 1];
        if (len < 2 || i + len > n)
            return -1;                            /* a length that loops or overruns */
        if (kind == 2) {
            if (len != 4)
                return -1;
            uint16_t v = net_get16(o + i + 2);
            *mss = v < 64 ? 64 : v > TCP_MSS ? TCP_MSS : v;   /* never below 64: no tiny segments */
        }
        i += len;
    }
    return 0;
}

/* The ACK field of a segment on a synchronized connection: what it acknowledges, the window.
 * 0 to go on with the segment, -1 it was dropped (or answered) here. */
static int process_ack(struct tcb *t, uint32_t seq, uint32_t ack, uint16_t wnd)
{
    t->probes = 0;                                /* the peer is there */
    if (t->state == TCP_SYN_RCVD) {
        if (!(SEQ_LT(t->snd_una, ack) && SEQ_LEQ(ack, t->snd_max))) {
            send_reset_for(t->raddr, t->laddr, t->rport, t->lport, seq, ack, TH_ACK, 0);
            return -1;
        }
        /* The handshake is complete: onto the listener's accept queue. */
        struct sock *l = t->listener;
        t->state = TCP_ESTABLISHED;
        t->snd_una = ack;
        t->snd_wnd = wnd;
        t->snd_wl1 = seq;
        t->snd_wl2 = ack;
        t->retries = 0;
        t->rtx_at = 0;
        if (l) {
            l->synq_len--;
            l->accq_len++;
            t->acc_next = NULL;
            if (l->accq_tail)
                l->accq_tail->acc_next = t;
            else
                l->accq_head = t;
            l->accq_tail = t;
            sock_wake(l);
        } else if (t->sk) {
            sock_wake(t->sk);                     /* a simultaneous open completed */
        }
        return 0;
    }
    if (SEQ_GT(ack, t->snd_max)) {                /* acknowledges what we never sent */
        t->ack_now = 1;
        return -1;
    }
    if (SEQ_GT(ack, t->snd_una)) {
        uint32_t acked = ack - t->snd_una;
        uint32_t data = acked < t->snd.len ? acked : t->snd.len;
        int fin_acked = fin_state(t) && acked > t->snd.len;
        ring_drop(&t->snd, data);
        t->snd_una = ack;
        if (SEQ_LT(t->snd_nxt, t->snd_una))
            t->snd_nxt = t->snd_una;
        if (t->rtt_active && SEQ_GEQ(ack, t->rtt_seq)) {
            rtt_sample(t, net_now_ns() - t->rtt_start);
            t->rtt_active = 0;
        }
        t->retries = 0;
        t->rtx_at = 0;
        if (t->snd_una != t->snd_max)
            arm_rtx(t);                           /* more in flight: time it from now */
        if (t->sk)
            sock_wake(t->sk);                     /* buffer space for a waiting sender */
        if (fin_acked) {
            if (t->state == TCP_FIN_WAIT_1) {
                t->state = TCP_FIN_WAIT_2;
                if (!t->sk)
                    t->close_at = net_now_ns() + TCP_FIN_WAIT_2_NS;
            } else if (t->state == TCP_CLOSING) {
                t->state = TCP_TIME_WAIT;
                t->close_at = net_now_ns() + TCP_TIME_WAIT_NS;
            } else if (t->state == TCP_LAST_ACK) {
                tcb_finish(t, 0);
                return -1;
            }
        }
    }
    /* The window: only from a segment newer than the one that last set it (RFC 9293 3.10.7.4). */
    if (SEQ_LT(t->snd_wl1, seq) || (t->snd_wl1 == seq && SEQ_LEQ(t->snd_wl2, ack))) {
        t->snd_wnd = wnd;
        t->snd_wl1 = seq;
        t->snd_wl2 = ack;
        if (wnd) {
            t->persist_at = 0;
            t->persist_ns = 0;
        }
    }
    return 0;
}

/* A segment for connection t in SYN_SENT (our SYN is out). */
static void input_syn_sent(struct tcb *t, uint8_t flags, uint32_t seq, uint32_t ack,
                           uint16_t wnd, uint16_t peer_mss)
{
    int ack_ok = (flags & TH_ACK) && SEQ_GT(ack, t->iss) && SEQ_LEQ(ack, t->snd_max);
    if ((flags & TH_ACK) && !ack_ok) {
        send_reset_for(t->raddr, t->laddr, t->rport, t->lport, seq, ack, flags, 0);
        return;
    }
    if (flags & TH_RST) {
        if (ack_ok)
            tcb_finish(t, -NET_ECONNREFUSED);     /* nobody listens there */
        return;
    }
    if (!(flags & TH_SYN))
        return;
    t->irs = seq;
    t->rcv_nxt = seq + 1;
    t->mss = peer_mss;
    t->snd_wnd = wnd;
    t->snd_wl1 = seq;
    t->snd_wl2 = ack;
    if (ack_ok) {
        t->state = TCP_ESTABLISHED;
        t->snd_una = ack;
        if (t->rtt_active)
            rtt_sample(t, net_now_ns() - t->rtt_start);
        t->rtt_active = 0;
        t->retries = 0;
        t->rtx_at = 0;
        t->ack_now = 1;
        if (t->sk)
            sock_wake(t->sk);
        tcp_output(t);
    } else {
        t->state = TCP_SYN_RCVD;                  /* simultaneous open: both sent SYNs */
        send_syn(t);
    }
}

void tcp_input(uint32_t src, uint32_t dst, struct netbuf *nb)
{
    counters[C_IN]++;
    uint8_t *h = netbuf_data(nb);
    uint32_t len = nb->len;
    if (len < 20)
        goto bad;
    uint32_t hlen = (uint32_t)(h[12] >> 4) * 4;
    if (hlen < 20 || hlen > len)
        goto bad;                                 /* data offset outside the segment */
    if (inet_checksum(h, len, inet_pseudo_sum(src, dst, IP_PROTO_TCP, (uint16_t)len)) != 0)
        goto bad;
    uint16_t sport = net_get16(h), dport = net_get16(h + 2);
    uint32_t seq = net_get32(h + 4), ack = net_get32(h + 8);
    uint8_t flags = h[13] & 0x3f;
    uint16_t wnd = net_get16(h + 14);
    uint16_t peer_mss = TCP_MSS_DEFAULT;
    if (sport == 0 || dport == 0)
        goto bad;
    if ((flags & TH_SYN) && parse_options(h + 20, hlen - 20, &peer_mss) < 0)
        goto bad;
    if ((flags & (TH_SYN | TH_FIN)) == (TH_SYN | TH_FIN) || (flags & (TH_SYN | TH_RST)) == (TH_SYN | TH_RST))
        goto bad;                                 /* contradictory flags: no stack sends these */
    const uint8_t *data = h + hlen;
    uint32_t dlen = len - hlen;
    uint32_t seglen = dlen + ((flags & TH_SYN) ? 1 : 0) + ((flags & TH_FIN) ? 1 : 0);

    struct tcb *t = tcb_lookup(src, dst, sport, dport);
    /* A new SYN to a connection in TIME_WAIT, beyond everything it received, starts a new
     * incarnation at once (RFC 6191's idea, without timestamps). */
    if (t && t->state == TCP_TIME_WAIT && (flags & (TH_SYN | TH_ACK)) == TH_SYN &&
        SEQ_GT(seq, t->rcv_nxt)) {
        tcb_finish(t, 0);
        t = NULL;
    }
    if (!t) {
        struct sock *l = (flags & (TH_SYN | TH_ACK | TH_RST)) == TH_SYN ? listener_lookup(dst, dport) : NULL;
        if (l)
            passive_open(l, src, dst, sport, dport, seq, wnd, peer_mss);
        else
            send_reset_for(src, dst, sport, dport, seq, ack, flags, seglen);
        goto done;
    }
    if (t->state == TCP_SYN_SENT) {
        input_syn_sent(t, flags, seq, ack, wnd, peer_mss);
        goto done;
    }

    /* Synchronized states. First: is the segment the next in order (RFC 9293 3.10.7.4 first
     * check, narrowed: we keep no out-of-order data)? A segment may start before rcv_nxt
     * (part of it resent): that part is trimmed. */
    uint32_t rwnd = rcv_window(t);
    if (t->state == TCP_SYN_RCVD && (flags & TH_SYN) && seq == t->irs && !(flags & TH_ACK)) {
        send_syn(t);                              /* our SYN,ACK was lost: the peer resent SYN */
        goto done;
    }
    int in_order = seglen == 0 ? seq == t->rcv_nxt
                               : SEQ_LEQ(seq, t->rcv_nxt) && SEQ_GT(seq + seglen, t->rcv_nxt);
    if (!in_order) {
        if (seglen && SEQ_GT(seq, t->rcv_nxt) && SEQ_LT(seq, t->rcv_nxt + rwnd))
            counters[C_OOO]++;                    /* a gap before it: dropped, the ACK says where */
        int rst_in_window = (flags & TH_RST) && SEQ_GT(seq, t->rcv_nxt) &&
                            SEQ_LT(seq, t->rcv_nxt + (rwnd ? rwnd : 1));
        if (!(flags & TH_RST) || rst_in_window)   /* RFC 5961 3.2: a challenge ACK */
            t->ack_now = 1;
        tcp_output(t);
        goto done;
    }
    uint32_t skip = t->rcv_nxt - seq;             /* already received: trim the front */
    if (flags & TH_SYN) {
        if (skip == 0) {                          /* RFC 5961 4.2: a SYN in sync: challenge ACK */
            t->ack_now = 1;
            tcp_output(t);
            goto done;
        }
        flags &= (uint8_t)~TH_SYN;
        skip--;
        seq++;
    }
    if (skip > dlen) {
        skip = dlen;                              /* only the FIN is left (seglen > skip holds) */
    }
    data += skip;
    dlen -= skip;
    seq += skip;

    if (flags & TH_RST) {                         /* exactly at rcv_nxt: a genuine reset */
        if (t->state == TCP_SYN_RCVD && t->listener)
            tcb_free(t);                          /* back to LISTEN: forget the attempt */
        else if (t->state == TCP_TIME_WAIT)
            ;   /* RFC 1337: a reset must not cut TIME_WAIT short ("TIME-WAIT assassination") */
        else if (t->state == TCP_CLOSING || t->state == TCP_LAST_ACK)
            tcb_finish(t, 0);                     /* both sides had finished: nothing lost */
        else
            tcb_finish(t, t->state == TCP_SYN_RCVD ? -NET_ECONNREFUSED : -NET_ECONNRESET);
        goto done;
    }
    if (!(flags & TH_ACK))
        goto done;                                /* past the handshake every segment ACKs */
    if (process_ack(t, seq, ack, wnd) < 0) {
        if (t->used && t->state != TCP_CLOSED)
            tcp_output(t);
        goto done;
    }

    /* Data and FIN: only where the peer may still send (it has not sent its FIN yet). */
    if (t->state == TCP_ESTABLISHED || t->state == TCP_FIN_WAIT_1 || t->state == TCP_FIN_WAIT_2) {
        if (dlen && !t->sk && !t->listener) {
            /* Our socket is closed: nobody will read this. Reset (RFC 9293 3.10.7.4 / Linux). */
            tcp_send_bare(t->laddr, t->raddr, t->lport, t->rport, t->snd_nxt, 0, TH_RST, 0, NULL, 0, 0, 0);
            tcb_finish(t, -NET_ECONNRESET);
            goto done;
        }
        uint32_t took = dlen ? ring_put(&t->rcv, data, dlen) : 0;   /* beyond the window: cut */
        t->rcv_nxt += took;
        if (dlen)
            t->ack_now = 1;                       /* ACK every data segment at once */
        if ((flags & TH_FIN) && took == dlen) {
            t->rcv_nxt++;
            t->rcv_fin = 1;
            t->ack_now = 1;
            if (t->state == TCP_ESTABLISHED) {
                t->state = TCP_CLOSE_WAIT;
            } else if (t->state == TCP_FIN_WAIT_1) {
                t->state = TCP_CLOSING;           /* our FIN is not acknowledged yet */
            } else {
                t->state = TCP_TIME_WAIT;
                t->close_at = net_now_ns() + TCP_TIME_WAIT_NS;
            }
        }
        if ((took || t->rcv_fin) && t->sk)
            sock_wake(t->sk);
    } else if (t->state == TCP_TIME_WAIT && (flags & TH_FIN)) {
        t->ack_now = 1;                           /* cannot happen: an old FIN is trimmed above */
    }
    if (t->used && t->state != TCP_CLOSED)
        tcp_output(t);
    goto done;
bad:
    counters[C_BAD]++;
done:
    netbuf_free(nb);
}

void tcp_unreachable(uint32_t dst, uint16_t sport, uint16_t dport, int code)
{
    for (int i = 0; i < TCP_MAX_CONN; i++) {
        struct tcb *t = &tcbs[i];
        /* Only a connection still opening gives up: to an established one this is a "soft"
         * error (RFC 1122 4.2.3.9), which the retransmissions will outlast or time out on. */
        if (t->used && t->state == TCP_SYN_SENT && t->raddr == dst && t->lport == sport &&
            t->rport == dport)
            tcb_finish(t, code == 2 || code == 3 ? -NET_ECONNREFUSED
                          : code == 0 ? -NET_ENETUNREACH : -NET_EHOSTUNREACH);
    }
}

/* ---- timers ----------------------------------------------------------------------------- */
static void rtx_timeout(struct tcb *t)
{
    t->rtx_at = 0;
    int limit = t->state == TCP_SYN_SENT || t->state == TCP_SYN_RCVD ? TCP_SYN_RETRIES
                                                                       : TCP_DATA_RETRIES;
    if (t->retries >= limit) {
        counters[C_TIMEOUTS]++;
        if (t->state == TCP_SYN_RCVD && t->listener) {
            tcb_free(t);                          /* a half-open attempt: just forget it */
            return;
        }
        tcb_finish(t, -NET_ETIMEDOUT);
        return;
    }
    t->retries++;
    t->rtt_active = 0;                            /* Karn: never time a resent segment */
    if (t->state == TCP_SYN_SENT || t->state == TCP_SYN_RCVD) {
        counters[C_RETRANS]++;
        send_syn(t);
        return;
    }
    if (t->snd_una == t->snd_max)
        return;                                   /* everything was acknowledged meanwhile */
    t->snd_nxt = t->snd_una;                      /* go back: resend from the oldest byte */
    if (t->snd_wnd == 0 && !(fin_state(t) && t->snd.len == 0)) {
        t->retries--;                             /* the window closed: probe instead */
        t->persist_at = 0;
        tcp_output(t);
        return;
    }
    arm_rtx(t);
    tcp_output(t);
}

/* Zero-window probe: a segment just below the window (seq snd_una - 1, no data) that any TCP
 * answers with an ACK carrying its current window. It takes no sequence number; the interval
 * doubles up to TCP_PERSIST_MAX_NS. A peer that answers keeps the connection alive however
 * long its window stays shut; one that answers none of TCP_DATA_RETRIES probes in a row is
 * gone (ETIMEDOUT), or an orphan with data queued would wait for it for ever. */
static void persist_timeout(struct tcb *t)
{
    t->persist_at = 0;
    counters[C_PROBES]++;
    if (++t->probes > TCP_DATA_RETRIES) {
        counters[C_TIMEOUTS]++;                   /* the peer has gone quiet, window shut */
        tcb_finish(t, -NET_ETIMEDOUT);
        return;
    }
    tcp_xmit(t, t->snd_una - 1, TH_ACK, 0, 0);
    t->persist_ns *= 2;
    if (t->persist_ns > TCP_PERSIST_MAX_NS)
        t->persist_ns = TCP_PERSIST_MAX_NS;
    if (t->persist_ns < TCP_RTO_MIN_NS)
        t->persist_ns = TCP_RTO_MIN_NS;
    t->persist_at = net_now_ns() + t->persist_ns;
}

void tcp_timer(uint64_t now_ns)
{
    for (int i = 0; i < TCP_MAX_CONN; i++) {
        struct tcb *t = &tcbs[i];
        if (!t->used || t->state == TCP_CLOSED)
            continue;
        if (t->close_at && now_ns >= t->close_at) {
            t->close_at = 0;
            if (t->state == TCP_TIME_WAIT || !t->sk) {
                tcb_finish(t, 0);                 /* TIME_WAIT over, or an orphan gave up */
                continue;
            }
        }
        if (t->rtx_at && now_ns >= t->rtx_at)
            rtx_timeout(t);
        if (t->used && t->state != TCP_CLOSED && t->persist_at && now_ns >= t->persist_at)
            persist_timeout(t);
    }
}

/* ---- the socket layer's calls (net/socket.h) -------------------------------------------- */
int tcp_connect(struct sock *sk)
{
    struct tcb *t = tcb_alloc();
    if (!t)
        return -NET_ENOBUFS;
    t->state = TCP_SYN_SENT;
    t->laddr = sk->laddr;
    t->raddr = sk->raddr;
    t->lport = sk->lport;
    t->rport = sk->rport;
    t->snd_una = t->snd_max = t->iss;
    t->sk = sk;
    sk->tcb = t;
    t->rtt_active = 1;                            /* time the handshake (unless resent) */
    t->rtt_start = net_now_ns();
    int r = send_syn(t);
    if (r == -NET_ENETUNREACH) {                  /* no route (no device): say so at once */
        sk->tcb = NULL;
        t->sk = NULL;
        tcb_free(t);
        return r;
    }
    return 0;
}

int tcp_connect_result(struct sock *sk)
{
    struct tcb *t = sk->tcb;
    if (!t)
        return -NET_ECONNABORTED;
    if (t->state == TCP_SYN_SENT || t->state == TCP_SYN_RCVD)
        return 1;
    if (t->state == TCP_CLOSED && t->err) {
        int e = t->err;
        t->err = 0;
        return e;
    }
    return 0;
}

long tcp_send(struct sock *sk, const void *buf, size_t n)
{
    struct tcb *t = sk->tcb;
    if (!t)
        return -NET_EPIPE;
    if (t->err) {
        int e = t->err;
        t->err = 0;
        return e;
    }
    if (t->fin_queued || t->state == TCP_CLOSED)
        return -NET_EPIPE;
    if (t->state == TCP_SYN_SENT || t->state == TCP_SYN_RCVD)
        return 0;                                 /* wait for the handshake */
    if (n > TCP_SNDBUF)
        n = TCP_SNDBUF;
    uint32_t took = ring_put(&t->snd, buf, (uint32_t)n);
    if (took)
        tcp_output(t);
    return took;
}

long tcp_recv(struct sock *sk, void *buf, size_t n)
{
    struct tcb *t = sk->tcb;
    if (!t)
        return 0;
    if (t->rcv.len && n) {
        uint32_t k = n < t->rcv.len ? (uint32_t)n : t->rcv.len;
        ring_peek(&t->rcv, 0, buf, k);
        ring_drop(&t->rcv, k);
        /* Tell the peer the window reopened if it had (nearly) closed: otherwise a sender that
         * saw a zero window waits for its probe timer. */
        uint32_t w = rcv_window(t);
        uint32_t step = t->mss * 2 < TCP_RCVBUF / 2 ? t->mss * 2u : TCP_RCVBUF / 2;
        int peer_may_send = t->state == TCP_ESTABLISHED || t->state == TCP_FIN_WAIT_1 ||
                            t->state == TCP_FIN_WAIT_2;  /* not after its FIN: nothing to tell */
        if (peer_may_send && w >= t->rcv_wnd_sent + step) {
            t->ack_now = 1;
            tcp_output(t);
        }
        return k;
    }
    if (t->err) {
        int e = t->err;
        t->err = 0;
        return e;
    }
    if (t->rcv_fin || t->state == TCP_CLOSED)
        return 0;
    if (n == 0)
        return 0;
    return -NET_EAGAIN;
}

int tcp_shutdown_wr(struct sock *sk)
{
    struct tcb *t = sk->tcb;
    if (!t || t->state == TCP_SYN_SENT || t->state == TCP_SYN_RCVD)
        return -NET_ENOTCONN;
    if (t->fin_queued)
        return 0;
    if (t->state == TCP_ESTABLISHED)
        t->state = TCP_FIN_WAIT_1;
    else if (t->state == TCP_CLOSE_WAIT)
        t->state = TCP_LAST_ACK;
    else
        return 0;                                 /* CLOSED, TIME_WAIT: nothing to send */
    t->fin_queued = 1;
    tcp_output(t);
    return 0;
}

void tcp_close(struct sock *sk)
{
    struct tcb *t = sk->tcb;
    if (!t)
        return;
    sk->tcb = NULL;
    t->sk = NULL;
    if (t->state == TCP_CLOSED || t->state == TCP_SYN_SENT || t->state == TCP_SYN_RCVD) {
        tcb_free(t);                              /* nothing to close on the wire */
        return;
    }
    if (t->rcv.len) {
        /* Unread data: the peer must not believe it was delivered (RFC 2525 2.17; Linux too). */
        tcp_send_bare(t->laddr, t->raddr, t->lport, t->rport, t->snd_nxt, 0, TH_RST, 0, NULL, 0, 0, 0);
        tcb_free(t);
        return;
    }
    if (t->state == TCP_ESTABLISHED || t->state == TCP_CLOSE_WAIT) {
        t->state = t->state == TCP_ESTABLISHED ? TCP_FIN_WAIT_1 : TCP_LAST_ACK;
        t->fin_queued = 1;
        tcp_output(t);
    } else if (t->state == TCP_FIN_WAIT_2) {
        t->close_at = net_now_ns() + TCP_FIN_WAIT_2_NS;
    }
    /* Now an orphan: the timers and the peer's segments finish it (TIME_WAIT, then free). */
}

void tcp_close_listener(struct sock *sk)
{
    for (int i = 0; i < TCP_MAX_CONN; i++) {
        struct tcb *t = &tcbs[i];
        if (!t->used || t->listener != sk)
            continue;
        tcp_send_bare(t->laddr, t->raddr, t->lport, t->rport, t->snd_nxt, 0, TH_RST, 0, NULL, 0, 0, 0);
        tcb_free(t);
    }
    sk->accq_head = sk->accq_tail = NULL;
    sk->accq_len = sk->synq_len = 0;
}

struct tcb *tcp_accept_pop(struct sock *sk)
{
    struct tcb *t = sk->accq_head;
    if (!t)
        return NULL;
    sk->accq_head = t->acc_next;
    if (!sk->accq_head)
        sk->accq_tail = NULL;
    sk->accq_len--;
    t->acc_next = NULL;
    t->listener = NULL;
    return t;
}

void tcp_attach(struct tcb *t, struct sock *sk)
{
    t->sk = sk;
    sk->tcb = t;
    sk->laddr = t->laddr;
    sk->lport = t->lport;
    sk->raddr = t->raddr;
    sk->rport = t->rport;
    sk->bound = sk->connected = 1;
}

int tcp_port_held(uint16_t lport)
{
    for (int i = 0; i < TCP_MAX_CONN; i++)
        if (tcbs[i].used && !tcbs[i].sk && tcbs[i].lport == lport)
            return 1;
    return 0;
}

int tcp_live(void) { return tcbs_live; }

int tcp_undelivered(void)
{
    int n = 0;
    for (int i = 0; i < TCP_MAX_CONN; i++) {
        struct tcb *t = &tcbs[i];
        int fin_owed = fin_state(t);              /* our FIN not yet acknowledged */
        if (t->used && t->state != TCP_CLOSED && t->state != TCP_SYN_SENT &&
            t->state != TCP_SYN_RCVD && (t->snd.len || t->snd_una != t->snd_max || fin_owed))
            n++;
    }
    return n;
}

void tcp_counters(uint64_t out[TCP_COUNTERS]) { memcpy(out, counters, sizeof counters); }

static void put_addr(char *b, size_t cap, uint32_t a, uint16_t p)
{
    snprintf(b, cap, "%u.%u.%u.%u:%u", (unsigned)(a >> 24), (unsigned)(a >> 16 & 255),
             (unsigned)(a >> 8 & 255), (unsigned)(a & 255), (unsigned)p);
}

size_t tcp_netstat(char *out, size_t cap)
{
    size_t o = 0;
    for (int i = 0; i < TCP_MAX_CONN && o + 1 < cap; i++) {
        struct tcb *t = &tcbs[i];
        if (!t->used)
            continue;
        char l[24], r[24];
        put_addr(l, sizeof l, t->laddr, t->lport);
        put_addr(r, sizeof r, t->raddr, t->rport);
        const char *held_by = t->sk ? "socket" : t->listener ? "unaccepted" : "orphan";
        int sd = t->sk ? (int)(t->sk - sock_table) : -1;
        int k = snprintf(out + o, cap - o,
                         "tcp %-21s %-21s %-11s sd=%-2d %-10s sndq=%u unacked=%u rcvq=%u wnd=%u "
                         "rto=%ums retries=%d\n", l, r, state_names[t->state], sd, held_by,
                         (unsigned)t->snd.len, (unsigned)(t->snd_max - t->snd_una),
                         (unsigned)t->rcv.len, (unsigned)t->snd_wnd,
                         (unsigned)(t->rto / 1000000), t->retries);
        if (k < 0)
            break;
        o += (size_t)k < cap - o ? (size_t)k : cap - o - 1;
    }
    return o;
}
