/*
 * ports/host/port_linux.c — interp/port/port.h on Linux (the host build `tollpy` and the host unit tests).
 *
 * Mapping:
 *   port_spin_t   a pthread mutex (default kind) living inside the opaque storage. It is not a
 *                 spinning lock, but it honours the same contract (short critical sections, never
 *                 held across a sleep except the one handed to port_waitq_sleep).
 *   port_waitq_t  an internal pthread mutex + a FIFO list of per-waiter records, each with its own
 *                 condition variable and a `woken` flag. port_waitq_sleep enqueues the record while
 *                 the caller still holds its port_spin_t, then releases that lock and sleeps on the
 *                 record's condvar: a waker that changes the condition under the caller's lock and
 *                 then wakes will always find the record queued, so no wake-up is lost. wake_one
 *                 dequeues the oldest record, so it can say exactly how many it woke (0 or 1).
 *                 Sleeps are cut into slices of at most 50 ms; at a slice boundary a pending Ctrl-C
 *                 (port_interrupt_pending) makes the sleep return -1.
 *   threads       pthreads with a start trampoline; join with a timeout is built on a done flag +
 *                 condvar, then pthread_join. Core affinity: pthread_attr_setaffinity_np on
 *                 core % online (ignored when it fails).
 *   cores         port_cores_set(n) restricts the affinity of the calling thread and of every
 *                 thread started afterwards to the first n CPUs of the process's original mask
 *                 (threads already running keep theirs). Returns n (or -1 when n is out of range).
 *   time          CLOCK_MONOTONIC / CLOCK_REALTIME; port_sleep_ns = nanosleep, -1 on Ctrl-C.
 *   console       write(1) looped under a mutex (no interleaving mid-call); read(0) one byte.
 *   Ctrl-C        a SIGINT handler (sigaction without SA_RESTART, so read/nanosleep see EINTR)
 *                 sets a flag that port_interrupt_pending reports. Installed by a constructor;
 *                 threads started by port_thread_start block SIGINT, so the main thread gets it.
 *   trace         one global lock-free ring (fetch-add index) of {time, thread id, core, event,
 *                 a, b}; readers port_trace_count/port_trace_get/port_trace_reset for tests and
 *                 the `gil` module (declared in interp/port/trace_events.h).
 *   profile       port_platform(): pthread-sized stacks and limits (table in port.h).
 *   unsafe        port_crash_exit: SIGSEGV/SIGBUS/SIGABRT handlers that report and _exit(1);
 *                 port_heap_quarantine is a no-op (interp/core/mem.c quarantines instead).
 *   files         POSIX calls; errno is already Linux's.
 *   sockets       POSIX sockets, non-blocking underneath: a wait is poll() in 50 ms slices that
 *                 see Ctrl-C (-EINTR); MSG_NOSIGNAL; port_resolve is a hosts table ("localhost",
 *                 "host": 127.0.0.1) and dotted quads, never DNS; port_net_stats counts the live
 *                 sockets this port opened.
 * Locks: write_mx (port_write, port_write_err) keeps writes whole; each port_thread's m guards
 * its done/detached flags; a wait queue's m guards its list; the rest is per-thread or atomic
 * (the socket count: sock_live, sock_mine).
 */
#define _GNU_SOURCE
#include "port/port.h"
#include "port/trace_events.h"

#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* ---- time ---------------------------------------------------------------------------------- */
uint64_t port_time_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000ull + (uint64_t)t.tv_nsec;
}
uint64_t port_wall_time_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_REALTIME, &t);
    return (uint64_t)t.tv_sec * 1000000000ull + (uint64_t)t.tv_nsec;
}

static struct timespec deadline_after(uint64_t ns) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    uint64_t s = ns / 1000000000ull, r = ns % 1000000000ull;
    t.tv_sec += (time_t)s;
    t.tv_nsec += (long)r;
    if (t.tv_nsec >= 1000000000L) { t.tv_sec++; t.tv_nsec -= 1000000000L; }
    return t;
}

/* condvars on CLOCK_MONOTONIC */
static void cond_init_mono(pthread_cond_t *c) {
    pthread_condattr_t a;
    pthread_condattr_init(&a);
    pthread_condattr_setclock(&a, CLOCK_MONOTONIC);
    pthread_cond_init(c, &a);
    pthread_condattr_destroy(&a);
}

/* ---- Ctrl-C ----------------------------------------------------------------------------------- */
static volatile sig_atomic_t interrupt_flag;
static void on_sigint(int sig) { (void)sig; interrupt_flag = 1; }
bool port_interrupt_pending(void) { return interrupt_flag != 0; }
void port_interrupt_clear(void) { interrupt_flag = 0; }

/* port_interrupt_sleepers (the unsafe policy's reset): every sleep under way when it is called
 * returns -1 at its next slice (SLICE_NS), whichever thread sleeps; later sleeps are not affected.
 * A sleeper compares the generation it started with to this one. */
static unsigned sleepers_gen;
void port_interrupt_sleepers(void) { __atomic_add_fetch(&sleepers_gen, 1, __ATOMIC_RELEASE); }
static inline unsigned sleepers_gen_now(void) { return __atomic_load_n(&sleepers_gen, __ATOMIC_ACQUIRE); }

static cpu_set_t base_mask;      /* the process's affinity at start */
static int base_count;
static cpu_set_t cur_mask;       /* what new threads get after port_cores_set */
static int cur_count;
static bool mask_restricted;

__attribute__((constructor)) static void port_linux_init(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;             /* no SA_RESTART: blocking reads and sleeps return EINTR */
    sigaction(SIGINT, &sa, NULL);
    CPU_ZERO(&base_mask);
    if (sched_getaffinity(0, sizeof base_mask, &base_mask) != 0) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        for (long i = 0; i < n && i < CPU_SETSIZE; i++) CPU_SET((int)i, &base_mask);
    }
    base_count = CPU_COUNT(&base_mask);
    if (base_count < 1) base_count = 1;
    cur_mask = base_mask;
    cur_count = base_count;
}

/* ---- spinlocks (pthread mutex inside) --------------------------------------------------------- */
_Static_assert(sizeof(pthread_mutex_t) <= sizeof(port_spin_t), "port_spin_t too small for a mutex");

static inline pthread_mutex_t *MX(port_spin_t *l) { return (pthread_mutex_t *)(void *)l->opaque; }
void port_spin_init(port_spin_t *l, const char *name) {
    (void)name;
    memset(l, 0, sizeof *l);
    pthread_mutex_init(MX(l), NULL);
}
void port_spin_lock(port_spin_t *l) { pthread_mutex_lock(MX(l)); }
void port_spin_unlock(port_spin_t *l) { pthread_mutex_unlock(MX(l)); }

/* ---- wait queues ------------------------------------------------------------------------------ */
typedef struct Waiter {
    pthread_cond_t cond;
    int woken;
    struct Waiter *next, *prev;
} Waiter;
typedef struct {
    pthread_mutex_t m;
    Waiter *head, *tail;
} WaitQ;
_Static_assert(sizeof(WaitQ) <= sizeof(port_waitq_t), "port_waitq_t too small");
static inline WaitQ *WQ(port_waitq_t *q) { return (WaitQ *)(void *)q->opaque; }

void port_waitq_init(port_waitq_t *q, const char *name) {
    (void)name;
    memset(q, 0, sizeof *q);
    WaitQ *w = WQ(q);
    pthread_mutex_init(&w->m, NULL);
    w->head = w->tail = NULL;
}

static void wq_unlink(WaitQ *q, Waiter *w) {
    if (w->prev) w->prev->next = w->next; else q->head = w->next;
    if (w->next) w->next->prev = w->prev; else q->tail = w->prev;
    w->next = w->prev = NULL;
}

#define SLICE_NS 50000000ull

int port_waitq_sleep(port_waitq_t *pq, port_spin_t *lk, uint64_t timeout_ns) {
    WaitQ *q = WQ(pq);
    Waiter w;
    cond_init_mono(&w.cond);
    w.woken = 0;
    w.next = NULL;
    pthread_mutex_lock(&q->m);            /* order: caller's lk, then q->m */
    w.prev = q->tail;
    if (q->tail) q->tail->next = &w; else q->head = &w;
    q->tail = &w;
    pthread_mutex_unlock(MX(lk));          /* released while q->m is held: no lost wake-up */
    uint64_t start = port_time_ns();
    unsigned gen = sleepers_gen_now();
    int rc = 0;
    while (!w.woken) {
        uint64_t left = SLICE_NS;
        bool last_slice = false;
        if (timeout_ns != PORT_FOREVER) {
            uint64_t el = port_time_ns() - start;
            if (el >= timeout_ns) { rc = 1; break; }
            if (timeout_ns - el <= SLICE_NS) { left = timeout_ns - el; last_slice = true; }
        }
        struct timespec dl = deadline_after(left);
        int e = pthread_cond_timedwait(&w.cond, &q->m, &dl);
        if (w.woken) break;
        if (e == ETIMEDOUT) {
            if (last_slice) { rc = 1; break; }
            if (interrupt_flag || gen != sleepers_gen_now()) { rc = -1; break; }
        }
    }
    if (!w.woken) wq_unlink(q, &w);
    else rc = 0;
    pthread_mutex_unlock(&q->m);
    pthread_cond_destroy(&w.cond);
    pthread_mutex_lock(MX(lk));
    return rc;
}

int port_waitq_wake_one(port_waitq_t *pq) {
    WaitQ *q = WQ(pq);
    int n = 0;
    pthread_mutex_lock(&q->m);
    Waiter *w = q->head;
    if (w) {
        wq_unlink(q, w);
        w->woken = 1;
        pthread_cond_signal(&w->cond);
        n = 1;
    }
    pthread_mutex_unlock(&q->m);
    return n;
}

int port_waitq_wake_all(port_waitq_t *pq) {
    WaitQ *q = WQ(pq);
    int n = 0;
    pthread_mutex_lock(&q->m);
    Waiter *w;
    while ((w = q->head) != NULL) {
        wq_unlink(q, w);
        w->woken = 1;
        pthread_cond_signal(&w->cond);
        n++;
    }
    pthread_mutex_unlock(&q->m);
    return n;
}

/* ---- threads ---------------------------------------------------------------------------------- */
struct port_thread {
    pthread_t th;
    void (*fn)(void *);
    void *arg;
    char name[16];
    pthread_mutex_t m;
    pthread_cond_t done_cv;
    int done, detached;
};

static __thread struct port_thread *cur_thread;
static __thread uint32_t cur_id;
static uint32_t next_id = 1;

uint32_t port_thread_id(void) {
    if (!cur_id) {
        uint32_t id;
        do id = __atomic_fetch_add(&next_id, 1, __ATOMIC_RELAXED); while (id == 0);
        cur_id = id;
    }
    return cur_id;
}

static void thread_free(struct port_thread *t) {
    pthread_mutex_destroy(&t->m);
    pthread_cond_destroy(&t->done_cv);
    free(t);
}

static void thread_finish(void) {
    struct port_thread *t = cur_thread;
    if (!t) return;
    cur_thread = NULL;
    pthread_mutex_lock(&t->m);
    t->done = 1;
    int det = t->detached;
    pthread_cond_broadcast(&t->done_cv);
    pthread_mutex_unlock(&t->m);
    if (det) thread_free(t);       /* pthread_detach was called: nobody joins */
}

static void *trampoline(void *p) {
    struct port_thread *t = p;
    /* Ctrl-C goes to the main thread, so its sleeps and reads see EINTR at once. */
    sigset_t ss;
    sigemptyset(&ss);
    sigaddset(&ss, SIGINT);
    pthread_sigmask(SIG_BLOCK, &ss, NULL);
    cur_thread = t;
    port_thread_id();
    if (t->name[0]) pthread_setname_np(pthread_self(), t->name);
    t->fn(t->arg);
    thread_finish();
    return NULL;
}

port_thread *port_thread_start(const char *name, void (*fn)(void *), void *arg,
                               size_t stack_size, int core, const char **err) {
    struct port_thread *t = calloc(1, sizeof *t);
    if (!t) { if (err) *err = "out of memory"; return NULL; }
    t->fn = fn;
    t->arg = arg;
    if (name) { strncpy(t->name, name, sizeof t->name - 1); }
    pthread_mutex_init(&t->m, NULL);
    cond_init_mono(&t->done_cv);
    pthread_attr_t a;
    pthread_attr_init(&a);
    if (stack_size) {
        if (stack_size < 16384) stack_size = 16384;
        if (stack_size > ((size_t)1 << 30) || pthread_attr_setstacksize(&a, stack_size) != 0) {
            pthread_attr_destroy(&a);
            thread_free(t);
            if (err) *err = "stack size too large";
            return NULL;
        }
    }
    if (core != PORT_ANY_CORE || mask_restricted) {
        cpu_set_t set;
        CPU_ZERO(&set);
        if (core != PORT_ANY_CORE) {
            int want = core % cur_count, k = 0;
            for (int c = 0; c < CPU_SETSIZE; c++)
                if (CPU_ISSET(c, &cur_mask)) { if (k++ == want) { CPU_SET(c, &set); break; } }
        } else {
            set = cur_mask;
        }
        pthread_attr_setaffinity_np(&a, sizeof set, &set);   /* best effort */
    }
    int e = pthread_create(&t->th, &a, trampoline, t);
    pthread_attr_destroy(&a);
    if (e != 0) {
        thread_free(t);
        if (err) *err = e == EAGAIN ? "too many threads" : "can't start new thread";
        return NULL;
    }
    return t;
}

int port_thread_join(port_thread *t, uint64_t timeout_ns) {
    pthread_mutex_lock(&t->m);
    if (timeout_ns == PORT_FOREVER) {
        while (!t->done) pthread_cond_wait(&t->done_cv, &t->m);
    } else {
        struct timespec dl = deadline_after(timeout_ns);
        while (!t->done) {
            if (pthread_cond_timedwait(&t->done_cv, &t->m, &dl) == ETIMEDOUT && !t->done) {
                pthread_mutex_unlock(&t->m);
                return 1;
            }
        }
    }
    pthread_mutex_unlock(&t->m);
    pthread_join(t->th, NULL);
    thread_free(t);
    return 0;
}

void port_thread_detach(port_thread *t) {
    pthread_mutex_lock(&t->m);
    if (t->done) {
        pthread_mutex_unlock(&t->m);
        pthread_join(t->th, NULL);
        thread_free(t);
        return;
    }
    t->detached = 1;
    pthread_detach(t->th);
    pthread_mutex_unlock(&t->m);
}

void port_thread_exit(void) {
    thread_finish();
    pthread_exit(NULL);
}

void port_thread_yield(void) { sched_yield(); }

/* Sleeps in slices of at most SLICE_NS up to one absolute deadline, so that
 * port_interrupt_sleepers is seen; Ctrl-C (EINTR) is seen at once. */
int port_sleep_ns(uint64_t ns) {
    unsigned gen = sleepers_gen_now();
    uint64_t end = port_time_ns() + ns;
    for (;;) {
        uint64_t now = port_time_ns();
        if (now >= end) break;
        struct timespec dl = deadline_after(end - now < SLICE_NS ? end - now : SLICE_NS);
        int e = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &dl, NULL);
        if (e != 0 && e != EINTR) break;
        if (interrupt_flag || gen != sleepers_gen_now()) return -1;
    }
    return interrupt_flag ? -1 : 0;
}

int port_current_core(void) {
    int c = sched_getcpu();
    return c < 0 ? 0 : c;
}

/* ---- TLS ------------------------------------------------------------------------------------- */
/* C stack bounds of this thread, looked up once (pthread_getattr_np reads /proc/self/maps for
 * the main thread, whose size is RLIMIT_STACK). The guard area (glibc's guardsize, one page by
 * default) is left out of the usable range. */
static __thread uintptr_t stack_lo, stack_hi;
static __thread int stack_known;

void port_stack_bounds(uintptr_t *lo, uintptr_t *hi) {
    if (!stack_known) {
        stack_known = 1;
        pthread_attr_t a;
        void *addr;
        size_t size, guard = 0;
        if (pthread_getattr_np(pthread_self(), &a) == 0) {
            if (pthread_attr_getstack(&a, &addr, &size) == 0 && size) {
                pthread_attr_getguardsize(&a, &guard);
                if (guard < (size_t)sysconf(_SC_PAGESIZE)) guard = (size_t)sysconf(_SC_PAGESIZE);
                if (guard < size / 2) {
                    stack_lo = (uintptr_t)addr + guard;
                    stack_hi = (uintptr_t)addr + size;
                }
            }
            pthread_attr_destroy(&a);
        }
    }
    *lo = stack_lo;
    *hi = stack_hi;
}

static __thread void *tls_slot;
void port_tls_set(void *p) { tls_slot = p; }
void *port_tls_get(void) { return tls_slot; }

/* ---- cores ----------------------------------------------------------------------------------- */
int port_cores_online(void) { return cur_count; }
int port_cores_possible(void) { return base_count; }
int port_cores_set(int n) {
    if (n < 1 || n > base_count) return -1;
    cpu_set_t set;
    CPU_ZERO(&set);
    int k = 0;
    for (int c = 0; c < CPU_SETSIZE && k < n; c++)
        if (CPU_ISSET(c, &base_mask)) { CPU_SET(c, &set); k++; }
    if (sched_setaffinity(0, sizeof set, &set) != 0) return -1;
    cur_mask = set;
    cur_count = n;
    mask_restricted = n != base_count;
    return n;
}

/* ---- memory ---------------------------------------------------------------------------------- */
void *port_malloc(size_t n) { return malloc(n); }
void *port_realloc(void *p, size_t n) { return realloc(p, n); }
void port_free(void *p) { free(p); }

/* ---- console --------------------------------------------------------------------------------- */
static pthread_mutex_t write_mx = PTHREAD_MUTEX_INITIALIZER;
void port_write(const char *buf, size_t n) {
    pthread_mutex_lock(&write_mx);
    while (n > 0) {
        ssize_t k = write(1, buf, n);
        if (k < 0) {
            if (errno == EINTR) continue;
            break;
        }
        buf += k;
        n -= (size_t)k;
    }
    pthread_mutex_unlock(&write_mx);
}

/* No line editor of our own: the terminal (or the pipe) gives input() its line. */
long port_read_line(const char *prompt, char **line) {
    (void)prompt;
    (void)line;
    return PORT_LINE_NONE;
}

int port_getc(void) {
    unsigned char c;
    for (;;) {
        ssize_t k = read(0, &c, 1);
        if (k == 1) return c;
        if (k == 0) return -1;
        if (errno == EINTR) {
            if (interrupt_flag) return -1;
            continue;
        }
        return -1;
    }
}

/* Error text: flush stdio's stdout first (print() output still in its buffer) so the order on a
 * terminal stays that of the calls, then stderr unbuffered-through. */
void port_write_err(const char *buf, size_t n) {
    fflush(stdout);
    fwrite(buf, 1, n, stderr);
    fflush(stderr);
}

/* ---- the platform profile (port.h's table) ----------------------------------------------------- */
const port_platform_info *port_platform(void) {
    static const port_platform_info info = {
        .name = "linux",
        .thread_stack = 0,                  /* pthread's default (RLIMIT_STACK, 8 MiB) */
        .process_stack = 0,
#if defined(__SANITIZE_ADDRESS__)
        .c_stack_reserve = (size_t)512 * 1024,   /* ASan's redzones triple frame sizes */
#else
        .c_stack_reserve = (size_t)256 * 1024,
#endif
        .compile_stack_budget = (size_t)1024 * 1024,
        .max_processes = 64,
        .process_mem_limit = (size_t)256 << 20,
    };
    return &info;
}

uint64_t port_cpu_time_ns(void) {
    struct timespec t;
    if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t) == 0)
        return (uint64_t)t.tv_sec * 1000000000ull + (uint64_t)t.tv_nsec;
    return port_time_ns();
}

long port_process_id(void) { return (long)getpid(); }
const char *port_getenv(const char *name) { return getenv(name); }

/* ---- exit ------------------------------------------------------------------------------------ */
void port_exit(int status) {
    fflush(NULL);
    _exit(status);
}

/* ---- trace: one global lock-free ring ---------------------------------------------------------- */
#define TRACE_CAP (1u << 16)
static TraceRec trace_ring[TRACE_CAP];
static uint64_t trace_head;      /* total events ever appended (fetch-add) */

void port_trace(uint16_t event, uint32_t a, uint32_t b) {
    uint64_t i = __atomic_fetch_add(&trace_head, 1, __ATOMIC_RELAXED);
    TraceRec *r = &trace_ring[i & (TRACE_CAP - 1)];
    r->seq = i;
    r->t_ns = port_time_ns();
    r->tid = port_thread_id();
    r->core = (uint16_t)port_current_core();
    r->event = event;
    r->a = a;
    r->b = b;
}

uint64_t port_trace_count(void) { return __atomic_load_n(&trace_head, __ATOMIC_ACQUIRE); }
int port_trace_get(uint64_t i, TraceRec *out) {
    uint64_t h = port_trace_count();
    if (i >= h || h - i > TRACE_CAP) return -1;
    *out = trace_ring[i & (TRACE_CAP - 1)];
    return out->seq == i ? 0 : -1;
}
void port_trace_reset(void) { __atomic_store_n(&trace_head, 0, __ATOMIC_RELEASE); memset(trace_ring, 0, sizeof trace_ring); }

bool port_trace_readable(void) { return true; }

/* Fault containment (port.h): nothing to do on the host; while the unsafe policy runs,
 * port_crash_exit below turns SIGSEGV/SIGBUS/SIGABRT into its report. */
void port_set_fault_hook(port_fault_hook h) { (void)h; }

/* The unsafe policy's heap quarantine is the interpreter's own here (interp/core/mem.c). */
void port_heap_quarantine(bool on) { (void)on; }
bool port_has_heap_quarantine(void) { return false; }

/* port_crash_exit: corruption that nothing detected in time usually ends as a wild pointer; while
 * the unsafe policy runs such a crash is reported and the process (the interpreter) ends with
 * status 1: a report, never a hang. The texts are the caller's (static strings). */
static const char *volatile crash_before, *volatile crash_after;
static int crash_reported;
static void crash_signal(int sig) {
    if (__atomic_exchange_n(&crash_reported, 1, __ATOMIC_ACQ_REL)) for (;;) pause();   /* first one reports */
    char buf[256];
    size_t n = 0;
    const char *parts[3] = { crash_before ? crash_before : "",
                             sig == SIGSEGV ? "SIGSEGV" : sig == SIGBUS ? "SIGBUS"
                                            : "SIGABRT: the C library found its heap corrupted",
                             crash_after ? crash_after : "" };
    for (int i = 0; i < 3; i++)
        for (const char *p = parts[i]; *p && n < sizeof buf; p++) buf[n++] = *p;
    ssize_t r = write(2, buf, n);
    (void)r;
    _exit(1);
}
void port_crash_exit(const char *before, const char *after) {
    bool on = before || after;
    crash_before = before;
    crash_after = after;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on ? crash_signal : SIG_DFL;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
    /* glibc aborts when it finds its heap corrupted (a block freed twice, a write into a freed
     * block that reached its free lists); the interpreter's quarantine keeps the unsafe policy's
     * frees away from glibc, and this is the report for whatever still gets through. */
    sigaction(SIGABRT, &sa, NULL);
}

/* ---- files: POSIX (interp/port/port.h); Linux's errno numbers are the port's ------------------ */
/* The fuzzers' builds (TOLLPY_FUZZ, mk/tests.mk) run generated programs: those never reach the
 * host's files (every call that names a path is refused with EACCES). */
#ifdef TOLLPY_FUZZ
#define FUZZ_NO_FILES() return -EACCES
#else
#define FUZZ_NO_FILES() do { } while (0)
#endif
#include <fcntl.h>
#include <dirent.h>
#include <sys/stat.h>
#include <sys/statvfs.h>

int port_file_open(const char *path, int flags, const void *tag) {
    (void)tag;                       /* see port_close_tagged */
    FUZZ_NO_FILES();
    int f = (flags & PORT_O_ACCMODE) == PORT_O_WRONLY ? O_WRONLY
          : (flags & PORT_O_ACCMODE) == PORT_O_RDWR ? O_RDWR : O_RDONLY;
    if (flags & PORT_O_CREAT) f |= O_CREAT;
    if (flags & PORT_O_EXCL) f |= O_EXCL;
    if (flags & PORT_O_TRUNC) f |= O_TRUNC;
    if (flags & PORT_O_APPEND) f |= O_APPEND;
    int fd = open(path, f | O_CLOEXEC, 0666);
    if (fd < 0) return -errno;
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) { close(fd); return -EISDIR; }
    return fd;
}
long port_file_read(int fd, void *buf, size_t n) {
    ssize_t r;
    do r = read(fd, buf, n); while (r < 0 && errno == EINTR);
    return r < 0 ? -errno : (long)r;
}
long port_file_write(int fd, const void *buf, size_t n) {
    ssize_t r;
    do r = write(fd, buf, n); while (r < 0 && errno == EINTR);
    return r < 0 ? -errno : (long)r;
}
int64_t port_file_seek(int fd, int64_t off, int whence) {
    off_t r = lseek(fd, (off_t)off, whence == 1 ? SEEK_CUR : whence == 2 ? SEEK_END : SEEK_SET);
    return r < 0 ? -errno : (int64_t)r;
}
int port_file_truncate(int fd, uint64_t len) { return ftruncate(fd, (off_t)len) < 0 ? -errno : 0; }
static void host_stat(const struct stat *s, port_stat_t *st) {
    st->is_dir = S_ISDIR(s->st_mode);
    st->size = (uint64_t)s->st_size;
    st->mtime = (int64_t)s->st_mtime;
}
int port_file_fstat(int fd, port_stat_t *st) {
    struct stat s;
    if (fstat(fd, &s) < 0) return -errno;
    host_stat(&s, st);
    return 0;
}
int port_file_close(int fd) { return close(fd) < 0 ? -errno : 0; }
int port_path_stat(const char *path, port_stat_t *st) {
    FUZZ_NO_FILES();
    struct stat s;
    if (stat(path, &s) < 0) return -errno;
    host_stat(&s, st);
    return 0;
}
int port_listdir(const char *path, int (*cb)(void *, const char *, const port_stat_t *), void *ctx) {
    FUZZ_NO_FILES();
    DIR *d = opendir(path);
    if (!d) return -errno;
    struct dirent *e;
    char full[4096];
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        port_stat_t st = { 0, 0, 0 };
        struct stat s;
        snprintf(full, sizeof full, "%s/%s", path, e->d_name);
        if (stat(full, &s) == 0) host_stat(&s, &st);
        if (cb(ctx, e->d_name, &st)) break;
    }
    closedir(d);
    return 0;
}
int port_mkdir(const char *path) {
    FUZZ_NO_FILES();
    return mkdir(path, 0777) < 0 ? -errno : 0;
}
int port_rmdir(const char *path) {
    FUZZ_NO_FILES();
    return rmdir(path) < 0 ? -errno : 0;
}
int port_remove(const char *path) {
    FUZZ_NO_FILES();
    return unlink(path) < 0 ? -errno : 0;
}
int port_rename(const char *from, const char *to) {
    FUZZ_NO_FILES();
    return rename(from, to) < 0 ? -errno : 0;
}
int port_statvfs(const char *path, port_statvfs_t *st) {
    FUZZ_NO_FILES();
    struct statvfs v;
    if (statvfs(path, &v) < 0) return -errno;
    st->bsize = (uint32_t)v.f_frsize;
    st->blocks = v.f_blocks;
    st->bfree = v.f_bfree;
    return 0;
}
int port_getcwd(char *buf, size_t n) { return getcwd(buf, n) ? 0 : -errno; }
int port_chdir(const char *path) {
    FUZZ_NO_FILES();
    return chdir(path) < 0 ? -errno : 0;
}
int port_sync(void) { sync(); return 0; }

/* help() with no argument: the host has no guide of its own (interp/lib/pydoc.py prints one line). */
bool port_help_guide(void) { return false; }

/* ---- sockets: POSIX (interp/port/port.h); Linux's errno numbers are the port's ---------------- */
/* Every socket is non-blocking at the OS level (SOCK_NONBLOCK); a call that must wait polls in
 * slices of at most SLICE_NS up to its deadline, and after each slice a pending Ctrl-C
 * (interrupt_flag) or port_interrupt_sleepers ends the wait with -EINTR, as port_sleep_ns does.
 * A socket descriptor is the OS's file descriptor. Sends use MSG_NOSIGNAL: a peer that has gone
 * is -EPIPE, never SIGPIPE. port_resolve never leaves the process: the small hosts table below
 * and dotted quads. The fuzzers' builds (TOLLPY_FUZZ) refuse to open sockets (-EACCES).
 * Locks: none; the live-socket count (sock_live, sock_mine) is atomic. */
#include <poll.h>
#include <strings.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

/* The descriptors this port opened (so port_net_stats counts only those, and a close of a
 * descriptor adopted from elsewhere does not miscount): one bit each, below SOCK_TRACKED. */
#define SOCK_TRACKED 65536
static uint64_t sock_mine[SOCK_TRACKED / 64];
static int64_t sock_live;

static void sock_track(int s) {
    if (s < 0 || s >= SOCK_TRACKED) return;
    uint64_t bit = 1ull << (s % 64);
    uint64_t old = __atomic_fetch_or(&sock_mine[s / 64], bit, __ATOMIC_ACQ_REL);
    if (!(old & bit)) __atomic_add_fetch(&sock_live, 1, __ATOMIC_RELAXED);
}
static void sock_untrack(int s) {
    if (s < 0 || s >= SOCK_TRACKED) return;
    uint64_t bit = 1ull << (s % 64);
    uint64_t old = __atomic_fetch_and(&sock_mine[s / 64], ~bit, __ATOMIC_ACQ_REL);
    if (old & bit) __atomic_sub_fetch(&sock_live, 1, __ATOMIC_RELAXED);
}

/* The absolute deadline of a timeout: PORT_FOREVER stays so, 0 means "now". */
static uint64_t sock_deadline(uint64_t timeout_ns) {
    if (timeout_ns == PORT_FOREVER) return PORT_FOREVER;
    uint64_t now = port_time_ns();
    return timeout_ns > PORT_FOREVER - now ? PORT_FOREVER - 1 : now + timeout_ns;
}

/* Wait until s has one of events (or an error or hang-up, which the retried call then reports).
 * 0 ready, -ETIMEDOUT at the deadline, -EINTR for Ctrl-C or port_interrupt_sleepers. */
static int sock_wait(int s, short events, uint64_t end) {
    unsigned gen = sleepers_gen_now();
    for (;;) {
        uint64_t now = port_time_ns(), left = SLICE_NS;
        if (end != PORT_FOREVER) {
            if (now >= end) return -ETIMEDOUT;
            if (end - now < left) left = end - now;
        }
        struct pollfd p = { .fd = s, .events = events, .revents = 0 };
        int r = poll(&p, 1, (int)((left + 999999) / 1000000));   /* rounded up: no 0 ms spin */
        if (r > 0) return (p.revents & POLLNVAL) ? -EBADF : 0;
        if (r < 0 && errno != EINTR) return -errno;
        if (interrupt_flag || gen != sleepers_gen_now()) return -EINTR;
    }
}

/* After a call failed with errno e: 1 = wait for `events` and try again, else the result. */
static long sock_retry(int s, int e, short events, uint64_t timeout_ns, uint64_t end, long *res) {
    if (e == EINTR) {
        if (!interrupt_flag) return 1;
        *res = -EINTR;
        return 0;
    }
    if (e != EAGAIN && e != EWOULDBLOCK) { *res = -e; return 0; }
    if (timeout_ns == 0) { *res = -EAGAIN; return 0; }
    int w = sock_wait(s, events, end);
    if (w < 0) { *res = w; return 0; }
    return 1;
}

static void sin_from(struct sockaddr_in *sin, const port_sockaddr_t *a) {
    memset(sin, 0, sizeof *sin);
    sin->sin_family = AF_INET;
    sin->sin_addr.s_addr = htonl(a->addr);
    sin->sin_port = htons(a->port);
}
static void sin_to(const struct sockaddr_in *sin, socklen_t len, port_sockaddr_t *a) {
    if (!a) return;
    if (len < (socklen_t)sizeof *sin || sin->sin_family != AF_INET) { a->addr = 0; a->port = 0; return; }
    a->addr = ntohl(sin->sin_addr.s_addr);
    a->port = ntohs(sin->sin_port);
}

int port_sock_open(int type, const void *tag) {
    (void)tag;                       /* see port_close_tagged */
#ifdef TOLLPY_FUZZ
    (void)type;
    return -EACCES;
#else
    int t = type == PORT_SOCK_STREAM ? SOCK_STREAM : type == PORT_SOCK_DGRAM ? SOCK_DGRAM : -1;
    if (t < 0) return -EINVAL;
    int s = socket(AF_INET, t | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (s < 0) return -errno;
    sock_track(s);
    return s;
#endif
}

int port_sock_bind(int s, const port_sockaddr_t *a) {
    struct sockaddr_in sin;
    sin_from(&sin, a);
    return bind(s, (struct sockaddr *)&sin, sizeof sin) < 0 ? -errno : 0;
}

int port_sock_listen(int s, int backlog) { return listen(s, backlog) < 0 ? -errno : 0; }

int port_sock_accept(int s, port_sockaddr_t *peer, uint64_t timeout_ns) {
    uint64_t end = sock_deadline(timeout_ns);
    for (;;) {
        struct sockaddr_in sin;
        socklen_t len = sizeof sin;
        int c = accept4(s, (struct sockaddr *)&sin, &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (c >= 0) {
            sock_track(c);
            sin_to(&sin, len, peer);
            return c;
        }
        long res;
        if (!sock_retry(s, errno, POLLIN, timeout_ns, end, &res)) return (int)res;
    }
}

/* A connect that has begun goes on in the kernel: timeout 0 says -EINPROGRESS at once; a wait
 * ends when the socket is writable, with the connect's own result (SO_ERROR). */
int port_sock_connect(int s, const port_sockaddr_t *a, uint64_t timeout_ns) {
    struct sockaddr_in sin;
    sin_from(&sin, a);
    if (connect(s, (struct sockaddr *)&sin, sizeof sin) == 0) return 0;
    int e = errno;
    if (e == EINTR) e = EINPROGRESS;          /* the connect goes on behind, as EINPROGRESS */
    if (e != EINPROGRESS) return -e;
    if (timeout_ns == 0) return -EINPROGRESS;
    int w = sock_wait(s, POLLOUT, sock_deadline(timeout_ns));
    if (w < 0) return w;
    int err = 0;
    socklen_t len = sizeof err;
    if (getsockopt(s, SOL_SOCKET, SO_ERROR, &err, &len) < 0) return -errno;
    return -err;
}

long port_sock_send(int s, const void *buf, size_t n, uint64_t timeout_ns) {
    uint64_t end = sock_deadline(timeout_ns);
    for (;;) {
        ssize_t r = send(s, buf, n, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (r >= 0) return (long)r;
        long res;
        if (!sock_retry(s, errno, POLLOUT, timeout_ns, end, &res)) return res;
    }
}

long port_sock_recv(int s, void *buf, size_t n, uint64_t timeout_ns) {
    uint64_t end = sock_deadline(timeout_ns);
    for (;;) {
        ssize_t r = recv(s, buf, n, MSG_DONTWAIT);
        if (r >= 0) return (long)r;
        long res;
        if (!sock_retry(s, errno, POLLIN, timeout_ns, end, &res)) return res;
    }
}

long port_sock_sendto(int s, const void *buf, size_t n, const port_sockaddr_t *to, uint64_t timeout_ns) {
    struct sockaddr_in sin;
    sin_from(&sin, to);
    uint64_t end = sock_deadline(timeout_ns);
    for (;;) {
        ssize_t r = sendto(s, buf, n, MSG_NOSIGNAL | MSG_DONTWAIT, (struct sockaddr *)&sin, sizeof sin);
        if (r >= 0) return (long)r;
        long res;
        if (!sock_retry(s, errno, POLLOUT, timeout_ns, end, &res)) return res;
    }
}

long port_sock_recvfrom(int s, void *buf, size_t n, port_sockaddr_t *from, uint64_t timeout_ns) {
    uint64_t end = sock_deadline(timeout_ns);
    for (;;) {
        struct sockaddr_in sin;
        socklen_t len = sizeof sin;
        ssize_t r = recvfrom(s, buf, n, MSG_DONTWAIT, (struct sockaddr *)&sin, &len);
        if (r >= 0) {
            sin_to(&sin, len, from);
            return (long)r;
        }
        long res;
        if (!sock_retry(s, errno, POLLIN, timeout_ns, end, &res)) return res;
    }
}

int port_sock_shutdown(int s, int how) {
    int h = how == PORT_SHUT_RD ? SHUT_RD : how == PORT_SHUT_WR ? SHUT_WR
          : how == PORT_SHUT_RDWR ? SHUT_RDWR : -1;
    if (h < 0) return -EINVAL;
    return shutdown(s, h) < 0 ? -errno : 0;
}

/* close() of a socket never lingers (no SO_LINGER is ever set): TCP closes behind. */
int port_sock_close(int s) {
    sock_untrack(s);
    return close(s) < 0 ? -errno : 0;
}

/* The host never abandons an interpreter and runs on: a crash ends the whole process (and the
 * system closes its descriptors), so there is never an interpreter whose sockets or files outlive
 * it here. */
int port_close_tagged(const void *tag) {
    (void)tag;
    return 0;
}

int port_sock_name(int s, port_sockaddr_t *a, bool peer) {
    struct sockaddr_in sin;
    socklen_t len = sizeof sin;
    int r = peer ? getpeername(s, (struct sockaddr *)&sin, &len) : getsockname(s, (struct sockaddr *)&sin, &len);
    if (r < 0) return -errno;
    if (len < (socklen_t)sizeof sin || sin.sin_family != AF_INET) return -EAFNOSUPPORT;
    sin_to(&sin, len, a);
    return 0;
}

static int sock_opt(int opt, int *level, int *name) {
    switch (opt) {
    case PORT_SO_REUSEADDR: *level = SOL_SOCKET; *name = SO_REUSEADDR; return 0;
    case PORT_SO_BROADCAST: *level = SOL_SOCKET; *name = SO_BROADCAST; return 0;
    case PORT_TCP_NODELAY: *level = IPPROTO_TCP; *name = TCP_NODELAY; return 0;
    default: return -ENOPROTOOPT;
    }
}
int port_sock_setopt(int s, int opt, int value) {
    int level, name;
    if (sock_opt(opt, &level, &name) < 0) return -ENOPROTOOPT;
    return setsockopt(s, level, name, &value, sizeof value) < 0 ? -errno : 0;
}
int port_sock_getopt(int s, int opt, int *value) {
    int level, name;
    if (sock_opt(opt, &level, &name) < 0) return -ENOPROTOOPT;
    socklen_t len = sizeof *value;
    return getsockopt(s, level, name, value, &len) < 0 ? -errno : 0;
}

/* A dotted quad: four decimal numbers 0..255 (no leading '+', no spaces, at most 3 digits). */
static bool dotted_quad(const char *p, uint32_t *addr) {
    uint32_t a = 0;
    for (int i = 0; i < 4; i++) {
        if (i && *p++ != '.') return false;
        int digits = 0;
        unsigned v = 0;
        while (*p >= '0' && *p <= '9' && digits < 4) { v = v * 10 + (unsigned)(*p++ - '0'); digits++; }
        if (digits == 0 || digits > 3 || v > 255) return false;
        a = a << 8 | v;
    }
    if (*p) return false;
    *addr = a;
    return true;
}

/* The host's hosts table: the machine itself under both names the guest knows ("host" is the
 * machine QEMU runs on, which for a program on the host is this one). */
int port_resolve(const char *name, uint32_t *addr) {
    if (dotted_quad(name, addr)) return 0;
    if (!strcasecmp(name, "localhost") || !strcasecmp(name, "host")) {
        *addr = 0x7f000001u;                   /* 127.0.0.1 */
        return 0;
    }
    return -ENOENT;
}

void port_net_stats(void (*cb)(void *ctx, const char *name, uint64_t value), void *ctx) {
    cb(ctx, "sockets", (uint64_t)__atomic_load_n(&sock_live, __ATOMIC_RELAXED));
}
