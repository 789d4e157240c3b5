/*
 * interp/gil_unsafe.c — the `unsafe` policy: no GIL and no protection. Do not use; look.
 *
 * Threads run bytecode in parallel with plain (non-atomic) reference counts and unlocked
 * containers. Two threads doing `refcnt++` on the same object lose increments; an object is
 * freed while still in use, or a count drops below zero; two list appends race on len/items.
 * While this policy runs gil_unsafe_active is true and the object code checks cheaply (only then)
 * for the symptoms: a DECREF that takes a count below zero, a dealloc of an object whose type
 * pointer is the poison written into freed objects, a list whose len exceeds its capacity.
 * It calls gil_report_corruption(type name): "refcount corruption detected (<type>)" is printed
 * once, and every thread of the interpreter raises RuntimeError at its next eval-breaker check,
 * so the program ends (the REPL / kernel console survive; the host process exits normally).
 * Corruption that nothing detects may still crash the host process: that is the lesson.
 */
#include "gil_impl.h"
#ifdef TOLLPY_HOST
#include <signal.h>
#include <unistd.h>
#include <string.h>

/* Host: corruption that nothing detected in time usually ends as a wild pointer. While the
 * unsafe policy runs, SIGSEGV/SIGBUS are reported the same way and the interpreter (here: the
 * process) is reset with exit status 1 — a report, never a hang. On the guest the kernel's
 * fault handler does the equivalent for the interpreter thread. */
static int faulted;
static void unsafe_fault(int sig) {
    if (__atomic_exchange_n(&faulted, 1, __ATOMIC_ACQ_REL)) for (;;) pause();   /* first one reports */
    char buf[128];
    size_t n = 0;
    const char *parts[3] = { "refcount corruption detected (crash: ",
                             sig == SIGSEGV ? "SIGSEGV" : "SIGBUS",
                             " under the unsafe GIL policy; interpreter reset)\n" };
    for (int i = 0; i < 3; i++)
        for (const char *p = parts[i]; *p && n < sizeof buf; p++) buf[n++] = *p;
    ssize_t r = write(2, buf, n);
    (void)r;
    _exit(1);
}
/* After a detected corruption every thread is asked to stop (RuntimeError at its next check),
 * but corrupted memory can keep a thread from ever reaching one (a cycle in a freed list, a lock
 * never released): the watchdog makes the reset unconditional after UNSAFE_RESET_GRACE_S. */
static void unsafe_watchdog(int sig) {
    (void)sig;
    static const char msg[] = "refcount corruption detected: program did not stop after the report; "
                              "interpreter reset\n";
    ssize_t r = write(2, msg, sizeof msg - 1);
    (void)r;
    _exit(1);
}
void gil_unsafe_reset_deadline(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = unsafe_watchdog;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGALRM, &sa, NULL);
    alarm(UNSAFE_RESET_GRACE_S);
}
static void install_fault_handlers(bool on) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on ? unsafe_fault : SIG_DFL;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
}
#else
static void install_fault_handlers(bool on) { (void)on; }
/* Guest: a watchdog thread; if the interpreter has not ended UNSAFE_RESET_GRACE_S after the
 * report, the run ends with status 1 (as the host's _exit(1)) rather than hanging. */
static void unsafe_watchdog(void *arg) {
    (void)arg;
    port_sleep_ns((uint64_t)UNSAFE_RESET_GRACE_S * 1000000000u);
    static const char msg[] = "refcount corruption detected: program did not stop after the report; "
                              "interpreter reset\n";
    port_write(msg, sizeof msg - 1);
    port_exit(1);
}
void gil_unsafe_reset_deadline(void) {
    port_thread *t = port_thread_start("unsafe-watchdog", unsafe_watchdog, NULL, 0, PORT_ANY_CORE, NULL);
    if (t) port_thread_detach(t);
}
#endif

static void unsafe_take(Gil *g, GilThread *t, int from_io) { (void)from_io; gil_note_running(g, t, 1); }
static void unsafe_drop(Gil *g, GilThread *t, int why) { (void)why; gil_note_running(g, t, 0); }
static int unsafe_eval_breaker(Gil *g, GilThread *t) { (void)g; (void)t; return 0; }
static void unsafe_enter(Gil *g) {
    (void)g;
    rc_atomic = false;
    gil_unsafe_active = true;
    install_fault_handlers(true);
    if (g->interp) g->interp->eval_breaker = 0;
}
static void unsafe_leave(Gil *g) {
    (void)g;
    gil_unsafe_active = false;
    install_fault_handlers(false);
}

const GilOps gil_ops_unsafe = {
    .name = "unsafe", .has_lock = 0, .enter = unsafe_enter, .leave = unsafe_leave,
    .take = unsafe_take, .drop = unsafe_drop, .eval_breaker = unsafe_eval_breaker,
};

/* ---- detection helpers for the object code (active only while gil_unsafe_active) ------------ */
/* A freed object gets this type (gil_poison, called by obj_free before the memory is released):
 * any later use through its type — a DECREF to zero (double free), repr, attribute access —
 * lands in the poison slots, which report instead of crashing. The allocator's header sits
 * before the object, so the poison survives until the memory is reused. */
static void poison_dealloc(Obj *o) { (void)o; gil_report_corruption("freed object (double free)"); }
static Obj *poison_repr(Obj *o) {
    (void)o;
    gil_report_corruption("freed object (use after free)");
    return exc_raise(RuntimeError_t, "refcount corruption detected (use of a freed object)");
}
static Obj *poison_getattr(Obj *o, Obj *name) { (void)name; return poison_repr(o); }

Type gil_poison_type = {
    .base = {IMMORTAL_REFCNT, &type_type}, .name = "<freed object>", .base_type = NULL,
    .size = sizeof(Obj), .dealloc = poison_dealloc, .repr = poison_repr,
    .getattr = poison_getattr,
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
