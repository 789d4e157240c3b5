/*
 * net/icmp.c — the Internet Control Message Protocol (RFC 792), the part a host needs: echo
 * requests answered, echo replies counted (icmp_echo_request sends the requests: a bring-up and
 * test aid), and destination-unreachable messages handed to the transport they concern (its
 * socket learns ECONNREFUSED from "port unreachable"). Other types are counted and dropped.
 * We never send an error about an ICMP message or to a broadcast (RFC 1122, 3.2.2).
 *
 * Locks: all of it under net_lock (net/net.h); no state of its own but the counters.
 */
#include "net/net.h"
#include "net/lower.h"

#define ICMP_ECHO_REPLY   0
#define ICMP_UNREACH      3
#define ICMP_ECHO         8
#define ICMP_HLEN         8             /* type, code, checksum, 4 bytes that depend on the type */

/* Destination unreachable (type 3): after the 8-byte ICMP header, the IPv4 header of the
 * datagram we sent and at least its first 8 bytes (RFC 792), which for UDP and TCP begin with
 * the source and destination ports. Everything is checked against what arrived. */
static void unreachable(uint8_t code, const uint8_t *p, size_t len)
{
    net_cnt.icmp_unreach_rx++;
    if (len < ICMP_HLEN + 20)
        return;
    const uint8_t *ip = p + ICMP_HLEN;
    size_t ihl = (size_t)(ip[0] & 15) * 4;
    if (ip[0] >> 4 != 4 || ihl < 20 || len < ICMP_HLEN + ihl + 4)
        return;
    uint32_t src = net_get32(ip + 12), dst = net_get32(ip + 16);
    if (src != NET_ADDR && (src >> 24) != 127)
        return;                         /* not about a datagram of ours */
    uint16_t sport = net_get16(ip + ihl), dport = net_get16(ip + ihl + 2);
    if (ip[9] == IP_PROTO_UDP)
        udp_unreachable(dst, sport, dport, code);
    else if (ip[9] == IP_PROTO_TCP)
        tcp_unreachable(dst, sport, dport, code);
}

void icmp_input(uint32_t src, uint32_t dst, struct netbuf *nb)
{
    net_cnt.icmp_rx++;
    uint8_t *p = netbuf_data(nb);
    if (nb->len < ICMP_HLEN || inet_checksum(p, nb->len, 0) != 0) {
        net_cnt.icmp_bad++;
        netbuf_free(nb);
        return;
    }
    switch (p[0]) {
    case ICMP_ECHO:
        if (ip_is_broadcast(dst) || p[1] != 0)
            break;                      /* no answers to broadcasts */
        /* The reply is the request, turned round in its own buffer: type 0, the identifier,
         * sequence number and data as they came (RFC 792, "Echo or Echo Reply Message"). */
        p[0] = ICMP_ECHO_REPLY;
        net_put16(p + 2, 0);
        net_put16(p + 2, inet_checksum(p, nb->len, 0));
        net_cnt.icmp_echo_replies_tx++;
        ip_output(dst, src, IP_PROTO_ICMP, nb);
        return;
    case ICMP_ECHO_REPLY:
        net_cnt.icmp_echo_replies_rx++;
        break;
    case ICMP_UNREACH:
        unreachable(p[1], p, nb->len);
        break;
    }
    netbuf_free(nb);
}

int icmp_echo_request(uint32_t dst, uint16_t id, uint16_t seq, size_t len)
{
    if (len > NET_MTU - 20 - ICMP_HLEN)
        return -NET_EMSGSIZE;
    struct netbuf *nb = netbuf_alloc();
    if (!nb) {
        net_cnt.netbuf_alloc_failed++;
        return -NET_ENOBUFS;
    }
    uint8_t *p = netbuf_data(nb);
    nb->len = (uint16_t)(ICMP_HLEN + len);
    p[0] = ICMP_ECHO;
    p[1] = 0;
    net_put16(p + 2, 0);
    net_put16(p + 4, id);
    net_put16(p + 6, seq);
    for (size_t i = 0; i < len; i++)
        p[ICMP_HLEN + i] = (uint8_t)i;
    net_put16(p + 2, inet_checksum(p, nb->len, 0));
    return ip_output(0, dst, IP_PROTO_ICMP, nb);
}
