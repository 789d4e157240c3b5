/*
 * tests/unit/fat_host.c — fs/fat.c and fs/bio.c on the host, over a disk image file, for
 * tests/unit/test_fat.py: the kernel's locks and wait queues become no-ops (one thread), the
 * virtio-blk driver becomes pread/pwrite. Built with ASan+UBSan by `make test-fat`.
 *   fat_host IMAGE walk    mount, list every directory, read every file, append to each,
 *                          create, mkdir, rename, unlink: on a hostile image every call must end
 *                          in a result or an errno (the sanitizers and the runner's timeout
 *                          catch the rest). Prints "mount refused: ..." or "walked N".
 *   fat_host IMAGE ops     the operations with known results (a file across many clusters, a
 *                          hole, truncate, 300 names in one directory, rename of a directory,
 *                          a full disk), printing what each returned, for the runner to compare.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include "kernel/sleeplock.h"
#include "fs/fat.h"

static int img_fd;
static uint64_t img_sectors;

void spin_init(spinlock_t *l, const char *n) { (void)l; (void)n; }
void spin_lock(spinlock_t *l) { (void)l; }
void spin_unlock(spinlock_t *l) { (void)l; }
void waitq_init(struct waitq *q, const char *n) { (void)q; (void)n; }
int waitq_sleep(struct waitq *q, spinlock_t *l, uint64_t t) { (void)q; (void)l; (void)t; abort(); }
int waitq_wake_all(struct waitq *q) { (void)q; return 0; }
int waitq_wake_one(struct waitq *q) { (void)q; return 0; }
struct thread *thread_current(void) { return 0; }
uint32_t rtc_seconds(void) { return 1780000000u; }
int virtio_blk_present(void) { return 1; }
uint64_t virtio_blk_sectors(void) { return img_sectors; }
int virtio_blk_rw(uint64_t s, void *b, uint32_t c, int w)
{
    if (s + c > img_sectors)
        return -5;
    ssize_t r = w ? pwrite(img_fd, b, c * 512, (off_t)s * 512) : pread(img_fd, b, c * 512, (off_t)s * 512);
    return r == (ssize_t)(c * 512) ? 0 : -5;
}

static char paths[128][700];
static int npaths;
static int collect(void *ctx, const char *name, const struct fs_stat *st)
{
    (void)st;
    const char *dir = ctx;
    if (npaths < 128)
        snprintf(paths[npaths++], sizeof paths[0], "%s/%s", strcmp(dir, "/") ? dir : "", name);
    return 0;
}

static char buf[1 << 20];

static int count_entry(void *ctx, const char *name, const struct fs_stat *st)
{
    (void)name; (void)st;
    ++*(int *)ctx;
    return 0;
}

static int walk(void)
{
    npaths = 0;
    fat_listdir("/", collect, "/");
    for (int i = 0; i < npaths; i++) {
        struct fs_stat st;
        if (fat_stat(paths[i], &st) == 0 && st.is_dir)
            fat_listdir(paths[i], collect, paths[i]);
    }
    for (int i = 0; i < npaths; i++) {
        fat_node *n;
        if (fat_open(paths[i], 0, &n) == 0) {
            fat_read(n, 0, buf, sizeof buf);
            fat_write(n, fat_size(n), "x", 1);
            fat_truncate(n, fat_size(n) / 2);
            fat_close(n);
        }
    }
    fat_node *n;
    if (fat_open("/new file.txt", FS_O_CREAT, &n) == 0) {
        fat_write(n, 0, buf, 100000);
        fat_close(n);
    }
    fat_mkdir("/newdir");
    if (npaths) {
        fat_rename(paths[0], "/renamed");
        fat_unlink("/renamed");
        fat_rmdir("/renamed");
    }
    struct fs_statvfs v;
    fat_statvfs(&v);
    printf("walked %d\n", npaths);
    return 0;
}

static void put(const char *path, const void *data, size_t len)
{
    fat_node *n;
    int r = fat_open(path, FS_O_CREAT | FS_O_TRUNC, &n);
    if (r) { printf("open %s %d\n", path, r); return; }
    long w = fat_write(n, 0, data, len);
    fat_close(n);
    printf("put %s %ld\n", path, w);
}

static int ops(void)
{
    for (size_t i = 0; i < sizeof buf; i++)
        buf[i] = (char)('a' + i % 26);
    put("/big.txt", buf, 300000);
    fat_node *n;
    printf("hole %d", fat_open("/hole.bin", FS_O_CREAT, &n));
    printf(" %ld", fat_write(n, 5000, "X", 1));
    printf(" size %u\n", fat_size(n));
    fat_close(n);
    fat_open("/big.txt", 0, &n);
    int t = fat_truncate(n, 12345);
    printf("truncate %d size %u\n", t, fat_size(n));
    printf("unlink open %d\n", fat_unlink("/big.txt"));
    fat_close(n);
    int m1 = fat_mkdir("/many");
    printf("mkdir %d %d\n", m1, fat_mkdir("/many"));
    char p[64];
    for (int i = 0; i < 300; i++) {
        snprintf(p, sizeof p, "/many/a rather long file name %03d.dat", i);
        put(p, p, strlen(p));
    }
    int count = 0;
    fat_listdir("/many", count_entry, &count);
    printf("listed %d\n", count);
    printf("rmdir nonempty %d\n", fat_rmdir("/many"));
    printf("rename dir %d\n", fat_rename("/many", "/moved"));
    struct fs_stat st;
    printf("stat moved file %d\n", fat_stat("/moved/a rather long file name 123.dat", &st));
    printf("stat old %d\n", fat_stat("/many/a rather long file name 123.dat", &st));
    printf("into itself %d\n", fat_rename("/moved", "/moved/sub"));
    int b1 = fat_mkdir("/a:b");
    printf("bad names %d %d\n", b1, fat_mkdir("/trailing."));
    int od = fat_open("/moved", 0, &n), om = fat_open("/nope", 0, &n);
    printf("open dir %d, missing %d, notdir %d\n", od, om, fat_stat("/hole.bin/x", &st));
    long total = 0, w = 0;
    if (fat_open("/fill.bin", FS_O_CREAT, &n) == 0) {
        while ((w = fat_write(n, fat_size(n), buf, sizeof buf)) > 0)   /* the last one short */
            total += w;
        printf("fill last %s\n", w == -FS_ENOSPC ? "ENOSPC" : "other error");
        fat_close(n);
    }
    struct fs_statvfs v;
    fat_statvfs(&v);
    printf("free %u\n", v.bfree);
    printf("unlink fill %d\n", fat_unlink("/fill.bin"));
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 3)
        return 2;
    img_fd = open(argv[1], O_RDWR);
    if (img_fd < 0)
        return 2;
    img_sectors = (uint64_t)lseek(img_fd, 0, SEEK_END) / 512;
    char msg[128];
    int r = fat_mount(msg, sizeof msg);
    if (r) {
        printf("mount refused: %s\n", msg);
        return 0;
    }
    return strcmp(argv[2], "ops") ? walk() : ops();
}
