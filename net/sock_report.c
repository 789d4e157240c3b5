/*
 * net/sock_report.c — what the kernel's sockets report about themselves: their counters
 * (sock_stats: live sockets, TCP control blocks, the transports' segment and datagram counts)
 * and the socket and TCP tables as text (sock_netstat, the console's `netstat`).
 *
 * Locks: everything is read under net_lock (net/socket.h) and copied out; sock_stats calls its
 * callback only after net_lock is released (the callback may allocate).
 */
#include <stdio.h>
#include "net/net.h"
#include "net/socket.h"

void sock_stats(void (*cb)(void *ctx, const char *name, uint64_t value), void *ctx)
{
    uint64_t tc[TCP_COUNTERS], live = 0, tcbs, uin, uout, udrop;
    spin_lock(&net_lock);
    for (int i = 0; i < SOCK_MAX; i++)
        live += sock_table[i].used;
    tcbs = (uint64_t)tcp_live();
    tcp_counters(tc);
    uin = udp_in;
    uout = udp_out;
    udrop = udp_dropped;
    spin_unlock(&net_lock);
    cb(ctx, "sockets", live);
    cb(ctx, "tcp_connections", tcbs);
    for (int i = 0; i < TCP_COUNTERS; i++)
        cb(ctx, tcp_counter_names[i], tc[i]);
    cb(ctx, "udp_in", uin);
    cb(ctx, "udp_out", uout);
    cb(ctx, "udp_dropped", udrop);
}

size_t sock_netstat(char *out, size_t cap)
{
    if (cap == 0)
        return 0;
    size_t o = 0;
    out[0] = 0;
    spin_lock(&net_lock);
    for (int i = 0; i < SOCK_MAX && o + 1 < cap; i++) {
        struct sock *sk = &sock_table[i];
        if (!sk->used)
            continue;
        int k = snprintf(out + o, cap - o,
                         "sd %-2d %s %u.%u.%u.%u:%u -> %u.%u.%u.%u:%u%s%s%s rxq=%d backlog=%d/%d\n",
                         i, sk->type == SOCK_STREAM ? "tcp" : "udp",
                         (unsigned)(sk->laddr >> 24), (unsigned)(sk->laddr >> 16 & 255),
                         (unsigned)(sk->laddr >> 8 & 255), (unsigned)(sk->laddr & 255),
                         (unsigned)sk->lport,
                         (unsigned)(sk->raddr >> 24), (unsigned)(sk->raddr >> 16 & 255),
                         (unsigned)(sk->raddr >> 8 & 255), (unsigned)(sk->raddr & 255),
                         (unsigned)sk->rport, sk->listening ? " LISTEN" : "",
                         sk->shut_rd ? " shut_rd" : "", sk->shut_wr ? " shut_wr" : "",
                         sk->rxq_count, sk->synq_len + sk->accq_len, sk->backlog);
        if (k < 0)
            break;
        o += (size_t)k < cap - o ? (size_t)k : cap - o - 1;
    }
    if (o + 1 < cap)
        o += tcp_netstat(out + o, cap - o);
    spin_unlock(&net_lock);
    return o;
}
