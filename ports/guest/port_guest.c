/*
 * ports/guest/port_guest.c — the kernel's implementation of interp/port/port.h (the interpreter's only door
 * to the platform). Thin: every function maps onto kernel/sched, kernel/waitq,
 * kernel/spinlock, kernel/console, kernel/trace or newlib's malloc.
 * Ctrl-C: the console sets the interrupt flag (port_interrupt_pending) and ends every
 * port_waitq_sleep and port_sleep_ns in progress with -1; port_getc returns -1 for Ctrl-C.
 * port_sleep_ns started while the flag is still set returns -1 at once (the VM clears the flag
 * when it raises KeyboardInterrupt); port_waitq_sleep does not, so a GIL wait never spins.
 * Locks: the kernel's (a port_spin_t is a kernel spinlock; waits go through sched_lock); its own
 * state is set once (interp_fault_hook, the wall-clock base) or atomic (the quarantine counters).
 */
#include <stdlib.h>
#include "port/port.h"
#include "port/trace_events.h"
#include "kernel/thread.h"
#include "kernel/cpu.h"
#include "kernel/console.h"
#include "kernel/panic.h"
#include "net/socket.h"
#include "kernel/trace.h"
#include "kernel/trap.h"
#include "drivers/timer.h"
#include "drivers/rtc.h"
#include "guest.h"

_Static_assert(sizeof(spinlock_t) <= sizeof(port_spin_t), "port_spin_t too small");

/* An abandoned interpreter's kernel objects: its sockets (net/socket.c) and its files
 * (port_file.c), each table closing its own under its own lock. */
int port_close_tagged(const void *tag) { return sock_close_tagged(tag) + guest_files_close_tagged(tag); }
_Static_assert(sizeof(struct waitq) <= sizeof(port_waitq_t), "port_waitq_t too small");

/* ---- the platform profile (port.h's table) ----
 * Kernel threads have small fixed stacks (kernel/stack.c) in a RAM of 256 MiB by default shared
 * with every interpreter, so a Python thread gets 64 KiB and a multiprocessing process, which
 * compiles and runs a whole program, twice that; the reserve and the front end's budget fit
 * inside them. */
const port_platform_info *port_platform(void)
{
    static const port_platform_info info = {
        .name = "tollbooth",
        .thread_stack = 64 * 1024,
        .process_stack = 128 * 1024,
        .c_stack_reserve = 12 * 1024,           /* of the 64 KiB thread stacks */
        .compile_stack_budget = 10 * 1024,
        .max_processes = 16,
        .process_mem_limit = (size_t)32 << 20,
    };
    return &info;
}

/* ---- time ---- */
uint64_t port_time_ns(void) { return timer_ticks_to_ns(timer_now()); }
uint64_t port_cpu_time_ns(void) { return port_time_ns(); }    /* no per-process accounting */

/* ---- surroundings: no processes, no environment ---- */
long port_process_id(void) { return 0; }
const char *port_getenv(const char *name) { (void)name; return NULL; }

uint64_t port_wall_time_ns(void)
{
    static uint64_t base;   /* wall-clock ns at counter 0; racy first fill is harmless */
    if (!base) {
        uint32_t s = rtc_seconds();
        uint64_t up = port_time_ns();
        base = s ? (uint64_t)s * 1000000000ull - up : 1;
    }
    return base + port_time_ns();
}

/* ---- spinlocks ----
 * A port_spin_t is a kernel spinlock followed by a mark (magic + its own address) that tells
 * kernel/trap.c it is the interpreter's: a fault in interpreter code while only such locks are
 * held may be contained, and they are force-released (port_spin_is_ours, registered with
 * trap_set_fault_hook). A lock used
 * without port_spin_init has no mark and counts as the kernel's (a fault then panics). */
#define PORT_SPIN_MAGIC 0x70795350u          /* "PSyp" */
struct port_spin {
    spinlock_t l;
    uint32_t magic;
    const void *self;
};
_Static_assert(sizeof(struct port_spin) <= sizeof(port_spin_t), "port_spin_t too small for the mark");
void port_spin_init(port_spin_t *l, const char *name)
{
    struct port_spin *p = (struct port_spin *)l;
    spin_init(&p->l, name);
    p->magic = PORT_SPIN_MAGIC;
    p->self = p;
}
static int port_spin_is_ours(const spinlock_t *l)
{
    const struct port_spin *p = (const struct port_spin *)l;
    return p->magic == PORT_SPIN_MAGIC && p->self == p;
}
void port_spin_lock(port_spin_t *l) { spin_lock((spinlock_t *)l); }
void port_spin_unlock(port_spin_t *l) { spin_unlock((spinlock_t *)l); }

/* ---- wait queues ---- */
void port_waitq_init(port_waitq_t *q, const char *name) { waitq_init((struct waitq *)q, name); }
int port_waitq_sleep(port_waitq_t *q, port_spin_t *lk, uint64_t timeout_ns)
{
    int r = waitq_sleep_interruptible((struct waitq *)q, (spinlock_t *)lk, timeout_ns);
    return r == 2 ? -1 : r;
}
int port_waitq_wake_one(port_waitq_t *q) { return waitq_wake_one((struct waitq *)q); }
int port_waitq_wake_all(port_waitq_t *q) { return waitq_wake_all((struct waitq *)q); }

/* ---- threads ---- */
port_thread *port_thread_start(const char *name, void (*fn)(void *), void *arg,
                               size_t stack_size, int core, const char **err)
{
    return (port_thread *)thread_create(name, fn, arg, stack_size, core, err);
}
int port_thread_join(port_thread *t, uint64_t timeout_ns) { return thread_join((struct thread *)t, timeout_ns); }
void port_thread_detach(port_thread *t) { thread_detach((struct thread *)t); }
void port_thread_exit(void) { thread_exit(); }
void port_thread_yield(void) { thread_yield(); }
int port_sleep_ns(uint64_t ns)
{
    if (console_interrupted())
        return -1;
    return thread_sleep_ns(ns);
}
uint32_t port_thread_id(void) { return thread_current()->tid; }
int port_current_core(void) { return thread_current()->cpu; }
/* A thread's stack is [stack, stack + stack_size) with an unmapped guard page just below it
 * (kernel/stack.c); the lowest word holds the canary thread.c checks. Idle threads run on their
 * core's boot stack (stack == NULL): no bounds, so the interpreter's checks stay quiet there. */
void port_stack_bounds(uintptr_t *lo, uintptr_t *hi)
{
    struct thread *t = thread_current();
    if (!t->stack) {
        *lo = *hi = 0;
        return;
    }
    *lo = (uintptr_t)t->stack + sizeof(uint32_t);
    *hi = (uintptr_t)t->stack + t->stack_size;
}
void port_tls_set(void *p) { thread_current()->tls = p; }
void *port_tls_get(void) { return thread_current()->tls; }

/* ---- cores ---- */
int port_cores_online(void) { return cpus_online(); }
int port_cores_possible(void) { return cpus_possible; }
int port_cores_set(int n) { return cpu_set_count(n); }

/* ---- memory ----
 * While the quarantine is on (port_heap_quarantine: the `unsafe` GIL policy), freed interpreter memory
 * is not given back to newlib's heap, which the kernel shares (up to QUARANTINE_MAX bytes, then
 * normally again): a racing double free, or a DECREF through a stale pointer, then lands in dead
 * memory instead of in malloc's free lists, where it would crash the kernel's allocator with its
 * lock held (a fault no hook may contain). Poisoned objects also stay poisoned for detection. */
#include <malloc.h>
#include <string.h>
#define QUARANTINE_MAX ((size_t)64 << 20)
static port_fault_hook interp_fault_hook;
static int quarantine_on;
static size_t quarantined;                  /* bytes kept out of the heap (approximate: racy adds) */

void port_heap_quarantine(bool on) { __atomic_store_n(&quarantine_on, on, __ATOMIC_RELEASE); }
bool port_has_heap_quarantine(void) { return true; }
/* Crash signals are the host's; here faults come through port_set_fault_hook. */
void port_crash_exit(const char *before, const char *after) { (void)before; (void)after; }

static int quarantine(void *p)
{
    if (!__atomic_load_n(&quarantine_on, __ATOMIC_ACQUIRE) || !p)
        return 0;
    size_t n = malloc_usable_size(p);
    if (__atomic_add_fetch(&quarantined, n, __ATOMIC_RELAXED) > QUARANTINE_MAX)
        return 0;
    return 1;
}
void *port_malloc(size_t n) { return malloc(n); }
void *port_realloc(void *p, size_t n)
{
    if (!p || !__atomic_load_n(&quarantine_on, __ATOMIC_ACQUIRE))
        return realloc(p, n);
    void *q = malloc(n);
    if (!q)
        return 0;
    size_t old = malloc_usable_size(p);
    memcpy(q, p, old < n ? old : n);
    if (!quarantine(p))
        free(p);
    return q;
}
void port_free(void *p)
{
    if (!quarantine(p))
        free(p);
}

/* ---- console ---- */
void port_write(const char *buf, size_t n) { console_write(buf, n); }
void port_write_err(const char *buf, size_t n) { console_write(buf, n); }
int port_getc(void)
{
    int c = console_getc();
    return c == 0x03 ? -1 : c;
}
/* input(): the console's line editor (ports/guest/guest.h), the same as the REPL's */
long port_read_line(const char *prompt, char **line)
{
    enum { INPUT_MAX = 65536 };
    char *l = port_malloc(INPUT_MAX);
    if (!l) return PORT_LINE_NONE;
    int n, act = line_edit_input(prompt, l, INPUT_MAX, &n);
    if (act != ED_LINE) {
        port_free(l);
        return act == ED_EOF ? PORT_LINE_EOF : PORT_LINE_INTR;
    }
    *line = l;
    return n;
}
bool port_interrupt_pending(void) { return console_interrupted(); }
void port_interrupt_clear(void) { console_interrupt_clear(); }

/* ---- exit and trace ---- */
void port_exit(int status)
{
    sock_drain(3000000000ull);        /* TCP's last bytes before the power goes (net/socket.h) */
    kernel_exit(status);
}
void port_trace(uint16_t event, uint32_t a, uint32_t b) { trace_event(event, a, b); }
/* The per-core rings are read by ports/guest/timeline.c, not through these. */
bool port_trace_readable(void) { return false; }
uint64_t port_trace_count(void) { return 0; }
int port_trace_get(uint64_t i, TraceRec *out) { (void)i; (void)out; return -1; }
void port_trace_reset(void) {}

/* ---- fault containment: the interpreter's hook behind kernel/trap.h's (interp_fault_hook is
 * declared with the memory functions above) ---- */

static void port_fault_resume(const struct trap_fault *tf)     /* the thread, stack reset */
{
    fault_report_contained(tf);
    port_fault pf = { tf->what, tf->pc, tf->addr, tf->thread, tf->guard };
    ((port_fault_cont)tf->cookie)(&pf);
    thread_exit();
}

static trap_fault_cont port_fault_trap(struct trap_fault *tf)  /* in the fault handler */
{
    port_fault_hook h = __atomic_load_n(&interp_fault_hook, __ATOMIC_ACQUIRE);
    if (!h)
        return 0;
    port_fault pf = { tf->what, tf->pc, tf->addr, tf->thread, tf->guard };
    port_fault_cont k = h(&pf);
    if (!k)
        return 0;
    tf->cookie = (void *)k;
    return port_fault_resume;
}

void port_set_fault_hook(port_fault_hook h)
{
    __atomic_store_n(&interp_fault_hook, h, __ATOMIC_RELEASE);
    trap_set_fault_hook(h ? port_fault_trap : 0, port_spin_is_ours);
}

void port_interrupt_sleepers(void) { sched_interrupt_sleepers(); }
