/*
 * tests/fuzz/net_shim.c — the kernel as the C files of net/ see it, on the host, for the fuzz target
 * tests/fuzz/fuzz_net.c: spinlocks that catch a lock taken twice (a deadlock in the kernel),
 * wait queues and threads that never run (the harness drives net_service itself), kprintf,
 * panic (abort: a finding), and a virtio-net device made of arrays:
 *   receive  buffers the stack posts wait in rx[]; shim_rx_frame copies a frame into the oldest
 *            one and marks it used, as the device would (a frame longer than the buffer is
 *            reported with length 0, as drivers/virtio_net.c reports a bad device length), and
 *            poisons the rest of the buffer for AddressSanitizer
 *   transmit every frame the stack hands over is checked (shim_check_tx: well-formed Ethernet,
 *            our source MAC, valid IPv4 and ICMP checksums, a complete ARP packet) and held until
 *            shim_tx_complete; SHIM_TX_SLOTS in flight at most, so an input that leaves them
 *            incomplete reaches the ring-full drop.
 * And the transports' entry points, weak: when net/udp.c and net/tcp.c are built in, theirs win
 * (the target then fuzzes the whole stack); without them these consume the packet.
 * Single-threaded: no locking of its own.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sanitizer/asan_interface.h>
#include "kernel/thread.h"
#include "kernel/console.h"
#include "kernel/panic.h"
#include "drivers/virtio_net.h"
#include "net/net.h"

uint64_t shim_clock_ns = 1000000000ull;
volatile int panicking;

/* ---- kernel primitives ---------------------------------------------------------------------- */
void spin_init(spinlock_t *l, const char *name) { l->locked = 0; l->cpu = -1; l->holder = 0; l->name = name; }
void spin_lock(spinlock_t *l)
{
    if (l->locked) {
        fprintf(stderr, "net shim: spinlock %s taken twice (a deadlock on the kernel)\n", l->name);
        abort();
    }
    l->locked = 1;
}
void spin_unlock(spinlock_t *l)
{
    if (!l->locked) {
        fprintf(stderr, "net shim: spinlock %s released but not held\n", l->name);
        abort();
    }
    l->locked = 0;
}
int  spin_holding(spinlock_t *l) { return l->locked != 0; }
void push_off(void) {}
void pop_off(void) {}
void waitq_init(struct waitq *q, const char *name) { memset(q, 0, sizeof *q); q->name = name; }
int  waitq_sleep(struct waitq *q, spinlock_t *lk, uint64_t timeout_ns)
{
    (void)q; (void)lk; (void)timeout_ns;
    fprintf(stderr, "net shim: waitq_sleep: the stack slept in its input path\n");
    abort();
}
int  waitq_sleep_interruptible(struct waitq *q, spinlock_t *lk, uint64_t timeout_ns)
{
    return waitq_sleep(q, lk, timeout_ns);
}
int  waitq_wake_one(struct waitq *q) { (void)q; return 0; }
int  waitq_wake_all(struct waitq *q) { (void)q; return 0; }
int  thread_sleep_ns(uint64_t ns) { shim_clock_ns += ns; return 0; }
struct thread *thread_create(const char *name, void (*fn)(void *), void *arg, size_t stack_size,
                             int core, const char **err)
{
    (void)name; (void)fn; (void)arg; (void)stack_size; (void)core; (void)err;
    static char not_run;                /* the harness is the stack's thread */
    return (struct thread *)&not_run;
}
bool console_interrupted(void) { return false; }     /* no Ctrl-C on the host (net/socket.c asks) */
int kprintf(const char *fmt, ...)
{
    (void)fmt;                          /* the boot line: nothing to check */
    return 0;
}
void panic(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "net shim: panic: ");
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    abort();
}

/* ---- the device --------------------------------------------------------------------------- */
#define SHIM_RX_SLOTS 32
#define SHIM_TX_SLOTS 8
static const uint8_t shim_mac[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };
static struct { void *cookie; uint8_t *buf; uint32_t cap, len; int used; } rx[SHIM_RX_SLOTS];
static int rx_count;                    /* posted, oldest first in rx[0..rx_count) */
static void *tx[SHIM_TX_SLOTS];         /* handed over: tx[0..tx_count), done up to tx_done */
static int tx_count, tx_ndone;
static void (*notify)(void);

int  virtio_net_init(void) { return 0; }
int  virtio_net_present(void) { return 1; }
void virtio_net_mac(uint8_t mac[6]) { memcpy(mac, shim_mac, 6); }
void virtio_net_set_notify(void (*fn)(void)) { notify = fn; }
void virtio_net_counts(uint64_t *irqs, uint64_t *bad_len) { *irqs = 0; *bad_len = 0; }
void virtio_net_irq(int slot) { (void)slot; }
int  virtio_net_rx_posted(void) { return rx_count; }

int virtio_net_rx_post(void *cookie, uint8_t *buf, uint32_t len)
{
    if (rx_count == SHIM_RX_SLOTS || len < VNET_FRAME_MAX)
        return -1;
    rx[rx_count].cookie = cookie;
    rx[rx_count].buf = buf;
    rx[rx_count].cap = len;
    rx[rx_count].used = 0;
    rx_count++;
    return 0;
}

void *virtio_net_rx_take(uint32_t *len)
{
    if (rx_count == 0 || !rx[0].used)
        return 0;
    void *c = rx[0].cookie;
    *len = rx[0].len;
    memmove(&rx[0], &rx[1], (size_t)(rx_count - 1) * sizeof rx[0]);
    rx_count--;
    return c;
}

/* The device receives one frame: into the oldest posted buffer not yet filled. 0 ok, -1 none. */
int shim_rx_frame(const uint8_t *data, size_t n)
{
    for (int i = 0; i < rx_count; i++) {
        if (rx[i].used)
            continue;
        /* What the device did not write is poisoned (ASan): a read past the frame is a finding,
         * though it stays inside the buffer. A write there must go through netbuf_put. */
        ASAN_UNPOISON_MEMORY_REGION(rx[i].buf, rx[i].cap);
        if (n > rx[i].cap) {
            rx[i].len = 0;              /* the driver's answer to an impossible length */
        } else {
            memcpy(rx[i].buf, data, n);
            rx[i].len = (uint32_t)n;
        }
        ASAN_POISON_MEMORY_REGION(rx[i].buf + rx[i].len, rx[i].cap - rx[i].len);
        rx[i].used = 1;
        if (notify)
            notify();
        return 0;
    }
    return -1;
}

static void bad_tx(const char *why, const uint8_t *f, uint32_t len)
{
    fprintf(stderr, "net shim: the stack sent a bad frame (%s), %u bytes:", why, (unsigned)len);
    for (uint32_t i = 0; i < len && i < 64; i++)
        fprintf(stderr, " %02x", f[i]);
    fputc('\n', stderr);
    abort();
}

/* Whatever the input, what we send must be well-formed. */
static void shim_check_tx(const uint8_t *f, uint32_t len)
{
    if (len < 14 || len > VNET_FRAME_MAX)
        bad_tx("length", f, len);
    if (memcmp(f + 6, shim_mac, 6) != 0)
        bad_tx("source MAC", f, len);
    if (f[0] & 1 && memcmp(f, "\xff\xff\xff\xff\xff\xff", 6) != 0)
        bad_tx("multicast destination", f, len);
    uint16_t type = net_get16(f + 12);
    const uint8_t *p = f + 14;
    uint32_t n = len - 14;
    if (type == 0x0806) {
        if (n < 28 || net_get16(p) != 1 || net_get16(p + 2) != 0x0800 || p[4] != 6 || p[5] != 4 ||
            (net_get16(p + 6) != 1 && net_get16(p + 6) != 2) || memcmp(p + 8, shim_mac, 6) != 0)
            bad_tx("ARP", f, len);
    } else if (type == 0x0800) {
        if (n < 20 || p[0] != 0x45 || net_get16(p + 2) > n || net_get16(p + 2) < 20 ||
            inet_checksum(p, 20, 0) != 0 || p[8] == 0)
            bad_tx("IPv4 header", f, len);
        uint32_t tot = net_get16(p + 2);
        if (p[9] == IP_PROTO_ICMP && (tot < 28 || inet_checksum(p + 20, tot - 20, 0) != 0))
            bad_tx("ICMP checksum", f, len);
    } else {
        bad_tx("EtherType", f, len);
    }
}

int virtio_net_tx(void *cookie, const uint8_t *frame, uint32_t len)
{
    shim_check_tx(frame, len);
    if (tx_count == SHIM_TX_SLOTS)
        return -1;
    tx[tx_count++] = cookie;
    return 0;
}

void *virtio_net_tx_done(void)
{
    if (tx_ndone == 0)
        return 0;
    void *c = tx[0];
    memmove(&tx[0], &tx[1], (size_t)(tx_count - 1) * sizeof tx[0]);
    tx_count--;
    tx_ndone--;
    return c;
}

/* The device finishes every transmission handed to it so far. */
void shim_tx_complete(void) { tx_ndone = tx_count; }

/* ---- the transports, until net/udp.c and net/tcp.c are linked in ------------------------- */
__attribute__((weak)) void udp_input(uint32_t src, uint32_t dst, struct netbuf *nb)
{ (void)src; (void)dst; netbuf_free(nb); }
__attribute__((weak)) void tcp_input(uint32_t src, uint32_t dst, struct netbuf *nb)
{ (void)src; (void)dst; netbuf_free(nb); }
__attribute__((weak)) void udp_unreachable(uint32_t dst, uint16_t sport, uint16_t dport, int code)
{ (void)dst; (void)sport; (void)dport; (void)code; }
__attribute__((weak)) void tcp_unreachable(uint32_t dst, uint16_t sport, uint16_t dport, int code)
{ (void)dst; (void)sport; (void)dport; (void)code; }
__attribute__((weak)) void tcp_timer(uint64_t now_ns) { (void)now_ns; }
