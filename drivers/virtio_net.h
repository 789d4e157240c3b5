/*
 * drivers/virtio_net.h — the virtio network device (virtio 1.1 spec, section 5.1): Ethernet frames
 * in and out, one receive and one transmit queue, the MAC address from config space. It knows
 * nothing of the protocols above (net/): a buffer is a byte range plus an opaque `cookie` (the
 * stack's struct netbuf) that comes back when the device is done with it. The 12-byte
 * virtio_net_hdr that precedes every frame on the queues is the driver's business only.
 *
 * Callers: the TCP/IP stack (net/netif.c, net/eth.c), with net_lock held; the driver takes its own
 * lock inside (lock order: net_lock -> vnet.lock -> sched_lock). The interrupt handler takes no
 * lock of the stack's: it acknowledges the device and calls the notify function it was given.
 */
#ifndef DRIVERS_VIRTIO_NET_H
#define DRIVERS_VIRTIO_NET_H
#include <stdint.h>

#define VNET_FRAME_MAX 1514          /* Ethernet II header + 1500 bytes of payload, no FCS */

/* Probe and start the first network device; 0 found, -1 none (or refused). Once. */
int   virtio_net_init(void);
int   virtio_net_present(void);
void  virtio_net_mac(uint8_t mac[6]);
/* fn runs in interrupt context after the device signalled used buffers (received frames or
 * completed transmissions). It must not sleep or take net_lock. Set before the first rx_post. */
void  virtio_net_set_notify(void (*fn)(void));

/* Receive. post: hand the device an empty buffer of len bytes (at least VNET_FRAME_MAX) for one
 * frame; 0 posted, -1 the receive queue is full. take: one filled buffer, oldest first: returns
 * its cookie and the frame's length in *len (0 when the device reported a length it cannot have
 * written: the caller treats it as a runt); NULL when none is waiting. */
int   virtio_net_rx_post(void *cookie, uint8_t *buf, uint32_t len);
void *virtio_net_rx_take(uint32_t *len);
int   virtio_net_rx_posted(void);    /* buffers the device holds now */

/* Transmit. tx: queue one frame (len 1..VNET_FRAME_MAX); the bytes must stay untouched until
 * tx_done hands the cookie back. 0 queued, -1 no free descriptors (the caller drops the frame).
 * tx_done: one completed frame's cookie, NULL when none. */
int   virtio_net_tx(void *cookie, const uint8_t *frame, uint32_t len);
void *virtio_net_tx_done(void);

/* Counters for net_stats: interrupts taken, frames the device returned with a bad length. */
void  virtio_net_counts(uint64_t *irqs, uint64_t *bad_len);
void  virtio_net_irq(int slot);      /* from virtio_irq (drivers/virtio.c) */
#endif
