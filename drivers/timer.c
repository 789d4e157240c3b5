/*
 * drivers/timer.c — per-core one-shot deadlines on the virtual timer. kernel/sched.c programs
 * each core's next deadline (end of slice or earliest sleeper) with timer_set_deadline; the
 * interrupt (PPI 27, banked per core) is handled in kernel/trap.c. Conversions avoid 64-bit
 * overflow for any realistic duration (ns up to ~2^63 / 62.5 MHz).
 */
#include "drivers/timer.h"

uint32_t timer_hz;

void timer_init(void)
{
    timer_hz = timer_freq();
    timer_cancel();
}

void timer_set_deadline(uint64_t cval)
{
    __asm__ volatile("mcrr p15, 3, %0, %1, c14" :: "r"((uint32_t)cval), "r"((uint32_t)(cval >> 32)));
    __asm__ volatile("mcr p15, 0, %0, c14, c3, 1; isb" :: "r"(1u));   /* ENABLE, not masked */
}

void timer_cancel(void)
{
    __asm__ volatile("mcr p15, 0, %0, c14, c3, 1; isb" :: "r"(0u));
}

uint64_t timer_ns_to_ticks(uint64_t ns)
{
    uint64_t s = ns / 1000000000u, r = ns % 1000000000u;
    return s * timer_hz + (r * timer_hz + 999999999u) / 1000000000u;   /* round up: never early */
}

uint64_t timer_ticks_to_ns(uint64_t t)
{
    uint64_t s = t / timer_hz, r = t % timer_hz;
    return s * 1000000000u + r * 1000000000u / timer_hz;
}
