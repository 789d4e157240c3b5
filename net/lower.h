/*
 * net/lower.h — the stack's lower half: the calls between net/netif.c, net/eth.c, net/arp.c,
 * net/ip.c and net/icmp.c, the interface's fixed configuration and the counters net_stats reports.
 * The transports and sockets use net/net.h only.
 *
 * Locking: everything here runs with net_lock held (net/net.h), except net_kick (any context,
 * interrupts included: it takes only net_wake_lock) and the netbuf pool (its own leaf lock).
 */
#ifndef NET_LOWER_H
#define NET_LOWER_H
#include <stdint.h>
#include "net/net.h"

/* ---- the interface's configuration: QEMU user networking (slirp) ---------------------------- */
#define NET_ADDR      0x0a00020fu       /* 10.0.2.15 */
#define NET_MASK      0xffffff00u       /* /24 */
#define NET_GATEWAY   0x0a000202u       /* 10.0.2.2: the host, and the way out */
#define NET_MTU       1500              /* IPv4 header + payload in one Ethernet frame */
#define ETH_HLEN      14
#define ETH_ZLEN      60                /* the shortest frame on the wire, without the FCS */
#define ETH_P_IP      0x0800
#define ETH_P_ARP     0x0806
extern uint8_t net_mac[6];              /* the device's MAC (zero without a device) */
extern const uint8_t eth_broadcast[6];

/* ---- counters (guarded by net_lock; net_stats copies them under it) ------------------------- */
struct net_counters {
    uint64_t rx_frames, tx_frames;      /* frames from / handed to the device */
    uint64_t rx_nobuf;                  /* received, dropped: the pool was empty (buffer recycled) */
    uint64_t tx_ring_full;              /* dropped: every transmit descriptor busy */
    uint64_t tx_nodev;                  /* dropped: no device */
    uint64_t eth_bad, eth_not_ours, eth_unknown_type;
    uint64_t arp_rx, arp_bad, arp_requests_tx, arp_replies_tx, arp_pending_dropped;
    uint64_t ip_rx, ip_tx, ip_bad_header, ip_bad_checksum, ip_fragments, ip_not_ours,
             ip_unknown_proto, ip_loopback;
    uint64_t icmp_rx, icmp_bad, icmp_echo_replies_tx, icmp_echo_replies_rx, icmp_unreach_rx;
    uint64_t icmp_unreach_tx, icmp_unreach_limited;   /* port unreachable sent / held back */
    uint64_t netbuf_alloc_failed;
};
extern struct net_counters net_cnt;

/* ---- net/netif.c ------------------------------------------------------------------------------ */
/* Wake the stack's thread: something is waiting for it (a received frame, a loopback packet).
 * Any context; never takes net_lock. */
void net_kick(void);
/* Queue an IPv4 packet (header included) for the stack's thread's input: the loopback path. */
void net_loopback(struct netbuf *nb);
/* One pass of the stack's thread, with net_lock held: transmit completions, received frames,
 * the loopback packets queued before the pass began, and the timers when a tick is due. The
 * thread calls it; so does the host fuzz target (tests/fuzz/fuzz_net.c), which has no thread. */
void net_service(uint64_t now_ns);
/* Hand one frame to the device (eth.c calls it). Consumes nb: the driver holds it until the
 * transmission completes. 0 queued; -NET_ENOBUFS ring full, -NET_ENETDOWN no device (dropped). */
int  netif_transmit(struct netbuf *nb);

/* ---- net/eth.c -------------------------------------------------------------------------------- */
/* Prepend the Ethernet II header (our MAC as the source) and transmit. Consumes nb. */
int  eth_output(struct netbuf *nb, const uint8_t dst[6], uint16_t type);

/* ---- net/arp.c -------------------------------------------------------------------------------- */
void arp_input(struct netbuf *nb);                        /* nb: the ARP packet */
/* Send an IPv4 packet (header included) to the next hop `nexthop` on our subnet: at once when
 * its MAC is known, else as that hop's one pending packet while a request is out. Consumes nb. */
int  arp_output(struct netbuf *nb, uint32_t nexthop);
void arp_request(uint32_t addr);                          /* broadcast "who has addr" */
void arp_timer(uint64_t now_ns);                          /* ageing, retries, pending timeouts */
int  arp_entries(void);                                   /* entries resolved now */

/* ---- net/ip.c --------------------------------------------------------------------------------- */
void ip_input(struct netbuf *nb);                         /* nb: the IPv4 header and the rest */
void ip_input_loopback(struct netbuf *nb);                /* the same, from the loopback queue */
int  ip_is_broadcast(uint32_t addr);                      /* 255.255.255.255 or 10.0.2.255 */

/* ---- net/icmp.c ------------------------------------------------------------------------------- */
/* nb: the ICMP message (its IPv4 header pulled); src, dst from that header. Consumes nb. */
void icmp_input(uint32_t src, uint32_t dst, struct netbuf *nb);
/* Send an echo request (RFC 792) of `len` payload bytes; replies are counted
 * (icmp_echo_replies_rx). 0 sent or queued, else a negative errno. */
int  icmp_echo_request(uint32_t dst, uint16_t id, uint16_t seq, size_t len);
#endif
