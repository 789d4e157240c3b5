/*
 * tests/fuzz/fuzz_compile_run.c — libFuzzer target over the whole front end and VM.
 *
 * Built and run by `make fuzz` (mk/tests.mk) with clang -fsanitize=fuzzer,address,undefined over
 * every interp/ C file except host_main.c (libFuzzer brings its own main). Each input is taken as a
 * Python source file: a fresh interpreter (small memory arena, low recursion limit) compiles and
 * runs it through tollpy_run_source(), then is freed. Every outcome that is a Python exception is
 * fine; what the fuzzer looks for is a crash, a sanitizer report, or a hang in C.
 *
 * Budget: a single watchdog thread checks every 5 ms whether the current input has run longer
 * than FUZZ_BUDGET_MS; if so it raises SIGINT, which port_linux.c's handler turns into a pending
 * interrupt, and sets the eval breaker so the VM raises KeyboardInterrupt at its next backward
 * jump or call. libFuzzer must therefore be started with -handle_int=0 (make fuzz does). Long C
 * loops that never reach an eval-breaker check (a huge bigint power, say) are caught by
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

#include "interp.h"
#include "port.h"

#ifndef FUZZ_MEM_LIMIT
#define FUZZ_MEM_LIMIT (32u << 20)       /* bytes the interpreter's arena may hold */
#endif
#ifndef FUZZ_RECURSION_LIMIT
#define FUZZ_RECURSION_LIMIT 200
#endif
#ifndef FUZZ_BUDGET_MS
#define FUZZ_BUDGET_MS 300
#endif
#define FUZZ_MAX_INPUT 65536

static _Atomic(Interp *) running;        /* interpreter of the input being run, or NULL */
static atomic_llong started_ms;          /* when it started (CLOCK_MONOTONIC ms) */
static atomic_int fired;

static long long now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static void *watchdog(void *arg)
{
    (void)arg;
    for (;;) {
        usleep(5000);
        Interp *in = atomic_load(&running);
        if (!in || atomic_load(&fired))
            continue;
        if (now_ms() - atomic_load(&started_ms) > FUZZ_BUDGET_MS) {
            atomic_store(&fired, 1);
            kill(getpid(), SIGINT);      /* port_linux.c: sets the pending-interrupt flag */
            in->eval_breaker = 1;        /* make the VM look at it */
        }
    }
    return NULL;
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

    Interp *in = interp_new(FUZZ_MEM_LIMIT);
    if (!in) {
        free(src);
        return 0;
    }
    in->recursion_limit = FUZZ_RECURSION_LIMIT;
    atomic_store(&fired, 0);
    port_interrupt_clear();              /* a late SIGINT from the previous input's budget */
    atomic_store(&started_ms, now_ms());
    atomic_store(&running, in);

    (void)tollpy_run_source("<fuzz>", src, size);

    atomic_store(&running, NULL);
    interp_free(in);
    free(src);
    return 0;
}
