/*
 * interp/compile/compile.h — Python source to a code object (interp/bytecode/code.h).
 *
 * compile_source runs the lexer, parser (parser.c), symbol table (symtable.c), code
 * generator (compile.c) and assembler (assemble.c). On a syntax error it returns NULL with a SyntaxError (or
 * IndentationError/TabError) raised whose attributes msg, filename, lineno, offset (1-based
 * column), text (the source line with its newline), end_lineno, end_offset are set, and whose
 * args are (msg, (filename, lineno, offset, text, end_lineno, end_offset)) as CPython's. Other
 * failures: MemoryError, RecursionError ("maximum recursion depth exceeded during
 * compilation"). Called by the runtime (import, exec/eval/compile builtins, REPL, host main)
 * with the GIL held; uses no global state.
 */
#ifndef INTERP_COMPILE_H
#define INTERP_COMPILE_H

#include "core/obj.h"

enum {
    COMPILE_FILE,        /* "exec": a module */
    COMPILE_SINGLE,      /* REPL: expression statements print their value (PRINT_EXPR) */
    COMPILE_EVAL,        /* one expression; the code returns its value */
};

Obj *compile_source(const char *src, size_t len, const char *filename, int mode);

/* For the REPL: 1 if `src` is complete (run it, or compile it to get its SyntaxError), 0 if it
 * needs more lines: an open bracket, an unterminated triple-quoted string, a trailing backslash,
 * a block header without its body, or (as CPython's REPL) a compound statement not yet ended by
 * an empty line — `src` is the lines joined by '\n', so it ends with '\n' exactly when the last
 * line typed was empty. Leaves no exception set. */
int compile_is_complete(const char *src, size_t len);

#endif
