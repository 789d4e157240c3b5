/*
 * interp/runtime/traceback.h — traceback entries and CPython-format exception printing.
 * The VM prepends one entry per frame the exception leaves (vm_tb_add), so the chain reads
 * outermost call first, as printed. Called by the VM, interp.c (uncaught exceptions), the REPL.
 */
#ifndef INTERP_TRACEBACK_H
#define INTERP_TRACEBACK_H

#include "core/obj.h"

extern Type traceback_type;
Obj *tb_new(Obj *next, Obj *code, int lineno);
/* The exception leaves frame f (unhandled there): its traceback's newest entry, f's, keeps f's
 * locals alive from now on, as CPython's traceback keeps the frame (tb_frame). No-op for a
 * MemoryError or when the entry is not f's. */
struct Frame;
void tb_keep_locals(Obj *exc, struct Frame *f);
/* Format exc (with its chain) as CPython prints an uncaught exception. */
int tb_format_exception(StrBuf *b, Obj *exc);
/* Print to the error stream (stderr on the host, the console on the guest). */
void tb_print_exception(Obj *exc);
void tb_write_err(const char *s, size_t n);

#endif
