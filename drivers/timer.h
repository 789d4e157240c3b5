/* drivers/timer.h — ARM generic timer, virtual view (CNTVCT, CNTV_CVAL/CTL, PPI 27). */
#ifndef DRIVERS_TIMER_H
#define DRIVERS_TIMER_H
#include <stdint.h>

static inline uint64_t timer_now(void)
{
    uint32_t lo, hi;
    __asm__ volatile("isb; mrrc p15, 1, %0, %1, c14" : "=r"(lo), "=r"(hi) :: "memory");
    return ((uint64_t)hi << 32) | lo;
}
static inline uint32_t timer_freq(void)
{
    uint32_t f;
    __asm__ volatile("mrc p15, 0, %0, c14, c0, 0" : "=r"(f));
    return f;
}
void     timer_init(void);                 /* per core: read CNTFRQ, disable the virtual timer */
void     timer_set_deadline(uint64_t cval); /* one-shot: fire when CNTVCT >= cval */
void     timer_cancel(void);
uint64_t timer_ns_to_ticks(uint64_t ns);
uint64_t timer_ticks_to_ns(uint64_t ticks);
extern uint32_t timer_hz;
#endif
