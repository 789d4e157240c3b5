/*
 * drivers/virtio.c — the virtio-mmio transport: probing the 32 slots of QEMU `virt`, the status
 * handshake, feature negotiation and split virtqueues (drivers/virtio.h says which spec parts).
 * Memory is identity-mapped and QEMU's DMA sees the same RAM the cores do, so a virtqueue's
 * physical address is its pointer; the barriers order our ring stores against the device's view.
 * Locks: none here; each driver holds its own lock around a queue (drivers/virtio_blk.c).
 */
#include <stdlib.h>
#include <string.h>
#include <malloc.h>
#include "drivers/virtio.h"
#include "drivers/virtio_blk.h"
#include "drivers/virtio_net.h"
#include "drivers/mmio.h"
#include "kernel/console.h"

enum {
    R_MAGIC = 0x000, R_VERSION = 0x004, R_DEVICE_ID = 0x008, R_DEV_FEATURES = 0x010,
    R_DEV_FEATURES_SEL = 0x014, R_DRV_FEATURES = 0x020, R_DRV_FEATURES_SEL = 0x024,
    R_QUEUE_SEL = 0x030, R_QUEUE_NUM_MAX = 0x034, R_QUEUE_NUM = 0x038, R_QUEUE_READY = 0x044,
    R_QUEUE_NOTIFY = 0x050, R_INT_STATUS = 0x060, R_INT_ACK = 0x064, R_STATUS = 0x070,
    R_DESC_LO = 0x080, R_DESC_HI = 0x084, R_AVAIL_LO = 0x090, R_AVAIL_HI = 0x094,
    R_USED_LO = 0x0a0, R_USED_HI = 0x0a4, R_CONFIG = 0x100,
};
enum { S_ACK = 1, S_DRIVER = 2, S_DRIVER_OK = 4, S_FEATURES_OK = 8, S_FAILED = 128 };
#define VIRTIO_MAGIC 0x74726976u        /* "virt" */

static inline void wmb(void) { __asm__ volatile("dmb ish" ::: "memory"); }
static inline uint32_t rd(struct virtio_dev *d, uint32_t off) { return mmio_read(d->base + off); }
static inline void wr(struct virtio_dev *d, uint32_t off, uint32_t v) { mmio_write(d->base + off, v); }

int virtio_find(uint32_t device_id, struct virtio_dev *d)
{
    /* From the top: QEMU gives the first device on its command line the highest slot. */
    for (int s = VIRTIO_MMIO_SLOTS - 1; s >= 0; s--) {
        uintptr_t base = VIRTIO_MMIO_BASE + (uintptr_t)s * VIRTIO_MMIO_STRIDE;
        if (mmio_read(base + R_MAGIC) != VIRTIO_MAGIC || mmio_read(base + R_DEVICE_ID) != device_id)
            continue;
        if (mmio_read(base + R_VERSION) != 2) {
            kprintf("virtio: slot %d is a legacy (version %u) transport: not supported "
                    "(QEMU: -global virtio-mmio.force-legacy=false)\n", s,
                    (unsigned)mmio_read(base + R_VERSION));
            continue;
        }
        d->base = base;
        d->slot = s;
        d->irq = VIRTIO_IRQ_BASE + s;
        d->device_id = device_id;
        return 0;
    }
    return -1;
}

int virtio_begin(struct virtio_dev *d, uint32_t features)
{
    wr(d, R_STATUS, 0);                                 /* reset */
    wr(d, R_STATUS, S_ACK);
    wr(d, R_STATUS, S_ACK | S_DRIVER);
    wr(d, R_DEV_FEATURES_SEL, 0);
    uint32_t lo = rd(d, R_DEV_FEATURES) & features;
    wr(d, R_DEV_FEATURES_SEL, 1);
    uint32_t hi = rd(d, R_DEV_FEATURES);
    if (!(hi & 1)) {                                    /* VIRTIO_F_VERSION_1 is bit 32 */
        virtio_fail(d);
        return -1;
    }
    wr(d, R_DRV_FEATURES_SEL, 0);
    wr(d, R_DRV_FEATURES, lo);
    wr(d, R_DRV_FEATURES_SEL, 1);
    wr(d, R_DRV_FEATURES, 1);
    wr(d, R_STATUS, S_ACK | S_DRIVER | S_FEATURES_OK);
    if (!(rd(d, R_STATUS) & S_FEATURES_OK)) {
        virtio_fail(d);
        return -1;
    }
    return 0;
}

int virtio_queue_setup(struct virtio_dev *d, int index, struct virtq *q, uint16_t max)
{
    wr(d, R_QUEUE_SEL, (uint32_t)index);
    if (rd(d, R_QUEUE_READY))
        return -1;
    uint32_t nmax = rd(d, R_QUEUE_NUM_MAX);
    if (nmax == 0)
        return -1;
    uint16_t num = 1;
    while ((uint32_t)num * 2 <= nmax && num * 2 <= max)
        num *= 2;
    q->num = num;
    q->desc = memalign(4096, 16u * num);
    q->avail = memalign(4096, 6u + 2u * num);
    q->used = memalign(4096, 6u + 8u * num);
    if (!q->desc || !q->avail || !q->used) {
        free(q->desc); free(q->avail); free(q->used);
        return -1;
    }
    memset(q->desc, 0, 16u * num);
    memset(q->avail, 0, 6u + 2u * num);
    memset(q->used, 0, 6u + 8u * num);
    for (uint16_t i = 0; i < num; i++)
        q->desc[i].next = (uint16_t)(i + 1);
    q->free_head = 0;
    q->nfree = num;
    q->last_used = 0;
    wr(d, R_QUEUE_NUM, num);
    wr(d, R_DESC_LO, (uint32_t)(uintptr_t)q->desc);   wr(d, R_DESC_HI, 0);
    wr(d, R_AVAIL_LO, (uint32_t)(uintptr_t)q->avail); wr(d, R_AVAIL_HI, 0);
    wr(d, R_USED_LO, (uint32_t)(uintptr_t)q->used);   wr(d, R_USED_HI, 0);
    wmb();
    wr(d, R_QUEUE_READY, 1);
    return 0;
}

void virtio_driver_ok(struct virtio_dev *d)
{
    wr(d, R_STATUS, rd(d, R_STATUS) | S_DRIVER_OK);
}

void virtio_fail(struct virtio_dev *d)
{
    wr(d, R_STATUS, rd(d, R_STATUS) | S_FAILED);
}

uint32_t virtio_config_read32(struct virtio_dev *d, uint32_t off)
{
    return rd(d, R_CONFIG + off);
}

int virtq_alloc_chain(struct virtq *q, int n, uint16_t *ids)
{
    if (q->nfree < n)
        return -1;
    for (int i = 0; i < n; i++) {
        ids[i] = q->free_head;
        q->free_head = q->desc[ids[i]].next;
    }
    q->nfree = (uint16_t)(q->nfree - n);
    return ids[0];
}

void virtq_submit(struct virtq *q, uint16_t head)
{
    q->avail->ring[q->avail->idx & (q->num - 1)] = head;
    wmb();                                  /* the descriptors before the index that shows them */
    q->avail->idx++;
    wmb();
}

void virtio_notify(struct virtio_dev *d, int index)
{
    wr(d, R_QUEUE_NOTIFY, (uint32_t)index);
}

void virtq_free_chain(struct virtq *q, uint16_t head)
{
    uint16_t i = head;
    for (;;) {
        uint16_t flags = q->desc[i].flags, next = q->desc[i].next;
        q->desc[i].flags = 0;
        q->desc[i].next = q->free_head;
        q->free_head = i;
        q->nfree++;
        if (!(flags & VIRTQ_DESC_F_NEXT))
            break;
        i = next;
    }
}

uint32_t virtio_irq_ack(struct virtio_dev *d)
{
    uint32_t st = rd(d, R_INT_STATUS);
    wr(d, R_INT_ACK, st);
    return st;
}

/* Each driver checks the slot against its own device's and ignores the others'. */
void virtio_irq(int slot)
{
    virtio_blk_irq(slot);
    virtio_net_irq(slot);
}
