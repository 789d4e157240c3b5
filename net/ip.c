/*
 * net/ip.c — IPv4 (RFC 791) for one interface with a fixed configuration, QEMU user
 * networking's: address 10.0.2.15/24, gateway 10.0.2.2 (net/lower.h). No forwarding, no
 * fragmentation (fragments received are dropped and counted; we send whole datagrams of at most
 * NET_MTU bytes with Don't Fragment set), no options sent (options received are skipped).
 *
 * Input checks, in this order, every field it relies on: length of the fixed header, version,
 * header length (5..15 words, within the frame), total length (at least the header, at most
 * the frame: the rest is Ethernet padding and trimmed), the header checksum (RFC 1071), the
 * fragment fields, the source (never a broadcast or multicast address: nothing answers it) and
 * the destination (ours, loopback, or broadcast), then hands the payload to its protocol.
 *
 * Output: the header is prepended; the next hop is the destination itself on our subnet, else
 * the gateway (RFC 1122, 3.3.1); ARP finds its MAC (net/arp.c). Packets to ourselves (our
 * address, 127.0.0.0/8) never touch the device: they go on the loopback queue, which the
 * stack's thread feeds back to ip_input on its next pass (net/netif.c), so output never
 * re-enters input (a caller holding state half-updated is never called back into).
 *
 * Locks: all of it under net_lock (net/net.h); ip_id is its only state.
 */
#include "net/net.h"
#include "net/lower.h"

#define IP_HLEN      20                 /* without options */
#define IP_TTL       64                 /* RFC 1700's default */
#define IP_DF        0x4000
#define IP_MF        0x2000
#define IP_OFFMASK   0x1fff

static uint16_t ip_id;                  /* identification of the next datagram we send */

uint32_t net_local_addr(void) { return NET_ADDR; }

static int is_loopback(uint32_t a) { return (a >> 24) == 127; }
static int is_multicast(uint32_t a) { return (a >> 28) == 0xe; }   /* 224.0.0.0/4 */

int ip_is_broadcast(uint32_t a)
{
    return a == 0xffffffffu || a == ((NET_ADDR & NET_MASK) | ~NET_MASK);
}

/* wire: the packet came from the device, where loopback addresses and our own address as a
 * source are forgeries (RFC 1122, 3.2.1.3), and 127.0.0.0/8 is no destination. */
static void input(struct netbuf *nb, int wire)
{
    net_cnt.ip_rx++;
    const uint8_t *h = netbuf_data(nb);
    if (nb->len < IP_HLEN || h[0] >> 4 != 4)
        goto bad;
    size_t hlen = (size_t)(h[0] & 15) * 4, total = net_get16(h + 2);
    if (hlen < IP_HLEN || hlen > nb->len || total < hlen || total > nb->len)
        goto bad;
    if (inet_checksum(h, hlen, 0) != 0) {
        net_cnt.ip_bad_checksum++;
        netbuf_free(nb);
        return;
    }
    uint16_t frag = net_get16(h + 6);
    if ((frag & IP_MF) || (frag & IP_OFFMASK)) {   /* a fragment: we do not reassemble */
        net_cnt.ip_fragments++;
        netbuf_free(nb);
        return;
    }
    uint8_t proto = h[9];
    uint32_t src = net_get32(h + 12), dst = net_get32(h + 16);
    int martian = wire && (is_loopback(src) || src == NET_ADDR || is_loopback(dst));
    if (martian || ip_is_broadcast(src) || is_multicast(src) ||
        !(dst == NET_ADDR || is_loopback(dst) || ip_is_broadcast(dst))) {
        net_cnt.ip_not_ours++;
        netbuf_free(nb);
        return;
    }
    nb->len = (uint16_t)total;          /* trim the Ethernet padding */
    nb->nh = nb->off;                   /* the header stays in the buffer: an ICMP error quotes it */
    netbuf_pull(nb, hlen);              /* options and all: skipped */
    switch (proto) {
    case IP_PROTO_ICMP:
        icmp_input(src, dst, nb);
        return;
    case IP_PROTO_UDP:
        udp_input(src, dst, nb);
        return;
    case IP_PROTO_TCP:
        if (ip_is_broadcast(dst))       /* a connection has one peer (RFC 1122, 4.2.3.10) */
            break;
        tcp_input(src, dst, nb);
        return;
    }
    net_cnt.ip_unknown_proto++;
    netbuf_free(nb);
    return;
bad:
    net_cnt.ip_bad_header++;
    netbuf_free(nb);
}

void ip_input(struct netbuf *nb) { input(nb, 1); }
void ip_input_loopback(struct netbuf *nb) { input(nb, 0); }

int ip_output(uint32_t src, uint32_t dst, uint8_t proto, struct netbuf *nb)
{
    if ((size_t)nb->len + IP_HLEN > NET_MTU) {
        netbuf_free(nb);
        return -NET_EMSGSIZE;
    }
    if (dst == 0 || is_multicast(dst)) {
        netbuf_free(nb);
        return -NET_ENETUNREACH;
    }
    uint8_t *h = netbuf_push(nb, IP_HLEN);
    if (!h) {                           /* a transport left no headroom: its bug */
        netbuf_free(nb);
        return -NET_ENOBUFS;
    }
    if (src == 0)
        src = is_loopback(dst) ? dst : NET_ADDR;
    h[0] = 0x45;                        /* version 4, 5 words */
    h[1] = 0;                           /* type of service */
    net_put16(h + 2, nb->len);
    net_put16(h + 4, ip_id++);
    net_put16(h + 6, IP_DF);
    h[8] = IP_TTL;
    h[9] = proto;
    net_put16(h + 10, 0);
    net_put32(h + 12, src);
    net_put32(h + 16, dst);
    net_put16(h + 10, inet_checksum(h, IP_HLEN, 0));
    if (dst == NET_ADDR || is_loopback(dst)) {
        net_cnt.ip_tx++;
        net_loopback(nb);
        return 0;
    }
    if (!net_up()) {
        netbuf_free(nb);
        return -NET_ENETUNREACH;
    }
    net_cnt.ip_tx++;
    uint32_t hop = ip_is_broadcast(dst) || (dst & NET_MASK) == (NET_ADDR & NET_MASK) ? dst
                                                                                   : NET_GATEWAY;
    return arp_output(nb, hop);
}
