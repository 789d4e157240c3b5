/*
 * tests/fuzz/fuzz_net.c — libFuzzer target over the kernel's TCP/IP stack (the C files of net/), on the
 * host, with the kernel and the virtio-net device replaced by tests/fuzz/net_shim.c.
 *
 * Built and run by `make fuzz` (mk/tests.mk: clang -fsanitize=fuzzer,address,undefined over
 * every net/ C file, so net/udp.c, net/tcp.c and net/socket.c are fuzzed as soon as they exist).
 * An input is what arrives on the wire:
 *   byte 0      what the stack does first (bits 0-1): nothing, ping the gateway, ping a
 *               neighbour on the subnet (both start an ARP resolution with a packet pending),
 *               or ping ourselves (loopback); bit 2: the device does not complete transmissions
 *               during this input (the transmit ring fills; frames are dropped and counted)
 *   then frames, each a 2-byte big-endian length and that many bytes (the last one cut short
 *               if the input ends first): delivered one by one through the device's receive
 *               queue, each followed by one pass of the stack's thread (net_service) 1 ms later
 * After the frames, the clock jumps ahead (100 s, 8 times) with a pass each time: pending ARP
 * resolutions time out, entries age out, the transports' timers fire.
 *
 * What counts as a finding: a crash or a sanitizer report; a lock taken twice or a sleep in the
 * input path (the shim aborts); a malformed frame sent (shim_check_tx); and a leak: once the
 * clock has moved on, every packet buffer must be back in the pool or in the receive queue
 * (no sockets exist here, so nothing may hold one).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "net/net.h"
#include "net/lower.h"

extern uint64_t shim_clock_ns;
int  shim_rx_frame(const uint8_t *data, size_t n);
void shim_tx_complete(void);

static void pass(uint64_t advance_ns, int complete_tx)
{
    shim_clock_ns += advance_ns;
    spin_lock(&net_lock);
    net_service(shim_clock_ns);
    spin_unlock(&net_lock);
    if (complete_tx)
        shim_tx_complete();
}

struct counts { uint64_t in_use, posted, lo_queued; };
static void count_cb(void *ctx, const char *name, uint64_t v)
{
    struct counts *c = ctx;
    if (!strcmp(name, "netbufs_in_use"))
        c->in_use = v;
    else if (!strcmp(name, "rx_posted"))
        c->posted = v;
    else if (!strcmp(name, "loopback_queued"))
        c->lo_queued = v;
}

static void print_cb(void *ctx, const char *name, uint64_t v)
{
    (void)ctx;
    if (v)
        fprintf(stderr, " %s=%llu", name, (unsigned long long)v);
    if (!strcmp(name, "icmp_unreachable_rx"))
        fputc('\n', stderr);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;
    if (!ready) {
        net_init();
        ready = 1;
    }
    if (size == 0)
        return 0;
    uint8_t how = data[0];
    int complete_tx = !(how & 4);
    data++;
    size--;
    static const uint32_t first[4] = { 0, NET_GATEWAY, 0x0a000209u, 0x7f000001u };
    if (how & 3) {
        spin_lock(&net_lock);
        icmp_echo_request(first[how & 3], 0x1234, 1, 16);
        spin_unlock(&net_lock);
    }
    while (size >= 2) {
        size_t n = (size_t)data[0] << 8 | data[1];
        data += 2;
        size -= 2;
        if (n > size)
            n = size;
        shim_rx_frame(data, n);
        data += n;
        size -= n;
        pass(1000000, complete_tx);
    }
    for (int i = 0; i < 8; i++)
        pass(100ull * 1000000000ull, 1);
    pass(0, 1);                         /* the completions of the last pass come back */
    struct counts c = { 0, 0, 0 };
    net_stats(count_cb, &c);
    if (getenv("FUZZ_NET_STATS"))        /* what the inputs did: FUZZ_NET_STATS=1 ./fuzz_net FILE */
        net_stats(print_cb, 0);
    if (c.in_use != c.posted || c.lo_queued) {
        fprintf(stderr, "fuzz_net: %llu packet buffers in use, %llu of them in the receive "
                "queue, %llu on the loopback queue: a leak\n", (unsigned long long)c.in_use,
                (unsigned long long)c.posted, (unsigned long long)c.lo_queued);
        abort();
    }
    return 0;
}
