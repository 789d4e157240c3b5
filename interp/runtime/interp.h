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

#endif
