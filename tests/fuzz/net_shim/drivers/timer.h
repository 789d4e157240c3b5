/*
 * tests/fuzz/net_shim/drivers/timer.h — the host stand-in for drivers/timer.h when the C files of net/ are
 * built for the fuzz target (tests/fuzz/fuzz_net.c): the real header reads the ARM generic timer
 * with inline assembly. Found first because the target's build puts tests/fuzz/net_shim before
 * the tree root on the include path. Time is a counter the harness advances (shim_clock_ns), so
 * every run of an input sees the same times: ticks are nanoseconds.
 */
#ifndef DRIVERS_TIMER_H
#define DRIVERS_TIMER_H
#include <stdint.h>
extern uint64_t shim_clock_ns;
static inline uint64_t timer_now(void) { return shim_clock_ns; }
static inline uint64_t timer_ticks_to_ns(uint64_t t) { return t; }
#endif
