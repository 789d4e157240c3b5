/*
 * ports/guest/port_socket.c — the socket half of interp/port/port.h in the guest: port_sock_*
 * over the kernel's sockets (net/socket.c), port_resolve over a small hosts table, and
 * port_net_stats. net/ already speaks Linux's errno numbers (NET_E* == PORT_E*), so results pass
 * through unchanged; so do the socket types, shutdown modes and option numbers (checked below).
 * The stack is already up: console_boot (ports/guest/console.c) calls net_init at boot.
 * Locks: none of its own; net/socket.c takes net_lock inside each call.
 */
#include <string.h>
#include <strings.h>
#include "port/port.h"
#include "net/net.h"
#include "net/socket.h"

_Static_assert(PORT_SOCK_STREAM == SOCK_STREAM && PORT_SOCK_DGRAM == SOCK_DGRAM, "socket types");
_Static_assert(PORT_SHUT_RD == SOCK_SHUT_RD && PORT_SHUT_WR == SOCK_SHUT_WR &&
               PORT_SHUT_RDWR == SOCK_SHUT_RDWR, "shutdown modes");
_Static_assert(PORT_SO_REUSEADDR == SOCK_OPT_REUSEADDR && PORT_SO_BROADCAST == SOCK_OPT_BROADCAST &&
               PORT_TCP_NODELAY == SOCK_OPT_NODELAY, "socket options");
#define SAME(a, b) ((int)(a) == (int)(b))
_Static_assert(SAME(PORT_ETIMEDOUT, NET_ETIMEDOUT) && SAME(PORT_ECONNREFUSED, NET_ECONNREFUSED) &&
               SAME(PORT_EINPROGRESS, NET_EINPROGRESS) && SAME(PORT_EAGAIN, NET_EAGAIN) &&
               SAME(PORT_ECONNRESET, NET_ECONNRESET) && SAME(PORT_EINTR, NET_EINTR) &&
               SAME(PORT_ENOTSOCK, NET_ENOTSOCK) && SAME(PORT_EALREADY, NET_EALREADY) &&
               SAME(PORT_EISCONN, NET_EISCONN) && SAME(PORT_EADDRINUSE, NET_EADDRINUSE),
               "errno numbers");
_Static_assert(PORT_FOREVER == SOCK_FOREVER, "the endless timeout");

int port_sock_open(int type, const void *tag) { return sock_open_tagged(type, tag); }
int port_sock_bind(int s, const port_sockaddr_t *a) { return sock_bind(s, a->addr, a->port); }
int port_sock_listen(int s, int backlog) { return sock_listen(s, backlog); }
int port_sock_accept(int s, port_sockaddr_t *peer, uint64_t timeout_ns)
{
    uint32_t addr = 0;
    uint16_t port = 0;
    int r = sock_accept(s, &addr, &port, timeout_ns);
    if (r >= 0 && peer) {
        peer->addr = addr;
        peer->port = port;
    }
    return r;
}
int port_sock_connect(int s, const port_sockaddr_t *a, uint64_t timeout_ns)
{
    return sock_connect(s, a->addr, a->port, timeout_ns);
}
long port_sock_send(int s, const void *buf, size_t n, uint64_t timeout_ns)
{
    return sock_send(s, buf, n, timeout_ns);
}
long port_sock_recv(int s, void *buf, size_t n, uint64_t timeout_ns)
{
    return sock_recv(s, buf, n, timeout_ns);
}
long port_sock_sendto(int s, const void *buf, size_t n, const port_sockaddr_t *to, uint64_t timeout_ns)
{
    return sock_sendto(s, buf, n, to->addr, to->port, timeout_ns);
}
long port_sock_recvfrom(int s, void *buf, size_t n, port_sockaddr_t *from, uint64_t timeout_ns)
{
    uint32_t addr = 0;
    uint16_t port = 0;
    long r = sock_recvfrom(s, buf, n, &addr, &port, timeout_ns);
    if (r >= 0 && from) {
        from->addr = addr;
        from->port = port;
    }
    return r;
}
int port_sock_shutdown(int s, int how) { return sock_shutdown(s, how); }
int port_sock_close(int s) { return sock_close(s); }
int port_sock_name(int s, port_sockaddr_t *a, bool peer)
{
    uint32_t addr = 0;
    uint16_t port = 0;
    int r = sock_name(s, &addr, &port, peer);
    if (r == 0) {
        a->addr = addr;
        a->port = port;
    }
    return r;
}
int port_sock_setopt(int s, int opt, int value) { return sock_setopt(s, opt, value); }
int port_sock_getopt(int s, int opt, int *value) { return sock_getopt(s, opt, value); }

/* A dotted quad, strictly: four decimal numbers 0..255, no signs, no spaces, no leading zeros
 * (inet_aton would read "010" as octal 8: we refuse rather than guess), nothing after. */
static int parse_quad(const char *s, uint32_t *out)
{
    uint32_t a = 0;
    for (int part = 0; part < 4; part++) {
        if (part > 0 && *s++ != '.')
            return -1;
        if (*s < '0' || *s > '9')
            return -1;
        if (s[0] == '0' && s[1] >= '0' && s[1] <= '9')
            return -1;
        unsigned v = 0;
        int digits = 0;
        while (*s >= '0' && *s <= '9') {
            v = v * 10 + (unsigned)(*s++ - '0');
            if (++digits > 3 || v > 255)
                return -1;
        }
        a = a << 8 | v;
    }
    if (*s)
        return -1;
    *out = a;
    return 0;
}

int port_resolve(const char *name, uint32_t *addr)
{
    static const struct { const char *name; uint32_t addr; } hosts[] = {
        { "localhost", 0x7f000001u },          /* 127.0.0.1 */
        { "host",      0x0a000202u },          /* 10.0.2.2: QEMU user networking's gateway, the
                                                  machine QEMU runs on */
    };
    if (!name)
        return -PORT_ENOENT;
    if (parse_quad(name, addr) == 0)
        return 0;
    for (size_t i = 0; i < sizeof hosts / sizeof hosts[0]; i++) {
        if (!strcasecmp(name, hosts[i].name)) {        /* host names ignore case (RFC 4343) */
            *addr = hosts[i].addr;
            return 0;
        }
    }
    return -PORT_ENOENT;
}

void port_net_stats(void (*cb)(void *ctx, const char *name, uint64_t value), void *ctx)
{
    sock_stats(cb, ctx);
    net_stats(cb, ctx);
}
