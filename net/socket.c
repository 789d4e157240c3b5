/*
 * net/socket.c — the kernel's sockets: a fixed table of descriptors, stream (TCP) and datagram
 * (UDP), and the rules for waiting.
 * Their counters and the netstat listing are net/sock_report.c's.
 *
 * Every call takes net_lock, checks the descriptor, and either finishes at once or waits. Wait
 * rule (sock_wait): the caller checked its condition under net_lock and found it false; it
 * sleeps on the socket's wait queue with net_lock handed to waitq_sleep_interruptible, so a
 * transport that makes the condition true (under net_lock) and then calls sock_wake cannot slip
 * in between the check and the sleep. On waking the caller checks again: a wake-up is a hint,
 * never a promise (several threads may wait on one socket, and all are woken). A wait ends:
 *   - woken and the condition now holds: the call goes on;
 *   - the deadline passed: -NET_ETIMEDOUT (a timeout of 0 never sleeps: -NET_EAGAIN, or
 *     -NET_EINPROGRESS from a connect that has just begun);
 *   - Ctrl-C (console_interrupted, or the interrupt ending the sleep): -NET_EINTR;
 *   - the socket was closed by another thread meanwhile (its generation changed): -NET_ENOTSOCK.
 * close never waits: a TCP connection is handed to net/tcp.c as an orphan that sends its FIN,
 * lingers in TIME_WAIT and frees itself.
 *
 * Locks: net_lock guards the table and everything reachable from it (net/socket.h).
 */
#include <string.h>
#include "kernel/console.h"
#include "net/net.h"
#include "net/socket.h"

struct sock sock_table[SOCK_MAX];
static uint16_t next_ephemeral;

#define EPHEMERAL_LO 49152               /* RFC 6335's dynamic range, 49152..65535 */
#define EPHEMERAL_HI 65535
#define LOOPBACK(a) (((a) >> 24) == 127)

void sock_wake(struct sock *sk) { waitq_wake_all(&sk->wq); }

uint32_t sock_source_addr(uint32_t dst)
{
    return LOOPBACK(dst) ? 0x7f000001u : net_local_addr();
}

/* The descriptor of slot i in its current generation (net/socket.h). */
static int sock_desc(int i)
{
    return i + SOCK_MAX * (int)(sock_table[i].gen & SOCK_GEN_MASK);
}

static struct sock *sock_get(int s)
{
    if (s < 0)
        return NULL;
    struct sock *sk = &sock_table[s % SOCK_MAX];
    if (!sk->used || (uint32_t)(s / SOCK_MAX) != (sk->gen & SOCK_GEN_MASK))
        return NULL;
    return sk;
}

/* ---- waiting ---------------------------------------------------------------------------- */
/* The moment a wait must end: SOCK_FOREVER, 0 (never wait), or now + timeout. */
static uint64_t deadline_of(uint64_t timeout_ns)
{
    if (timeout_ns == SOCK_FOREVER || timeout_ns == 0)
        return timeout_ns;
    uint64_t now = net_now_ns();
    return timeout_ns > SOCK_FOREVER - now ? SOCK_FOREVER - 1 : now + timeout_ns;
}

/* Connects waiting for a free TCP control block (all in use, e.g. closing behind their
 * sockets); woken by sock_tcb_freed. Initialised on first use, under net_lock. */
static struct waitq tcb_wq;
static int tcb_wq_ready;

void sock_tcb_freed(void)
{
    if (tcb_wq_ready)
        waitq_wake_all(&tcb_wq);
}

static int sock_wait_on(struct sock *sk, struct waitq *q, uint64_t deadline, int never);

/* Sleep once (net_lock held, and held again on return). 0: look at the condition again;
 * otherwise the error that ends the call. `never` is the error for a timeout of 0. */
static int sock_wait(struct sock *sk, uint64_t deadline, int never)
{
    return sock_wait_on(sk, &sk->wq, deadline, never);
}

static int sock_wait_on(struct sock *sk, struct waitq *q, uint64_t deadline, int never)
{
    if (deadline == 0)
        return never;
    if (console_interrupted())
        return -NET_EINTR;
    uint64_t left = SOCK_FOREVER;
    if (deadline != SOCK_FOREVER) {
        uint64_t now = net_now_ns();
        if (now >= deadline)
            return -NET_ETIMEDOUT;
        left = deadline - now;
    }
    uint32_t gen = sk->gen;
    int r = waitq_sleep_interruptible(q, &net_lock, left);
    if (!sk->used || sk->gen != gen)
        return -NET_ENOTSOCK;                 /* closed (and maybe reused) while we slept */
    if (r == 2)
        return -NET_EINTR;
    return 0;                                 /* woken or timed out: the caller checks again */
}

/* ---- ports ------------------------------------------------------------------------------ */
/* Would binding (type, addr, port) clash with a socket or a socketless TCP connection? */
static int port_taken(const struct sock *self, int type, uint32_t addr, uint16_t port)
{
    for (int i = 0; i < SOCK_MAX; i++) {
        const struct sock *o = &sock_table[i];
        if (o == self || !o->used || !o->bound || o->type != type || o->lport != port)
            continue;
        if (o->laddr && addr && o->laddr != addr)
            continue;                         /* two different local addresses */
        /* SO_REUSEADDR (ours; Linux asks it of both): share the port with anything that is
         * not listening, e.g. a connection accepted by a server that has since restarted. */
        if (self->reuseaddr && !o->listening)
            continue;
        return 1;
    }
    if (type == SOCK_STREAM && !self->reuseaddr && tcp_port_held(port))
        return 1;                             /* a connection still closing (TIME_WAIT...) */
    return 0;
}

static int bind_ephemeral(struct sock *sk)
{
    if (next_ephemeral < EPHEMERAL_LO)
        next_ephemeral = (uint16_t)(EPHEMERAL_LO + (net_now_ns() >> 10) % 1024);
    for (int tries = 0; tries <= EPHEMERAL_HI - EPHEMERAL_LO; tries++) {
        uint16_t p = next_ephemeral;
        next_ephemeral = p == EPHEMERAL_HI ? EPHEMERAL_LO : (uint16_t)(p + 1);
        if (!port_taken(sk, sk->type, sk->laddr, p) &&
            !(sk->type == SOCK_STREAM && tcp_port_held(p))) {
            sk->lport = p;
            sk->bound = 1;
            return 0;
        }
    }
    return -NET_EADDRINUSE;
}

/* A free slot made a fresh socket of `type` with this tag: its slot, or -NET_EMFILE. */
static int sock_alloc(int type, const void *tag)
{
    for (int i = 0; i < SOCK_MAX; i++) {
        struct sock *sk = &sock_table[i];
        if (sk->used)
            continue;
        uint32_t gen = sk->gen;
        /* Keep the wait queue itself (initialised once). It is empty: close woke every sleeper,
         * and nobody can start sleeping on a free slot (sock_get refuses it). */
        struct waitq wq = sk->wq;
        memset(sk, 0, sizeof *sk);
        sk->gen = gen + 1;
        sk->wq = wq;
        if (!sk->wq.name)
            waitq_init(&sk->wq, "socket");
        sk->used = 1;
        sk->type = (uint8_t)type;
        sk->tag = tag;
        return i;
    }
    return -NET_EMFILE;
}

/* ---- the calls -------------------------------------------------------------------------- */
int sock_open_tagged(int type, const void *tag)
{
    if (type != SOCK_STREAM && type != SOCK_DGRAM)
        return -NET_EINVAL;
    spin_lock(&net_lock);
    int i = sock_alloc(type, tag);
    int s = i < 0 ? i : sock_desc(i);
    spin_unlock(&net_lock);
    return s;
}

int sock_open(int type) { return sock_open_tagged(type, NULL); }

int sock_bind(int s, uint32_t addr, uint16_t port)
{
    spin_lock(&net_lock);
    struct sock *sk = sock_get(s);
    int r = 0;
    if (!sk)
        r = -NET_ENOTSOCK;
    else if (sk->bound)
        r = -NET_EINVAL;
    else if (addr != 0 && !LOOPBACK(addr) && addr != net_local_addr())
        r = -NET_EADDRNOTAVAIL;               /* not one of ours */
    else {
        sk->laddr = addr;
        if (port == 0) {
            r = bind_ephemeral(sk);
            if (r < 0)
                sk->laddr = 0;
        } else if (port_taken(sk, sk->type, addr, port)) {
            sk->laddr = 0;
            r = -NET_EADDRINUSE;
        } else {
            sk->lport = port;
            sk->bound = 1;
        }
    }
    spin_unlock(&net_lock);
    return r;
}

int sock_listen(int s, int backlog)
{
    spin_lock(&net_lock);
    struct sock *sk = sock_get(s);
    int r = 0;
    if (!sk)
        r = -NET_ENOTSOCK;
    else if (sk->type != SOCK_STREAM)
        r = -NET_EOPNOTSUPP;
    else if (sk->connected)
        r = -NET_EINVAL;
    else if (!sk->bound && (r = bind_ephemeral(sk)) < 0)
        ;
    else if (sk->listening)
        r = 0;                                /* only the backlog changes, below */
    else if (sk->reuseaddr) {
        /* reuseaddr let the bind share the port; a second listener would still be a clash */
        for (int i = 0; i < SOCK_MAX; i++) {
            struct sock *o = &sock_table[i];
            if (o != sk && o->used && o->listening && o->lport == sk->lport &&
                (!o->laddr || !sk->laddr || o->laddr == sk->laddr))
                r = -NET_EADDRINUSE;
        }
    }
    if (r == 0) {
        sk->listening = 1;
        sk->backlog = backlog < 1 ? 1 : backlog > LISTEN_BACKLOG_MAX ? LISTEN_BACKLOG_MAX : backlog;
    }
    spin_unlock(&net_lock);
    return r;
}

int sock_accept(int s, uint32_t *addr, uint16_t *port, uint64_t timeout_ns)
{
    uint64_t deadline = deadline_of(timeout_ns);
    spin_lock(&net_lock);
    struct sock *sk = sock_get(s);
    int r;
    if (!sk) {
        r = -NET_ENOTSOCK;
    } else if (sk->type != SOCK_STREAM) {
        r = -NET_EOPNOTSUPP;
    } else if (!sk->listening) {
        r = -NET_EINVAL;
    } else {
        for (;;) {
            if (sk->accq_head) {
                /* a descriptor first: with none free the connection stays queued */
                int ns = sock_alloc(SOCK_STREAM, sk->tag);
                if (ns < 0) {
                    r = ns;
                    break;
                }
                struct sock *n = &sock_table[ns];
                n->nodelay = sk->nodelay;     /* inherited, as on Linux */
                n->connect_told = 1;
                tcp_attach(tcp_accept_pop(sk), n);
                if (addr)
                    *addr = n->raddr;
                if (port)
                    *port = n->rport;
                r = sock_desc(ns);
                break;
            }
            if ((r = sock_wait(sk, deadline, -NET_EAGAIN)) < 0)
                break;
            if (!sk->listening) {
                r = -NET_EINVAL;
                break;
            }
        }
    }
    spin_unlock(&net_lock);
    return r;
}

int sock_connect(int s, uint32_t addr, uint16_t port, uint64_t timeout_ns)
{
    uint64_t deadline = deadline_of(timeout_ns);
    spin_lock(&net_lock);
    struct sock *sk = sock_get(s);
    int r = 0;
    if (addr == 0)
        addr = 0x7f000001u;                   /* 0.0.0.0 means this host (Linux does the same) */
    if (!sk) {
        r = -NET_ENOTSOCK;
    } else if (sk->type == SOCK_DGRAM) {
        /* A datagram socket only fixes its peer; nothing goes on the wire. */
        if (!sk->bound && (r = bind_ephemeral(sk)) < 0)
            goto out;
        if (port == 0) {
            r = -NET_EINVAL;
            goto out;
        }
        sk->raddr = addr;
        sk->rport = port;
        sk->connected = 1;
        sk->err = 0;
    } else if (sk->listening) {
        r = -NET_EINVAL;
    } else {
        if (!sk->tcb) {
            if (sk->connected) {              /* a connection that already ended */
                r = sk->err ? sk->err : -NET_EISCONN;
                sk->err = 0;
                goto out;
            }
            if (port == 0) {
                r = -NET_ECONNREFUSED;        /* nothing can listen on port 0 */
                goto out;
            }
            if (!sk->laddr)
                sk->laddr = sock_source_addr(addr);
            if (!sk->bound && (r = bind_ephemeral(sk)) < 0) {
                sk->laddr = 0;
                goto out;
            }
            sk->raddr = addr;
            sk->rport = port;
            sk->connected = 1;
            /* Every control block in use (connections still closing behind closed sockets, a
             * thousand opened in a loop): a connect that may wait, waits for one, within its
             * timeout, as it would for the handshake; with timeout 0 it fails at once. */
            while ((r = tcp_connect(sk)) == -NET_ENOBUFS && deadline != 0) {
                if (!tcb_wq_ready) {
                    waitq_init(&tcb_wq, "tcp-control-block");
                    tcb_wq_ready = 1;
                }
                if ((r = sock_wait_on(sk, &tcb_wq, deadline, -NET_ENOBUFS)) < 0)
                    break;
            }
            if (r < 0) {
                if (r != -NET_ENOTSOCK)       /* else closed while waiting: not ours any more */
                    sk->connected = 0;
                goto out;
            }
            if (deadline == 0) {
                r = -NET_EINPROGRESS;
                goto out;
            }
        } else {
            /* connect again on a connection begun earlier (timeout 0 first, say) */
            int c = tcp_connect_result(sk);
            if (c == 0) {
                /* Linux: the first connect after the handshake finished reports it (0);
                 * any later one says there is nothing left to do */
                r = sk->connect_told ? -NET_EISCONN : 0;
                sk->connect_told = 1;
                goto out;
            }
            if (c == 1 && deadline == 0) {
                r = -NET_EALREADY;
                goto out;
            }
        }
        for (;;) {
            if (!sk->tcb) {
                r = -NET_ECONNABORTED;
                break;
            }
            int c = tcp_connect_result(sk);
            if (c < 0) {
                /* failed (refused, timed out): the socket may try again, as on Linux */
                tcp_close(sk);
                sk->connected = 0;
            }
            if (c != 1) {
                r = c;
                sk->connect_told = c == 0;
                break;
            }
            if ((r = sock_wait(sk, deadline, -NET_EALREADY)) < 0)
                break;
        }
    }
out:
    spin_unlock(&net_lock);
    return r;
}

/* Take one datagram off sk's queue into buf (truncated to n). */
static long dgram_take(struct sock *sk, void *buf, size_t n, uint32_t *addr, uint16_t *port)
{
    struct netbuf *nb = sk->rxq_head;
    sk->rxq_head = nb->next;
    if (!sk->rxq_head)
        sk->rxq_tail = NULL;
    sk->rxq_count--;
    const uint8_t *meta = netbuf_data(nb) - 8;   /* net/udp.c left the sender there */
    if (addr)
        *addr = net_get32(meta);
    if (port)
        *port = net_get16(meta + 4);
    size_t k = n < nb->len ? n : nb->len;
    memcpy(buf, netbuf_data(nb), k);
    netbuf_free(nb);
    return (long)k;
}

static long recv_common(int s, void *buf, size_t n, uint32_t *addr, uint16_t *port,
                        uint64_t timeout_ns)
{
    uint64_t deadline = deadline_of(timeout_ns);
    spin_lock(&net_lock);
    struct sock *sk = sock_get(s);
    long r;
    if (!sk) {
        r = -NET_ENOTSOCK;
    } else if (sk->type == SOCK_DGRAM) {
        for (;;) {
            if (sk->rxq_head) {
                r = dgram_take(sk, buf, n, addr, port);
                break;
            }
            if (sk->err) {
                r = sk->err;
                sk->err = 0;
                break;
            }
            if (sk->shut_rd) {
                r = 0;
                break;
            }
            if ((r = sock_wait(sk, deadline, -NET_EAGAIN)) < 0)
                break;
        }
    } else if (sk->listening || !sk->connected) {
        r = -NET_ENOTCONN;
    } else {
        for (;;) {
            if (sk->shut_rd) {
                r = 0;
                break;
            }
            r = sk->tcb ? tcp_recv(sk, buf, n) : 0;
            if (r != -NET_EAGAIN)
                break;
            if ((r = sock_wait(sk, deadline, -NET_EAGAIN)) < 0)
                break;
        }
        if (r >= 0) {                         /* Linux names no sender on a stream: 0.0.0.0:0 */
            if (addr)
                *addr = 0;
            if (port)
                *port = 0;
        }
    }
    spin_unlock(&net_lock);
    return r;
}

long sock_recv(int s, void *buf, size_t n, uint64_t timeout_ns)
{
    return recv_common(s, buf, n, NULL, NULL, timeout_ns);
}

long sock_recvfrom(int s, void *buf, size_t n, uint32_t *addr, uint16_t *port, uint64_t timeout_ns)
{
    return recv_common(s, buf, n, addr, port, timeout_ns);
}

static long send_common(int s, const void *buf, size_t n, int have_to, uint32_t to_addr,
                        uint16_t to_port, uint64_t timeout_ns)
{
    uint64_t deadline = deadline_of(timeout_ns);
    spin_lock(&net_lock);
    struct sock *sk = sock_get(s);
    long r;
    if (!sk) {
        r = -NET_ENOTSOCK;
    } else if (sk->type == SOCK_DGRAM) {
        if (sk->shut_wr) {
            r = -NET_EPIPE;
        } else if (sk->err) {
            r = sk->err;                      /* an ICMP error from an earlier datagram */
            sk->err = 0;
        } else if (!have_to && !sk->connected) {
            r = -NET_EDESTADDRREQ;
        } else if (!sk->bound && (r = bind_ephemeral(sk)) < 0) {
            ;
        } else {
            uint32_t a = have_to ? (to_addr ? to_addr : 0x7f000001u) : sk->raddr;
            /* A datagram never waits here: the buffer pool either has room or it does not. */
            r = udp_output(sk, buf, n, a, have_to ? to_port : sk->rport);
        }
    } else if (sk->listening || !sk->connected) {
        r = -NET_EPIPE;                       /* Linux: a stream never connected is a broken pipe */
    } else {
        for (;;) {
            if (sk->shut_wr) {
                r = -NET_EPIPE;
                break;
            }
            r = tcp_send(sk, buf, n);
            if (r != 0 || n == 0)
                break;
            if ((r = sock_wait(sk, deadline, -NET_EAGAIN)) < 0)
                break;
        }
    }
    spin_unlock(&net_lock);
    return r;
}

long sock_send(int s, const void *buf, size_t n, uint64_t timeout_ns)
{
    return send_common(s, buf, n, 0, 0, 0, timeout_ns);
}

long sock_sendto(int s, const void *buf, size_t n, uint32_t addr, uint16_t port, uint64_t timeout_ns)
{
    return send_common(s, buf, n, 1, addr, port, timeout_ns);
}

int sock_shutdown(int s, int how)
{
    spin_lock(&net_lock);
    struct sock *sk = sock_get(s);
    int r = 0;
    if (!sk)
        r = -NET_ENOTSOCK;
    else if (how != SOCK_SHUT_RD && how != SOCK_SHUT_WR && how != SOCK_SHUT_RDWR)
        r = -NET_EINVAL;
    else if (!sk->connected)
        r = -NET_ENOTCONN;
    else {
        if (how != SOCK_SHUT_WR)
            sk->shut_rd = 1;
        if (how != SOCK_SHUT_RD) {
            if (sk->type == SOCK_STREAM && sk->tcb && !sk->shut_wr)
                r = tcp_shutdown_wr(sk);
            if (r == 0)
                sk->shut_wr = 1;
        }
        sock_wake(sk);                        /* a blocked recv/send sees the shutdown */
    }
    spin_unlock(&net_lock);
    return r;
}

/* Close the socket in slot sk (used), with net_lock held. */
static void sock_close_locked(struct sock *sk)
{
    if (sk->listening)
        tcp_close_listener(sk);
    if (sk->tcb)
        tcp_close(sk);                        /* it goes on without us */
    while (sk->rxq_head) {
        struct netbuf *nb = sk->rxq_head;
        sk->rxq_head = nb->next;
        netbuf_free(nb);
    }
    sk->rxq_tail = NULL;
    sk->rxq_count = 0;
    sk->used = 0;
    sk->gen++;                                /* sleepers on wq see it and return; the old
                                                 descriptor no longer names the slot */
    sock_wake(sk);
}

int sock_close(int s)
{
    spin_lock(&net_lock);
    struct sock *sk = sock_get(s);
    if (sk)
        sock_close_locked(sk);
    spin_unlock(&net_lock);
    return sk ? 0 : -NET_ENOTSOCK;
}

int sock_close_tagged(const void *tag)
{
    int n = 0;
    if (!tag)
        return 0;
    spin_lock(&net_lock);
    for (int i = 0; i < SOCK_MAX; i++) {
        struct sock *sk = &sock_table[i];
        if (sk->used && sk->tag == tag) {
            sock_close_locked(sk);
            n++;
        }
    }
    spin_unlock(&net_lock);
    return n;
}

int sock_name(int s, uint32_t *addr, uint16_t *port, int peer)
{
    spin_lock(&net_lock);
    struct sock *sk = sock_get(s);
    int r = 0;
    if (!sk) {
        r = -NET_ENOTSOCK;
    } else if (peer) {
        if (!sk->connected)
            r = -NET_ENOTCONN;
        else {
            *addr = sk->raddr;
            *port = sk->rport;
        }
    } else {
        *addr = sk->laddr;
        *port = sk->lport;
    }
    spin_unlock(&net_lock);
    return r;
}

int sock_setopt(int s, int opt, int value)
{
    spin_lock(&net_lock);
    struct sock *sk = sock_get(s);
    int r = 0;
    if (!sk)
        r = -NET_ENOTSOCK;
    else if (opt == SOCK_OPT_REUSEADDR)
        sk->reuseaddr = value != 0;
    else if (opt == SOCK_OPT_BROADCAST)
        sk->broadcast = value != 0;           /* kept and reported; ip.c decides on broadcast */
    else if (opt == SOCK_OPT_NODELAY && sk->type == SOCK_STREAM)
        sk->nodelay = value != 0;
    else if (opt == SOCK_OPT_NODELAY)
        r = -NET_EOPNOTSUPP;                  /* as Linux for TCP_NODELAY on a UDP socket */
    else
        r = -NET_ENOPROTOOPT;
    spin_unlock(&net_lock);
    return r;
}

int sock_getopt(int s, int opt, int *value)
{
    spin_lock(&net_lock);
    struct sock *sk = sock_get(s);
    int r = 0;
    if (!sk)
        r = -NET_ENOTSOCK;
    else if (opt == SOCK_OPT_REUSEADDR)
        *value = sk->reuseaddr;
    else if (opt == SOCK_OPT_BROADCAST)
        *value = sk->broadcast;
    else if (opt == SOCK_OPT_NODELAY && sk->type == SOCK_STREAM)
        *value = sk->nodelay;
    else if (opt == SOCK_OPT_NODELAY)
        r = -NET_EOPNOTSUPP;
    else
        r = -NET_ENOPROTOOPT;
    spin_unlock(&net_lock);
    return r;
}

void sock_drain(uint64_t timeout_ns)
{
    uint64_t end = net_now_ns() + timeout_ns;
    for (;;) {
        spin_lock(&net_lock);
        int busy = tcp_undelivered();
        spin_unlock(&net_lock);
        if (!busy || net_now_ns() >= end || console_interrupted())
            return;
        thread_sleep_ns(NET_TICK_NS);         /* the stack's thread does the work meanwhile */
    }
}
