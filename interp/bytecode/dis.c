/*
 * interp/bytecode/dis.c — the disassembler: CPython's `dis` layout, so students see what one bytecode is.
 *
 *   2           0 LOAD_FAST                0 (x)
 *               2 LOAD_CONST               1 (1)
 *               4 BINARY_ADD
 *
 * Offsets are instruction index * 2 (CPython's byte offsets); ">>" marks jump targets; nested
 * code objects follow, each under "Disassembly of <code object ...>:". Called by `tollpy --dis`
 * (dis_print) and the `dis` module if there is one (dis_code). Reads only immutable code objects.
 */
#include <string.h>
#include "bytecode/code.h"
#include "bytecode/dis.h"

static void add_argrepr(StrBuf *b, CodeObj *c, int op, int arg)
{
    uint16_t f = opcode_flags[op];
    Obj *o = NULL;
    if (f & OPF_CONST) {
        if (arg < TUPLE_LEN(c->consts)) o = TUPLE_ITEMS(c->consts)[arg];
        if (o && obj_is(o, &code_type)) {
            CodeObj *cc = CODE(o);
            sb_printf(b, "<code object %s at %p, file \"%s\", line %d>", str_data(cc->name), (void *)o,
                      str_data(cc->filename), cc->firstlineno);
            return;
        }
        if (o && sb_add_repr(b, o) < 0) exc_clear();
        return;
    }
    if (f & OPF_NAME) {
        if (arg < TUPLE_LEN(c->names)) sb_add_str(b, TUPLE_ITEMS(c->names)[arg]);
        return;
    }
    if (f & OPF_LOCAL) {
        if (arg < TUPLE_LEN(c->varnames)) sb_add_str(b, TUPLE_ITEMS(c->varnames)[arg]);
        return;
    }
    if (f & OPF_FREE) {
        if (arg < c->ncells) sb_add_str(b, TUPLE_ITEMS(c->cellvars)[arg]);
        else if (arg - c->ncells < c->nfrees) sb_add_str(b, TUPLE_ITEMS(c->freevars)[arg - c->ncells]);
        return;
    }
    if (f & OPF_CMP) {
        static const char *const cmp[] = {"<", "<=", "==", "!=", ">", ">="};
        if (arg >= 0 && arg < 6) sb_adds(b, cmp[arg]);
        return;
    }
    if (f & OPF_JUMP) {
        sb_printf(b, "to %d", arg * 2);
        return;
    }
    switch (op) {
    case OP_IS_OP: sb_adds(b, arg ? "is not" : "is"); break;
    case OP_CONTAINS_OP: sb_adds(b, arg ? "not in" : "in"); break;
    case OP_FORMAT_VALUE: {
        static const char *const conv[] = {"", "str", "repr", "ascii"};
        sb_adds(b, conv[arg & FVC_MASK]);
        if (arg & FVS_HAVE_SPEC) sb_adds(b, (arg & FVC_MASK) ? ", with format" : "with format");
        break;
    }
    case OP_MAKE_FUNCTION: {
        const char *sep = "";
        if (arg & MKF_DEFAULTS) { sb_adds(b, "defaults"); sep = ", "; }
        if (arg & MKF_KWDEFAULTS) { sb_printf(b, "%skwdefaults", sep); sep = ", "; }
        if (arg & MKF_CLOSURE) sb_printf(b, "%sclosure", sep);
        break;
    }
    default: break;
    }
}

static void pad(StrBuf *b, size_t col)
{
    while (b->n < col) sb_addc(b, ' ');
}

void dis_code_buf(Obj *code, StrBuf *out)
{
    CodeObj *c = CODE(code);
    char *target = mem_alloc((size_t)c->ncode + 1);
    if (!target) {
        exc_clear();
        return;
    }
    memset(target, 0, (size_t)c->ncode + 1);
    for (int i = 0; i < c->ncode; i++) {
        int op = INSTR_OP(c->code[i]);
        if ((opcode_flags[op] & OPF_JUMP) && INSTR_ARG(c->code[i]) <= c->ncode) target[INSTR_ARG(c->code[i])] = 1;
    }
    for (int e = 0; e < c->nexc; e++)
        if (c->exctab[e].target <= (uint32_t)c->ncode) target[c->exctab[e].target] = 1;
    int lastline = -1;
    for (int i = 0; i < c->ncode; i++) {
        int op = INSTR_OP(c->code[i]), arg = INSTR_ARG(c->code[i]);
        int line = code_addr2line(code, i);
        StrBuf l;
        sb_init(&l);
        if (line != lastline) {
            if (lastline != -1) sb_addc(out, '\n');
            sb_printf(&l, "%3d", line);
            lastline = line;
        } else {
            sb_adds(&l, "   ");
        }
        sb_adds(&l, "     ");
        sb_adds(&l, target[i] ? ">>" : "  ");
        sb_printf(&l, " %4d ", i * 2);
        const char *name = op < OP__COUNT ? opcode_names[op] : "<unknown>";
        size_t opcol = l.n;
        sb_adds(&l, name);
        if (opcode_flags[op] & OPF_ARG) {
            pad(&l, opcol + 20);
            sb_addc(&l, ' ');
            char num[16];
            int k = 0, v = arg;
            do { num[k++] = (char)('0' + v % 10); v /= 10; } while (v);
            for (int s = k; s < 5; s++) sb_addc(&l, ' ');
            while (k) sb_addc(&l, num[--k]);
            size_t before = l.n;
            sb_adds(&l, " (");
            size_t mark = l.n;
            add_argrepr(&l, c, op, arg);
            if (l.n == mark) l.n = before;
            else sb_addc(&l, ')');
        }
        sb_addc(&l, '\n');
        sb_add(out, l.p, l.n);
        sb_free(&l);
    }
    if (c->nexc) {
        sb_adds(out, "ExceptionTable:\n");
        for (int e = 0; e < c->nexc; e++) {
            ExcEntry *x = &c->exctab[e];
            sb_printf(out, "  %d to %d -> %d [%d]\n", (int)x->start * 2, (int)(x->end - 1) * 2, (int)x->target * 2,
                      (int)x->depth);
        }
    }
    mem_free(target);
    for (intptr_t i = 0; i < TUPLE_LEN(c->consts); i++) {
        Obj *o = TUPLE_ITEMS(c->consts)[i];
        if (!obj_is(o, &code_type)) continue;
        CodeObj *cc = CODE(o);
        sb_printf(out, "\nDisassembly of <code object %s at %p, file \"%s\", line %d>:\n", str_data(cc->name),
                  (void *)o, str_data(cc->filename), cc->firstlineno);
        dis_code_buf(o, out);
    }
}

void dis_print(Obj *code)
{
    StrBuf b;
    sb_init(&b);
    dis_code_buf(code, &b);
    if (b.p) port_write(b.p, b.n);
    sb_free(&b);
}

void dis_code(Obj *code) { dis_print(code); }
