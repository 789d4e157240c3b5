/*
 * ports/guest/mod_kernel.c — the guest's console as a lab bench (guest build only: the host
 * build skips it, *_guest.c: see mk/host.mk). Called by ports/guest/console.c's console_main
 * (kconsole_main) and kernel_init (kconsole_module_init).
 *
 * MicroPython's REPL conventions, so its habits and host tools work:
 *   friendly REPL  ">>> " / "... ", line editing (left/right/home/end, backspace, delete,
 *                  Ctrl-U), history (up/down, 32 lines), Tab = 4 spaces.
 *     Ctrl-A (empty line)  enter the raw REPL          Ctrl-B (empty line)  banner again
 *     Ctrl-C  abandon the line / interrupt a program   Ctrl-D (empty line)  soft reset
 *     Ctrl-E (empty line)  paste mode ("=== ", Ctrl-D runs it, Ctrl-C cancels)
 *   raw REPL       "raw REPL; CTRL-B to exit\n>"; a program then Ctrl-D is answered "OK", its
 *                  output, "\x04", the error text, "\x04", ">". Ctrl-D at an empty raw prompt
 *                  soft-resets; Ctrl-B leaves; Ctrl-C drops the buffer; the raw-paste request
 *                  (Ctrl-E 'A' Ctrl-A) is answered "R\x00" (not supported: the tool falls back).
 *   Ctrl-C on an empty line with threads left running in the background stops them.
 *   Ctrl-C while a program runs: KeyboardInterrupt in the main thread (vm_eval_breaker), then
 *   every other Python thread is stopped (Interp.stop_threads: one quiet SystemExit each at the
 *   next check point, so finally/with blocks run; sleepers and lock waiters are woken for it).
 *   Soft reset: threads stopped the same way, the interpreter freed (leaked if a thread would
 *   not stop), a new one created; the kernel keeps running.
 *
 * Input is read with the GIL released (other Python threads run while the console waits).
 * The kernel calls (trace rings, shell, waking sleepers) are declared by hand below: interp/
 * includes no kernel header.
 *
 * "The last run" (kernel.timeline / kernel.trace_dump): the REPL notes when each input starts
 * and ends; an input made only of trace-reading statements (looks_at_trace) is not a run.
 * Called from inside a running program (a script, a raw-REPL program), the window is that
 * program so far.
 */
#include <string.h>
#include <stdio.h>
#include "runtime/interp.h"
#include "objects/module.h"
#include "gil/gil.h"
#include "compile/compile.h"
#include "runtime/vm.h"
#include "runtime/traceback.h"
#include "mp/mp.h"

/* kernel/ (declared by hand) */
int shell_run_line(const char *line);
void sched_interrupt_sleepers(void);
void ktrace_timeline(int width, uint32_t main_ident, const char *policy, uint64_t t0_ns, uint64_t t1_ns);
void ktrace_dump(uint32_t main_ident, const char *policy, uint64_t t0_ns, uint64_t t1_ns);
void ktrace_enable(int on);
int ktrace_enabled(void);
void ktrace_clear(void);
uint64_t ktrace_cost_ns(unsigned n);

#define KC_MEM_LIMIT ((size_t)128 << 20)
#define KC_LINE_MAX 4096
#define KC_HIST 32
#define KC_PROG_MAX ((size_t)4 << 20)

/* ---- output helpers ---------------------------------------------------------------------- */
static void out(const char *s) { port_write(s, strlen(s)); }
static void outn(const char *s, size_t n) { port_write(s, n); }

static int getch(void)                      /* called without the GIL */
{
    int c = port_getc();
    return c < 0 ? 0x03 : c;
}

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

static void win_begin(const char *s, size_t n)
{
    if (looks_at_trace(s, n)) return;
    win_cur0 = port_time_ns();
    win_running = 1;
}

static void win_end(void)
{
    if (!win_running) return;
    win_prev0 = win_cur0;
    win_prev1 = port_time_ns();
    win_running = 0;
}

static void window(uint64_t *t0, uint64_t *t1)
{
    if (win_running) { *t0 = win_cur0; *t1 = port_time_ns(); }
    else if (win_prev1) { *t0 = win_prev0; *t1 = win_prev1; }
    else { *t0 = 0; *t1 = port_time_ns(); }
}

/* ---- interpreter lifecycle ----------------------------------------------------------------- */
static int ensure_interp(void)
{
    if (ts_get()) return 0;
    if (!interp_new(KC_MEM_LIMIT)) { out("tollpy: cannot create the interpreter\n"); return -1; }
    return 0;
}

static Obj *main_globals(void)
{
    Interp *in = ts_get()->interp;
    Obj *m = dict_get_s(in->modules, "__main__");
    if (!m) {
        m = module_new("__main__");
        if (!m) return NULL;
        dict_set_s(module_dict(m), "__builtins__", in->builtins);
        dict_set_s(in->modules, "__main__", m);
        DECREF(m);
    }
    return module_dict(m);
}

/* Stop every Python thread but the caller; returns how many would not stop in `ns`. */
static int stop_other_threads(uint64_t ns)
{
    ThreadState *ts = ts_get();
    Interp *in = ts->interp;
    if (gil_thread_count(in) <= 1) return 0;
    static int gen;
    if (++gen == 0) gen = 1;
    in->stop_threads = gen;
    in->eval_breaker = 1;
    gil_before_blocking(ts);
    uint64_t end = port_time_ns() + ns;
    while (gil_thread_count(in) > 1 && port_time_ns() < end) {
        sched_interrupt_sleepers();          /* sleepers and lock waiters see the stop */
        port_sleep_ns(10 * 1000 * 1000);
    }
    int left = gil_thread_count(in) - 1;
    gil_after_blocking(ts);
    in->stop_threads = 0;
    return left;
}

static void print_banner(void)
{
    char b[320];
    Interp *in = ts_get()->interp;
    snprintf(b, sizeof b,
             "Tollpy (Python 3.11 subset) on Tollbooth, %d/%d cores, GIL policy %s\n"
             "Type \"import demos; demos.list()\" for the experiments, kernel.shell(\"help\") for the shell.\n"
             "Ctrl-A raw REPL, Ctrl-B banner, Ctrl-C interrupt, Ctrl-D soft reset, Ctrl-E paste mode.\n",
             port_cores_online(), port_cores_possible(), gil_policy_name(in));
    out(b);
}

static void soft_reset(void)
{
    ThreadState *ts = ts_get();
    /* multiprocessing children: terminated (as after an uncaught KeyboardInterrupt) */
    ts->interp->exit_status = 130;
    mp_shutdown(ts->interp);
    exc_clear();
    int left = stop_other_threads(2000ull * 1000 * 1000);
    if (left > 0) {
        char b[96];
        snprintf(b, sizeof b, "soft reset: %d thread(s) would not stop; their interpreter is abandoned\n", left);
        out(b);
        port_tls_set(NULL);
    } else {
        interp_free(ts->interp);
    }
    out("soft reboot\n");
    ensure_interp();
    win_running = 0;
}

void kconsole_main(void);
/* After a reported corruption (unsafe) or a contained crash (any policy, gil_unsafe.c) the
 * interpreter is not trusted any more. As soft reset does for threads that will not stop, it is
 * abandoned (leaked: its threads are told to stop and may still be running; the GIL is let go
 * first so that they can reach their stop) and a fresh one is made. */
void kconsole_abandon_if_corrupt(void)
{
    ThreadState *ts = ts_get();
    int why = ts ? gil_reset_pending(ts->interp) : 0;
    if (!why) return;
    out(why == GIL_RESET_CRASH ? "interpreter crashed" : "refcount corruption");
    out(": the interpreter is abandoned (its memory and any threads still in it are leaked) and a "
        "fresh one made\n");
    gil_drop(ts);
    port_tls_set(NULL);
    gil_unsafe_reset_done();
    ensure_interp();
    win_running = 0;
}

/* The console's main thread itself crashed (gil_unsafe.c, any policy): called on its reset
 * stack with its ThreadState already dropped (the crash report said the interpreter is
 * abandoned); never returns to the crashed frames. A fresh interpreter, a fresh prompt. Also the
 * continuation of a crash in a batch script that the console follows (console_guest.c). */
void kconsole_after_crash(void)
{
    gil_unsafe_reset_done();
    win_running = 0;
    if (ensure_interp() < 0) port_exit(1);
    kconsole_main();
    port_exit(ts_get()->interp->exit_status);
}

/* ---- running code ---------------------------------------------------------------------------- */
enum { RUN_OK, RUN_ERROR, RUN_EXIT };

/* Compile and run; prints the traceback of an error (raw: the caller framed it). For SystemExit
 * *status gets its code and RUN_EXIT is returned. */
static int run_code(const char *src, size_t n, int mode, int join_threads, int *status)
{
    ThreadState *ts = ts_get();
    Obj *g = main_globals();
    *status = 0;
    if (!g) { interp_handle_uncaught(); return RUN_ERROR; }
    win_begin(src, n);
    Obj *code = interp_compile(src, n, "<stdin>", mode);
    int rc = RUN_OK;
    if (code) {
        Obj *r = vm_run_code(code, g, NULL);
        DECREF(code);
        if (r) DECREF(r);
    }
    if (join_threads && !exc_occurred()) thread_shutdown(ts->interp);
    if (exc_occurred()) {
        int ki = exc_matches(KeyboardInterrupt_t);
        if (exc_matches(SystemExit_t)) {
            *status = interp_handle_uncaught();
            rc = RUN_EXIT;
        } else {
            *status = interp_handle_uncaught();
            rc = RUN_ERROR;
        }
        if (ki) {
            int left = stop_other_threads(1000ull * 1000 * 1000);
            if (left > 0) {
                char b[80];
                snprintf(b, sizeof b, "(%d thread(s) still running)\n", left);
                out(b);
            }
        }
        CLEAR(ts->handled);
    }
    win_end();
    return rc;
}

/* ---- raw REPL -------------------------------------------------------------------------------- */
/* Returns when Ctrl-B leaves it. */
static void raw_repl(void)
{
    out("raw REPL; CTRL-B to exit\n>");
    size_t cap = 4096, n = 0;
    char *buf = port_malloc(cap);
    int toolong = 0;
    for (;;) {
        ThreadState *ts = ts_get();
        gil_before_blocking(ts);
        int c;
        for (;;) {
            c = getch();
            if (c == 0x01 || c == 0x02 || c == 0x03 || c == 0x04) break;
            if (c == 0x05) {                          /* raw-paste request: not supported */
                int c2 = getch(), c3 = c2 == 'A' ? getch() : 0;
                if (c2 == 'A' && c3 == 0x01) { outn("R\x00", 2); continue; }
                c = c2;                               /* not a request: keep the bytes */
                if (c == 0x01 || c == 0x02 || c == 0x03 || c == 0x04) break;
            }
            if (n + 1 >= cap && !toolong) {
                char *nb = cap * 2 <= KC_PROG_MAX ? port_realloc(buf, cap * 2) : NULL;
                if (!nb) toolong = 1; else { buf = nb; cap *= 2; }
            }
            if (!toolong && buf) buf[n++] = (char)c;
        }
        gil_after_blocking(ts);
        if (c == 0x01) { n = 0; toolong = 0; out("\nraw REPL; CTRL-B to exit\n>"); continue; }
        if (c == 0x02) { out("\n"); break; }
        if (c == 0x03) { n = 0; toolong = 0; out("\n>"); continue; }
        /* Ctrl-D */
        if (n == 0 && !toolong) {
            soft_reset();
            out("raw REPL; CTRL-B to exit\n>");
            continue;
        }
        out("OK");
        if (toolong) {
            out("\x04" "MemoryError: program longer than 4 MiB\n\x04>");
            n = 0; toolong = 0;
            continue;
        }
        int status;
        /* the error text goes after the first \x04: run, and let tracebacks print there */
        int rc;
        {
            ThreadState *t = ts_get();
            Obj *g = main_globals();
            win_begin(buf, n);
            Obj *code = g ? interp_compile(buf, n, "<stdin>", IC_EXEC) : NULL;
            if (code) {
                Obj *r = vm_run_code(code, g, NULL);
                DECREF(code);
                if (r) DECREF(r);
                if (!exc_occurred()) thread_shutdown(t->interp);
            }
            out("\x04");
            rc = RUN_OK;
            status = 0;
            if (exc_occurred()) {
                int ki = exc_matches(KeyboardInterrupt_t);
                if (exc_matches(SystemExit_t)) {
                    status = interp_handle_uncaught();
                    if (status) { char b[48]; snprintf(b, sizeof b, "SystemExit: %d\n", status); out(b); }
                    rc = RUN_EXIT;
                } else {
                    interp_handle_uncaught();
                    rc = RUN_ERROR;
                }
                if (ki) stop_other_threads(1000ull * 1000 * 1000);
                CLEAR(t->handled);
            }
            win_end();
        }
        (void)rc;
        kconsole_abandon_if_corrupt();
        out("\x04>");
        n = 0;
    }
    port_free(buf);
}

/* ---- friendly REPL: line editor ------------------------------------------------------------ */
static char *hist[KC_HIST];
static int hist_n;

static void hist_add(const char *s, size_t n)
{
    if (n == 0) return;
    if (hist_n > 0 && strlen(hist[(hist_n - 1) % KC_HIST]) == n && !memcmp(hist[(hist_n - 1) % KC_HIST], s, n)) return;
    char *c = port_malloc(n + 1);
    if (!c) return;
    memcpy(c, s, n);
    c[n] = 0;
    int slot = hist_n % KC_HIST;
    if (hist_n >= KC_HIST) port_free(hist[slot]);
    hist[slot] = c;
    hist_n++;
}

enum { ED_LINE, ED_RAW, ED_BANNER, ED_INTR, ED_RESET, ED_PASTE };

static void redraw(const char *prompt, const char *l, int n, int cur)
{
    char b[32];
    out("\r");
    out(prompt);
    outn(l, (size_t)n);
    out("\x1b[K");
    if (n > cur) { snprintf(b, sizeof b, "\x1b[%dD", n - cur); out(b); }
}

/* Read one edited line into l (NUL-terminated, at most KC_LINE_MAX-1 bytes); called without
 * the GIL. Returns ED_LINE or the control key's action. */
static int edit_line(const char *prompt, char *l, int *len)
{
    static int last_cr;
    int n = 0, cur = 0, hpos = hist_n, over = 0;
    out(prompt);
    for (;;) {
        int c = getch();
        if (c == '\n' && last_cr) { last_cr = 0; continue; }
        last_cr = 0;
        if (c == '\r' || c == '\n') {
            last_cr = c == '\r';
            out("\n");
            if (over) {
                char b[96];
                snprintf(b, sizeof b, "line too long (more than %d characters): ignored\n", KC_LINE_MAX - 1);
                out(b);
                n = 0;
            }
            l[n] = 0;
            *len = n;
            return ED_LINE;
        }
        if (c == 0x03) { out("\n"); *len = n; l[0] = 0; return ED_INTR; }
        if (n == 0) {
            if (c == 0x01) return ED_RAW;
            if (c == 0x02) { out("\n"); return ED_BANNER; }
            if (c == 0x04) { out("\n"); return ED_RESET; }
            if (c == 0x05) return ED_PASTE;
        }
        switch (c) {
        case 0x01: cur = 0; redraw(prompt, l, n, cur); continue;            /* home */
        case 0x05: cur = n; redraw(prompt, l, n, cur); continue;            /* end */
        case 0x08: case 0x7f:
            if (cur > 0) {
                if (cur == n) { n--; cur--; out("\b \b"); }
                else { memmove(l + cur - 1, l + cur, (size_t)(n - cur)); n--; cur--; redraw(prompt, l, n, cur); }
            }
            continue;
        case 0x15: n = cur = 0; over = 0; redraw(prompt, l, n, cur); continue;   /* Ctrl-U */
        case 0x0b: n = cur; redraw(prompt, l, n, cur); continue;                /* Ctrl-K */
        case '\t':
            for (int i = 0; i < 4 && n < KC_LINE_MAX - 1; i++) {
                memmove(l + cur + 1, l + cur, (size_t)(n - cur)); l[cur++] = ' '; n++;
            }
            redraw(prompt, l, n, cur);
            continue;
        case 0x1b: {
            int c2 = getch();
            if (c2 != '[' && c2 != 'O') continue;
            int c3 = getch(), arg = 0;
            while (c3 >= '0' && c3 <= '9') { arg = arg * 10 + (c3 - '0'); c3 = getch(); }
            if (c3 == 'A' || c3 == 'B') {                                   /* history */
                int np = hpos + (c3 == 'A' ? -1 : 1);
                if (np < 0 || np < hist_n - KC_HIST || np > hist_n) continue;
                hpos = np;
                if (hpos == hist_n) n = 0;
                else {
                    const char *h = hist[hpos % KC_HIST];
                    n = (int)strlen(h);
                    if (n > KC_LINE_MAX - 1) n = KC_LINE_MAX - 1;
                    memcpy(l, h, (size_t)n);
                }
                cur = n;
                redraw(prompt, l, n, cur);
            } else if (c3 == 'C') { if (cur < n) { cur++; out("\x1b[C"); } }
            else if (c3 == 'D') { if (cur > 0) { cur--; out("\x1b[D"); } }
            else if (c3 == 'H' || (c3 == '~' && (arg == 1 || arg == 7))) { cur = 0; redraw(prompt, l, n, cur); }
            else if (c3 == 'F' || (c3 == '~' && (arg == 4 || arg == 8))) { cur = n; redraw(prompt, l, n, cur); }
            else if (c3 == '~' && arg == 3 && cur < n) {
                memmove(l + cur, l + cur + 1, (size_t)(n - cur - 1)); n--; redraw(prompt, l, n, cur);
            }
            continue;
        }
        default: break;
        }
        if (c < 0x20) continue;                 /* other control characters: ignored */
        if (n >= KC_LINE_MAX - 1) { over = 1; continue; }
        if (cur == n) {
            l[n++] = (char)c; cur++;
            char ch = (char)c;
            outn(&ch, 1);
        } else {
            memmove(l + cur + 1, l + cur, (size_t)(n - cur));
            l[cur++] = (char)c; n++;
            redraw(prompt, l, n, cur);
        }
    }
}

/* ---- friendly REPL --------------------------------------------------------------------------- */
static bool last_line_blank(const char *s, size_t n)
{
    size_t ls = n;
    while (ls > 0 && s[ls - 1] != '\n') ls--;
    for (size_t i = ls; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r') return false;
    return true;
}


/* Paste mode: everything up to Ctrl-D is one program. Returns 0 run, -1 cancelled. */
static int paste_mode(char **src, size_t *len)
{
    out("\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\n=== ");
    size_t cap = 4096, n = 0;
    char *b = port_malloc(cap);
    int last_cr = 0;
    for (;;) {
        int c = getch();
        if (c == 0x03) { out("\n"); port_free(b); return -1; }
        if (c == 0x04) { out("\n"); break; }
        if (c == '\n' && last_cr) { last_cr = 0; continue; }
        last_cr = c == '\r';
        if (c == '\r') c = '\n';
        if (n + 2 >= cap) {
            char *nb = cap * 2 <= KC_PROG_MAX ? port_realloc(b, cap * 2) : NULL;
            if (!nb) continue;
            b = nb; cap *= 2;
        }
        b[n++] = (char)c;
        if (c == '\n') out("\n=== ");
        else { char ch = (char)c; outn(&ch, 1); }
    }
    b[n] = 0;
    *src = b;
    *len = n;
    return 0;
}

void kconsole_main(void)
{
    gil_unsafe_interactive = 1;
    gil_unsafe_main_crashed = kconsole_after_crash;
    kconsole_abandon_if_corrupt();
    if (ensure_interp() < 0) return;
    print_banner();
    char *line = port_malloc(KC_LINE_MAX);
    if (!line) return;
    for (;;) {
        ThreadState *ts = ts_get();
        StrBuf b;
        sb_init(&b);
        int len, act;
        gil_before_blocking(ts);
        act = edit_line(">>> ", line, &len);
        gil_after_blocking(ts);
        if (gil_reset_pending(ts->interp)) {     /* a background thread crashed while we waited */
            kconsole_abandon_if_corrupt();
            ts = ts_get();
        }
        if (act == ED_RAW) { sb_free(&b); raw_repl(); print_banner(); continue; }
        if (act == ED_BANNER) { sb_free(&b); print_banner(); continue; }
        if (act == ED_INTR) {
            sb_free(&b);
            /* Ctrl-C on an empty line with threads still running in the background: stop them */
            if (len == 0 && gil_thread_count(ts->interp) > 1) {
                int n = gil_thread_count(ts->interp) - 1;
                int left = stop_other_threads(1000ull * 1000 * 1000);
                char m[96];
                snprintf(m, sizeof m, "KeyboardInterrupt: stopped %d background thread(s)%s\n", n - left,
                         left ? " (some would not stop)" : "");
                out(m);
            }
            continue;
        }
        if (act == ED_RESET) { sb_free(&b); soft_reset(); print_banner(); continue; }
        if (act == ED_PASTE) {
            sb_free(&b);
            char *src; size_t n;
            if (paste_mode(&src, &n) == 0) {
                int st;
                if (run_code(src, n, IC_EXEC, 0, &st) == RUN_EXIT) { port_free(src); return; }
                port_free(src);
                kconsole_abandon_if_corrupt();
            }
            continue;
        }
        hist_add(line, (size_t)len);
        sb_add(&b, line, (size_t)len);
        bool block = repl_opens_block(b.p, b.n);
        bool cancelled = false;
        for (;;) {
            if (b.oom || b.n == 0) break;
            bool more = block ? !last_line_blank(b.p, b.n) : !compile_is_complete(b.p, b.n);
            if (block && !compile_is_complete(b.p, b.n) && last_line_blank(b.p, b.n)) more = false;
            if (!more) break;
            sb_addc(&b, '\n');
            gil_before_blocking(ts);
            act = edit_line("... ", line, &len);
            gil_after_blocking(ts);
            if (act == ED_INTR) { cancelled = true; break; }
            if (act != ED_LINE) { len = 0; line[0] = 0; }
            hist_add(line, (size_t)len);
            sb_add(&b, line, (size_t)len);
            if (act != ED_LINE) break;
        }
        if (cancelled || b.n == 0) { sb_free(&b); continue; }
        sb_addc(&b, '\n');
        if (b.oom) { sb_free(&b); exc_raise_memory(); interp_handle_uncaught(); continue; }
        int st;
        int rc = run_code(b.p, b.n, IC_SINGLE, 0, &st);
        sb_free(&b);
        if (rc == RUN_EXIT) return;
        kconsole_abandon_if_corrupt();     /* sys.exit(N) at the prompt: console_main powers off with N */
    }
}

/* ---- the kernel module's console functions -------------------------------------------------- */
static uint32_t main_ident(void)
{
    Interp *in = ts_get()->interp;
    return in->main_ts ? in->main_ts->ident : ts_get()->ident;
}

static Obj *k_timeline(Obj *self, Obj *const *args, int nargs, Obj *kwnames)
{
    (void)self;
    Obj *a[1] = { NULL };
    if (args_parse("timeline", args, nargs, kwnames, "|width", a) < 0) return NULL;
    int64_t w = 80;
    if (a[0] && int_as_i64(a[0], &w) < 0) return NULL;
    uint64_t t0, t1;
    window(&t0, &t1);
    const char *pol = gil_policy_name(ts_get()->interp);
    uint32_t mid = main_ident();
    ThreadState *ts = ts_get();
    gil_before_blocking(ts);
    ktrace_timeline((int)w, mid, pol, t0, t1);
    gil_after_blocking(ts);
    return none_ref();
}

static Obj *k_trace_dump(Obj *self, Obj *const *args, int nargs, Obj *kwnames)
{
    (void)self; (void)args; (void)nargs; (void)kwnames;
    uint64_t t0, t1;
    window(&t0, &t1);
    const char *pol = gil_policy_name(ts_get()->interp);
    uint32_t mid = main_ident();
    ThreadState *ts = ts_get();
    gil_before_blocking(ts);
    ktrace_dump(mid, pol, t0, t1);
    gil_after_blocking(ts);
    return none_ref();
}

static Obj *k_trace(Obj *self, Obj *const *args, int nargs, Obj *kwnames)
{
    (void)self;
    Obj *a[1] = { NULL };
    if (args_parse("trace", args, nargs, kwnames, "|on", a) < 0) return NULL;
    int was = ktrace_enabled();
    if (a[0]) ktrace_enable(obj_truth(a[0]) > 0);
    return bool_from(was);
}

static Obj *k_trace_clear(Obj *self, Obj *const *args, int nargs, Obj *kwnames)
{
    (void)self; (void)args; (void)nargs; (void)kwnames;
    ktrace_clear();
    win_prev0 = win_prev1 = 0;
    return none_ref();
}

/* kernel.trace_cost(n=100000): ns per trace event (n events appended on this core) */
static Obj *k_trace_cost(Obj *self, Obj *const *args, int nargs, Obj *kwnames)
{
    (void)self;
    Obj *a[1] = { NULL };
    if (args_parse("trace_cost", args, nargs, kwnames, "|n", a) < 0) return NULL;
    int64_t n = 100000;
    if (a[0] && int_as_i64(a[0], &n) < 0) return NULL;
    if (n < 1 || n > 10000000) return exc_raise(ValueError_t, "trace_cost(n): n must be 1..10000000");
    return int_from_u64(ktrace_cost_ns((unsigned)n));
}

static Obj *run_shell(const char *cmd)
{
    ThreadState *ts = ts_get();
    gil_before_blocking(ts);
    int r = shell_run_line(cmd);
    gil_after_blocking(ts);
    if (r != 0) return exc_raise(RuntimeError_t, "kernel command '%s' failed", cmd);
    return none_ref();
}

static Obj *k_selftest(Obj *self, Obj *const *args, int nargs, Obj *kwnames)
{
    (void)self;
    Obj *a[1] = { NULL };
    if (args_parse("selftest", args, nargs, kwnames, "|name", a) < 0) return NULL;
    char cmd[64] = "selftest";
    if (a[0]) {
        if (!str_check(a[0])) return exc_raise(TypeError_t, "selftest() name must be str");
        snprintf(cmd, sizeof cmd, "selftest %.40s", str_data(a[0]));
    }
    return run_shell(cmd);
}

static Obj *k_cores(Obj *self, Obj *const *args, int nargs, Obj *kwnames)
{
    (void)self;
    Obj *a[1] = { NULL };
    if (args_parse("cores", args, nargs, kwnames, "|n", a) < 0) return NULL;
    if (a[0]) {
        int64_t n;
        if (int_as_i64(a[0], &n) < 0) return NULL;
        if (n < 1 || n > port_cores_possible())
            return exc_raise(ValueError_t, "cores(n): n must be 1..%d", port_cores_possible());
        ThreadState *ts = ts_get();
        gil_before_blocking(ts);
        port_cores_set((int)n);
        gil_after_blocking(ts);
    }
    return int_from_i64(port_cores_online());
}

/* kernel._fault_in_interpreter(kind): a TEST HOOK (tests/qemu/test_interp_fault.py), not an API.
 * It makes the calling Python thread fault in interpreter code (this file is interp/, outside
 * the kernel's text) the way an undiscovered VM bug would, to check that the kernel contains it
 * (kernel/trap.h, gil_unsafe.c): "null" a store through NULL (data abort), "undef" an undefined
 * instruction, "prefetch" a call through a NULL function pointer (prefetch abort), "stack" C
 * recursion into the thread's stack guard page, "locked" a NULL store while holding an
 * interpreter spinlock (as in an objlock section under `none`). Called with the GIL held, as a
 * VM bug would be.
 * The kernel shell's `fault` command faults in kernel code instead, which must still panic. */
static volatile uintptr_t fault_null_addr;            /* 0: the NULL page is unmapped */
static volatile int fault_recurse_limit = 1 << 30;
static port_spin_t fault_spin;                        /* "locked": held across the fault */
static int fault_spin_ready;
static __attribute__((noinline)) int fault_recurse(int n)
{
    volatile char pad[256];
    pad[0] = (char)n;
    if (n >= fault_recurse_limit) return 0;
    return fault_recurse(n + 1) + pad[0];
}

static Obj *k_fault_in_interpreter(Obj *self, Obj *const *args, int nargs, Obj *kwnames)
{
    (void)self;
    Obj *a[1];
    if (args_parse("_fault_in_interpreter", args, nargs, kwnames, "kind", a) < 0) return NULL;
    if (!str_check(a[0])) return exc_raise(TypeError_t, "_fault_in_interpreter() kind must be str");
    const char *k = str_data(a[0]);
    int kind = !strcmp(k, "null") ? 1 : !strcmp(k, "undef") ? 2 : !strcmp(k, "prefetch") ? 3
             : !strcmp(k, "stack") ? 4 : !strcmp(k, "locked") ? 5 : 0;
    if (!kind) return exc_raise(ValueError_t, "_fault_in_interpreter(kind): kind must be 'null', 'undef', "
                                "'prefetch', 'stack' or 'locked'");
    char b[96];
    snprintf(b, sizeof b, "test hook: deliberate fault in interpreter code (%s)\n", k);
    out(b);
    switch (kind) {
    case 1: *(volatile uint32_t *)fault_null_addr = 0xdead; break;
    case 2: __asm__ volatile(".word 0xe7f000f0"); break;     /* permanently undefined */
    case 3: ((void (*)(void))fault_null_addr)(); break;
    case 4: fault_recurse(0); break;
    case 5:                       /* a NULL store inside an interpreter spinlock's critical section */
        if (!fault_spin_ready) { port_spin_init(&fault_spin, "fault-test"); fault_spin_ready = 1; }
        port_spin_lock(&fault_spin);  /* taken again by the next "locked": it must have been freed */
        *(volatile uint32_t *)fault_null_addr = 0xdead;
        port_spin_unlock(&fault_spin);
        break;
    }
    return exc_raise(RuntimeError_t, "_fault_in_interpreter(%s): the fault did not happen", k);
}

static Obj *k_soft_reset_pending;   /* unused: soft reset is a key, not a function */

int kconsole_module_init(Obj *d)
{
    (void)k_soft_reset_pending;
    static const MethodDef fns[] = {
        {"timeline", k_timeline}, {"trace_dump", k_trace_dump}, {"trace", k_trace},
        {"trace_clear", k_trace_clear}, {"selftest", k_selftest}, {"cores", k_cores},
        {"trace_cost", k_trace_cost}, {"stats", gil_mod_stats}, {"threads", gil_mod_threads},
        {"reset_stats", gil_mod_reset}, {"_fault_in_interpreter", k_fault_in_interpreter},
        {NULL, NULL},
    };
    return module_add_functions(d, fns);
}
