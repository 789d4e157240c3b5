/*
 * fs/fat.c — FAT16 and FAT32 (Microsoft's "FAT: General Overview of On-Disk Format", 2000) with
 * VFAT long file names, read and write, on the block cache (fs/bio.c). Chosen because the host's
 * standard tools (mtools, dosfstools) read, write and check the same image.
 *
 * Locks: fat.lock (a sleeping lock, kernel/sleeplock.h) is held by every public function for its
 * whole run, disk I/O included (one exception: fat_read lets go of it while whole clusters of
 * file data come from the device, so readers overlap): it guards the mounted volume's fields, the free-cluster count,
 * the open-node table and every on-disk structure (FAT, directories, data). Block buffers are
 * taken inside it (fat.lock -> buf->lock -> bcache.lock), one or two at a time.
 *
 * Consistency on power-off: the cache writes through, and each change is ordered so that what a
 * crash can leave is at worst a lost cluster chain (fsck's "reclaim"), never a directory entry
 * pointing at a free or foreign cluster: a chain is allocated (FAT) before data is written and
 * before a directory entry names it; an entry is deleted before its chain is freed. Step by step:
 * alloc_clus marks the new cluster end-of-chain (both FAT copies) before linking the previous
 * one to it; write_locked writes the data before ent_update makes the size (and first cluster)
 * cover it; dir_grow zeroes a cluster before linking it; fat_truncate updates the entry before
 * freeing the cut-off chain. fat_set writes the FAT copies one after the other, so a kill between
 * them leaves them differing in that one entry, of the file being changed (fsck uses the first).
 * tests/qemu/test_disk.py's test_power_off_mid_append_keeps_closed_file kills QEMU mid-append
 * and checks that a closed file and the FAT are intact.
 *
 * A hostile image: every boot-sector field is checked at mount; every cluster number read from
 * the disk is checked against the volume's range before use, and every chain walk is bounded by
 * the cluster count (a loop in the FAT is an EIO, not a hang).
 *
 * Open files: one fat_node per file in use (the short entry's position is its key), shared by
 * every open of that file, so two handles see one size and one chain. A file in use cannot be
 * removed or replaced (EBUSY), as on other FAT systems.
 */
#include <string.h>
#include <stdio.h>
#include <time.h>
#include "fs/fat.h"
#include "fs/bio.h"
#include "drivers/virtio_blk.h"
#include "drivers/rtc.h"

#define ATTR_RO     0x01
#define ATTR_HIDDEN 0x02
#define ATTR_SYS    0x04
#define ATTR_VOL    0x08
#define ATTR_DIR    0x10
#define ATTR_ARCH   0x20
#define ATTR_LFN    0x0f
#define MAX_NODES   32
#define NAME_MAX_U16 255

struct fat_node {
    int ref;                    /* opens sharing this node; 0 = slot free */
    uint32_t dsec;              /* sector and byte offset of the short directory entry */
    uint16_t doff;
    uint32_t first;             /* first cluster, 0 for an empty file */
    uint32_t size;
    uint32_t cur_idx, cur_clus; /* last (cluster index, cluster) walked to: sequential I/O */
};

static struct {
    sleeplock_t lock;
    int inited, mounted, fat32;
    uint32_t spc, rsvd, nfats, fatsz, root_ents, root_start, root_secs, data_start, nclus;
    uint32_t root_clus, fsinfo, total;
    int64_t nfree;              /* -1 until counted */
    uint32_t hint;              /* where the next free-cluster search starts */
    int fsinfo_dirty_done;
    uint32_t memo_dir, memo_k, memo_clus;   /* dir_sector's last walk: cluster k of memo_dir */
    struct fat_node nodes[MAX_NODES];
} fat;

static inline uint16_t rd16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }
static inline uint32_t rd32(const uint8_t *p) { return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24; }
static inline void wr16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); }
static inline void wr32(uint8_t *p, uint32_t v) { wr16(p, (uint16_t)v); wr16(p + 2, (uint16_t)(v >> 16)); }

static void fs_lock(void)
{
    if (!fat.inited) {              /* first use is from the console thread, before any other */
        sleep_init(&fat.lock, "fat");
        bio_init();
        fat.inited = 1;
    }
    sleep_lock(&fat.lock);
}
static void fs_unlock(void) { sleep_unlock(&fat.lock); }

/* ---- the FAT ----------------------------------------------------------------------------- */
static inline int clus_ok(uint32_t c) { return c >= 2 && c < fat.nclus + 2; }
static inline uint32_t clus_sec(uint32_t c) { return fat.data_start + (c - 2) * fat.spc; }
static inline uint32_t eoc(void) { return fat.fat32 ? 0x0fffffffu : 0xffffu; }
static inline int is_eoc(uint32_t v) { return fat.fat32 ? v >= 0x0ffffff8u : v >= 0xfff8u; }

/* The FAT entry of cluster c (c already range-checked); -EIO on a read error. */
static int64_t fat_get(uint32_t c)
{
    uint32_t off = c * (fat.fat32 ? 4 : 2);
    struct buf *b = bread(fat.rsvd + off / BSIZE);
    if (!b)
        return -FS_EIO;
    uint32_t v = fat.fat32 ? rd32(b->data + off % BSIZE) & 0x0fffffffu : rd16(b->data + off % BSIZE);
    brelse(b);
    return v;
}

static void fsinfo_invalidate(void)
{
    /* FAT32 keeps a free-count hint in its FSInfo sector; we do not maintain it, so say
     * "unknown" (0xffffffff) before the first change, as the format allows. */
    if (!fat.fat32 || fat.fsinfo_dirty_done || fat.fsinfo == 0 || fat.fsinfo >= fat.rsvd)
        return;
    fat.fsinfo_dirty_done = 1;
    struct buf *b = bread(fat.fsinfo);
    if (!b)
        return;
    if (rd32(b->data) == 0x41615252u && rd32(b->data + 484) == 0x61417272u) {
        wr32(b->data + 488, 0xffffffffu);
        wr32(b->data + 492, 0xffffffffu);
        bwrite(b);
    }
    brelse(b);
}

static int fat_set(uint32_t c, uint32_t v)
{
    fsinfo_invalidate();
    uint32_t off = c * (fat.fat32 ? 4 : 2);
    for (uint32_t i = 0; i < fat.nfats; i++) {
        struct buf *b = bread(fat.rsvd + i * fat.fatsz + off / BSIZE);
        if (!b)
            return -FS_EIO;
        uint8_t *p = b->data + off % BSIZE;
        if (fat.fat32)
            wr32(p, (rd32(p) & 0xf0000000u) | (v & 0x0fffffffu));
        else
            wr16(p, (uint16_t)v);
        int r = bwrite(b);
        brelse(b);
        if (r < 0)
            return -FS_EIO;
    }
    return 0;
}

/* The cluster after c: its number, 0 at the chain's end, -EIO on a bad link. */
static int64_t fat_next(uint32_t c)
{
    int64_t v = fat_get(c);
    if (v < 0)
        return v;
    if (is_eoc((uint32_t)v))
        return 0;
    return clus_ok((uint32_t)v) ? v : -FS_EIO;
}

static int count_free(void)
{
    if (fat.nfree >= 0)
        return 0;
    int64_t n = 0;
    for (uint32_t c = 2; c < fat.nclus + 2; c++) {
        int64_t v = fat_get(c);
        if (v < 0)
            return (int)v;
        n += v == 0;
    }
    fat.nfree = n;
    return 0;
}

/* A free cluster, marked end-of-chain and linked after prev (if prev); -ENOSPC, -EIO. */
static int64_t alloc_clus(uint32_t prev)
{
    int r = count_free();
    if (r < 0)
        return r;
    if (fat.nfree == 0)
        return -FS_ENOSPC;
    for (uint32_t i = 0; i < fat.nclus; i++) {
        uint32_t c = 2 + (fat.hint + i) % fat.nclus;
        int64_t v = fat_get(c);
        if (v < 0)
            return v;
        if (v != 0)
            continue;
        if ((r = fat_set(c, eoc())) < 0)
            return r;
        if (prev && (r = fat_set(prev, c)) < 0)
            return r;
        fat.nfree--;
        fat.hint = c - 2 + 1;
        return c;
    }
    fat.nfree = 0;
    return -FS_ENOSPC;
}

/* Free the chain from c on (bounded by the cluster count: a looping chain stops). */
static int free_chain(uint32_t c)
{
    fat.memo_clus = 0;                      /* the walk may have gone through these clusters */
    for (uint32_t n = 0; clus_ok(c) && n < fat.nclus; n++) {
        int64_t next = fat_get(c);
        if (next < 0)
            return (int)next;
        int r = fat_set(c, 0);
        if (r < 0)
            return r;
        if (fat.nfree >= 0)
            fat.nfree++;
        if (is_eoc((uint32_t)next) || !clus_ok((uint32_t)next))
            break;
        c = (uint32_t)next;
    }
    return 0;
}

/* ---- directories -------------------------------------------------------------------------- */
/* A directory is named by its first cluster; 0 is the root (FAT16: the fixed root region). */
static uint32_t dir_clus(uint32_t d) { return d == 0 && fat.fat32 ? fat.root_clus : d; }

/* The sector holding entry idx of directory d: >0, 0 past the end, -EIO. */
static int64_t dir_sector(uint32_t d, uint32_t idx)
{
    uint32_t s = idx / 16;
    if (d == 0 && !fat.fat32)
        return s < fat.root_secs ? (int64_t)(fat.root_start + s) : 0;
    uint32_t c = dir_clus(d), k = s / fat.spc, i = 0;
    if (!clus_ok(c))
        return -FS_EIO;
    if (fat.memo_clus && fat.memo_dir == c && fat.memo_k <= k) {
        i = fat.memo_k;                     /* a scan goes forward: resume the walk */
        c = fat.memo_clus;
    }
    for (; i < k; i++) {
        if (i > fat.nclus)
            return -FS_EIO;
        int64_t n = fat_next(c);
        if (n <= 0)
            return n;
        c = (uint32_t)n;
    }
    fat.memo_dir = dir_clus(d);
    fat.memo_k = k;
    fat.memo_clus = c;
    return clus_sec(c) + s % fat.spc;
}

struct dent {
    uint32_t idx, first_idx;    /* the short entry's index; the first of its long-name entries */
    uint32_t sec;
    uint16_t off;
    uint8_t raw[32];
    char name[NAME_MAX_U16 * 3 + 1];
};

static uint8_t sfn_sum(const uint8_t *n)
{
    uint8_t s = 0;
    for (int i = 0; i < 11; i++)
        s = (uint8_t)(((s & 1) << 7) + (s >> 1) + n[i]);
    return s;
}

static size_t utf8_put(char *o, uint32_t c)
{
    if (c < 0x80) { o[0] = (char)c; return 1; }
    if (c < 0x800) { o[0] = (char)(0xc0 | c >> 6); o[1] = (char)(0x80 | (c & 0x3f)); return 2; }
    if (c < 0x10000) {
        o[0] = (char)(0xe0 | c >> 12); o[1] = (char)(0x80 | ((c >> 6) & 0x3f));
        o[2] = (char)(0x80 | (c & 0x3f)); return 3;
    }
    o[0] = (char)(0xf0 | c >> 18); o[1] = (char)(0x80 | ((c >> 12) & 0x3f));
    o[2] = (char)(0x80 | ((c >> 6) & 0x3f)); o[3] = (char)(0x80 | (c & 0x3f)); return 4;
}

static void short_to_name(const uint8_t *e, char *out)
{
    size_t n = 0;
    int lower_base = e[12] & 0x08, lower_ext = e[12] & 0x10;
    for (int i = 0; i < 8 && e[i] != ' '; i++) {
        uint8_t ch = i == 0 && e[0] == 0x05 ? 0xe5 : e[i];
        out[n++] = (char)(lower_base && ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
    }
    if (e[8] != ' ') {
        out[n++] = '.';
        for (int i = 8; i < 11 && e[i] != ' '; i++)
            out[n++] = (char)(lower_ext && e[i] >= 'A' && e[i] <= 'Z' ? e[i] + 32 : e[i]);
    }
    out[n] = 0;
}

/* The next live entry of directory d from *idx on (long name assembled): 1 found, 0 end,
 * negative errno. Volume labels are skipped; "." and ".." are returned. */
static int dir_next(uint32_t d, uint32_t *idx, struct dent *de)
{
    uint16_t lfn[20 * 13 + 1];
    int lfn_seq = 0, lfn_total = 0;
    uint8_t lfn_sum = 0;
    uint32_t lfn_first = 0;
    for (;;) {
        int64_t sec = dir_sector(d, *idx);
        if (sec <= 0)
            return (int)sec;
        struct buf *b = bread((uint32_t)sec);
        if (!b)
            return -FS_EIO;
        uint16_t off = (uint16_t)((*idx % 16) * 32);
        uint8_t e[32];
        memcpy(e, b->data + off, 32);
        brelse(b);
        uint32_t here = (*idx)++;
        if (e[0] == 0)
            return 0;
        if (e[0] == 0xe5) {
            lfn_seq = 0;
            continue;
        }
        if ((e[11] & 0x3f) == ATTR_LFN) {
            int seq = e[0] & 0x1f;
            if (e[0] & 0x40) {
                if (seq == 0 || seq > 20) { lfn_seq = 0; continue; }
                lfn_total = seq;
                lfn_sum = e[13];
                lfn_first = here;
                memset(lfn, 0, sizeof lfn);
            } else if (lfn_seq == 0 || seq != lfn_seq - 1 || e[13] != lfn_sum) {
                lfn_seq = 0;
                continue;
            }
            lfn_seq = seq;
            static const uint8_t pos[13] = { 1, 3, 5, 7, 9, 14, 16, 18, 20, 22, 24, 28, 30 };
            for (int i = 0; i < 13; i++)
                lfn[(seq - 1) * 13 + i] = rd16(e + pos[i]);
            continue;
        }
        if (e[11] & ATTR_VOL) {
            lfn_seq = 0;
            continue;
        }
        de->idx = here;
        de->sec = (uint32_t)sec;
        de->off = off;
        memcpy(de->raw, e, 32);
        if (lfn_seq == 1 && sfn_sum(e) == lfn_sum) {
            size_t n = 0;
            for (int i = 0; i < lfn_total * 13 && lfn[i] && lfn[i] != 0xffff; i++) {
                uint32_t c = lfn[i];
                if (c >= 0xd800 && c < 0xdc00 && i + 1 < lfn_total * 13 &&
                    lfn[i + 1] >= 0xdc00 && lfn[i + 1] < 0xe000) {
                    c = 0x10000 + ((c - 0xd800) << 10) + (lfn[i + 1] - 0xdc00);
                    i++;
                }
                n += utf8_put(de->name + n, c);
            }
            de->name[n] = 0;
            de->first_idx = lfn_first;
        } else {
            short_to_name(e, de->name);
            de->first_idx = here;
        }
        return 1;
    }
}

static uint32_t ent_first(const uint8_t *e)
{
    return rd16(e + 26) | (fat.fat32 ? (uint32_t)rd16(e + 20) << 16 : 0);
}

static int name_eq(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = *a >= 'a' && *a <= 'z' ? *a - 32 : *a, y = *b >= 'a' && *b <= 'z' ? *b - 32 : *b;
        if (x != y)
            return 0;
    }
    return *a == *b;
}

/* Find `name` (len bytes) in directory d: 1 found, 0 not, negative errno. Matches the long name
 * or the short one, ignoring ASCII case (as FAT does). */
static int dir_find(uint32_t d, const char *name, size_t len, struct dent *de)
{
    char want[NAME_MAX_U16 * 3 + 1];
    if (len >= sizeof want)
        return -FS_ENAMETOOLONG;
    memcpy(want, name, len);
    want[len] = 0;
    uint32_t idx = 0;
    for (;;) {
        int r = dir_next(d, &idx, de);
        if (r <= 0)
            return r;
        char sname[13];
        short_to_name(de->raw, sname);
        if (name_eq(de->name, want) || name_eq(sname, want))
            return 1;
    }
}

/* Walk an absolute path. For "/" *is_root = 1. Else the entry is in *de, and *parent is the
 * directory holding it. Returns 0, or -ENOENT / -ENOTDIR / -EIO. */
static int walk(const char *path, struct dent *de, uint32_t *parent, int *is_root)
{
    uint32_t d = 0;
    *is_root = 1;
    if (!fat.mounted)
        return -FS_ENODEV;
    const char *p = path;
    while (*p == '/')
        p++;
    while (*p) {
        const char *e = strchr(p, '/');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        int r = dir_find(d, p, len, de);
        if (r < 0)
            return r;
        if (r == 0)
            return -FS_ENOENT;
        *parent = d;
        *is_root = 0;
        p += len;
        while (*p == '/')
            p++;
        if (*p) {
            if (!(de->raw[11] & ATTR_DIR))
                return -FS_ENOTDIR;
            d = ent_first(de->raw);
            if (d != 0 && !clus_ok(d))
                return -FS_EIO;
            if (fat.fat32 && d == fat.root_clus)
                d = 0;
        }
    }
    return 0;
}

/* The directory holding path's last component, and that component: 0 or negative errno. */
static int walk_parent(const char *path, uint32_t *d, const char **leaf)
{
    const char *slash = strrchr(path, '/');
    if (!slash || !slash[1])
        return -FS_EINVAL;
    *leaf = slash + 1;
    char dirpath[1024];
    size_t n = (size_t)(slash - path);
    if (n >= sizeof dirpath)
        return -FS_ENAMETOOLONG;
    memcpy(dirpath, path, n);
    dirpath[n] = 0;
    struct dent de;
    int is_root;
    int r = walk(dirpath, &de, d, &is_root);
    if (r < 0)
        return r;
    if (is_root) {
        *d = 0;
        return 0;
    }
    if (!(de.raw[11] & ATTR_DIR))
        return -FS_ENOTDIR;
    *d = ent_first(de.raw);
    if (fat.fat32 && *d == fat.root_clus)
        *d = 0;
    return *d == 0 || clus_ok(*d) ? 0 : -FS_EIO;
}

static void fat_now(uint16_t *date, uint16_t *tm)
{
    time_t t = (time_t)rtc_seconds();
    struct tm g;
    gmtime_r(&t, &g);
    if (g.tm_year < 80)
        g.tm_year = 80, g.tm_mon = 0, g.tm_mday = 1;
    *date = (uint16_t)((g.tm_year - 80) << 9 | (g.tm_mon + 1) << 5 | g.tm_mday);
    *tm = (uint16_t)(g.tm_hour << 11 | g.tm_min << 5 | g.tm_sec / 2);
}

static uint32_t ent_mtime(const uint8_t *e)
{
    uint16_t d = rd16(e + 24), t = rd16(e + 22);
    struct tm g = { .tm_year = (d >> 9) + 80, .tm_mon = ((d >> 5) & 15) - 1, .tm_mday = d & 31,
                    .tm_hour = t >> 11, .tm_min = (t >> 5) & 63, .tm_sec = (t & 31) * 2 };
    if (g.tm_mon < 0 || g.tm_mon > 11 || g.tm_mday == 0)
        return 0;
    /* days from civil (Howard Hinnant's algorithm), UTC */
    int y = g.tm_year + 1900 - (g.tm_mon < 2), m = g.tm_mon + 1;
    int era = y / 400, yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + g.tm_mday - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    int64_t days = (int64_t)era * 146097 + doe - 719468;
    return (uint32_t)(days * 86400 + g.tm_hour * 3600 + g.tm_min * 60 + g.tm_sec);
}

/* UTF-8 to UTF-16 for a long name: the unit count, or negative errno (bad UTF-8, a character
 * FAT forbids, too long). */
static int name_to_u16(const char *s, uint16_t *out)
{
    int n = 0;
    const uint8_t *p = (const uint8_t *)s;
    if (!*p || !strcmp(s, ".") || !strcmp(s, ".."))
        return -FS_EINVAL;
    while (*p) {
        uint32_t c = *p++;
        int more = c < 0x80 ? 0 : c >= 0xf0 && c < 0xf5 ? 3 : c >= 0xe0 ? 2 : c >= 0xc2 && c < 0xe0 ? 1 : -1;
        if (more < 0)
            return -FS_EINVAL;
        if (more)
            c &= 0x3f >> more;
        for (int i = 0; i < more; i++) {
            if ((*p & 0xc0) != 0x80)
                return -FS_EINVAL;
            c = c << 6 | (*p++ & 0x3f);
        }
        if (c < 0x20 || (c < 0x80 && strchr("\"*/:<>?\\|", (int)c)) || (c >= 0xd800 && c < 0xe000))
            return -FS_EINVAL;
        if (c >= 0x10000) {
            if (n + 2 > NAME_MAX_U16)
                return -FS_ENAMETOOLONG;
            out[n++] = (uint16_t)(0xd800 + ((c - 0x10000) >> 10));
            out[n++] = (uint16_t)(0xdc00 + ((c - 0x10000) & 0x3ff));
        } else {
            if (n + 1 > NAME_MAX_U16)
                return -FS_ENAMETOOLONG;
            out[n++] = (uint16_t)c;
        }
    }
    if (out[n - 1] == ' ' || out[n - 1] == '.')
        return -FS_EINVAL;          /* other systems strip these: the name would not round-trip */
    return n;
}

/* Is `name` already a plain upper-case 8.3 name (then no long-name entries are needed)? */
static int plain_83(const char *name, uint8_t *n11)
{
    memset(n11, ' ', 11);
    const char *dot = strchr(name, '.');
    size_t bl = dot ? (size_t)(dot - name) : strlen(name);
    size_t el = dot ? strlen(dot + 1) : 0;
    if (bl == 0 || bl > 8 || el > 3 || (dot && (el == 0 || strchr(dot + 1, '.'))))
        return 0;
    for (const char *p = name; *p; p++) {
        if (p == dot)
            continue;
        char c = *p;
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || strchr("!#$%&'()-@^_`{}~", c)))
            return 0;
    }
    memcpy(n11, name, bl);
    if (dot)
        memcpy(n11 + 8, dot + 1, el);
    return 1;
}

static int short_taken(uint32_t d, const uint8_t *n11)
{
    uint32_t idx = 0;
    struct dent de;
    for (;;) {
        int r = dir_next(d, &idx, &de);
        if (r <= 0)
            return r;
        if (!memcmp(de.raw, n11, 11))
            return 1;
    }
}

/* A short name "BASIS~N.EXT" for a long name, unique in directory d. */
static int make_short(uint32_t d, const char *name, uint8_t *n11)
{
    char base[9] = { 0 }, ext[4] = { 0 };
    const char *dot = strrchr(name, '.');
    size_t bl = 0, el = 0;
    for (const char *p = name; *p && (!dot || p < dot) && bl < 6; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == ' ' || c == '.')
            continue;
        base[bl++] = c >= 0x80 || strchr("+,;=[]", c) ? '_' : (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
    }
    if (bl == 0)
        base[bl++] = '_';
    for (const char *p = dot ? dot + 1 : ""; *p && el < 3; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == ' ')
            continue;
        ext[el++] = c >= 0x80 || strchr("+,;=[]", c) ? '_' : (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
    }
    for (int n = 1; n < 1000000; n++) {
        char tail[9];
        int tl = snprintf(tail, sizeof tail, "~%d", n);
        size_t keep = bl + (size_t)tl > 8 ? 8 - (size_t)tl : bl;
        memset(n11, ' ', 11);
        memcpy(n11, base, keep);
        memcpy(n11 + keep, tail, (size_t)tl);
        memcpy(n11 + 8, ext, el);
        int r = short_taken(d, n11);
        if (r < 0)
            return r;
        if (r == 0)
            return 0;
    }
    return -FS_EEXIST;
}

static int write_entry(uint32_t d, uint32_t idx, const uint8_t *e)
{
    int64_t sec = dir_sector(d, idx);
    if (sec <= 0)
        return -FS_EIO;
    struct buf *b = bread((uint32_t)sec);
    if (!b)
        return -FS_EIO;
    memcpy(b->data + (idx % 16) * 32, e, 32);
    int r = bwrite(b);
    brelse(b);
    return r < 0 ? -FS_EIO : 0;
}

/* Append a zeroed cluster to directory d (not the FAT16 root). */
static int dir_grow(uint32_t d)
{
    if (d == 0 && !fat.fat32)
        return -FS_ENOSPC;
    uint32_t c = dir_clus(d);
    for (uint32_t n = 0;; n++) {
        if (n > fat.nclus)
            return -FS_EIO;
        int64_t next = fat_next(c);
        if (next < 0)
            return (int)next;
        if (next == 0)
            break;
        c = (uint32_t)next;
    }
    int64_t nc = alloc_clus(0);
    if (nc < 0)
        return (int)nc;
    for (uint32_t i = 0; i < fat.spc; i++) {
        struct buf *b = bzero_get(clus_sec((uint32_t)nc) + i);
        int r = bwrite(b);
        brelse(b);
        if (r < 0)
            return -FS_EIO;
    }
    return fat_set(c, (uint32_t)nc);  /* linked only once zeroed: no stale entries appear */
}

/* Add an entry `name` to directory d: long-name entries, then the short one. Returns the short
 * entry's position in *sec and *off. */
static int dir_add(uint32_t d, const char *name, uint8_t attr, uint32_t first, uint32_t size,
                   uint32_t *sec, uint16_t *off)
{
    uint16_t u[NAME_MAX_U16 + 1];
    int nu = name_to_u16(name, u);
    if (nu < 0)
        return nu;
    uint8_t n11[11];
    int nlfn = 0;
    if (!plain_83(name, n11)) {
        int r = make_short(d, name, n11);
        if (r < 0)
            return r;
        nlfn = (nu + 12) / 13;
    }
    int need = nlfn + 1;
    /* a run of `need` free entries (0xe5 or 0x00), growing the directory if there is none */
    uint32_t idx = 0, run = 0, start = 0;
    for (;;) {
        int64_t s = dir_sector(d, idx);
        if (s < 0)
            return (int)s;
        if (s == 0) {
            int r = dir_grow(d);
            if (r < 0)
                return r;
            continue;
        }
        struct buf *b = bread((uint32_t)s);
        if (!b)
            return -FS_EIO;
        uint8_t first_byte = b->data[(idx % 16) * 32];
        brelse(b);
        if (first_byte == 0 || first_byte == 0xe5) {
            if (run++ == 0)
                start = idx;
            if ((int)run == need)
                break;
        } else {
            run = 0;
        }
        idx++;
    }
    uint8_t sum = sfn_sum(n11), e[32];
    static const uint8_t pos[13] = { 1, 3, 5, 7, 9, 14, 16, 18, 20, 22, 24, 28, 30 };
    for (int k = nlfn; k >= 1; k--) {
        memset(e, 0, 32);
        e[0] = (uint8_t)(k | (k == nlfn ? 0x40 : 0));
        e[11] = ATTR_LFN;
        e[13] = sum;
        for (int i = 0; i < 13; i++) {
            int j = (k - 1) * 13 + i;
            wr16(e + pos[i], j < nu ? u[j] : j == nu ? 0 : 0xffff);
        }
        int r = write_entry(d, start + (uint32_t)(nlfn - k), e);
        if (r < 0)
            return r;
    }
    memset(e, 0, 32);
    memcpy(e, n11, 11);
    e[11] = attr;
    uint16_t dt, tm;
    fat_now(&dt, &tm);
    wr16(e + 14, tm); wr16(e + 16, dt); wr16(e + 18, dt); wr16(e + 22, tm); wr16(e + 24, dt);
    wr16(e + 20, (uint16_t)(first >> 16));
    wr16(e + 26, (uint16_t)first);
    wr32(e + 28, size);
    uint32_t sidx = start + (uint32_t)nlfn;
    int r = write_entry(d, sidx, e);
    if (r < 0)
        return r;
    int64_t s = dir_sector(d, sidx);
    *sec = (uint32_t)s;
    *off = (uint16_t)((sidx % 16) * 32);
    return 0;
}

/* Mark an entry and its long-name entries deleted. */
static int dir_remove(uint32_t d, const struct dent *de)
{
    for (uint32_t i = de->first_idx; i <= de->idx; i++) {
        int64_t s = dir_sector(d, i);
        if (s <= 0)
            return -FS_EIO;
        struct buf *b = bread((uint32_t)s);
        if (!b)
            return -FS_EIO;
        b->data[(i % 16) * 32] = 0xe5;
        int r = bwrite(b);
        brelse(b);
        if (r < 0)
            return -FS_EIO;
    }
    return 0;
}

/* Update a short entry in place: first cluster, size, modification time. */
static int ent_update(uint32_t sec, uint16_t off, uint32_t first, uint32_t size)
{
    struct buf *b = bread(sec);
    if (!b)
        return -FS_EIO;
    uint8_t *e = b->data + off;
    wr16(e + 20, (uint16_t)(first >> 16));
    wr16(e + 26, (uint16_t)first);
    wr32(e + 28, size);
    uint16_t dt, tm;
    fat_now(&dt, &tm);
    wr16(e + 22, tm); wr16(e + 24, dt); wr16(e + 18, dt);
    int r = bwrite(b);
    brelse(b);
    return r < 0 ? -FS_EIO : 0;
}

static int dir_empty(uint32_t d)
{
    uint32_t idx = 0;
    struct dent de;
    for (;;) {
        int r = dir_next(d, &idx, &de);
        if (r <= 0)
            return r == 0 ? 1 : r;
        if (de.raw[0] != '.')
            return 0;
    }
}

static struct fat_node *node_find(uint32_t sec, uint16_t off)
{
    for (int i = 0; i < MAX_NODES; i++)
        if (fat.nodes[i].ref && fat.nodes[i].dsec == sec && fat.nodes[i].doff == off)
            return &fat.nodes[i];
    return 0;
}

/* ---- mount -------------------------------------------------------------------------------- */
int fat_mounted(void) { return fat.mounted; }

int fat_mount(char *msg, size_t msglen)
{
    int r = -FS_EINVAL;
    fs_lock();
    fat.mounted = 0;
    if (!virtio_blk_present()) {
        snprintf(msg, msglen, "no disk");
        r = -FS_ENODEV;
        goto out;
    }
    uint64_t disk = virtio_blk_sectors();
    struct buf *b = bread(0);
    if (!b) {
        snprintf(msg, msglen, "cannot read the boot sector");
        r = -FS_EIO;
        goto out;
    }
    uint8_t s[BSIZE];
    memcpy(s, b->data, BSIZE);
    brelse(b);
    const char *why = 0;
    uint32_t bps = rd16(s + 11), spc = s[13], rsvd = rd16(s + 14), nfats = s[16];
    uint32_t root_ents = rd16(s + 17), tot = rd16(s + 19) ? rd16(s + 19) : rd32(s + 32);
    uint32_t fatsz = rd16(s + 22) ? rd16(s + 22) : rd32(s + 36);
    if (s[510] != 0x55 || s[511] != 0xaa)
        why = "no FAT file system (boot signature missing: unformatted?)";
    else if (bps != 512)
        why = "sector size is not 512";
    else if (spc == 0 || (spc & (spc - 1)) || spc > 128)
        why = "bad sectors-per-cluster";
    else if (rsvd == 0 || nfats == 0 || nfats > 4 || fatsz == 0 || tot == 0)
        why = "bad reserved/FAT counts";
    else if (tot > disk)
        why = "the file system is larger than the disk";
    if (!why) {
        uint64_t root_secs = (root_ents * 32ull + 511) / 512;
        uint64_t data = rsvd + (uint64_t)nfats * fatsz + root_secs;
        if (data >= tot) {
            why = "no room for data";
        } else {
            uint64_t nclus = (tot - data) / spc;
            int f32 = nclus >= 65525;
            if (nclus < 4085)
                why = "FAT12 is not supported (make the image 16 MiB or larger, mkfs.fat -F 16)";
            else if ((uint64_t)fatsz * 512 / (f32 ? 4 : 2) < nclus + 2)
                why = "the FAT is too small for the cluster count";
            else if (!f32 && root_ents == 0)
                why = "FAT16 without a root directory";
            else if (f32 && (root_ents != 0 || !(rd32(s + 44) >= 2 && rd32(s + 44) < nclus + 2)))
                why = "bad FAT32 root directory";
            else {
                fat.fat32 = f32;
                fat.spc = spc; fat.rsvd = rsvd; fat.nfats = nfats; fat.fatsz = fatsz;
                fat.root_ents = root_ents; fat.root_secs = (uint32_t)root_secs;
                fat.root_start = rsvd + nfats * fatsz;
                fat.data_start = (uint32_t)data; fat.nclus = (uint32_t)nclus; fat.total = tot;
                fat.root_clus = f32 ? rd32(s + 44) : 0;
                fat.fsinfo = f32 ? rd16(s + 48) : 0;
                fat.nfree = -1;
                fat.hint = 0;
                fat.fsinfo_dirty_done = 0;
                fat.memo_clus = 0;
                memset(fat.nodes, 0, sizeof fat.nodes);
                fat.mounted = 1;
                snprintf(msg, msglen, "FAT%d, %lu clusters of %lu bytes", f32 ? 32 : 16,
                         (unsigned long)nclus, (unsigned long)spc * 512);
                r = 0;
            }
        }
    }
    if (why)
        snprintf(msg, msglen, "%s", why);
out:
    fs_unlock();
    return r;
}

/* ---- files -------------------------------------------------------------------------------- */
int fat_open(const char *path, int flags, fat_node **out)
{
    fs_lock();
    struct dent de;
    uint32_t parent;
    int is_root, r = walk(path, &de, &parent, &is_root);
    uint32_t sec = 0;
    uint16_t off = 0;
    if (r == 0 && is_root) {
        r = -FS_EISDIR;
    } else if (r == 0) {
        if (de.raw[11] & ATTR_DIR)
            r = -FS_EISDIR;
        else if (flags & FS_O_CREAT && flags & FS_O_EXCL)
            r = -FS_EEXIST;
        else {
            sec = de.sec;
            off = de.off;
        }
    } else if (r == -FS_ENOENT && flags & FS_O_CREAT) {
        uint32_t d;
        const char *leaf;
        r = walk_parent(path, &d, &leaf);
        if (r == 0)
            r = dir_add(d, leaf, ATTR_ARCH, 0, 0, &sec, &off);
        if (r == 0 && dir_find(d, leaf, strlen(leaf), &de) != 1)
            r = -FS_EIO;
    }
    if (r == 0) {
        struct fat_node *n = node_find(sec, off);
        if (!n) {
            for (int i = 0; i < MAX_NODES && !n; i++)
                if (!fat.nodes[i].ref)
                    n = &fat.nodes[i];
            if (!n) {
                r = -FS_ENFILE;
                goto out;
            }
            n->dsec = sec;
            n->doff = off;
            n->first = ent_first(de.raw);
            n->size = rd32(de.raw + 28);
            n->cur_idx = n->cur_clus = 0;
            if (n->first && !clus_ok(n->first))
                n->first = 0, n->size = 0;       /* a corrupt entry reads as empty */
            if (!n->first)
                n->size = 0;
        }
        n->ref++;
        *out = n;
        if (flags & FS_O_TRUNC && n->size) {
            uint32_t first = n->first;
            n->first = n->size = 0;
            n->cur_idx = n->cur_clus = 0;
            r = ent_update(n->dsec, n->doff, 0, 0);
            if (r == 0 && first)
                r = free_chain(first);
            if (r < 0) {
                n->ref--;
                *out = 0;
            }
        }
    }
out:
    fs_unlock();
    return r;
}

void fat_close(fat_node *n)
{
    fs_lock();
    if (n && n->ref > 0)
        n->ref--;
    fs_unlock();
}

uint32_t fat_size(fat_node *n)
{
    fs_lock();
    uint32_t s = n->size;
    fs_unlock();
    return s;
}

/* The cluster holding cluster-index k of the file (allocating up to it when grow): >0, 0 none
 * (past the end, not growing), negative errno. */
static int64_t file_clus(struct fat_node *n, uint32_t k, int grow)
{
    if (!n->first) {
        if (!grow)
            return 0;
        int64_t c = alloc_clus(0);
        if (c < 0)
            return c;
        n->first = (uint32_t)c;
        n->cur_idx = 0;
        n->cur_clus = n->first;
    }
    uint32_t i = 0, c = n->first;
    if (n->cur_clus && n->cur_idx <= k) {
        i = n->cur_idx;
        c = n->cur_clus;
    }
    for (; i < k; i++) {
        if (i > fat.nclus)
            return -FS_EIO;
        int64_t next = fat_next(c);
        if (next < 0)
            return next;
        if (next == 0) {
            if (!grow)
                return 0;
            next = alloc_clus(c);
            if (next < 0)
                return next;
        }
        c = (uint32_t)next;
    }
    n->cur_idx = k;
    n->cur_clus = c;
    return c;
}

long fat_read(fat_node *n, uint32_t off, void *buf, size_t len)
{
    fs_lock();
    uint8_t *dst = buf;
    size_t done = 0;
    uint32_t csize = fat.spc * BSIZE;
    long r = 0;
    if (off < n->size && len > n->size - off)
        len = n->size - off;
    while (off < n->size && done < len) {
        int64_t c = file_clus(n, off / csize, 0);
        if (c <= 0) {
            r = c < 0 ? (long)c : -FS_EIO;      /* the chain is shorter than the size says */
            break;
        }
        uint32_t in = off % csize;
        if (in == 0 && len - done >= csize) {
            /* a whole cluster: straight from the disk into the caller's buffer (the cache
             * writes through, so the disk's copy is the current one) */
            /* without the file system's lock: other threads' calls (their own reads above
             * all) proceed while this one waits for the device. The node stays (it is open);
             * a truncate racing with this read can at worst hand back stale bytes of a
             * cluster it freed, never change the volume. */
            fs_unlock();
            int rr = virtio_blk_rw(clus_sec((uint32_t)c), dst + done, fat.spc, 0);
            fs_lock();
            if (rr < 0) {
                r = -FS_EIO;
                break;
            }
            done += csize;
            off += csize;
            continue;
        }
        struct buf *b = bread(clus_sec((uint32_t)c) + in / BSIZE);
        if (!b) {
            r = -FS_EIO;
            break;
        }
        size_t k = BSIZE - off % BSIZE;
        if (k > len - done)
            k = len - done;
        memcpy(dst + done, b->data + off % BSIZE, k);
        brelse(b);
        done += k;
        off += (uint32_t)k;
    }
    fs_unlock();
    return done ? (long)done : r;
}

static long write_locked(struct fat_node *n, uint32_t off, const uint8_t *src, size_t len)
{
    uint32_t csize = fat.spc * BSIZE;
    size_t done = 0;
    long r = 0;
    if ((uint64_t)off + len > 0xffffffffull)
        return -FS_EFBIG;
    while (done < len) {
        int64_t c = file_clus(n, off / csize, 1);
        if (c <= 0) {
            r = c < 0 ? (long)c : -FS_EIO;
            break;
        }
        if (src && off % csize == 0 && len - done >= csize) {
            /* a whole cluster: straight from the caller's buffer to the disk, one request */
            if (virtio_blk_rw(clus_sec((uint32_t)c), (void *)(src + done), fat.spc, 1) < 0) {
                r = -FS_EIO;
                break;
            }
            bio_forget(clus_sec((uint32_t)c), fat.spc);
            done += csize;
            off += csize;
            if (off > n->size)
                n->size = off;
            continue;
        }
        uint32_t sec = clus_sec((uint32_t)c) + off % csize / BSIZE;
        size_t k = BSIZE - off % BSIZE;
        if (k > len - done)
            k = len - done;
        /* a whole sector, or one past the end of the file, needs no read first */
        int fresh = k == BSIZE || off / BSIZE * BSIZE >= n->size;
        struct buf *b = fresh ? bzero_get(sec) : bread(sec);
        if (!b) {
            r = -FS_EIO;
            break;
        }
        if (src)
            memcpy(b->data + off % BSIZE, src + done, k);
        else
            memset(b->data + off % BSIZE, 0, k);
        int w = bwrite(b);
        brelse(b);
        if (w < 0) {
            r = -FS_EIO;
            break;
        }
        done += k;
        off += (uint32_t)k;
        if (off > n->size)
            n->size = off;
    }
    int u = ent_update(n->dsec, n->doff, n->first, n->size);
    if (u < 0 && r == 0)
        r = u;
    return done ? (long)done : r;
}

long fat_write(fat_node *n, uint32_t off, const void *buf, size_t len)
{
    fs_lock();
    long r = 0;
    if (off == FAT_APPEND)
        off = n->size;                         /* under the lock: appenders never overlap */
    if (off > n->size) {                       /* a hole: zero-fill it first */
        uint32_t gap = off - n->size;
        r = write_locked(n, n->size, 0, gap);
        if (r >= 0 && (uint32_t)r < gap)
            r = -FS_ENOSPC;
    }
    if (r >= 0)
        r = write_locked(n, off, buf, len);
    fs_unlock();
    return r;
}

int fat_truncate(fat_node *n, uint32_t len)
{
    fs_lock();
    int r = 0;
    if (len > n->size) {
        uint32_t gap = len - n->size;
        long w = write_locked(n, n->size, 0, gap);
        r = w < 0 ? (int)w : (uint32_t)w < gap ? -FS_ENOSPC : 0;
    } else if (len < n->size) {
        uint32_t csize = fat.spc * BSIZE, keep = (len + csize - 1) / csize;
        n->size = len;
        n->cur_idx = n->cur_clus = 0;
        if (keep == 0) {
            uint32_t first = n->first;
            n->first = 0;
            r = ent_update(n->dsec, n->doff, 0, 0);
            if (r == 0 && first)
                r = free_chain(first);
        } else {
            r = ent_update(n->dsec, n->doff, n->first, len);
            int64_t last = r == 0 ? file_clus(n, keep - 1, 0) : r;
            if (last > 0) {
                int64_t next = fat_next((uint32_t)last);
                if (next > 0) {
                    r = fat_set((uint32_t)last, eoc());
                    if (r == 0)
                        r = free_chain((uint32_t)next);
                }
            }
            n->cur_idx = n->cur_clus = 0;
        }
    }
    fs_unlock();
    return r;
}

/* ---- names -------------------------------------------------------------------------------- */
int fat_stat(const char *path, struct fs_stat *st)
{
    fs_lock();
    struct dent de;
    uint32_t parent;
    int is_root, r = walk(path, &de, &parent, &is_root);
    if (r == 0) {
        if (is_root) {
            st->is_dir = 1;
            st->size = 0;
            st->mtime = 0;
        } else {
            st->is_dir = !!(de.raw[11] & ATTR_DIR);
            struct fat_node *n = node_find(de.sec, de.off);
            st->size = st->is_dir ? 0 : n ? n->size : rd32(de.raw + 28);
            st->mtime = ent_mtime(de.raw);
        }
    }
    fs_unlock();
    return r;
}

int fat_listdir(const char *path, int (*cb)(void *, const char *, const struct fs_stat *), void *ctx)
{
    fs_lock();
    struct dent de;
    uint32_t parent, d = 0;
    int is_root, r = walk(path, &de, &parent, &is_root);
    if (r == 0 && !is_root) {
        if (!(de.raw[11] & ATTR_DIR))
            r = -FS_ENOTDIR;
        else {
            d = ent_first(de.raw);
            if (fat.fat32 && d == fat.root_clus)
                d = 0;
            if (d != 0 && !clus_ok(d))
                r = -FS_EIO;
        }
    }
    uint32_t idx = 0;
    while (r == 0) {
        int k = dir_next(d, &idx, &de);
        if (k <= 0) {
            r = k;
            break;
        }
        if (!strcmp(de.name, ".") || !strcmp(de.name, ".."))
            continue;
        struct fs_stat st = { !!(de.raw[11] & ATTR_DIR), rd32(de.raw + 28), ent_mtime(de.raw) };
        if (st.is_dir)
            st.size = 0;
        if (cb(ctx, de.name, &st))
            break;
    }
    fs_unlock();
    return r;
}

int fat_mkdir(const char *path)
{
    fs_lock();
    uint32_t d, sec;
    uint16_t off;
    const char *leaf;
    struct dent de;
    int r = walk_parent(path, &d, &leaf);
    if (r == 0 && !fat.mounted)
        r = -FS_ENODEV;
    if (r == 0) {
        int f = dir_find(d, leaf, strlen(leaf), &de);
        r = f < 0 ? f : f ? -FS_EEXIST : 0;
    }
    int64_t c = 0;
    if (r == 0 && (c = alloc_clus(0)) < 0)
        r = (int)c;
    for (uint32_t i = 0; r == 0 && i < fat.spc; i++) {
        struct buf *b = bzero_get(clus_sec((uint32_t)c) + i);
        if (i == 0) {
            uint8_t *e = b->data;
            memset(e, ' ', 11); e[0] = '.'; e[11] = ATTR_DIR;
            wr16(e + 20, (uint16_t)(c >> 16)); wr16(e + 26, (uint16_t)c);
            e += 32;
            memset(e, ' ', 11); e[0] = e[1] = '.'; e[11] = ATTR_DIR;
            wr16(e + 20, (uint16_t)(d >> 16)); wr16(e + 26, (uint16_t)d);   /* 0 = the root */
            uint16_t dt, tm;
            fat_now(&dt, &tm);
            for (e = b->data; e < b->data + 64; e += 32) {
                wr16(e + 14, tm); wr16(e + 16, dt); wr16(e + 18, dt); wr16(e + 22, tm); wr16(e + 24, dt);
            }
        }
        if (bwrite(b) < 0)
            r = -FS_EIO;
        brelse(b);
    }
    if (r == 0)
        r = dir_add(d, leaf, ATTR_DIR, (uint32_t)c, 0, &sec, &off);
    if (r < 0 && c > 0)
        free_chain((uint32_t)c);
    fs_unlock();
    return r;
}

int fat_rmdir(const char *path)
{
    fs_lock();
    struct dent de;
    uint32_t parent;
    int is_root, r = walk(path, &de, &parent, &is_root);
    if (r == 0 && is_root)
        r = -FS_EBUSY;
    else if (r == 0 && !(de.raw[11] & ATTR_DIR))
        r = -FS_ENOTDIR;
    uint32_t c = r == 0 ? ent_first(de.raw) : 0;
    if (r == 0 && !clus_ok(c))
        r = -FS_EIO;
    if (r == 0) {
        int e = dir_empty(c);
        r = e < 0 ? e : e ? 0 : -FS_ENOTEMPTY;
    }
    if (r == 0)
        r = dir_remove(parent, &de);
    if (r == 0)
        r = free_chain(c);
    fs_unlock();
    return r;
}

int fat_unlink(const char *path)
{
    fs_lock();
    struct dent de;
    uint32_t parent;
    int is_root, r = walk(path, &de, &parent, &is_root);
    if (r == 0 && (is_root || de.raw[11] & ATTR_DIR))
        r = -FS_EISDIR;
    else if (r == 0 && node_find(de.sec, de.off))
        r = -FS_EBUSY;
    if (r == 0)
        r = dir_remove(parent, &de);
    uint32_t c = r == 0 ? ent_first(de.raw) : 0;
    if (r == 0 && clus_ok(c))
        r = free_chain(c);
    fs_unlock();
    return r;
}

int fat_rename(const char *from, const char *to)
{
    fs_lock();
    struct dent src, dst;
    uint32_t sparent, dparent;
    const char *leaf;
    int is_root, r = walk(from, &src, &sparent, &is_root);
    if (r == 0 && is_root)
        r = -FS_EBUSY;
    size_t fl = strlen(from);
    if (r == 0 && !strncmp(to, from, fl) && to[fl] == '/')
        r = -FS_EINVAL;                        /* a directory into itself */
    if (r == 0)
        r = walk_parent(to, &dparent, &leaf);
    int is_dir = r == 0 && (src.raw[11] & ATTR_DIR);
    if (r == 0) {
        int f = dir_find(dparent, leaf, strlen(leaf), &dst);
        if (f < 0)
            r = f;
        else if (f == 1 && dst.sec == src.sec && dst.off == src.off) {
            if (!strcmp(dst.name, leaf))
                goto out;                      /* the same name: nothing to do */
            /* a change of case only: remove and re-add below */
        } else if (f == 1) {
            int ddir = !!(dst.raw[11] & ATTR_DIR);
            if (ddir && !is_dir)
                r = -FS_EISDIR;
            else if (!ddir && is_dir)
                r = -FS_ENOTDIR;
            else if (!ddir && node_find(dst.sec, dst.off))
                r = -FS_EBUSY;
            else if (ddir) {
                int e = dir_empty(ent_first(dst.raw));
                r = e < 0 ? e : e ? 0 : -FS_ENOTEMPTY;
            }
            if (r == 0)
                r = dir_remove(dparent, &dst);
            uint32_t c = ent_first(dst.raw);
            if (r == 0 && clus_ok(c))
                r = free_chain(c);
        }
    }
    uint32_t sec;
    uint16_t off;
    uint32_t first = ent_first(src.raw);
    if (r == 0)
        r = dir_add(dparent, leaf, src.raw[11], first, rd32(src.raw + 28), &sec, &off);
    if (r == 0) {
        /* the entry as added has fresh times; keep the original ones */
        struct buf *b = bread(sec);
        if (b) {
            memcpy(b->data + off + 13, src.raw + 13, 7);
            memcpy(b->data + off + 22, src.raw + 22, 4);
            bwrite(b);
            brelse(b);
        }
        /* adding never moves existing entries: src.first_idx..src.idx are still its own */
        r = dir_remove(sparent, &src);
        struct fat_node *n = node_find(src.sec, src.off);
        if (n) {
            n->dsec = sec;
            n->doff = off;
        }
    }
    if (r == 0 && is_dir && sparent != dparent && clus_ok(first)) {
        struct buf *b = bread(clus_sec(first));
        if (!b)
            r = -FS_EIO;
        else {
            uint8_t *e = b->data + 32;         /* ".." */
            if (e[0] == '.' && e[1] == '.') {
                wr16(e + 20, (uint16_t)(dparent >> 16));
                wr16(e + 26, (uint16_t)dparent);
                if (bwrite(b) < 0)
                    r = -FS_EIO;
            }
            brelse(b);
        }
    }
out:
    fs_unlock();
    return r;
}

int fat_statvfs(struct fs_statvfs *st)
{
    fs_lock();
    int r = fat.mounted ? count_free() : -FS_ENODEV;
    if (r == 0) {
        st->bsize = fat.spc * BSIZE;
        st->blocks = fat.nclus;
        st->bfree = (uint32_t)fat.nfree;
    }
    fs_unlock();
    return r;
}
