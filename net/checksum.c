/*
 * net/checksum.c — the Internet checksum (RFC 1071): the 16-bit one's complement of the one's
 * complement sum of the data taken as big-endian 16-bit words, an odd last byte padded with a
 * zero. IPv4 (RFC 791), ICMP (RFC 792), UDP (RFC 768) and TCP (RFC 793 / RFC 9293) all use it;
 * UDP and TCP start from the sum of a pseudo-header (inet_pseudo_sum). No state, no locks.
 *
 * Verifying: the checksum over a header that includes its own checksum field is 0 when the
 * header is intact (RFC 1071, section 1: the sum is then all ones, and its complement 0).
 */
#include "net/net.h"

/* 16-bit words added into a 64-bit accumulator, which no packet can overflow; the carries are
 * folded back in at the end (one's complement addition is associative and commutative, so the
 * order and the time of the folding do not matter: RFC 1071, section 2(A), 2(B)). */
static uint32_t sum_words(const uint8_t *p, size_t n, uint64_t sum)
{
    while (n > 1) {
        sum += (uint32_t)(p[0] << 8 | p[1]);
        p += 2;
        n -= 2;
    }
    if (n)
        sum += (uint32_t)p[0] << 8;
    while (sum >> 16)                   /* the end-around carry (RFC 1071, section 2(B)) */
        sum = (sum & 0xffff) + (sum >> 16);
    return (uint32_t)sum;
}

uint16_t inet_checksum(const void *p, size_t n, uint32_t sum)
{
    return (uint16_t)~sum_words(p, n, sum);
}

uint32_t inet_pseudo_sum(uint32_t src, uint32_t dst, uint8_t proto, uint16_t len)
{
    /* RFC 793 section 3.1 / RFC 768: source, destination, zero, protocol, transport length. */
    return (src >> 16) + (src & 0xffff) + (dst >> 16) + (dst & 0xffff) + proto + len;
}
