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
#include "drivers/timer.h"

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
