/*
 * interp/modules/mod_fileio.c — the `_fileio` module: open() and its file objects (the
 * builtin open() calls _fileio.open: interp/runtime/builtins_code.c), plus the helpers `os`
 * shares (fileio_raise_errno, fileio_nogil_*). Files are reached only through interp/port/port.h
 * (port_file_*): POSIX on the host, the FAT volume on the guest, so one test runs on both.
 *
 * A file object: a port descriptor, its mode, and a read-ahead buffer (rbuf[rpos..rlen) are
 * bytes read from the descriptor but not yet returned: the logical position is the descriptor's
 * minus rlen - rpos). A write or seek first gives the unread bytes back (seeks the descriptor
 * back), so reads and writes mix as with CPython's buffered files. Writes go straight to the
 * port (nothing to flush). Text mode is UTF-8; with newline=None (the default) "\r\n" and "\r"
 * read as "\n" and end a line (a "\r\n" split across two reads is one: the "\r" read last
 * leaves pending_cr set, and the next read skips a "\n" that starts it), and
 * writes are not translated (as on Linux). Reading a write-only file (or writing a read-only
 * one) raises io.UnsupportedOperation, as CPython; the types are TextIOWrapper, BufferedReader,
 * BufferedWriter and BufferedRandom by mode, also exported by io.
 *
 * The GIL is dropped around every port call (gil_before_blocking, as time.sleep does): a thread
 * waiting for the disk lets the others run. Locks: a file object is meant for one thread at a
 * time (CPython's buffered files take a lock; here the GIL serialises the Python side and the
 * port's file-system lock each call); nothing of its own.
 */
#include <string.h>
#include "gil/gil.h"
#include "runtime/vm.h"
#include "objects/module.h"
#include "objects/objects.h"
#include "modules/fileio.h"

/* ---- errors -------------------------------------------------------------------------------- */
const char *fileio_strerror(int e) {
    switch (e) {
    case PORT_EPERM: return "Operation not permitted";
    case PORT_ENOENT: return "No such file or directory";
    case PORT_EIO: return "Input/output error";
    case PORT_EBADF: return "Bad file descriptor";
    case PORT_EACCES: return "Permission denied";
    case PORT_EBUSY: return "Device or resource busy";
    case PORT_EEXIST: return "File exists";
    case PORT_EXDEV: return "Invalid cross-device link";
    case PORT_ENODEV: return "No such device";
    case PORT_ENOTDIR: return "Not a directory";
    case PORT_EISDIR: return "Is a directory";
    case PORT_EINVAL: return "Invalid argument";
    case PORT_ENFILE: return "Too many open files in system";
    case PORT_EMFILE: return "Too many open files";
    case PORT_EFBIG: return "File too large";
    case PORT_ENOSPC: return "No space left on device";
    case PORT_ESPIPE: return "Illegal seek";
    case PORT_EROFS: return "Read-only file system";
    case PORT_ENAMETOOLONG: return "File name too long";
    case PORT_ENOTEMPTY: return "Directory not empty";
    /* the socket calls' (port.h), and the few more a POSIX host may give */
    case PORT_EINTR: return "Interrupted system call";
    case PORT_EAGAIN: return "Resource temporarily unavailable";
    case PORT_ENOMEM: return "Cannot allocate memory";
    case PORT_EPIPE: return "Broken pipe";
    case PORT_ENOTSOCK: return "Socket operation on non-socket";
    case PORT_EDESTADDRREQ: return "Destination address required";
    case PORT_EMSGSIZE: return "Message too long";
    case 91: return "Protocol wrong type for socket";
    case PORT_ENOPROTOOPT: return "Protocol not available";
    case 93: return "Protocol not supported";
    case PORT_EOPNOTSUPP: return "Operation not supported";
    case PORT_EAFNOSUPPORT: return "Address family not supported by protocol";
    case PORT_EADDRINUSE: return "Address already in use";
    case PORT_EADDRNOTAVAIL: return "Cannot assign requested address";
    case PORT_ENETDOWN: return "Network is down";
    case PORT_ENETUNREACH: return "Network is unreachable";
    case 102: return "Network dropped connection on reset";
    case PORT_ECONNABORTED: return "Software caused connection abort";
    case PORT_ECONNRESET: return "Connection reset by peer";
    case PORT_ENOBUFS: return "No buffer space available";
    case PORT_EISCONN: return "Transport endpoint is already connected";
    case PORT_ENOTCONN: return "Transport endpoint is not connected";
    case 108: return "Cannot send after transport endpoint shutdown";
    case PORT_ETIMEDOUT: return "Connection timed out";
    case PORT_ECONNREFUSED: return "Connection refused";
    case 112: return "Host is down";
    case PORT_EHOSTUNREACH: return "No route to host";
    case PORT_EALREADY: return "Operation already in progress";
    case PORT_EINPROGRESS: return "Operation now in progress";
    default: return "Unknown error";
    }
}

/* OSError(errno, strerror[, filename]) — the subclass for errno (exc.c) — raised; NULL. */
Obj *fileio_raise_errno(int e, Obj *filename, Obj *filename2) {
    if (e < 0) e = -e;
    Obj *args[4] = { int_from_i64(e), str_from_cstr(fileio_strerror(e)), filename, filename2 };
    if (!args[0] || !args[1]) { XDECREF(args[0]); XDECREF(args[1]); return NULL; }
    Obj *x = obj_call((Obj *)OSError_t, args, filename ? 3 : 2, NULL);
    DECREF(args[0]);
    DECREF(args[1]);
    if (!x) return NULL;
    if (filename2 && obj_setattr(x, str_intern("filename2"), filename2) < 0) exc_clear();
    exc_raise_obj(x);
    DECREF(x);
    return NULL;
}

/* ---- the file object ----------------------------------------------------------------------- */
typedef struct {
    Obj base;
    int fd;                     /* -1 once closed */
    bool binary, readable, writable, append;
    bool translate;             /* text, newline=None: "\r\n" and "\r" read as "\n" */
    bool pending_cr;            /* translate: the last text returned ended in a "\r" */
    Obj *name, *mode;
    char *rbuf;
    size_t rpos, rlen, rcap;
} FileObj;

extern Type textio_type, bufferedio_type, bufferedreader_type, bufferedwriter_type;
#define FILE_(o) ((FileObj *)(o))

static long nogil_read(int fd, void *b, size_t n) {
    ThreadState *ts = ts_get();
    gil_before_blocking(ts);
    long r = port_file_read(fd, b, n);
    gil_after_blocking(ts);
    return r;
}
static long nogil_write(int fd, const void *b, size_t n) {
    ThreadState *ts = ts_get();
    gil_before_blocking(ts);
    long r = port_file_write(fd, b, n);
    gil_after_blocking(ts);
    return r;
}
static int64_t nogil_seek(int fd, int64_t off, int whence) {
    ThreadState *ts = ts_get();
    gil_before_blocking(ts);
    int64_t r = port_file_seek(fd, off, whence);
    gil_after_blocking(ts);
    return r;
}

static int check_open(FileObj *f) {
    if (f->fd < 0) { exc_raise(ValueError_t, "I/O operation on closed file."); return -1; }
    return 0;
}
/* io.UnsupportedOperation (interp/lib/io.py; an OSError), or OSError if io cannot load. */
static void raise_unsupported(const char *what) {
    Obj *io = import_module("io");
    Obj *cls = io ? obj_getattr_s(io, "UnsupportedOperation") : NULL;
    if (io) DECREF(io);
    if (!cls) { exc_clear(); exc_raise(OSError_t, "%s", what); return; }
    Obj *msg = str_from_cstr(what);
    Obj *x = msg ? obj_call1(cls, msg) : NULL;
    DECREF(cls);
    if (msg) DECREF(msg);
    if (!x) return;
    exc_raise_obj(x);
    DECREF(x);
}
static int check_readable(FileObj *f) {
    if (check_open(f) < 0) return -1;
    if (!f->readable) { raise_unsupported(f->binary ? "read" : "not readable"); return -1; }
    return 0;
}
static int check_writable(FileObj *f) {
    if (check_open(f) < 0) return -1;
    if (!f->writable) { raise_unsupported(f->binary ? "write" : "not writable"); return -1; }
    return 0;
}

static int fill(FileObj *f, size_t want);

/* Before a text read: after a returned "\r", a "\n" next in the file belongs to it ("\r\n"
 * split across two reads). 0, or -1 with the exception set. */
static int skip_pending_lf(FileObj *f) {
    if (!f->pending_cr) return 0;
    f->pending_cr = false;
    if (f->rpos == f->rlen) {
        int r = fill(f, 1);
        if (r < 0) return -1;
    }
    if (f->rpos < f->rlen && f->rbuf[f->rpos] == '\n') f->rpos++;
    return 0;
}

/* Give unread read-ahead back to the descriptor (before a write, seek or tell). */
static int drop_readahead(FileObj *f) {
    size_t unread = f->rlen - f->rpos;
    f->pending_cr = false;
    f->rpos = f->rlen = 0;
    if (unread) {
        int64_t r = nogil_seek(f->fd, -(int64_t)unread, 1);
        if (r < 0) { fileio_raise_errno((int)r, NULL, NULL); return -1; }
    }
    return 0;
}

/* Read more into rbuf (at least `want` more bytes asked of the port). 1 got some, 0 EOF, -1. */
static int fill(FileObj *f, size_t want) {
    if (f->rpos > 0 && f->rpos == f->rlen) f->rpos = f->rlen = 0;
    if (want < 4096) want = 4096;
    if (f->rlen + want > f->rcap) {
        if (f->rpos) {                       /* slide the unread part down first */
            memmove(f->rbuf, f->rbuf + f->rpos, f->rlen - f->rpos);
            f->rlen -= f->rpos;
            f->rpos = 0;
        }
        if (f->rlen + want > f->rcap) {
            size_t cap = f->rlen + want;
            char *nb = mem_realloc(f->rbuf, cap);
            if (!nb) { exc_raise_memory(); return -1; }
            f->rbuf = nb;
            f->rcap = cap;
        }
    }
    long r = nogil_read(f->fd, f->rbuf + f->rlen, want);
    if (r < 0) { fileio_raise_errno((int)r, NULL, NULL); return -1; }
    f->rlen += (size_t)r;
    return r > 0;
}

static bool utf8_valid(const char *s, size_t n, size_t *bad) {
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        unsigned c = p[i];
        size_t k;
        if (c < 0x80) k = 0;
        else if (c >= 0xc2 && c < 0xe0) k = 1;
        else if ((c & 0xf0) == 0xe0) k = 2;
        else if (c >= 0xf0 && c <= 0xf4) k = 3;
        else { *bad = i; return false; }
        if (i + k >= n) { *bad = i; return false; }
        for (size_t j = 1; j <= k; j++)
            if ((p[i + j] & 0xc0) != 0x80) { *bad = i; return false; }
        i += k + 1;
    }
    return true;
}

/* The result of a read: bytes, or (text) a str after checking the UTF-8. */
static Obj *make_result(FileObj *f, const char *p, size_t n) {
    if (f->binary) return bytes_new(p, n);
    size_t bad;
    if (!utf8_valid(p, n, &bad))
        return exc_raise(UnicodeDecodeError_t, "'utf-8' codec can't decode byte 0x%02x in position %zd: "
                         "invalid start byte", (unsigned)(unsigned char)p[bad], (intptr_t)bad);
    const char *cr = f->translate ? memchr(p, '\r', n) : NULL;
    f->pending_cr = cr && p[n - 1] == '\r';   /* the caller consumes exactly p[0..n) */
    if (!cr) return str_new(p, n);
    char *t = mem_alloc(n);                 /* universal newlines, as CPython's default */
    if (!t) return exc_raise_memory();
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '\r') {
            t[o++] = '\n';
            if (i + 1 < n && p[i + 1] == '\n') i++;
        } else {
            t[o++] = p[i];
        }
    }
    Obj *r = str_new(t, o);
    mem_free(t);
    return r;
}

/* Bytes in rbuf[rpos..] making up `chars` code points (all of them if fewer). */
static size_t bytes_for_chars(FileObj *f, size_t chars, size_t *got) {
    size_t i = f->rpos, c = 0;
    while (i < f->rlen && c < chars) {
        i++;
        while (i < f->rlen && ((unsigned char)f->rbuf[i] & 0xc0) == 0x80) i++;
        c++;
    }
    *got = c;
    return i - f->rpos;
}

static Obj *read_n(FileObj *f, intptr_t size) {
    if (skip_pending_lf(f) < 0) return NULL;
    if (size < 0) {
        for (;;) {
            int r = fill(f, 65536);
            if (r < 0) return NULL;
            if (r == 0) break;
        }
        Obj *res = make_result(f, f->rbuf + f->rpos, f->rlen - f->rpos);
        if (res) f->rpos = f->rlen = 0;
        return res;
    }
    for (;;) {
        size_t have = f->rlen - f->rpos, got = have;
        size_t nb = f->binary ? (have < (size_t)size ? have : (size_t)size) : bytes_for_chars(f, (size_t)size, &got);
        /* a text read needs the whole last character: read on while it may be cut off */
        bool enough = f->binary ? have >= (size_t)size : got >= (size_t)size && have > nb;
        if (!enough) {
            int r = fill(f, f->binary ? (size_t)size - have : (size_t)size * 4);
            if (r < 0) return NULL;
            if (r > 0) continue;
            nb = f->binary ? f->rlen - f->rpos < (size_t)size ? f->rlen - f->rpos : (size_t)size
                           : bytes_for_chars(f, (size_t)size, &got);
        }
        Obj *res = make_result(f, f->rbuf + f->rpos, nb);
        if (res) f->rpos += nb;
        return res;
    }
}

/* The first line end in p[0..n): "\n", or with universal newlines also "\r" (a "\r" last in
 * the buffer ends the line; a "\n" after it is skipped by the next read: pending_cr). */
static char *find_eol(FileObj *f, char *p, size_t n) {
    char *nl = memchr(p, '\n', n);
    if (!f->translate) return nl;
    char *cr = memchr(p, '\r', nl ? (size_t)(nl - p) : n);
    return cr ? cr : nl;
}

static Obj *readline_n(FileObj *f, intptr_t limit) {
    if (skip_pending_lf(f) < 0) return NULL;
    size_t scanned = 0;
    for (;;) {
        char *start = f->rbuf + f->rpos;
        size_t have = f->rlen - f->rpos;
        char *nl = have > scanned ? find_eol(f, start + scanned, have - scanned) : NULL;
        size_t n = nl ? (size_t)(nl - start) + 1 : 0;
        if (nl && *nl == '\r' && n < have && nl[1] == '\n') { nl++; n++; }   /* "\r\n" */
        if (limit >= 0 && (nl ? n : have) >= (size_t)limit) {
            size_t got;
            n = f->binary ? (size_t)limit : bytes_for_chars(f, (size_t)limit, &got);
            if (nl && (size_t)(nl - start) + 1 < n) n = (size_t)(nl - start) + 1;
        }
        if (n) {
            Obj *res = make_result(f, start, n);
            if (res) f->rpos += n;
            return res;
        }
        scanned = have;
        int r = fill(f, 4096);
        if (r < 0) return NULL;
        if (r == 0) {
            Obj *res = make_result(f, f->rbuf + f->rpos, f->rlen - f->rpos);
            if (res) f->rpos = f->rlen = 0;
            return res;
        }
    }
}

static int size_arg(Obj *o, intptr_t *out) {
    *out = -1;
    if (!o || o == None) return 0;
    return int_as_index(o, out);
}

static Obj *m_read(Obj *self, Obj *const *a, int n, Obj *k) {
    Obj *v[1];
    intptr_t size;
    if (args_parse("read", a, n, k, "|size", v) < 0 || size_arg(v[0], &size) < 0) return NULL;
    if (check_readable(FILE_(self)) < 0) return NULL;
    return read_n(FILE_(self), size);
}

static Obj *m_readline(Obj *self, Obj *const *a, int n, Obj *k) {
    Obj *v[1];
    intptr_t size;
    if (args_parse("readline", a, n, k, "|size", v) < 0 || size_arg(v[0], &size) < 0) return NULL;
    if (check_readable(FILE_(self)) < 0) return NULL;
    return readline_n(FILE_(self), size);
}

static Obj *m_readlines(Obj *self, Obj *const *a, int n, Obj *k) {
    Obj *v[1];
    intptr_t hint;
    if (args_parse("readlines", a, n, k, "|hint", v) < 0 || size_arg(v[0], &hint) < 0) return NULL;
    if (check_readable(FILE_(self)) < 0) return NULL;
    Obj *l = list_new(0);
    intptr_t total = 0;
    while (l) {
        Obj *line = readline_n(FILE_(self), -1);
        if (!line) { DECREF(l); return NULL; }
        size_t len = FILE_(self)->binary ? BYTES_LEN(line) : str_nchars(line);
        if (len == 0) { DECREF(line); break; }
        int r = list_append(l, line);
        DECREF(line);
        if (r < 0) { DECREF(l); return NULL; }
        total += (intptr_t)len;
        if (hint > 0 && total >= hint) break;
    }
    return l;
}

static Obj *file_iter(Obj *self) {
    if (check_readable(FILE_(self)) < 0) return NULL;
    return NEWREF(self);
}

static Obj *file_next(Obj *self) {
    if (check_readable(FILE_(self)) < 0) return NULL;
    Obj *line = readline_n(FILE_(self), -1);
    if (!line) return NULL;
    size_t len = FILE_(self)->binary ? BYTES_LEN(line) : str_nbytes(line);
    if (len == 0) { DECREF(line); return NULL; }
    return line;
}

static Obj *write_all(FileObj *f, const char *p, size_t n) {
    if (drop_readahead(f) < 0) return NULL;
    size_t done = 0;
    while (done < n) {
        long r = nogil_write(f->fd, p + done, n - done);
        if (r < 0) return fileio_raise_errno((int)r, NULL, NULL);
        if (r == 0) return fileio_raise_errno(PORT_ENOSPC, NULL, NULL);
        done += (size_t)r;
    }
    return NEWREF(None);
}

static Obj *m_write(Obj *self, Obj *const *a, int n, Obj *k) {
    FileObj *f = FILE_(self);
    if (no_kwargs("write", k) < 0 || check_nargs("write", n, 1, 1) < 0) return NULL;
    if (check_writable(f) < 0) return NULL;
    const char *p;
    size_t len;
    Obj *r;
    if (f->binary) {
        if (!bytes_like(a[0], &p, &len))
            return exc_raise(TypeError_t, "a bytes-like object is required, not '%s'", type_name(a[0]));
        r = write_all(f, p, len);
        if (!r) return NULL;
        DECREF(r);
        return int_from_i64((int64_t)len);
    }
    if (!str_check(a[0]))
        return exc_raise(TypeError_t, "write() argument must be str, not %s", type_name(a[0]));
    r = write_all(f, str_data(a[0]), str_nbytes(a[0]));
    if (!r) return NULL;
    DECREF(r);
    return int_from_i64((int64_t)str_nchars(a[0]));
}

/* Fill p[0:len) from the file: bytes read so far, or -1 with the exception set. */
static intptr_t read_into(FileObj *f, char *p, size_t len) {
    size_t done = 0;
    while (done < len) {
        if (f->rpos == f->rlen) {
            int r = fill(f, len - done);
            if (r < 0) return -1;
            if (r == 0) break;
        }
        size_t k2 = f->rlen - f->rpos < len - done ? f->rlen - f->rpos : len - done;
        memcpy(p + done, f->rbuf + f->rpos, k2);
        f->rpos += k2;
        done += k2;
    }
    return (intptr_t)done;
}

/* readinto(b): b a bytearray or a writable memoryview (MicroPython's mpremote hashes a file
 * through `f.readinto(memoryview(bytearray(256)))`). A view is filled through a private
 * buffer and copied in under the view's object lock (memoryview_store), so the view may be
 * released or its bytearray touched by another thread while this one waits for the disk. A
 * bytearray is filled in place, exported for the time of the read. */
static Obj *m_readinto(Obj *self, Obj *const *a, int n, Obj *k) {
    FileObj *f = FILE_(self);
    if (no_kwargs("readinto", k) < 0 || check_nargs("readinto", n, 1, 1) < 0) return NULL;
    if (check_readable(f) < 0) return NULL;
    const char *p;
    size_t len;
    if (!IS_SMALL(a[0]) && obj_isinstance(a[0], &memoryview_type)) {
        intptr_t vlen = memoryview_writable_len(a[0]);
        if (vlen < 0) return NULL;
        char *t = mem_alloc((size_t)vlen + 1);
        if (!t) return NULL;
        intptr_t done = read_into(f, t, (size_t)vlen);
        if (done >= 0 && memoryview_store(a[0], t, (size_t)done) < 0) done = -1;
        mem_free(t);
        return done < 0 ? NULL : int_from_i64((int64_t)done);
    }
    if (!obj_is(a[0], &bytearray_type) || !bytes_like(a[0], &p, &len))
        return exc_raise(TypeError_t, "readinto() argument must be read-write bytes-like object, not %s",
                         type_name(a[0]));
    /* The read drops the GIL: the bytearray is exported meanwhile (as CPython's buffer
     * protocol), so another thread's resize raises BufferError instead of moving the buffer
     * under this copy. */
    char *bp;
    bytearray_export(a[0], &bp, &len);
    intptr_t done = read_into(f, bp, len);
    bytearray_unexport(a[0]);
    return done < 0 ? NULL : int_from_i64((int64_t)done);
}

static Obj *m_seek(Obj *self, Obj *const *a, int n, Obj *k) {
    FileObj *f = FILE_(self);
    Obj *v[2];
    if (args_parse("seek", a, n, k, "cookie|whence", v) < 0) return NULL;
    int64_t off, wh = 0;
    if (int_as_i64(v[0], &off) < 0 || (v[1] && int_as_i64(v[1], &wh) < 0)) return NULL;
    if (check_open(f) < 0) return NULL;
    if (wh < 0 || wh > 2) return exc_raise(ValueError_t, "invalid whence (%d, should be 0, 1 or 2)", (int)wh);
    if (!f->binary && wh != 0 && off != 0)
        return exc_raise(OSError_t, wh == 1 ? "can't do nonzero cur-relative seeks"
                                            : "can't do nonzero end-relative seeks");
    if (wh == 0 && off < 0) return exc_raise(ValueError_t, "negative seek position %d", (int)off);
    if (drop_readahead(f) < 0) return NULL;
    int64_t r = nogil_seek(f->fd, off, (int)wh);
    if (r < 0) return fileio_raise_errno((int)r, NULL, NULL);
    return int_from_i64(r);
}

static Obj *m_tell(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)a; (void)n; (void)k;
    FileObj *f = FILE_(self);
    if (check_open(f) < 0) return NULL;
    int64_t r = nogil_seek(f->fd, 0, 1);
    if (r < 0) return fileio_raise_errno((int)r, NULL, NULL);
    return int_from_i64(r - (int64_t)(f->rlen - f->rpos));
}

static Obj *m_truncate(Obj *self, Obj *const *a, int n, Obj *k) {
    FileObj *f = FILE_(self);
    Obj *v[1];
    if (args_parse("truncate", a, n, k, "|size", v) < 0) return NULL;
    if (check_writable(f) < 0 || drop_readahead(f) < 0) return NULL;
    int64_t size;
    if (v[0] && v[0] != None) {
        if (int_as_i64(v[0], &size) < 0) return NULL;
    } else {
        size = nogil_seek(f->fd, 0, 1);
        if (size < 0) return fileio_raise_errno((int)size, NULL, NULL);
    }
    ThreadState *ts = ts_get();
    gil_before_blocking(ts);
    int r = port_file_truncate(f->fd, (uint64_t)size);
    gil_after_blocking(ts);
    if (r < 0) return fileio_raise_errno(r, NULL, NULL);
    return int_from_i64(size);
}

static int file_close(FileObj *f) {
    if (f->fd < 0) return 0;
    int fd = f->fd;
    f->fd = -1;
    mem_free(f->rbuf);
    f->rbuf = NULL;
    f->rpos = f->rlen = f->rcap = 0;
    return port_file_close(fd);
}

static Obj *m_close(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)a; (void)n; (void)k;
    ThreadState *ts = ts_get();
    gil_before_blocking(ts);
    int r = file_close(FILE_(self));
    gil_after_blocking(ts);
    if (r < 0) return fileio_raise_errno(r, NULL, NULL);
    return NEWREF(None);
}

static Obj *m_flush(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)a; (void)n; (void)k;
    if (check_open(FILE_(self)) < 0) return NULL;
    return NEWREF(None);                    /* writes are not buffered */
}

static Obj *m_enter(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)a; (void)n; (void)k;
    if (check_open(FILE_(self)) < 0) return NULL;
    return NEWREF(self);
}

static Obj *m_exit(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)a; (void)n; (void)k;
    return m_close(self, NULL, 0, NULL);
}

static Obj *m_readable(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)a; (void)n; (void)k;
    if (check_open(FILE_(self)) < 0) return NULL;
    return bool_from(FILE_(self)->readable);
}
static Obj *m_writable(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)a; (void)n; (void)k;
    if (check_open(FILE_(self)) < 0) return NULL;
    return bool_from(FILE_(self)->writable);
}
static Obj *m_seekable(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)a; (void)n; (void)k;
    if (check_open(FILE_(self)) < 0) return NULL;
    return bool_from(1);
}
static Obj *m_fileno(Obj *self, Obj *const *a, int n, Obj *k) {     /* the port's descriptor */
    (void)a; (void)n; (void)k;
    if (FILE_(self)->fd < 0)                /* CPython's words here have no full stop */
        return exc_raise(ValueError_t, "I/O operation on closed file");
    return MK_SMALL(FILE_(self)->fd);
}

static Obj *file_getattr(Obj *self, Obj *name) {
    FileObj *f = FILE_(self);
    if (str_equal_cstr(name, "closed")) return bool_from(f->fd < 0);
    if (str_equal_cstr(name, "name")) return NEWREF(f->name);
    if (str_equal_cstr(name, "mode")) return NEWREF(f->mode);
    if (str_equal_cstr(name, "encoding") && !f->binary) return str_from_cstr("UTF-8");
    return obj_generic_getattr(self, name);
}

static Obj *file_repr(Obj *self) {
    FileObj *f = FILE_(self);
    if (f->binary)
        return str_fmt("<_io.%s name=%R>", TYPE(self)->name, f->name);
    return str_fmt("<_io.TextIOWrapper name=%R mode=%R encoding='UTF-8'>", f->name, f->mode);
}

static void file_dealloc(Obj *self) {
    FileObj *f = FILE_(self);
    file_close(f);                          /* with the GIL: a finaliser cannot drop it */
    CLEAR(f->name);
    CLEAR(f->mode);
    obj_free(self);
}

static const MethodDef file_methods[] = {
    {"read", m_read}, {"readline", m_readline}, {"readlines", m_readlines}, {"write", m_write},
    {"readinto", m_readinto}, {"seek", m_seek}, {"tell", m_tell}, {"truncate", m_truncate},
    {"close", m_close}, {"flush", m_flush}, {"__enter__", m_enter}, {"__exit__", m_exit},
    {"readable", m_readable}, {"writable", m_writable}, {"seekable", m_seekable},
    {"fileno", m_fileno}, {NULL, NULL},
};

Type textio_type = {
    .base = {IMMORTAL_REFCNT, &type_type}, .name = "TextIOWrapper", .base_type = &object_type,
    .size = sizeof(FileObj), .dealloc = file_dealloc, .repr = file_repr, .iter = file_iter,
    .next = file_next, .getattr = file_getattr, .methods = file_methods,
};
Type bufferedio_type = {
    .base = {IMMORTAL_REFCNT, &type_type}, .name = "BufferedRandom", .base_type = &object_type,
    .size = sizeof(FileObj), .dealloc = file_dealloc, .repr = file_repr, .iter = file_iter,
    .next = file_next, .getattr = file_getattr, .methods = file_methods,
};
/* CPython's names for the binary modes: "rb" BufferedReader, "wb" "ab" "xb" BufferedWriter,
 * any "+" BufferedRandom (the same object and methods; only the name differs). */
Type bufferedreader_type = {
    .base = {IMMORTAL_REFCNT, &type_type}, .name = "BufferedReader", .base_type = &object_type,
    .size = sizeof(FileObj), .dealloc = file_dealloc, .repr = file_repr, .iter = file_iter,
    .next = file_next, .getattr = file_getattr, .methods = file_methods,
};
Type bufferedwriter_type = {
    .base = {IMMORTAL_REFCNT, &type_type}, .name = "BufferedWriter", .base_type = &object_type,
    .size = sizeof(FileObj), .dealloc = file_dealloc, .repr = file_repr, .iter = file_iter,
    .next = file_next, .getattr = file_getattr, .methods = file_methods,
};

/* open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True) */
static Obj *f_open(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s;
    Obj *v[7];
    if (args_parse("open", a, n, k, "file|mode|buffering|encoding|errors|newline|closefd", v) < 0)
        return NULL;
    Obj *file = v[0];
    if (!str_check(file))
        return exc_raise(TypeError_t, "expected str, bytes or os.PathLike object, not %s", type_name(file));
    const char *mode = "r";
    if (v[1]) {
        if (!str_check(v[1])) return exc_raise(TypeError_t, "open() argument 'mode' must be str, not %s", type_name(v[1]));
        mode = str_data(v[1]);
    }
    if (v[3] && v[3] != None) {
        if (!str_check(v[3])) return exc_raise(TypeError_t, "open() argument 'encoding' must be str or None, not %s", type_name(v[3]));
        const char *e = str_data(v[3]);
        if (strcmp(e, "utf-8") && strcmp(e, "utf8") && strcmp(e, "UTF-8") && strcmp(e, "UTF8") && strcmp(e, "ascii"))
            return exc_raise(LookupError_t, "unknown encoding: %s", e);
    }
    bool translate = true;
    if (v[5] && v[5] != None) {
        if (!str_check(v[5])) return exc_raise(TypeError_t, "open() argument 'newline' must be str or None, not %s", type_name(v[5]));
        const char *nl = str_data(v[5]);
        if (strcmp(nl, "") && strcmp(nl, "\n") && strcmp(nl, "\r") && strcmp(nl, "\r\n"))
            return exc_raise(ValueError_t, "illegal newline value: %s", nl);
        translate = false;
    }
    int r = 0, w = 0, ap = 0, x = 0, plus = 0, b = 0, t = 0;
    for (const char *p = mode; *p; p++) {
        int *c = *p == 'r' ? &r : *p == 'w' ? &w : *p == 'a' ? &ap : *p == 'x' ? &x : *p == '+' ? &plus
               : *p == 'b' ? &b : *p == 't' ? &t : NULL;
        if (!c || *c) return exc_raise(ValueError_t, "invalid mode: '%s'", mode);
        *c = 1;
    }
    if (b && t) return exc_raise(ValueError_t, "can't have text and binary mode at once");
    if (r + w + ap + x != 1)
        return exc_raise(ValueError_t, "must have exactly one of create/read/write/append mode");
    if (b && v[3] && v[3] != None) return exc_raise(ValueError_t, "binary mode doesn't take an encoding argument");
    int flags = plus ? PORT_O_RDWR : r ? PORT_O_RDONLY : PORT_O_WRONLY;
    if (w) flags |= PORT_O_CREAT | PORT_O_TRUNC;
    if (ap) flags |= PORT_O_CREAT | PORT_O_APPEND;
    if (x) flags |= PORT_O_CREAT | PORT_O_EXCL;
    ThreadState *ts = ts_get();
    gil_before_blocking(ts);
    int fd = port_file_open(str_data(file), flags, ts->interp);
    gil_after_blocking(ts);
    if (fd < 0) return fileio_raise_errno(fd, file, NULL);
    Type *ty = !b ? &textio_type : plus ? &bufferedio_type : r ? &bufferedreader_type
             : &bufferedwriter_type;
    if (type_ready_shared(ty) < 0) { port_file_close(fd); return NULL; }
    FileObj *f = (FileObj *)obj_alloc(ty, sizeof(FileObj));
    if (!f) { port_file_close(fd); return NULL; }
    f->fd = fd;
    f->binary = b;
    f->translate = !b && translate;
    f->readable = r || plus;
    f->writable = w || ap || x || plus;
    f->append = ap;
    f->name = NEWREF(file);
    f->mode = str_from_cstr(mode);
    if (!f->mode) { DECREF((Obj *)f); return NULL; }
    if (ap) {
        int64_t e = nogil_seek(fd, 0, 2);   /* tell() after open('a') is the end, as in CPython */
        (void)e;
    }
    return (Obj *)f;
}

static const MethodDef fileio_fns[] = {
    {"open", f_open},
    {NULL, NULL},
};

static int fileio_init(Obj *d) {
    if (type_ready_shared(&textio_type) < 0) return -1;
    if (type_ready_shared(&bufferedio_type) < 0) return -1;
    if (type_ready_shared(&bufferedreader_type) < 0) return -1;
    if (type_ready_shared(&bufferedwriter_type) < 0) return -1;
    if (module_add_functions(d, fileio_fns) < 0) return -1;
    if (dict_set_s(d, "TextIOWrapper", (Obj *)&textio_type) < 0) return -1;
    if (dict_set_s(d, "BufferedReader", (Obj *)&bufferedreader_type) < 0) return -1;
    if (dict_set_s(d, "BufferedWriter", (Obj *)&bufferedwriter_type) < 0) return -1;
    return dict_set_s(d, "BufferedRandom", (Obj *)&bufferedio_type);
}

MODULE_DEF(_fileio, fileio_init);
