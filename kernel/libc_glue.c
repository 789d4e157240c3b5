/*
 * kernel/libc_glue.c — newlib on an SMP kernel.
 *
 * This newlib (Debian arm-none-eabi) is built without stdio locks and with one global
 * struct _reent (_REENT, _impure_ptr), so two cores must never be inside stdio or dtoa with the
 * same struct _reent (its Bigint free list and dtoa result live there) at the same time. The
 * build wraps the stdio/strtod entry points and the dtoa/strtod cores _dtoa_r/_strtod_r
 * (-Wl,--wrap=..., see mk/kernel.mk). snprintf/vsnprintf/sprintf and strtod run newlib's
 * reentrant cores (_vsnprintf_r, _strtod_r) on this core's own struct _reent (fmt_reent[],
 * initialised on first use) with interrupts off for the call (push_off: nothing else runs on
 * this core meanwhile, so the struct is the call's alone): no lock and no shared line, so the
 * cores format in parallel (the interpreter's float repr is up to 17 snprintf + strtod pairs).
 * The dtoa/strtod cores reached from those calls get that same per-core struct and run as they
 * are; reached with any other struct (the global _REENT: atof, ecvt, sscanf, strtof) they still
 * run under fmt_lock (recursive per core, interrupts off), as every formatting call once did.
 * errno set by a call on a per-core struct stays in that struct (nothing here reads it).
 * Printing formats into a buffer, then writes the buffer to the console in one atomic
 * console_write. Every stream (stdout, stderr, anything else) goes to the console.
 *
 * malloc is made thread-safe through newlib's own hooks __malloc_lock/__malloc_unlock
 * (recursive, per core). _sbrk grows the heap from the end of the kernel image up to
 * memmap_heap_end() (kernel/memmap.h) and then fails cleanly with ENOMEM, so malloc returns NULL.
 * Lock order: fmt_lock -> malloc_lock -> sbrk_lock; none of them is held while sleeping (a
 * per-core formatting call takes malloc_lock with interrupts off, for dtoa's Bigints).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <malloc.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <reent.h>
#include "kernel/libc_glue.h"
#include "kernel/console.h"
#include "kernel/spinlock.h"
#include "kernel/cpu.h"
#include "kernel/panic.h"
#include "kernel/memmap.h"
#include "drivers/timer.h"

/* ---- recursive per-core locks ------------------------------------------------------------- */
struct rlock { spinlock_t l; int depth; };
static struct rlock fmt_lock = { SPINLOCK_INIT("libc-fmt"), 0 };
static struct rlock malloc_lock = { SPINLOCK_INIT("malloc"), 0 };

static void rlock_take(struct rlock *r)
{
    push_off();
    if (spin_holding(&r->l))
        r->depth++;
    else {
        spin_lock(&r->l);
        r->depth = 1;
    }
    pop_off();
}

static void rlock_give(struct rlock *r)
{
    if (--r->depth == 0)
        spin_unlock(&r->l);
}

void __malloc_lock(struct _reent *r) { (void)r; rlock_take(&malloc_lock); }
void __malloc_unlock(struct _reent *r) { (void)r; rlock_give(&malloc_lock); }

/* ---- heap --------------------------------------------------------------------------------- */
extern char __heap_start[];
static char *heap_end = __heap_start;
static spinlock_t sbrk_lock = SPINLOCK_INIT("sbrk");

void *_sbrk(ptrdiff_t incr)
{
    spin_lock(&sbrk_lock);
    char *old = heap_end;
    if (incr > 0 && (uintptr_t)(memmap_heap_end() - (uintptr_t)heap_end) < (uintptr_t)incr) {
        spin_unlock(&sbrk_lock);
        errno = ENOMEM;
        return (void *)-1;
    }
    heap_end += incr;
    spin_unlock(&sbrk_lock);
    return old;
}

size_t heap_sbrk_used(void) { return (size_t)(heap_end - __heap_start); }
size_t heap_sbrk_limit(void) { return (size_t)(memmap_heap_end() - (uintptr_t)__heap_start); }
size_t heap_in_use(void)
{
    struct mallinfo mi = mallinfo();
    return mi.uordblks;
}

/* ---- system calls newlib needs ------------------------------------------------------------ */
int _write(int fd, const char *buf, int n)
{
    (void)fd;
    console_write(buf, (size_t)n);
    return n;
}

int _read(int fd, char *buf, int n)
{
    (void)fd;
    if (n <= 0)
        return 0;
    int c = console_getc();
    buf[0] = (char)(c == '\r' ? '\n' : c);
    return 1;
}

int _close(int fd) { (void)fd; return -1; }
int _fstat(int fd, struct stat *st) { (void)fd; memset(st, 0, sizeof *st); st->st_mode = S_IFCHR; return 0; }
int _isatty(int fd) { (void)fd; return 1; }
int _lseek(int fd, int off, int whence) { (void)fd; (void)off; (void)whence; return 0; }
int _kill(int pid, int sig) { (void)pid; (void)sig; errno = EINVAL; return -1; }
int _getpid(void) { return 1; }
int _open(const char *p, int f, int m) { (void)p; (void)f; (void)m; errno = ENOSYS; return -1; }
int _unlink(const char *p) { (void)p; errno = ENOSYS; return -1; }
int _link(const char *a, const char *b) { (void)a; (void)b; errno = ENOSYS; return -1; }
int _times(void *t) { (void)t; return -1; }
void _exit(int status) { kernel_exit(status); }

int _gettimeofday(struct timeval *tv, void *tz)
{
    (void)tz;
    uint64_t ns = timer_ticks_to_ns(timer_now());
    tv->tv_sec = (time_t)(ns / 1000000000u);
    tv->tv_usec = (suseconds_t)(ns % 1000000000u / 1000u);
    return 0;
}

/* ---- per-core struct _reent for formatting ------------------------------------------------ */
static struct _reent fmt_reent[MAX_CPUS];
static char fmt_reent_ready[MAX_CPUS];     /* each written only by its own core, interrupts off */

/* Interrupts off until fmt_end; this core's struct, initialised on its first use. Nests (a
 * vsnprintf's %f reaches __wrap__dtoa_r with the same struct, push_off counts). */
static struct _reent *fmt_begin(void)
{
    push_off();
    int c = cpu_id();
    if (!fmt_reent_ready[c]) {
        _REENT_INIT_PTR(&fmt_reent[c]);
        fmt_reent_ready[c] = 1;
    }
    return &fmt_reent[c];
}
static void fmt_end(void) { pop_off(); }
static int is_fmt_reent(struct _reent *r) { return r >= &fmt_reent[0] && r < &fmt_reent[MAX_CPUS]; }

/* ---- wrapped stdio / dtoa entry points ---------------------------------------------------- */
float __real_strtof(const char *, char **);
char *__real__dtoa_r(struct _reent *, double, int, int, int *, int *, char **);
double __real__strtod_r(struct _reent *, const char *, char **);

int libc_vsnprintf(char *buf, size_t n, const char *fmt, va_list ap)
{
    struct _reent *re = fmt_begin();
    int r = _vsnprintf_r(re, buf, n, fmt, ap);
    fmt_end();
    return r;
}

int __wrap_vsnprintf(char *buf, size_t n, const char *fmt, va_list ap)
{
    return libc_vsnprintf(buf, n, fmt, ap);
}

int __wrap_snprintf(char *buf, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = libc_vsnprintf(buf, n, fmt, ap);
    va_end(ap);
    return r;
}

int __wrap_vsprintf(char *buf, const char *fmt, va_list ap)
{
    return libc_vsnprintf(buf, 0x7fffffff, fmt, ap);
}

int __wrap_sprintf(char *buf, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = libc_vsnprintf(buf, 0x7fffffff, fmt, ap);
    va_end(ap);
    return r;
}

/* Format to the console in one write; long output falls back to a heap buffer. */
static int console_vprintf(const char *fmt, va_list ap)
{
    char small[512];
    va_list ap2;
    va_copy(ap2, ap);
    int n = libc_vsnprintf(small, sizeof small, fmt, ap);
    if (n < 0) {
        va_end(ap2);
        return n;
    }
    if ((size_t)n < sizeof small) {
        console_write(small, (size_t)n);
    } else {
        char *big = malloc((size_t)n + 1);
        if (big) {
            libc_vsnprintf(big, (size_t)n + 1, fmt, ap2);
            console_write(big, (size_t)n);
            free(big);
        } else {
            console_write(small, sizeof small - 1);
        }
    }
    va_end(ap2);
    return n;
}

int __wrap_vprintf(const char *fmt, va_list ap) { return console_vprintf(fmt, ap); }
int __wrap_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = console_vprintf(fmt, ap);
    va_end(ap);
    return r;
}
int __wrap_vfprintf(FILE *f, const char *fmt, va_list ap) { (void)f; return console_vprintf(fmt, ap); }
int __wrap_fprintf(FILE *f, const char *fmt, ...)
{
    (void)f;
    va_list ap;
    va_start(ap, fmt);
    int r = console_vprintf(fmt, ap);
    va_end(ap);
    return r;
}
int __wrap_puts(const char *s)
{
    size_t n = strlen(s);
    char small[256];
    if (n + 1 <= sizeof small) {
        memcpy(small, s, n);
        small[n] = '\n';
        console_write(small, n + 1);
    } else {
        console_write(s, n);     /* rare: two writes */
        console_write("\n", 1);
    }
    return 1;
}
int __wrap_putchar(int c) { char ch = (char)c; console_write(&ch, 1); return (unsigned char)c; }
int __wrap_fputc(int c, FILE *f) { (void)f; return __wrap_putchar(c); }
int __wrap_fputs(const char *s, FILE *f) { (void)f; console_write(s, strlen(s)); return 1; }
size_t __wrap_fwrite(const void *p, size_t sz, size_t n, FILE *f)
{
    (void)f;
    console_write(p, sz * n);
    return n;
}
int __wrap_fflush(FILE *f) { (void)f; return 0; }

double __wrap_strtod(const char *s, char **end)
{
    struct _reent *re = fmt_begin();
    double d = __real__strtod_r(re, s, end);
    fmt_end();
    return d;
}

/* Also the reentrant cores, reached from inside libc (--wrap applies to references between
 * archive members too): on a per-core struct (from the calls above) they run as they are, with
 * interrupts still off; on any other (the global _REENT: atof, sscanf("%f"), ecvt...) they share
 * fmt_lock. */
char *__wrap__dtoa_r(struct _reent *r, double d, int mode, int nd, int *decpt, int *sign, char **rve)
{
    if (is_fmt_reent(r)) return __real__dtoa_r(r, d, mode, nd, decpt, sign, rve);
    rlock_take(&fmt_lock);
    char *p = __real__dtoa_r(r, d, mode, nd, decpt, sign, rve);
    rlock_give(&fmt_lock);
    return p;
}

double __wrap__strtod_r(struct _reent *r, const char *s, char **end)
{
    if (is_fmt_reent(r)) return __real__strtod_r(r, s, end);
    rlock_take(&fmt_lock);
    double d = __real__strtod_r(r, s, end);
    rlock_give(&fmt_lock);
    return d;
}

float __wrap_strtof(const char *s, char **end)
{
    rlock_take(&fmt_lock);
    float d = __real_strtof(s, end);
    rlock_give(&fmt_lock);
    return d;
}
