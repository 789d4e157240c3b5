/*
 * ports/guest/port_file.c — the file half of interp/port/port.h in the guest: descriptors, the
 * current directory and path normalisation over the FAT volume (fs/fat.c), mounted once at
 * console start (guest_disk_mount). fs/fat.c's errors already carry Linux's errno numbers.
 * Locks: files_lock (a spinlock) guards the descriptor table and cwd, for a few instructions at
 * a time, never across a file-system call. A descriptor's position is its own: two threads
 * sharing one descriptor race on it (as two threads sharing one FILE without a lock would);
 * the file system's lock keeps each call itself atomic. A descriptor names a slot and that slot's
 * generation (slot + MAX_FDS * generation), bumped at every close: a descriptor kept after its
 * close gets EBADF, never the file that took the slot next. A call holds its slot (busy) from
 * fd_get to fd_put, so a close meanwhile (another thread's, or port_close_tagged's for an
 * abandoned interpreter) ends the descriptor at once but leaves fat_close to the last user: the
 * file system never sees a node used after its close.
 */
#include <string.h>
#include <stdio.h>
#include "port/port.h"
#include "kernel/spinlock.h"
#include "fs/fat.h"
#include "drivers/virtio_blk.h"
#include "guest.h"

#define MAX_FDS 32
#define FD_GEN_MASK 0xffffu              /* descriptors stay below MAX_FDS << 16 */
#define PATH_MAX_GUEST 1024

static spinlock_t files_lock = SPINLOCK_INIT("files");
static struct gfile {
    int used;                            /* the slot is taken (until its last user has gone) */
    int closing;                         /* closed while busy: the last fd_put calls fat_close */
    int busy;                            /* calls between fd_get and fd_put */
    uint32_t gen;                        /* bumped at close */
    fat_node *node;
    uint32_t pos;
    int flags;
    const void *tag;                     /* port_file_open's tag (the opening interpreter) or NULL */
} fds[MAX_FDS];
static char cwd[PATH_MAX_GUEST] = "/";

void guest_disk_mount(void) {
    static int done;
    if (done) return;
    done = 1;
    char msg[120], line[200];
    int r = fat_mount(msg, sizeof msg);
    if (r == -FS_ENODEV && !strcmp(msg, "no disk")) return;       /* no disk: say nothing */
    snprintf(line, sizeof line, r == 0 ? "disk: %s, mounted at /\n"
             : "disk: not mounted: %s (file operations raise OSError)\n", msg);
    port_write(line, strlen(line));
}

/* Absolute, normalised: "/", "/a/b". -ENAMETOOLONG when it does not fit. */
static int norm_path(const char *in, char *out) {
    char tmp[PATH_MAX_GUEST * 2];
    if (in[0] == '/') {
        if (strlen(in) >= sizeof tmp) return -PORT_ENAMETOOLONG;
        strcpy(tmp, in);
    } else {
        spin_lock(&files_lock);
        int n = snprintf(tmp, sizeof tmp, "%s/%s", cwd, in);
        spin_unlock(&files_lock);
        if (n < 0 || (size_t)n >= sizeof tmp) return -PORT_ENAMETOOLONG;
    }
    size_t o = 0;
    out[0] = 0;
    char *p = tmp;
    while (*p) {
        while (*p == '/') p++;
        if (!*p) break;
        char *e = p;
        while (*e && *e != '/') e++;
        size_t len = (size_t)(e - p);
        if (len == 1 && p[0] == '.') {
        } else if (len == 2 && p[0] == '.' && p[1] == '.') {
            while (o > 0 && out[o - 1] != '/') o--;
            if (o > 0) o--;
            out[o] = 0;
        } else {
            if (o + 1 + len >= PATH_MAX_GUEST) return -PORT_ENAMETOOLONG;
            out[o++] = '/';
            memcpy(out + o, p, len);
            o += len;
            out[o] = 0;
        }
        p = e;
    }
    if (o == 0) strcpy(out, "/");
    return 0;
}

static int fd_desc(int i) { return i + MAX_FDS * (int)(fds[i].gen & FD_GEN_MASK); }

/* The open slot fd names, or NULL; files_lock held. */
static struct gfile *fd_find_locked(int fd) {
    if (fd < 0) return NULL;
    struct gfile *f = &fds[fd % MAX_FDS];
    if (!f->used || f->closing || (uint32_t)(fd / MAX_FDS) != (f->gen & FD_GEN_MASK)) return NULL;
    return f;
}

/* The file behind fd, held until fd_put (a close meanwhile leaves fat_close to fd_put). */
static struct gfile *fd_get(int fd) {
    spin_lock(&files_lock);
    struct gfile *f = fd_find_locked(fd);
    if (f) f->busy++;
    spin_unlock(&files_lock);
    return f;
}

/* End f's descriptor; files_lock held. Its node, for the caller to fat_close after the lock, or
 * NULL when a call still uses it (that call's fd_put closes it). */
static fat_node *fd_end_locked(struct gfile *f) {
    f->gen++;
    if (f->busy) {
        f->closing = 1;
        return NULL;
    }
    f->used = 0;
    return f->node;
}

static void fd_put(struct gfile *f) {
    fat_node *n = NULL;
    spin_lock(&files_lock);
    if (--f->busy == 0 && f->closing) {
        f->closing = 0;
        f->used = 0;
        n = f->node;
    }
    spin_unlock(&files_lock);
    if (n) fat_close(n);
}

int port_file_open(const char *path, int flags, const void *tag) {
    char p[PATH_MAX_GUEST];
    int r = norm_path(path, p);
    if (r < 0) return r;
    int ff = (flags & PORT_O_CREAT ? FS_O_CREAT : 0) | (flags & PORT_O_EXCL ? FS_O_EXCL : 0) |
             (flags & PORT_O_TRUNC ? FS_O_TRUNC : 0);
    if ((flags & PORT_O_ACCMODE) == PORT_O_RDONLY) ff &= ~FS_O_TRUNC;
    fat_node *n;
    r = fat_open(p, ff, &n);
    if (r < 0) return r;
    spin_lock(&files_lock);
    for (int i = 0; i < MAX_FDS; i++)
        if (!fds[i].used) {
            uint32_t gen = fds[i].gen;
            fds[i] = (struct gfile){ .used = 1, .gen = gen, .node = n, .flags = flags, .tag = tag };
            int d = fd_desc(i);
            spin_unlock(&files_lock);
            return d;
        }
    spin_unlock(&files_lock);
    fat_close(n);
    return -PORT_EMFILE;
}

long port_file_read(int fd, void *buf, size_t n) {
    struct gfile *f = fd_get(fd);
    if (!f) return -PORT_EBADF;
    long r = -PORT_EBADF;
    if ((f->flags & PORT_O_ACCMODE) != PORT_O_WRONLY) {
        r = fat_read(f->node, f->pos, buf, n);
        if (r > 0) f->pos += (uint32_t)r;
    }
    fd_put(f);
    return r;
}

long port_file_write(int fd, const void *buf, size_t n) {
    struct gfile *f = fd_get(fd);
    if (!f) return -PORT_EBADF;
    long r = -PORT_EBADF;
    if ((f->flags & PORT_O_ACCMODE) != PORT_O_RDONLY) {
        r = fat_write(f->node, f->flags & PORT_O_APPEND ? FAT_APPEND : f->pos, buf, n);
        if (r > 0) f->pos = f->flags & PORT_O_APPEND ? fat_size(f->node) : f->pos + (uint32_t)r;
    }
    fd_put(f);
    return r;
}

int64_t port_file_seek(int fd, int64_t off, int whence) {
    struct gfile *f = fd_get(fd);
    if (!f) return -PORT_EBADF;
    int64_t base = whence == 1 ? f->pos : whence == 2 ? fat_size(f->node) : 0;
    int64_t r = -PORT_EINVAL;
    if (base + off >= 0 && base + off <= 0xffffffffll) {
        f->pos = (uint32_t)(base + off);
        r = f->pos;
    }
    fd_put(f);
    return r;
}

int port_file_truncate(int fd, uint64_t len) {
    struct gfile *f = fd_get(fd);
    if (!f) return -PORT_EBADF;
    int r = (f->flags & PORT_O_ACCMODE) == PORT_O_RDONLY ? -PORT_EBADF
          : len > 0xffffffffull ? -PORT_EFBIG : fat_truncate(f->node, (uint32_t)len);
    fd_put(f);
    return r;
}

int port_file_fstat(int fd, port_stat_t *st) {
    struct gfile *f = fd_get(fd);
    if (!f) return -PORT_EBADF;
    st->is_dir = 0;
    st->size = fat_size(f->node);
    st->mtime = 0;
    fd_put(f);
    return 0;
}

int port_file_close(int fd) {
    spin_lock(&files_lock);
    struct gfile *f = fd_find_locked(fd);
    fat_node *n = f ? fd_end_locked(f) : NULL;
    spin_unlock(&files_lock);
    if (!f) return -PORT_EBADF;
    if (n) fat_close(n);
    return 0;
}

int guest_files_close_tagged(const void *tag) {
    fat_node *nodes[MAX_FDS];
    int n = 0, closed = 0;
    if (!tag) return 0;
    spin_lock(&files_lock);
    for (int i = 0; i < MAX_FDS; i++)
        if (fds[i].used && !fds[i].closing && fds[i].tag == tag) {
            fat_node *node = fd_end_locked(&fds[i]);
            if (node) nodes[n++] = node;
            closed++;
        }
    spin_unlock(&files_lock);
    for (int i = 0; i < n; i++) fat_close(nodes[i]);
    return closed;
}

int port_path_stat(const char *path, port_stat_t *st) {
    char p[PATH_MAX_GUEST];
    int r = norm_path(path, p);
    struct fs_stat s;
    if (r == 0) r = fat_stat(p, &s);
    if (r < 0) return r;
    st->is_dir = s.is_dir;
    st->size = s.size;
    st->mtime = s.mtime;
    return 0;
}

struct lctx { int (*cb)(void *, const char *, const port_stat_t *); void *ctx; };
static int list_cb(void *c, const char *name, const struct fs_stat *s) {
    struct lctx *l = c;
    port_stat_t st = { s->is_dir, s->size, s->mtime };
    return l->cb(l->ctx, name, &st);
}

int port_listdir(const char *path, int (*cb)(void *, const char *, const port_stat_t *), void *ctx) {
    char p[PATH_MAX_GUEST];
    int r = norm_path(path, p);
    struct lctx l = { cb, ctx };
    return r < 0 ? r : fat_listdir(p, list_cb, &l);
}

#define PATH_OP(fn, call) \
    int fn(const char *path) { char p[PATH_MAX_GUEST]; int r = norm_path(path, p); return r < 0 ? r : call(p); }
PATH_OP(port_mkdir, fat_mkdir)
PATH_OP(port_rmdir, fat_rmdir)
PATH_OP(port_remove, fat_unlink)

int port_rename(const char *from, const char *to) {
    char a[PATH_MAX_GUEST], b[PATH_MAX_GUEST];
    int r = norm_path(from, a);
    if (r == 0) r = norm_path(to, b);
    return r < 0 ? r : fat_rename(a, b);
}

int port_statvfs(const char *path, port_statvfs_t *st) {
    (void)path;
    struct fs_statvfs v;
    int r = fat_statvfs(&v);
    if (r < 0) return r;
    st->bsize = v.bsize;
    st->blocks = v.blocks;
    st->bfree = v.bfree;
    return 0;
}

int port_getcwd(char *buf, size_t n) {
    spin_lock(&files_lock);
    int r = strlen(cwd) < n ? 0 : -34 /* ERANGE */;
    if (r == 0) strcpy(buf, cwd);
    spin_unlock(&files_lock);
    return r;
}

int port_chdir(const char *path) {
    char p[PATH_MAX_GUEST];
    int r = norm_path(path, p);
    struct fs_stat s;
    if (r == 0) r = fat_stat(p, &s);
    if (r == 0 && !s.is_dir) r = -PORT_ENOTDIR;
    if (r < 0) return r;
    spin_lock(&files_lock);
    strcpy(cwd, p);
    spin_unlock(&files_lock);
    return 0;
}

/* The block cache writes through (fs/bio.c); sync asks the device to make it durable. */
int port_sync(void) { return virtio_blk_present() && virtio_blk_flush() < 0 ? -PORT_EIO : 0; }
