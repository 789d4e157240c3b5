/*
 * net/netif.c — the stack's interface to the machine: the packet-buffer pool, the stack's kernel
 * thread ("net"), the loopback queue, the link to the virtio-net driver, bring-up and the
 * counters. docs/net.md draws how the pieces meet.
 *
 * The thread: sleeps on net_wq until net_kick (the device's interrupt, a loopback packet) or
 * the next tick (NET_TICK_NS); then, with net_lock held, one net_service pass: transmit
 * completions back to the pool, received frames into eth_input, the loopback queue into
 * ip_input_loopback, and every tick tcp_timer and arp_timer. Input therefore never runs in interrupt
 * context and never re-enters itself: ip_output to ourselves only queues (net_loopback).
 *
 * Locks:
 *   net_lock       (net/net.h) all protocol state, the loopback queue, net_cnt, next_tick
 *   net_wake_lock  wake_pending and the sleep on net_wq: taken by net_kick from any context,
 *                  interrupts included, so it is a leaf under net_lock (net_lock -> net_wake_lock
 *                  -> sched_lock); the thread sleeps with it handed to waitq_sleep: a kick that
 *                  lands between "nothing pending" and "asleep" is not lost (kernel/waitq.c)
 *   netbuf_lock    the pool's free list and counts: a leaf, so any thread may allocate with or
 *                  without net_lock (a socket copies its data in before it takes net_lock)
 */
#include <string.h>
#include "net/net.h"
#include "net/lower.h"
#include "kernel/thread.h"
#include "kernel/console.h"
#include "kernel/panic.h"
#include "drivers/timer.h"
#include "drivers/virtio_net.h"

/* Under AddressSanitizer (the host fuzz target, tests/fuzz/fuzz_net.c) a free buffer's bytes are
 * poisoned, so a use after netbuf_free is reported where it happens; the fuzz target's device
 * also poisons a received buffer past the frame, so a read beyond a packet is caught though it
 * stays inside the 2 KiB array. The kernel build has no sanitizer: these are no-ops there. */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NET_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define NET_ASAN 1
#endif
#ifdef NET_ASAN
#include <sanitizer/asan_interface.h>
#define POISON(p, n)   ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define POISON(p, n)   ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

spinlock_t net_lock = SPINLOCK_INIT("net");
uint8_t net_mac[6];
struct net_counters net_cnt;

/* ---- the buffer pool ------------------------------------------------------------------------ */
/* A fixed array: a flood of frames or a socket that never reads can empty it, never the heap.
 * Buffers are carved from the array in order the first time and recycled through free_list
 * after that. in_use[] catches a double free or a pointer that is not a pool buffer at once,
 * where a linked free list alone would be silently corrupted. */
static spinlock_t netbuf_lock = SPINLOCK_INIT("netbuf");
static struct netbuf pool[NETBUF_COUNT];
static struct netbuf *free_list;
static int carved, n_in_use, n_in_use_max;
static uint64_t n_alloc_failed;
static uint8_t in_use[NETBUF_COUNT];

struct netbuf *netbuf_alloc(void)
{
    spin_lock(&netbuf_lock);
    struct netbuf *nb = free_list;
    if (nb)
        free_list = nb->next;
    else if (carved < NETBUF_COUNT)
        nb = &pool[carved++];
    if (nb) {
        in_use[nb - pool] = 1;
        if (++n_in_use > n_in_use_max)
            n_in_use_max = n_in_use;
    } else {
        n_alloc_failed++;
    }
    spin_unlock(&netbuf_lock);
    if (nb) {
        UNPOISON(nb->buf, NETBUF_SIZE);
        nb->next = 0;
        nb->off = NETBUF_HEADROOM;
        nb->len = 0;
        nb->nh = 0;
    }
    return nb;
}

void netbuf_free(struct netbuf *nb)
{
    if (!nb)
        return;
    uintptr_t a = (uintptr_t)nb, base = (uintptr_t)pool;
    size_t i = (a - base) / sizeof *nb;
    if (a < base || i >= NETBUF_COUNT || a != (uintptr_t)&pool[i])
        panic("netbuf_free: %p is not a packet buffer", (void *)nb);
    spin_lock(&netbuf_lock);
    if (!in_use[i]) {
        spin_unlock(&netbuf_lock);
        panic("netbuf_free: buffer %u freed twice", (unsigned)i);
    }
    in_use[i] = 0;
    n_in_use--;
    POISON(nb->buf, NETBUF_SIZE);
    nb->next = free_list;
    free_list = nb;
    spin_unlock(&netbuf_lock);
}

uint8_t *netbuf_push(struct netbuf *nb, size_t n)
{
    if (n > nb->off)
        return 0;                       /* no headroom left: the caller's bug, it drops nb */
    nb->off = (uint16_t)(nb->off - n);
    nb->len = (uint16_t)(nb->len + n);
    return netbuf_data(nb);
}

uint8_t *netbuf_put(struct netbuf *nb, size_t n)
{
    if (n > (size_t)NETBUF_SIZE - nb->off - nb->len)
        return 0;
    uint8_t *p = netbuf_data(nb) + nb->len;
    UNPOISON(p, n);
    nb->len = (uint16_t)(nb->len + n);
    return p;
}

uint8_t *netbuf_pull(struct netbuf *nb, size_t n)
{
    if (nb->len < n)
        return 0;
    uint8_t *p = netbuf_data(nb);
    nb->off = (uint16_t)(nb->off + n);
    nb->len = (uint16_t)(nb->len - n);
    return p;
}

/* ---- the device ------------------------------------------------------------------------------ */
static int up;                          /* a device is attached (set once, by net_init) */
int net_up(void) { return up; }

/* Keep the receive queue full: one fresh buffer per free slot, while the pool has them. The
 * frame goes at NETBUF_HEADROOM, so a reply built in the received buffer (ICMP echo, ARP) has
 * the headroom for its headers. */
_Static_assert(NETBUF_SIZE - NETBUF_HEADROOM >= VNET_FRAME_MAX, "a received frame fits a netbuf");

static void rx_refill(void)
{
    while (up) {
        struct netbuf *nb = netbuf_alloc();
        if (!nb)
            return;
        if (virtio_net_rx_post(nb, nb->buf + NETBUF_HEADROOM, NETBUF_SIZE - NETBUF_HEADROOM) < 0) {
            netbuf_free(nb);
            return;                     /* the queue is full */
        }
    }
}

static void tx_reclaim(void)
{
    struct netbuf *nb;
    while ((nb = virtio_net_tx_done()))
        netbuf_free(nb);
}

int netif_transmit(struct netbuf *nb)
{
    if (!up) {
        net_cnt.tx_nodev++;
        netbuf_free(nb);
        return -NET_ENETDOWN;
    }
    tx_reclaim();                       /* completions not yet collected free descriptors */
    if (virtio_net_tx(nb, netbuf_data(nb), nb->len) < 0) {
        net_cnt.tx_ring_full++;         /* TCP's retransmission timer covers the loss */
        netbuf_free(nb);
        return -NET_ENOBUFS;
    }
    net_cnt.tx_frames++;
    return 0;
}

/* Received frames, at most RX_BUDGET a pass, so the loopback queue and the timers get their
 * turn under a flood. Each frame's buffer is replaced in the receive queue by a fresh one before
 * the frame goes up; when the pool is empty, the frame is dropped and its own buffer goes back
 * (recycled): the queue never runs dry, and a flood costs frames, not buffers. */
#define RX_BUDGET 64
static int rx_drain(void)
{
    int n = 0;
    uint32_t len;
    struct netbuf *nb;
    while (n < RX_BUDGET && (nb = virtio_net_rx_take(&len))) {
        n++;
        struct netbuf *fresh = netbuf_alloc();
        struct netbuf *repost = fresh ? fresh : nb;
        if (virtio_net_rx_post(repost, repost->buf + NETBUF_HEADROOM,
                               NETBUF_SIZE - NETBUF_HEADROOM) < 0)
            netbuf_free(repost);        /* cannot happen: we just took a slot */
        if (!fresh) {
            net_cnt.rx_nobuf++;
            continue;
        }
        net_cnt.rx_frames++;
        nb->next = 0;
        nb->off = NETBUF_HEADROOM;
        nb->len = (uint16_t)len;        /* <= VNET_FRAME_MAX room: the driver checked it */
        eth_input(nb);
    }
    return n == RX_BUDGET;
}

/* ---- loopback ------------------------------------------------------------------------------- */
static struct netbuf *lo_head, *lo_tail;

void net_loopback(struct netbuf *nb)
{
    nb->next = 0;
    if (lo_tail)
        lo_tail->next = nb;
    else
        lo_head = nb;
    lo_tail = nb;
    net_cnt.ip_loopback++;
    net_kick();
}

/* ---- the thread ------------------------------------------------------------------------------ */
static spinlock_t net_wake_lock = SPINLOCK_INIT("netwake");
static struct waitq net_wq = { 0, 0, "net", 0 };
static int wake_pending;
static uint64_t next_tick;

void net_kick(void)
{
    spin_lock(&net_wake_lock);
    wake_pending = 1;
    waitq_wake_all(&net_wq);
    spin_unlock(&net_wake_lock);
}

uint64_t net_now_ns(void) { return timer_ticks_to_ns(timer_now()); }

void net_service(uint64_t now)
{
    tx_reclaim();
    int more = rx_drain();
    /* Only what was queued before this pass: a packet that its own input answers over loopback
     * (TCP to ourselves) waits for the next pass, so one pass always ends. */
    struct netbuf *nb = lo_head;
    lo_head = lo_tail = 0;
    while (nb) {
        struct netbuf *next = nb->next;
        nb->next = 0;
        ip_input_loopback(nb);
        nb = next;
    }
    if (now >= next_tick) {
        next_tick = now + NET_TICK_NS;
        arp_timer(now);
        tcp_timer(now);
    }
    rx_refill();                        /* after a pool shortage: buffers have come back */
    if (more || lo_head)
        net_kick();
}

static void net_thread(void *arg)
{
    (void)arg;
    for (;;) {
        spin_lock(&net_lock);
        uint64_t tick = next_tick;
        spin_unlock(&net_lock);
        spin_lock(&net_wake_lock);
        uint64_t now = net_now_ns();
        while (!wake_pending && now < tick) {
            waitq_sleep(&net_wq, &net_wake_lock, tick - now);
            now = net_now_ns();
        }
        wake_pending = 0;
        spin_unlock(&net_wake_lock);
        spin_lock(&net_lock);
        net_service(now);
        spin_unlock(&net_lock);
    }
}

/* ---- bring-up -------------------------------------------------------------------------------- */
int net_init(void)
{
    /* 0 not started, 1 starting, 2 done. A second caller (the guest port's first socket call
     * racing the console's start) waits for the first: bring-up mallocs, so no spinlock. */
    static int state;
    int expect = 0;
    if (!__atomic_compare_exchange_n(&state, &expect, 1, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        while (__atomic_load_n(&state, __ATOMIC_ACQUIRE) != 2)
            thread_sleep_ns(1000000);
        return up ? 0 : -1;
    }
    int dev = virtio_net_init() == 0;
    if (dev) {
        virtio_net_mac(net_mac);
        virtio_net_set_notify(net_kick);
    }
    const char *err;
    if (!thread_create("net", net_thread, 0, 32 * 1024, -1, &err))
        panic("cannot start the network thread: %s", err);
    spin_lock(&net_lock);
    up = dev;
    if (up) {
        rx_refill();
        arp_request(NET_GATEWAY);       /* the way out, resolved before the first packet needs it */
    }
    spin_unlock(&net_lock);
    __atomic_store_n(&state, 2, __ATOMIC_RELEASE);
    if (up)
        kprintf("net: virtio-net %02x:%02x:%02x:%02x:%02x:%02x, %u.%u.%u.%u\n", net_mac[0],
                net_mac[1], net_mac[2], net_mac[3], net_mac[4], net_mac[5],
                NET_ADDR >> 24, NET_ADDR >> 16 & 255, NET_ADDR >> 8 & 255, NET_ADDR & 255);
    return up ? 0 : -1;
}

/* ---- counters -------------------------------------------------------------------------------- */
void net_stats(void (*cb)(void *ctx, const char *name, uint64_t value), void *ctx)
{
    spin_lock(&net_lock);
    struct net_counters c = net_cnt;
    uint64_t arp = (uint64_t)arp_entries(), lo_queued = 0;
    for (struct netbuf *nb = lo_head; nb; nb = nb->next)
        lo_queued++;
    spin_unlock(&net_lock);
    spin_lock(&netbuf_lock);
    uint64_t in = (uint64_t)n_in_use, in_max = (uint64_t)n_in_use_max, failed = n_alloc_failed;
    spin_unlock(&netbuf_lock);
    uint64_t irqs = 0, bad = 0, posted = 0;
    if (up) {
        virtio_net_counts(&irqs, &bad);
        posted = (uint64_t)virtio_net_rx_posted();
    }
    /* The receive queue's buffers are the pool's too: netbufs_in_use - rx_posted is what the
     * protocols (and sockets) hold. */
    const struct { const char *name; uint64_t v; } rows[] = {
        { "net_up", (uint64_t)up }, { "netbufs_total", NETBUF_COUNT },
        { "netbufs_in_use", in }, { "netbufs_in_use_max", in_max },
        { "netbuf_alloc_failed", failed }, { "rx_posted", posted },
        { "rx_frames", c.rx_frames }, { "tx_frames", c.tx_frames },
        { "rx_dropped_nobuf", c.rx_nobuf }, { "tx_dropped_ring_full", c.tx_ring_full },
        { "tx_dropped_nodev", c.tx_nodev }, { "dev_irqs", irqs }, { "dev_bad_len", bad },
        { "eth_bad", c.eth_bad }, { "eth_not_ours", c.eth_not_ours },
        { "eth_unknown_type", c.eth_unknown_type },
        { "arp_entries", arp }, { "arp_rx", c.arp_rx }, { "arp_bad", c.arp_bad },
        { "arp_requests_tx", c.arp_requests_tx }, { "arp_replies_tx", c.arp_replies_tx },
        { "arp_pending_dropped", c.arp_pending_dropped },
        { "ip_rx", c.ip_rx }, { "ip_tx", c.ip_tx }, { "ip_bad_header", c.ip_bad_header },
        { "ip_bad_checksum", c.ip_bad_checksum }, { "ip_fragments_dropped", c.ip_fragments },
        { "ip_not_ours", c.ip_not_ours }, { "ip_unknown_proto", c.ip_unknown_proto },
        { "ip_loopback", c.ip_loopback }, { "loopback_queued", lo_queued },
        { "icmp_rx", c.icmp_rx }, { "icmp_bad", c.icmp_bad },
        { "icmp_echo_replies_tx", c.icmp_echo_replies_tx },
        { "icmp_echo_replies_rx", c.icmp_echo_replies_rx },
        { "icmp_unreachable_rx", c.icmp_unreach_rx },
        { "icmp_unreachable_tx", c.icmp_unreach_tx },
        { "icmp_unreachable_limited", c.icmp_unreach_limited },
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        cb(ctx, rows[i].name, rows[i].v);
}
