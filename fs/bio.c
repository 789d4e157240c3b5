/*
 * fs/bio.c — the block cache (the shape of xv6's bio.c): NBUF 512-byte buffers, one per disk
 * block at most, recycled least recently used first. Write-through: bwrite sends the block to
 * the disk before it returns, so whatever a file-system call has written is on the disk when
 * the call returns (a power-off loses nothing closed or synced).
 *
 * Locks:
 *   bcache.lock (spinlock) guards the LRU list, every buffer's blockno and refcnt, and the
 *     hit/miss counters. Held only for list operations, never across I/O.
 *   buf->lock (sleeplock) guards a buffer's valid flag and data. bread/bzero_get return the
 *     buffer with it held; the holder may sleep (disk I/O) with it; brelse releases it.
 *   Order: buf->lock is taken after bcache.lock is dropped; a thread holding buffer locks may
 *   take bcache.lock (in brelse, bget), never the reverse while sleeping.
 * A buffer with refcnt > 0 is never recycled, so a pinned buffer keeps its identity while its
 * holder sleeps. When every buffer is pinned, bget sleeps on bcache.freeq until brelse frees one
 * (the file system pins at most a few at a time, so this is a bound, not a deadlock).
 */
#include <string.h>
#include "fs/bio.h"
#include "drivers/virtio_blk.h"

static struct {
    spinlock_t lock;
    struct waitq freeq;
    struct buf buf[NBUF];
    struct buf head;            /* head.next most recently used */
    uint64_t hits, misses;
} bcache = { .lock = SPINLOCK_INIT("bcache") };

void bio_init(void)
{
    waitq_init(&bcache.freeq, "bcache");
    bcache.head.prev = bcache.head.next = &bcache.head;
    for (struct buf *b = bcache.buf; b < bcache.buf + NBUF; b++) {
        sleep_init(&b->lock, "buf");
        b->valid = 0;
        b->refcnt = 0;
        b->blockno = 0;
        b->next = bcache.head.next;
        b->prev = &bcache.head;
        bcache.head.next->prev = b;
        bcache.head.next = b;
    }
}

static struct buf *bget(uint32_t blockno)
{
    spin_lock(&bcache.lock);
    for (;;) {
        for (struct buf *b = bcache.head.next; b != &bcache.head; b = b->next)
            if (b->blockno == blockno) {   /* at most one buffer per block */
                b->refcnt++;
                bcache.hits++;
                spin_unlock(&bcache.lock);
                sleep_lock(&b->lock);
                return b;
            }
        for (struct buf *b = bcache.head.prev; b != &bcache.head; b = b->prev)
            if (b->refcnt == 0) {
                b->blockno = blockno;
                b->valid = 0;             /* unpinned: nobody reads data until refilled */
                b->refcnt = 1;
                bcache.misses++;
                spin_unlock(&bcache.lock);
                sleep_lock(&b->lock);
                return b;
            }
        waitq_sleep(&bcache.freeq, &bcache.lock, UINT64_MAX);
    }
}

struct buf *bread(uint32_t blockno)
{
    struct buf *b = bget(blockno);
    if (!b->valid) {
        if (virtio_blk_rw(blockno, b->data, 1, 0) < 0) {
            brelse(b);
            return 0;
        }
        b->valid = 1;
    }
    return b;
}

struct buf *bzero_get(uint32_t blockno)
{
    struct buf *b = bget(blockno);
    memset(b->data, 0, BSIZE);
    b->valid = 1;
    return b;
}

int bwrite(struct buf *b)
{
    int r = virtio_blk_rw(b->blockno, b->data, 1, 1);
    if (r < 0)
        b->valid = 0;                     /* the disk's copy is unknown now: re-read next time */
    return r;
}

void brelse(struct buf *b)
{
    sleep_unlock(&b->lock);
    spin_lock(&bcache.lock);
    if (--b->refcnt == 0) {
        b->next->prev = b->prev;          /* to the front: most recently used */
        b->prev->next = b->next;
        b->next = bcache.head.next;
        b->prev = &bcache.head;
        bcache.head.next->prev = b;
        bcache.head.next = b;
        waitq_wake_all(&bcache.freeq);
    }
    spin_unlock(&bcache.lock);
}

void bio_forget(uint32_t start, uint32_t n)
{
    spin_lock(&bcache.lock);
    for (struct buf *b = bcache.buf; b < bcache.buf + NBUF; b++)
        if (b->blockno - start < n && b->refcnt == 0)
            b->valid = 0;         /* unpinned: the next bread reads the disk's new copy */
    spin_unlock(&bcache.lock);
}

void bio_stats(uint64_t *hits, uint64_t *misses)
{
    spin_lock(&bcache.lock);
    *hits = bcache.hits;
    *misses = bcache.misses;
    spin_unlock(&bcache.lock);
}
