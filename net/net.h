/*
 * net/net.h — the kernel's TCP/IP stack: the contracts between its layers, one file per layer
 * below (docs/net.md draws them):
 *
 *   ports/guest/port_socket.c   port.h's port_sock_* calls, on
 *   net/socket.c                sockets: descriptors, wait queues, timeouts, the UDP/TCP choice
 *   net/udp.c  net/tcp.c        the transports
 *   net/ip.c  net/icmp.c        IPv4 (one interface, one gateway, loopback), ICMP echo
 *   net/eth.c  net/arp.c        Ethernet framing, ARP cache and resolution
 *   net/netif.c                 the stack's thread: received frames, loopback, timers
 *   drivers/virtio_net.c        the virtio-net device (registers, virtqueues, interrupt)
 *
 * Locking: one spinlock, net_lock, guards every piece of protocol state (ARP cache, sockets,
 * TCP control blocks, socket buffers, the loopback queue). Input runs on the stack's thread with
 * net_lock held; the socket calls take it; timers run with it held. A thread that must wait (a
 * recv with nothing queued, a connect in progress) sleeps on its socket's wait queue with
 * net_lock handed to waitq_sleep (kernel/waitq.c: no lost wake-up). Nothing under net_lock
 * sleeps or takes a sleeplock. Lock order: net_lock -> the driver's lock -> sched_lock.
 * The device's interrupt handler never takes net_lock: it only wakes the stack's thread.
 * Two leaf locks of net/netif.c sit below net_lock: the pool's (netbuf_alloc/netbuf_free may be
 * called with or without net_lock) and the thread's wake-up lock (net/lower.h, net_kick).
 *
 * Byte order: every address and port in these interfaces is in host order; only the bytes
 * of a packet are in network order (net_get16/net_put16 and friends below).
 */
#ifndef NET_NET_H
#define NET_NET_H
#include <stddef.h>
#include <stdint.h>
#include "kernel/spinlock.h"

extern spinlock_t net_lock;

/* Errors: negative errno values with Linux's numbers (newlib's differ: its ETIMEDOUT is 116), the
 * same numbers as interp/port/port.h's PORT_E*, so the guest port passes them through. */
enum {
    NET_EINTR = 4, NET_EAGAIN = 11, NET_ENOMEM = 12, NET_EINVAL = 22, NET_EMFILE = 24,
    NET_EPIPE = 32, NET_ENOTSOCK = 88, NET_EDESTADDRREQ = 89, NET_EMSGSIZE = 90,
    NET_ENOPROTOOPT = 92, NET_EOPNOTSUPP = 95, NET_EADDRINUSE = 98, NET_EADDRNOTAVAIL = 99,
    NET_ENETDOWN = 100, NET_ENETUNREACH = 101, NET_ECONNABORTED = 103, NET_ECONNRESET = 104,
    NET_ENOBUFS = 105, NET_EISCONN = 106, NET_ENOTCONN = 107, NET_ETIMEDOUT = 110,
    NET_ECONNREFUSED = 111, NET_EHOSTUNREACH = 113, NET_EALREADY = 114, NET_EINPROGRESS = 115,
};

/* ---- packet buffers (net/netif.c) ---------------------------------------------------------- */
/* One packet in one buffer from a fixed pool (NETBUF_COUNT of them: a flood cannot exhaust the
 * heap). data = buf + off, len bytes; headers are prepended into the headroom. */
#define NETBUF_SIZE     2048
#define NETBUF_HEADROOM 128     /* Ethernet 14 + IPv4 20 + TCP 20 + options (at most 40), rounded up */
#define NETBUF_COUNT    256
struct netbuf {
    struct netbuf *next;         /* its queue link (a socket's queue, the loopback queue) */
    uint16_t off, len;
    uint16_t nh;                 /* received: where net/ip.c found the IPv4 header (an offset into
                                    buf, still intact after the pull), for an ICMP error to quote */
    uint8_t buf[NETBUF_SIZE];
};
struct netbuf *netbuf_alloc(void);             /* off = NETBUF_HEADROOM, len 0; NULL: pool empty */
void     netbuf_free(struct netbuf *nb);
static inline uint8_t *netbuf_data(struct netbuf *nb) { return nb->buf + nb->off; }
uint8_t *netbuf_push(struct netbuf *nb, size_t n);   /* prepend n bytes (a header); returns them */
uint8_t *netbuf_pull(struct netbuf *nb, size_t n);   /* drop n leading bytes; NULL if len < n */
uint8_t *netbuf_put(struct netbuf *nb, size_t n);    /* append n bytes; returns them; NULL: no room */

/* ---- byte order and checksums ---------------------------------------------------------------- */
static inline uint16_t net_get16(const uint8_t *p) { return (uint16_t)(p[0] << 8 | p[1]); }
static inline uint32_t net_get32(const uint8_t *p)
{ return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]; }
static inline void net_put16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)(v >> 8); p[1] = (uint8_t)v; }
static inline void net_put32(uint8_t *p, uint32_t v)
{ p[0] = (uint8_t)(v >> 24); p[1] = (uint8_t)(v >> 16); p[2] = (uint8_t)(v >> 8); p[3] = (uint8_t)v; }
/* The Internet checksum (RFC 1071) of n bytes, folded into `sum` (0 to start, or a pseudo-header's
 * partial sum); returns the 16-bit one's complement, ready to store (net_put16). */
uint16_t inet_checksum(const void *p, size_t n, uint32_t sum);
/* The partial sum of a TCP/UDP pseudo-header (RFC 793 / 768) to hand to inet_checksum. */
uint32_t inet_pseudo_sum(uint32_t src, uint32_t dst, uint8_t proto, uint16_t len);

/* ---- the network layer (net/ip.c) ---------------------------------------------------------- */
#define IP_PROTO_ICMP 1
#define IP_PROTO_TCP  6
#define IP_PROTO_UDP  17
uint32_t net_local_addr(void);          /* 10.0.2.15 (QEMU user networking's guest address) */
/* Send nb (the transport header and payload) to dst: the IPv4 header is prepended here. src 0:
 * the interface's address. Consumes nb always. 0 sent or queued (ARP pending), else a negative
 * errno (-NET_ENETUNREACH, -NET_EMSGSIZE, -NET_ENOBUFS).
 * Loopback (127.0.0.0/8 and our own address) is queued for the stack's thread, never re-entered.
 * Called with net_lock held. */
int  ip_output(uint32_t src, uint32_t dst, uint8_t proto, struct netbuf *nb);

/* ---- the transports' entry points, called by net/ip.c with net_lock held ------------------- */
/* nb holds the transport header and payload (the IP header already pulled, its length checked
 * against the IP total length); each consumes nb. Each validates everything it reads.
 * udp_input's dst may be a broadcast address (255.255.255.255, 10.0.2.255); tcp_input's never
 * is. A packet from the loopback queue has src and dst as the sender gave them (127.x or ours). */
void udp_input(uint32_t src, uint32_t dst, struct netbuf *nb);
void tcp_input(uint32_t src, uint32_t dst, struct netbuf *nb);
/* ICMP destination unreachable received for a datagram we sent (code: RFC 792, any of 0..15;
 * 3 is "port unreachable"): the transports turn it into ECONNREFUSED for the socket it names,
 * if any. dst: the address the datagram went to; sport: its source port (ours); dport: its
 * destination port (theirs), all read from the header the message quotes. */
void udp_unreachable(uint32_t dst, uint16_t sport, uint16_t dport, int code);
void tcp_unreachable(uint32_t dst, uint16_t sport, uint16_t dport, int code);
/* The other way (net/icmp.c): tell the sender of a received datagram (nb, as udp_input got it:
 * src and dst from its IPv4 header, which nb->nh locates) that no socket has its port (ICMP
 * destination unreachable, code 3). Never about a broadcast or from an unspecified source
 * (RFC 1122, 3.2.2); at most ICMP_ERR_BURST at once, then ICMP_ERR_PER_S a second (as Linux's
 * icmp_msgs_per_sec and icmp_msgs_burst): a flood of datagrams to closed ports costs the stack
 * no more than that. Does not consume nb. */
#define ICMP_ERR_BURST 50
#define ICMP_ERR_PER_S 1000
void icmp_port_unreachable(uint32_t src, uint32_t dst, const struct netbuf *nb);
/* Timers: the stack's thread calls this every NET_TICK_NS with net_lock held (retransmission,
 * delayed ACKs, TIME_WAIT, connect timeouts). */
#define NET_TICK_NS 10000000ull
void tcp_timer(uint64_t now_ns);
uint64_t net_now_ns(void);              /* monotonic */

/* ---- the stack's life (net/netif.c) -------------------------------------------------------- */
/* Bring the stack up on the virtio-net device: 0 up, -1 no device (loopback still works).
 * Called once, by the guest port, before the first socket call. */
int  net_init(void);
int  net_up(void);                      /* a device is attached */
/* Counts for tests and the console (port_net_stats): buffers in use, frames in/out/dropped...
 * (net/netif.c lists the names). Takes net_lock: call it without. */
void net_stats(void (*cb)(void *ctx, const char *name, uint64_t value), void *ctx);
/* Hand one received Ethernet frame to the stack (the driver's receive path, with net_lock held,
 * on the stack's thread; also the host fuzz target's entry). Consumes nb. */
void eth_input(struct netbuf *nb);
#endif
