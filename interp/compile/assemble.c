/*
 * interp/compile/assemble.c — the assembler: a unit's emitted instructions to a code object
 * (assemble.h). Label resolution (jump arguments become instruction indices), the maximum stack
 * depth by flow analysis over the finished instructions, handlers included, the exception table
 * with each handler's depth, and the line table (runs of instructions on one source line).
 * Compile-time only: called from compile_source with the GIL held, on the compilation's arena
 * (Ctx); no global state.
 */
#include "compile/assemble.h"

Obj *assemble(Ctx *c, InstrBuf *b, const CodeObj *meta)
{
    int n = b->n;
    /* resolve jump labels */
    for (int i = 0; i < n; i++) {
        int op = INSTR_OP(b->code[i]);
        if (opcode_flags[op] & OPF_JUMP) {
            int target = b->labels[INSTR_ARG(b->code[i])];
            if (target < 0) ctx_error(c, NULL, b->ilines[i], 0, "internal compiler error: unplaced label");
            b->code[i] = INSTR_MAKE(op, target);
        }
    }
    for (int i = 0; i < b->nexc; i++) b->exc[i].handler = b->labels[b->exc[i].handler];
    /* stack depth by flow analysis */
    int *depth = ctx_alloc(c, (size_t)(n + 1) * sizeof(int));
    int *work = ctx_alloc(c, (size_t)(2 * n + 2 * b->nexc + 4) * sizeof(int));
    for (int i = 0; i <= n; i++) depth[i] = -1;
    int nw = 0, maxd = 0;
    work[nw++] = 0;
    work[nw++] = 0;
    int *exdepth = ctx_alloc(c, (size_t)(b->nexc + 1) * sizeof(int));
    bool *seeded = ctx_alloc(c, (size_t)(b->nexc + 1) * sizeof(bool));
    for (;;) {
        while (nw) {
            int d = work[--nw];
            int i = work[--nw];
            /* every path into an instruction must agree on the depth there; a mismatch is a
             * stack-accounting bug here (the VM would grow or shrink the stack each time round) */
            if (i < n && depth[i] >= 0 && depth[i] != d)
                ctx_error(c, NULL, b->ilines[i], 0, "internal compiler error: inconsistent stack depth");
            while (i < n && depth[i] < 0) {
                depth[i] = d;
                if (d > maxd) maxd = d;
                int op = INSTR_OP(b->code[i]), arg = INSTR_ARG(b->code[i]);
                if (opcode_flags[op] & OPF_JUMP) {
                    int t = arg;
                    if (depth[t] >= 0 && depth[t] != d + opcode_jump_effect(op, arg))
                        ctx_error(c, NULL, b->ilines[i], 0, "internal compiler error: inconsistent stack depth");
                    if (depth[t] < 0 && nw + 2 <= 2 * n + 2 * b->nexc + 4) {
                        work[nw++] = t;
                        work[nw++] = d + opcode_jump_effect(op, arg);
                    }
                }
                d += opcode_stack_effect(op, arg);
                if (d > maxd) maxd = d;
                if (d < 0) ctx_error(c, NULL, b->ilines[i], 0, "internal compiler error: negative stack depth");
                if (opcode_flags[op] & OPF_NOFALL) break;
                i++;
                if (i < n && depth[i] >= 0 && depth[i] != d)
                    ctx_error(c, NULL, b->ilines[i], 0, "internal compiler error: inconsistent stack depth");
            }
        }
        bool more = false;
        for (int e = 0; e < b->nexc; e++) {
            ExcRec *x = &b->exc[e];
            if (seeded[e]) continue;
            if (x->ref < n && depth[x->ref] >= 0) {
                seeded[e] = true;
                exdepth[e] = depth[x->ref] + x->adj;
                if (depth[x->handler] < 0) {
                    work[nw++] = x->handler;
                    work[nw++] = exdepth[e] + 1;
                    more = true;
                }
            }
        }
        if (!more) break;
    }
    ExcEntry *ex = b->nexc ? ctx_alloc(c, (size_t)b->nexc * sizeof(ExcEntry)) : NULL;
    for (int e = 0; e < b->nexc; e++)
        ex[e] = (ExcEntry){(uint32_t)b->exc[e].start, (uint32_t)b->exc[e].end, (uint32_t)b->exc[e].handler,
                           (uint32_t)(seeded[e] ? exdepth[e] : 0)};
    /* line runs */
    LineEntry *lines = ctx_alloc(c, (size_t)(n + 1) * sizeof(LineEntry));
    int nlines = 0;
    for (int i = 0; i < n; i++)
        if (nlines == 0 || lines[nlines - 1].line != b->ilines[i])
            lines[nlines++] = (LineEntry){(uint32_t)i, b->ilines[i]};
    CodeObj init = *meta;
    init.code = b->code;
    init.ncode = n;
    init.stacksize = maxd + 1;
    init.lines = lines;
    init.nlines = nlines;
    init.exctab = ex;
    init.nexc = b->nexc;
    /* code_new steals: hand it references of its own */
    INCREF(init.consts); INCREF(init.names); INCREF(init.varnames); INCREF(init.cellvars);
    INCREF(init.freevars); INCREF(init.name); INCREF(init.qualname); INCREF(init.filename);
    XINCREF(init.source);
    Obj *code = code_new(&init);
    if (!code) ctx_fail(c);
    return code;
}
