/*
 * kernel/cpu.h — per-core state and interrupt masking.
 * Each core finds its struct cpu through TPIDRPRW (set once when the core starts). Fields marked
 * [sched] are protected by sched_lock; the rest are touched only by the owning core with
 * interrupts off. mycpu() is only meaningful while interrupts are off (a thread may migrate).
 */
#ifndef KERNEL_CPU_H
#define KERNEL_CPU_H
#include <stdint.h>
#include "kernel/tunables.h"

struct thread;
struct spinlock;

struct cpu {
    int id;
    volatile int online;           /* [sched] scheduling threads */
    volatile int offline_req;      /* [sched] asked to go offline at its next idle moment */
    volatile int kicked;           /* [sched] an SGI_RESCHED is on its way */
    struct thread *cur;            /* running thread (the idle thread when idle) */
    struct thread *idle;
    struct thread *switched_from;  /* set across swtch for sched_finish */
    int noff, intena, locks_held;  /* interrupt-disable nesting, spinlocks held */
    struct spinlock *held[8];      /* the first 8 locks held, for panic messages */
    volatile int need_resched;
    uint64_t slice_end;            /* ticks; 0 when the idle thread runs */
    struct thread *timeouts;       /* [sched] sleepers with a deadline, sorted, on this core's timer */
    uint64_t armed;                /* deadline programmed into this core's timer, 0 = none */
    /* accounting, in timer ticks (kernel/sched.c, kernel/trap.c) */
    uint64_t switch_ts;
    uint64_t t_busy, t_idle, t_irq;
    uint64_t n_irq, n_switch;
    uint64_t irq_max;              /* longest interrupt handling, ticks */
    uint32_t irq_max_id;
    uint64_t online_since;
};

extern struct cpu cpus[MAX_CPUS];
extern int cpus_possible;

static inline struct cpu *mycpu(void)
{
    struct cpu *c;
    __asm__ volatile("mrc p15, 0, %0, c13, c0, 4" : "=r"(c));
    return c;
}
static inline void cpu_set_self(struct cpu *c)
{
    __asm__ volatile("mcr p15, 0, %0, c13, c0, 4" :: "r"(c));
}
static inline int cpu_id(void) { return mycpu()->id; }

static inline int irq_enabled(void)
{
    uint32_t cpsr;
    __asm__ volatile("mrs %0, cpsr" : "=r"(cpsr));
    return !(cpsr & 0x80);
}
static inline void irq_disable(void) { __asm__ volatile("cpsid i" ::: "memory"); }
static inline void irq_enable(void)  { __asm__ volatile("cpsie i" ::: "memory"); }
static inline void cpu_wfi(void)     { __asm__ volatile("dsb; wfi" ::: "memory"); }

int  cpus_online(void);
int  cpu_offline(int n);   /* 0, or -1 with a message printed; sleeps until the core is off */
int  cpu_online(int n);
int  cpu_set_count(int n);
void secondary_main(int id);
void cpu_times(int id, uint64_t *busy, uint64_t *idle, uint64_t *irq);  /* ticks */
void cpus_start_secondaries(void);
#endif
