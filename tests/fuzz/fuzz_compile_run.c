/*
 * tests/fuzz/fuzz_compile_run.c — libFuzzer target over the whole front end and VM.
 *
 * Built and run by `make fuzz` (mk/tests.mk) with clang -fsanitize=fuzzer,address,undefined over
 * every interp/ C file except host_main.c (libFuzzer brings its own main). Each input is taken as a
 * Python source file: a fresh interpreter (small memory arena, low recursion limit) compiles and
 * runs it through tollpy_run_source(); every thread the input started is stopped and gone before
 * the interpreter is freed (fuzz_common.h), so no input can leave work behind for the next one.
 * Every outcome that is a Python exception is fine; what the fuzzer looks for is a crash, a
 * sanitizer report, or a hang in C.
 *
 * Budget, two of them, each in two stages: at the first limit the main thread gets
 * KeyboardInterrupt (SIGINT, which port_linux.c's handler turns into a pending interrupt; the VM
 * raises it at its next backward jump or call); an input still running at twice the limit (it
 * caught KeyboardInterrupt) gets the interpreter's stop request: SystemExit in every thread at
 * every check point until it ends (fuzz_interp_end clears it). libFuzzer must therefore be
 * started with -handle_int=0 (make fuzz does).
 *  - Instructions (the one a looping input meets): the VM polls port_interrupt_pending() once
 *    per 4096 eval-breaker check points (backward jumps and calls; vm.c, CHECK_BREAKER), and the
 *    fuzz link wraps that function (-Wl,--wrap=port_interrupt_pending, mk/tests.mk) to count the
 *    polls of the current input, all threads together. FUZZ_BUDGET_POLLS polls = about 0.5 M
 *    check points, some 10-20 ms of an ASan build. A count, not a clock: an input is cut at the
 *    same point on every run and on every machine, however loaded, so what libFuzzer keeps and
 *    what an artifact reproduces does not depend on timing. (The `old` GIL policy's
 *    check-every-instruction mode also polls once per eval-breaker call, so under TOLLPY_GIL=old
 *    with threads the budget runs out sooner.)
 *  - Wall clock (sleeps, lock waits, a C loop between check points): a watchdog thread looks
 *    every 5 ms whether the input has run longer than FUZZ_BUDGET_MS.
 * Long C loops that never reach an eval-breaker check (a huge bigint power, say) are caught by
 * libFuzzer's own -timeout and reported as timeouts.
 *
 * Interpreter output goes to the fuzzer's stdout/stderr; make fuzz passes -close_fd_mask=3.
 */
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "fuzz_common.h"

#ifndef FUZZ_MEM_LIMIT
#define FUZZ_MEM_LIMIT (32u << 20)       /* bytes the interpreter's arena may hold */
#endif
#ifndef FUZZ_RECURSION_LIMIT
#define FUZZ_RECURSION_LIMIT 200
#endif
#ifndef FUZZ_BUDGET_MS
#define FUZZ_BUDGET_MS 100
#endif
#ifndef FUZZ_BUDGET_POLLS
#define FUZZ_BUDGET_POLLS 128             /* x 4096 eval-breaker check points */
#endif
#define FUZZ_MAX_INPUT 65536
/* How long the input's remaining threads get to honour the stop request (hang guard only: a
 * cooperative stop takes a few ms; libFuzzer's -timeout=10 usually reports a stuck C loop first). */
#define FUZZ_STOP_MS 20000

/* running_mx guards `running`: the watchdog uses the interpreter only while holding it, and the
 * input's thread clears `running` under it before freeing the interpreter. */
static pthread_mutex_t running_mx = PTHREAD_MUTEX_INITIALIZER;
static Interp *running;                  /* interpreter of the input being run, or NULL */
static atomic_llong started_ms;          /* when it started (CLOCK_MONOTONIC ms) */
static atomic_int fired;

static void *watchdog(void *arg)
{
    (void)arg;
    for (;;) {
        usleep(5000);
        pthread_mutex_lock(&running_mx);
        Interp *in = running;
        long long ran = in ? fuzz_now_ms() - atomic_load(&started_ms) : 0;
        if (in && atomic_load(&fired) == 0 && ran > FUZZ_BUDGET_MS) {
            atomic_store(&fired, 1);
            kill(getpid(), SIGINT);      /* port_linux.c: sets the pending-interrupt flag */
            in->eval_breaker = 1;        /* make the VM look at it */
        } else if (in && atomic_load(&fired) == 1 && ran > 2 * FUZZ_BUDGET_MS) {
            /* The input caught KeyboardInterrupt and went on: stop every thread for good
             * (SystemExit at each check point until it ends; fuzz_interp_end clears it). */
            atomic_store(&fired, 2);
            in->stop_request = 1;
            in->eval_breaker = 1;
        }
        pthread_mutex_unlock(&running_mx);
    }
    return NULL;
}

static void set_running(Interp *in)
{
    pthread_mutex_lock(&running_mx);
    running = in;
    pthread_mutex_unlock(&running_mx);
}

/* The instruction budget (see the top of this file). `polls` counts the current input's calls
 * from any thread; LLVMFuzzerTestOneInput resets it before the input starts. The first stage
 * raises SIGINT in the polling thread itself (raise: the handler has run when it returns), so the
 * real port_interrupt_pending() below already reports it. */
static atomic_long polls;
bool __real_port_interrupt_pending(void);
bool __wrap_port_interrupt_pending(void);
bool __wrap_port_interrupt_pending(void)
{
    long n = atomic_fetch_add(&polls, 1) + 1;
    if (n == FUZZ_BUDGET_POLLS) {
        raise(SIGINT);
    } else if (n == 2 * FUZZ_BUDGET_POLLS) {
        pthread_mutex_lock(&running_mx);
        if (running) {
            running->stop_request = 1;
            running->eval_breaker = 1;
        }
        pthread_mutex_unlock(&running_mx);
    }
    return __real_port_interrupt_pending();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    pthread_t t;
    pthread_create(&t, NULL, watchdog, NULL);
    pthread_detach(t);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > FUZZ_MAX_INPUT)
        return -1;                        /* keep inputs small: depth, not bulk, finds bugs */
    /* Exactly-sized copy plus a terminator: ASan flags any read past the source's end. */
    char *src = malloc(size + 1);
    if (!src)
        return 0;
    memcpy(src, data, size);
    src[size] = '\0';

    Interp *in = fuzz_interp_start(FUZZ_MEM_LIMIT, FUZZ_RECURSION_LIMIT);
    if (!in) {
        free(src);
        return 0;
    }
    atomic_store(&fired, 0);
    atomic_store(&polls, 0);
    port_interrupt_clear();              /* a late SIGINT from the previous input's budget */
    atomic_store(&started_ms, fuzz_now_ms());
    set_running(in);

    (void)tollpy_run_source("<fuzz>", src, size);

    set_running(NULL);
    fuzz_interp_end(in, FUZZ_STOP_MS);
    free(src);
    return 0;
}
