/*
 * net/arp.c — the Address Resolution Protocol for IPv4 over Ethernet (RFC 826): a small cache
 * of next hops' MAC addresses, resolution on demand, and answers to requests for our address.
 *
 * The cache: ARP_ENTRIES slots, each free, pending (a request is out) or resolved. A resolved
 * entry is forgotten ARP_TTL_NS after it was last confirmed (the next packet asks again). A
 * pending entry holds ONE packet, the latest one sent to that hop (RFC 1122, 2.3.2.2: "SHOULD
 * save at least one (the latest) packet"); an earlier one is dropped and counted. The request is
 * repeated every ARP_RETRY_NS; after ARP_TRIES unanswered ones the entry and its packet go.
 * When every slot is taken, the one closest to its deadline is reused.
 *
 * Input follows RFC 826's "packet reception" algorithm: update the sender's entry if we have
 * one; if we are the target, add it if we did not, and answer a request. Hostile packets:
 * every field is checked before use, a sender claiming a multicast/broadcast MAC or our own
 * address is never learned, and a request from 0.0.0.0 (an address probe, RFC 5227) is answered
 * but not cached.
 *
 * Locks: all of it under net_lock (net/net.h).
 */
#include <string.h>
#include "net/net.h"
#include "net/lower.h"

#define ARP_ENTRIES  16
#define ARP_TTL_NS   (60ull * 1000000000ull)
#define ARP_RETRY_NS (1000000000ull)
#define ARP_TRIES    3
#define ARP_LEN      28                 /* Ethernet/IPv4: 8 fixed bytes, 2 * (6 + 4) addresses */
#define ARP_REQUEST  1
#define ARP_REPLY    2

enum { A_FREE, A_PENDING, A_RESOLVED };
static struct arp_entry {
    uint32_t ip;
    uint8_t mac[6];
    uint8_t state, tries;
    uint64_t deadline;                  /* resolved: forgotten then; pending: next request */
    struct netbuf *pending;             /* pending: the one packet waiting for the answer */
} cache[ARP_ENTRIES];

static struct arp_entry *lookup(uint32_t ip)
{
    for (int i = 0; i < ARP_ENTRIES; i++)
        if (cache[i].state != A_FREE && cache[i].ip == ip)
            return &cache[i];
    return 0;
}

static void forget(struct arp_entry *e)
{
    if (e->pending) {
        netbuf_free(e->pending);
        net_cnt.arp_pending_dropped++;
    }
    memset(e, 0, sizeof *e);
}

/* A free slot, or the one whose deadline comes first (a resolved entry about to age out, or a
 * pending one about to be asked again), emptied. */
static struct arp_entry *slot_for(uint32_t ip)
{
    struct arp_entry *victim = &cache[0];
    for (int i = 0; i < ARP_ENTRIES; i++) {
        if (cache[i].state == A_FREE) {
            victim = &cache[i];
            break;
        }
        if (cache[i].deadline < victim->deadline)
            victim = &cache[i];
    }
    forget(victim);
    victim->ip = ip;
    return victim;
}

static void resolved(struct arp_entry *e, const uint8_t mac[6])
{
    memcpy(e->mac, mac, 6);
    e->state = A_RESOLVED;
    e->tries = 0;
    e->deadline = net_now_ns() + ARP_TTL_NS;
    struct netbuf *nb = e->pending;
    e->pending = 0;
    if (nb)
        eth_output(nb, e->mac, ETH_P_IP);
}

static void put_arp(uint8_t *p, uint16_t op, const uint8_t sha[6], uint32_t spa,
                    const uint8_t tha[6], uint32_t tpa)
{
    net_put16(p, 1);                    /* hardware: Ethernet */
    net_put16(p + 2, ETH_P_IP);         /* protocol: IPv4 */
    p[4] = 6;
    p[5] = 4;
    net_put16(p + 6, op);
    memcpy(p + 8, sha, 6);
    net_put32(p + 14, spa);
    memcpy(p + 18, tha, 6);
    net_put32(p + 24, tpa);
}

void arp_request(uint32_t addr)
{
    static const uint8_t zero[6];
    struct netbuf *nb = netbuf_alloc();
    if (!nb) {
        net_cnt.netbuf_alloc_failed++;
        return;                         /* the retry timer asks again */
    }
    nb->len = ARP_LEN;
    put_arp(netbuf_data(nb), ARP_REQUEST, net_mac, NET_ADDR, zero, addr);
    net_cnt.arp_requests_tx++;
    eth_output(nb, eth_broadcast, ETH_P_ARP);
}

int arp_output(struct netbuf *nb, uint32_t nexthop)
{
    if (ip_is_broadcast(nexthop))
        return eth_output(nb, eth_broadcast, ETH_P_IP);
    struct arp_entry *e = lookup(nexthop);
    if (e && e->state == A_RESOLVED)
        return eth_output(nb, e->mac, ETH_P_IP);
    if (!e) {
        e = slot_for(nexthop);
        e->state = A_PENDING;
        e->tries = 1;
        e->deadline = net_now_ns() + ARP_RETRY_NS;
        arp_request(nexthop);
    }
    if (e->pending) {                   /* one packet a hop: the latest wins */
        netbuf_free(e->pending);
        net_cnt.arp_pending_dropped++;
    }
    e->pending = nb;
    return 0;
}

void arp_input(struct netbuf *nb)
{
    net_cnt.arp_rx++;
    uint8_t *p = netbuf_data(nb);
    if (nb->len < ARP_LEN || net_get16(p) != 1 || net_get16(p + 2) != ETH_P_IP || p[4] != 6 ||
        p[5] != 4 || (net_get16(p + 6) != ARP_REQUEST && net_get16(p + 6) != ARP_REPLY)) {
        net_cnt.arp_bad++;
        netbuf_free(nb);
        return;
    }
    uint16_t op = net_get16(p + 6);
    uint8_t sha[6];
    memcpy(sha, p + 8, 6);
    uint32_t spa = net_get32(p + 14), tpa = net_get32(p + 24);
    /* Never learn a group address as a host's, nor anyone as ourselves (a spoof, or our own
     * request reflected back). */
    if ((sha[0] & 1) || spa == NET_ADDR || !memcmp(sha, net_mac, 6)) {
        net_cnt.arp_bad++;
        netbuf_free(nb);
        return;
    }
    int merged = 0;
    struct arp_entry *e = spa ? lookup(spa) : 0;
    if (e) {                            /* RFC 826: update what we already know */
        resolved(e, sha);
        merged = 1;
    }
    if (tpa != NET_ADDR) {              /* not for us: others' conversations are not cached */
        netbuf_free(nb);
        return;
    }
    if (!merged && spa && !ip_is_broadcast(spa) && (spa & NET_MASK) == (NET_ADDR & NET_MASK))
        resolved(slot_for(spa), sha);   /* someone on our subnet is about to talk to us */
    if (op != ARP_REQUEST) {
        netbuf_free(nb);
        return;
    }
    /* The reply, built in the request's own buffer: its padding is trimmed off. */
    nb->len = ARP_LEN;
    put_arp(p, ARP_REPLY, net_mac, NET_ADDR, sha, spa);
    net_cnt.arp_replies_tx++;
    eth_output(nb, sha, ETH_P_ARP);
}

void arp_timer(uint64_t now)
{
    for (int i = 0; i < ARP_ENTRIES; i++) {
        struct arp_entry *e = &cache[i];
        if (e->state == A_FREE || now < e->deadline)
            continue;
        if (e->state == A_RESOLVED || e->tries >= ARP_TRIES) {
            forget(e);                  /* aged out, or nobody answered: its packet is dropped */
            continue;
        }
        e->tries++;
        e->deadline = now + ARP_RETRY_NS;
        arp_request(e->ip);
    }
}

int arp_entries(void)
{
    int n = 0;
    for (int i = 0; i < ARP_ENTRIES; i++)
        n += cache[i].state == A_RESOLVED;
    return n;
}
