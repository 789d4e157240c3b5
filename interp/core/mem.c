/*
 * interp/core/mem.c — the interpreter's allocator: every object and buffer comes from here.
 *
 * Each block carries a small header (its size and the Interp it was charged to), so mem_free
 * can give the bytes back to the right interpreter even when another thread or interpreter frees
 * it. The accounting (Interp.mem_used against Interp.mem_limit) is batched per thread, as a
 * per-CPU counter with a local reserve: a thread takes MEM_BATCH bytes more than it needs from
 * Interp.mem_used (one atomic add) and charges its own allocations against that reserve
 * (ThreadState.mem_credit, touched by no other thread), and its frees of blocks charged to its
 * own interpreter go back to the reserve, which returns its excess over 2 * MEM_BATCH. So under
 * `none` the threads of one interpreter do not write one shared counter at every allocation (a
 * cache line bouncing between all cores, the line the VM reads eval_breaker from), and under a
 * GIL nothing changes but fewer adds. Every update of Interp.mem_used is atomic (a thread returns
 * its reserve at exit after dropping the GIL). Reading: Interp.mem_used counts the live threads'
 * reserves as used; mem_interp_used() subtracts the calling thread's own, exact when it is the
 * only thread, as where multiprocessing reads a child's figures. The limit check runs when a
 * reserve is refilled; a refill that would pass the limit retries for the exact size, so one
 * thread still gets every byte up to the limit, and each other live thread's reserve (at most
 * 2 * MEM_BATCH) counts against it.
 *
 * MemoryError must be raisable when memory is gone: while building the exception we let
 * allocations bypass the limit (mem_bypass, a process-wide counter: during that brief window
 * other threads may also pass the limit, which is harmless). The exception itself is built by
 * the hook interp/objects/exc.c registers (mem_set_error_hook), which keeps a preallocated
 * instance for when the platform itself is out of memory.
 *
 *
 * Recovery: once an interpreter hits its limit it gets a grace reserve (MEM_GRACE bytes above
 * the limit) so that raising, unwinding, printing the traceback and running the `except
 * MemoryError:` handler can allocate; the grace ends when usage falls back below the limit.
 * One interpreter at a time can be in grace (grace_interp); another one simply fails harder.
 *
 * Small-block cache: blocks of at most MC_MAX bytes (header included) are malloc'd rounded up
 * to a multiple of 16 and, when freed, kept on the *freeing* thread's ThreadState (mc_head, one
 * LIFO list per size class, at most MC_BUDGET bytes in all) for that thread's next allocation of the
 * class. Only the owning thread touches its lists, so no lock is needed under any GIL policy; a
 * block freed by another thread (or interpreter) is uncharged from the interpreter its header
 * records, then simply joins the freeing thread's cache. Cached blocks are charged to nobody.
 * mem_ts_release() (ts_free, thread exit) returns a thread's cache to port_free. The cache is
 * off under ASan, so use-after-free stays detectable, and under TSan, so a block reused by another
 * thread is a malloc it sees (else it reports the old block's accesses as a race). While the
 * `unsafe` GIL policy runs it is bypassed: its corruption detection relies on freed objects
 * keeping their poison until malloc reuses them, and a double free must not put one block on a
 * list twice.
 *
 * Deallocation (obj_dealloc, DECREF's slow path) is the one place that bounds its own C
 * recursion: the trashcan at the end of this file queues nested deallocations on the thread's
 * ThreadState.trash, so no type's dealloc needs to care how deep a chain of objects goes.
 *
 * The `unsafe` GIL policy's detectors (interp/gil/gil_unsafe.c) are reached only through the
 * mem_checks hook (obj.h), which that policy sets while it runs.
 *
 * Called by: every object file (obj_alloc/obj_free), DECREF (obj_dealloc). Locks: none.
 */
#include <string.h>
#include "core/obj.h"
#include "core/state.h"

typedef struct {
    size_t size;
    Interp *interp;
} MemHdr;

/* Keep user data aligned to 8 (doubles on the guest) and to 16 on the host. */
#define HDR_SIZE ((sizeof(MemHdr) + 7u) & ~(size_t)7u)

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define MC_ENABLED 0
#else
#define MC_ENABLED 1
#endif
#define MC_MAX ((size_t)16 * (MC_NCLASS - 1))     /* 256 bytes */
#ifdef __arm__
#define MC_BUDGET ((size_t)64 * 1024)        /* per thread */
#else
#define MC_BUDGET ((size_t)4 * 1024 * 1024)
#endif
/* A size the block is really malloc'd with: small ones rounded up to their class. */
#ifdef __arm__
#define MEM_BATCH ((size_t)8 * 1024)
#else
#define MEM_BATCH ((size_t)32 * 1024)
#endif
static inline size_t mc_round(size_t total) { return total <= MC_MAX ? (total + 15) & ~(size_t)15 : total; }

/* Give the thread's reserve back to its interpreter and stop batching (frees after it go to
 * the global count). Called on the thread's way out while its interpreter is alive. */
void mem_credit_return(ThreadState *ts)
{
    if (!ts) return;
    ts->mc_off = 1;
    size_t c = __atomic_load_n(&ts->mem_credit, __ATOMIC_RELAXED);
    __atomic_store_n(&ts->mem_credit, 0, __ATOMIC_RELAXED);
    if (c && ts->interp) __atomic_sub_fetch(&ts->interp->mem_used, c, __ATOMIC_RELAXED);
}

void mem_ts_release(ThreadState *ts)
{
    if (!ts) return;
    mem_credit_return(ts);
    for (int c = 0; c < MC_NCLASS; c++) {
        MemHdr *h = ts->mc_head[c];
        while (h) {
            MemHdr *next = (MemHdr *)h->interp;
            port_free(h);
            h = next;
        }
        ts->mc_head[c] = NULL;
    }
    ts->mc_bytes = 0;
}

static volatile int mem_bypass;
static Interp *volatile grace_interp;
#define MEM_GRACE ((size_t)512 * 1024)

/* Raising MemoryError is the exceptions' business (interp/objects/exc.c registers it with
 * mem_set_error_hook when the exception types exist); before that, or when none is set, a failed
 * allocation just returns NULL. The hook runs with mem_bypass raised, so the exception it builds
 * may pass the limit; nested is nonzero when allocations fail even so (more than four raises in
 * progress at once): it must not allocate then. */
static void (*volatile mem_error_hook)(int nested);

void mem_set_error_hook(void (*raise_error)(int nested)) { mem_error_hook = raise_error; }

static void raise_memory_error(void)
{
    void (*raise_error)(int) = mem_error_hook;
    if (!raise_error) return;
    int depth = __atomic_add_fetch(&mem_bypass, 1, __ATOMIC_SEQ_CST);
    raise_error(depth > 4);
    __atomic_fetch_sub(&mem_bypass, 1, __ATOMIC_SEQ_CST);
}

Obj *mem_error(void)
{
    raise_memory_error();
    return NULL;
}

static inline Interp *cur_interp(void)
{
    ThreadState *ts = ts_get();
    return ts ? ts->interp : NULL;
}

static inline int over_limit(Interp *in, size_t used)
{
    return in->mem_limit && used > in->mem_limit && !mem_bypass &&
           (grace_interp != in || used > in->mem_limit + MEM_GRACE);
}

/* The shared count: an atomic add of n, then of the reserve the thread takes with it. */
static int charge_global(ThreadState *ts, Interp *in, size_t n)
{
    bool mine = ts && ts->interp == in && !ts->mc_off;
    size_t take = mine ? n + MEM_BATCH : n;
    size_t used = __atomic_add_fetch(&in->mem_used, take, __ATOMIC_RELAXED);
    if (over_limit(in, used) && take > n) {      /* no reserve this time: just the n bytes */
        used = __atomic_sub_fetch(&in->mem_used, take - n, __ATOMIC_RELAXED);
        take = n;
    }
    if (over_limit(in, used)) {
        __atomic_sub_fetch(&in->mem_used, n, __ATOMIC_RELAXED);
        grace_interp = in;
        return -1;
    }
    if (take > n) __atomic_store_n(&ts->mem_credit, ts->mem_credit + (take - n), __ATOMIC_RELAXED);
    return 0;
}

static void uncharge_global(Interp *in, size_t n)
{
    size_t used = __atomic_sub_fetch(&in->mem_used, n, __ATOMIC_RELAXED);
    if (grace_interp == in && used + MEM_GRACE / 2 < in->mem_limit) grace_interp = NULL;
}

/* Fast paths: the thread's own reserve (only its thread writes mem_credit; the relaxed atomic
 * accesses are plain moves, for a reader such as mem_interp_used's caller and TSan). */
static inline int charge(ThreadState *ts, Interp *in, size_t n)
{
    if (!in) return 0;
    if (ts && ts->interp == in && ts->mem_credit >= n && !ts->mc_off) {
        __atomic_store_n(&ts->mem_credit, ts->mem_credit - n, __ATOMIC_RELAXED);
        return 0;
    }
    return charge_global(ts, in, n);
}

static inline void uncharge(ThreadState *ts, Interp *in, size_t n)
{
    if (!in) return;
    if (ts && ts->interp == in && !ts->mc_off) {
        size_t c = ts->mem_credit + n;
        if (__builtin_expect(c > 2 * MEM_BATCH, 0)) {
            __atomic_store_n(&ts->mem_credit, MEM_BATCH, __ATOMIC_RELAXED);
            uncharge_global(in, c - MEM_BATCH);
        } else {
            __atomic_store_n(&ts->mem_credit, c, __ATOMIC_RELAXED);
        }
        return;
    }
    uncharge_global(in, n);
}

size_t mem_interp_used(Interp *in)
{
    size_t used = __atomic_load_n(&in->mem_used, __ATOMIC_RELAXED);
    ThreadState *ts = ts_get();
    if (ts && ts->interp == in) used -= __atomic_load_n(&ts->mem_credit, __ATOMIC_RELAXED);
    return used;
}

/* ---- the `unsafe` policy's free path (host: a platform without its own heap quarantine) --------
 * Used only where port_has_heap_quarantine() is false (the host); the guest's port keeps freed
 * memory out of the kernel's heap itself (port_heap_quarantine), and this path stays unused there.
 * Under `unsafe` two threads can free one block at once (a refcount race), realloc one list's
 * items at once, or keep writing into a block another thread has freed. Handed to libc, any of
 * these corrupts glibc's own free lists: the process then dies in glibc's abort ("double free or
 * corruption", "malloc(): unaligned tcache chunk detected") or loops forever inside malloc, and
 * the policy's report never comes. So while the policy runs, libc never sees such a block:
 *  - mem_free swaps the size word for MEM_FREED atomically: of two racing frees exactly one gets
 *    the size, the other reports a double free and touches nothing;
 *  - the freed payload past the Obj header (which keeps the poisoned type, so a late user is
 *    caught through it) is filled with QUAR_FILL and parked in a FIFO quarantine;
 *  - a block leaves the quarantine for port_free only after QUAR_SLOTS later frees (or QUAR_BYTES)
 *    and only if its fill is intact; a write after free is reported and the block is leaked;
 *  - mem_realloc is alloc + copy + that free, so a racing second realloc is a reported double
 *    free instead of a glibc one.
 * The quarantine keeps what it holds when the policy ends (bounded by QUAR_SLOTS/QUAR_BYTES).
 * Lock: quar_lock, a test-and-set lock that yields, guards quar[], quar_next and quar_bytes. */
/* Set by the `unsafe` GIL policy while it runs (obj.h, MemChecks); NULL otherwise. */
const MemChecks *volatile mem_checks;

static void mem_report(const char *what)
{
    const MemChecks *mc = mem_checks;
    if (mc) mc->report(what);
}

#define MEM_FREED ((size_t)-1 - 0xfee)
#define QUAR_SLOTS 65536u
#define QUAR_BYTES ((size_t)64 << 20)
#define QUAR_FILL 0xdb
/* Bytes at the start of a freed block the fill leaves alone: the Obj header with its poisoned
 * type, which a container has after its GcHead (core/gc.h); the free path does not know which
 * kind the block held, so it keeps both for every block. */
#define QUAR_KEEP (sizeof(GcHead) + sizeof(Obj))
typedef struct { MemHdr *h; size_t size; } QuarSlot;
/* QUAR_SLOTS slots, allocated at the first quarantined free: a port with its own quarantine
 * (the guest) never pays for them. */
static QuarSlot *quar;
static size_t quar_next, quar_bytes;
static int quar_lock;

/* 1 if the freed payload of h (size bytes with the header) still holds QUAR_FILL everywhere. */
static int quar_fill_intact(MemHdr *h, size_t size)
{
    const unsigned char *p = (const unsigned char *)h + HDR_SIZE + QUAR_KEEP;
    const unsigned char *end = (const unsigned char *)h + size;
    for (; p < end; p++)
        if (*p != QUAR_FILL) return 0;
    return 1;
}

static void mem_unsafe_free(MemHdr *h)
{
    size_t sz = __atomic_exchange_n(&h->size, MEM_FREED, __ATOMIC_ACQ_REL);
    if (sz == MEM_FREED) { mem_report("freed memory (double free)"); return; }
    if (sz < HDR_SIZE || sz > ((size_t)-1) / 2) {      /* not a block of ours: never free it */
        mem_report("memory block with a corrupt header");
        return;
    }
    uncharge(ts_get(), h->interp, sz);
    if (sz > HDR_SIZE + QUAR_KEEP)
        memset((char *)h + HDR_SIZE + QUAR_KEEP, QUAR_FILL, sz - HDR_SIZE - QUAR_KEEP);
    while (__atomic_test_and_set(&quar_lock, __ATOMIC_ACQUIRE)) port_thread_yield();
    if (!quar && (quar = port_malloc(QUAR_SLOTS * sizeof *quar)) != NULL)
        memset(quar, 0, QUAR_SLOTS * sizeof *quar);
    if (!quar) {                     /* out of memory: the block is leaked, never handed back */
        __atomic_clear(&quar_lock, __ATOMIC_RELEASE);
        return;
    }
    QuarSlot old = quar[quar_next];
    quar[quar_next] = (QuarSlot){ h, sz };
    quar_next = (quar_next + 1) % QUAR_SLOTS;
    quar_bytes += sz - old.size;
    /* Over the byte budget: push out more of the oldest (the slot after the newest onwards). */
    QuarSlot extra[8];
    int nextra = 0;
    for (size_t i = quar_next; quar_bytes > QUAR_BYTES && nextra < 8; i = (i + 1) % QUAR_SLOTS) {
        if (!quar[i].h) continue;
        extra[nextra++] = quar[i];
        quar_bytes -= quar[i].size;
        quar[i] = (QuarSlot){ NULL, 0 };
    }
    __atomic_clear(&quar_lock, __ATOMIC_RELEASE);
    for (int i = -1; i < nextra; i++) {
        QuarSlot q = i < 0 ? old : extra[i];
        if (!q.h) continue;
        if (quar_fill_intact(q.h, q.size)) port_free(q.h);
        else mem_report("freed memory (write after free)");   /* leaked, not freed */
    }
}

static void *mem_unsafe_realloc(void *p, size_t n)
{
    MemHdr *h = (MemHdr *)((char *)p - HDR_SIZE);
    size_t old = __atomic_load_n(&h->size, __ATOMIC_ACQUIRE);
    void *np = mem_alloc(n);
    if (!np) return NULL;
    if (old == MEM_FREED || old < HDR_SIZE || old > ((size_t)-1) / 2) {
        mem_report("freed memory (realloc after free)");
        memset(np, 0, n);
        return np;
    }
    memcpy(np, p, old - HDR_SIZE < n ? old - HDR_SIZE : n);
    mem_unsafe_free(h);              /* a racing realloc of p loses here and reports */
    return np;
}

void *mem_alloc(size_t n)
{
    ThreadState *ts = ts_get();
    Interp *in = ts ? ts->interp : NULL;
    if (n > ((size_t)-1) / 2) { raise_memory_error(); return NULL; }
    size_t total = n + HDR_SIZE;
    if (charge(ts, in, total) < 0) { raise_memory_error(); return NULL; }
    MemHdr *h;
    if (total <= MC_MAX) {
        unsigned c = (unsigned)((total + 15) >> 4);
        h = MC_ENABLED && ts && !mem_checks ? ts->mc_head[c] : NULL;
        if (h) {
            ts->mc_head[c] = (MemHdr *)h->interp;
            ts->mc_bytes -= (size_t)c << 4;
        } else {
            h = port_malloc((size_t)c << 4);
        }
    } else {
        h = port_malloc(total);
    }
    if (!h) { uncharge(ts, in, total); raise_memory_error(); return NULL; }
    h->size = total;
    h->interp = in;
    return (char *)h + HDR_SIZE;
}

void *mem_realloc(void *p, size_t n)
{
    if (!p) return mem_alloc(n);
    if (n > ((size_t)-1) / 2) { raise_memory_error(); return NULL; }
    if (mem_checks && !port_has_heap_quarantine()) return mem_unsafe_realloc(p, n);
    MemHdr *h = (MemHdr *)((char *)p - HDR_SIZE);
    size_t old = h->size, total = n + HDR_SIZE;
    Interp *in = h->interp;
    ThreadState *ts = ts_get();
    if (total > old) {
        if (charge(ts, in, total - old) < 0) { raise_memory_error(); return NULL; }
    }
    MemHdr *nh = port_realloc(h, mc_round(total));
    if (!nh) {
        if (total > old) uncharge(ts, in, total - old);
        raise_memory_error();
        return NULL;
    }
    if (total < old) uncharge(ts, in, old - total);
    nh->size = total;
    return (char *)nh + HDR_SIZE;
}

void mem_free(void *p)
{
    if (!p) return;
    MemHdr *h = (MemHdr *)((char *)p - HDR_SIZE);
    if (mem_checks && !port_has_heap_quarantine()) { mem_unsafe_free(h); return; }
    size_t sz = h->size;
    ThreadState *ts = ts_get();
    uncharge(ts, h->interp, sz);
    if (MC_ENABLED && sz <= MC_MAX) {
        if (ts && !ts->mc_off && !mem_checks) {
            unsigned c = (unsigned)((sz + 15) >> 4);
            if (ts->mc_bytes < MC_BUDGET) {
                h->interp = (Interp *)ts->mc_head[c];
                ts->mc_head[c] = h;
                ts->mc_bytes += (size_t)c << 4;
                return;
            }
        }
    }
    port_free(h);
}

size_t mem_used_now(void)
{
    Interp *in = cur_interp();
    return in ? mem_interp_used(in) : 0;
}

/* ---- container tracking for the cycle collector (core/gc.h) ------------------------------------
 * A container's block is [MemHdr][GcHead][Obj ...]: obj_alloc asks for the GcHead in front and
 * links it on the allocating thread's young ring (ThreadState.gc_list); obj_dealloc unlinks it
 * before the type's dealloc runs (so a collection started from a __del__ inside that dealloc
 * never sees a dying object), obj_free unlinks what is still linked (objects freed without
 * obj_dealloc). The count of allocations asks for an automatic collection (GcState.pending, seen
 * by vm_eval_breaker through the eval breaker: never inside an allocation, where the caller may
 * hold a half-built object). Locks: GcList.lock, GcState.lists_lock (core/gc.h), both only while
 * rc_atomic: no allocation or free writes anything shared between threads but the batched
 * GcState.count (one atomic add per GC_BATCH tracks). */
#define GC_BATCH 64

static void list_init(GcList *l)
{
    l->young.next = l->young.prev = &l->young;
    l->old.next = l->old.prev = &l->old;
    port_spin_init(&l->lock, "gc list");
}

void gc_state_init(GcState *g)
{
    port_spin_init(&g->lists_lock, "gc lists");
    list_init(&g->frozen);
    g->threshold[0] = 700;
    g->threshold[1] = 10;
    g->threshold[2] = 10;
    g->enabled = 1;
}

/* rc_atomic changes only while one thread runs (a policy switch), never between these two. */
void gc_lock(GcList *l) { if (rc_atomic) port_spin_lock(&l->lock); }
void gc_unlock(GcList *l) { if (rc_atomic) port_spin_unlock(&l->lock); }

/* The thread's list: at its first tracked allocation, one of an ended thread (the pool) or a new
 * one. NULL only when out of memory (the object then stays untracked: never collected, else
 * valid). */
static GcList *gc_list_attach(ThreadState *ts, GcState *g)
{
    if (rc_atomic) port_spin_lock(&g->lists_lock);
    GcList *l = g->pool;
    if (l) g->pool = l->pool_next;
    else if ((l = port_malloc(sizeof *l)) != NULL) {
        memset(l, 0, sizeof *l);
        list_init(l);
        l->all_next = g->lists;
        g->lists = l;
    }
    if (rc_atomic) port_spin_unlock(&g->lists_lock);
    ts->gc_list = l;
    return l;
}

/* The list keeps its objects: they stay tracked (GcHead.list stays valid, the list lives until
 * gc_interp_fini) and the next thread to attach takes the list over. */
void gc_ts_release(ThreadState *ts)
{
    GcList *l = ts->gc_list;
    if (!l || !ts->interp) return;
    GcState *g = &ts->interp->gc;
    ts->gc_list = NULL;
    gc_lock(l);
    intptr_t c = l->count;
    l->count = 0;
    gc_unlock(l);
    if (c) __atomic_add_fetch(&g->count, c, __ATOMIC_RELAXED);
    if (rc_atomic) port_spin_lock(&g->lists_lock);
    l->pool_next = g->pool;
    g->pool = l;
    if (rc_atomic) port_spin_unlock(&g->lists_lock);
}

void gc_track(Obj *o)
{
    GcHead *h = GC_HEAD(o);
    ThreadState *ts = ts_get();
    Interp *in = ts ? ts->interp : NULL;
    if (!in) return;
    GcState *g = &in->gc;
    GcList *l = ts->gc_list;
    if (!l && !(l = gc_list_attach(ts, g))) return;
    intptr_t c;
    if (!rc_atomic) {
        /* Under a GIL: the GIL guards the list and the count; no lock, no batching. */
        if (h->next) return;
        h->list = l;
        h->prev = l->young.prev;
        h->next = &l->young;
        l->young.prev->next = h;
        l->young.prev = h;
        l->n++;
        c = ++g->count;
    } else {
        /* o is seen by this thread only (just made, or resurrected by its own __del__), so
         * h->list is ours to write; l->lock is taken by this thread alone unless another one
         * frees an object of ours at the same moment. */
        port_spin_lock(&l->lock);
        if (h->next) { port_spin_unlock(&l->lock); return; }
        h->list = l;
        h->prev = l->young.prev;
        h->next = &l->young;
        l->young.prev->next = h;
        l->young.prev = h;
        l->n++;
        intptr_t b = ++l->count;
        if (b >= GC_BATCH) l->count = 0;
        port_spin_unlock(&l->lock);
        if (b < GC_BATCH) return;
        c = __atomic_add_fetch(&g->count, b, __ATOMIC_RELAXED);   /* the one shared write, 1/GC_BATCH */
    }
    /* Due: past threshold 0 (a young collection examines only the objects made since the last
     * one; interp/runtime/gc.c decides when it is a full one). */
    int t0 = GC_LOAD(g->threshold[0]);
    if (c > t0 && t0 > 0 && GC_LOAD(g->enabled) && !GC_LOAD(g->pending)) {
        GC_STORE(g->pending, 1);
        __atomic_store_n(&in->eval_breaker, 1, __ATOMIC_RELAXED);
    }
}

void gc_untrack(Obj *o)
{
    GcHead *h = GC_HEAD(o);
    if (!rc_atomic) {
        if (!h->next) return;
        h->prev->next = h->next;
        h->next->prev = h->prev;
        h->next = h->prev = NULL;
        h->list->n--;
        ThreadState *ts = ts_get();
        if (ts && ts->interp) {
            GcState *g = &ts->interp->gc;
            if (g->count > 0) g->count--;
        }
        return;
    }
    /* h->list is stable here (core/gc.h): set before o was published, changed only with the
     * world stopped. Its lock guards h's links and its neighbours' (same ring, or a collector's
     * private ring that only the collecting thread touches). */
    GcList *l = h->list;
    if (!l) return;
    port_spin_lock(&l->lock);
    intptr_t b = 0;
    if (h->next) {
        h->prev->next = h->next;
        h->next->prev = h->prev;
        h->next = h->prev = NULL;
        l->n--;
        b = --l->count;
        if (b <= -GC_BATCH) l->count = 0;
    }
    port_spin_unlock(&l->lock);
    if (b <= -GC_BATCH) {
        /* Never below 0, as under a GIL: frees of objects counted before the last collection
         * (which reset the count) must not push the next one further away. */
        ThreadState *ts = ts_get();
        if (ts && ts->interp) {
            intptr_t *pc = &ts->interp->gc.count;
            intptr_t c = __atomic_load_n(pc, __ATOMIC_RELAXED), nc;
            do nc = c + b > 0 ? c + b : 0;
            while (!__atomic_compare_exchange_n(pc, &c, nc, true, __ATOMIC_RELAXED, __ATOMIC_RELAXED));
        }
    }
}

Obj *obj_alloc(Type *t, size_t size)
{
    if (size < sizeof(Obj)) size = sizeof(Obj);
    size_t pre = t->traverse ? sizeof(GcHead) : 0;
    char *p = mem_alloc(size + pre);
    if (!p) return NULL;
    memset(p, 0, size + pre);
    Obj *o = (Obj *)(p + pre);
    o->refcnt = 1;
    o->type = t;
    if (t->flags & TF_HEAPTYPE) INCREF((Obj *)t);
    if (pre) gc_track(o);
    return o;
}

void obj_free(Obj *o)
{
    Type *t = o->type;
    void *block = o;
    if (t && t->traverse) {
        gc_untrack(o);
        block = GC_HEAD(o);
    }
    /* Under `unsafe` a freed object keeps a poisoned type until its memory is reused, so a
     * racing thread that still uses it is caught (interp/gil/gil_unsafe.c) instead of reading garbage. */
    const MemChecks *mc = mem_checks;
    if (mc) mc->poison(o);
    mem_free(block);
    if (t && (t->flags & TF_HEAPTYPE)) DECREF((Obj *)t);
}

/* DECREF's slow path: the count reached zero — or went below it, which only a refcount race
 * (the `unsafe` policy) can cause. */
void obj_release(Obj *o, intptr_t n)
{
    if (n == 0) obj_dealloc(o);
    else { const MemChecks *mc = mem_checks; if (mc) mc->refcnt_underflow(o); }
}

static inline void run_dealloc(Obj *o)
{
    Type *t = o->type;
    if (t->dealloc) t->dealloc(o);
    else obj_free(o);
}

/* The trashcan (obj.h, TRASH_DEPTH): nested deallocations past the depth, or on a low C stack,
 * are queued and freed by the outermost obj_dealloc of the thread. A queued object is dead (no
 * reference reaches it), so its refcnt field is free to hold the link. The drain runs at depth
 * 1: what those deallocs free nests again up to TRASH_DEPTH, and queues the rest. */
void obj_dealloc(Obj *o)
{
    const MemChecks *mc = mem_checks;
    if (mc && mc->check_dealloc(o)) return;
    Type *t = o->type;
    /* Leaves hold no references: nothing nests under them, skip the bookkeeping. */
    if (LEAF_TYPE(t)) { run_dealloc(o); return; }
    if (t->traverse) gc_untrack(o);
    ThreadState *ts = ts_get();
    if (!ts) { run_dealloc(o); return; }
    int d = ts->trash_depth;
    if (d >= TRASH_DEPTH || (d >= 2 && c_stack_low())) {
        o->refcnt = (intptr_t)ts->trash;
        ts->trash = o;
        return;
    }
    ts->trash_depth = d + 1;
    run_dealloc(o);
    if (d == 0) {
        while (ts->trash) {
            Obj *q = ts->trash;
            ts->trash = (Obj *)q->refcnt;
            q->refcnt = 0;
            run_dealloc(q);
        }
    }
    ts->trash_depth = d;
}
