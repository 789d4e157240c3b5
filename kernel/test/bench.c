/*
 * kernel/test/bench.c — the `bench` shell command: kernel figures in guest time (generic timer).
 * Not a test: numbers depend on the host. tests/bench/kernel_bench.sh runs it and adds the
 * host-side boot-to-banner wall time.
 */
#include "kernel/shell.h"
#include "kernel/console.h"
#include "kernel/cpu.h"
#include "kernel/thread.h"
#include "drivers/timer.h"

uint64_t pingpong(int core0, int core1, int rounds, uint64_t *round_trip_ns);
int sleep_accuracy(uint64_t *median_us, uint64_t *max_us, int *within);

#define YIELDS 20000
static volatile uint64_t yield_t0, yield_t1;

static void yielder(void *a)
{
    (void)a;
    for (int i = 0; i < YIELDS; i++)
        thread_yield();
}

static void fmt_ns(const char *what, uint64_t ps)     /* ps = picoseconds */
{
    kprintf("bench: %-36s %llu.%03llu us\n", what, (unsigned long long)(ps / 1000000),
            (unsigned long long)(ps / 1000 % 1000));
}

static uint64_t bench_spin(void)           /* ps per lock+unlock */
{
    spinlock_t l = SPINLOCK_INIT("bench");
    const int N = 200000;
    uint64_t t0 = timer_now();
    for (int i = 0; i < N; i++) {
        spin_lock(&l);
        spin_unlock(&l);
    }
    return timer_ticks_to_ns(timer_now() - t0) * 1000 / N;
}

static uint64_t bench_switch(int core)     /* ps per switch */
{
    const char *err;
    uint64_t t0 = timer_now();
    struct thread *a = thread_create("yield-a", yielder, 0, 0, core, &err);
    struct thread *b = thread_create("yield-b", yielder, 0, 0, core, &err);
    if (a)
        thread_join(a, 60000000000ull);
    if (b)
        thread_join(b, 60000000000ull);
    return timer_ticks_to_ns(timer_now() - t0) * 1000 / (2 * YIELDS);
}

#define BEST_OF 3   /* the host is shared: report the best of three runs */
#define BEST(var, expr)                                    \
    do {                                                   \
        var = UINT64_MAX;                                  \
        for (int r_ = 0; r_ < BEST_OF; r_++) {             \
            uint64_t v_ = (expr);                          \
            if (v_ && v_ < var)                            \
                var = v_;                                  \
        }                                                  \
    } while (0)

static void bench_run(void)
{
    uint64_t v, rt;
    int core = cpus_online() > 1 ? 1 : 0;

    BEST(v, bench_spin());
    fmt_ns("spinlock lock+unlock (uncontended)", v);
    BEST(v, bench_switch(core));
    fmt_ns("context switch (yield, same core)", v);
    if (cpus_online() > 1) {
        uint64_t lat = UINT64_MAX, best_rt = UINT64_MAX;
        for (int r = 0; r < BEST_OF; r++) {
            uint64_t l = pingpong(0, 1, 1000, &rt);
            if (l && l < lat)
                lat = l;
            if (l && rt < best_rt)
                best_rt = rt;
        }
        fmt_ns("cross-core wake-up latency", lat * 1000);
        fmt_ns("wait-queue ping-pong round trip", best_rt * 1000);
    }
    BEST(v, pingpong(core, core, 1000, &rt));
    fmt_ns("same-core wake-up latency", v * 1000);

    uint64_t med, max;
    int within;
    if (sleep_accuracy(&med, &max, &within) == 0)
        kprintf("bench: 1 ms sleep overshoot: median %llu us, max %llu us, %d/50 within 100 us\n",
                (unsigned long long)med, (unsigned long long)max, within);
    kprintf("bench: done (%d cores online; best of %d runs per figure)\n", cpus_online(), BEST_OF);
}

static int cmd_bench(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    bench_run();
    return 0;
}
SHELL_COMMAND(bench, "bench", "bench              kernel figures: context switch, wake-up latency, spinlock",
              cmd_bench);
