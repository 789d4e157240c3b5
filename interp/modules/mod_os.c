/*
 * interp/modules/mod_os.c — the C half of `os`: cpu_count() (cores online through port.h), getpid(),
 * name, and the file-system calls over port.h's file functions (listdir, ilistdir, _stat,
 * statvfs, remove, rename, mkdir, rmdir, getcwd, chdir, sync), each made with the GIL dropped.
 * interp/lib/os.py adds stat_result and os.path (interp/lib/posixpath.py).
 * Called by: Python code. Locks: none of its own.
 */
#include <string.h>
#include "gil/gil.h"
#include "objects/module.h"
#include "objects/objects.h"
#include "modules/fileio.h"

static Obj *f_cpu_count(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s; (void)a; (void)n; (void)k;
    return int_from_i64(port_cores_online());
}
static Obj *f_getpid(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s; (void)a; (void)n; (void)k;
    long pid = port_process_id();
    if (pid > 0) return int_from_i64((int64_t)pid);
    /* no OS processes (guest): number the interpreters, as multiprocessing's pids do */
    ThreadState *ts = ts_get();
    return int_from_i64(ts && ts->interp ? ts->interp->id + 1 : 1);
}


/* A path argument: a str; TypeError otherwise. */
static const char *path_arg(const char *fn, Obj *o) {
    if (!str_check(o)) {
        exc_raise(TypeError_t, "%s: path should be string, bytes or os.PathLike, not %s", fn, type_name(o));
        return NULL;
    }
    return str_data(o);
}

#define NOGIL(call) ({ ThreadState *ts_ = ts_get(); gil_before_blocking(ts_); int r_ = (call); \
                       gil_after_blocking(ts_); r_; })

static Obj *path_op(const char *fn, Obj *const *a, int n, Obj *k, int (*op)(const char *)) {
    if (no_kwargs(fn, k) < 0 || check_nargs(fn, n, 1, 1) < 0) return NULL;
    const char *p = path_arg(fn, a[0]);
    if (!p) return NULL;
    int r = NOGIL(op(p));
    return r < 0 ? fileio_raise_errno(r, a[0], NULL) : none_ref();
}
static Obj *f_remove(Obj *s, Obj *const *a, int n, Obj *k) { (void)s; return path_op("remove", a, n, k, port_remove); }
static Obj *f_mkdir(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s;
    if (n == 2) n = 1;                      /* mkdir(path, mode): the mode is not kept (FAT) */
    return path_op("mkdir", a, n, k, port_mkdir);
}
static Obj *f_rmdir(Obj *s, Obj *const *a, int n, Obj *k) { (void)s; return path_op("rmdir", a, n, k, port_rmdir); }
static Obj *f_chdir(Obj *s, Obj *const *a, int n, Obj *k) { (void)s; return path_op("chdir", a, n, k, port_chdir); }

static Obj *f_rename(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s;
    if (no_kwargs("rename", k) < 0 || check_nargs("rename", n, 2, 2) < 0) return NULL;
    const char *from = path_arg("rename", a[0]), *to = from ? path_arg("rename", a[1]) : NULL;
    if (!to) return NULL;
    int r = NOGIL(port_rename(from, to));
    return r < 0 ? fileio_raise_errno(r, a[0], a[1]) : none_ref();
}

static Obj *f_getcwd(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s; (void)a;
    if (no_kwargs("getcwd", k) < 0 || check_nargs("getcwd", n, 0, 0) < 0) return NULL;
    char buf[1024];
    int r = NOGIL(port_getcwd(buf, sizeof buf));
    return r < 0 ? fileio_raise_errno(r, NULL, NULL) : str_from_cstr(buf);
}

static Obj *f_sync(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s; (void)a; (void)n; (void)k;
    NOGIL(port_sync());
    return none_ref();
}

/* stat(path) -> (mode, ino, dev, nlink, uid, gid, size, atime, mtime, ctime), MicroPython's
 * tuple; interp/lib/os.py wraps it in stat_result for the st_* names. */
static Obj *f_stat(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s;
    if (no_kwargs("stat", k) < 0 || check_nargs("stat", n, 1, 1) < 0) return NULL;
    const char *p = path_arg("stat", a[0]);
    if (!p) return NULL;
    port_stat_t st;
    int r = NOGIL(port_path_stat(p, &st));
    if (r < 0) return fileio_raise_errno(r, a[0], NULL);
    Obj *t = tuple_new(10);
    if (!t) return NULL;
    int64_t v[10] = { st.is_dir ? 0040777 : 0100666, 0, 0, 1, 0, 0, (int64_t)st.size, st.mtime, st.mtime, st.mtime };
    if (st.is_dir) v[0] = 0040755, v[3] = 2;
    else v[0] = 0100644;
    for (int i = 0; i < 10; i++) {
        Obj *x = int_from_i64(v[i]);
        if (!x) { for (int j = i; j < 10; j++) TUPLE_ITEMS(t)[j] = none_ref(); DECREF(t); return NULL; }
        TUPLE_ITEMS(t)[i] = x;
    }
    return t;
}

static Obj *f_statvfs(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s;
    if (no_kwargs("statvfs", k) < 0 || check_nargs("statvfs", n, 1, 1) < 0) return NULL;
    const char *p = path_arg("statvfs", a[0]);
    if (!p) return NULL;
    port_statvfs_t st;
    int r = NOGIL(port_statvfs(p, &st));
    if (r < 0) return fileio_raise_errno(r, a[0], NULL);
    /* (bsize, frsize, blocks, bfree, bavail, files, ffree, favail, flag, namemax) */
    int64_t v[10] = { st.bsize, st.bsize, (int64_t)st.blocks, (int64_t)st.bfree, (int64_t)st.bfree, 0, 0, 0, 0, 255 };
    Obj *t = tuple_new(10);
    if (!t) return NULL;
    for (int i = 0; i < 10; i++) {
        Obj *x = int_from_i64(v[i]);
        if (!x) { for (int j = i; j < 10; j++) TUPLE_ITEMS(t)[j] = none_ref(); DECREF(t); return NULL; }
        TUPLE_ITEMS(t)[i] = x;
    }
    return t;
}

/* The listing is gathered without the GIL into plain memory, then turned into objects. */
struct dl { char *buf; size_t n, cap; bool oom; };
static int dl_add(void *ctx, const char *name, const port_stat_t *st) {
    struct dl *d = ctx;
    size_t len = strlen(name), need = len + 1 + 1 + 8;
    if (d->n + need > d->cap) {
        size_t cap = (d->cap + need) * 2;
        char *nb = port_realloc(d->buf, cap);
        if (!nb) { d->oom = true; return 1; }
        d->buf = nb;
        d->cap = cap;
    }
    d->buf[d->n++] = (char)st->is_dir;
    uint64_t size = st->size;
    memcpy(d->buf + d->n, &size, 8);
    d->n += 8;
    memcpy(d->buf + d->n, name, len + 1);
    d->n += len + 1;
    return 0;
}

static Obj *listing(const char *fn, Obj *const *a, int n, Obj *k, bool tuples) {
    if (no_kwargs(fn, k) < 0 || check_nargs(fn, n, 0, 1) < 0) return NULL;
    const char *p = n ? path_arg(fn, a[0]) : ".";
    if (!p) return NULL;
    struct dl d = { NULL, 0, 0, false };
    int r = NOGIL(port_listdir(p, dl_add, &d));
    if (r < 0) { port_free(d.buf); return fileio_raise_errno(r, n ? a[0] : NULL, NULL); }
    if (d.oom) { port_free(d.buf); return exc_raise_memory(); }
    Obj *l = list_new(0);
    for (size_t i = 0; l && i < d.n;) {
        int is_dir = d.buf[i++];
        uint64_t size;
        memcpy(&size, d.buf + i, 8);
        i += 8;
        const char *name = d.buf + i;
        i += strlen(name) + 1;
        Obj *nm = str_from_cstr(name), *item = nm;
        if (nm && tuples) {
            /* MicroPython's (name, type, inode, size): type 0x4000 directory, 0x8000 file */
            Obj *ty = int_from_i64(is_dir ? 0x4000 : 0x8000), *ino = int_from_i64(0),
                *sz = int_from_u64(is_dir ? 0 : size);
            item = ty && ino && sz ? tuple_pack(4, nm, ty, ino, sz) : NULL;
            XDECREF(ty); XDECREF(ino); XDECREF(sz); DECREF(nm);
        }
        if (!item || list_append(l, item) < 0) { XDECREF(item); DECREF(l); l = NULL; break; }
        DECREF(item);
    }
    port_free(d.buf);
    return l;
}
static Obj *f_listdir(Obj *s, Obj *const *a, int n, Obj *k) { (void)s; return listing("listdir", a, n, k, false); }
static Obj *f_ilistdir(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s;
    Obj *l = listing("ilistdir", a, n, k, true);
    if (!l) return NULL;
    Obj *it = obj_iter(l);
    DECREF(l);
    return it;
}

static const MethodDef os_fns[] = {
    {"cpu_count", f_cpu_count}, {"getpid", f_getpid},
    {"listdir", f_listdir}, {"ilistdir", f_ilistdir}, {"_stat", f_stat}, {"statvfs", f_statvfs},
    {"remove", f_remove}, {"unlink", f_remove}, {"rename", f_rename}, {"mkdir", f_mkdir},
    {"rmdir", f_rmdir}, {"getcwd", f_getcwd}, {"chdir", f_chdir}, {"sync", f_sync},
    {NULL, NULL},
};

static int os_init(Obj *d) {
    if (module_add_functions(d, os_fns) < 0) return -1;
    Obj *nm = str_from_cstr("posix");
    if (!nm || dict_set_s(d, "name", nm) < 0) { XDECREF(nm); return -1; }
    DECREF(nm);
    return 0;
}

MODULE_DEF(os, os_init);
