/*
 * interp/runtime/interp.h — interpreter and thread-state lifecycle, and the entry points the host
 * program and the kernel console call.
 *
 *   Interp *in = interp_new(64 << 20);     // creates builtins, sys, the GIL; the calling thread
 *                                          // becomes the main thread and holds the GIL
 *   int status = tollpy_run_source("x.py", src, len);   // 0, 1 (traceback printed), N (sys.exit)
 *   tollpy_repl();                          // >>> / ... until EOF
 *   interp_free(in);
 */
#ifndef INTERP_INTERP_H
#define INTERP_INTERP_H

#include "core/obj.h"
#include "core/state.h"

enum { IC_EXEC, IC_EVAL, IC_SINGLE };

Interp *interp_new(size_t mem_limit);
void interp_free(Interp *in);
ThreadState *ts_new(Interp *in);             /* not installed: call port_tls_set yourself */
void ts_free(ThreadState *ts);

/* Compile source to a code object (SyntaxError set on failure). mode: IC_*. */
Obj *interp_compile(const char *src, size_t len, const char *filename, int mode);

int tollpy_run_source(const char *name, const char *src, size_t len);
/* As tollpy_run_source with the main module's __name__ given ("__main__", "__mp_main__"). */
int tollpy_run_module(const char *modname, const char *filename, const char *src, size_t len);
void tollpy_repl(void);
/* Does this REPL line open a block (ends with ':' outside strings/comments, or a decorator)? */
bool repl_opens_block(const char *line, size_t n);
/* Exit status for the pending exception (SystemExit -> its code; else print traceback -> 1). */
int interp_handle_uncaught(void);
/* Set sys.argv from C strings (host_main). */
int interp_set_argv(int argc, char **argv);

/* A copy of the main program's source and file name (port_malloc'd; the caller port_frees
 * both), as tollpy_run_module("__main__", ...) last ran it, for a spawned process to re-run.
 * 0 (both left untouched when no main program ran yet), -1 when out of memory: the caller frees
 * whichever of the two is non-NULL. */
int interp_main_source(char **src, char **filename, size_t *len);

/* Hooks of the layers above the runtime, called by tollpy_run_module after the main module (as
 * CPython's Py_FinalizeEx calls threading._shutdown): join the non-daemon threads
 * (interp/modules/mod_thread.c sets it when `_thread` is first imported), then the processes
 * (interp/mp/mod_multiprocessing.c, when `_multiprocessing` is). NULL: nothing to join, since a
 * program that never imported the module started none. An exception raised meanwhile (Ctrl-C)
 * is left pending. */
extern void (*volatile interp_join_threads)(Interp *in);
extern void (*volatile interp_join_processes)(Interp *in);

#endif
