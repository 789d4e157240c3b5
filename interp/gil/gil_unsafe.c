/*
 * interp/gil/gil_unsafe.c — the `unsafe` policy: no GIL and no protection. Do not use; look.
 *
 * Threads run bytecode in parallel with plain (non-atomic) reference counts and unlocked
 * containers. Two threads doing `refcnt++` on the same object lose increments; an object is
 * freed while still in use, or a count drops below zero; two list appends race on len/items.
 * While this policy runs gil_unsafe_active is true and the object code checks cheaply (only then)
 * for the symptoms: a DECREF that takes a count below zero, a dealloc of an object whose type
 * pointer is the poison written into freed objects, a list whose len exceeds its capacity.
 * It calls gil_report_corruption(type name): "refcount corruption detected (<type>)" is printed
 * once, and every thread of the interpreter raises RuntimeError at its next eval-breaker check,
 * so the program ends (the REPL / kernel console survive; the host process exits with status 1).
 * After a report a watchdog thread interrupts every sleep each 50 ms (a main thread in join()
 * then sees the reset) and ends a batch run after UNSAFE_RESET_GRACE_S. Corruption that nothing
 * detects may still end in a wrong exception or a contained crash: that is the lesson.
 * What the platform does for it (interp/port/port.h; this file compiles the same for both):
 *  - freed memory is quarantined while the policy runs, so a racing double free stays out of
 *    malloc: by the port where it can (port_heap_quarantine: the guest), else by the interpreter's
 *    allocator (port_has_heap_quarantine false: the host; interp/core/mem.c), so glibc's own heap
 *    checks do not abort the process;
 *  - a crash: the host's port reports SIGSEGV/SIGBUS/SIGABRT and exits with status 1
 *    (port_crash_exit, set while the policy runs); the guest kernel contains a fault in a thread
 *    running interpreter code as it does under any policy (port_set_fault_hook, below): under this
 *    one it is also reported as "refcount corruption detected (crash: <kind> at <pc>; thread
 *    '<name>')"; a batch run ends with status 1, the console abandons (leaks) the interpreter and
 *    makes a fresh one (ports/guest/repl.c). The kernel never panics for it.
 * A program whose main thread finished after a report still ends with status 1: the program's
 * runner checks gil_reset_pending (ports/host/host_main.c, ports/guest/console.c).
 * Locks: none of its own; the state below is written once per crash or report, with atomics.
 */
#include "gil/gil_impl.h"
#include <stdio.h>
#include <string.h>

/* The containment of a fault in interpreter code, for EVERY policy (it began as this policy's,
 * hence its home and the gil_unsafe_* names in gil.h), where the port can contain one: the
 * guest (the host's port_set_fault_hook is a no-op; its crashes are port_crash_exit's, below).
 * The hook is installed once, when the guest console makes its first interpreter
 * (gil_fault_containment_install); the kernel offers it a fault only in a thread's own
 * non-kernel code, with no kernel spinlock held and interrupts on
 * or off only through our own port_spin locks (an objlock section under `none`, the GIL's
 * g->lock), which the kernel has force-released; the thread is on no wait queue. The one
 * interpreter lock it may hold across bytecode is the GIL itself, released below. A fault in
 * kernel code, with a kernel spinlock held (malloc's lock) or in an interrupt handler still
 * panics: kernel/trap.h.
 * What happens (interp_crashed, on the faulting thread with its stack reset):
 *  - the kernel has printed its report (kind, pc and symbol, address, backtrace); we add ours:
 *    which Python thread, the policy, what happens next;
 *  - batch run that powers off after the script (EXIT=1): power off with status 1 at once (the
 *    program is over: nothing more runs on a heap we no longer trust; 101 stays the panic's);
 *  - otherwise the interpreter is marked (reset_pending = GIL_RESET_CRASH: every thread's next
 *    eval-breaker check raises RuntimeError; stop_threads: the other threads get a quiet
 *    SystemExit first), the GIL is released if the thread held it (its waiters must reach that
 *    check), sleepers are woken (join, lock waits), and the thread's ThreadState is dropped
 *    (port_tls_set(NULL)); a fault in this path itself is not offered again (crashing[]): it
 *    panics rather than loop;
 *  - the main thread of the console's interpreter goes to the console (gil_unsafe_main_crashed:
 *    the interpreter is abandoned, leaked with any threads still in it, and a fresh one made);
 *    any other thread ends; the console's main thread then sees RuntimeError, and the console
 *    abandons the interpreter after that input (kconsole_abandon_if_corrupt, ports/guest/repl.c).
 * A watchdog thread keeps waking sleepers until the console has replaced the interpreter. */
volatile int gil_unsafe_interactive;
void (*volatile gil_unsafe_main_crashed)(void);
static volatile unsigned unsafe_epoch;   /* bumped when the console replaces the interpreter */

void gil_unsafe_reset_done(void) { __atomic_add_fetch(&unsafe_epoch, 1, __ATOMIC_ACQ_REL); }

/* Threads inside interp_crashed: a fault there (the interpreter was in a worse state than the
 * first fault showed) is not offered again — it panics rather than loop. A ring: an entry matters
 * only while its thread runs interp_crashed, and a crashed thread's ThreadState is never freed
 * (leaked with its interpreter), so a stale entry cannot match another thread. */
static ThreadState *volatile crashing[8];
static unsigned crashing_next;

static int is_crashing(ThreadState *ts) {
    for (unsigned i = 0; i < sizeof crashing / sizeof crashing[0]; i++)
        if (__atomic_load_n(&crashing[i], __ATOMIC_ACQUIRE) == ts) return 1;
    return 0;
}

static void interp_crashed(const port_fault *f) {      /* the faulting thread, stack reset */
    ThreadState *ts = port_tls_get();
    unsigned slot = __atomic_fetch_add(&crashing_next, 1, __ATOMIC_RELAXED) % (sizeof crashing / sizeof crashing[0]);
    __atomic_store_n(&crashing[slot], ts, __ATOMIC_RELEASE);
    Interp *in = ts->interp;
    Gil *g = in->gil;
    int unsafe = g->ops == &gil_ops_unsafe;
    int is_main = ts == in->main_ts && !in->mp;     /* a multiprocessing child's main is not */
    int is_process = ts == in->main_ts && in->mp;   /* a multiprocessing child's own thread */
    int interactive = gil_unsafe_interactive;
    char who[48], buf[320];
    if (is_main) snprintf(who, sizeof who, "the main thread");
    else snprintf(who, sizeof who, "Python thread %lu", (unsigned long)ts->ident);
    if (unsafe)                         /* the lesson of this policy: say what it was */
        snprintf(buf, sizeof buf, "refcount corruption detected (crash: %s at %08lx; thread '%s')%s\n",
                 f->kind, (unsigned long)f->pc, f->thread ? f->thread : "?",
                 interactive ? "" : "; interpreter reset");
    else
        buf[0] = 0;
    size_t n = strlen(buf);
    snprintf(buf + n, sizeof buf - n, "tollpy: the interpreter crashed: %s%s in %s, GIL policy %s; %s\n",
             f->kind, f->stack_overflow ? " (C stack overflow)" : "", who, g->ops->name,
             !interactive ? "program ended (status 1)"
             : is_main ? "the interpreter is abandoned (its memory and any threads still in it are "
                         "leaked) and a fresh one made"
             : is_process ? "the process ends (exitcode 1); its interpreter is abandoned"
                       : "the program is stopped and its interpreter will be replaced");
    port_write(buf, strlen(buf));
    if (unsafe) port_trace(TR_GIL_CORRUPTION, ts->ident, 1);
    if (!interactive) port_exit(1);
    int first = !__atomic_exchange_n(&g->reset_pending, unsafe ? GIL_RESET_CORRUPTION : GIL_RESET_CRASH,
                                     __ATOMIC_SEQ_CST);
    if (unsafe) first = __atomic_fetch_add(&g->st.corruptions, 1, __ATOMIC_SEQ_CST) == 0;
    __atomic_store_n(&in->stop_threads, -1, __ATOMIC_SEQ_CST);   /* no console generation is -1 */
    __atomic_store_n(&in->eval_breaker, 1, __ATOMIC_SEQ_CST);
    if (gil_held(ts)) gil_drop(ts);
    /* An interpreter abandoned here (this is its main thread) never runs its sockets' and files'
     * finalizers: close them now, or a listener takes connections nobody serves and keeps its
     * port bound, and the files keep slots of the port's descriptor table. Its other threads
     * still holding one get ENOTSOCK / EBADF. A crash in another thread leaves that to whoever
     * abandons the interpreter (the console: ports/guest/repl.c). */
    if (is_main || is_process) port_close_tagged(in);
    port_tls_set(NULL);
    if (is_process) {
        /* Only this process ends: the parent's join() returns (exitcode 1). Its other threads
         * stop at their next check (stop_request, as terminate()); the sleepers are not
         * interrupted, they may be the parent's (a join() would see a Ctrl-C). */
        __atomic_store_n(&in->stop_request, 1, __ATOMIC_SEQ_CST);
        if (in->on_child_crash) in->on_child_crash(in);
        port_thread_exit();
    }
    port_interrupt_sleepers();           /* a main thread waiting in join() sees the reset */
    if (first) gil_unsafe_reset_deadline();
    if (is_main) {
        void (*k)(void) = gil_unsafe_main_crashed;
        if (k) k();                      /* never returns */
        port_exit(1);
    }
    port_thread_exit();
}

static port_fault_cont interp_fault_hook(const port_fault *f) {   /* in the fault handler */
    (void)f;
    ThreadState *ts = port_tls_get();
    if (!ts || !ts->interp || !ts->interp->gil || is_crashing(ts)) return NULL;
    return interp_crashed;
}

void gil_fault_containment_install(void) { port_set_fault_hook(interp_fault_hook); }

/* While the policy runs: the port's quarantine (guest) and its crash report (host). */
static void install_fault_handlers(bool on) {
    port_heap_quarantine(on);
    if (on) port_crash_exit("refcount corruption detected (crash: ",
                            " under the unsafe GIL policy; interpreter reset)\n");
    else port_crash_exit(NULL, NULL);
}

/* A watchdog thread: after a report, corrupted memory can keep a thread from ever reaching a
 * check point (a cycle in a freed list, a lock never released). Until the interpreter is gone it
 * wakes sleepers every 50 ms (a main thread in join() or on a lock then raises RuntimeError); if
 * the program has not ended UNSAFE_RESET_GRACE_S after the report, a batch run ends with status 1
 * rather than hanging. At the guest's interactive console it never powers off: it stands down
 * once the console has replaced the interpreter, or says what to do. */
static void unsafe_watchdog(void *arg) {
    unsigned ep = (unsigned)(uintptr_t)arg;
    uint64_t end = port_time_ns() + (uint64_t)UNSAFE_RESET_GRACE_S * 1000000000u;
    while (port_time_ns() < end) {
        if (__atomic_load_n(&unsafe_epoch, __ATOMIC_ACQUIRE) != ep) return;
        port_interrupt_sleepers();
        port_sleep_ns(50u * 1000 * 1000);
    }
    if (__atomic_load_n(&unsafe_epoch, __ATOMIC_ACQUIRE) != ep) return;
    if (gil_unsafe_interactive) {
        static const char msg[] = "interpreter reset: program did not stop after the report; "
                                  "Ctrl-C or Ctrl-D (soft reset) gives the prompt back\n";
        port_write(msg, sizeof msg - 1);
        return;
    }
    static const char msg[] = "interpreter reset: program did not stop after the report; "
                              "interpreter reset\n";
    port_write_err(msg, sizeof msg - 1);
    port_exit(1);
}
void gil_unsafe_reset_deadline(void) {
    unsigned ep = __atomic_load_n(&unsafe_epoch, __ATOMIC_ACQUIRE);
    port_thread *t = port_thread_start("unsafe-watchdog", unsafe_watchdog, (void *)(uintptr_t)ep, 0,
                                       PORT_ANY_CORE, NULL);
    if (t) port_thread_detach(t);
}

int gil_reset_pending(Interp *in) { return in && in->gil ? in->gil->reset_pending : 0; }

int gil_reset_raise(Interp *in) {
    int why = gil_reset_pending(in);
    if (!why) return 0;
    exc_raise(RuntimeError_t, why == GIL_RESET_CRASH
              ? "interpreter reset: a thread of this program crashed (see the report above)"
              : "interpreter reset: refcount corruption detected");
    return -1;
}

static void unsafe_take(Gil *g, GilThread *t, int from_io) { (void)from_io; gil_note_running(g, t, 1); }
static void unsafe_drop(Gil *g, GilThread *t, int why) { (void)why; gil_note_running(g, t, 0); }
static int unsafe_eval_breaker(Gil *g, GilThread *t) { (void)g; (void)t; return 0; }
static const MemChecks unsafe_mem_checks;
static void unsafe_enter(Gil *g) {
    (void)g;
    rc_atomic = false;
    rc_shared = false;
    gil_unsafe_active = true;
    mem_checks = &unsafe_mem_checks;       /* the allocator calls the detectors below */
    install_fault_handlers(true);
    if (g->interp) g->interp->eval_breaker = 0;
}
static void unsafe_leave(Gil *g) {
    (void)g;
    gil_unsafe_active = false;
    mem_checks = NULL;
    install_fault_handlers(false);
}

const GilOps gil_ops_unsafe = {
    .name = "unsafe", .has_lock = 0, .enter = unsafe_enter, .leave = unsafe_leave,
    .take = unsafe_take, .drop = unsafe_drop, .eval_breaker = unsafe_eval_breaker,
};

/* ---- detection helpers for the object code (active only while gil_unsafe_active) ------------ */
/* A freed object gets this type (gil_poison, called by obj_free before the memory is released):
 * any later use through its type — a DECREF to zero (double free), a call, an index, len(), an
 * operator, repr, attribute access — lands in the poison slots, which report instead of crashing.
 * Every slot the object code dispatches through is filled: a slot left NULL would end in an
 * ordinary TypeError ("'<freed object>' object is not callable") with no report, and a thread of
 * the threading module that dies of one before setting its Thread's _started event leaves the
 * main thread in start() for ever (nothing reported, so no watchdog). The allocator's header sits
 * before the object, so the poison survives until the memory is reused. */
static void poison_dealloc(Obj *o) { (void)o; gil_report_corruption("freed object (double free)"); }
static Obj *poison_use(void) {
    gil_report_corruption("freed object (use after free)");
    return exc_raise(RuntimeError_t, "refcount corruption detected (use of a freed object)");
}
static int poison_use_int(void) { poison_use(); return -1; }
static Obj *poison_unary(Obj *o) { (void)o; return poison_use(); }
static Obj *poison_binary(Obj *a, Obj *b) { (void)a; (void)b; return poison_use(); }
static Obj *poison_compare(Obj *a, Obj *b, int op) { (void)a; (void)b; (void)op; return poison_use(); }
static int poison_hash(Obj *o, intptr_t *out) { (void)o; *out = 0; return poison_use_int(); }
static int poison_inquiry(Obj *o) { (void)o; return poison_use_int(); }
static intptr_t poison_len(Obj *o) { (void)o; return poison_use_int(); }
static int poison_setitem(Obj *o, Obj *k, Obj *v) { (void)o; (void)k; (void)v; return poison_use_int(); }
static int poison_contains(Obj *o, Obj *k) { (void)o; (void)k; return poison_use_int(); }
static Obj *poison_call(Obj *c, Obj *const *args, int nargs, Obj *kwnames) {
    (void)c; (void)args; (void)nargs; (void)kwnames;
    return poison_use();
}

Type gil_poison_type = {
    .base = {IMMORTAL_REFCNT, &type_type}, .name = "<freed object>", .base_type = NULL,
    .size = sizeof(Obj), .dealloc = poison_dealloc, .repr = poison_unary, .str = poison_unary,
    .hash = poison_hash, .compare = poison_compare, .truth = poison_inquiry, .len = poison_len,
    .getitem = poison_binary, .setitem = poison_setitem, .contains = poison_contains,
    .iter = poison_unary, .next = poison_unary, .call = poison_call, .getattr = poison_binary,
    .setattr = poison_setitem, .nb = { [0 ... NB__COUNT - 1] = poison_binary },
    .neg = poison_unary, .pos = poison_unary, .invert = poison_unary, .format = poison_binary,
};

void gil_poison(Obj *o) {
    o->type = &gil_poison_type;
    o->refcnt = 0;
}

int gil_check_dealloc(Obj *o) {
    Type *t = o->type;
    if (t == &gil_poison_type) { gil_report_corruption("freed object (double free)"); return 1; }
    if (o->refcnt != 0) {            /* someone INCREF'd it while it was being freed */
        gil_report_corruption(t && t->name ? t->name : "?");
        return 1;
    }
    if (!t || t->base.type != &type_type) { gil_report_corruption("object with a corrupt type"); return 1; }
    return 0;
}

void gil_refcnt_underflow(Obj *o) {
    gil_report_corruption(o->type && o->type != &gil_poison_type && o->type->name ? o->type->name : "freed object");
}

/* An error the object code formats itself ("descriptor 'append' for 'list' objects doesn't apply
 * to a '<freed object>' object") that names the poison type: a freed object reached a path that
 * checks its type before using a slot (so none of the slots above ran). */
static void gil_check_raised(const char *message) {
    if (strstr(message, gil_poison_type.name)) gil_report_corruption("freed object (use after free)");
}

/* What unsafe_enter points the allocator's mem_checks hook at (interp/core/obj.h). */
static const MemChecks unsafe_mem_checks = {
    .poison = gil_poison, .check_dealloc = gil_check_dealloc,
    .refcnt_underflow = gil_refcnt_underflow, .report = gil_report_corruption,
    .raised = gil_check_raised,
};
