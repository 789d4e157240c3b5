/*
 * tests/fuzz/diff_runner.c — the tollpy side of the differential fuzzer (tests/fuzz/diff_fuzz.py).
 *
 * One long-lived process runs many programs, each in a fresh interpreter (fuzz_common.h: every
 * thread it started is stopped and gone before the interpreter is freed), so the driver pays
 * tollpy's start-up once per batch, not once per program. Built by `make fuzz-build` as
 * build/fuzz/diff_runner with clang -fsanitize=address,undefined (no libFuzzer: the programs come
 * from the driver's grammar, not from mutated bytes).
 *
 * Protocol (binary-safe, one request at a time, on the process's original stdin/stdout):
 *   request:  "<n>\n" then n bytes of Python source
 *   reply:    "<status> <m>\n" then m bytes: what the program wrote to fd 1
 * status is tollpy_run_source's (0, 1 after an uncaught exception, N for sys.exit(N)). While a
 * program runs, fd 1 is a memfd (threads' prints land there too); the reply goes to a dup of the
 * original stdout. Tracebacks and sanitizer reports go to fd 2, which the driver keeps per batch.
 * A crash ends the process: the driver sees EOF, records the program in flight as a finding and
 * starts a new runner. There is no time budget here: the driver's hang guard kills the process.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz_common.h"

#define DIFF_MEM_LIMIT ((size_t)256 << 20)
#define DIFF_RECURSION_LIMIT 1000        /* CPython's default */
#define DIFF_STOP_MS 20000
#define DIFF_MAX_SRC (1u << 20)
#define DIFF_MAX_OUT (4u << 20)          /* output past this is cut (and so differs from CPython) */

static int read_full(int fd, char *buf, size_t n)
{
    while (n > 0) {
        ssize_t k = read(fd, buf, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return -1;
        buf += k;
        n -= (size_t)k;
    }
    return 0;
}

static int write_full(int fd, const char *buf, size_t n)
{
    while (n > 0) {
        ssize_t k = write(fd, buf, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return -1;
        buf += k;
        n -= (size_t)k;
    }
    return 0;
}

/* "<n>\n" on fd 0; -1 at EOF or on a malformed header. */
static long read_header(void)
{
    char line[32];
    size_t i = 0;
    for (;;) {
        char c;
        ssize_t k = read(0, &c, 1);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return -1;
        if (c == '\n')
            break;
        if (c < '0' || c > '9' || i + 1 >= sizeof line)
            return -1;
        line[i++] = c;
    }
    line[i] = '\0';
    return i ? strtol(line, NULL, 10) : -1;
}

int main(void)
{
    int reply_fd = dup(1);
    int out_fd = memfd_create("diff_runner_stdout", 0);
    if (reply_fd < 0 || out_fd < 0) {
        perror("diff_runner: dup/memfd_create");
        return 2;
    }
    char *src = malloc(DIFF_MAX_SRC + 1);
    char *out = malloc(DIFF_MAX_OUT);
    if (!src || !out)
        return 2;
    for (;;) {
        long n = read_header();
        if (n < 0 || n > (long)DIFF_MAX_SRC)
            return 0;
        if (read_full(0, src, (size_t)n) < 0)
            return 0;
        src[n] = '\0';

        if (ftruncate(out_fd, 0) < 0 || lseek(out_fd, 0, SEEK_SET) < 0 || dup2(out_fd, 1) < 0)
            return 2;
        int status = 99;
        Interp *in = fuzz_interp_start(DIFF_MEM_LIMIT, DIFF_RECURSION_LIMIT);
        if (in) {
            port_interrupt_clear();
            status = tollpy_run_source("<diff>", src, (size_t)n);
            fuzz_interp_end(in, DIFF_STOP_MS);
        }
        if (dup2(reply_fd, 1) < 0)
            return 2;

        off_t m = lseek(out_fd, 0, SEEK_END);
        if (m < 0)
            return 2;
        size_t len = (size_t)m > DIFF_MAX_OUT ? DIFF_MAX_OUT : (size_t)m;
        if (pread(out_fd, out, len, 0) != (ssize_t)len)
            return 2;
        char hdr[48];
        int h = snprintf(hdr, sizeof hdr, "%d %zu\n", status, len);
        if (write_full(reply_fd, hdr, (size_t)h) < 0 || write_full(reply_fd, out, len) < 0)
            return 0;
    }
}
