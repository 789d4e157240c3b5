/*
 * net/socket.h — the kernel's sockets (net/socket.c), and what the transports (net/udp.c,
 * net/tcp.c) and the socket layer offer one another. ports/guest/port_socket.c is the one caller
 * of the sock_* calls; nothing else above net/ includes this file.
 *
 * Locking: net_lock (net/net.h) guards the socket table, every field of struct sock, and every
 * TCP control block. The sock_* calls take it themselves (call them with no lock held); the
 * transport functions declared below are called with it held. A call that must wait sleeps on
 * the socket's wait queue `wq` with net_lock handed to waitq_sleep_interruptible; whoever changes
 * what a sleeper waits for (data arrived, buffer space freed, connection state, error, close)
 * wakes the whole queue (sock_wake) while still holding net_lock, so no wake-up is lost.
 *
 * Addresses and ports are in host byte order. Errors are negative NET_E* values (net/net.h).
 */
#ifndef NET_SOCKET_H
#define NET_SOCKET_H
#include <stdint.h>
#include <stddef.h>
#include "kernel/thread.h"
#include "net/net.h"

#define SOCK_MAX        128           /* slots in the socket table */
/* A descriptor names a slot and the slot's generation (bumped at every close): slot +
 * SOCK_MAX * (gen & SOCK_GEN_MASK). A descriptor kept after its close (a thread of an abandoned
 * interpreter still holding one) finds the generation changed and gets -NET_ENOTSOCK instead of
 * reaching whatever socket took the slot next. */
#define SOCK_GEN_MASK   0xffffu
#define SOCK_STREAM     1             /* the same values as port.h's PORT_SOCK_* */
#define SOCK_DGRAM      2
#define SOCK_FOREVER    UINT64_MAX    /* a timeout that never passes (port.h's PORT_FOREVER) */
#define SOCK_SHUT_RD    0
#define SOCK_SHUT_WR    1
#define SOCK_SHUT_RDWR  2
#define SOCK_OPT_REUSEADDR 1          /* port.h's PORT_SO_REUSEADDR, _BROADCAST, PORT_TCP_NODELAY */
#define SOCK_OPT_BROADCAST 2
#define SOCK_OPT_NODELAY   3
#define UDP_RXQ_MAX     32            /* datagrams queued per socket; more are dropped (as a full
                                         receive buffer drops them on any system) */
#define LISTEN_BACKLOG_MAX 16

struct tcb;                           /* a TCP connection: net/tcp.c, opaque outside it */

struct sock {
    uint8_t  used, type;
    uint8_t  bound;                   /* lport (and laddr, 0 = any) fixed */
    uint8_t  connected;               /* raddr/rport fixed: DGRAM connect, or a TCP connection
                                         was started (it stays set after the connection ends) */
    uint8_t  listening;
    uint8_t  connect_told;            /* a connect call has returned 0: the next says EISCONN */
    uint8_t  reuseaddr, broadcast, nodelay;
    uint8_t  shut_rd, shut_wr;
    const void *tag;                  /* sock_open_tagged (accepted: the listener's), or NULL */
    uint32_t gen;                     /* bumped at close: a sleeper woken by a close finds it
                                         changed and stops touching the slot (it may be reused) */
    uint32_t laddr, raddr;
    uint16_t lport, rport;
    int      err;                     /* a pending error (negative), reported once (DGRAM: ICMP) */
    struct waitq wq;                  /* everyone waiting on this socket */
    /* DGRAM: received datagrams, oldest first. Each netbuf's data is the payload; the 6 bytes
     * just before it (where the UDP header was) hold the sender's address and port. */
    struct netbuf *rxq_head, *rxq_tail;
    int      rxq_count;
    /* STREAM: the connection (NULL before connect, or once it has been freed) */
    struct tcb *tcb;
    /* STREAM listening: connections established but not yet accepted (a FIFO through the
     * control blocks' own link), and how many are still in the handshake (the SYN queue). */
    int      backlog, synq_len, accq_len;
    struct tcb *accq_head, *accq_tail;
};

extern struct sock sock_table[SOCK_MAX];

/* ---- the socket layer's calls (net/socket.c): each takes net_lock itself ----------------- */
/* timeout_ns: SOCK_FOREVER blocks; 0 never waits (-NET_EAGAIN, or -NET_EINPROGRESS from a
 * connect that has just begun); else a deadline (-NET_ETIMEDOUT). Ctrl-C: -NET_EINTR. */
int  sock_open(int type);
/* sock_open with a tag, an opaque pointer (the guest port: the interpreter whose thread
 * opened it); a socket accepted from a listener carries the listener's tag. */
int  sock_open_tagged(int type, const void *tag);
/* Close every socket with this tag (never waits; each as sock_close): for an opener that is
 * gone without closing its own, as a process's descriptors are closed at its exit. How many. */
int  sock_close_tagged(const void *tag);
int  sock_bind(int s, uint32_t addr, uint16_t port);
int  sock_listen(int s, int backlog);
int  sock_accept(int s, uint32_t *addr, uint16_t *port, uint64_t timeout_ns);
int  sock_connect(int s, uint32_t addr, uint16_t port, uint64_t timeout_ns);
long sock_send(int s, const void *buf, size_t n, uint64_t timeout_ns);
long sock_recv(int s, void *buf, size_t n, uint64_t timeout_ns);
long sock_sendto(int s, const void *buf, size_t n, uint32_t addr, uint16_t port, uint64_t timeout_ns);
long sock_recvfrom(int s, void *buf, size_t n, uint32_t *addr, uint16_t *port, uint64_t timeout_ns);
int  sock_shutdown(int s, int how);
int  sock_close(int s);                        /* never waits: TCP finishes behind */
int  sock_name(int s, uint32_t *addr, uint16_t *port, int peer);
int  sock_setopt(int s, int opt, int value);
int  sock_getopt(int s, int opt, int *value);
/* Wait (at most timeout_ns) until every TCP connection, closed or not, has had its data and its
 * FIN acknowledged: for the guest port before it powers the machine off, since close never
 * waits and a program's last reply would otherwise die with the machine. */
void sock_drain(uint64_t timeout_ns);
/* Counts (live sockets, TCP control blocks, segment counters): copied under net_lock, reported
 * after it is released (cb may allocate). */
void sock_stats(void (*cb)(void *ctx, const char *name, uint64_t value), void *ctx);
/* The socket and TCP tables as text (a netstat), NUL-terminated, truncated to cap. */
size_t sock_netstat(char *out, size_t cap);

/* ---- for the transports (net_lock held) -------------------------------------------------- */
void     sock_wake(struct sock *sk);                  /* wake every sleeper on sk */
void     sock_tcb_freed(void);                        /* a TCP control block came free */
uint32_t sock_source_addr(uint32_t dst);              /* our address toward dst */

/* ---- net/udp.c (net_lock held) ------------------------------------------------------------ */
/* Send one datagram from sk to dst:dport. n bytes, n <= UDP_MAX_PAYLOAD. */
#define UDP_MAX_PAYLOAD 1472          /* 1500 (Ethernet MTU) - 20 (IPv4) - 8 (UDP): no fragments */
long udp_output(struct sock *sk, const void *buf, size_t n, uint32_t dst, uint16_t dport);
extern uint64_t udp_in, udp_out, udp_dropped;   /* counters for sock_stats */

/* ---- net/tcp.c (net_lock held) ------------------------------------------------------------ */
/* Start an active open from sk (laddr/lport bound) to raddr:rport: sends the SYN. 0 or error. */
int  tcp_connect(struct sock *sk);
/* The connection's progress for connect(): 0 established (or beyond), 1 still opening, or the
 * error that ended it (reported once). */
int  tcp_connect_result(struct sock *sk);
/* Queue up to n bytes for sending: how many were taken (0: the send buffer is full, wait), or an
 * error (-NET_EPIPE after shutdown(SHUT_WR)/a reset, the connection's error once). */
long tcp_send(struct sock *sk, const void *buf, size_t n);
/* Take up to n received bytes: > 0 bytes, 0 end of stream (the peer's FIN), -NET_EAGAIN nothing
 * yet (wait), or the connection's error (once). */
long tcp_recv(struct sock *sk, void *buf, size_t n);
int  tcp_shutdown_wr(struct sock *sk);          /* queue our FIN after the data */
void tcp_close(struct sock *sk);                /* detach: the connection closes behind */
void tcp_close_listener(struct sock *sk);       /* reset every connection not yet accepted */
struct tcb *tcp_accept_pop(struct sock *sk);    /* the oldest established connection, or NULL */
/* Hand an accepted connection to its new socket: fills sk's addresses. */
void tcp_attach(struct tcb *t, struct sock *sk);
/* Does a connection without a socket (closing behind, or not yet accepted) hold lport? */
int  tcp_port_held(uint16_t lport);
int  tcp_live(void);                            /* control blocks in use */
int  tcp_undelivered(void);   /* connections with data or a FIN not yet acknowledged by the peer */
#define TCP_COUNTERS 10
void tcp_counters(uint64_t out[TCP_COUNTERS]);  /* named by tcp_counter_names (net/tcp.c) */
extern const char *const tcp_counter_names[TCP_COUNTERS];
size_t tcp_netstat(char *out, size_t cap);
#endif
