/*
 * interp/runtime/traceback.c — traceback entries and printing exceptions the way CPython 3.11 does:
 *
 *   Traceback (most recent call last):
 *     File "x.py", line 3, in <module>
 *       f()
 *     File "x.py", line 2, in f
 *       return 1 / 0
 *   ZeroDivisionError: division by zero
 *
 * plus chained exceptions (__cause__ / __context__) and SyntaxError's file/line/caret block.
 * Called with the GIL held.
 */
#include <string.h>
#include "runtime/traceback.h"
#include "bytecode/code.h"
#include "runtime/frame.h"
#include "core/state.h"
#include "gil/gil.h"

/* locals: what the frame of this entry held when the exception left it (a tuple of its fast
 * locals and cells, tb_keep_locals), or NULL. It stands for CPython's tb_frame: the frame's
 * locals live as long as the traceback does. */
typedef struct { Obj base; Obj *next; Obj *code; int lineno; Obj *locals; } TbObj;

Obj *tb_new(Obj *next, Obj *code, int lineno) {
    TbObj *t = (TbObj *)obj_alloc(&traceback_type, sizeof(TbObj));
    if (!t) return NULL;
    t->next = next ? NEWREF(next) : NULL;
    t->code = NEWREF(code);
    t->lineno = lineno;
    return &t->base;
}

static void tb_dealloc(Obj *o) {
    TbObj *t = (TbObj *)o;
    XDECREF(t->next);
    DECREF(t->code);
    XDECREF(t->locals);
    obj_free(o);
}

void tb_keep_locals(Obj *exc, Frame *f) {
    if (!exc || !obj_isinstance(exc, BaseException_t) || obj_isinstance(exc, MemoryError_t)) return;
    TbObj *t = (TbObj *)((ExcObj *)exc)->traceback;
    if (!t || !obj_is(&t->base, &traceback_type) || t->code != f->code || t->locals || !f->code) return;
    CodeObj *co = CODE(f->code);
    int n = co->nlocals + co->ncells + co->nfrees, k = 0;
    for (int i = 0; i < n; i++) k += f->localsplus[i] != NULL;
    if (k == 0) return;
    Obj *saved = exc_fetch();          /* an allocation failure must not replace the exception */
    Obj *tup = tuple_new(k);
    if (tup) {
        k = 0;
        for (int i = 0; i < n; i++)
            if (f->localsplus[i]) TUPLE_ITEMS(tup)[k++] = NEWREF(f->localsplus[i]);
        t->locals = tup;
    } else {
        exc_clear();
    }
    if (saved) exc_restore(saved);
}

/* The cycle collector's slots (interp/runtime/gc.c): an exception stored in a local of a frame
 * its traceback passes through is a cycle (exception -> traceback -> locals -> exception). */
static int tb_traverse(Obj *o, VisitFn visit, void *arg) {
    TbObj *t = (TbObj *)o;
    VISIT(t->next);
    VISIT(t->code);
    VISIT(t->locals);
    return 0;
}

static void tb_clear(Obj *o) { CLEAR(((TbObj *)o)->locals); }

static Obj *tb_getattr(Obj *o, Obj *name) {
    TbObj *t = (TbObj *)o;
    if (str_equal_cstr(name, "tb_next")) return NEWREF(t->next ? t->next : None);
    if (str_equal_cstr(name, "tb_lineno")) return MK_SMALL(t->lineno);
    if (str_equal_cstr(name, "tb_frame")) return none_ref();
    return obj_generic_getattr(o, name);
}

Type traceback_type = {
    .base = { IMMORTAL_REFCNT, &type_type },
    .name = "traceback",
    .size = sizeof(TbObj),
    .dealloc = tb_dealloc,
    .traverse = tb_traverse,
    .clear = tb_clear,
    .getattr = tb_getattr,
};

static Obj *attr(Obj *o, const char *name) {
    Obj *v = obj_lookup_attr(o, str_intern(name));
    if (!v) exc_clear();
    return v;
}

static void format_syntax_error(StrBuf *b, Obj *exc) {
    Obj *fn = attr(exc, "filename"), *ln = attr(exc, "lineno"), *off = attr(exc, "offset");
    Obj *text = attr(exc, "text"), *eoff = attr(exc, "end_offset");
    int64_t line = 0, col = 0, ecol = 0;
    if (ln && ln != None) int_as_i64(ln, &line);
    if (off && off != None) int_as_i64(off, &col);
    if (eoff && eoff != None) int_as_i64(eoff, &ecol);
    exc_clear();
    sb_printf(b, "  File \"%s\", line %d\n", fn && str_check(fn) ? str_data(fn) : "<string>", (int)line);
    if (text && str_check(text)) {
        const char *s = str_data(text);
        size_t n = str_nbytes(text);
        while (n && (s[n - 1] == '\n' || s[n - 1] == '\r')) n--;
        size_t lead = 0;
        while (lead < n && (s[lead] == ' ' || s[lead] == '\t' || s[lead] == '\f')) lead++;
        sb_adds(b, "    ");
        sb_add(b, s + lead, n - lead);
        sb_addc(b, '\n');
        if (col > 0) {
            /* offset counts characters (1-based); count bytes->chars for the lead strip */
            int64_t c = col - 1 - (int64_t)lead;
            if (c < 0) c = 0;
            int64_t width = (ecol > col) ? ecol - col : 1;
            if (c + width > (int64_t)(n - lead) + 1) width = 1;
            sb_adds(b, "    ");
            for (int64_t i = 0; i < c; i++) sb_addc(b, ' ');
            for (int64_t i = 0; i < width; i++) sb_addc(b, '^');
            sb_addc(b, '\n');
        }
    }
    XDECREF(fn); XDECREF(ln); XDECREF(off); XDECREF(text); XDECREF(eoff);
}

static void format_one(StrBuf *b, Obj *exc, int depth) {
    if (!obj_isinstance(exc, BaseException_t)) {
        sb_adds(b, "TypeError: print_exception(): Exception expected\n");
        return;
    }
    ExcObj *e = (ExcObj *)exc;
    if (depth < 20) {
        if (e->cause && e->cause != None) {
            format_one(b, e->cause, depth + 1);
            sb_adds(b, "\nThe above exception was the direct cause of the following exception:\n\n");
        } else if (e->context && e->context != None && !e->suppress_context) {
            format_one(b, e->context, depth + 1);
            sb_adds(b, "\nDuring handling of the above exception, another exception occurred:\n\n");
        }
    }
    if (e->traceback && e->traceback != None) {
        sb_adds(b, "Traceback (most recent call last):\n");
        int count = 0;
        Obj *last_code = NULL;
        int last_line = -1, repeat = 0;
        long unsafe_steps = 0;
        for (TbObj *t = (TbObj *)e->traceback; t; t = (TbObj *)t->next) {
            /* `unsafe` GIL policy: a freed and reused entry can close the chain into a cycle;
             * no real chain is this long (the recursion limit bounds it). */
            if (gil_unsafe_active && ++unsafe_steps > (1L << 20)) {
                gil_report_corruption("traceback (cyclic chain)");
                break;
            }
            if (t->code == last_code && t->lineno == last_line) {
                repeat++;
                if (repeat >= 3) continue;
            } else {
                if (repeat >= 3)
                    sb_printf(b, "  [Previous line repeated %d more time%s]\n", repeat - 2, repeat - 2 == 1 ? "" : "s");
                repeat = 0;
            }
            last_code = t->code;
            last_line = t->lineno;
            CodeObj *co = CODE(t->code);
            sb_printf(b, "  File \"%S\", line %d, in %S\n", co->filename, t->lineno, co->name);
            /* CPython's REPL has no source to show for <stdin> */
            Obj *src = str_equal_cstr(co->filename, "<stdin>") ? NULL : code_source_line(t->code, t->lineno);
            if (src) {
                if (str_nbytes(src)) {
                    sb_adds(b, "    ");
                    sb_add(b, str_data(src), str_nbytes(src));
                    sb_addc(b, '\n');
                }
                DECREF(src);
            } else {
                exc_clear();
            }
            count++;
        }
        if (repeat >= 3)
            sb_printf(b, "  [Previous line repeated %d more time%s]\n", repeat - 2, repeat - 2 == 1 ? "" : "s");
    }
    Type *t = TYPE(exc);
    if (type_is_subtype(t, SyntaxError_t)) format_syntax_error(b, exc);
    Obj *mod = (t->flags & TF_HEAPTYPE) && t->dict ? dict_get_s(t->dict, "__module__") : NULL;
    if (mod && str_check(mod) && !str_equal_cstr(mod, "__main__") && !str_equal_cstr(mod, "builtins"))
        sb_printf(b, "%S.", mod);
    Obj *qn = (t->flags & TF_HEAPTYPE) && t->dict ? dict_get_s(t->dict, "__qualname__") : NULL;
    if (qn && str_check(qn)) sb_add(b, str_data(qn), str_nbytes(qn));
    else sb_adds(b, t->name);
    Obj *msg;
    if (type_is_subtype(t, SyntaxError_t)) {
        msg = attr(exc, "msg");
        if (msg && !str_check(msg)) { Obj *s = obj_str(msg); DECREF(msg); msg = s; }
        if (!msg) msg = obj_str(exc);
    } else {
        msg = obj_str(exc);
    }
    if (!msg) {
        exc_clear();
        sb_adds(b, ": <exception str() failed>\n");
        return;
    }
    if (str_nbytes(msg)) {
        sb_adds(b, ": ");
        sb_add(b, str_data(msg), str_nbytes(msg));
    }
    sb_addc(b, '\n');
    DECREF(msg);
}

int tb_format_exception(StrBuf *b, Obj *exc) {
    format_one(b, exc, 0);
    return 0;
}

void tb_write_err(const char *s, size_t n) {
    port_write_err(s, n);      /* host stderr (after stdout's buffer), guest the console */
}

void tb_print_exception(Obj *exc) {
    StrBuf b;
    sb_init(&b);
    tb_format_exception(&b, exc);
    Obj *s = sb_finish(&b);
    if (!s) {
        exc_clear();
        static const char fallback[] = "(traceback unavailable: out of memory)\n";
        tb_write_err(fallback, sizeof fallback - 1);
        const char *tn = TYPE(exc)->name;
        tb_write_err(tn, strlen(tn));
        tb_write_err("\n", 1);
        return;
    }
    tb_write_err(str_data(s), str_nbytes(s));
    DECREF(s);
}
