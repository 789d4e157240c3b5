/* drivers/virtio_blk.h — the virtio block device (virtio 1.1 spec, section 5.2), 512-byte sectors. */
#ifndef DRIVERS_VIRTIO_BLK_H
#define DRIVERS_VIRTIO_BLK_H
#include <stdint.h>
#define VBLK_SECTOR 512
/* Probe and start the first block device; 0 found, -1 none. Boot, CPU 0, before threads run. */
int      virtio_blk_init(void);
int      virtio_blk_present(void);
uint64_t virtio_blk_sectors(void);            /* capacity in 512-byte sectors */
int      virtio_blk_readonly(void);
/* Read or write `count` sectors at `sector` to/from buf, sleeping until the device completes.
 * Thread context only, no spinlock held. 0 ok; -5 (EIO) device error or out of range;
 * -30 (EROFS) write to a read-only device. */
int      virtio_blk_rw(uint64_t sector, void *buf, uint32_t count, int write);
/* Ask the device to make every completed write durable (the host syncs the image). */
int      virtio_blk_flush(void);
void     virtio_blk_irq(int slot);
/* Requests completed and interrupts taken (for tests: completion is by interrupt). */
void     virtio_blk_stats(uint64_t *requests, uint64_t *irqs);
#endif
