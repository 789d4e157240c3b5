/*
 * drivers/virtio_blk.c — the virtio block driver: several requests in flight on one virtqueue,
 * completion by interrupt (GIC SPI routed to core 0), and the requesting thread asleep on a
 * wait queue meanwhile: no core spins while the device works.
 *
 * A request is a chain of three descriptors (two for a flush, which has no data): the header (type, sector; device reads), the data
 * (device reads for a write, writes for a read) and a one-byte status (device writes). The
 * chain's head descriptor index names the request: reqs[head].
 *
 * Locks: vblk.lock (a spinlock, taken in thread context and in the interrupt handler) guards the
 * virtqueue (free descriptors, the available ring, last_used) and every reqs[] slot. A thread
 * sleeps on vblk.wq with vblk.lock handed to waitq_sleep, for two conditions: its request's
 * `done`, or free descriptors; the interrupt handler wakes all sleepers after each batch of
 * completions, and each re-checks its own condition (no lost wake-up: the condition is only
 * changed under vblk.lock, kernel/waitq.c). Lock order: vblk.lock -> sched_lock.
 */
#include <string.h>
#include "drivers/virtio.h"
#include "drivers/virtio_blk.h"
#include "drivers/gic.h"
#include "kernel/thread.h"
#include "kernel/console.h"
#include "kernel/bootargs.h"
#include "drivers/timer.h"
#include <stdlib.h>

#define VBLK_T_IN  0
#define VBLK_T_OUT 1
#define VBLK_T_FLUSH 4
#define VBLK_F_RO  (1u << 5)
/* With FLUSH negotiated QEMU keeps the image in the host's page cache (write-back) and syncs
 * it on a flush request; without it QEMU emulates a write-through disk, an fdatasync on the
 * host for every write (milliseconds each). The guest's data reach the image file either way
 * as soon as a write completes: power-off (QEMU exiting) loses nothing. */
#define VBLK_F_FLUSH (1u << 9)
#define VBLK_QMAX  64

struct vblk_hdr { uint32_t type; uint32_t reserved; uint64_t sector; };

static struct {
    spinlock_t lock;
    struct waitq wq;
    struct virtio_dev dev;
    struct virtq q;
    int present, ro;
    uint64_t sectors;
    uint64_t n_req, n_irq;
    uint64_t latency_ns;        /* DISK_LATENCY_US: a modelled device latency (see submit) */
    struct {
        struct vblk_hdr hdr;
        volatile uint8_t status;
        volatile uint8_t done;
    } reqs[VBLK_QMAX];
} vblk = { .lock = SPINLOCK_INIT("vblk") };

int virtio_blk_init(void)
{
    waitq_init(&vblk.wq, "vblk");
    if (virtio_find(VIRTIO_ID_BLOCK, &vblk.dev) < 0)
        return -1;
    if (virtio_begin(&vblk.dev, VBLK_F_RO | VBLK_F_FLUSH) < 0) {
        kprintf("virtio-blk: the device refused the features offered\n");
        return -1;
    }
    if (virtio_queue_setup(&vblk.dev, 0, &vblk.q, VBLK_QMAX) < 0) {
        virtio_fail(&vblk.dev);
        kprintf("virtio-blk: cannot set up the request queue\n");
        return -1;
    }
    /* capacity: a 64-bit count of 512-byte sectors at config offset 0 (device features: RO) */
    vblk.sectors = virtio_config_read32(&vblk.dev, 0) |
                   (uint64_t)virtio_config_read32(&vblk.dev, 4) << 32;
    const char *lat = bootarg_get("DISK_LATENCY_US");
    if (lat)
        vblk.latency_ns = strtoull(lat, 0, 10) * 1000;
    gic_enable_irq(vblk.dev.irq, 0xa0, 0x01);
    virtio_driver_ok(&vblk.dev);
    vblk.present = 1;
    return 0;
}

int virtio_blk_present(void) { return vblk.present; }
uint64_t virtio_blk_sectors(void) { return vblk.sectors; }
int virtio_blk_readonly(void) { return vblk.ro; }

void virtio_blk_stats(uint64_t *requests, uint64_t *irqs)
{
    spin_lock(&vblk.lock);
    *requests = vblk.n_req;
    *irqs = vblk.n_irq;
    spin_unlock(&vblk.lock);
}

static int submit(int type, uint64_t sector, void *buf, uint32_t count);

int virtio_blk_rw(uint64_t sector, void *buf, uint32_t count, int write)
{
    if (!vblk.present || count == 0 || sector >= vblk.sectors || count > vblk.sectors - sector)
        return -5;
    return submit(write ? VBLK_T_OUT : VBLK_T_IN, sector, buf, count);
}

int virtio_blk_flush(void)
{
    if (!vblk.present)
        return -5;
    return submit(VBLK_T_FLUSH, 0, 0, 0);
}

/* One request: header, data (none for a flush), status. Sleeps until it completes. */
static int submit(int type, uint64_t sector, void *buf, uint32_t count)
{
    int write = type == VBLK_T_OUT, n = count ? 3 : 2;
    uint64_t t0 = timer_now();
    uint16_t id[3];
    spin_lock(&vblk.lock);
    while (virtq_alloc_chain(&vblk.q, n, id) < 0)
        waitq_sleep(&vblk.wq, &vblk.lock, UINT64_MAX);
    int h = id[0];
    vblk.reqs[h].hdr.type = (uint32_t)type;
    vblk.reqs[h].hdr.reserved = 0;
    vblk.reqs[h].hdr.sector = sector;
    vblk.reqs[h].status = 0xff;
    vblk.reqs[h].done = 0;
    struct virtq_desc *d = vblk.q.desc;
    d[id[0]] = (struct virtq_desc){ (uintptr_t)&vblk.reqs[h].hdr, sizeof(struct vblk_hdr),
                                    VIRTQ_DESC_F_NEXT, id[1] };
    if (count)
        d[id[1]] = (struct virtq_desc){ (uintptr_t)buf, count * VBLK_SECTOR,
                                        (uint16_t)(VIRTQ_DESC_F_NEXT | (write ? 0 : VIRTQ_DESC_F_WRITE)), id[2] };
    d[id[n - 1]] = (struct virtq_desc){ (uintptr_t)&vblk.reqs[h].status, 1, VIRTQ_DESC_F_WRITE, 0 };
    virtq_submit(&vblk.q, (uint16_t)h);
    virtio_notify(&vblk.dev, 0);
    while (!vblk.reqs[h].done)
        waitq_sleep(&vblk.wq, &vblk.lock, UINT64_MAX);
    uint8_t st = vblk.reqs[h].status;
    virtq_free_chain(&vblk.q, (uint16_t)h);
    vblk.n_req++;
    waitq_wake_all(&vblk.wq);             /* descriptors came free: a thread may wait for them */
    spin_unlock(&vblk.lock);
    /* A slow device, modelled: QEMU answers in microseconds, and its own throttling
     * (throttling.iops-total) is a rate shared by all requests, which serialises them. A real
     * disk's latency is per request and requests in flight overlap (a queue of depth > 1), so
     * the requester sleeps out the rest of DISK_LATENCY_US here, without any lock: several
     * threads' requests wait at once, as on the device. */
    if (vblk.latency_ns) {
        uint64_t spent = timer_ticks_to_ns(timer_now() - t0);
        if (spent < vblk.latency_ns)
            thread_sleep_ns(vblk.latency_ns - spent);
    }
    if (st == 0)
        return 0;
    return st == 2 && write ? -30 : -5;   /* 1 IOERR, 2 UNSUPP (a write to a read-only image) */
}

void virtio_blk_irq(int slot)
{
    if (!vblk.present || slot != vblk.dev.slot)
        return;
    spin_lock(&vblk.lock);
    virtio_irq_ack(&vblk.dev);
    vblk.n_irq++;
    int n = 0;
    while (vblk.q.last_used != *(volatile uint16_t *)&vblk.q.used->idx) {
        __asm__ volatile("dmb ish" ::: "memory");      /* the entry after the index */
        uint32_t id = vblk.q.used->ring[vblk.q.last_used & (vblk.q.num - 1)].id;
        vblk.q.last_used++;
        if (id < vblk.q.num) {            /* a device can only name heads we gave it */
            vblk.reqs[id].done = 1;
            n++;
        }
    }
    if (n)
        waitq_wake_all(&vblk.wq);
    spin_unlock(&vblk.lock);
}
