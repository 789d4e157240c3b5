/*
 * ports/guest/console.c — the guest's console is Python (guest build only: the host build
 * skips *_guest.c, see mk/host.mk).
 *
 * kernel/main.c calls console_run_script() for a batch script (`make run SCRIPT=...`) and then
 * console_main() for the interactive console; both are weak there and replaced by these. The
 * shell's commands stay reachable from Python through the `kernel` module:
 *     import kernel; kernel.shell("ps")
 * Runs on the kernel's console thread (64 KiB stack; C re-entries are bounded by it: c_stack_low in obj.h).
 * interp/ includes no kernel header: the one shell entry point is declared here by hand.
 */
#include <string.h>
#include "runtime/interp.h"
#include "objects/module.h"
#include "gil/gil.h"

int shell_run_line(const char *line);          /* kernel/shell.c */
const char *bootarg_get(const char *key);      /* kernel/bootargs.c: NULL if absent */

#define GUEST_MEM_LIMIT ((size_t)128 << 20)

static int ensure_interp(void) {
    if (ts_get()) return 0;
    const char *pol = bootarg_get("GIL");      /* make run GIL=old */
    if (pol && *pol) gil_default_policy = pol;
    if (!interp_new(GUEST_MEM_LIMIT)) {
        static const char msg[] = "tollpy: cannot create the interpreter\n";
        port_write(msg, sizeof msg - 1);
        return -1;
    }
    /* from now on a fault in interpreter code ends the program, not the kernel (gil_unsafe.c) */
    gil_fault_containment_install();
    return 0;
}

/* sys.argv = ["<script>"] + the ARGS boot argument split on spaces */
static void set_argv(void) {
    const char *args = bootarg_get("ARGS");
    char buf[512];
    char *av[32];
    int ac = 0;
    const char *name = bootarg_get("SCRIPTNAME");   /* qemu/run.sh: the script's file name */
    av[ac++] = name && *name ? (char *)name : "<script>";
    if (args) {
        strncpy(buf, args, sizeof buf - 1);
        buf[sizeof buf - 1] = 0;
        char *p = buf;
        while (*p && ac < 32) {
            while (*p == ' ') *p++ = 0;
            if (!*p) break;
            av[ac++] = p;
            while (*p && *p != ' ') p++;
        }
    }
    if (interp_set_argv(ac, av) < 0) exc_clear();
}

bool bootargs_exit_after_script(void);          /* kernel/bootargs.c */
void kconsole_after_crash(void);                /* ports/guest/mod_kernel.c: never returns */

int console_run_script(const char *src, size_t len) {
    if (ensure_interp() < 0) return 1;
    /* A script followed by the console is "interactive": a crash (any policy) or an unsafe
     * corruption does not power off; a crash of this thread goes on to the console. */
    gil_unsafe_interactive = !bootargs_exit_after_script();
    gil_unsafe_main_crashed = kconsole_after_crash;
    set_argv();
    int st = tollpy_run_source("<script>", src, len);
    /* unsafe: a reported corruption resets the interpreter; the program did not succeed */
    if (st == 0 && ts_get() && gil_reset_pending(ts_get()->interp)) st = 1;
    return st;
}

void kconsole_main(void);                 /* ports/guest/mod_kernel.c: MicroPython-style REPL */
int kconsole_module_init(Obj *d);

void console_main(void) {
    if (ensure_interp() < 0) return;
    kconsole_main();
    /* sys.exit(N) at the prompt powers off with N (the kernel's default would be 0) */
    int st = ts_get()->interp->exit_status;
    if (st) port_exit(st);
}

/* ---- the kernel module ---------------------------------------------------------------------- */
static Obj *k_shell(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)self;
    Obj *a[1];
    if (args_parse("shell", args, nargs, kwnames, "command", a) < 0) return NULL;
    if (!str_check(a[0])) return exc_raise(TypeError_t, "shell() argument must be str, not %T", a[0]);
    /* copy: the command runs without the GIL (it may sleep, print, start threads) */
    size_t n = str_nbytes(a[0]);
    char *cmd = mem_alloc(n + 1);
    if (!cmd) return NULL;
    memcpy(cmd, str_data(a[0]), n + 1);
    ThreadState *ts = ts_get();
    gil_before_blocking(ts);
    int r = shell_run_line(cmd);
    gil_after_blocking(ts);
    mem_free(cmd);
    return int_from_i64(r);
}

static int kernel_init(Obj *d) {
    Obj *f = builtin_fn_new("shell", k_shell, NULL);
    if (!f) return -1;
    int r = dict_set_s(d, "shell", f);
    DECREF(f);
    if (r < 0) return r;
    return kconsole_module_init(d);      /* timeline, trace_dump, trace, selftest, cores */
}

MODULE_DEF(kernel, kernel_init);
