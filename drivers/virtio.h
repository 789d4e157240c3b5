/*
 * drivers/virtio.h — the virtio-mmio transport (virtio 1.x, "modern", MMIO register version 2)
 * for QEMU `virt`: 32 transport slots at 0x0a000000, 0x200 bytes apart, slot s on GIC interrupt
 * 48 + s (SPI 16 + s). QEMU fills the slots from the top: the first -device lands in slot 31.
 * QEMU 7.2 presents legacy (version 1) transports unless started with
 * `-global virtio-mmio.force-legacy=false` (qemu/tollbooth.py passes it); a legacy slot is
 * reported and skipped.
 *
 * A split virtqueue (virtio 1.1 spec, section 2.6): descriptor table, available ring (driver to
 * device), used ring (device to driver). The queue's fields are guarded by the owning driver's
 * lock; this file takes none of its own.
 */
#ifndef DRIVERS_VIRTIO_H
#define DRIVERS_VIRTIO_H
#include <stdint.h>

#define VIRTIO_MMIO_BASE   0x0a000000u
#define VIRTIO_MMIO_STRIDE 0x200u
#define VIRTIO_MMIO_SLOTS  32
#define VIRTIO_IRQ_BASE    48

#define VIRTIO_ID_NET   1
#define VIRTIO_ID_BLOCK 2

#define VIRTQ_DESC_F_NEXT  1
#define VIRTQ_DESC_F_WRITE 2

struct virtq_desc  { uint64_t addr; uint32_t len; uint16_t flags; uint16_t next; };
struct virtq_avail { uint16_t flags; uint16_t idx; uint16_t ring[]; };
struct virtq_used_elem { uint32_t id; uint32_t len; };
struct virtq_used  { uint16_t flags; uint16_t idx; struct virtq_used_elem ring[]; };

struct virtq {
    uint16_t num;                   /* entries, a power of two */
    struct virtq_desc *desc;
    struct virtq_avail *avail;
    struct virtq_used *used;
    uint16_t last_used;             /* used->idx we have consumed up to */
    uint16_t free_head;             /* free descriptors, chained by .next */
    uint16_t nfree;
};

struct virtio_dev {
    uintptr_t base;
    int slot, irq;
    uint32_t device_id;
};

/* Find the first modern transport with this device id; 0 found (*d filled), -1 none. */
int  virtio_find(uint32_t device_id, struct virtio_dev *d);
/* Reset, acknowledge, negotiate VIRTIO_F_VERSION_1 plus `features` (low 32 bits of the device's);
 * 0 ok, -1 the device refused (FEATURES_OK did not stick). */
int  virtio_begin(struct virtio_dev *d, uint32_t features);
/* Allocate and register queue `index` with at most `max` entries; 0 ok, -1 failure. */
int  virtio_queue_setup(struct virtio_dev *d, int index, struct virtq *q, uint16_t max);
void virtio_driver_ok(struct virtio_dev *d);
void virtio_fail(struct virtio_dev *d);
uint32_t virtio_config_read32(struct virtio_dev *d, uint32_t off);
/* Descriptor chains, with the caller's lock held: alloc returns the head or -1 when fewer than n
 * are free; submit publishes a chain; notify kicks the device; free returns a chain. */
int  virtq_alloc_chain(struct virtq *q, int n, uint16_t *ids);
void virtq_submit(struct virtq *q, uint16_t head);
void virtio_notify(struct virtio_dev *d, int index);
void virtq_free_chain(struct virtq *q, uint16_t head);
/* Interrupt side: acknowledge the device's interrupt status bits, return them. */
uint32_t virtio_irq_ack(struct virtio_dev *d);

/* Called by irq_dispatch (kernel/trap.c) for interrupts 48..79. */
void virtio_irq(int slot);
#endif
