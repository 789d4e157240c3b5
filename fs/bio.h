/* fs/bio.h — the block cache between the virtio-blk driver and the file system (fs/bio.c). */
#ifndef FS_BIO_H
#define FS_BIO_H
#include <stdint.h>
#include "kernel/sleeplock.h"

#define BSIZE 512
#define NBUF  128

struct buf {
    int valid;                  /* data holds the block's contents */
    uint32_t blockno;
    int refcnt;                 /* guarded by bcache.lock */
    sleeplock_t lock;           /* guards valid and data while refcnt > 0 */
    struct buf *prev, *next;    /* LRU list, guarded by bcache.lock */
    uint8_t data[BSIZE];
};

void bio_init(void);
/* The block, locked, its contents read from the disk if not cached; NULL on an I/O error. */
struct buf *bread(uint32_t blockno);
/* The block, locked, zero-filled, without reading it (a cluster about to be overwritten). */
struct buf *bzero_get(uint32_t blockno);
int  bwrite(struct buf *b);     /* write through to the disk now; 0 or -EIO */
void brelse(struct buf *b);     /* unlock and unpin */
/* Blocks [start, start+n) were written around the cache (a whole cluster straight from a
 * caller's buffer): drop their cached copies. The caller holds the file system's lock, so no
 * buffer of theirs is pinned. */
void bio_forget(uint32_t start, uint32_t n);
void bio_stats(uint64_t *hits, uint64_t *misses);
#endif
