/*
 * interp/port/port.h — the only door from the interpreter to the platform.
 *
 * interp/ includes no kernel header and no OS header beyond the C library; everything it needs
 * from below (threads, spinlocks, wait queues with timeouts, monotonic time, console I/O, memory,
 * per-thread slots, C stack bounds, core control and statistics) comes through the functions
 * declared here.
 * Two implementations exist and must behave alike:
 *   ports/guest/port_guest.c  — the Tollbooth kernel (guest), on kernel/sched, kernel/waitq, kernel/spinlock
 *   ports/host/port_linux.c   — Linux (host build `tollpy`), on pthreads, futex/condvars, clock_gettime
 * One GIL, two ports: what the host measures is the code that runs in the guest. interp/ compiles
 * the same for both: where the platforms differ (names, sizes, what exists at all) the port says
 * so through a function here (the platform profile, port_process_id, port_getenv, ...), never
 * through a build macro. The one build option interp/ still looks at is the sanitizer's
 * (__SANITIZE_ADDRESS__: objects/, core/mem.c), which is not a platform.
 *
 * Locking contract: a port_spin_t is a real spinlock (interrupts off in the kernel); hold it for a
 * few dozen instructions at most and never across port_waitq_sleep (the kernel panics if you do,
 * except the one lock handed to port_waitq_sleep, which it releases atomically with going to sleep).
 */
#ifndef INTERP_PORT_H
#define INTERP_PORT_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/* ---- the platform profile ------------------------------------------------------------------ */
/* What the interpreter sizes itself by, and the names it shows; constant for the whole run.
 *                        host (Linux)            guest (Tollbooth)
 *   name                 "linux"                 "tollbooth"       sys.platform
 *   thread_stack         0 (pthread's, 8 MiB)    64 KiB            a Python thread's C stack
 *   process_stack        0                       128 KiB           a multiprocessing process's thread
 *   c_stack_reserve      256 KiB (ASan 512 KiB)  12 KiB            kept free below c_stack_low's mark
 *   compile_stack_budget 1 MiB                   10 KiB            the compiler front end's C stack
 *   max_processes        64                      16                multiprocessing's default limit
 *   process_mem_limit    256 MiB                 32 MiB            one process's default memory
 * A stack size of 0 means "the platform's default" (port_thread_start). c_stack_reserve is at most
 * a quarter of the stack in use (c_stack_low, interp/core/cstack.c). */
typedef struct {
    const char *name;
    size_t thread_stack, process_stack;
    size_t c_stack_reserve, compile_stack_budget;
    int max_processes;
    size_t process_mem_limit;
} port_platform_info;
const port_platform_info *port_platform(void);

/* ---- time ---------------------------------------------------------------------------------- */
uint64_t port_time_ns(void);          /* monotonic, ns since boot (guest) / since an arbitrary epoch (host) */
uint64_t port_wall_time_ns(void);     /* for time.time(): ns since the Unix epoch where known, else boot */
/* CPU time of the whole program, for time.process_time(): host CLOCK_PROCESS_CPUTIME_ID; guest
 * (no per-process accounting) port_time_ns. */
uint64_t port_cpu_time_ns(void);

/* ---- the program's surroundings ------------------------------------------------------------ */
/* os.getpid(): the OS's process id (host), or 0 where the platform has no processes (guest: the
 * caller then numbers its interpreters instead). */
long port_process_id(void);
/* An environment variable (host: getenv, e.g. TOLLPY_GIL); NULL when unset or where the platform
 * has no environment (guest: its boot arguments are the console's business, ports/guest/console.c). */
const char *port_getenv(const char *name);

/* ---- spinlocks ------------------------------------------------------------------------------ */
/* Opaque storage big enough for either port; initialise with port_spin_init before use. */
typedef struct { uintptr_t opaque[6]; } port_spin_t;
void port_spin_init(port_spin_t *l, const char *name);
void port_spin_lock(port_spin_t *l);
void port_spin_unlock(port_spin_t *l);

/* ---- wait queues ---------------------------------------------------------------------------- */
/* A wait queue is a set of sleeping threads. No lost wake-ups: the caller checks its condition
 * while holding `lk`, then calls port_waitq_sleep, which releases `lk` and sleeps atomically and
 * re-takes `lk` before returning. Returns 0 when woken, 1 when timeout_ns elapsed
 * (timeout_ns == PORT_FOREVER waits without a deadline), -1 if interrupted (Ctrl-C / reset). */
#define PORT_FOREVER UINT64_MAX
typedef struct { uintptr_t opaque[8]; } port_waitq_t;
void port_waitq_init(port_waitq_t *q, const char *name);
int  port_waitq_sleep(port_waitq_t *q, port_spin_t *lk, uint64_t timeout_ns);
int  port_waitq_wake_one(port_waitq_t *q);   /* returns the number woken (0 or 1) */
int  port_waitq_wake_all(port_waitq_t *q);   /* returns the number woken */

/* ---- threads -------------------------------------------------------------------------------- */
typedef struct port_thread port_thread;       /* opaque */
#define PORT_ANY_CORE (-1)
/* Start fn(arg) on a new thread. Returns NULL (and sets *err to a short reason) on failure:
 * too many threads, stack too large, out of memory. Never corrupts anything on failure. */
port_thread *port_thread_start(const char *name, void (*fn)(void *), void *arg,
                               size_t stack_size, int core, const char **err);
/* Wait until t has finished, or timeout; 0 = finished (t is then released), 1 = timeout. */
int      port_thread_join(port_thread *t, uint64_t timeout_ns);
void     port_thread_detach(port_thread *t);  /* release t; it frees itself when it ends */
void     port_thread_exit(void) __attribute__((noreturn));
void     port_thread_yield(void);
/* Sleep ns; returns -1 if interrupted (Ctrl-C / reset), else 0. */
int      port_sleep_ns(uint64_t ns);
uint32_t port_thread_id(void);                /* unique while alive, never 0 */
int      port_current_core(void);             /* the core we run on now */

/* The calling thread's C stack: [*lo, *hi), lo the lowest address it may use (just above the
 * guard page), hi the top it grows down from. The interpreter's recursion checks
 * (c_stack_check in interp/objects/object.c) compare the stack pointer with these. Both 0 when the
 * platform cannot tell (then no check fires). Host: pthread_getattr_np, cached per thread;
 * guest: the kernel thread's stack (kernel/thread.c). Cheap enough for every C re-entry. */
void port_stack_bounds(uintptr_t *lo, uintptr_t *hi);

/* One pointer per thread for the interpreter (its ThreadState). NULL on a fresh thread. */
void  port_tls_set(void *p);
void *port_tls_get(void);

/* ---- cores ---------------------------------------------------------------------------------- */
int port_cores_online(void);
int port_cores_possible(void);
/* Keep exactly n cores online (1..possible); returns the number online afterwards, or -1. */
int port_cores_set(int n);

/* ---- memory --------------------------------------------------------------------------------- */
/* Raw memory for the interpreter's allocator; NULL when the platform is out of memory. */
void *port_malloc(size_t n);
void *port_realloc(void *p, size_t n);
void  port_free(void *p);

/* ---- console -------------------------------------------------------------------------------- */
/* Write bytes; a write from one thread is never interleaved mid-call with another's. */
void port_write(const char *buf, size_t n);
/* Write error text (tracebacks, warnings): host stderr, after flushing what stdout buffered so
 * the two stay in order; guest the same console as port_write. Same no-interleaving promise. */
void port_write_err(const char *buf, size_t n);
/* Read one byte, blocking; -1 on end of input (host EOF) or interrupt. */
int  port_getc(void);
/* input()'s line from the platform's own line editor, where it has one (guest: the console's,
 * ports/guest/line_edit.c: the prompt, echo, editing, a newline after Enter). Returns the line's
 * length in bytes and *line, a port_malloc'd NUL-terminated copy without the newline (the
 * caller port_frees it); PORT_LINE_EOF at end of input (Ctrl-D on an empty line),
 * PORT_LINE_INTR for Ctrl-C, PORT_LINE_NONE where the platform has no editor (host: the terminal
 * edits; input() writes the prompt and reads port_getc itself). Called without the GIL. */
enum { PORT_LINE_NONE = -1, PORT_LINE_EOF = -2, PORT_LINE_INTR = -3 };
long port_read_line(const char *prompt, char **line);
/* Set by the console when Ctrl-C arrives; the VM's eval breaker polls and clears it. */
bool port_interrupt_pending(void);
void port_interrupt_clear(void);

/* ---- help() --------------------------------------------------------------------------------- */
/* help() with no argument (interp/runtime/builtins.c): the platform's own guide, written with
 * port_write; returns true if it wrote one, false for none (the interpreter then prints its short
 * line, interp/lib/pydoc.py). Guest: the console's guide (ports/guest/help.c); host: false.
 * Called with the GIL held. */
bool port_help_guide(void);

/* ---- program exit --------------------------------------------------------------------------- */
void port_exit(int status) __attribute__((noreturn));   /* host: exit(); guest: power off */

/* ---- fault containment (guest: every GIL policy) -------------------------------------------- */
/* While a hook is set, a fault (data/prefetch abort, undefined instruction, an overflow into the
 * thread's own stack guard page) in a thread's own code is offered to it before the platform's
 * default (guest: kernel panic). The platform has already printed its report (kind, pc and
 * symbol, address, backtrace) when cont runs. The hook runs in the
 * fault handler: short, no locks, no allocation. It returns NULL (the default happens) or a
 * continuation: the thread never returns to the faulting code; it runs cont(f) on its own stack
 * (reset), and cont must not return (port_thread_exit, port_exit, ...). Faults inside the
 * platform (its own code, a port_spin lock held, an interrupt handler, another thread's guard
 * page) are never offered.
 * Host (port_linux.c): a no-op; the host's unsafe policy handles SIGSEGV/SIGBUS itself. */
typedef struct {
    const char *kind;                 /* "data abort", "prefetch abort", "undefined instruction" */
    uintptr_t pc, addr;               /* faulting pc; fault address (aborts) */
    const char *thread;               /* the platform's thread name */
    int stack_overflow;               /* the abort hit the thread's own stack guard page */
} port_fault;
typedef void (*port_fault_cont)(const port_fault *f);
typedef port_fault_cont (*port_fault_hook)(const port_fault *f);
void port_set_fault_hook(port_fault_hook h);     /* NULL: none */
/* Every sleep under way (port_sleep_ns, port_waitq_sleep) returns -1 as for Ctrl-C, so a thread
 * blocked in join() or a lock sees the unsafe policy's reset. Guest: at once; host: within one
 * 50 ms slice of the sleep. */
void port_interrupt_sleepers(void);
/* The `unsafe` policy, guest: while on, freed memory is kept out of the heap the kernel shares (a
 * racing double free then lands in dead memory, not in malloc's free lists). Host: a no-op, and
 * port_has_heap_quarantine says so: the interpreter's allocator then keeps the policy's frees in
 * its own quarantine (interp/core/mem.c). */
void port_heap_quarantine(bool on);
bool port_has_heap_quarantine(void);      /* guest true, host false; constant */
/* The `unsafe` policy, host: while set, a crash signal in any thread (SIGSEGV, SIGBUS, and
 * SIGABRT: glibc found its heap corrupted) writes before, the signal's name, after to stderr and
 * ends the process with status 1 (the first signal reports; later ones wait for the exit). Only
 * write and _exit run in the handler. NULL, NULL: the default actions again. Guest: a no-op;
 * faults there reach the interpreter through port_set_fault_hook. */
void port_crash_exit(const char *before, const char *after);

/* ---- files ---------------------------------------------------------------------------------- */
/* The file system: host POSIX (ports/host/port_linux.c), guest the FAT volume on the virtio disk
 * (ports/guest/port_file.c over fs/fat.c). Paths are UTF-8, relative ones taken from the current
 * directory. Every result below that is an int or long is >= 0 on success, else a negative errno
 * with Linux's numbers on both ports (PORT_E*: what Python programs compare errno with). Every
 * call may block on the disk: call them without the GIL (gil_before_blocking), as time.sleep
 * does. Guest: a file that is open cannot be removed or replaced (-PORT_EBUSY). */
enum {
    PORT_EPERM = 1, PORT_ENOENT = 2, PORT_EIO = 5, PORT_EBADF = 9, PORT_EACCES = 13,
    PORT_EBUSY = 16, PORT_EEXIST = 17, PORT_EXDEV = 18, PORT_ENODEV = 19, PORT_ENOTDIR = 20,
    PORT_EISDIR = 21, PORT_EINVAL = 22, PORT_ENFILE = 23, PORT_EMFILE = 24, PORT_EFBIG = 27,
    PORT_ENOSPC = 28, PORT_ESPIPE = 29, PORT_EROFS = 30, PORT_ENAMETOOLONG = 36,
    PORT_ENOTEMPTY = 39,
};
enum { PORT_O_RDONLY = 0, PORT_O_WRONLY = 1, PORT_O_RDWR = 2, PORT_O_ACCMODE = 3,
       PORT_O_CREAT = 0x40, PORT_O_EXCL = 0x80, PORT_O_TRUNC = 0x200, PORT_O_APPEND = 0x400 };
typedef struct { int is_dir; uint64_t size; int64_t mtime; } port_stat_t;   /* mtime: Unix s */
typedef struct { uint32_t bsize; uint64_t blocks, bfree; } port_statvfs_t;
/* A descriptor. tag: the interpreter whose thread opens it (opaque to the port), for
 * port_close_tagged; NULL for the port's own reads (a script run from the console). */
int     port_file_open(const char *path, int flags, const void *tag);
long    port_file_read(int fd, void *buf, size_t n);
long    port_file_write(int fd, const void *buf, size_t n);  /* O_APPEND: at the end, always */
int64_t port_file_seek(int fd, int64_t off, int whence);    /* whence 0 set, 1 cur, 2 end */
int     port_file_truncate(int fd, uint64_t len);
int     port_file_fstat(int fd, port_stat_t *st);
int     port_file_close(int fd);
int     port_path_stat(const char *path, port_stat_t *st);
/* cb(ctx, name, st) for each entry but "." and ".."; a nonzero return stops the listing. cb
 * must not call the file functions (guest: the file system's lock is held). */
int     port_listdir(const char *path, int (*cb)(void *ctx, const char *name, const port_stat_t *st),
                     void *ctx);
int     port_mkdir(const char *path);
int     port_rmdir(const char *path);
int     port_remove(const char *path);
int     port_rename(const char *from, const char *to);
int     port_statvfs(const char *path, port_statvfs_t *st);
int     port_getcwd(char *buf, size_t n);
int     port_chdir(const char *path);
int     port_sync(void);

/* ---- sockets -------------------------------------------------------------------------------- */
/* IPv4 sockets: host POSIX sockets (ports/host/port_linux.c), guest the kernel's own TCP/IP stack
 * over virtio-net (ports/guest/port_socket.c over net/). Addresses and ports are in host byte
 * order. Results as for files: >= 0 success, else a negative errno with Linux's numbers.
 * Every call that can wait takes timeout_ns: PORT_FOREVER blocks, 0 never waits (-PORT_EAGAIN,
 * or -PORT_EINPROGRESS from a connect that has begun), anything else is a deadline
 * (-PORT_ETIMEDOUT when it passes). Ctrl-C ends a wait with -PORT_EINTR. Every call may block:
 * call them without the GIL (gil_before_blocking), as the file calls are. A socket descriptor is
 * not a file descriptor: the two numberings are separate. */
enum {
    PORT_EINTR = 4, PORT_EAGAIN = 11, PORT_ENOMEM = 12, PORT_EPIPE = 32, PORT_ENOTSOCK = 88,
    PORT_EDESTADDRREQ = 89, PORT_EMSGSIZE = 90, PORT_ENOPROTOOPT = 92, PORT_EOPNOTSUPP = 95,
    PORT_EAFNOSUPPORT = 97, PORT_EADDRINUSE = 98, PORT_EADDRNOTAVAIL = 99, PORT_ENETDOWN = 100,
    PORT_ENETUNREACH = 101, PORT_ECONNABORTED = 103, PORT_ECONNRESET = 104, PORT_ENOBUFS = 105,
    PORT_EISCONN = 106, PORT_ENOTCONN = 107, PORT_ETIMEDOUT = 110, PORT_ECONNREFUSED = 111,
    PORT_EHOSTUNREACH = 113, PORT_EALREADY = 114, PORT_EINPROGRESS = 115,
};
enum { PORT_SOCK_STREAM = 1, PORT_SOCK_DGRAM = 2 };           /* Linux's values, as Python shows them */
enum { PORT_SHUT_RD = 0, PORT_SHUT_WR = 1, PORT_SHUT_RDWR = 2 };
enum { PORT_SO_REUSEADDR = 1, PORT_SO_BROADCAST = 2, PORT_TCP_NODELAY = 3 };  /* port_sock_setopt */
typedef struct { uint32_t addr; uint16_t port; } port_sockaddr_t;            /* IPv4, host order */
/* A socket descriptor. tag: the interpreter whose thread opens it (opaque to the port), for
 * port_close_tagged; a socket accepted from a listener has the listener's tag. */
int  port_sock_open(int type, const void *tag);
int  port_sock_bind(int s, const port_sockaddr_t *a);       /* port 0: one is chosen */
int  port_sock_listen(int s, int backlog);
int  port_sock_accept(int s, port_sockaddr_t *peer, uint64_t timeout_ns);   /* a new descriptor */
int  port_sock_connect(int s, const port_sockaddr_t *a, uint64_t timeout_ns);
/* STREAM: how much was sent (at least 1 byte unless n is 0), or an error; 0 from recv is the
 * peer's FIN. DGRAM: one datagram each (recv truncates to n). send on a DGRAM needs a connect. */
long port_sock_send(int s, const void *buf, size_t n, uint64_t timeout_ns);
long port_sock_recv(int s, void *buf, size_t n, uint64_t timeout_ns);
long port_sock_sendto(int s, const void *buf, size_t n, const port_sockaddr_t *to, uint64_t timeout_ns);
long port_sock_recvfrom(int s, void *buf, size_t n, port_sockaddr_t *from, uint64_t timeout_ns);
int  port_sock_shutdown(int s, int how);
int  port_sock_close(int s);                                 /* never waits (TCP closes behind) */
/* Close every socket and file opened with this tag (port_sock_open, port_file_open), each as
 * port_sock_close / port_file_close: for an interpreter abandoned without its objects'
 * finalizers (after a crash or a corruption, the guest console and a guest multiprocessing
 * child), whose listeners would otherwise go on taking connections nobody serves and keep their
 * ports bound, and whose files would hold descriptors of a fixed table for ever. How many. A
 * descriptor the abandoned threads still hold then fails (-PORT_ENOTSOCK, -PORT_EBADF) rather
 * than reaching a later socket or file. */
int  port_close_tagged(const void *tag);
int  port_sock_name(int s, port_sockaddr_t *a, bool peer);   /* getsockname / getpeername */
int  port_sock_setopt(int s, int opt, int value);
int  port_sock_getopt(int s, int opt, int *value);
/* A name to an address: a dotted quad, or a name from the platform's small hosts table
 * ("localhost"; guest also "host", QEMU's gateway 10.0.2.2, the machine QEMU runs on). 0 found,
 * -PORT_ENOENT unknown (Python: socket.gaierror). Never contacts a name server. */
int  port_resolve(const char *name, uint32_t *addr);
/* The platform's own counts (guest: live sockets, packet buffers in use, frames in/out/dropped;
 * host: live sockets opened through this port). cb(ctx, name, value) per count. For tests that
 * check nothing leaks (Python: socket._stats()). */
void port_net_stats(void (*cb)(void *ctx, const char *name, uint64_t value), void *ctx);

/* ---- trace ---------------------------------------------------------------------------------- */
/* Append one event to the current core's trace ring (cheap; never blocks). `a`/`b` are
 * event-specific. Event codes are defined by interp/port/trace_events.h. */
void port_trace(uint16_t event, uint32_t a, uint32_t b);
/* Can the interpreter read its trace back (port_trace_count/_get/_reset, trace_events.h)? Host
 * true (one global ring); guest false (the kernel's per-core rings are read by the guest port's
 * own timeline, ports/guest/timeline.c; there the readers answer "empty"). */
bool port_trace_readable(void);

#endif
