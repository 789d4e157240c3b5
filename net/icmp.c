/*
 * net/icmp.c — the Internet Control Message Protocol (RFC 792), the part a host needs: echo
 * requests answered, echo replies counted (icmp_echo_request sends the requests: a bring-up and
 * test aid), and destination-unreachable messages handed to the transport they concern (its
 * socket learns ECONNREFUSED from "port unreachable"), and "port unreachable" sent for a UDP
 * datagram no socket takes (icmp_port_unreachable). Other types are counted and dropped.
 * We never send an error about an ICMP message or to a broadcast (RFC 1122, 3.2.2).
 *
 * Locks: all of it under net_lock (net/net.h); no state of its own but the counters and the
 * error rate limit's bucket.
 */
#include <string.h>
#include "net/net.h"
#include "net/lower.h"

#define ICMP_ECHO_REPLY   0
#define ICMP_UNREACH      3
#define ICMP_ECHO         8
#define ICMP_HLEN         8             /* type, code, checksum, 4 bytes that depend on the type */
#define ICMP_PORT_UNREACH 3             /* destination unreachable's code for "port unreachable" */

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

/* The errors' token bucket (net/net.h: ICMP_ERR_BURST, then ICMP_ERR_PER_S): whole tokens,
 * refilled from the time since the last refill. */
static uint64_t err_tokens = ICMP_ERR_BURST, err_refilled_ns;

static int error_allowed(void)
{
    uint64_t now = net_now_ns();
    uint64_t add = (now - err_refilled_ns) / (1000000000ull / ICMP_ERR_PER_S);
    if (add) {
        err_tokens = err_tokens + add > ICMP_ERR_BURST ? ICMP_ERR_BURST : err_tokens + add;
        err_refilled_ns = now;
    }
    if (err_tokens == 0)
        return 0;
    err_tokens--;
    return 1;
}

void icmp_port_unreachable(uint32_t src, uint32_t dst, const struct netbuf *nb)
{
    if (ip_is_broadcast(dst) || src == 0)
        return;
    const uint8_t *ip = nb->buf + nb->nh;
    size_t hlen = (size_t)(ip[0] & 15) * 4;
    /* The IPv4 header and the first 8 bytes after it (RFC 792): all of the UDP header, which
     * udp_input found whole; whatever the datagram holds beyond that stays ours. */
    size_t quote = hlen + 8;
    if (nb->nh + quote > (size_t)nb->off + nb->len)
        return;
    if (!error_allowed()) {
        net_cnt.icmp_unreach_limited++;
        return;
    }
    struct netbuf *r = netbuf_alloc();
    if (!r) {
        net_cnt.netbuf_alloc_failed++;
        return;
    }
    uint8_t *p = netbuf_data(r);
    r->len = (uint16_t)(ICMP_HLEN + quote);
    p[0] = ICMP_UNREACH;
    p[1] = ICMP_PORT_UNREACH;
    net_put16(p + 2, 0);
    net_put32(p + 4, 0);                /* unused */
    memcpy(p + ICMP_HLEN, ip, quote);
    net_put16(p + 2, inet_checksum(p, r->len, 0));
    net_cnt.icmp_unreach_tx++;
    ip_output(dst, src, IP_PROTO_ICMP, r);     /* from the address the datagram was sent to */
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
