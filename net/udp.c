/*
 * net/udp.c — UDP (RFC 768): datagrams between ports, checksum, demultiplexing to sockets.
 *
 * The header is 8 bytes: source port, destination port, length (header + payload), checksum.
 * The checksum covers a pseudo-header (addresses, protocol, length), the header and the payload;
 * a sender may leave it 0 ("none computed"), and one that computes 0 sends 0xffff instead.
 *
 * Receiving: a datagram goes to the best-matching socket of type DGRAM bound to its destination
 * port: a connected socket whose peer is the sender first, then one bound to the destination
 * address, then one bound to any address. Nothing matches: it is dropped (counted) and the
 * sender is told with an ICMP port unreachable (icmp_port_unreachable: not for a broadcast,
 * rate-limited), so its connected socket learns ECONNREFUSED as it would from Linux.
 * An ICMP destination unreachable for a datagram we sent (net/icmp.c -> udp_unreachable) becomes
 * the error of the connected socket it names (ECONNREFUSED for "port unreachable"), reported by
 * its next call — as on Linux, an unconnected socket is not told.
 *
 * Locks: everything here runs with net_lock held (net/net.h), on the stack's thread (input) or
 * in a socket call (output).
 */
#include <string.h>
#include "net/net.h"
#include "net/socket.h"

uint64_t udp_in, udp_out, udp_dropped;

/* The socket a datagram to dst:dport from src:sport belongs to, or NULL. */
static struct sock *udp_demux(uint32_t src, uint16_t sport, uint32_t dst, uint16_t dport)
{
    struct sock *best = NULL;
    int best_score = -1;
    for (int i = 0; i < SOCK_MAX; i++) {
        struct sock *sk = &sock_table[i];
        if (!sk->used || sk->type != SOCK_DGRAM || !sk->bound || sk->lport != dport)
            continue;
        if (sk->laddr && sk->laddr != dst)
            continue;
        if (sk->connected && (sk->raddr != src || sk->rport != sport))
            continue;                        /* connected elsewhere: not for this socket */
        int score = (sk->connected ? 2 : 0) + (sk->laddr ? 1 : 0);
        if (score > best_score) {
            best = sk;
            best_score = score;
        }
    }
    return best;
}

void udp_input(uint32_t src, uint32_t dst, struct netbuf *nb)
{
    udp_in++;
    if (nb->len < 8)
        goto drop;                           /* shorter than the header */
    uint8_t *h = netbuf_data(nb);
    uint16_t sport = net_get16(h), dport = net_get16(h + 2), ulen = net_get16(h + 4);
    uint16_t sum = net_get16(h + 6);
    if (ulen < 8 || ulen > nb->len)
        goto drop;                           /* the length field lies: past the IP payload */
    nb->len = ulen;                          /* anything after it is padding */
    if (sum != 0 && inet_checksum(h, ulen, inet_pseudo_sum(src, dst, IP_PROTO_UDP, ulen)) != 0)
        goto drop;                           /* corrupted (0 would mean "no checksum sent") */
    if (sport == 0 || dport == 0)
        goto drop;                           /* port 0 is reserved: never a real endpoint */
    struct sock *sk = udp_demux(src, sport, dst, dport);
    if (!sk)
        icmp_port_unreachable(src, dst, nb);
    if (!sk || sk->shut_rd || sk->rxq_count >= UDP_RXQ_MAX)
        goto drop;
    netbuf_pull(nb, 8);
    /* Keep the sender in the 8 bytes the header occupied (a netbuf has no other room for it). */
    uint8_t *meta = netbuf_data(nb) - 8;
    net_put32(meta, src);
    net_put16(meta + 4, sport);
    nb->next = NULL;
    if (sk->rxq_tail)
        sk->rxq_tail->next = nb;
    else
        sk->rxq_head = nb;
    sk->rxq_tail = nb;
    sk->rxq_count++;
    sock_wake(sk);
    return;
drop:
    udp_dropped++;
    netbuf_free(nb);
}

long udp_output(struct sock *sk, const void *buf, size_t n, uint32_t dst, uint16_t dport)
{
    if (n > UDP_MAX_PAYLOAD)
        return -NET_EMSGSIZE;
    if (dport == 0)
        return -NET_EINVAL;
    struct netbuf *nb = netbuf_alloc();
    if (!nb)
        return -NET_ENOBUFS;
    memcpy(netbuf_data(nb), buf, n);
    nb->len = (uint16_t)n;
    uint8_t *h = netbuf_push(nb, 8);
    uint32_t src = sk->laddr ? sk->laddr : sock_source_addr(dst);
    uint16_t ulen = (uint16_t)(n + 8);
    net_put16(h, sk->lport);
    net_put16(h + 2, dport);
    net_put16(h + 4, ulen);
    net_put16(h + 6, 0);
    uint16_t sum = inet_checksum(h, ulen, inet_pseudo_sum(src, dst, IP_PROTO_UDP, ulen));
    net_put16(h + 6, sum ? sum : 0xffff);    /* 0 on the wire would mean "none" */
    udp_out++;
    int r = ip_output(src, dst, IP_PROTO_UDP, nb);
    return r < 0 ? r : (long)n;
}

/* ICMP told us dst:dport could not be reached by a datagram from our port sport. */
void udp_unreachable(uint32_t dst, uint16_t sport, uint16_t dport, int code)
{
    for (int i = 0; i < SOCK_MAX; i++) {
        struct sock *sk = &sock_table[i];
        if (sk->used && sk->type == SOCK_DGRAM && sk->bound && sk->lport == sport &&
            sk->connected && sk->raddr == dst && sk->rport == dport) {
            /* RFC 792 codes: 0 net, 1 host, 2 protocol, 3 port unreachable */
            sk->err = code == 3 || code == 2 ? -NET_ECONNREFUSED
                    : code == 0 ? -NET_ENETUNREACH : -NET_EHOSTUNREACH;
            sock_wake(sk);
        }
    }
}
