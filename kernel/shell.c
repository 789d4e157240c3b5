/*
 * kernel/shell.c — line editing and commands on the console. Runs in the console thread;
 * keeps no shared state except shell_exit_requested (only the console thread writes it).
 * Never trusts input: lines are bounded (SHELL_LINE_MAX), non-printable bytes reject the line
 * with a message, escape sequences (arrow keys) are swallowed, unknown commands say so.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kernel/shell.h"
#include "kernel/console.h"
#include "kernel/cpu.h"
#include "kernel/thread.h"
#include "kernel/panic.h"
#include "kernel/libc_glue.h"
#include "kernel/trace.h"
#include "kernel/bootargs.h"
#include "kernel/memmap.h"
#include "kernel/stack.h"
#include "drivers/timer.h"

int shell_exit_requested;

static void echo(const char *s) { console_write(s, strlen(s)); }

int shell_readline(char *buf, size_t max)
{
    size_t len = 0;
    int overlong = 0, junk = 0, esc = 0;
    for (;;) {
        int c = console_getc();
        if (c < 0)
            return -1;
        if (esc == 1) {                       /* after ESC */
            esc = (c == '[' || c == 'O') ? 2 : 0;
            continue;
        }
        if (esc == 2) {                       /* CSI: parameters until a final byte */
            if (c >= 0x40 && c <= 0x7e)
                esc = 0;
            continue;
        }
        if (c == '\r' || c == '\n') {
            echo("\n");
            buf[len] = 0;
            if (overlong) {
                kprintf("error: line too long (max %u characters); ignored\n", (unsigned)(max - 1));
                return -2;
            }
            if (junk) {
                kprintf("error: line contained %d non-printable byte(s); ignored\n", junk);
                return -3;
            }
            return (int)len;
        }
        switch (c) {
        case 0x03:                            /* Ctrl-C (console_getc cleared the flag) */
            echo("^C\n");
            return -1;
        case 0x7f:
        case 0x08:                            /* backspace */
            if (len > 0 && !overlong) {
                len--;
                echo("\b \b");
            }
            continue;
        case 0x15:                            /* Ctrl-U */
            if (!overlong)
                while (len > 0) {
                    len--;
                    echo("\b \b");
                }
            overlong = junk = 0;
            len = 0;
            continue;
        case 0x1b:
            esc = 1;
            continue;
        case '\t':
            c = ' ';
            break;
        default:
            break;
        }
        if (c < 0x20 || c >= 0x7f) {
            junk++;
            continue;
        }
        if (len + 1 >= max) {
            overlong = 1;
            continue;
        }
        buf[len++] = (char)c;
        char e[2] = { (char)c, 0 };
        echo(e);
    }
}

/* ---- commands ----------------------------------------------------------------------------- */

static unsigned long pct(uint64_t part, uint64_t whole)
{
    return whole ? (unsigned long)(part * 1000 / whole) : 0;
}

static void cores_list(void)
{
    kprintf("%d/%d cores online\n", cpus_online(), cpus_possible);
    for (int i = 0; i < cpus_possible; i++) {
        struct cpu *c = &cpus[i];
        uint64_t busy, idle, irq;
        cpu_times(i, &busy, &idle, &irq);
        uint64_t tot = busy + idle + irq;
        unsigned long b = pct(busy, tot), id = pct(idle, tot), q = pct(irq, tot);
        kprintf("  core %d: %-7s running %lu.%lu%%  idle %lu.%lu%%  irq %lu.%lu%%  "
                "(%llu ms, %llu ms, %llu ms)  switches %llu  irqs %llu (longest %llu us, irq %lu)  now: %s\n",
                i, c->online ? "online" : "offline", b / 10, b % 10, id / 10, id % 10, q / 10, q % 10,
                (unsigned long long)(timer_ticks_to_ns(busy) / 1000000),
                (unsigned long long)(timer_ticks_to_ns(idle) / 1000000),
                (unsigned long long)(timer_ticks_to_ns(irq) / 1000000),
                (unsigned long long)c->n_switch, (unsigned long long)c->n_irq,
                (unsigned long long)(timer_ticks_to_ns(c->irq_max) / 1000), (unsigned long)c->irq_max_id,
                c->online && c->cur ? c->cur->name : "-");
    }
}

static int cmd_cores(int argc, char **argv)
{
    if (argc == 1) {
        cores_list();
        return 0;
    }
    char *end;
    if (argc == 3 && (!strcmp(argv[1], "off") || !strcmp(argv[1], "on"))) {
        long n = strtol(argv[2], &end, 10);
        if (*end || end == argv[2]) {
            kprintf("cores: '%s' is not a core number\n", argv[2]);
            return 1;
        }
        int r = !strcmp(argv[1], "off") ? cpu_offline((int)n) : cpu_online((int)n);
        if (r == 0)
            kprintf("core %ld %s; %d/%d cores online\n", n, argv[1][1] == 'f' ? "offline" : "online",
                    cpus_online(), cpus_possible);
        return r ? 1 : 0;
    }
    if (argc == 2) {
        long n = strtol(argv[1], &end, 10);
        if (!*end && end != argv[1]) {
            int r = cpu_set_count((int)n);
            if (r < 0) {
                kprintf("cores: cannot set %ld cores online (1..%d)\n", n, cpus_possible);
                return 1;
            }
            kprintf("%d/%d cores online\n", r, cpus_possible);
            return 0;
        }
    }
    kprintf("usage: cores | cores off N | cores on N | cores N\n");
    return 1;
}

static const char *state_name(int s)
{
    static const char *const n[] = { "ready", "running", "sleeping", "zombie", "dead", "idle" };
    return s >= 0 && s <= T_IDLE ? n[s] : "?";
}

/* A snapshot taken under sched_lock (copying only), printed after it is released. */
#define SHOW_THREADS 64
struct tsnap {
    uint32_t tid;
    char name[THREAD_NAME_LEN];
    int state, cpu, affinity;
    uint64_t t_run, n_switch;
    const char *wq;
};
struct tl { struct tsnap *s; int n, total; };

static void thread_copy(struct thread *t, void *arg)
{
    struct tl *l = arg;
    l->total++;
    if (l->n >= SHOW_THREADS)
        return;
    struct tsnap *d = &l->s[l->n++];
    d->tid = t->tid;
    memcpy(d->name, t->name, sizeof d->name);
    d->state = t->state;
    d->cpu = t->cpu;
    d->affinity = t->affinity;
    d->t_run = t->t_run;
    d->n_switch = t->n_switch;
    d->wq = t->wq ? t->wq->name : 0;
}

static int cmd_threads(void)
{
    struct tl l = { malloc(sizeof(struct tsnap) * SHOW_THREADS), 0, 0 };
    if (!l.s) {
        kprintf("threads: out of memory\n");
        return 1;
    }
    thread_list(thread_copy, &l);
    kprintf("  %5s %-15s %-8s\n", "tid", "name", "state");
    for (int i = 0; i < l.n; i++) {
        struct tsnap *t = &l.s[i];
        char aff[12];
        if (t->affinity < 0)
            strcpy(aff, "any");
        else
            snprintf(aff, sizeof aff, "%d", t->affinity);
        kprintf("  %5lu %-15s %-8s core %-2d affinity %-3s run %llu ms  switches %llu%s%s\n",
                (unsigned long)t->tid, t->name, state_name(t->state), t->cpu, aff,
                (unsigned long long)(timer_ticks_to_ns(t->t_run) / 1000000),
                (unsigned long long)t->n_switch, t->wq ? "  waiting on " : "", t->wq ? t->wq : "");
    }
    if (l.total > l.n)
        kprintf("  ... (%d threads in all, idle threads included)\n", l.total);
    free(l.s);
    sched_dump();
    kprintf("heap: %lu bytes in use, %lu of %lu bytes taken from the heap region; "
            "thread stacks: %lu of %lu bytes\n",
            (unsigned long)heap_in_use(), (unsigned long)heap_sbrk_used(),
            (unsigned long)heap_sbrk_limit(), (unsigned long)stack_arena_used(),
            (unsigned long)STACK_ARENA_SIZE);
    return 0;
}

static void print_arg(const char *kv, void *arg)
{
    (*(int *)arg)++;
    kprintf("  %s\n", kv);
}

static int cmd_args(void)
{
    int n = 0;
    size_t len;
    kprintf("RAM: %lu MiB at 0x%08x (%s), boot block %s at 0x%08lx, heap up to 0x%08lx\n",
            (unsigned long)(memmap_ram_size() >> 20), RAM_BASE,
            memmap_from_dtb() ? "from the device tree" : "no device tree: the minimum assumed",
            bootargs_present() ? "found" : "none", (unsigned long)memmap_boot_block(),
            (unsigned long)memmap_heap_end());
    kprintf("boot arguments:\n");
    bootargs_each(print_arg, &n);
    if (!n)
        kprintf("  (none)\n");
    if (bootargs_script(&len))
        kprintf("script: %lu bytes%s\n", (unsigned long)len,
                bootargs_exit_after_script() ? ", power off after it" : "");
    return 0;
}

/* Deliberate faults, one per invariant the kernel checks; each ends in a panic report. They
 * fault in kernel code (or with a kernel lock held), which kernel/trap.c never contains, under
 * any GIL policy. kernel._fault_in_interpreter (ports/guest/mod_kernel.c) is the counterpart in
 * interpreter code, which is contained. */
static spinlock_t fault_lock = SPINLOCK_INIT("fault-demo");
static volatile int releaser_started;        /* fault other: the releaser thread has run */
static void release_elsewhere(void *a) { releaser_started = 1; spin_unlock(a); }

static volatile int recurse_limit = 1 << 30;
static int recurse(int n)
{
    volatile char pad[256];
    pad[0] = (char)n;
    if (n >= recurse_limit)
        return 0;
    return recurse(n + 1) + pad[0];
}
static void overflow(void *a) { (void)a; recurse(0); }

static int cmd_fault(const char *kind)
{
    if (!strcmp(kind, "null")) {
        static volatile uintptr_t bad_addr;     /* 0: the NULL page is unmapped (boot/mmu.c) */
        volatile uint32_t *p = (volatile uint32_t *)bad_addr;
        *p = 0xdead;
    } else if (!strcmp(kind, "double")) {
        spin_lock(&fault_lock);
        spin_lock(&fault_lock);
    } else if (!strcmp(kind, "unowned")) {
        spin_unlock(&fault_lock);
    } else if (!strcmp(kind, "other")) {          /* released by a thread on another core */
        spin_lock(&fault_lock);
        const char *err;
        int core = cpus_online() > 1 ? (cpu_id() + 1) % cpus_possible : -1;
        releaser_started = 0;
        struct thread *t = thread_create("releaser", release_elsewhere, &fault_lock, 0, core, &err);
        /* Hold the lock until the releaser has run on the other core: its spin_unlock panics
         * (the owner check), and the panic ends the machine, so once it started this loop never
         * ends by itself. Waiting a fixed time instead let a loaded host run the releaser only
         * after the unlock below, which then panicked for a different reason. The 60 s bound
         * only guards against a releaser that never gets its core. */
        uint64_t until = timer_now() + timer_ns_to_ticks(60000000000ull);
        while (t && core >= 0 && (releaser_started || timer_now() < until))
            ;
        spin_unlock(&fault_lock);
        kprintf("fault other: needs two cores\n");
    } else if (!strcmp(kind, "sleep")) {
        spin_lock(&fault_lock);
        thread_sleep_ns(1000000);
    } else if (!strcmp(kind, "stack")) {        /* a thread overflows into its guard page */
        const char *err;
        struct thread *t = thread_create("overflow", overflow, 0, 8192, -1, &err);
        if (t)
            thread_join(t, UINT64_MAX);
    } else if (!strcmp(kind, "undef")) {
        __asm__ volatile(".word 0xe7f000f0");     /* permanently undefined */
    } else {
        kprintf("usage: fault null|double|unowned|other|sleep|stack|undef\n");
        return 1;
    }
    return 1;
}

static int ev_cmp(const void *a, const void *b)
{
    const struct trace_ev *x = a, *y = b;
    return x->ts < y->ts ? -1 : x->ts > y->ts;
}

static int cmd_trace(int argc, char **argv)
{
    static const char *const kname[] = { "switch", "wake", "sleep", "preempt", "exit", "irq",
                                         "cpu-on", "cpu-off" };
    if (argc == 2 && !strcmp(argv[1], "clear")) {
        trace_clear();
        return 0;
    }
    if (argc == 2 && (!strcmp(argv[1], "on") || !strcmp(argv[1], "off"))) {
        trace_enabled = argv[1][1] == 'n';
        return 0;
    }
    long n = argc > 1 ? strtol(argv[1], 0, 10) : 40;
    if (n <= 0 || n > 2000) {
        kprintf("usage: trace [N (1..2000)] | trace clear | trace on | trace off\n");
        return 1;
    }
    struct trace_ev *all = malloc(sizeof *all * (size_t)n * (size_t)cpus_possible);
    if (!all) {
        kprintf("trace: out of memory\n");
        return 1;
    }
    size_t k = 0;
    for (int c = 0; c < cpus_possible; c++)
        k += trace_copy(c, all + k, (size_t)n);
    qsort(all, k, sizeof *all, ev_cmp);
    size_t from = k > (size_t)n ? k - (size_t)n : 0;
    kprintf("%12s %4s %-10s %10s %10s\n", "time(us)", "cpu", "event", "a", "b");
    for (size_t i = from; i < k; i++) {
        struct trace_ev *e = &all[i];
        char name[12];
        if (e->event >= TRACE_K_SWITCH && e->event <= TRACE_K_CPU_OFF)
            snprintf(name, sizeof name, "%s", kname[e->event - TRACE_K_SWITCH]);
        else
            snprintf(name, sizeof name, "0x%04x", e->event);
        kprintf("%12llu %4u %-10s %10lu %10lu\n", (unsigned long long)(timer_ticks_to_ns(e->ts) / 1000),
                (unsigned)e->cpu, name, (unsigned long)e->a, (unsigned long)e->b);
    }
    free(all);
    return 0;
}

static const char help_text[] =
    "commands:\n"
    "  help               this list\n"
    "  cores              list cores with running/idle/irq time\n"
    "  cores off N        take core N offline (CPU_OFF); cores on N brings it back\n"
    "  cores N            keep exactly N cores online\n"
    "  threads            list threads\n"
    "  trace [N]          last N trace events of all cores (trace clear|on|off)\n"
    "  args               boot arguments (GIL=, ARGS=, ...) and script size\n"
    "  echo TEXT          print TEXT\n"
    "  sleep MS           sleep MS milliseconds (Ctrl-C interrupts)\n"
    "  exit [N]           end a batch script with status N (interactive: power off)\n"
    "  panic [WHY]        deliberate kernel panic\n"
    "  fault [KIND]       deliberate fault: null (default), double (lock taken twice),\n"
    "                     unowned/other (bad release), sleep (sleep holding a lock),\n"
    "                     stack (thread stack overflow into its guard page), undef\n"
    "  off                power off\n";

extern const struct shell_command __shell_commands_start[], __shell_commands_end[];

static void help(void)
{
    console_write(help_text, sizeof help_text - 1);
    for (const struct shell_command *c = __shell_commands_start; c < __shell_commands_end; c++)
        kprintf("  %s\n", c->help);
}

/* A command registered with SHELL_COMMAND (kernel/shell.h), or NULL. */
static const struct shell_command *registered_command(const char *name)
{
    for (const struct shell_command *c = __shell_commands_start; c < __shell_commands_end; c++)
        if (!strcmp(c->name, name))
            return c;
    return 0;
}

#define MAX_ARGS 8

int shell_run_line(const char *line)
{
    char buf[SHELL_LINE_MAX];
    if (strlen(line) >= sizeof buf) {
        kprintf("error: line too long (max %u characters)\n", (unsigned)sizeof buf - 1);
        return 1;
    }
    strcpy(buf, line);
    char *argv[MAX_ARGS + 1];
    int argc = 0;
    char *save;
    for (char *p = strtok_r(buf, " \t\r\n", &save); p; p = strtok_r(0, " \t\r\n", &save)) {
        if (argc == MAX_ARGS) {
            kprintf("error: too many arguments (max %d)\n", MAX_ARGS - 1);
            return 1;
        }
        argv[argc++] = p;
    }
    argv[argc] = 0;
    if (argc == 0 || argv[0][0] == '#')
        return 0;
    const char *cmd = argv[0];
    if (!strcmp(cmd, "help") || !strcmp(cmd, "?")) {
        help();
        return 0;
    }
    if (!strcmp(cmd, "cores"))
        return cmd_cores(argc, argv);
    if (!strcmp(cmd, "threads"))
        return cmd_threads();
    if (!strcmp(cmd, "args"))
        return cmd_args();
    if (!strcmp(cmd, "trace"))
        return cmd_trace(argc, argv);
    if (!strcmp(cmd, "echo")) {
        for (int i = 1; i < argc; i++)
            kprintf("%s%s", argv[i], i + 1 < argc ? " " : "");
        kprintf("\n");
        return 0;
    }
    if (!strcmp(cmd, "sleep")) {
        long ms = argc > 1 ? strtol(argv[1], 0, 10) : 0;
        if (ms < 0)
            ms = 0;
        if (thread_sleep_ns((uint64_t)ms * 1000000u) < 0) {
            console_interrupt_clear();
            kprintf("sleep: interrupted\n");
            return 1;
        }
        return 0;
    }
    if (!strcmp(cmd, "exit")) {
        shell_exit_requested = 1;
        return argc > 1 ? (int)strtol(argv[1], 0, 10) : 0;
    }
    if (!strcmp(cmd, "off")) {
        kprintf("powering off\n");
        kernel_exit(EXIT_OK);
    }
    if (!strcmp(cmd, "panic"))
        panic("deliberate panic from the shell (%s)", argc > 1 ? argv[1] : "no reason given");
    if (!strcmp(cmd, "fault"))
        return cmd_fault(argc > 1 ? argv[1] : "null");
    const struct shell_command *rc = registered_command(cmd);
    if (rc)
        return rc->run(argc, argv);
    kprintf("unknown command '%.40s' (try 'help')\n", cmd);
    return 1;
}

void shell_loop(void)
{
    char line[SHELL_LINE_MAX];
    for (;;) {
        echo("tollbooth> ");
        int n = shell_readline(line, sizeof line);
        if (n <= 0)
            continue;
        shell_exit_requested = 0;
        int st = shell_run_line(line);
        if (shell_exit_requested) {
            kprintf("powering off (status %d)\n", st);
            kernel_exit(st);
        }
    }
}

/* Batch: one command per line; stops at the first failing command (status 1) or `exit N`. */
int shell_run_script(const char *src, size_t len)
{
    char line[SHELL_LINE_MAX];
    size_t i = 0;
    int lineno = 0;
    while (i < len) {
        size_t j = i;
        while (j < len && src[j] != '\n')
            j++;
        lineno++;
        size_t n = j - i;
        if (n >= sizeof line) {
            kprintf("script line %d: too long\n", lineno);
            return EXIT_ERROR;
        }
        memcpy(line, src + i, n);
        line[n] = 0;
        i = j + 1;
        shell_exit_requested = 0;
        int st = shell_run_line(line);
        if (shell_exit_requested)
            return st;
        if (st != 0) {
            kprintf("script line %d failed: %s\n", lineno, line);
            return EXIT_ERROR;
        }
    }
    return EXIT_OK;
}
