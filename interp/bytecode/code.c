/*
 * interp/bytecode/code.c — code objects (see code.h) and the opcode tables generated from opcodes.h.
 *
 * Called by the compiler (code_new), the VM and the traceback printer (code_addr2line,
 * code_source_line), the disassembler (opcode_names). Code objects are immutable after
 * code_new, so no lock is needed beyond the GIL for refcounts.
 */
#include <string.h>
#include "bytecode/code.h"

const char *const opcode_names[OP__COUNT] = {
#define X(name, flags, effect) #name,
    OPCODES(X)
#undef X
};

#define A OPF_ARG
const uint16_t opcode_flags[OP__COUNT] = {
#define X(name, flags, effect) flags,
    OPCODES(X)
#undef X
};

int opcode_stack_effect(int op, int arg)
{
    switch (op) {
#define X(name, flags, effect) case OP_##name: return (effect);
        OPCODES(X)
#undef X
    }
    (void)arg;
    return 0;
}
#undef A

int opcode_jump_effect(int op, int arg)
{
    switch (op) {
    case OP_FOR_ITER: return -1;               /* exhausted: the iterator is popped */
    case OP_JUMP_IF_FALSE_OR_POP:
    case OP_JUMP_IF_TRUE_OR_POP: return 0;     /* jumping keeps TOS */
    default: return opcode_stack_effect(op, arg);
    }
}

static void code_dealloc(Obj *o)
{
    CodeObj *c = CODE(o);
    XDECREF(c->consts);
    XDECREF(c->names);
    XDECREF(c->varnames);
    XDECREF(c->cellvars);
    XDECREF(c->freevars);
    XDECREF(c->name);
    XDECREF(c->qualname);
    XDECREF(c->filename);
    XDECREF(c->source);
    mem_free(c->code);
    mem_free(c->lines);
    mem_free(c->exctab);
    if (c->vm_cache) mem_free(c->vm_cache);
    obj_free(o);
}

static Obj *code_repr(Obj *o)
{
    CodeObj *c = CODE(o);
    return str_fmt("<code object %S at %p, file \"%S\", line %d>", c->name, (void *)o, c->filename,
                   c->firstlineno);
}

/* The co_* attributes introspection reads (inspect-style code, asyncio.iscoroutinefunction). */
static Obj *code_getattr(Obj *o, Obj *name)
{
    CodeObj *c = CODE(o);
    const char *n = str_data(name);
    if (strncmp(n, "co_", 3) == 0) {
        n += 3;
        if (!strcmp(n, "name")) return NEWREF(c->name);
        if (!strcmp(n, "qualname")) return NEWREF(c->qualname);
        if (!strcmp(n, "filename")) return NEWREF(c->filename);
        if (!strcmp(n, "firstlineno")) return MK_SMALL(c->firstlineno);
        if (!strcmp(n, "argcount")) return MK_SMALL(c->argcount);
        if (!strcmp(n, "posonlyargcount")) return MK_SMALL(c->posonlyargcount);
        if (!strcmp(n, "kwonlyargcount")) return MK_SMALL(c->kwonlyargcount);
        if (!strcmp(n, "nlocals")) return MK_SMALL(c->nlocals);
        if (!strcmp(n, "stacksize")) return MK_SMALL(c->stacksize);
        /* a coroutine's code also carries CO_GENERATOR inside tollpy (code.h); CPython's has not */
        if (!strcmp(n, "flags"))
            return MK_SMALL((c->flags & (CO_COROUTINE | CO_ASYNC_GENERATOR)) ? (c->flags & ~(CO_GENERATOR | CO_NOFREE)) : (c->flags & ~CO_NOFREE));   /* 3.11 no longer shows NOFREE */
        if (!strcmp(n, "varnames")) return NEWREF(c->varnames);
        if (!strcmp(n, "cellvars")) return NEWREF(c->cellvars);
        if (!strcmp(n, "freevars")) return NEWREF(c->freevars);
        if (!strcmp(n, "names")) return NEWREF(c->names);
        if (!strcmp(n, "consts")) return NEWREF(c->consts);
    }
    return obj_generic_getattr(o, name);
}

Type code_type = {
    .base = { IMMORTAL_REFCNT, &type_type },
    .name = "code",
    .size = sizeof(CodeObj),
    .dealloc = code_dealloc,
    .repr = code_repr,
    .getattr = code_getattr,
};

static void *dup_array(const void *p, size_t n, bool *fail)
{
    if (n == 0 || !p) return NULL;
    void *q = mem_alloc(n);
    if (!q) { *fail = true; return NULL; }
    memcpy(q, p, n);
    return q;
}

Obj *code_new(const CodeObj *init)
{
    CodeObj *c = (CodeObj *)obj_alloc(&code_type, sizeof(CodeObj));
    bool fail = !c;
    Instr *code = dup_array(init->code, (size_t)init->ncode * sizeof(Instr), &fail);
    LineEntry *lines = dup_array(init->lines, (size_t)init->nlines * sizeof(LineEntry), &fail);
    ExcEntry *exctab = dup_array(init->exctab, (size_t)init->nexc * sizeof(ExcEntry), &fail);
    if (fail) {
        mem_free(code);
        mem_free(lines);
        mem_free(exctab);
        XDECREF(init->consts); XDECREF(init->names); XDECREF(init->varnames);
        XDECREF(init->cellvars); XDECREF(init->freevars); XDECREF(init->name);
        XDECREF(init->qualname); XDECREF(init->filename); XDECREF(init->source);
        if (c) obj_free((Obj *)c);
        if (!exc_occurred()) exc_raise(MemoryError_t, "");
        return NULL;
    }
    Obj hdr = c->base;
    *c = *init;
    c->base = hdr;
    c->code = code;
    c->lines = lines;
    c->exctab = exctab;
    c->vm_cache = NULL;
    return (Obj *)c;
}

int code_addr2line(Obj *code, int offset)
{
    CodeObj *c = CODE(code);
    if (c->nlines == 0) return c->firstlineno;
    int lo = 0, hi = c->nlines - 1;
    if (offset < 0) offset = 0;
    while (lo < hi) {                   /* last run with start <= offset */
        int mid = (lo + hi + 1) / 2;
        if ((int)c->lines[mid].start <= offset) lo = mid;
        else hi = mid - 1;
    }
    return c->lines[lo].line;
}

Obj *code_source_line(Obj *code, int lineno)
{
    CodeObj *c = CODE(code);
    if (!c->source || lineno < 1) return NULL;
    const char *p = str_data(c->source), *end = p + str_nbytes(c->source);
    for (int l = 1; l < lineno && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) return NULL;
        p = nl + 1;
    }
    if (p >= end) return NULL;
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\f')) p++;
    const char *e = p;
    while (e < end && *e != '\n' && *e != '\r') e++;
    Obj *s = str_new(p, (size_t)(e - p));
    if (!s) exc_clear();
    return s;
}
