/*
 * tests/fuzz/fuzz_common.h — the interpreter lifecycle shared by the fuzz harnesses
 * (fuzz_compile_run.c: libFuzzer over raw source; diff_runner.c: the tollpy side of the
 * differential fuzzer). Header-only (static functions): each harness is one translation unit.
 *
 *   Interp *in = fuzz_interp_start(mem_limit, recursion_limit);   // fresh interpreter
 *   tollpy_run_source(...);                                       // joins threading's threads
 *   fuzz_interp_end(in, stop_ms);                                 // stops the rest, then frees
 *
 * Invariant (the reason this file exists): an interpreter is freed only once every Python
 * thread it started is gone. tollpy_run_source joins only threading's non-daemon threads (as
 * CPython's Py_FinalizeEx does); a `_thread` thread or a daemon thread may still be running
 * bytecode. fuzz_interp_end sets the interpreter's stop_request (the same cooperative stop
 * multiprocessing's terminate() uses: every thread gets SystemExit at its next eval-breaker
 * check, lock waits and sleeps return early) and waits, without the GIL, until
 * gil_thread_count() is back to 1. A thread that has not stopped after stop_ms is a finding
 * (a C loop that never reaches an eval-breaker check, or a stop that is lost): the harness
 * aborts with a message rather than free memory that thread still uses.
 *
 * Race at the end: an exiting thread decrements the GIL's thread count inside
 * gil_thread_fini while holding the GIL's spinlock and releases it right after; gil_stats()
 * takes that spinlock, so calling it once after the count reached 1 waits out the release
 * before gil_free runs.
 *
 * sys.setgilpolicy is removed from each fuzzed interpreter: the `unsafe` policy corrupts memory
 * by design (and ends the process with _exit(1)), which is not a finding. The policy is chosen
 * for the whole run with TOLLPY_GIL (e.g. TOLLPY_GIL=none to fuzz the free-threaded build).
 */
#ifndef TESTS_FUZZ_FUZZ_COMMON_H
#define TESTS_FUZZ_FUZZ_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "gil/gil.h"
#include "runtime/interp.h"
#include "port/port.h"

static long long fuzz_now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* A fresh interpreter whose thread is the calling one; NULL if initialisation failed. */
static Interp *fuzz_interp_start(size_t mem_limit, int recursion_limit)
{
    Interp *in = interp_new(mem_limit);
    if (!in)
        return NULL;
    in->recursion_limit = recursion_limit;
    Obj *k = str_from_cstr("setgilpolicy");
    if (k) {
        if (dict_get(in->sysdict, k))
            (void)dict_del(in->sysdict, k);
        DECREF(k);
    }
    exc_clear();
    return in;
}

/* Stop every other thread of `in` (see the top of this file), then free it. */
static void fuzz_interp_end(Interp *in, long long stop_ms)
{
    ThreadState *ts = ts_get();
    if (gil_thread_count(in) > 1) {
        long long t0 = fuzz_now_ms();
        in->stop_request = 1;
        in->eval_breaker = 1;
        while (gil_thread_count(in) > 1) {
            if (fuzz_now_ms() - t0 > stop_ms) {
                static const char msg[] = "fuzz harness: a Python thread ignored the interpreter's "
                                          "stop request (SystemExit at its next check point)\n";
                (void)!write(2, msg, sizeof msg - 1);
                abort();
            }
            gil_before_blocking(ts);
            usleep(1000);
            gil_after_blocking(ts);
            in->eval_breaker = 1;
        }
        in->stop_request = 0;
        GilStats st;
        gil_stats(in, &st);       /* waits until the last exiting thread left the GIL's spinlock */
    }
    exc_clear();
    interp_free(in);
}

#endif
