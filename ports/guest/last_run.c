/*
 * ports/guest/last_run.c — "the last run": which stretch of the trace rings kernel.timeline() and
 * kernel.trace_dump() show (ports/guest/mod_kernel.c). The REPL (ports/guest/repl.c) notes when
 * each input starts and ends; an input made only of trace-reading statements (looks_at_trace) is
 * not a run. Called from inside a running program (a script, a raw-REPL program), the window is
 * that program so far.
 * It also tells the kernel which stretch to count overwritten trace events in (trace_lost_watch).
 * Locks: none. Only the console thread writes the window (the REPL and the kernel module's
 * functions both run on it); the times are read there too.
 */
#include <string.h>
#include "port/port.h"
#include "kernel/trace.h"
#include "drivers/timer.h"
#include "guest.h"

/* ---- run windows ------------------------------------------------------------------------- */
static uint64_t win_prev0, win_prev1, win_cur0;
static int win_running;

/* Is every statement of s one that only looks at the trace ("import kernel", kernel.timeline(...),
 * kernel.trace_dump(...), kernel.trace(...), kernel.trace_cost(...))? Such an input is not a run. */
static int looks_at_trace(const char *s, size_t n)
{
    static const char *const ok[] = { "import kernel", "kernel.timeline(", "kernel.trace_dump(",
                                      "kernel.trace(", "kernel.trace_cost(", NULL };
    size_t i = 0;
    int any = 0;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == ';')) i++;
        if (i >= n) break;
        size_t e = i;
        while (e < n && s[e] != '\n' && s[e] != ';') e++;
        int match = 0;
        for (int k = 0; ok[k]; k++) {
            size_t l = strlen(ok[k]);
            if (e - i >= l && !memcmp(s + i, ok[k], l)) { match = 1; break; }
        }
        if (!match) return 0;
        any = 1;
        i = e;
    }
    return any;
}

void last_run_begin(const char *s, size_t n)
{
    if (looks_at_trace(s, n)) return;
    win_cur0 = port_time_ns();
    win_running = 1;
    /* the kernel counts the run's events that the rings overwrite (timeline.c reports them) */
    trace_lost_watch(timer_now(), ~0ull);
}

void last_run_end(void)
{
    if (!win_running) return;
    win_prev0 = win_cur0;
    win_prev1 = port_time_ns();
    win_running = 0;
    trace_lost_until(timer_now());
}

void last_run_window(uint64_t *t0, uint64_t *t1)
{
    if (win_running) { *t0 = win_cur0; *t1 = port_time_ns(); }
    else if (win_prev1) { *t0 = win_prev0; *t1 = win_prev1; }
    else { *t0 = 0; *t1 = port_time_ns(); }
}

/* The REPL abandoned the input (soft reset, a fresh interpreter): no run under way. */
void last_run_cancel(void) { win_running = 0; }

/* kernel.trace_clear(): the rings are empty, so no earlier run is left to show. */
void last_run_forget(void) { win_prev0 = win_prev1 = 0; }
