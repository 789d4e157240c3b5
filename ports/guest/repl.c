/*
 * ports/guest/repl.c — the guest console's Python REPL (MicroPython's REPL conventions, so its
 * habits and host tools work). Called by ports/guest/console.c's console_main (kconsole_main) and,
 * after a crash, by gil_unsafe.c through gil_unsafe_main_crashed (kconsole_after_crash).
 *   friendly REPL  ">>> " / "... ", with the line editor of ports/guest/line_edit.c; a "... " line
 *                  starts auto-indented (the previous line's indentation, 4 more after a ':'); Enter
 *                  on a line of only that indentation ends the block.
 *     Ctrl-A (empty line)  enter the raw REPL          Ctrl-B (empty line)  banner again
 *     Ctrl-C  abandon the line / interrupt a program   Ctrl-D (empty line)  soft reset
 *     Ctrl-E (empty line)  paste mode ("=== ", Ctrl-D runs it, Ctrl-C cancels)
 *   raw REPL       "raw REPL; CTRL-B to exit\n>"; a program then Ctrl-D is answered "OK", its
 *                  output, "\x04", the error text, "\x04", ">". sys.exit(N) leaves the error text
 *                  empty, as MicroPython's raw REPL does (pyboard.py then exits quietly); its status
 *                  is kconsole_raw_status() (kernel.last_exit_status()). Ctrl-D at an empty raw prompt
 *                  soft-resets; Ctrl-B leaves; Ctrl-C drops the buffer; the raw-paste request
 *                  (Ctrl-E 'A' Ctrl-A) is answered "R\x00" (not supported: the tool falls back).
 *   Ctrl-C on an empty line with threads left running in the background stops them.
 *   Ctrl-C while a program runs: KeyboardInterrupt in the main thread (vm_eval_breaker), then
 *   every other Python thread is stopped (Interp.stop_threads: one quiet SystemExit each at the
 *   next check point, so finally/with blocks run; sleepers and lock waiters are woken for it).
 *   Soft reset: threads stopped the same way, the interpreter freed (leaked if a thread would
 *   not stop), a new one created; the kernel keeps running.
 * Each input is noted as "the last run" (ports/guest/last_run.c) for kernel.timeline().
 *
 * Locks: the GIL, held except while waiting for input (gil_before_blocking around line_edit and
 * the raw REPL's reads) and while stopping threads. Only the console thread runs this file, so its
 * own statics need no lock. Reaches the platform through interp/port/port.h only.
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
#include "guest.h"

#define KC_MEM_LIMIT ((size_t)128 << 20)
#define KC_PROG_MAX ((size_t)4 << 20)

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
        port_interrupt_sleepers();           /* sleepers and lock waiters see the stop */
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
             "Type help() for a guide, \"import demos; demos.list()\" for the experiments.\n"
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
        port_close_tagged(ts->interp);         /* its sockets and files (listeners would go on) */
        port_tls_set(NULL);
    } else {
        interp_free(ts->interp);
    }
    out("soft reboot\n");
    ensure_interp();
    last_run_cancel();
}

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
    port_close_tagged(ts->interp);             /* its sockets and files (listeners would go on) */
    port_tls_set(NULL);
    gil_unsafe_reset_done();
    ensure_interp();
    last_run_cancel();
}

/* The console's main thread itself crashed (gil_unsafe.c, any policy): called on its reset
 * stack with its ThreadState already dropped (the crash report said the interpreter is
 * abandoned); never returns to the crashed frames. A fresh interpreter, a fresh prompt. Also the
 * continuation of a crash in a batch script that the console follows (ports/guest/console.c). */
void kconsole_after_crash(void)
{
    gil_unsafe_reset_done();
    last_run_cancel();
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
    last_run_begin(src, n);
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
    last_run_end();
    return rc;
}

/* ---- raw REPL -------------------------------------------------------------------------------- */
/* MicroPython's host tools (mpremote's transport.py, pyboard.py) turn a raw-REPL error back
 * into the host's OSError only when its text says "OSError" and the errno's name, as
 * MicroPython prints it ("OSError: [Errno 2] ENOENT"): `mpremote cp a.py :a.py` asks os.stat
 * whether :a.py exists and expects OSError for "no". CPython's form ("FileNotFoundError:
 * [Errno 2] No such file or directory: 'a.py'") has neither, so after the traceback of an
 * uncaught OSError the raw REPL adds MicroPython's line. The interactive REPL and scripts
 * print CPython's traceback only. */
static const struct { int no; const char *name; } raw_errnos[] = {
    {1, "EPERM"}, {2, "ENOENT"}, {5, "EIO"}, {9, "EBADF"}, {12, "ENOMEM"}, {13, "EACCES"},
    {16, "EBUSY"}, {17, "EEXIST"}, {18, "EXDEV"}, {19, "ENODEV"}, {20, "ENOTDIR"},
    {21, "EISDIR"}, {22, "EINVAL"}, {24, "EMFILE"}, {27, "EFBIG"}, {28, "ENOSPC"},
    {30, "EROFS"}, {36, "ENAMETOOLONG"}, {39, "ENOTEMPTY"}, {95, "EOPNOTSUPP"},
};

/* The pending exception's errno if it is an OSError with a known one, else 0 (the exception
 * stays pending). */
static int raw_pending_errno(void)
{
    if (!exc_matches(OSError_t)) return 0;
    Obj *e = exc_fetch();
    Obj *v = e ? obj_getattr_s(e, "errno") : NULL;
    int64_t no = 0;
    if (!v || !int_check(v) || int_as_i64(v, &no) < 0) no = 0;
    if (v) DECREF(v);
    else exc_clear();           /* the lookup's AttributeError */
    exc_restore(e);
    return (int)no;
}

static void raw_errno_line(int no)
{
    for (size_t i = 0; i < sizeof raw_errnos / sizeof raw_errnos[0]; i++)
        if (raw_errnos[i].no == no) {
            char b[64];
            int k = snprintf(b, sizeof b, "OSError: [Errno %d] %s\n", no, raw_errnos[i].name);
            tb_write_err(b, (size_t)k);
            return;
        }
}

static int raw_status;          /* the last raw-REPL program's exit status (console thread only) */

int kconsole_raw_status(void) { return raw_status; }

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
            last_run_begin(buf, n);
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
                    status = interp_handle_uncaught();   /* quiet; sys.exit("msg") prints msg */
                    rc = RUN_EXIT;
                } else {
                    int no = raw_pending_errno();
                    status = interp_handle_uncaught();
                    if (no) raw_errno_line(no);
                    rc = RUN_ERROR;
                }
                if (ki) stop_other_threads(1000ull * 1000 * 1000);
                CLEAR(t->handled);
            }
            last_run_end();
            raw_status = status;
        }
        (void)rc;
        kconsole_abandon_if_corrupt();
        out("\x04>");
        n = 0;
    }
    port_free(buf);
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


/* Auto-indent (MicroPython's REPL does it too): the indentation a continuation line starts with,
 * from the last line of s — its own leading spaces, 4 more when it ends in ':' (a block opens). */
#define KC_INDENT_MAX 64
static int next_indent(const char *s, size_t n)
{
    if (n > 0 && s[n - 1] == '\n') n--;
    size_t ls = n;
    while (ls > 0 && s[ls - 1] != '\n') ls--;
    int ind = 0;
    while (ls + (size_t)ind < n && s[ls + ind] == ' ') ind++;
    size_t e = n;
    while (e > ls && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) e--;
    if (e > ls && s[e - 1] == ':') ind += 4;
    return ind > KC_INDENT_MAX ? KC_INDENT_MAX : ind;
}

/* A line typed after an auto-indent of `ind` spaces that brings its own indentation (pasted
 * code: the line's text starts with more whitespace) keeps only its own: the auto-indent is
 * dropped, so pasting an indented block at the prompt does not indent it twice. */
static void drop_auto_indent(char *line, int *len, int ind)
{
    if (ind <= 0 || *len <= ind || (line[ind] != ' ' && line[ind] != '\t')) return;
    for (int i = 0; i < ind; i++)
        if (line[i] != ' ') return;
    memmove(line, line + ind, (size_t)(*len - ind) + 1);
    *len -= ind;
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
        act = line_edit(">>> ", line, &len);
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
        line_history_add(line, (size_t)len);
        sb_add(&b, line, (size_t)len);
        bool block = repl_opens_block(b.p, b.n);
        bool cancelled = false;
        for (;;) {
            if (b.oom || b.n == 0) break;
            bool more = block ? !last_line_blank(b.p, b.n) : !compile_is_complete(b.p, b.n);
            if (block && !compile_is_complete(b.p, b.n) && last_line_blank(b.p, b.n)) more = false;
            if (!more) break;
            int ind = next_indent(b.p, b.n);
            sb_addc(&b, '\n');
            gil_before_blocking(ts);
            line_edit_indent(ind);
            act = line_edit("... ", line, &len);
            gil_after_blocking(ts);
            if (act == ED_INTR) { cancelled = true; break; }
            if (act == ED_LINE) drop_auto_indent(line, &len, ind);
            if (act != ED_LINE) { len = 0; line[0] = 0; }
            line_history_add(line, (size_t)len);
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
