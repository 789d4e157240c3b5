/*
 * ports/guest/console.c — the guest's console is Python (guest build only: GUEST_PORT_SRCS in
 * mk/interp.mk).
 *
 * kernel/main.c calls console_boot() before its banner, console_run_script() for a batch script
 * (`make run SCRIPT=...`) and then console_main() for the interactive console; all are weak there
 * and replaced by these. The shell's commands stay reachable from Python through the `kernel`
 * module:
 *     import kernel; kernel.shell("ps")
 * Runs on the kernel's console thread (64 KiB stack; C re-entries are bounded by it: c_stack_low in obj.h).
 * Locks: none of its own; the interpreter's GIL is taken by interp_new / tollpy_run_source and the
 * REPL (ports/guest/repl.c). The `kernel` module is ports/guest/mod_kernel.c.
 */
#include <string.h>
#include <stdio.h>
#include "runtime/interp.h"
#include "objects/module.h"
#include "gil/gil.h"
#include "kernel/bootargs.h"
#include "net/net.h"
#include "net/socket.h"
#include "guest.h"

#define GUEST_MEM_LIMIT ((size_t)128 << 20)

/* GIL=name from the boot block (make run GIL=old). The launcher refuses an unknown name before
 * boot; one that still arrives (a hand-made boot block, an older launcher) is refused here, out
 * loud: a batch script is not run (status 2), the console says so and runs under the default. */
static int bad_gil_policy;

static void take_gil_policy(void) {
    static int done;
    if (done) return;
    done = 1;
    const char *pol = bootarg_get("GIL");
    if (!pol || !*pol) return;
    if (gil_policy_known(pol)) { gil_default_policy = pol; return; }
    bad_gil_policy = 1;
    char b[200];
    snprintf(b, sizeof b, "tollbooth: unknown GIL policy '%.40s' in the boot arguments (%s): refused; "
             "%s\n", pol, gil_policy_list(),
             bootargs_script(NULL) ? "the script is not run" : "the console runs under the default policy");
    port_write(b, strlen(b));
}

/* kernel/main.c calls this once at boot, on CPU 0 before the banner (not on a thread): the
 * TCP/IP stack comes up on the virtio-net device (its boot line, like virtio-blk's), or on
 * loopback alone without one. */
void console_boot(void) {
    net_init();
}

static int ensure_interp(void) {
    if (ts_get()) return 0;
    take_gil_policy();
    guest_disk_mount();
    if (!interp_new(GUEST_MEM_LIMIT)) {
        static const char msg[] = "tollpy: cannot create the interpreter\n";
        port_write(msg, sizeof msg - 1);
        return -1;
    }
    /* the disk's root is where `import mymodule` looks (interp/runtime/import.c) */
    Obj *sp = dict_get_s(ts_get()->interp->sysdict, "path"), *root = str_from_cstr("/");
    if (!root || !sp || list_append(sp, root) < 0) exc_clear();
    XDECREF(root);
    /* from now on a fault in interpreter code ends the program, not the kernel (gil_unsafe.c) */
    gil_fault_containment_install();
    return 0;
}

/* The script's file name (qemu/tollbooth.py's SCRIPTNAME boot argument), for sys.argv[0] and
 * the tracebacks' File "..." lines. */
static const char *script_name(void) {
    const char *name = bootarg_get("SCRIPTNAME");
    return name && *name ? name : "<script>";
}

struct argv_acc { char **av; int ac, max; };

/* One "ARGV=value" boot argument: one sys.argv entry (the launcher split ARGS as a shell would,
 * quotes included). Points into the boot block, which stays for the whole run. */
static void add_argv(const char *kv, void *arg) {
    struct argv_acc *a = arg;
    if (!strncmp(kv, "ARGV=", 5) && a->ac < a->max) a->av[a->ac++] = (char *)kv + 5;
}

/* sys.argv = [script name] + the ARGV boot arguments in order; with none (a hand-made boot
 * block), the ARGS boot argument split on spaces */
static void set_argv(void) {
    const char *args = bootarg_get("ARGS");
    char buf[512];
    char *av[32];
    int ac = 0;
    av[ac++] = (char *)script_name();
    struct argv_acc acc = { av, ac, 32 };
    bootargs_each(add_argv, &acc);
    if (acc.ac > ac) {
        ac = acc.ac;
    } else if (args) {
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

/* A whole file from the disk into port_malloc'd memory: its length, or a negative errno. */
static long read_disk_file(const char *path, char **out) {
    int fd = port_file_open(path, PORT_O_RDONLY, NULL);
    if (fd < 0) return fd;
    port_stat_t st;
    long r = port_file_fstat(fd, &st);
    char *buf = r == 0 ? port_malloc((size_t)st.size + 1) : NULL;
    long got = 0;
    if (r == 0 && !buf) r = -PORT_ENFILE;
    while (r == 0 && (uint64_t)got < st.size) {
        long k = port_file_read(fd, buf + got, (size_t)st.size - (size_t)got);
        if (k < 0) r = k;
        if (k <= 0) break;
        got += k;
    }
    port_file_close(fd);
    if (r < 0) { port_free(buf); return r; }
    buf[got] = 0;
    *out = buf;
    return got;
}

int console_run_script(const char *src, size_t len) {
    if (ensure_interp() < 0) return 1;
    if (bad_gil_policy) return 2;      /* measured under the wrong policy is worse than not run */
    /* A script followed by the console is "interactive": a crash (any policy) or an unsafe
     * corruption does not power off; a crash of this thread goes on to the console. */
    gil_unsafe_interactive = !bootargs_exit_after_script();
    gil_unsafe_main_crashed = kconsole_after_crash;
    set_argv();
    /* SCRIPT=:path (qemu/tollbooth.py): the program is a file on the disk, not the boot block */
    const char *sf = bootarg_get("SCRIPTFILE");
    char *disk_src = NULL;
    if (sf && *sf) {
        long n = read_disk_file(sf, &disk_src);
        if (n < 0) {
            char b[200];
            snprintf(b, sizeof b, "tollbooth: SCRIPT=:%s: cannot read it from the disk (errno %ld)\n",
                     sf + 1, -n);
            port_write(b, strlen(b));
            return 1;
        }
        src = disk_src;
        len = (size_t)n;
    }
    int st = tollpy_run_source(script_name(), src, len);
    port_free(disk_src);
    /* unsafe: a reported corruption resets the interpreter; the program did not succeed */
    if (st == 0 && ts_get() && gil_reset_pending(ts_get()->interp)) st = 1;
    /* the machine powers off next: let TCP deliver what closed sockets still owe (a server's
     * last reply), as the host's kernel would after its process exits */
    if (bootargs_exit_after_script()) sock_drain(3000000000ull);
    return st;
}

void console_main(void) {
    if (ensure_interp() < 0) return;
    kconsole_main();
    /* sys.exit(N) at the prompt powers off with N (the kernel's default would be 0) */
    int st = ts_get()->interp->exit_status;
    if (st) port_exit(st);
}
