/*
 * ports/guest/guest.h — how the guest port's files call one another (ports/guest/ only; nothing
 * outside the folder includes it). One section per file. Every function here runs on the kernel's
 * console thread; none takes a lock of its own (each file's first lines say what guards its
 * state). The console I/O helpers at the top go through interp/port/port.h.
 */
#ifndef PORTS_GUEST_GUEST_H
#define PORTS_GUEST_GUEST_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "port/port.h"

/* ---- console I/O for the REPL and the line editor ---------------------------------------- */
static inline void out(const char *s) { port_write(s, strlen(s)); }
static inline void outn(const char *s, size_t n) { port_write(s, n); }
static inline int getch(void)               /* called without the GIL; Ctrl-C for an interrupt */
{
    int c = port_getc();
    return c < 0 ? 0x03 : c;
}

/* ---- line_edit.c: the console's line editor (the friendly REPL and input()) ---------------- */
#define KC_LINE_MAX 4096
enum { ED_LINE, ED_RAW, ED_BANNER, ED_INTR, ED_RESET, ED_PASTE, ED_EOF };
/* Read one edited line into l (NUL-terminated, at most KC_LINE_MAX-1 bytes, valid UTF-8); called
 * without the GIL. Returns ED_LINE or the control key's action. */
int  line_edit(const char *prompt, char *l, int *len);
/* The same editor for input(): no history, no REPL keys; at most cap-1 bytes. Returns ED_LINE,
 * ED_INTR (Ctrl-C) or ED_EOF (Ctrl-D on an empty line). */
int  line_edit_input(const char *prompt, char *l, int cap, int *len);
void line_history_add(const char *s, size_t n);   /* up/down recall it; repeats are kept once */
void line_edit_indent(int spaces);   /* the next line_edit starts with this many spaces typed */

/* ---- repl.c: the REPL (friendly, raw, paste mode) ----------------------------------------- */
void kconsole_main(void);                  /* returns on sys.exit at the prompt */
void kconsole_abandon_if_corrupt(void);    /* after a corruption report or a contained crash */
void kconsole_after_crash(void);           /* the console's main thread crashed: never returns */
int  kconsole_raw_status(void);            /* the previous raw-REPL program's exit status */

/* ---- last_run.c: "the last run", the stretch of trace the kernel module shows ------------- */
void last_run_begin(const char *src, size_t n);   /* an input starts (unless it only reads the trace) */
void last_run_end(void);
void last_run_cancel(void);
void last_run_forget(void);
void last_run_window(uint64_t *t0_ns, uint64_t *t1_ns);

/* ---- timeline.c: the trace rings drawn and exported (kernel.timeline, kernel.trace_dump) --- */
void timeline_show(int width, uint32_t main_ident, const char *policy, uint64_t t0_ns, uint64_t t1_ns);
void timeline_dump(uint32_t main_ident, const char *policy, uint64_t t0_ns, uint64_t t1_ns);

/* ---- port_file.c: files on the virtio disk (fs/fat.c) -------------------------------------- */
void guest_disk_mount(void);               /* once, at console start: prints the outcome */
/* Close every descriptor port_file_open gave with this tag (not NULL); how many (port_close_tagged). */
int  guest_files_close_tagged(const void *tag);

/* ---- net_selftest.c: the sockets' loopback self-test (kernel.nettest) ------------------- */
/* Runs every check, writes a log (failures, then a count) into out; returns how many failed.
 * Called without the GIL: it sleeps. */
int  net_selftest(char *out, size_t cap);
/* kind "get": GET / from an HTTP server on the host (10.0.2.2:port); "echo": echo one
 * connection accepted on the guest's port; "udp": a UDP echo server on the host at port, and
 * nothing at port + 1. Same log and result. */
int  net_selftest_host(const char *kind, uint16_t port, char *out, size_t cap);

#endif
