/*
 * drivers/virtio_net.c — the virtio network driver (virtio 1.1 spec, section 5.1) on the
 * virtio-mmio transport (drivers/virtio.c). One feature is negotiated, VIRTIO_NET_F_MAC (5.1.3):
 * no checksum or segmentation offloads and no mergeable receive buffers, so every frame travels
 * whole, behind a 12-byte struct virtio_net_hdr that is all zeros on transmit (5.1.6).
 *
 * Queues (5.1.2): receiveq1 is queue 0, transmitq1 is queue 1. Each buffer is a chain of two
 * descriptors: the header (a slot of rx_hdr[] the device writes, or the shared all-zero tx_hdr it
 * reads) and the frame bytes (the caller's buffer). The chain's head index names the buffer:
 * rx_cookie[head] / tx_cookie[head] hold the caller's cookie until the device gives it back.
 * Completion is by interrupt: the handler acknowledges it and calls notify (the stack's thread
 * then drains the used rings through rx_take / tx_done). Nothing here waits for the device.
 *
 * Locks: vnet.lock (a spinlock, thread context only) guards both virtqueues and the cookie
 * arrays. The interrupt handler touches neither: it reads and acknowledges the interrupt status
 * (MMIO) and bumps n_irq with an atomic add. Lock order: net_lock -> vnet.lock -> sched_lock.
 */
#include <string.h>
#include "drivers/virtio.h"
#include "drivers/virtio_net.h"
#include "drivers/gic.h"
#include "kernel/spinlock.h"

#define VIRTIO_NET_F_MAC (1u << 5)
#define VNET_HDR_LEN 12               /* flags, gso_type, hdr_len, gso_size, csum_start,
                                         csum_offset (u16 each), num_buffers (u16): 5.1.6 */
#define VNET_QMAX    64               /* descriptors a queue: 32 two-descriptor buffers */
#define Q_RX 0
#define Q_TX 1

static struct {
    spinlock_t lock;
    struct virtio_dev dev;
    struct virtq rxq, txq;
    int present;
    uint8_t mac[6];
    void (*notify)(void);
    void *rx_cookie[VNET_QMAX], *tx_cookie[VNET_QMAX];
    uint32_t rx_len[VNET_QMAX];       /* the frame buffer's length, to check the device's */
    int rx_posted;
    uint8_t rx_hdr[VNET_QMAX][VNET_HDR_LEN];
    uint32_t n_irq;                   /* atomic adds (the interrupt handler) */
    uint64_t n_bad_len;
} vnet = { .lock = SPINLOCK_INIT("vnet") };

static const uint8_t tx_hdr[VNET_HDR_LEN];   /* no offloads: every field 0 (5.1.6.2) */

int virtio_net_init(void)
{
    if (vnet.present)
        return 0;
    if (virtio_find(VIRTIO_ID_NET, &vnet.dev) < 0)
        return -1;
    if (virtio_begin(&vnet.dev, VIRTIO_NET_F_MAC) < 0)
        return -1;
    if (virtio_queue_setup(&vnet.dev, Q_RX, &vnet.rxq, VNET_QMAX) < 0 ||
        virtio_queue_setup(&vnet.dev, Q_TX, &vnet.txq, VNET_QMAX) < 0 ||
        vnet.rxq.num < 2 || vnet.txq.num < 2) {
        virtio_fail(&vnet.dev);
        return -1;
    }
    /* The MAC: six bytes at config offset 0, read as two little-endian words (5.1.4). Without
     * VIRTIO_NET_F_MAC a driver would pick its own; QEMU always offers it. */
    uint32_t lo = virtio_config_read32(&vnet.dev, 0), hi = virtio_config_read32(&vnet.dev, 4);
    for (int i = 0; i < 4; i++)
        vnet.mac[i] = (uint8_t)(lo >> (8 * i));
    vnet.mac[4] = (uint8_t)hi;
    vnet.mac[5] = (uint8_t)(hi >> 8);
    gic_enable_irq(vnet.dev.irq, 0xa0, 0x01);
    virtio_driver_ok(&vnet.dev);
    vnet.present = 1;
    return 0;
}

int virtio_net_present(void) { return vnet.present; }
void virtio_net_mac(uint8_t mac[6]) { memcpy(mac, vnet.mac, 6); }

void virtio_net_set_notify(void (*fn)(void))
{
    /* A word store: the handler reads it once per interrupt (either the old or the new value). */
    __atomic_store_n(&vnet.notify, fn, __ATOMIC_RELEASE);
}

int virtio_net_rx_post(void *cookie, uint8_t *buf, uint32_t len)
{
    uint16_t id[2];
    if (!vnet.present || len < VNET_FRAME_MAX)
        return -1;
    spin_lock(&vnet.lock);
    if (virtq_alloc_chain(&vnet.rxq, 2, id) < 0) {
        spin_unlock(&vnet.lock);
        return -1;
    }
    struct virtq_desc *d = vnet.rxq.desc;
    d[id[0]] = (struct virtq_desc){ (uintptr_t)vnet.rx_hdr[id[0]], VNET_HDR_LEN,
                                    VIRTQ_DESC_F_WRITE | VIRTQ_DESC_F_NEXT, id[1] };
    d[id[1]] = (struct virtq_desc){ (uintptr_t)buf, len, VIRTQ_DESC_F_WRITE, 0 };
    vnet.rx_cookie[id[0]] = cookie;
    vnet.rx_len[id[0]] = len;
    vnet.rx_posted++;
    virtq_submit(&vnet.rxq, id[0]);
    virtio_notify(&vnet.dev, Q_RX);
    spin_unlock(&vnet.lock);
    return 0;
}

/* The next used element of q, or -1. A used element names a chain head we handed out; one that
 * names anything else (a confused or hostile device) is skipped: *cookies[id] is NULL for it. */
static int used_next(struct virtq *q, void **cookies, uint32_t *len)
{
    while (q->last_used != *(volatile uint16_t *)&q->used->idx) {
        __asm__ volatile("dmb ish" ::: "memory");      /* the entry after the index that shows it */
        struct virtq_used_elem e = q->used->ring[q->last_used & (q->num - 1)];
        q->last_used++;
        if (e.id < q->num && cookies[e.id]) {
            *len = e.len;
            return (int)e.id;
        }
        vnet.n_bad_len++;
    }
    return -1;
}

void *virtio_net_rx_take(uint32_t *len)
{
    uint32_t used_len;
    if (!vnet.present)
        return 0;
    spin_lock(&vnet.lock);
    int h = used_next(&vnet.rxq, vnet.rx_cookie, &used_len);
    if (h < 0) {
        spin_unlock(&vnet.lock);
        return 0;
    }
    void *cookie = vnet.rx_cookie[h];
    /* used.len counts every byte written: the header, then the frame (5.1.6.4). */
    if (used_len < VNET_HDR_LEN || used_len - VNET_HDR_LEN > vnet.rx_len[h]) {
        vnet.n_bad_len++;
        *len = 0;
    } else {
        *len = used_len - VNET_HDR_LEN;
    }
    vnet.rx_cookie[h] = 0;
    vnet.rx_posted--;
    virtq_free_chain(&vnet.rxq, (uint16_t)h);
    spin_unlock(&vnet.lock);
    return cookie;
}

int virtio_net_rx_posted(void)
{
    spin_lock(&vnet.lock);
    int n = vnet.rx_posted;
    spin_unlock(&vnet.lock);
    return n;
}

int virtio_net_tx(void *cookie, const uint8_t *frame, uint32_t len)
{
    uint16_t id[2];
    if (!vnet.present || len == 0 || len > VNET_FRAME_MAX)
        return -1;
    spin_lock(&vnet.lock);
    if (virtq_alloc_chain(&vnet.txq, 2, id) < 0) {
        spin_unlock(&vnet.lock);
        return -1;                      /* every descriptor is in flight: the caller drops it */
    }
    struct virtq_desc *d = vnet.txq.desc;
    d[id[0]] = (struct virtq_desc){ (uintptr_t)tx_hdr, VNET_HDR_LEN, VIRTQ_DESC_F_NEXT, id[1] };
    d[id[1]] = (struct virtq_desc){ (uintptr_t)frame, len, 0, 0 };
    vnet.tx_cookie[id[0]] = cookie;
    virtq_submit(&vnet.txq, id[0]);
    virtio_notify(&vnet.dev, Q_TX);
    spin_unlock(&vnet.lock);
    return 0;
}

void *virtio_net_tx_done(void)
{
    uint32_t len;
    if (!vnet.present)
        return 0;
    spin_lock(&vnet.lock);
    int h = used_next(&vnet.txq, vnet.tx_cookie, &len);
    void *cookie = 0;
    if (h >= 0) {
        cookie = vnet.tx_cookie[h];
        vnet.tx_cookie[h] = 0;
        virtq_free_chain(&vnet.txq, (uint16_t)h);
    }
    spin_unlock(&vnet.lock);
    return cookie;
}

void virtio_net_counts(uint64_t *irqs, uint64_t *bad_len)
{
    spin_lock(&vnet.lock);
    *irqs = __atomic_load_n(&vnet.n_irq, __ATOMIC_RELAXED);
    *bad_len = vnet.n_bad_len;
    spin_unlock(&vnet.lock);
}

/* Interrupt context. The device raised it for used buffers (bit 0) or a configuration change
 * (bit 1, nothing we negotiated can change): acknowledge both, then wake the stack's thread. */
void virtio_net_irq(int slot)
{
    if (!vnet.present || slot != vnet.dev.slot)
        return;
    virtio_irq_ack(&vnet.dev);
    __atomic_fetch_add(&vnet.n_irq, 1, __ATOMIC_RELAXED);
    void (*fn)(void) = __atomic_load_n(&vnet.notify, __ATOMIC_ACQUIRE);
    if (fn)
        fn();
}
