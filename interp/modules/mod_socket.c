/*
 * interp/modules/mod_socket.c — the `_socket` module: the C core of `socket` (the frozen
 * interp/lib/socket.py wraps it, as CPython's socket.py wraps its _socket). IPv4 only, TCP and
 * UDP, reached only through interp/port/port.h's port_sock_* calls: POSIX sockets on the host,
 * the kernel's own TCP/IP stack in the guest, so one test runs on both.
 *
 * A socket object: a port socket descriptor (-1 once closed or detached), its family, type and
 * proto as given, and its timeout (CPython's: -1 blocks, 0 never waits, else nanoseconds). Every
 * call that can wait runs without the GIL (gil_before_blocking, as the file calls do) and hands
 * the port the time left of its deadline. A Ctrl-C ends the wait with -PORT_EINTR: the main
 * thread raises KeyboardInterrupt; another thread waits on (CPython delivers signals to the main
 * thread only, PEP 475), unless the console asks threads to stop (SystemExit, as a lock wait
 * does: interp/modules/mod_thread.c). A multiprocessing child waits in 20 ms slices so its
 * terminate() is seen (as time.sleep: interp/modules/mod_time.c).
 *
 * Errors are CPython's: OSError with Linux's errno (the subclass for it: ConnectionRefusedError,
 * BrokenPipeError, BlockingIOError... interp/objects/exc.c), TimeoutError('timed out') when a
 * socket's own timeout passes, socket.gaierror for a name the port cannot resolve
 * (port_resolve: a small hosts table and numbers; never a name server).
 *
 * Locks: none of its own. A waiting call has dropped the GIL, so two threads may use one socket
 * at once (one sending while another receives is the usual case, and the OS or the kernel's
 * stack orders them). The descriptor field is read and swapped atomically: a close racing
 * another thread's call leaves that call with a closed descriptor (EBADF) and never closes one
 * descriptor twice; as with CPython, a descriptor number reused meanwhile is the caller's race.
 * The timeout is read and set whole. The type is static and shared by every interpreter:
 * readied once (type_once), its dict immortal before any second interpreter can use it.
 */
#include <string.h>
#include "gil/gil.h"
#include "runtime/vm.h"
#include "objects/module.h"
#include "objects/objects.h"
#include "modules/fileio.h"
#include "core/objlock.h"

/* Linux's values, as CPython shows them (also in interp/lib/socket.py's enums). */
enum { AF_UNSPEC_ = 0, AF_UNIX_ = 1, AF_INET_ = 2, AF_INET6_ = 10 };
enum { SOCK_NONBLOCK_ = 04000, SOCK_CLOEXEC_ = 02000000 };
enum { SOL_SOCKET_ = 1, SO_REUSEADDR_ = 2, SO_TYPE_ = 3, SO_BROADCAST_ = 6, IPPROTO_TCP_ = 6,
       IPPROTO_UDP_ = 17, TCP_NODELAY_ = 1 };
#define EPROTONOSUPPORT_ 93
#define MP_SLICE_NS 20000000u              /* a multiprocessing child's wait slice: 20 ms */

typedef struct {
    Obj base;
    int fd;                      /* the port's descriptor; -1 closed (atomic: see the header) */
    int family, type, proto;
    int64_t timeout_ns;          /* -1 blocking, 0 non-blocking, > 0 a timeout */
} SockObj;

#define SOCK(o) ((SockObj *)(o))
extern Type sock_type;
static int64_t default_timeout_ns = -1;    /* setdefaulttimeout; 8-byte aligned (a static), atomic */

static int sock_fd(SockObj *s) { return __atomic_load_n(&s->fd, __ATOMIC_ACQUIRE); }
/* The timeout, read and set whole under the object's lock (a settimeout in another thread under
 * `none` is not torn). Not a 64-bit atomic: on the guest's 32-bit ARM that is ldrexd/strexd,
 * which faults unless the field is 8-byte aligned, and objects are only 4-byte aligned there. */
static int64_t sock_timeout(SockObj *s) {
    obj_lock((Obj *)s);
    int64_t t = s->timeout_ns;
    obj_unlock((Obj *)s);
    return t;
}
static void sock_set_timeout(SockObj *s, int64_t t) {
    obj_lock((Obj *)s);
    s->timeout_ns = t;
    obj_unlock((Obj *)s);
}

/* ---- errors --------------------------------------------------------------------------------- */
/* CPython's PyArg_ParseTuple arity messages, which the socket methods keep. */
static int arity(const char *fn, int n, int min, int max) {
    if (n >= min && n <= max) return 0;
    if (max == 0)
        exc_raise(TypeError_t, "%s() takes no arguments (%d given)", fn, n);
    else if (min == max)
        exc_raise(TypeError_t, "%s() takes exactly %d argument%s (%d given)", fn, min, min == 1 ? "" : "s", n);
    else if (n < min)
        exc_raise(TypeError_t, "%s() takes at least %d argument%s (%d given)", fn, min, min == 1 ? "" : "s", n);
    else
        exc_raise(TypeError_t, "%s() takes at most %d argument%s (%d given)", fn, max, max == 1 ? "" : "s", n);
    return -1;
}

/* socket.gaierror(code, msg) (a class of this interpreter's _socket module) raised; NULL. */
static Obj *raise_gaierror(int code, const char *msg) {
    Obj *m = import_module("_socket");
    Obj *cls = m ? obj_getattr_s(m, "gaierror") : NULL;
    XDECREF(m);
    if (!cls) return NULL;
    Obj *args[2] = { MK_SMALL(code), str_from_cstr(msg) };
    Obj *x = args[1] ? obj_call(cls, args, 2, NULL) : NULL;
    DECREF(cls);
    XDECREF(args[1]);
    if (!x) return NULL;
    exc_raise_obj(x);
    DECREF(x);
    return NULL;
}

/* A failed port call (r < 0) as CPython raises it; NULL. */
static Obj *sock_raise(SockObj *s, long r) {
    ThreadState *ts = ts_get();
    Interp *in = ts->interp;
    if (interp_stop_requested(in)) { vm_stop_raise(ts); return NULL; }
    if (r == -PORT_EINTR) {
        if (ts == in->main_ts || !in->main_ts) {
            port_interrupt_clear();
            return exc_raise_obj((Obj *)KeyboardInterrupt_t);
        }
        if (in->stop_threads && ts->stop_seen != in->stop_threads) {
            ts->stop_seen = in->stop_threads;          /* console: Ctrl-C / soft reset */
            return exc_raise_obj((Obj *)SystemExit_t);
        }
    }
    if (r == -PORT_ETIMEDOUT && s && sock_timeout(s) > 0) return exc_raise(TimeoutError_t, "timed out");
    return fileio_raise_errno((int)r, NULL, NULL);
}

static Obj *closed_error(void) { return fileio_raise_errno(PORT_EBADF, NULL, NULL); }

/* ---- waiting calls -------------------------------------------------------------------------- */
typedef enum { OP_ACCEPT, OP_CONNECT, OP_SEND, OP_RECV, OP_SENDTO, OP_RECVFROM } SockOp;
typedef struct {
    SockOp op;
    int fd;
    void *buf;
    size_t n;
    port_sockaddr_t addr;        /* connect / sendto: the peer; accept / recvfrom: filled in */
} SockCall;

static long port_do(SockCall *c, uint64_t t) {
    switch (c->op) {
    case OP_ACCEPT: return port_sock_accept(c->fd, &c->addr, t);
    case OP_CONNECT: return port_sock_connect(c->fd, &c->addr, t);
    case OP_SEND: return port_sock_send(c->fd, c->buf, c->n, t);
    case OP_RECV: return port_sock_recv(c->fd, c->buf, c->n, t);
    case OP_SENDTO: return port_sock_sendto(c->fd, c->buf, c->n, &c->addr, t);
    default: return port_sock_recvfrom(c->fd, c->buf, c->n, &c->addr, t);
    }
}

/* The absolute deadline for a socket's timeout (PORT_FOREVER: none; unused when 0). */
static uint64_t deadline_of(int64_t timeout_ns) {
    if (timeout_ns <= 0) return PORT_FOREVER;
    uint64_t now = port_time_ns();
    return (uint64_t)timeout_ns > PORT_FOREVER - now ? PORT_FOREVER - 1 : now + (uint64_t)timeout_ns;
}

/* Run c without the GIL until it completes, fails, or `end` passes (timeout_ns > 0), retrying
 * after a Ctrl-C that is not this thread's to take (the header). Touches no Python object while
 * the GIL is dropped: c's buffer is private or held by the caller. Returns the port's result. */
static long sock_call(SockCall *c, int64_t timeout_ns, uint64_t end) {
    ThreadState *ts = ts_get();
    Interp *in = ts->interp;
#ifdef TOLLPY_FUZZ
    bool sliced = c->op != OP_CONNECT;     /* the fuzz harness stops leftover threads as terminate() */
#else
    bool sliced = in->mp != NULL && c->op != OP_CONNECT;   /* a connect is not restartable */
#endif
    for (;;) {
        uint64_t t;
        if (timeout_ns < 0) {
            t = PORT_FOREVER;
        } else if (timeout_ns == 0) {
            t = 0;
        } else {
            uint64_t now = port_time_ns();
            if (now >= end) return -PORT_ETIMEDOUT;
            t = end - now;
        }
        bool slice = sliced && t > MP_SLICE_NS;
        gil_before_blocking(ts);
        long r = port_do(c, slice ? MP_SLICE_NS : t);
        gil_after_blocking(ts);
        if (slice && r == -PORT_ETIMEDOUT) {
            if (interp_stop_requested(in)) return -PORT_EINTR;
            continue;
        }
        if (r != -PORT_EINTR) return r;
        if (ts == in->main_ts || !in->main_ts || interp_stop_requested(in)) return r;
        if (in->stop_threads && ts->stop_seen != in->stop_threads) return r;
        if (!port_interrupt_pending()) return r;   /* port_interrupt_sleepers: a reset */
        /* a Ctrl-C for the main thread: this one waits on (within one 50 ms slice the port
         * polls again; the main thread clears the flag at its next eval-breaker check) */
    }
}

/* ---- addresses ------------------------------------------------------------------------------ */
/* inet_aton's numbers-and-dots: 1 to 4 parts (decimal, 0x hex, 0 octal), the last filling the
 * bytes left. *end: where the parse stopped. 0 ok, -1 malformed or out of range. */
static int parse_aton(const char *s, uint32_t *out, const char **end) {
    uint32_t parts[4];
    int np = 0;
    const char *p = s;
    for (;;) {
        if (!(*p >= '0' && *p <= '9')) return -1;
        uint64_t v = 0;
        int base = 10;
        if (*p == '0') {
            base = 8;
            p++;
            if (*p == 'x' || *p == 'X') { base = 16; p++; }
        }
        for (;; p++) {
            int d;
            if (*p >= '0' && *p <= '9') d = *p - '0';
            else if (base == 16 && *p >= 'a' && *p <= 'f') d = *p - 'a' + 10;
            else if (base == 16 && *p >= 'A' && *p <= 'F') d = *p - 'A' + 10;
            else break;
            if (d >= base) return -1;
            v = v * (uint64_t)base + (uint64_t)d;
            if (v > 0xffffffffu) return -1;
        }
        if (np == 4) return -1;
        parts[np++] = (uint32_t)v;
        if (*p != '.') break;
        p++;
    }
    uint32_t a;
    switch (np) {
    case 1: a = parts[0]; break;
    case 2: if (parts[0] > 255 || parts[1] > 0xffffff) return -1;
            a = parts[0] << 24 | parts[1]; break;
    case 3: if (parts[0] > 255 || parts[1] > 255 || parts[2] > 0xffff) return -1;
            a = parts[0] << 24 | parts[1] << 16 | parts[2]; break;
    default: if (parts[0] > 255 || parts[1] > 255 || parts[2] > 255 || parts[3] > 255) return -1;
             a = parts[0] << 24 | parts[1] << 16 | parts[2] << 8 | parts[3]; break;
    }
    *out = a;
    *end = p;
    return 0;
}

/* CPython's setipaddr for AF_INET: "" is INADDR_ANY, "<broadcast>" INADDR_BROADCAST, numbers
 * as inet_aton (the whole string), else the port's hosts table; gaierror when unknown. 0 / -1. */
static int resolve_host(const char *name, bool numeric_only, uint32_t *addr) {
    const char *end;
    if (!numeric_only && name[0] == 0) { *addr = 0; return 0; }
    if (!numeric_only && !strcmp(name, "<broadcast>")) { *addr = 0xffffffffu; return 0; }
    if (parse_aton(name, addr, &end) == 0 && *end == 0) return 0;
    if (!numeric_only) {
        ThreadState *ts = ts_get();
        gil_before_blocking(ts);
        int r = port_resolve(name, addr);
        gil_after_blocking(ts);
        if (r == 0) return 0;
    }
    raise_gaierror(-2, "Name or service not known");
    return -1;
}

/* A host argument (str, bytes or bytearray) as a C string (borrowed from o). */
static const char *host_arg(Obj *o, const char *wrong) {
    const char *p;
    size_t n;
    if (str_check(o)) { p = str_data(o); n = str_nbytes(o); }
    else if (!bytes_like(o, &p, &n)) { exc_raise(TypeError_t, wrong, type_name(o)); return NULL; }
    if (memchr(p, 0, n)) { exc_raise(TypeError_t, "host name must not contain null character"); return NULL; }
    return p;
}

/* CPython's getsockaddrarg for AF_INET: a (host, port) tuple; port errors before the name is
 * resolved. 0 / -1. */
static int addr_arg(const char *caller, Obj *a, port_sockaddr_t *out) {
    if (IS_SMALL(a) || !obj_isinstance(a, &tuple_type)) {
        exc_raise(TypeError_t, "%s(): AF_INET address must be tuple, not %s", caller, type_name(a));
        return -1;
    }
    if (TUPLE_LEN(a) != 2) { exc_raise(TypeError_t, "AF_INET address must be a pair (host, port)"); return -1; }
    const char *host = host_arg(TUPLE_ITEMS(a)[0], "str, bytes or bytearray expected, not %s");
    if (!host) return -1;
    intptr_t port;
    if (int_as_index(TUPLE_ITEMS(a)[1], &port) < 0) {
        if (!exc_matches(OverflowError_t)) return -1;
        exc_clear();
        port = -1;
    }
    if (port < 0 || port > 0xffff) {
        exc_raise(OverflowError_t, "%s(): port must be 0-65535.", caller);
        return -1;
    }
    uint32_t ip;
    if (resolve_host(host, false, &ip) < 0) return -1;
    out->addr = ip;
    out->port = (uint16_t)port;
    return 0;
}

static Obj *ip_str(uint32_t a) {
    return str_fmt("%d.%d.%d.%d", (int)(a >> 24), (int)(a >> 16 & 255), (int)(a >> 8 & 255), (int)(a & 255));
}

/* (host, port) as CPython's makesockaddr gives it. */
static Obj *addr_obj(const port_sockaddr_t *a) {
    Obj *h = ip_str(a->addr);
    if (!h) return NULL;
    Obj *t = tuple_pack(2, h, MK_SMALL(a->port));
    DECREF(h);
    return t;
}

/* ---- argument helpers ----------------------------------------------------------------------- */
static int int_arg(Obj *o, int *out) {
    int64_t v;
    if (IS_SMALL(o) || int_check(o)) {
        if (int_as_i64(o, &v) < 0) return -1;
    } else {
        intptr_t i;
        if (int_as_index(o, &i) < 0) return -1;
        v = i;
    }
    if (v < -2147483647 - 1 || v > 2147483647) {
        exc_raise(OverflowError_t, v < 0 ? "signed integer is less than minimum" : "signed integer is greater than maximum");
        return -1;
    }
    *out = (int)v;
    return 0;
}

/* flags: the port has none; 0 (or absent) only. */
static int flags_arg(Obj *o) {
    int f = 0;
    if (o && int_arg(o, &f) < 0) return -1;
    if (f != 0) { fileio_raise_errno(PORT_EOPNOTSUPP, NULL, NULL); return -1; }
    return 0;
}

/* A buffer size: ValueError "negative buffersize in recv", CPython's OverflowError past ssize_t. */
static int bufsize_arg(Obj *o, const char *fn, intptr_t *out) {
    if (int_as_index_ovf(o, out, INDEX_OVF_SSIZE) < 0) return -1;
    if (*out < 0) { exc_raise(ValueError_t, "negative buffersize in %s", fn); return -1; }
    return 0;
}

/* Data to send: a pointer into bytes (held by the caller), into an exported bytearray (so no
 * thread can move it while the GIL is dropped: data_done unexports), or into a copy of a
 * memoryview's bytes (*hold, released by data_done). */
typedef struct { const char *p; size_t n; Obj *hold; Obj *exported; } Data;
static int data_arg(Obj *o, Data *d) {
    d->hold = d->exported = NULL;
    if (!IS_SMALL(o) && obj_isinstance(o, &memoryview_type)) {
        d->hold = memoryview_tobytes(o);
        if (!d->hold) return -1;
        d->p = BYTES_DATA(d->hold);
        d->n = BYTES_LEN(d->hold);
        return 0;
    }
    if (!bytes_like(o, &d->p, &d->n)) {
        exc_raise(TypeError_t, "a bytes-like object is required, not '%s'", type_name(o));
        return -1;
    }
    if (obj_isinstance(o, &bytearray_type)) {
        char *bp;
        bytearray_export(o, &bp, &d->n);
        d->p = bp;
        d->exported = o;
    }
    return 0;
}
static void data_done(Data *d) {
    if (d->exported) bytearray_unexport(d->exported);
    CLEAR(d->hold);
}

/* ---- timeouts ------------------------------------------------------------------------------- */
/* A timeout argument as CPython's socket_parse_timeout: None -> -1, else seconds >= 0 rounded up
 * to nanoseconds. 0 / -1. */
static int timeout_arg(Obj *o, int64_t *out) {
    if (o == None) { *out = -1; return 0; }
    double d;
    if (IS_SMALL(o) || int_check(o)) {
        int ovf = 0;
        d = int_as_double(o, &ovf);
        if (ovf) d = int_sign(o) < 0 ? -1.0 : 1e300;
    } else if (obj_isinstance(o, &float_type)) {
        d = float_val(o);
    } else {
        exc_raise(TypeError_t, "'%s' object cannot be interpreted as an integer", type_name(o));
        return -1;
    }
    if (d != d) { exc_raise(ValueError_t, "Invalid value NaN (not a number)"); return -1; }
    if (d < 0) { exc_raise(ValueError_t, "Timeout value out of range"); return -1; }
    double ns = d * 1e9;
    /* CPython 3.11.2's message (the oracle, /usr/bin/python3) for ints and floats alike; later
     * 3.11 releases say "timestamp out of range for platform time_t" for a float */
    if (ns >= 9.2e18) { exc_raise(OverflowError_t, "timestamp too large to convert to C _PyTime_t"); return -1; }
    int64_t v = (int64_t)ns;
    if ((double)v < ns) v++;                 /* round up, as _PyTime_ROUND_TIMEOUT */
    *out = v;
    return 0;
}

static Obj *timeout_obj(int64_t ns) {
    if (ns < 0) return none_ref();
    return float_new((double)ns / 1e9);
}

/* ---- the socket object ---------------------------------------------------------------------- */
static Obj *m_init(Obj *self, Obj *const *a, int n, Obj *k);

/* _socket.socket(...) itself is built and opened here (a static type's call is its new_ slot);
 * a subclass's instance is opened by its __init__ (socket.py), which calls ours. */
static Obj *sock_tp_new(Type *t, Obj *const *args, int nargs, Obj *kwnames) {
    SockObj *s = (SockObj *)obj_alloc(t, t->size ? t->size : sizeof(SockObj));
    if (!s) return NULL;
    s->fd = -1;
    s->family = AF_INET_;
    s->type = PORT_SOCK_STREAM;
    s->timeout_ns = __atomic_load_n(&default_timeout_ns, __ATOMIC_RELAXED);
    if (t == &sock_type) {
        Obj *r = m_init((Obj *)s, args, nargs, kwnames);
        if (!r) { DECREF((Obj *)s); return NULL; }
        DECREF(r);
    }
    return (Obj *)s;
}

static void sock_close_fd(SockObj *s) {
    int fd = __atomic_exchange_n(&s->fd, -1, __ATOMIC_ACQ_REL);
    if (fd >= 0) port_sock_close(fd);           /* never waits: safe with the GIL held */
}

/* __init__(family=-1, type=-1, proto=-1, fileno=None) */
static Obj *m_init(Obj *self, Obj *const *a, int n, Obj *k) {
    SockObj *s = SOCK(self);
    Obj *v[4];
    if (args_parse("socket", a, n, k, "|family,type,proto,fileno", v) < 0) return NULL;
    int family = -1, type = -1, proto = -1;
    if ((v[0] && int_arg(v[0], &family) < 0) || (v[1] && int_arg(v[1], &type) < 0) ||
        (v[2] && int_arg(v[2], &proto) < 0))
        return NULL;
    intptr_t fileno = -1;
    bool adopt = v[3] && v[3] != None;
    if (adopt) {
        if (int_as_index(v[3], &fileno) < 0) return NULL;
        if (fileno < 0) return exc_raise(ValueError_t, "negative file descriptor");
        if (fileno > 0x7fffffff) return exc_raise(OverflowError_t, "fd is greater than maximum");
    }
    if (family == -1) family = AF_INET_;
    if (type == -1) type = PORT_SOCK_STREAM;
    if (proto == -1) proto = 0;
    bool nonblock = (type & SOCK_NONBLOCK_) != 0;
    type &= ~(SOCK_NONBLOCK_ | SOCK_CLOEXEC_);
    if (family != AF_INET_) return fileio_raise_errno(PORT_EAFNOSUPPORT, NULL, NULL);
    if (type != PORT_SOCK_STREAM && type != PORT_SOCK_DGRAM) return fileio_raise_errno(PORT_EINVAL, NULL, NULL);
    if (proto != 0 && proto != (type == PORT_SOCK_STREAM ? IPPROTO_TCP_ : IPPROTO_UDP_))
        return fileio_raise_errno(EPROTONOSUPPORT_, NULL, NULL);
    int fd;
    ThreadState *ts = ts_get();
    if (adopt) {
        port_sockaddr_t sa;
        gil_before_blocking(ts);
        int r = port_sock_name((int)fileno, &sa, false);   /* is it a socket of the port's? */
        gil_after_blocking(ts);
        if (r < 0) return fileio_raise_errno(r, NULL, NULL);
        fd = (int)fileno;
    } else {
        gil_before_blocking(ts);
        fd = port_sock_open(type, ts->interp);
        gil_after_blocking(ts);
        if (fd < 0) return fileio_raise_errno(fd, NULL, NULL);
    }
    sock_close_fd(s);                            /* __init__ again: the old one is not leaked */
    s->family = family;
    s->type = type;
    s->proto = proto;
    sock_set_timeout(s, nonblock ? 0 : __atomic_load_n(&default_timeout_ns, __ATOMIC_RELAXED));
    __atomic_store_n(&s->fd, fd, __ATOMIC_RELEASE);
    return none_ref();
}

static void sock_dealloc(Obj *o) {
    inst_dict_clear(o);
    sock_close_fd(SOCK(o));                      /* with the GIL: a finaliser cannot drop it */
    obj_free(o);
}

static Obj *sock_repr(Obj *o) {
    SockObj *s = SOCK(o);
    return str_fmt("<socket object, fd=%d, family=%d, type=%d, proto=%d>", sock_fd(s), s->family,
                   s->type, s->proto);
}

/* The open descriptor, or -1 with OSError(EBADF). */
static int open_fd(SockObj *s) {
    int fd = sock_fd(s);
    if (fd < 0) closed_error();
    return fd;
}

static Obj *m_close(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)a;
    if (no_kwargs("close", k) < 0 || arity("close", n, 0, 0) < 0) return NULL;
    int fd = __atomic_exchange_n(&SOCK(self)->fd, -1, __ATOMIC_ACQ_REL);
    if (fd < 0) return none_ref();
    ThreadState *ts = ts_get();
    gil_before_blocking(ts);
    int r = port_sock_close(fd);
    gil_after_blocking(ts);
    if (r < 0 && r != -PORT_ECONNRESET) return fileio_raise_errno(r, NULL, NULL);
    return none_ref();
}

static Obj *m_detach(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)a;
    if (no_kwargs("detach", k) < 0 || arity("detach", n, 0, 0) < 0) return NULL;
    return int_from_i64(__atomic_exchange_n(&SOCK(self)->fd, -1, __ATOMIC_ACQ_REL));
}

static Obj *m_fileno(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)a;
    if (no_kwargs("fileno", k) < 0 || arity("fileno", n, 0, 0) < 0) return NULL;
    return int_from_i64(sock_fd(SOCK(self)));
}

static Obj *m_bind(Obj *self, Obj *const *a, int n, Obj *k) {
    port_sockaddr_t sa;
    if (no_kwargs("bind", k) < 0 || arity("bind", n, 1, 1) < 0 || addr_arg("bind", a[0], &sa) < 0) return NULL;
    int fd = open_fd(SOCK(self));
    if (fd < 0) return NULL;
    ThreadState *ts = ts_get();
    gil_before_blocking(ts);
    int r = port_sock_bind(fd, &sa);
    gil_after_blocking(ts);
    if (r < 0) return sock_raise(SOCK(self), r);
    return none_ref();
}

static Obj *m_listen(Obj *self, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("listen", k) < 0 || arity("listen", n, 0, 1) < 0) return NULL;
    int backlog = 128;                           /* CPython: min(SOMAXCONN, 128) */
    if (n == 1 && int_arg(a[0], &backlog) < 0) return NULL;
    if (backlog < 0) backlog = 0;
    int fd = open_fd(SOCK(self));
    if (fd < 0) return NULL;
    ThreadState *ts = ts_get();
    gil_before_blocking(ts);
    int r = port_sock_listen(fd, backlog);
    gil_after_blocking(ts);
    if (r < 0) return sock_raise(SOCK(self), r);
    return none_ref();
}

/* _accept() -> (descriptor, (host, port)); socket.py wraps the descriptor (CPython's split). */
static Obj *m_accept(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)a;
    SockObj *s = SOCK(self);
    if (no_kwargs("_accept", k) < 0 || arity("_accept", n, 0, 0) < 0) return NULL;
    int fd = open_fd(s);
    if (fd < 0) return NULL;
    SockCall c = { .op = OP_ACCEPT, .fd = fd };
    long r = sock_call(&c, sock_timeout(s), deadline_of(sock_timeout(s)));
    if (r < 0) return sock_raise(s, r);
    Obj *addr = addr_obj(&c.addr);
    Obj *fdo = int_from_i64(r);
    Obj *t = addr && fdo ? tuple_pack(2, fdo, addr) : NULL;
    XDECREF(addr);
    XDECREF(fdo);
    if (!t) port_sock_close((int)r);
    return t;
}

/* connect / connect_ex: 0 or a negative port errno (raise == false); -1 for an exception. */
static long do_connect(SockObj *s, Obj *addr, const char *fn, bool raise) {
    SockCall c = { .op = OP_CONNECT };
    if (addr_arg(fn, addr, &c.addr) < 0) return -1;
    c.fd = open_fd(s);
    if (c.fd < 0) {
        if (raise) return -1;
        exc_clear();
        return -PORT_EBADF;
    }
    long r = sock_call(&c, sock_timeout(s), deadline_of(sock_timeout(s)));
    if (r == 0) return 0;
    if (raise || r == -PORT_EINTR) { sock_raise(s, r); return -1; }
    if (r == -PORT_ETIMEDOUT && sock_timeout(s) > 0) return -PORT_EAGAIN;   /* CPython: EWOULDBLOCK */
    return r;
}

static Obj *m_connect(Obj *self, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("connect", k) < 0 || arity("connect", n, 1, 1) < 0) return NULL;
    if (do_connect(SOCK(self), a[0], "connect", true) < 0) return NULL;
    return none_ref();
}

static Obj *m_connect_ex(Obj *self, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("connect_ex", k) < 0 || arity("connect_ex", n, 1, 1) < 0) return NULL;
    long r = do_connect(SOCK(self), a[0], "connect_ex", false);
    if (r == -1 && exc_occurred()) return NULL;
    return int_from_i64(-r);
}

/* Receive up to size bytes into a private buffer: bytes, and the sender for recvfrom. */
static Obj *recv_common(SockObj *s, const char *fn, Obj *const *a, int n, Obj *k, bool from) {
    intptr_t size;
    if (no_kwargs(fn, k) < 0 || arity(fn, n, 1, 2) < 0 || bufsize_arg(a[0], fn, &size) < 0 ||
        flags_arg(n > 1 ? a[1] : NULL) < 0)
        return NULL;
    int fd = open_fd(s);
    if (fd < 0) return NULL;
    char *buf = mem_alloc((size_t)size + 1);
    if (!buf) return NULL;
    SockCall c = { .op = from ? OP_RECVFROM : OP_RECV, .fd = fd, .buf = buf, .n = (size_t)size };
    long r = sock_call(&c, sock_timeout(s), deadline_of(sock_timeout(s)));
    if (r < 0) { mem_free(buf); return sock_raise(s, r); }
    Obj *b = bytes_new(buf, (size_t)r);
    mem_free(buf);
    if (!b || !from) return b;
    Obj *addr = s->type == PORT_SOCK_STREAM && c.addr.addr == 0 && c.addr.port == 0 ? none_ref()
              : addr_obj(&c.addr);
    Obj *t = addr ? tuple_pack(2, b, addr) : NULL;
    DECREF(b);
    XDECREF(addr);
    return t;
}

static Obj *m_recv(Obj *self, Obj *const *a, int n, Obj *k) {
    return recv_common(SOCK(self), "recv", a, n, k, false);
}
static Obj *m_recvfrom(Obj *self, Obj *const *a, int n, Obj *k) {
    return recv_common(SOCK(self), "recvfrom", a, n, k, true);
}

/* recv_into(buffer[, nbytes[, flags]]): a bytearray filled in place (exported meanwhile, as
 * file readinto: interp/modules/mod_fileio.c), a writable memoryview through a private buffer. */
static Obj *m_recv_into(Obj *self, Obj *const *a, int n, Obj *k) {
    SockObj *s = SOCK(self);
    Obj *v[3];
    if (args_parse("recv_into", a, n, k, "buffer|nbytes,flags", v) < 0) return NULL;
    Obj *b = v[0];
    bool view = !IS_SMALL(b) && obj_isinstance(b, &memoryview_type);
    intptr_t len;
    if (view) {
        len = memoryview_writable_len(b);
        if (len < 0) return NULL;
    } else if (!IS_SMALL(b) && obj_isinstance(b, &bytearray_type)) {
        const char *p;
        size_t bl;
        bytes_like(b, &p, &bl);
        len = (intptr_t)bl;
    } else {
        return exc_raise(TypeError_t, "recv_into() argument 1 must be read-write bytes-like object, not %s",
                         type_name(b));
    }
    intptr_t want = 0;
    if (v[1] && bufsize_arg(v[1], "recv_into", &want) < 0) return NULL;
    if (flags_arg(v[2]) < 0) return NULL;
    if (want > len) return exc_raise(ValueError_t, "buffer too small for requested bytes");
    if (want == 0) want = len;
    int fd = open_fd(s);
    if (fd < 0) return NULL;
    SockCall c = { .op = OP_RECV, .fd = fd, .n = (size_t)want };
    long r;
    if (view) {
        char *t = mem_alloc((size_t)want + 1);
        if (!t) return NULL;
        c.buf = t;
        r = sock_call(&c, sock_timeout(s), deadline_of(sock_timeout(s)));
        if (r > 0 && memoryview_store(b, t, (size_t)r) < 0) { mem_free(t); return NULL; }
        mem_free(t);
    } else {
        char *bp;
        size_t bl;
        bytearray_export(b, &bp, &bl);
        c.buf = bp;
        r = sock_call(&c, sock_timeout(s), deadline_of(sock_timeout(s)));
        bytearray_unexport(b);
    }
    if (r < 0) return sock_raise(s, r);
    return int_from_i64(r);
}

static Obj *m_send(Obj *self, Obj *const *a, int n, Obj *k) {
    SockObj *s = SOCK(self);
    Data d;
    if (no_kwargs("send", k) < 0 || arity("send", n, 1, 2) < 0 || data_arg(a[0], &d) < 0) return NULL;
    if (flags_arg(n > 1 ? a[1] : NULL) < 0 || open_fd(s) < 0) { data_done(&d); return NULL; }
    SockCall c = { .op = OP_SEND, .fd = sock_fd(s), .buf = (void *)d.p, .n = d.n };
    long r = sock_call(&c, sock_timeout(s), deadline_of(sock_timeout(s)));
    data_done(&d);
    if (r < 0) return sock_raise(s, r);
    return int_from_i64(r);
}

/* sendall: send until all is gone; the timeout bounds the whole call (CPython 3.5+). Between
 * sends the GIL is taken back, so Ctrl-C and other threads get their turn. */
static Obj *m_sendall(Obj *self, Obj *const *a, int n, Obj *k) {
    SockObj *s = SOCK(self);
    Data d;
    if (no_kwargs("sendall", k) < 0 || arity("sendall", n, 1, 2) < 0 || data_arg(a[0], &d) < 0) return NULL;
    if (flags_arg(n > 1 ? a[1] : NULL) < 0 || open_fd(s) < 0) { data_done(&d); return NULL; }
    int64_t tmo = sock_timeout(s);
    uint64_t end = deadline_of(tmo);
    size_t done = 0;
    long r = 0;
    do {
        SockCall c = { .op = OP_SEND, .fd = sock_fd(s), .buf = (void *)(d.p + done), .n = d.n - done };
        r = sock_call(&c, tmo, end);
        if (r < 0) break;
        done += (size_t)r;
    } while (done < d.n);
    data_done(&d);
    if (r < 0) return sock_raise(s, r);
    return none_ref();
}

/* sendto(data[, flags], address) */
static Obj *m_sendto(Obj *self, Obj *const *a, int n, Obj *k) {
    SockObj *s = SOCK(self);
    if (no_kwargs("sendto", k) < 0) return NULL;
    if (n < 2 || n > 3) return exc_raise(TypeError_t, "sendto() takes 2 or 3 arguments (%d given)", n);
    Data d;
    SockCall c = { .op = OP_SENDTO };
    if (data_arg(a[0], &d) < 0) return NULL;
    if ((n == 3 && flags_arg(a[1]) < 0) || addr_arg("sendto", a[n - 1], &c.addr) < 0 || open_fd(s) < 0) {
        data_done(&d);
        return NULL;
    }
    c.fd = sock_fd(s);
    c.buf = (void *)d.p;
    c.n = d.n;
    long r = sock_call(&c, sock_timeout(s), deadline_of(sock_timeout(s)));
    data_done(&d);
    if (r < 0) return sock_raise(s, r);
    return int_from_i64(r);
}

static Obj *m_shutdown(Obj *self, Obj *const *a, int n, Obj *k) {
    int how;
    if (no_kwargs("shutdown", k) < 0 || arity("shutdown", n, 1, 1) < 0 || int_arg(a[0], &how) < 0) return NULL;
    int fd = open_fd(SOCK(self));
    if (fd < 0) return NULL;
    ThreadState *ts = ts_get();
    gil_before_blocking(ts);
    int r = port_sock_shutdown(fd, how);
    gil_after_blocking(ts);
    if (r < 0) return sock_raise(SOCK(self), r);
    return none_ref();
}

static Obj *sock_name(Obj *self, Obj *const *a, int n, Obj *k, bool peer) {
    (void)a;
    const char *fn = peer ? "getpeername" : "getsockname";
    if (no_kwargs(fn, k) < 0 || arity(fn, n, 0, 0) < 0) return NULL;
    int fd = open_fd(SOCK(self));
    if (fd < 0) return NULL;
    port_sockaddr_t sa;
    ThreadState *ts = ts_get();
    gil_before_blocking(ts);
    int r = port_sock_name(fd, &sa, peer);
    gil_after_blocking(ts);
    if (r < 0) return sock_raise(SOCK(self), r);
    return addr_obj(&sa);
}
static Obj *m_getsockname(Obj *self, Obj *const *a, int n, Obj *k) { return sock_name(self, a, n, k, false); }
static Obj *m_getpeername(Obj *self, Obj *const *a, int n, Obj *k) { return sock_name(self, a, n, k, true); }

/* (level, optname) -> the port's option; -1 none (OSError ENOPROTOOPT). */
static int port_opt(int level, int name) {
    if (level == SOL_SOCKET_ && name == SO_REUSEADDR_) return PORT_SO_REUSEADDR;
    if (level == SOL_SOCKET_ && name == SO_BROADCAST_) return PORT_SO_BROADCAST;
    if (level == IPPROTO_TCP_ && name == TCP_NODELAY_) return PORT_TCP_NODELAY;
    return -1;
}

/* setsockopt(level, optname, value): value an int, or a bytes-like of a C int (CPython's two
 * forms; its message when neither fits). */
static Obj *m_setsockopt(Obj *self, Obj *const *a, int n, Obj *k) {
    int level, name, value = 0;
    if (no_kwargs("setsockopt", k) < 0 || arity("setsockopt", n, 3, 3) < 0 || int_arg(a[0], &level) < 0 ||
        int_arg(a[1], &name) < 0)
        return NULL;
    const char *p;
    size_t len;
    if ((IS_SMALL(a[2]) || int_check(a[2])) && int_arg(a[2], &value) == 0) {
        /* an int */
    } else {
        exc_clear();
        if (!bytes_like(a[2], &p, &len))
            return exc_raise(TypeError_t, "a bytes-like object is required, not '%s'", type_name(a[2]));
        if (len != sizeof value) return fileio_raise_errno(PORT_EINVAL, NULL, NULL);
        memcpy(&value, p, sizeof value);
    }
    int fd = open_fd(SOCK(self));
    if (fd < 0) return NULL;
    int opt = port_opt(level, name);
    if (opt < 0) return fileio_raise_errno(PORT_ENOPROTOOPT, NULL, NULL);
    ThreadState *ts = ts_get();
    gil_before_blocking(ts);
    int r = port_sock_setopt(fd, opt, value);
    gil_after_blocking(ts);
    if (r < 0) return sock_raise(SOCK(self), r);
    return none_ref();
}

/* getsockopt(level, optname[, buflen]): an int, or (buflen) its bytes as the C int holds them. */
static Obj *m_getsockopt(Obj *self, Obj *const *a, int n, Obj *k) {
    int level, name, buflen = 0;
    if (no_kwargs("getsockopt", k) < 0 || arity("getsockopt", n, 2, 3) < 0 || int_arg(a[0], &level) < 0 ||
        int_arg(a[1], &name) < 0 || (n == 3 && int_arg(a[2], &buflen) < 0))
        return NULL;
    if (n == 3 && (buflen <= 0 || buflen > 1024)) return exc_raise(OSError_t, "getsockopt buflen out of range");
    SockObj *s = SOCK(self);
    int fd = open_fd(s);
    if (fd < 0) return NULL;
    int value;
    if (level == SOL_SOCKET_ && name == SO_TYPE_) {
        value = s->type;
    } else {
        int opt = port_opt(level, name);
        if (opt < 0) return fileio_raise_errno(PORT_ENOPROTOOPT, NULL, NULL);
        ThreadState *ts = ts_get();
        gil_before_blocking(ts);
        int r = port_sock_getopt(fd, opt, &value);
        gil_after_blocking(ts);
        if (r < 0) return sock_raise(s, r);
    }
    if (n < 3) return int_from_i64(value);
    return bytes_new((const char *)&value, (size_t)buflen < sizeof value ? (size_t)buflen : sizeof value);
}

static Obj *m_settimeout(Obj *self, Obj *const *a, int n, Obj *k) {
    int64_t t;
    if (no_kwargs("settimeout", k) < 0 || arity("settimeout", n, 1, 1) < 0 || timeout_arg(a[0], &t) < 0) return NULL;
    sock_set_timeout(SOCK(self), t);
    if (open_fd(SOCK(self)) < 0) return NULL;    /* set, then EBADF: as CPython */
    return none_ref();
}
static Obj *m_gettimeout(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)a;
    if (no_kwargs("gettimeout", k) < 0 || arity("gettimeout", n, 0, 0) < 0) return NULL;
    return timeout_obj(sock_timeout(SOCK(self)));
}
static Obj *m_setblocking(Obj *self, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("setblocking", k) < 0 || arity("setblocking", n, 1, 1) < 0) return NULL;
    if (!IS_SMALL(a[0]) && !int_check(a[0]))
        return exc_raise(TypeError_t, "'%s' object cannot be interpreted as an integer", type_name(a[0]));
    sock_set_timeout(SOCK(self), int_sign(a[0]) != 0 ? -1 : 0);
    if (open_fd(SOCK(self)) < 0) return NULL;
    return none_ref();
}
static Obj *m_getblocking(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)a;
    if (no_kwargs("getblocking", k) < 0 || arity("getblocking", n, 0, 0) < 0) return NULL;
    return bool_from(sock_timeout(SOCK(self)) != 0);
}

static const MethodDef sock_methods[] = {
    {"__init__", m_init}, {"_accept", m_accept}, {"bind", m_bind}, {"close", m_close},
    {"connect", m_connect}, {"connect_ex", m_connect_ex}, {"detach", m_detach},
    {"fileno", m_fileno}, {"getpeername", m_getpeername}, {"getsockname", m_getsockname},
    {"getsockopt", m_getsockopt}, {"setsockopt", m_setsockopt}, {"gettimeout", m_gettimeout},
    {"settimeout", m_settimeout}, {"getblocking", m_getblocking}, {"setblocking", m_setblocking},
    {"listen", m_listen}, {"recv", m_recv}, {"recv_into", m_recv_into}, {"recvfrom", m_recvfrom},
    {"send", m_send}, {"sendall", m_sendall}, {"sendto", m_sendto}, {"shutdown", m_shutdown},
    {NULL, NULL},
};

Type sock_type = {
    .base = {IMMORTAL_REFCNT, &type_type}, .name = "socket", .base_type = &object_type,
    .size = sizeof(SockObj), .flags = TF_BASETYPE, .dealloc = sock_dealloc, .repr = sock_repr,
    .methods = sock_methods, .new_ = sock_tp_new,
};

/* The read-only attributes family, type, proto, timeout: properties in the type's dict, so a
 * subclass's own property (socket.py's enums) and super() find them as CPython's getsets. */
static SockObj *getter_self(Obj *const *a, int n) {
    if (n != 1 || IS_SMALL(a[0]) || !obj_isinstance(a[0], &sock_type)) {
        exc_raise(TypeError_t, "descriptor needs a '_socket.socket' object");
        return NULL;
    }
    return SOCK(a[0]);
}
static Obj *g_family(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)self; (void)k;
    SockObj *s = getter_self(a, n);
    return s ? int_from_i64(s->family) : NULL;
}
static Obj *g_type(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)self; (void)k;
    SockObj *s = getter_self(a, n);
    return s ? int_from_i64(s->type) : NULL;
}
static Obj *g_proto(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)self; (void)k;
    SockObj *s = getter_self(a, n);
    return s ? int_from_i64(s->proto) : NULL;
}
static Obj *g_timeout(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)self; (void)k;
    SockObj *s = getter_self(a, n);
    return s ? timeout_obj(sock_timeout(s)) : NULL;
}

static int add_property(const char *name, MethFn fn) {
    Obj *f = builtin_fn_new(name, fn, NULL);
    Obj *p = f ? obj_call1((Obj *)&property_type, f) : NULL;
    int r = p ? dict_set_s(sock_type.dict, name, p) : -1;
    if (f) obj_immortalize(f);                   /* shared by every interpreter, never freed */
    if (p) obj_immortalize(p);
    return r;
}

/* Ready the static type once per process (an interpreter of multiprocessing may import _socket
 * while another does): 0 not yet, 1 being readied, 2 ready. */
static int type_once(void) {
    static int state;
    for (;;) {
        int st = __atomic_load_n(&state, __ATOMIC_ACQUIRE);
        if (st == 2) return 0;
        int zero = 0;
        if (st == 0 && __atomic_compare_exchange_n(&state, &zero, 1, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
            int r = sock_type.dict ? 0 : type_ready(&sock_type);
            if (r == 0 && (add_property("family", g_family) < 0 || add_property("type", g_type) < 0 ||
                           add_property("proto", g_proto) < 0 || add_property("timeout", g_timeout) < 0))
                r = -1;
            Obj *mod = r == 0 ? str_from_cstr("_socket") : NULL;
            if (r == 0 && (!mod || dict_set_s(sock_type.dict, "__module__", mod) < 0)) r = -1;
            XDECREF(mod);
            if (r == 0) type_immortalize(&sock_type);
            __atomic_store_n(&state, r == 0 ? 2 : 0, __ATOMIC_RELEASE);
            return r;
        }
        if (st == 1) port_thread_yield();
    }
}

/* ---- module functions ----------------------------------------------------------------------- */
static Obj *f_getdefaulttimeout(Obj *m, Obj *const *a, int n, Obj *k) {
    (void)m; (void)a;
    if (no_kwargs("getdefaulttimeout", k) < 0 || arity("getdefaulttimeout", n, 0, 0) < 0) return NULL;
    return timeout_obj(__atomic_load_n(&default_timeout_ns, __ATOMIC_RELAXED));
}
static Obj *f_setdefaulttimeout(Obj *m, Obj *const *a, int n, Obj *k) {
    (void)m;
    int64_t t;
    if (no_kwargs("setdefaulttimeout", k) < 0 || arity("setdefaulttimeout", n, 1, 1) < 0 ||
        timeout_arg(a[0], &t) < 0)
        return NULL;
    __atomic_store_n(&default_timeout_ns, t, __ATOMIC_RELAXED);
    return none_ref();
}

/* gethostbyname(name) -> "a.b.c.d" */
static Obj *f_gethostbyname(Obj *m, Obj *const *a, int n, Obj *k) {
    (void)m;
    if (no_kwargs("gethostbyname", k) < 0 || arity("gethostbyname", n, 1, 1) < 0) return NULL;
    const char *p;
    size_t len;
    bool text = str_check(a[0]) || bytes_like(a[0], &p, &len);
    const char *name = host_arg(a[0], "gethostbyname() argument 1 must be str, bytes or bytearray, not %s");
    if (!name) {
        if (text) {                                   /* CPython's words for a NUL inside */
            exc_clear();
            return exc_raise(TypeError_t, "gethostbyname() argument 1 must be encoded string without null bytes, not %s",
                             type_name(a[0]));
        }
        return NULL;
    }
    uint32_t ip;
    if (resolve_host(name, false, &ip) < 0) return NULL;
    return ip_str(ip);
}

/* _resolve(name, numeric_only) -> the address as an int (getaddrinfo's lookup, socket.py):
 * numbers as inet_aton, else the hosts table; gaierror(-2) when unknown. */
static Obj *f_resolve(Obj *m, Obj *const *a, int n, Obj *k) {
    (void)m;
    if (no_kwargs("_resolve", k) < 0 || arity("_resolve", n, 2, 2) < 0) return NULL;
    const char *name = host_arg(a[0], "str, bytes or bytearray expected, not %s");
    int numeric = obj_truth(a[1]);
    if (!name || numeric < 0) return NULL;
    if (!name[0] || !strcmp(name, "<broadcast>")) return raise_gaierror(-2, "Name or service not known");
    uint32_t ip;
    if (resolve_host(name, numeric, &ip) < 0) return NULL;
    return int_from_i64(ip);
}

static Obj *f_inet_aton(Obj *m, Obj *const *a, int n, Obj *k) {
    (void)m;
    if (no_kwargs("inet_aton", k) < 0 || arity("inet_aton", n, 1, 1) < 0) return NULL;
    if (!str_check(a[0])) return exc_raise(TypeError_t, "inet_aton() argument 1 must be str, not %s", type_name(a[0]));
    const char *s = str_data(a[0]), *end;
    uint32_t ip;
    /* inet_aton stops at white space: "1.2.3.4 junk" is 1.2.3.4, as glibc's */
    if (strlen(s) != str_nbytes(a[0]))
        return exc_raise(ValueError_t, "embedded null character");
    if (parse_aton(s, &ip, &end) < 0 || (*end && *end != ' ' && *end != '\t' && *end != '\n' &&
                                         *end != '\r' && *end != '\f' && *end != '\v'))
        return exc_raise(OSError_t, "illegal IP address string passed to inet_aton");
    unsigned char b[4] = { (unsigned char)(ip >> 24), (unsigned char)(ip >> 16), (unsigned char)(ip >> 8),
                           (unsigned char)ip };
    return bytes_new((const char *)b, 4);
}

static Obj *f_inet_ntoa(Obj *m, Obj *const *a, int n, Obj *k) {
    (void)m;
    if (no_kwargs("inet_ntoa", k) < 0 || arity("inet_ntoa", n, 1, 1) < 0) return NULL;
    Data d;
    if (data_arg(a[0], &d) < 0) return NULL;
    Obj *r;
    if (d.n != 4) {
        r = exc_raise(OSError_t, "packed IP wrong length for inet_ntoa");
    } else {
        const unsigned char *p = (const unsigned char *)d.p;
        r = ip_str((uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]);
    }
    data_done(&d);
    return r;
}

static void stat_cb(void *ctx, const char *name, uint64_t value) {
    Obj **d = ctx;
    if (!*d) return;
    Obj *v = int_from_u64(value);
    if (!v || dict_set_s(*d, name, v) < 0) CLEAR(*d);
    XDECREF(v);
}

/* _stats() -> {name: count} from port_net_stats (tests that check nothing leaks). */
static Obj *f_stats(Obj *m, Obj *const *a, int n, Obj *k) {
    (void)m; (void)a;
    if (no_kwargs("_stats", k) < 0 || arity("_stats", n, 0, 0) < 0) return NULL;
    Obj *d = dict_new();
    if (!d) return NULL;
    port_net_stats(stat_cb, &d);
    if (!d && !exc_occurred()) exc_raise_memory();
    return d;
}

static const MethodDef socket_fns[] = {
    {"getdefaulttimeout", f_getdefaulttimeout}, {"setdefaulttimeout", f_setdefaulttimeout},
    {"gethostbyname", f_gethostbyname}, {"_resolve", f_resolve}, {"inet_aton", f_inet_aton},
    {"inet_ntoa", f_inet_ntoa}, {"_stats", f_stats},
    {NULL, NULL},
};

/* An exception class of this interpreter: type(name, (base,), {'__module__': 'socket'}). */
static int add_exc_class(Obj *d, const char *name, Type *base) {
    Obj *nm = str_from_cstr(name), *bases = tuple_pack(1, (Obj *)base), *ns = dict_new();
    Obj *mod = str_from_cstr("socket");
    Obj *cls = NULL;
    if (nm && bases && ns && mod && dict_set_s(ns, "__module__", mod) == 0) {
        Obj *args[3] = { nm, bases, ns };
        cls = obj_call((Obj *)&type_type, args, 3, NULL);
    }
    int r = cls ? dict_set_s(d, name, cls) : -1;
    XDECREF(nm); XDECREF(bases); XDECREF(ns); XDECREF(mod); XDECREF(cls);
    return r;
}

static int socket_init(Obj *d) {
    if (type_once() < 0) return -1;
    if (module_add_functions(d, socket_fns) < 0) return -1;
    if (dict_set_s(d, "socket", (Obj *)&sock_type) < 0 || dict_set_s(d, "SocketType", (Obj *)&sock_type) < 0)
        return -1;
    if (dict_set_s(d, "error", (Obj *)OSError_t) < 0 || dict_set_s(d, "timeout", (Obj *)TimeoutError_t) < 0)
        return -1;
    if (add_exc_class(d, "gaierror", OSError_t) < 0 || add_exc_class(d, "herror", OSError_t) < 0) return -1;
    static const struct { const char *name; int64_t v; } consts[] = {
        {"AF_UNSPEC", AF_UNSPEC_}, {"AF_UNIX", AF_UNIX_}, {"AF_INET", AF_INET_}, {"AF_INET6", AF_INET6_},
        {"SOCK_STREAM", PORT_SOCK_STREAM}, {"SOCK_DGRAM", PORT_SOCK_DGRAM}, {"SOCK_RAW", 3},
        {"SOCK_NONBLOCK", SOCK_NONBLOCK_}, {"SOCK_CLOEXEC", SOCK_CLOEXEC_},
        {"SOL_SOCKET", SOL_SOCKET_}, {"SO_REUSEADDR", SO_REUSEADDR_}, {"SO_TYPE", SO_TYPE_},
        {"SO_BROADCAST", SO_BROADCAST_}, {"SO_ERROR", 4}, {"SO_SNDBUF", 7}, {"SO_RCVBUF", 8},
        {"SO_KEEPALIVE", 9}, {"SO_LINGER", 13}, {"SOMAXCONN", 4096},
        {"IPPROTO_IP", 0}, {"IPPROTO_TCP", IPPROTO_TCP_}, {"IPPROTO_UDP", IPPROTO_UDP_},
        {"TCP_NODELAY", TCP_NODELAY_},
        {"SHUT_RD", PORT_SHUT_RD}, {"SHUT_WR", PORT_SHUT_WR}, {"SHUT_RDWR", PORT_SHUT_RDWR},
        {"AI_PASSIVE", 1}, {"AI_CANONNAME", 2}, {"AI_NUMERICHOST", 4}, {"AI_NUMERICSERV", 0x400},
        {"EAI_NONAME", -2}, {"EAI_AGAIN", -3}, {"EAI_FAIL", -4}, {"EAI_FAMILY", -6},
        {"EAI_SOCKTYPE", -7}, {"EAI_SERVICE", -8},
        {"INADDR_ANY", 0}, {"INADDR_LOOPBACK", 0x7f000001}, {"INADDR_BROADCAST", 0xffffffff},
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++) {
        Obj *v = int_from_i64(consts[i].v);
        int r = v ? dict_set_s(d, consts[i].name, v) : -1;
        XDECREF(v);
        if (r < 0) return -1;
    }
    return dict_set_s(d, "has_ipv6", False_);
}

MODULE_DEF(_socket, socket_init);
