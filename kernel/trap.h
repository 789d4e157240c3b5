/*
 * kernel/trap.h — fault containment. By default every fault (undefined instruction, prefetch or
 * data abort) is a kernel panic. A client (ports/guest/port_guest.c, for the interpreter: every GIL policy)
 * may register one hook that is asked first about a fault in a thread's own context:
 * SVC mode with interrupts enabled (so no spinlock held on that core, not an interrupt handler)
 * — or disabled only by spinlocks that are all the client's own (the lock_is_client predicate
 * registered with the hook: the interpreter's port_spin locks, e.g. an objlock section under the `none` policy), which the
 * handler then force-releases (the data they guard belongs to the client, which abandons it),
 * pc outside the kernel's own code (boot/, kernel/, drivers/: __ktext_start..__ktext_end in
 * boot/kernel.ld), not an idle thread, no panic in progress, and for an abort on a stack guard
 * page only the faulting thread's own guard page (its stack overflowed in that code: f->guard),
 * also when the access that hit it was an interrupt entry's push of the interrupted state
 * (before irq_dispatch: no kernel state touched; the interrupted pc must pass the same checks).
 * Everything else — a fault in kernel code, with a kernel spinlock held, in an interrupt handler, on
 * another thread's guard page — is a kernel bug and panics. The hook runs in the
 * exception handler (abort/undef mode, interrupts off): it must be short and take no lock. It
 * returns NULL (panic as before) or a continuation: the faulting thread then never returns to the
 * faulting code; it resumes in cont(f) in SVC mode with interrupts on, on its own stack reset to
 * its top (f is stored there). cont must not return (it ends with thread_exit() or equivalent).
 * fault_report_contained(f) (kernel/panic.c) prints the kernel's part of the report (kind, pc
 * with symbol, fault address, thread, the backtrace captured in the handler); call it from cont.
 */
#ifndef KERNEL_TRAP_H
#define KERNEL_TRAP_H
#include <stdint.h>
#include "kernel/thread.h"

#define TRAP_FAULT_BT 10
struct trap_fault {
    int kind;                       /* 1 undefined instruction, 3 prefetch abort, 4 data abort */
    const char *what;               /* "undefined instruction", "prefetch abort", "data abort" */
    uint32_t pc, addr;              /* faulting pc; fault address (aborts), else 0 */
    uint32_t tid;
    int cpu;
    int guard;                      /* the abort hit the thread's own stack guard page */
    int in_irq_entry;               /* ... while an interrupt's entry pushed onto that stack;
                                       pc is then the interrupted one */
    uint32_t stack_size;
    char thread[THREAD_NAME_LEN];
    void *cookie;                   /* for the hook's own use (set by the hook) */
    uint32_t bt[TRAP_FAULT_BT];     /* pc, lr, then the frame-pointer chain's return addresses */
    int nbt;
    int locks_released;             /* the client's spinlocks it held, force-released */
};
typedef void (*trap_fault_cont)(const struct trap_fault *f);             /* never returns */
typedef trap_fault_cont (*trap_fault_hook)(struct trap_fault *f);
/* lock_is_client(l): l is one of the client's own spinlocks (held at a fault, it may be contained
 * and force-released); called in the exception handler, so short and lock-free. */
struct spinlock;
typedef int (*trap_lock_is_client)(const struct spinlock *l);
/* h NULL: none (every fault panics). lock_is_client NULL: no lock is the client's. */
void trap_set_fault_hook(trap_fault_hook h, trap_lock_is_client lock_is_client);
void fault_report_contained(const struct trap_fault *f);   /* kernel/panic.c; thread context */
#endif
