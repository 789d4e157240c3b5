/*
 * fs/fat.h — the FAT16/FAT32 file system on the virtio disk (fs/fat.c), with long file names.
 * Paths are absolute and normalised by the caller ("/", "/a/b": no ".", "..", empty or trailing
 * components). Errors are negative errno values, Linux's numbers (what Python programs compare
 * with; interp/port/port.h uses the same ones). Every call takes the file system's one sleeping
 * lock, so calls are atomic with respect to each other and may sleep on disk I/O.
 */
#ifndef FS_FAT_H
#define FS_FAT_H
#include <stdint.h>
#include <stddef.h>

enum {
    FS_EPERM = 1, FS_ENOENT = 2, FS_EIO = 5, FS_EBADF = 9, FS_EBUSY = 16, FS_EEXIST = 17,
    FS_ENODEV = 19, FS_ENOTDIR = 20, FS_EISDIR = 21, FS_EINVAL = 22, FS_ENFILE = 23,
    FS_EFBIG = 27, FS_ENOSPC = 28, FS_EROFS = 30, FS_ENAMETOOLONG = 36, FS_ENOTEMPTY = 39,
};
enum { FS_O_CREAT = 1, FS_O_EXCL = 2, FS_O_TRUNC = 4 };

struct fs_stat { int is_dir; uint32_t size; uint32_t mtime; /* Unix seconds, 0 unknown */ };
struct fs_statvfs { uint32_t bsize, blocks, bfree; };
typedef struct fat_node fat_node;

/* Mount the disk's file system: 0, or a negative errno with a one-line reason in msg. Checks
 * every field of the boot sector before use; a hostile image is refused, never trusted. */
int  fat_mount(char *msg, size_t msglen);
int  fat_mounted(void);
int  fat_open(const char *path, int flags, fat_node **out);   /* a regular file */
void fat_close(fat_node *n);
long fat_read(fat_node *n, uint32_t off, void *buf, size_t len);
/* May be short on ENOSPC. off == FAT_APPEND: at the end of the file as it is under the lock. */
#define FAT_APPEND UINT32_MAX
long fat_write(fat_node *n, uint32_t off, const void *buf, size_t len);
int  fat_truncate(fat_node *n, uint32_t len);
uint32_t fat_size(fat_node *n);
int  fat_stat(const char *path, struct fs_stat *st);
/* cb(ctx, name, st) for each entry but "." and ".."; cb returns nonzero to stop. cb must not
 * call back into the file system (the lock is held). */
int  fat_listdir(const char *path, int (*cb)(void *ctx, const char *name, const struct fs_stat *st), void *ctx);
int  fat_mkdir(const char *path);
int  fat_rmdir(const char *path);
int  fat_unlink(const char *path);
int  fat_rename(const char *from, const char *to);
int  fat_statvfs(struct fs_statvfs *st);
#endif
