/*
 * interp/runtime/vm.c — the bytecode evaluator and the eval breaker. Argument binding and calls
 * from C (vm_call_function, vm_run_code...) are in call.c.
 *
 * One loop (vm_eval) runs a chain of frames: CALL_* on a Python function pushes the callee's
 * frame from the thread's frame arena and keeps going in the same C activation; RETURN_VALUE pops
 * it and pushes the result on the caller's stack. So Python recursion costs no C stack; only C
 * code calling back into Python (obj_call on a function from __init__ dispatch, sorted(key=),
 * generators...) re-enters vm_eval, bounded by the thread's real C stack (c_stack_low, obj.h).
 *
 * Dispatch is computed goto under GCC with two tables: the normal one, and one whose every entry
 * first counts a tick of the `old` GIL policy (used while interp->check_every_instruction is set:
 * Python 2's ticker, an inline decrement of interp->ticker that calls vm_eval_breaker only when
 * it reaches zero, once per sys.setcheckinterval instructions; see L_tick_zero). The table is
 * re-chosen at each eval-breaker check point (backward jumps and calls), so the normal table,
 * the one every other policy runs, carries no trace of the ticker.
 *
 * Exceptions: the exception table of the code object (code.h). On error the frame's traceback
 * entry is added (unless the instruction was a re-raise), the first matching table entry wins,
 * the value stack is cut to its depth and the exception instance is pushed. No entry: the frame
 * is popped and the error continues in the caller at its CALL instruction.
 *
 * Small ints are tagged (obj.h): + - < etc. on two of them never leave this file.
 * Locks: none; the caller holds the GIL, and vm_eval_breaker is where it may be dropped.
 */
#include <stdio.h>
#include <string.h>
#include "runtime/vm.h"
#include "runtime/call.h"
#include "runtime/frame.h"
#include "bytecode/code.h"
#include "runtime/func.h"
#include "runtime/class.h"
#include "runtime/gen.h"
#include "runtime/gc.h"
#include "objects/module.h"
#include "runtime/traceback.h"
#include "gil/gil.h"
#include "objects/objects.h"

/* ---- helpers ---------------------------------------------------------------------------------- */
/* Ask every thread of `in` to end with SystemExit(-15) (Process.terminate(), from the parent's
 * thread or the child's own): the flag first, then the breaker that makes the threads look. */
void vm_request_stop(Interp *in) {
    __atomic_store_n(&in->stop_request, 1, __ATOMIC_RELAXED);
    __atomic_store_n(&in->eval_breaker, 1, __ATOMIC_RELEASE);
}

/* Process.terminate() (interp/mp/mp_process.c) set in->stop_request: SystemExit(-15) in this
 * thread, and again at every later check point until the process is gone. */
int vm_stop_raise(ThreadState *ts) {
    __atomic_store_n(&ts->interp->eval_breaker, 1, __ATOMIC_RELAXED);   /* keep raising until the process is gone */
    Obj *code = MK_SMALL(-15);
    Obj *e = exc_new(SystemExit_t, &code, 1);
    if (!e) return -1;
    exc_raise_obj(e);
    DECREF(e);
    return -1;
}

int vm_eval_breaker(ThreadState *ts) {
    Interp *in = ts->interp;
    /* Relaxed atomics (plain movs): other threads set it while this one runs (the GIL's drop
     * requests, the cycle collector's automatic trigger and stop-the-world under `none`). */
    __atomic_store_n(&in->eval_breaker, 0, __ATOMIC_RELAXED);
    if (port_interrupt_pending()) {
        if (ts == in->main_ts || !in->main_ts) {
            port_interrupt_clear();
            exc_raise_obj((Obj *)KeyboardInterrupt_t);
            return -1;
        }
        in->eval_breaker = 1;     /* leave it for the main thread */
    }
    if (interp_stop_requested(in) && vm_stop_raise(ts) < 0) return -1;   /* Process.terminate() */
    if (in->stop_threads) {                  /* console: Ctrl-C / soft reset stop the others */
        in->eval_breaker = 1;
        if (ts != in->main_ts && ts->stop_seen != in->stop_threads) {
            ts->stop_seen = in->stop_threads;
            exc_raise_obj((Obj *)SystemExit_t);
            return -1;
        }
    }
    if (gil_eval_breaker(ts) < 0) return -1;
    if (GC_LOAD(in->gc.pending)) gc_collect_pending(ts);   /* automatic cycle collection (runtime/gc.c) */
    return 0;
}

void vm_tb_add(Obj *exc, Frame *f) {
    if (!exc || !obj_isinstance(exc, BaseException_t)) return;
    ExcObj *e = (ExcObj *)exc;
    /* tb_new may fail (MemoryError) and replace the pending exception: keep ours */
    Obj *saved = exc_fetch();
    /* A MemoryError at the arena limit still gets its traceback: a little headroom for the
     * entry (40 bytes), as mem.c's bypass does for the exception itself. */
    Interp *in = ts_get()->interp;
    bool oom = obj_isinstance(exc, MemoryError_t);
    if (oom) in->mem_limit += 64 * 1024;
    Obj *tb = tb_new(e->traceback, f->code, frame_lineno(f));
    if (oom) in->mem_limit -= 64 * 1024;
    if (tb) {
        XDECREF(e->traceback);
        e->traceback = tb;
    } else {
        exc_clear();
    }
    if (saved) exc_restore(saved);
}

Obj *vm_globals(void) {
    ThreadState *ts = ts_get();
    return ts && ts->frame ? ts->frame->globals : NULL;
}

Obj *vm_locals(void) {
    ThreadState *ts = ts_get();
    Frame *f = ts ? ts->frame : NULL;
    if (!f) return dict_new();
    if (f->locals) return NEWREF(f->locals);
    CodeObj *co = CODE(f->code);
    if (!(co->flags & CO_OPTIMIZED)) return NEWREF(f->globals);
    Obj *d = dict_new();
    if (!d) return NULL;
    for (int i = 0; i < co->nlocals; i++) {
        if (f->localsplus[i] && dict_set(d, TUPLE_ITEMS(co->varnames)[i], f->localsplus[i]) < 0) {
            DECREF(d);
            return NULL;
        }
    }
    for (int i = 0; i < co->ncells + co->nfrees; i++) {
        CellObj *c = (CellObj *)f->localsplus[co->nlocals + i];
        Obj *nm = i < co->ncells ? TUPLE_ITEMS(co->cellvars)[i] : TUPLE_ITEMS(co->freevars)[i - co->ncells];
        if (c && c->ref && dict_set(d, nm, c->ref) < 0) {
            DECREF(d);
            return NULL;
        }
    }
    return d;
}

int vm_super_args(Type **cls, Obj **self) {
    ThreadState *ts = ts_get();
    Frame *f = ts->frame;
    if (!f) { exc_raise(RuntimeError_t, "super(): no current frame"); return -1; }
    CodeObj *co = CODE(f->code);
    if (co->argcount == 0 || co->nlocals == 0) { exc_raise(RuntimeError_t, "super(): no arguments"); return -1; }
    Obj *s = f->localsplus[0];
    if (!s) {
        /* first argument moved into a cell */
        for (int i = 0; i < co->ncells; i++) {
            if (obj_eq(TUPLE_ITEMS(co->cellvars)[i], TUPLE_ITEMS(co->varnames)[0]) == 1) {
                s = ((CellObj *)f->localsplus[co->nlocals + i])->ref;
                break;
            }
        }
    }
    if (!s) { exc_raise(RuntimeError_t, "super(): arg[0] deleted"); return -1; }
    for (int i = 0; i < co->nfrees; i++) {
        if (str_equal_cstr(TUPLE_ITEMS(co->freevars)[i], "__class__")) {
            CellObj *c = (CellObj *)f->localsplus[co->nlocals + co->ncells + i];
            if (!c->ref || !obj_isinstance(c->ref, &type_type)) {
                exc_raise(RuntimeError_t, "super(): empty __class__ cell");
                return -1;
            }
            *cls = (Type *)c->ref;
            *self = s;
            return 0;
        }
    }
    /* No __class__ cell: find the class whose dict holds a function with this code. */
    Type *start = obj_isinstance(s, &type_type) ? (Type *)s : TYPE(s);
    intptr_t mi = 0;
    for (Type *t = start; t; t = TYPE_MRO_NEXT(start, t, mi)) {
        if (!t->dict) continue;
        intptr_t pos = 0;
        Obj *k, *v;
        while (dict_next(t->dict, &pos, &k, &v)) {
            Obj *fv = v;
            if (obj_is(fv, &staticmethod_type) || obj_is(fv, &classmethod_type)) fv = class_wrapped_func(fv);
            if (obj_is(fv, &property_type)) {
                Obj **pp = (Obj **)((char *)fv + sizeof(Obj));
                for (int j = 0; j < 3; j++)
                    if (pp[j] && obj_is(pp[j], &function_type) && ((FuncObj *)pp[j])->code == f->code) {
                        *cls = t; *self = s; return 0;
                    }
                continue;
            }
            if (obj_is(fv, &function_type) && ((FuncObj *)fv)->code == f->code) {
                *cls = t;
                *self = s;
                return 0;
            }
        }
    }
    exc_raise(RuntimeError_t, "super(): __class__ cell not found");
    return -1;
}

static int unpack_iterable(Obj *seq, int n, Obj **out) {
    Obj *it = obj_iter(seq);
    if (!it) {
        if (exc_matches(TypeError_t)) {
            exc_clear();
            exc_raise(TypeError_t, "cannot unpack non-iterable %T object", seq);
        }
        return -1;
    }
    int i = 0;
    for (; i < n; i++) {
        Obj *v = obj_next(it);
        if (!v) {
            if (!exc_occurred())
                exc_raise(ValueError_t, "not enough values to unpack (expected %d, got %d)", n, i);
            goto fail;
        }
        out[i] = v;
    }
    Obj *extra = obj_next(it);
    if (extra) {
        DECREF(extra);
        exc_raise(ValueError_t, "too many values to unpack (expected %d)", n);
        goto fail;
    }
    if (exc_occurred()) goto fail;
    DECREF(it);
    return 0;
fail:
    while (i > 0) DECREF(out[--i]);
    DECREF(it);
    return -1;
}

static int check_exc_class(Obj *t) {
    if (obj_isinstance(t, &type_type) && type_is_subtype((Type *)t, BaseException_t)) return 0;
    if (obj_is(t, &tuple_type)) {
        for (intptr_t i = 0; i < TUPLE_LEN(t); i++)
            if (check_exc_class(TUPLE_ITEMS(t)[i]) < 0) return -1;
        return 0;
    }
    exc_raise(TypeError_t, "catching classes that do not inherit from BaseException is not allowed");
    return -1;
}

static bool exc_match_obj(Obj *e, Obj *t) {
    if (obj_is(t, &tuple_type)) {
        for (intptr_t i = 0; i < TUPLE_LEN(t); i++)
            if (exc_match_obj(e, TUPLE_ITEMS(t)[i])) return true;
        return false;
    }
    return obj_isinstance(e, (Type *)t);
}

/* Make an exception instance from what `raise X` names; new ref or NULL. */
static Obj *make_exc(Obj *v) {
    if (obj_isinstance(v, &type_type) && type_is_subtype((Type *)v, BaseException_t)) {
        Obj *e = obj_call0(v);
        if (!e) return NULL;
        if (!obj_isinstance(e, BaseException_t)) {
            exc_raise(TypeError_t, "calling %R should have returned an instance of BaseException, not %R", v,
                      (Obj *)TYPE(e));
            DECREF(e);
            return NULL;
        }
        return e;
    }
    if (obj_isinstance(v, BaseException_t)) return NEWREF(v);
    return exc_raise(TypeError_t, "exceptions must derive from BaseException");
}

/* Is the LIST_EXTEND at ip[-1] building the *args of a call (LIST_TO_TUPLE then
 * CALL_FUNCTION_EX, maybe after the **kwargs dict is built)? */
static bool extend_for_call(const Instr *ip, const Instr *end) {
    for (int i = 0; i < 64 && ip + i < end; i++) {
        int op = INSTR_OP(ip[i]);
        if (op == OP_LIST_TO_TUPLE) {
            for (int j = i + 1; j < i + 64 && ip + j < end; j++) {
                int o2 = INSTR_OP(ip[j]);
                if (o2 == OP_CALL_FUNCTION_EX) return true;
                if (o2 != OP_BUILD_MAP && o2 != OP_DICT_MERGE && o2 != OP_LOAD_CONST && o2 != OP_LOAD_FAST &&
                    o2 != OP_LOAD_GLOBAL && o2 != OP_LOAD_NAME && o2 != OP_LOAD_DEREF && o2 != OP_LOAD_ATTR)
                    return false;
            }
            return false;
        }
        if (op == OP_CALL_FUNCTION_EX || op == OP_RETURN_VALUE || op == OP_BUILD_LIST ||
            op == OP_BUILD_TUPLE || op == OP_BUILD_SET)
            return false;
    }
    return false;
}

static int do_import_star(Frame *f, Obj *m) {
    Obj *dst = f->locals ? f->locals : f->globals;
    Obj *md = obj_is(m, &module_type) ? module_dict(m) : NULL;
    if (!md) { exc_raise(TypeError_t, "import * needs a module"); return -1; }
    Obj *all = dict_get_s(md, "__all__");
    if (all) {
        Obj *it = obj_iter(all);
        if (!it) return -1;
        Obj *k;
        while ((k = obj_next(it))) {
            Obj *v = dict_get(md, k);
            if (!v) {
                exc_raise(AttributeError_t, "module has no attribute '%S'", k);
                DECREF(k);
                DECREF(it);
                return -1;
            }
            int r = dict_set(dst, k, v);
            DECREF(k);
            if (r < 0) { DECREF(it); return -1; }
        }
        DECREF(it);
        return exc_occurred() ? -1 : 0;
    }
    intptr_t pos = 0;
    Obj *k, *v;
    while (dict_next(md, &pos, &k, &v)) {
        if (str_check(k) && str_data(k)[0] == '_') continue;
        if (dict_set(dst, k, v) < 0) return -1;
    }
    return 0;
}

/* ---- global-name cache -------------------------------------------------------------------------
 * LOAD_GLOBAL remembers, per instruction, which entry of the globals (or builtins) dict held the
 * name, keyed by the dicts' identities and versions (dict.c bumps `version` on every insertion,
 * deletion or resize, not when an existing key's value changes). A hit costs two compares and a
 * load instead of two hash lookups. The dict layout is interp/objects/dict.c's; a self-test at
 * start-up switches the cache off if this mirror ever disagrees with it. Off while rc_atomic
 * (free-threaded policies: unsynchronised cache entries could tear). */
typedef struct { intptr_t hash; Obj *key; Obj *value; } MEntry;
typedef struct {
    Obj base;
    intptr_t used, nentries, size;
    int32_t *indices;
    MEntry *entries;
    uint32_t version;
} MDict;
typedef struct { Obj *g, *b; uint32_t gver, bver; int32_t ix; int32_t in_builtins; } GCache;

static int gcache_ok = -1;     /* -1 untested, 0 off, 1 on */

static int gcache_selftest(void) {
    Obj *d = dict_new();
    if (!d) { exc_clear(); return 0; }
    MDict *m = (MDict *)d;
    uint32_t v0 = m->version;
    Obj *k1 = str_intern("__gcache_a"), *k2 = str_intern("__gcache_b");
    int ok = k1 && k2 && dict_set(d, k1, MK_SMALL(1)) == 0 && dict_set(d, k2, MK_SMALL(2)) == 0;
    ok = ok && m->version != v0 && m->used == 2 && m->nentries == 2 &&
         m->entries[0].key == k1 && m->entries[0].value == MK_SMALL(1) &&
         m->entries[1].key == k2 && m->entries[1].value == MK_SMALL(2);
    uint32_t v1 = ok ? m->version : 0;
    ok = ok && dict_set(d, k1, MK_SMALL(3)) == 0 && m->entries[0].value == MK_SMALL(3) && m->version == v1;
    ok = ok && dict_del(d, k2) == 0 && m->version != v1;
    exc_clear();
    DECREF(d);
    return ok;
}

static intptr_t mdict_find(Obj *d, Obj *key, Obj *v) {
    MDict *m = (MDict *)d;
    for (intptr_t i = 0; i < m->nentries; i++)
        if (m->entries[i].value == v && (m->entries[i].key == key)) return i;
    for (intptr_t i = 0; i < m->nentries; i++)
        if (m->entries[i].value == v && m->entries[i].key && obj_eq(m->entries[i].key, key) == 1) return i;
    exc_clear();
    return -1;
}

static GCache *gcache_for(CodeObj *co) {
    if (co->vm_cache) return co->vm_cache;
    if (gcache_ok < 0) gcache_ok = gcache_selftest();
    if (!gcache_ok || rc_atomic) return NULL;
    GCache *c = mem_alloc(sizeof(GCache) * (size_t)co->ncode);
    if (!c) { exc_clear(); return NULL; }
    memset(c, 0, sizeof(GCache) * (size_t)co->ncode);
    co->vm_cache = c;
    return c;
}

static void gcache_fill(GCache *c, Obj *g, Obj *b, Obj *key, Obj *v, bool in_b) {
    if (!obj_is(g, &dict_type) || !obj_is(b, &dict_type)) return;
    intptr_t ix = mdict_find(in_b ? b : g, key, v);
    if (ix < 0 || ix > INT32_MAX) { c->g = NULL; return; }
    c->g = g;
    c->b = b;
    c->gver = ((MDict *)g)->version;
    c->bver = ((MDict *)b)->version;
    c->ix = (int32_t)ix;
    c->in_builtins = in_b;
}

/* ---- the loop --------------------------------------------------------------------------------- */
static Obj *vm_eval_inner(Frame *f, int throwflag);

Obj *vm_eval(Frame *f) { return vm_eval_inner(f, 0); }

Obj *vm_resume(Frame *f, Obj *sent, Obj *exc, int *done) {
    if (f->state == FRAME_SUSPENDED) {
        *f->sp++ = NEWREF(sent ? sent : None);
    }
    if (exc) exc_restore(exc);
    ThreadState *ts = ts_get();
    if (ts->depth >= ts->interp->recursion_limit) {
        if (exc) exc_clear();
        *done = 0;
        if (f->state == FRAME_SUSPENDED) { Obj *v = *--f->sp; DECREF(v); }
        return vm_recursion_error();
    }
    ts->depth++;
    Obj *r = vm_eval_inner(f, exc != NULL);
    ts->depth--;
    *done = f->state == FRAME_DONE;
    return r;
}

#define LOAD_FRAME() do { \
        co = CODE(f->code); fast = f->localsplus; \
        consts = TUPLE_ITEMS(co->consts); names = TUPLE_ITEMS(co->names); \
        ip = f->ip; sp = f->sp; \
    } while (0)
#define SAVE_FRAME() do { f->ip = ip; f->sp = sp; } while (0)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define ARG INSTR_ARG(w)
#define JUMPTO(i) (ip = co->code + (i))

/* Stack-depth check (ASan builds, or -DTOLLPY_CHECK_STACK): before every instruction the value
 * stack lies within [f->stack, f->stack + co->stacksize], the bound the compiler's flow analysis
 * computed. A compiler stack-accounting bug (a block leaving a value behind on a path that loops)
 * then stops at the first instruction past the bound instead of writing beyond the frame. */
#if defined(__SANITIZE_ADDRESS__) || defined(TOLLPY_CHECK_STACK)
__attribute__((noinline, cold)) static void vm_stack_fault(Frame *f, const Instr *ip, Obj **sp) {
    CodeObj *c = CODE(f->code);
    char buf[200];
    int n = snprintf(buf, sizeof buf, "tollpy: value stack out of bounds in %s at instruction %d: depth %d, max %d\n",
                     str_data(c->qualname), (int)(ip - c->code), (int)(sp - f->stack), c->stacksize);
    tb_write_err(buf, (size_t)n);
    __builtin_trap();
}
#define STACK_CHECK() do { \
        if (__builtin_expect(sp < f->stack || sp > f->stack + co->stacksize, 0)) vm_stack_fault(f, ip, sp); \
    } while (0)
#else
#define STACK_CHECK() ((void)0)
#endif

#if defined(__GNUC__)
#define USE_GOTO 1
#define TARGET(op) L_##op:
#define DISPATCH() do { STACK_CHECK(); w = *ip++; goto *tbl[INSTR_OP(w)]; } while (0)
#else
#define USE_GOTO 0
#define TARGET(op) case OP_##op:
#define DISPATCH() continue
#endif

/* Ctrl-C on the host arrives as a flag in the port (a signal handler cannot find the Interp):
 * poll it every 4096 check points so the common path stays one decrement. */
#define CHECK_BREAKER() do { \
        if (__builtin_expect(--poll_ticks == 0, 0)) { \
            poll_ticks = 4096; \
            if (port_interrupt_pending()) in->eval_breaker = 1; \
        } \
        if (__atomic_load_n(&in->eval_breaker, __ATOMIC_RELAXED)) { \
            SAVE_FRAME(); \
            if (vm_eval_breaker(ts) < 0) goto error; \
        } \
        SELECT_TABLE(); \
    } while (0)

/* The `old` policy's ticks skip the opcodes Python 2's eval loop dispatched with
 * `goto fast_next_opcode` (FAST_DISPATCH), past its `if (--_Py_Ticker < 0)`: loads and stores of
 * locals and constants, stack shuffles, NOP, JUMP_FORWARD, and the forward conditional jumps
 * (Python 2 skipped those when the operand was True or False, the usual case after a
 * comparison, or reached them by PREDICT without passing the ticker). What Python 2 ticked,
 * ours ticks: operations, calls, attribute and global accesses, backward jumps. In
 * `while n > 0: n -= 1` that is 2 ticks in 8 instructions (Python 2: 3 in 9), and in
 * `g += 1` on a global the check can still fall between the load and the store. */
#define OLD_NO_TICK_OPS(F) \
    F(NOP) F(LOAD_FAST) F(LOAD_CONST) F(STORE_FAST) F(POP_TOP) F(ROT_TWO) F(ROT_THREE) \
    F(ROT_FOUR) F(DUP_TOP) F(DUP_TOP_TWO) F(COPY) F(SWAP) F(JUMP_FORWARD) \
    F(POP_JUMP_IF_FALSE) F(POP_JUMP_IF_TRUE)

#if USE_GOTO
/* check_every_instruction changes under the GIL's spinlock while this thread runs (a thread
 * registers or leaves: interp/core/state.h): a relaxed load, one plain mov. */
#define SELECT_TABLE() (tbl = __atomic_load_n(&in->check_every_instruction, __ATOMIC_RELAXED) ? tbl_check : tbl_fast)
#else
#define SELECT_TABLE() ((void)0)
#endif

static Obj *vm_eval_inner(Frame *f, int throwflag) {
    ThreadState *ts = ts_get();
    Interp *in = ts->interp;
    CodeObj *co;
    Obj **fast, *const *consts, *const *names;
    const Instr *ip;
    Obj **sp;
    Instr w = 0;
    Obj *retval = NULL;
    bool reraise = false;
    /* set while the error path handles an exception thrown in by gen.throw(): CPython chains that
     * one only to the generator's own handled exception (_PyErr_ChainStackItem), not the resumer's */
    bool thrown = false;
    unsigned poll_ticks = 4096;

    /* A C re-entry (C code calling Python): bounded by the thread's real C stack, whatever
     * sys.setrecursionlimit says (c_stack_check, interp/objects/object.c). */
    if (c_stack_low()) {
        if (throwflag) exc_clear();
        vm_recursion_error();
        if (f->state == FRAME_CREATED || f->on_heap) f->state = FRAME_DONE;
        return NULL;
    }
    ts->c_depth++;
    f->entry = 1;
    f->back = ts->frame;
    ts->frame = f;
    f->state = FRAME_RUNNING;

#if USE_GOTO
    static void *const tbl_fast[256] = {
#define X(name, fl, eff) [OP_##name] = &&L_##name,
        OPCODES(X)
#undef X
    };
    /* The `old` policy's table: a tick, then the handler, except for the opcodes Python 2 did
     * not count (OLD_NO_TICK_OPS): their entries are the handlers themselves. The second list
     * overrides the first, which is what -Woverride-init would warn about. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
    static void *const tbl_check[256] = {
#define X(name, fl, eff) [OP_##name] = &&L_tick_##name,
        OPCODES(X)
#undef X
#define NT(name) [OP_##name] = &&L_##name,
        OLD_NO_TICK_OPS(NT)
#undef NT
    };
#pragma GCC diagnostic pop
    void *const *tbl = tbl_fast;
    for (int i = 0; i < 256; i++) (void)0;
#endif
    LOAD_FRAME();
    SELECT_TABLE();
    if (throwflag) { thrown = true; goto error; }
    if (__atomic_load_n(&in->eval_breaker, __ATOMIC_RELAXED)) {
        SAVE_FRAME();
        if (vm_eval_breaker(ts) < 0) goto error;
    }

#if USE_GOTO
    DISPATCH();
    /* tbl_check's entries: one tick of the `old` policy (Python 2's
     * `if (--_Py_Ticker < 0) { _Py_Ticker = _Py_CheckInterval; ... }` at the top of its eval
     * loop), then a direct jump to the instruction's own handler; the opcodes Python 2 did not
     * count (OLD_NO_TICK_OPS) go to their handlers at once, and their stubs stay unused. A tick is
     * a decrement of interp->ticker in memory and a branch that is almost never taken; one stub
     * per opcode keeps the dispatch threaded (each handler's indirect jump still predicts its own
     * successors, and the stub's jump is direct, often a fall-through). The policy
     * (vm_eval_breaker -> gil_eval_breaker -> old_eval_breaker) runs only when the count reaches
     * zero (L_tick_zero), so exactly once per check_interval ticks (Python 2's `< 0` and its
     * reload made that check_interval + 1; `<= 0` makes it check_interval, which
     * tests/threads/old_ticker.py counts). No frame is saved on the common path: only the call
     * needs f->ip. The ticker is the GIL holder's alone (interp/core/state.h), so the plain
     * read-modify-write is no race. */
#define X(name, fl, eff) \
    L_tick_##name: __attribute__((unused)) \
        if (__builtin_expect(--in->ticker <= 0, 0)) goto L_tick_zero; \
        goto L_##name;
    OPCODES(X)
#undef X
    L_tick_zero:
        in->ticker = in->check_interval;
        SAVE_FRAME();
        if (vm_eval_breaker(ts) < 0) goto error;
        SELECT_TABLE();      /* the policy may have left (a lone thread: no more ticks) */
        goto *tbl_fast[INSTR_OP(w)];
    {
#else
    for (;;) {
        w = *ip++;
#define NT(name) [OP_##name] = 1,
        static const unsigned char no_tick[256] = { OLD_NO_TICK_OPS(NT) };
#undef NT
        if (__atomic_load_n(&in->check_every_instruction, __ATOMIC_RELAXED) && !no_tick[INSTR_OP(w)] &&
            --in->ticker <= 0) {
            /* as the L_tick_ stubs above */
            in->ticker = in->check_interval;
            SAVE_FRAME();
            if (vm_eval_breaker(ts) < 0) goto error;
        }
        switch (INSTR_OP(w)) {
#endif

    TARGET(NOP) DISPATCH();
    TARGET(POP_TOP) { Obj *v = POP(); DECREF(v); DISPATCH(); }
    TARGET(ROT_TWO) { Obj *a = sp[-1]; sp[-1] = sp[-2]; sp[-2] = a; DISPATCH(); }
    TARGET(ROT_THREE) { Obj *a = sp[-1]; sp[-1] = sp[-2]; sp[-2] = sp[-3]; sp[-3] = a; DISPATCH(); }
    TARGET(ROT_FOUR) { Obj *a = sp[-1]; sp[-1] = sp[-2]; sp[-2] = sp[-3]; sp[-3] = sp[-4]; sp[-4] = a; DISPATCH(); }
    TARGET(DUP_TOP) { Obj *a = TOP(); INCREF(a); PUSH(a); DISPATCH(); }
    TARGET(DUP_TOP_TWO) { Obj *a = sp[-2], *b = sp[-1]; INCREF(a); INCREF(b); PUSH(a); PUSH(b); DISPATCH(); }
    TARGET(COPY) { Obj *a = sp[-ARG]; XINCREF(a); PUSH(a); DISPATCH(); }
    TARGET(SWAP) { int n = ARG; Obj *a = sp[-1]; sp[-1] = sp[-n]; sp[-n] = a; DISPATCH(); }

    TARGET(LOAD_CONST) { Obj *v = consts[ARG]; INCREF(v); PUSH(v); DISPATCH(); }
    TARGET(LOAD_FAST) {
        Obj *v = fast[ARG];
        if (__builtin_expect(v == NULL, 0)) {
            exc_raise(UnboundLocalError_t, "cannot access local variable '%S' where it is not associated with a value",
                      TUPLE_ITEMS(co->varnames)[ARG]);
            goto error;
        }
        INCREF(v);
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_FAST) { Obj *v = POP(); Obj *old = fast[ARG]; fast[ARG] = v; XDECREF(old); DISPATCH(); }
    TARGET(DELETE_FAST) {
        Obj *old = fast[ARG];
        if (!old) {
            exc_raise(UnboundLocalError_t, "cannot access local variable '%S' where it is not associated with a value",
                      TUPLE_ITEMS(co->varnames)[ARG]);
            goto error;
        }
        fast[ARG] = NULL;
        DECREF(old);
        DISPATCH();
    }
    TARGET(LOAD_DEREF) {
        int a = ARG;
        CellObj *c = (CellObj *)fast[co->nlocals + a];
        Obj *v = c->ref;
        if (!v) {
            if (a < co->ncells)
                exc_raise(UnboundLocalError_t, "cannot access local variable '%S' where it is not associated with a value",
                          TUPLE_ITEMS(co->cellvars)[a]);
            else
                exc_raise(NameError_t, "cannot access free variable '%S' where it is not associated with a value in enclosing scope",
                          TUPLE_ITEMS(co->freevars)[a - co->ncells]);
            goto error;
        }
        INCREF(v);
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_DEREF) {
        CellObj *c = (CellObj *)fast[co->nlocals + ARG];
        Obj *old = c->ref;
        c->ref = POP();
        XDECREF(old);
        DISPATCH();
    }
    TARGET(DELETE_DEREF) {
        int a = ARG;
        CellObj *c = (CellObj *)fast[co->nlocals + a];
        if (!c->ref) {
            Obj *nm = a < co->ncells ? TUPLE_ITEMS(co->cellvars)[a] : TUPLE_ITEMS(co->freevars)[a - co->ncells];
            exc_raise(NameError_t, "cannot access free variable '%S' where it is not associated with a value in enclosing scope", nm);
            goto error;
        }
        CLEAR(c->ref);
        DISPATCH();
    }
    TARGET(LOAD_CLOSURE) { Obj *c = fast[co->nlocals + ARG]; INCREF(c); PUSH(c); DISPATCH(); }
    TARGET(LOAD_CLASSDEREF) {
        int a = ARG;
        Obj *nm = a < co->ncells ? TUPLE_ITEMS(co->cellvars)[a] : TUPLE_ITEMS(co->freevars)[a - co->ncells];
        if (f->locals) {
            Obj *v = dict_get(f->locals, nm);
            if (v) { INCREF(v); PUSH(v); DISPATCH(); }
            if (exc_occurred()) goto error;
        }
        CellObj *c = (CellObj *)fast[co->nlocals + a];
        if (!c->ref) {
            exc_raise(NameError_t, "cannot access free variable '%S' where it is not associated with a value in enclosing scope", nm);
            goto error;
        }
        INCREF(c->ref);
        PUSH(c->ref);
        DISPATCH();
    }
    TARGET(LOAD_GLOBAL) {
        Obj *nm = names[ARG];
        Obj *v;
        if (rc_atomic) {   /* `none`: another thread may rebind it; take the reference under the dict's lock */
            /* through the thread's cache of immortal definitions (dict.c, dict_get_shared) */
            v = dict_get_shared(ts, f->globals, f->builtins, nm);
            if (!v) {
                if (!exc_occurred()) exc_raise(NameError_t, "name '%S' is not defined", nm);
                goto error;
            }
            PUSH(v);
            DISPATCH();
        }
        GCache *gc = co->vm_cache;
        if (gc && !rc_atomic) {
            gc += ip - co->code - 1;
            if (gc->g == f->globals && ((MDict *)gc->g)->version == gc->gver) {
                if (!gc->in_builtins) {
                    v = ((MDict *)gc->g)->entries[gc->ix].value;
                    if (v) goto load_global_hit;
                } else if (gc->b == f->builtins && ((MDict *)gc->b)->version == gc->bver) {
                    v = ((MDict *)gc->b)->entries[gc->ix].value;
                    if (v) goto load_global_hit;
                }
            }
        }
        bool in_b = false;
        v = dict_get(f->globals, nm);
        if (!v) {
            if (exc_occurred()) goto error;
            v = dict_get(f->builtins, nm);
            if (!v) {
                if (!exc_occurred()) exc_raise(NameError_t, "name '%S' is not defined", nm);
                goto error;
            }
            in_b = true;
        }
        gc = gcache_for(co);
        if (gc) gcache_fill(gc + (ip - co->code - 1), f->globals, f->builtins, nm, v, in_b);
    load_global_hit:
        INCREF(v);
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_GLOBAL) {
        Obj *v = POP();
        int r = dict_set(f->globals, names[ARG], v);
        DECREF(v);
        if (r < 0) goto error;
        DISPATCH();
    }
    TARGET(DELETE_GLOBAL) {
        Obj *nm = names[ARG];
        if (!dict_get(f->globals, nm)) {
            exc_raise(NameError_t, "name '%S' is not defined", nm);
            goto error;
        }
        if (dict_del(f->globals, nm) < 0) goto error;
        DISPATCH();
    }
    TARGET(LOAD_NAME) {
        Obj *nm = names[ARG];
        Obj *v = NULL;
        if (f->locals) {
            if (obj_is(f->locals, &dict_type)) v = dict_get(f->locals, nm);
            else {
                v = obj_getitem(f->locals, nm);
                if (!v) { if (!exc_matches(KeyError_t)) goto error; exc_clear(); }
                else { PUSH(v); DISPATCH(); }
            }
        }
        if (rc_atomic) {   /* `none`: new references taken under each dict's lock (see LOAD_GLOBAL) */
            if (v) v = dict_get_ref(f->locals, nm);
            if (!v && !exc_occurred()) v = dict_get_ref(f->globals, nm);
            if (!v && !exc_occurred()) v = dict_get_ref(f->builtins, nm);
            if (!v) {
                if (!exc_occurred()) exc_raise(NameError_t, "name '%S' is not defined", nm);
                goto error;
            }
            PUSH(v);
            DISPATCH();
        }
        if (!v) v = dict_get(f->globals, nm);
        if (!v) v = dict_get(f->builtins, nm);
        if (!v) {
            if (!exc_occurred()) exc_raise(NameError_t, "name '%S' is not defined", nm);
            goto error;
        }
        INCREF(v);
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_NAME) {
        Obj *v = POP();
        Obj *d = f->locals ? f->locals : f->globals;
        int r = obj_is(d, &dict_type) ? dict_set(d, names[ARG], v) : obj_setitem(d, names[ARG], v);
        DECREF(v);
        if (r < 0) goto error;
        DISPATCH();
    }
    TARGET(DELETE_NAME) {
        Obj *d = f->locals ? f->locals : f->globals;
        Obj *nm = names[ARG];
        if (!dict_get(d, nm)) {
            exc_raise(NameError_t, "name '%S' is not defined", nm);
            goto error;
        }
        if (dict_del(d, nm) < 0) goto error;
        DISPATCH();
    }

    TARGET(LOAD_ATTR) {
        Obj *o = TOP();
        Obj *v = obj_getattr(o, names[ARG]);
        if (!v) goto error;
        sp[-1] = v;
        DECREF(o);
        DISPATCH();
    }
    TARGET(STORE_ATTR) {
        Obj *o = POP(), *v = POP();
        int r = obj_setattr(o, names[ARG], v);
        DECREF(o);
        DECREF(v);
        if (r < 0) goto error;
        DISPATCH();
    }
    TARGET(DELETE_ATTR) {
        Obj *o = POP();
        int r = obj_setattr(o, names[ARG], NULL);
        DECREF(o);
        if (r < 0) goto error;
        DISPATCH();
    }
    TARGET(LOAD_METHOD) {
        Obj *o = TOP();
        Obj *nm = names[ARG];
        Type *t = TYPE(o);
        if ((t->getattr == NULL || t->getattr == obj_generic_getattr) && !(t->flags & TF_HEAPTYPE && 0)) {
            Obj *d;
            if (!(t->flags & TF_HEAPTYPE) && RC_IS_IMMORTAL(nm)) {
                size_t ci = (((uintptr_t)t >> 4) ^ ((uintptr_t)nm >> 4)) & (METH_CACHE_N - 1);
                if (ts->meth_cache[ci].type == t && ts->meth_cache[ci].name == nm) {
                    d = ts->meth_cache[ci].value;
                } else {
                    d = type_lookup(t, nm);
                    if (d) {
                        ts->meth_cache[ci].type = t;
                        ts->meth_cache[ci].name = nm;
                        ts->meth_cache[ci].value = d;
                    }
                }
            } else {
                d = type_lookup(t, nm);
            }
            if (d && (TYPE(d) == &function_type ||
                      (TYPE(d) == &builtin_fn_type && ((BuiltinFnObj *)d)->cls))) {
                bool shadow = false;
                if (t->dictoffset) {
                    Obj *idict = t->dictoffset != DICTOFFSET_END ? *(Obj **)((char *)o + t->dictoffset)
                                                                 : *obj_dict_ptr(o);
                    if (idict && dict_get(idict, nm)) shadow = true;
                }
                if (!shadow) {
                    INCREF(d);
                    sp[-1] = d;
                    PUSH(o);
                    DISPATCH();
                }
            }
        }
        Obj *v = obj_getattr(o, nm);
        if (!v) goto error;
        sp[-1] = NULL;
        PUSH(v);
        DECREF(o);
        DISPATCH();
    }
    TARGET(BINARY_SUBSCR) {
        Obj *k = POP(), *o = TOP();
        Obj *v;
        if (IS_SMALL(k) && TYPE(o) == &list_type && !rc_atomic) {   /* `none`: list_getitem locks */
            intptr_t i = SMALL_VAL(k), n = LIST_LEN(o);
            if (i < 0) i += n;
            if (i >= 0 && i < n) {
                v = LIST_ITEMS(o)[i];
                INCREF(v);
                sp[-1] = v;
                DECREF(o);
                DISPATCH();
            }
        }
        v = obj_getitem(o, k);
        DECREF(k);
        if (!v) goto error;
        sp[-1] = v;
        DECREF(o);
        DISPATCH();
    }
    TARGET(STORE_SUBSCR) {
        Obj *k = POP(), *o = POP(), *v = POP();
        int r;
        if (IS_SMALL(k) && TYPE(o) == &list_type && !rc_atomic && SMALL_VAL(k) >= 0 && SMALL_VAL(k) < LIST_LEN(o)) {
            Obj *old = LIST_ITEMS(o)[SMALL_VAL(k)];
            LIST_ITEMS(o)[SMALL_VAL(k)] = v;
            DECREF(old);
            DECREF(o);
            DISPATCH();
        }
        r = obj_setitem(o, k, v);
        DECREF(k); DECREF(o); DECREF(v);
        if (r < 0) goto error;
        DISPATCH();
    }
    TARGET(DELETE_SUBSCR) {
        Obj *k = POP(), *o = POP();
        int r = obj_setitem(o, k, NULL);
        DECREF(k); DECREF(o);
        if (r < 0) goto error;
        DISPATCH();
    }
    TARGET(BUILD_SLICE) {
        Obj *step = ARG == 3 ? POP() : NULL;
        Obj *stop = POP(), *start = POP();
        Obj *s = slice_new(start, stop, step ? step : None);
        DECREF(start); DECREF(stop); XDECREF(step);
        if (!s) goto error;
        PUSH(s);
        DISPATCH();
    }

    /* + - * on two small ints with a small result: the tagged result replaces them (no objects
     * touched, obj.h); anything else (other types, overflow) takes the generic path. A plain
     * block, not do-while: DISPATCH() is `continue` in the switch build. */
#define SMALL_INT_BINOP(overflow_op) { \
        Obj *b = sp[-1], *a = sp[-2]; \
        if (IS_SMALL(a) && IS_SMALL(b)) { \
            intptr_t r; \
            if (!overflow_op(SMALL_VAL(a), SMALL_VAL(b), &r) && FITS_SMALL(r)) { \
                sp--; \
                sp[-1] = MK_SMALL(r); \
                DISPATCH(); \
            } \
        } \
        goto binop_slow; \
    }
    TARGET(BINARY_ADD) TARGET(INPLACE_ADD) SMALL_INT_BINOP(__builtin_add_overflow)
    TARGET(BINARY_SUBTRACT) TARGET(INPLACE_SUBTRACT) SMALL_INT_BINOP(__builtin_sub_overflow)
    TARGET(BINARY_MULTIPLY) TARGET(INPLACE_MULTIPLY) SMALL_INT_BINOP(__builtin_mul_overflow)
#undef SMALL_INT_BINOP
    TARGET(BINARY_TRUE_DIVIDE) TARGET(BINARY_FLOOR_DIVIDE) TARGET(BINARY_MODULO)
    TARGET(BINARY_POWER) TARGET(BINARY_LSHIFT) TARGET(BINARY_RSHIFT) TARGET(BINARY_AND)
    TARGET(BINARY_OR) TARGET(BINARY_XOR) TARGET(BINARY_MATRIX_MULTIPLY)
    TARGET(INPLACE_TRUE_DIVIDE) TARGET(INPLACE_FLOOR_DIVIDE) TARGET(INPLACE_MODULO)
    TARGET(INPLACE_POWER) TARGET(INPLACE_LSHIFT) TARGET(INPLACE_RSHIFT) TARGET(INPLACE_AND)
    TARGET(INPLACE_OR) TARGET(INPLACE_XOR) TARGET(INPLACE_MATRIX_MULTIPLY)
    binop_slow: {
        int op = INSTR_OP(w);
        Obj *b = POP(), *a = TOP();
        Obj *r;
        if (op >= OP_INPLACE_ADD) {
            int nb = op - OP_INPLACE_ADD;
            if (nb == NB_MOD && IS_SMALL(a) && IS_SMALL(b) && SMALL_VAL(b) > 0 && SMALL_VAL(a) >= 0)
                r = MK_SMALL(SMALL_VAL(a) % SMALL_VAL(b));
            else
                r = obj_inplace_binop(a, b, nb);
        } else {
            int nb = op - OP_BINARY_ADD;
            if (nb == NB_MOD && IS_SMALL(a) && IS_SMALL(b) && SMALL_VAL(b) > 0 && SMALL_VAL(a) >= 0)
                r = MK_SMALL(SMALL_VAL(a) % SMALL_VAL(b));
            else if (nb == NB_FLOORDIV && IS_SMALL(a) && IS_SMALL(b) && SMALL_VAL(b) > 0 && SMALL_VAL(a) >= 0)
                r = MK_SMALL(SMALL_VAL(a) / SMALL_VAL(b));
            else
                r = obj_binop(a, b, nb);
        }
        DECREF(b);
        if (!r) goto error;
        sp[-1] = r;
        DECREF(a);
        DISPATCH();
    }
    TARGET(UNARY_POSITIVE) { Obj *a = TOP(); Obj *r = obj_pos(a); if (!r) goto error; sp[-1] = r; DECREF(a); DISPATCH(); }
    TARGET(UNARY_NEGATIVE) {
        Obj *a = TOP();
        if (IS_SMALL(a) && SMALL_VAL(a) != SMALL_MIN) { sp[-1] = MK_SMALL(-SMALL_VAL(a)); DISPATCH(); }
        Obj *r = obj_neg(a);
        if (!r) goto error;
        sp[-1] = r;
        DECREF(a);
        DISPATCH();
    }
    TARGET(UNARY_INVERT) { Obj *a = TOP(); Obj *r = obj_invert(a); if (!r) goto error; sp[-1] = r; DECREF(a); DISPATCH(); }
    TARGET(UNARY_NOT) {
        Obj *a = TOP();
        int t = a == True_ ? 1 : a == False_ ? 0 : obj_truth(a);
        if (t < 0) goto error;
        sp[-1] = bool_from(!t);
        DECREF(a);
        DISPATCH();
    }
    TARGET(COMPARE_OP) {
        Obj *b = sp[-1], *a = sp[-2];
        int op = ARG;
        if (IS_SMALL(a) && IS_SMALL(b)) {
            intptr_t x = (intptr_t)a, y = (intptr_t)b;   /* tagged values order like their ints */
            int res;
            switch (op) {
            case CMP_LT: res = x < y; break;
            case CMP_LE: res = x <= y; break;
            case CMP_EQ: res = x == y; break;
            case CMP_NE: res = x != y; break;
            case CMP_GT: res = x > y; break;
            default: res = x >= y; break;
            }
            sp -= 2;
            Instr nx = *ip;
            if (INSTR_OP(nx) == OP_POP_JUMP_IF_FALSE) {
                ip++;
                if (!res) JUMPTO(INSTR_ARG(nx));
                DISPATCH();
            }
            if (INSTR_OP(nx) == OP_POP_JUMP_IF_TRUE) {
                ip++;
                if (res) JUMPTO(INSTR_ARG(nx));
                DISPATCH();
            }
            if (INSTR_OP(nx) == OP_POP_JUMP_BACKWARD_IF_TRUE) {
                ip++;
                if (res) { CHECK_BREAKER(); JUMPTO(INSTR_ARG(nx)); }
                DISPATCH();
            }
            if (INSTR_OP(nx) == OP_POP_JUMP_BACKWARD_IF_FALSE) {
                ip++;
                if (!res) { CHECK_BREAKER(); JUMPTO(INSTR_ARG(nx)); }
                DISPATCH();
            }
            PUSH(bool_from(res));
            DISPATCH();
        }
        Obj *r = obj_compare(a, b, op);
        if (!r) goto error;
        sp--;
        DECREF(a);
        DECREF(b);
        sp[-1] = r;
        DISPATCH();
    }
    TARGET(IS_OP) {
        Obj *b = POP(), *a = TOP();
        int res = (a == b) ^ ARG;
        DECREF(a);
        DECREF(b);
        sp[-1] = bool_from(res);
        DISPATCH();
    }
    TARGET(CONTAINS_OP) {
        Obj *b = POP(), *a = TOP();
        int res = obj_contains(b, a);
        DECREF(b);
        if (res < 0) goto error;
        DECREF(a);
        sp[-1] = bool_from(res ^ ARG);
        DISPATCH();
    }

    TARGET(JUMP_FORWARD) { JUMPTO(ARG); DISPATCH(); }
    TARGET(JUMP_BACKWARD) { CHECK_BREAKER(); JUMPTO(ARG); DISPATCH(); }
    TARGET(POP_JUMP_IF_FALSE) {
        Obj *v = POP();
        if (v == False_) { JUMPTO(ARG); DISPATCH(); }
        if (v == True_) DISPATCH();
        int t = obj_truth(v);
        DECREF(v);
        if (t < 0) goto error;
        if (!t) JUMPTO(ARG);
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_TRUE) {
        Obj *v = POP();
        if (v == True_) { JUMPTO(ARG); DISPATCH(); }
        if (v == False_) DISPATCH();
        int t = obj_truth(v);
        DECREF(v);
        if (t < 0) goto error;
        if (t) JUMPTO(ARG);
        DISPATCH();
    }
    TARGET(POP_JUMP_BACKWARD_IF_FALSE) {
        Obj *v = POP();
        int t = v == True_ ? 1 : v == False_ ? 0 : obj_truth(v);
        DECREF(v);
        if (t < 0) goto error;
        if (!t) { CHECK_BREAKER(); JUMPTO(ARG); }
        DISPATCH();
    }
    TARGET(POP_JUMP_BACKWARD_IF_TRUE) {
        Obj *v = POP();
        int t = v == True_ ? 1 : v == False_ ? 0 : obj_truth(v);
        DECREF(v);
        if (t < 0) goto error;
        if (t) { CHECK_BREAKER(); JUMPTO(ARG); }
        DISPATCH();
    }
    TARGET(JUMP_IF_FALSE_OR_POP) {
        Obj *v = TOP();
        int t = obj_truth(v);
        if (t < 0) goto error;
        if (!t) JUMPTO(ARG);
        else { sp--; DECREF(v); }
        DISPATCH();
    }
    TARGET(JUMP_IF_TRUE_OR_POP) {
        Obj *v = TOP();
        int t = obj_truth(v);
        if (t < 0) goto error;
        if (t) JUMPTO(ARG);
        else { sp--; DECREF(v); }
        DISPATCH();
    }
    TARGET(GET_ITER) {
        Obj *o = TOP();
        Obj *it = obj_iter(o);
        if (!it) goto error;
        sp[-1] = it;
        DECREF(o);
        DISPATCH();
    }
    TARGET(FOR_ITER) {
        Obj *it = TOP();
        Obj *(*nx)(Obj *) = TYPE(it)->next;
        Obj *v = nx ? nx(it) : obj_next(it);
        if (v) { PUSH(v); DISPATCH(); }
        if (exc_occurred()) {
            if (!exc_matches(StopIteration_t)) goto error;
            exc_clear();
        }
        sp--;
        DECREF(it);
        JUMPTO(ARG);
        DISPATCH();
    }

    TARGET(BUILD_TUPLE) {
        int n = ARG;
        Obj *t = tuple_new(n);
        if (!t) goto error;
        sp -= n;
        for (int i = 0; i < n; i++) TUPLE_ITEMS(t)[i] = sp[i];
        PUSH(t);
        DISPATCH();
    }
    TARGET(BUILD_LIST) {
        int n = ARG;
        Obj *l = list_new(n);
        if (!l) goto error;
        sp -= n;
        for (int i = 0; i < n; i++) LIST_ITEMS(l)[i] = sp[i];
        PUSH(l);
        DISPATCH();
    }
    TARGET(BUILD_SET) {
        int n = ARG;
        Obj *s = set_new(NULL);
        if (!s) goto error;
        int err = 0;
        for (int i = n; i > 0; i--) if (!err && set_add(s, sp[-i]) < 0) err = 1;
        for (int i = 0; i < n; i++) { Obj *v = POP(); DECREF(v); }
        if (err) { DECREF(s); goto error; }
        PUSH(s);
        DISPATCH();
    }
    TARGET(BUILD_MAP) {
        int n = ARG;
        Obj *d = dict_new();
        if (!d) goto error;
        int err = 0;
        for (int i = n; i > 0; i--) if (!err && dict_set(d, sp[-2 * i], sp[-2 * i + 1]) < 0) err = 1;
        for (int i = 0; i < 2 * n; i++) { Obj *v = POP(); DECREF(v); }
        if (err) { DECREF(d); goto error; }
        PUSH(d);
        DISPATCH();
    }
    TARGET(BUILD_STRING) {
        int n = ARG;
        StrBuf b;
        sb_init(&b);
        for (int i = n; i > 0; i--) sb_add(&b, str_data(sp[-i]), str_nbytes(sp[-i]));
        for (int i = 0; i < n; i++) { Obj *v = POP(); DECREF(v); }
        Obj *s = sb_finish(&b);
        if (!s) goto error;
        PUSH(s);
        DISPATCH();
    }
    TARGET(LIST_APPEND) {
        Obj *v = POP();
        int r = list_append(sp[-ARG], v);
        DECREF(v);
        if (r < 0) goto error;
        DISPATCH();
    }
    TARGET(SET_ADD) {
        Obj *v = POP();
        int r = set_add(sp[-ARG], v);
        DECREF(v);
        if (r < 0) goto error;
        DISPATCH();
    }
    TARGET(MAP_ADD) {
        Obj *v = POP(), *k = POP();
        int r = dict_set(sp[-ARG], k, v);
        DECREF(v);
        DECREF(k);
        if (r < 0) goto error;
        DISPATCH();
    }
    TARGET(LIST_EXTEND) {
        Obj *v = POP();
        int r = list_extend(sp[-ARG], v);
        if (r < 0 && exc_matches(TypeError_t) && !TYPE(v)->iter && !TYPE(v)->getitem) {
            exc_clear();
            char buf[160];
            if (extend_for_call(ip, co->code + co->ncode) && sp - ARG - 1 >= f->stack && sp[-ARG - 1])
                exc_raise(TypeError_t, "%s() argument after * must be an iterable, not %T",
                          vm_callable_name(sp[-ARG - 1], buf, sizeof buf), v);
            else
                exc_raise(TypeError_t, "Value after * must be an iterable, not %T", v);
        }
        DECREF(v);
        if (r < 0) goto error;
        DISPATCH();
    }
    TARGET(SET_UPDATE) {
        Obj *v = POP();
        int r = set_update(sp[-ARG], v);
        DECREF(v);
        if (r < 0) goto error;
        DISPATCH();
    }
    TARGET(DICT_UPDATE) {
        Obj *v = POP();
        int r = dict_merge(sp[-ARG], v, false, NULL);
        DECREF(v);
        if (r < 0) goto error;
        DISPATCH();
    }
    TARGET(DICT_MERGE) {
        Obj *v = POP();
        char buf[160];
        Obj *fn = sp - ARG - 2 >= f->stack ? sp[-ARG - 2] : NULL;
        const char *fname = fn ? vm_callable_name(fn, buf, sizeof buf) : "function";
        int r = dict_merge(sp[-ARG], v, true, fname);
        DECREF(v);
        if (r < 0) goto error;
        DISPATCH();
    }
    TARGET(LIST_TO_TUPLE) {
        Obj *l = TOP();
        Obj *t = list_as_tuple(l);
        if (!t) goto error;
        sp[-1] = t;
        DECREF(l);
        DISPATCH();
    }
    TARGET(UNPACK_SEQUENCE) {
        int n = ARG;
        Obj *seq = POP();
        Type *t = TYPE(seq);
        if (rc_atomic && t == &list_type) {   /* `none`: unpack a snapshot taken under the list's lock */
            Obj *snap = list_as_tuple(seq);
            DECREF(seq);
            if (!snap) goto error;
            seq = snap;
            t = &tuple_type;
        }
        if ((t == &tuple_type && TUPLE_LEN(seq) == n) || (t == &list_type && LIST_LEN(seq) == n)) {
            Obj **items = t == &tuple_type ? TUPLE_ITEMS(seq) : LIST_ITEMS(seq);
            for (int i = n - 1; i >= 0; i--) { INCREF(items[i]); PUSH(items[i]); }
            DECREF(seq);
            DISPATCH();
        }
        if (t == &tuple_type || t == &list_type) {
            intptr_t len = t == &tuple_type ? TUPLE_LEN(seq) : LIST_LEN(seq);
            if (len < n) exc_raise(ValueError_t, "not enough values to unpack (expected %d, got %ld)", n, (long)len);
            else exc_raise(ValueError_t, "too many values to unpack (expected %d)", n);
            DECREF(seq);
            goto error;
        }
        Obj *small[16];
        Obj **tmp = n <= 16 ? small : mem_alloc(sizeof(Obj *) * (size_t)n);
        if (!tmp) { DECREF(seq); goto error; }
        int r = unpack_iterable(seq, n, tmp);
        DECREF(seq);
        if (r < 0) { if (tmp != small) mem_free(tmp); goto error; }
        for (int i = n - 1; i >= 0; i--) PUSH(tmp[i]);
        if (tmp != small) mem_free(tmp);
        DISPATCH();
    }
    TARGET(UNPACK_EX) {
        int before = ARG & 0xff, after = ARG >> 8;
        Obj *seq = POP();
        Obj *it = obj_iter(seq);
        if (!it) {
            if (exc_matches(TypeError_t)) {
                exc_clear();
                exc_raise(TypeError_t, "cannot unpack non-iterable %T object", seq);
            }
            DECREF(seq);
            goto error;
        }
        Obj *l = list_from_iter(it);
        DECREF(it);
        DECREF(seq);
        if (!l) goto error;
        intptr_t L = LIST_LEN(l);
        if (L < before + after) {
            exc_raise(ValueError_t, "not enough values to unpack (expected at least %d, got %ld)", before + after, (long)L);
            DECREF(l);
            goto error;
        }
        for (intptr_t i = L - 1; i >= L - after; i--) { INCREF(LIST_ITEMS(l)[i]); PUSH(LIST_ITEMS(l)[i]); }
        Obj *mid = list_getslice_raw(l, before, L - after);
        if (!mid) { DECREF(l); goto error; }
        PUSH(mid);
        for (int i = before - 1; i >= 0; i--) { INCREF(LIST_ITEMS(l)[i]); PUSH(LIST_ITEMS(l)[i]); }
        DECREF(l);
        DISPATCH();
    }

    /* ---- calls -------------------------------------------------------------------------------- */
    {
        Obj *callable, **args, *kwnames;
        int nargs, npop;
    TARGET(CALL_FUNCTION)
        nargs = ARG;
        args = sp - nargs;
        callable = args[-1];
        kwnames = NULL;
        npop = nargs + 1;
        goto do_call;
    TARGET(CALL_FUNCTION_KW)
        kwnames = POP();
        nargs = ARG;
        args = sp - nargs;
        callable = args[-1];
        npop = nargs + 1;
        nargs -= (int)TUPLE_LEN(kwnames);
        goto do_call;
    TARGET(CALL_METHOD)
        nargs = ARG;
        args = sp - nargs;
        npop = nargs + 2;
        kwnames = NULL;
        if (args[-2]) { callable = args[-2]; args--; nargs++; }
        else callable = args[-1];
        goto do_call;
    TARGET(CALL_METHOD_KW)
        kwnames = POP();
        nargs = ARG;
        args = sp - nargs;
        npop = nargs + 2;
        nargs -= (int)TUPLE_LEN(kwnames);
        if (args[-2]) { callable = args[-2]; args--; nargs++; }
        else callable = args[-1];
        goto do_call;
    do_call:
        if (__atomic_load_n(&in->eval_breaker, __ATOMIC_RELAXED)) {
            SAVE_FRAME();
            if (vm_eval_breaker(ts) < 0) {
                XDECREF(kwnames);
                goto error;
            }
        }
        SELECT_TABLE();
        if (TYPE(callable) == &function_type &&
            !(CODE(((FuncObj *)callable)->code)->flags & CO_GENERATOR)) {
            FuncObj *fn = (FuncObj *)callable;
            if (ts->depth >= in->recursion_limit) {
                XDECREF(kwnames);
                vm_recursion_error();
                goto error;
            }
            SAVE_FRAME();
            Frame *nf = frame_push(ts, fn->code, callable, NULL, NULL);
            if (!nf) { XDECREF(kwnames); goto error; }
            if (vm_bind_args(fn, nf->localsplus, args, nargs, kwnames) < 0) {
                frame_pop(ts, nf);
                XDECREF(kwnames);
                goto error;
            }
            XDECREF(kwnames);
            while (npop-- > 0) { Obj *v = POP(); XDECREF(v); }
            f->sp = sp;
            ts->depth++;
            nf->back = f;
            nf->state = FRAME_RUNNING;
            ts->frame = nf;
            f = nf;
            LOAD_FRAME();
            DISPATCH();
        }
        SAVE_FRAME();
        {
            Obj *r;
            CallFn cf = TYPE(callable)->call;
            if (cf) r = cf(callable, args, nargs, kwnames);
            else r = obj_call(callable, args, nargs, kwnames);
            XDECREF(kwnames);
            while (npop-- > 0) { Obj *v = POP(); XDECREF(v); }
            if (!r) goto error;
            PUSH(r);
        }
        DISPATCH();
    }
    TARGET(CALL_FUNCTION_EX) {
        Obj *kw = (ARG & 1) ? POP() : NULL;
        Obj *a = POP(), *fn = POP();
        if (__atomic_load_n(&in->eval_breaker, __ATOMIC_RELAXED)) {
            SAVE_FRAME();
            if (vm_eval_breaker(ts) < 0) { XDECREF(kw); DECREF(a); DECREF(fn); goto error; }
        }
        SAVE_FRAME();
        Obj *r = vm_call_ex(fn, a, kw);
        XDECREF(kw);
        DECREF(a);
        DECREF(fn);
        if (!r) goto error;
        PUSH(r);
        DISPATCH();
    }
    TARGET(MAKE_FUNCTION) {
        int fl = ARG;
        Obj *code = POP();
        Obj *closure = (fl & MKF_CLOSURE) ? POP() : NULL;
        Obj *kwd = (fl & MKF_KWDEFAULTS) ? POP() : NULL;
        Obj *defs = (fl & MKF_DEFAULTS) ? POP() : NULL;
        FuncObj *fn = (FuncObj *)func_new(code, f->globals, NULL);
        DECREF(code);
        if (!fn) { XDECREF(closure); XDECREF(kwd); XDECREF(defs); goto error; }
        fn->closure = closure;
        fn->kwdefaults = kwd;
        fn->defaults = defs;
        Obj *c0 = CODE(fn->code)->consts;      /* co_consts[0]: the docstring or None */
        if (TUPLE_LEN(c0) > 0 && str_check(TUPLE_ITEMS(c0)[0]) && (CODE(fn->code)->flags & CO_OPTIMIZED))
            fn->doc = NEWREF(TUPLE_ITEMS(c0)[0]);
        PUSH((Obj *)fn);
        DISPATCH();
    }
    TARGET(RETURN_VALUE) {
        retval = POP();
        if (f->entry) goto exit_return;
        Frame *caller = f->back;
        f->sp = sp;
        ts->frame = caller;
        ts->depth--;
        frame_pop(ts, f);
        f = caller;
        LOAD_FRAME();
        PUSH(retval);
        DISPATCH();
    }
    TARGET(YIELD_VALUE) {
        retval = POP();
        SAVE_FRAME();
        f->state = FRAME_SUSPENDED;
        goto exit_yield;
    }
    TARGET(GET_YIELD_FROM_ITER) {
        Obj *o = TOP();
        if (obj_is(o, &generator_type)) DISPATCH();
        Obj *it = obj_iter(o);
        if (!it) goto error;
        sp[-1] = it;
        DECREF(o);
        DISPATCH();
    }
    TARGET(YIELD_FROM) {
        Obj *v = POP();
        Obj *it = TOP();
        Obj *r;
        int done = 0;
        if (gen_check(it)) {
            r = gen_send_ex(it, v, NULL, &done);
        } else {
            r = gen_send_other(it, v, &done);
        }
        DECREF(v);
        if (!r) {
            if (!exc_matches(StopIteration_t)) goto error;
            Obj *e = exc_fetch();
            Obj *val = ((ExcObj *)e)->value;
            r = NEWREF(val ? val : None);
            DECREF(e);
            done = 1;
        }
        if (done) {
            sp--;
            DECREF(it);
            PUSH(r);
            DISPATCH();
        }
        ip--;        /* resume here: the sent value gets pushed and YIELD_FROM runs again */
        retval = r;
        SAVE_FRAME();
        f->state = FRAME_SUSPENDED;
        goto exit_yield;
    }
    TARGET(LOAD_BUILD_CLASS) {
        Obj *v = dict_get_s(f->builtins, "__build_class__");
        if (!v) { exc_raise(NameError_t, "__build_class__ not found"); goto error; }
        INCREF(v);
        PUSH(v);
        DISPATCH();
    }

    /* ---- exceptions ------------------------------------------------------------------------- */
    TARGET(RAISE_VARARGS) {
        int n = ARG;
        if (n == 0) {
            Obj *h = ts_handled_top(ts);
            if (!h) {
                exc_raise(RuntimeError_t, "No active exception to reraise");
                goto error;
            }
            exc_restore(NEWREF(h));
            reraise = true;
            goto error;
        }
        Obj *cause = n == 2 ? POP() : NULL;
        Obj *v = POP();
        Obj *e = make_exc(v);
        DECREF(v);
        if (!e) { XDECREF(cause); goto error; }
        if (cause) {
            Obj *c = NULL;
            if (cause != None) {
                c = make_exc(cause);
                if (!c) {
                    DECREF(cause);
                    DECREF(e);
                    if (exc_matches(TypeError_t)) {
                        exc_clear();
                        exc_raise(TypeError_t, "exception causes must derive from BaseException");
                    }
                    goto error;
                }
            }
            DECREF(cause);
            ExcObj *ex = (ExcObj *)e;
            XDECREF(ex->cause);
            ex->cause = c;
            ex->suppress_context = true;
        }
        exc_restore(e);
        goto error;
    }
    TARGET(RERAISE) {
        Obj *e = POP();
        exc_restore(e);
        reraise = true;
        goto error;
    }
    TARGET(PUSH_EXC_INFO) {
        Obj *e = POP();
        Obj *prev = ts->handled ? ts->handled : NEWREF(None);
        ts->handled = NEWREF(e);
        PUSH(prev);
        PUSH(e);
        DISPATCH();
    }
    TARGET(POP_EXCEPT) {
        Obj *prev = POP();
        Obj *old = ts->handled;
        if (prev == None) { DECREF(prev); prev = NULL; }
        ts->handled = prev;
        XDECREF(old);
        DISPATCH();
    }
    TARGET(CHECK_EXC_MATCH) {
        Obj *t = POP();
        if (check_exc_class(t) < 0) { DECREF(t); goto error; }
        bool m = exc_match_obj(TOP(), t);
        DECREF(t);
        PUSH(bool_from(m));
        DISPATCH();
    }
    TARGET(LOAD_ASSERTION_ERROR) { INCREF((Obj *)AssertionError_t); PUSH((Obj *)AssertionError_t); DISPATCH(); }
    TARGET(BEFORE_WITH) {
        Obj *mgr = TOP();
        Type *t = TYPE(mgr);
        Obj *enter = type_lookup(t, str_intern("__enter__"));
        if (!enter) {
            exc_raise(TypeError_t, "'%s' object does not support the context manager protocol", t->name);
            goto error;
        }
        Obj *exitf = type_lookup(t, str_intern("__exit__"));
        if (!exitf) {
            exc_raise(TypeError_t, "'%s' object does not support the context manager protocol (missed __exit__ method)", t->name);
            goto error;
        }
        Obj *bexit = descr_get(exitf, mgr, t);
        if (!bexit) goto error;
        Obj *benter = descr_get(enter, mgr, t);
        if (!benter) { DECREF(bexit); goto error; }
        SAVE_FRAME();
        Obj *r = obj_call0(benter);
        DECREF(benter);
        if (!r) { DECREF(bexit); goto error; }
        sp[-1] = bexit;
        DECREF(mgr);
        PUSH(r);
        DISPATCH();
    }
    TARGET(WITH_EXCEPT_START) {
        Obj *exitf = sp[-3], *e = sp[-1];
        Obj *tb = obj_isinstance(e, BaseException_t) ? ((ExcObj *)e)->traceback : NULL;
        Obj *a[3] = { (Obj *)TYPE(e), e, tb ? tb : None };
        SAVE_FRAME();
        Obj *r = obj_call(exitf, a, 3, NULL);
        if (!r) goto error;
        PUSH(r);
        DISPATCH();
    }

    /* ---- coroutines: the protocol lookups are in gen.c -------------------------------------- */
    TARGET(GET_AWAITABLE) {
        Obj *o = TOP();
        SAVE_FRAME();
        Obj *it = gen_get_awaitable(o);
        if (!it) goto error;
        sp[-1] = it;
        DECREF(o);
        DISPATCH();
    }
    TARGET(GET_AITER) {
        Obj *o = TOP();
        SAVE_FRAME();
        Obj *it = gen_get_aiter(o);
        if (!it) goto error;
        sp[-1] = it;
        DECREF(o);
        DISPATCH();
    }
    TARGET(GET_ANEXT) {
        SAVE_FRAME();
        Obj *aw = gen_get_anext(TOP());
        if (!aw) goto error;
        PUSH(aw);
        DISPATCH();
    }
    TARGET(END_ASYNC_FOR) {
        Obj *e = POP();
        if (!obj_isinstance(e, StopAsyncIteration_t)) {
            exc_restore(e);
            reraise = true;
            goto error;
        }
        DECREF(e);
        Obj *ait = POP();
        DECREF(ait);
        DISPATCH();
    }
    TARGET(ASYNC_GEN_WRAP) {
        Obj *v = TOP();
        Obj *wrapped = gen_async_wrap(v);
        if (!wrapped) goto error;
        sp[-1] = wrapped;
        DECREF(v);
        DISPATCH();
    }
    TARGET(BEFORE_ASYNC_WITH) {
        Obj *mgr = TOP(), *bexit;
        SAVE_FRAME();
        Obj *r = gen_before_async_with(mgr, &bexit);
        if (!r) goto error;
        sp[-1] = bexit;
        DECREF(mgr);
        PUSH(r);
        DISPATCH();
    }

    /* ---- imports ---------------------------------------------------------------------------- */
    TARGET(IMPORT_NAME) {
        Obj *fromlist = POP(), *level = POP();
        Obj *nm = names[ARG];
        SAVE_FRAME();
        Obj *m = import_module_obj(nm);
        if (m && fromlist == None && strchr(str_data(nm), '.')) {
            const char *s = str_data(nm);
            Obj *top = str_new(s, (size_t)(strchr(s, '.') - s));
            DECREF(m);
            m = top ? import_module_obj(top) : NULL;
            XDECREF(top);
        }
        DECREF(fromlist);
        DECREF(level);
        if (!m) goto error;
        PUSH(m);
        DISPATCH();
    }
    TARGET(IMPORT_FROM) {
        Obj *m = TOP();
        Obj *v = obj_lookup_attr(m, names[ARG]);
        if (!v && !exc_occurred() && obj_is(m, &module_type) && dict_get_s(module_dict(m), "__path__")) {
            /* `from PKG import SUB`: SUB may be a submodule not imported yet */
            Obj *pn = dict_get_s(module_dict(m), "__name__");
            Obj *full = pn && str_check(pn) ? str_fmt("%S.%S", pn, names[ARG]) : NULL;
            SAVE_FRAME();
            v = full ? import_module_obj(full) : NULL;
            XDECREF(full);
            if (!v && exc_matches(ModuleNotFoundError_t)) exc_clear();
        }
        if (!v) {
            if (exc_occurred()) goto error;
            Obj *mn = obj_lookup_attr(m, str_intern("__name__"));
            exc_clear();
            exc_raise(ImportError_t, "cannot import name '%S' from '%S' (unknown location)",
                      names[ARG], mn ? mn : str_intern("?"));
            XDECREF(mn);
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(IMPORT_STAR) {
        Obj *m = POP();
        int r = do_import_star(f, m);
        DECREF(m);
        if (r < 0) goto error;
        DISPATCH();
    }
    TARGET(FORMAT_VALUE) {
        int fl = ARG;
        Obj *spec = (fl & FVS_HAVE_SPEC) ? POP() : NULL;
        Obj *v = POP();
        Obj *c = NULL;
        switch (fl & FVC_MASK) {
        case FVC_STR: c = obj_str(v); break;
        case FVC_REPR: c = obj_repr(v); break;
        case FVC_ASCII: c = obj_ascii(v); break;
        default: c = NEWREF(v); break;
        }
        DECREF(v);
        if (!c) { XDECREF(spec); goto error; }
        Obj *r;
        if (obj_is(c, &str_type) && (!spec || str_nbytes(spec) == 0)) r = NEWREF(c);
        else r = obj_format(c, spec);
        DECREF(c);
        XDECREF(spec);
        if (!r) goto error;
        PUSH(r);
        DISPATCH();
    }
    TARGET(PRINT_EXPR) {
        Obj *v = POP();
        if (v != None) {
            Obj *r = obj_repr(v);
            if (!r) { DECREF(v); goto error; }
            port_write(str_data(r), str_nbytes(r));
            port_write("\n", 1);
            DECREF(r);
            if (dict_set_s(in->builtins, "_", v) < 0) { DECREF(v); goto error; }
        }
        DECREF(v);
        DISPATCH();
    }
    TARGET(SETUP_ANNOTATIONS) {
        Obj *d = f->locals ? f->locals : f->globals;
        if (!dict_get_s(d, "__annotations__")) {
            Obj *a = dict_new();
            if (!a) goto error;
            int r = dict_set_s(d, "__annotations__", a);
            DECREF(a);
            if (r < 0) goto error;
        }
        DISPATCH();
    }

#if !USE_GOTO
        default:
            exc_raise(RuntimeError_t, "unknown opcode %d", INSTR_OP(w));
            goto error;
        }
#endif
    }

error:
    SAVE_FRAME();
    if (!ts->exc) exc_raise(RuntimeError_t, "error return without exception set");
    /* What the handlers push, PUSH_EXC_INFO makes ts->handled and sys.exc_info() reads as an
     * ExcObj must be one: exc_new/make_exc/exc_raise_obj only ever set exception instances, and
     * anything else that slips through becomes a SystemError here rather than a wild read. */
    if (ts->exc && !obj_isinstance(ts->exc, BaseException_t)) {
        Obj *bad = exc_fetch();
        exc_raise(SystemError_t, "a non-exception %T object was set as the pending exception", bad);
        DECREF(bad);
        reraise = false;
    }
    if (!reraise) {
        ExcObj *e = (ExcObj *)ts->exc;
        Obj *h = !thrown ? ts_handled_top(ts) : ts->handled != None ? ts->handled : NULL;
        if (obj_isinstance(ts->exc, BaseException_t) && !e->traceback && h && h != ts->exc && !e->context)
            e->context = NEWREF(h);
        vm_tb_add(ts->exc, f);
    }
    reraise = false;
    thrown = false;
    {
        uint32_t idx = (uint32_t)(ip - co->code) - 1;
        for (int i = 0; i < co->nexc; i++) {
            ExcEntry *x = &co->exctab[i];
            if (x->start <= idx && idx < x->end) {
                Obj **base = f->stack + x->depth;
                while (sp > base) { Obj *v = POP(); XDECREF(v); }
                PUSH(exc_fetch());
                JUMPTO(x->target);
                SELECT_TABLE();
                DISPATCH();
            }
        }
    }
    tb_keep_locals(ts->exc, f);              /* the traceback keeps this frame's locals */
    if (!f->entry) {
        Frame *caller = f->back;
        ts->frame = caller;
        ts->depth--;
        frame_pop(ts, f);
        f = caller;
        LOAD_FRAME();
        goto error;
    }
    f->state = FRAME_DONE;
    ts->frame = f->back;
    ts->c_depth--;
    return NULL;

exit_return:
    SAVE_FRAME();
    f->state = FRAME_DONE;
    ts->frame = f->back;
    ts->c_depth--;
    return retval;

exit_yield:
    ts->frame = f->back;
    ts->c_depth--;
    return retval;
}
