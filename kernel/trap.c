/*
 * kernel/trap.c — interrupt dispatch, called by boot/vectors.S on the interrupted thread's stack
 * with interrupts masked. Handles every pending interrupt, charges the time to the core's
 * interrupt account (not to the thread), then preempts if a handler asked for it.
 */
#include "kernel/cpu.h"
#include "kernel/thread.h"
#include "kernel/console.h"
#include "kernel/trace.h"
#include "drivers/gic.h"
#include "drivers/virtio.h"
#include "drivers/timer.h"
#include "kernel/trap.h"
#include "kernel/panic.h"
#include "kernel/stack.h"
#include "kernel/spinlock.h"
#include <string.h>

/* ---- fault containment (kernel/trap.h) ------------------------------------------------------ */
static trap_fault_hook fault_hook;
static trap_lock_is_client fault_lock_is_client;     /* written before fault_hook is published */
extern char __ktext_start[], __ktext_end[];          /* boot/kernel.ld */
void exception_panic(int type, uint32_t *frame);      /* kernel/panic.c: never returns */
void fault_resume(void);                               /* boot/vectors.S */

void trap_set_fault_hook(trap_fault_hook h, trap_lock_is_client lock_is_client)
{
    /* The release store of fault_hook orders the predicate's store before it: a handler that
     * acquires a non-NULL hook sees the predicate registered with it. */
    __atomic_store_n(&fault_lock_is_client, lock_is_client, __ATOMIC_RELAXED);
    __atomic_store_n(&fault_hook, h, __ATOMIC_RELEASE);
}

/* The fault's backtrace, read in the handler (the continuation reuses the stack from its top, so
 * the outer frames are gone by then): pc, lr, then the return addresses of the frame-pointer
 * chain (ARM state, -fno-omit-frame-pointer: fp points at the saved lr, the caller's fp just
 * below it). Every word read lies inside the thread's own stack, so reading cannot fault here. */
static int fault_backtrace(uint32_t *bt, uint32_t fp, uint32_t pc, uint32_t lr, uint32_t lo, uint32_t hi)
{
    int n = 0;
    bt[n++] = pc;
    if (lr && lr != pc)
        bt[n++] = lr;
    while (n < TRAP_FAULT_BT && fp >= lo + 4 && fp + 4 <= hi && (fp & 3) == 0) {
        uint32_t ret = *(uint32_t *)fp, next = *(uint32_t *)(fp - 4);
        if (ret != bt[n - 1])
            bt[n++] = ret;
        if (next <= fp)
            break;
        fp = next;
    }
    return n;
}

/* An interrupt taken when the thread's stack was nearly used up: irq_entry (boot/vectors.S, the
 * code right after the vector table, up to irq_return) stores the interrupted state on that
 * stack and hits its guard page before irq_dispatch runs — no kernel state has changed yet (the
 * interrupt is not even acknowledged: it stays pending and is taken again later). The overflow
 * is the interrupted thread's. Returns the interrupted pc, found where irq_entry's srsdb put it
 * (lr_irq, or the stack slot at the offset each store has reached), or 0 if the fault is not one
 * of those stores or the interrupted context was not a thread's (SVC, interrupts on). */
extern char vectors[], irq_return[];                   /* boot/vectors.S */
static uint32_t irq_entry_interrupted_pc(const uint32_t *frame, uint32_t lo, uint32_t hi)
{
    uint32_t entry = (uint32_t)vectors + 32, pc = frame[16], sp = frame[1], r1 = frame[3 + 1];
    if (*(const uint32_t *)((uint32_t)vectors + 24) != 0xea000000u)  /* "b .+8": irq_entry follows */
        return 0;
    if (pc < entry || pc >= (uint32_t)irq_return)
        return 0;
    if (pc - entry == 4)                               /* srsdb, still in IRQ mode */
        return (frame[0] & 0x1f) == 0x12 ? frame[2] : 0;
    if ((frame[0] & 0x1f) != 0x13 || (r1 & ~4u))
        return 0;
    uint32_t at;
    switch (pc - entry) {                              /* the bytes pushed since srsdb, r1: realign */
    case 12: at = sp; break;                           /* push {r0-r3, r12, lr} */
    case 24: at = sp + r1 + 24; break;                 /* push {r1, r2} */
    case 28: at = sp + 8 + r1 + 24; break;             /* vpush {d0-d7} */
    case 32: at = sp + 64 + 8 + r1 + 24; break;        /* vpush {d16-d31} */
    case 40: at = sp + 128 + 64 + 8 + r1 + 24; break;  /* push {r0, r1} */
    default: return 0;
    }
    if (at < lo || at + 8 > hi)
        return 0;
    uint32_t ipc = ((const uint32_t *)at)[0], icpsr = ((const uint32_t *)at)[1];
    return (icpsr & 0x1f) == 0x13 && !(icpsr & 0x80) ? ipc : 0;
}

/* A fault the hook takes: the frame is rewritten so that the exception return lands in
 * fault_resume (SVC mode, interrupts on) with r0 = the fault record at the top of the thread's
 * stack (which becomes its sp) and r1 = the continuation. No kernel state can be half-updated:
 * the code was not the kernel's, and every spinlock held (each disables interrupts) is the
 * client's own — those are released here, the data they guard is the client's to discard; the
 * thread is running, so it is on no wait queue. */
static int trap_contain(int type, uint32_t *frame)
{
    static const char *const what[] = { "?", "undefined instruction", "?", "prefetch abort", "data abort" };
    if (type != 1 && type != 3 && type != 4)
        return 0;
    trap_fault_hook h = __atomic_load_n(&fault_hook, __ATOMIC_ACQUIRE);
    uint32_t spsr = frame[0];
    struct cpu *c = mycpu();
    struct thread *t = c->cur;
    if (!h || panicking || !t || t == c->idle || !t->stack)
        return 0;
    uint32_t addr = 0;
    if (type == 4)
        __asm__ volatile("mrc p15, 0, %0, c6, c0, 0" : "=r"(addr));
    else if (type == 3)
        __asm__ volatile("mrc p15, 0, %0, c6, c0, 2" : "=r"(addr));
    uint32_t base = (uint32_t)t->stack, guard_lo = base - PAGE_SIZE;
    uint32_t top = (base + t->stack_size) & ~7u;
    struct trap_fault *f = (struct trap_fault *)((top - sizeof *f) & ~7u);
    int guard = 0;
    if (type != 1 && mmu_arena_is_guard(addr)) {
        if (addr < guard_lo || addr >= base)           /* another thread's guard page */
            return 0;
        guard = 1;                                     /* its own stack overflowed in this code */
    }
    uint32_t pc = frame[16], lr = frame[2];
    uint32_t ipc = guard && !c->noff && !c->locks_held ? irq_entry_interrupted_pc(frame, base, (uint32_t)f) : 0;
    int nlocks = c->locks_held;
    if (ipc) {                                         /* overflowed by an interrupt's entry */
        pc = ipc;
        lr = 0;
    } else {
        if ((spsr & 0x1f) != 0x13)                     /* not SVC: an interrupt handler, a nested fault */
            return 0;
        /* Interrupts off only through the client's own spinlocks: each push_off is one of theirs
         * (noff == locks_held), interrupts were on before the first (intena), all are recorded. */
        if (nlocks == 0 ? (c->noff || (spsr & 0x80)) : (c->noff != nlocks || !c->intena || nlocks > 8))
            return 0;
        /* sp on its own stack; after an overflow it may already point into the guard page */
        if (frame[1] > top || frame[1] < (guard ? guard_lo : base))
            return 0;
    }
    if (pc >= (uint32_t)__ktext_start && pc < (uint32_t)__ktext_end)   /* the kernel's own code */
        return 0;
    trap_lock_is_client is_client = __atomic_load_n(&fault_lock_is_client, __ATOMIC_RELAXED);
    for (int i = 0; i < nlocks; i++)
        if (!is_client || !is_client(c->held[i]))
            return 0;
    uint32_t bt[TRAP_FAULT_BT];
    int nbt = fault_backtrace(bt, frame[3 + 11], pc, lr, base, (uint32_t)f);
    memset(f, 0, sizeof *f);
    f->kind = type;
    f->what = what[type];
    f->pc = pc;
    f->addr = addr;
    f->tid = t->tid;
    f->cpu = c->id;
    f->guard = guard;
    f->stack_size = (uint32_t)t->stack_size;
    f->in_irq_entry = ipc != 0;
    memcpy(f->thread, t->name, sizeof f->thread);
    memcpy(f->bt, bt, sizeof bt);
    f->nbt = nbt;
    trap_fault_cont k = h(f);
    if (!k)
        return 0;
    /* The client's locks are let go as spin_unlock would, minus pop_off's irq_enable (we are in
     * the exception handler): the exception return below turns interrupts on. */
    for (int i = nlocks - 1; i >= 0; i--) {
        struct spinlock *l = c->held[i];
        l->cpu = -1;
        l->holder = 0;
        __asm__ volatile("dmb" ::: "memory");
        l->locked = 0;
        __asm__ volatile("dsb; sev" ::: "memory");
    }
    c->locks_held = 0;
    c->noff = 0;
    f->locks_released = nlocks;
    frame[3 + 0] = (uint32_t)f;                      /* r0 */
    frame[3 + 1] = (uint32_t)k;                      /* r1 */
    frame[16] = (uint32_t)fault_resume;              /* pc */
    /* The thread's sp (SVC bank) is moved to f here, with interrupts still masked: the return
     * below unmasks them, and an interrupt pending then is taken before fault_resume's first
     * instruction — its entry would push onto the old sp, in the guard page after an overflow
     * (and fault again, forever). Only `mov sp` runs in SVC mode: no stack is used there. */
    __asm__ volatile("mrs r12, cpsr\n\tcps #0x13\n\tmov sp, %0\n\tmsr cpsr_c, r12"
                     :: "r"(f) : "r12", "memory");
    frame[0] = (spsr & 0x140) | 0x13;                /* SVC, ARM state, IRQs on, A/F as they were */
    return 1;
}

/* From boot/vectors.S for every fault: returns only if the fault was contained (frame rewritten). */
void exception_entry(int type, uint32_t *frame)
{
    if (trap_contain(type, frame))
        return;
    exception_panic(type, frame);
}

void irq_dispatch(void)
{
    struct cpu *c = mycpu();
    uint64_t t0 = timer_now();
    uint32_t last = 0;
    for (;;) {
        uint32_t iar = gic_ack();
        uint32_t irq = iar & 0x3ff;
        if (irq >= 1020)
            break;
        c->n_irq++;
        last = irq;
        switch (irq) {
        case IRQ_VTIMER:
            sched_timer_irq();
            break;
        case IRQ_UART0:
            console_rx_irq();
            break;
        case SGI_RESCHED:
            sched_resched_irq();
            break;
        case SGI_STOP:                    /* another core panicked: stop quietly */
            gic_eoi(iar);
            timer_cancel();
            gic_cpu_disable();            /* nothing pending any more, so WFI really sleeps */
            for (;;)
                cpu_wfi();
        default:
            if (irq >= VIRTIO_IRQ_BASE && irq < VIRTIO_IRQ_BASE + VIRTIO_MMIO_SLOTS)
                virtio_irq((int)irq - VIRTIO_IRQ_BASE);
            break;
        }
        gic_eoi(iar);
    }
    uint64_t dt = timer_now() - t0;
    c->t_irq += dt;
    if (dt > c->irq_max) {
        c->irq_max = dt;
        c->irq_max_id = last;
    }
    c->switch_ts += dt;
    if (c->need_resched) {
        c->need_resched = 0;
        sched_preempt();
    }
}
