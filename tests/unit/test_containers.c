/* tests/unit/test_containers.c — C-level checks of containers, exceptions and builtins, linked
 * with the host objects. Build and run: make test-containers (mk/unit.mk). */
#include <stdio.h>
#include <string.h>
#include "core/obj.h"
#include "core/state.h"
#include "runtime/interp.h"
#include "runtime/vm.h"
#include "gil/gil.h"
#define W __attribute__((weak))
W Obj *vm_call_function(Obj *f, Obj *const *a, int n, Obj *k) { (void)f; (void)a; (void)n; (void)k; return exc_raise(RuntimeError_t, "stub"); }
W Obj *vm_run_code(Obj *c, Obj *g, Obj *l) { (void)c; (void)g; (void)l; return exc_raise(RuntimeError_t, "stub"); }
W Obj *vm_run_class_body(Obj *f, Obj *ns) { (void)f; (void)ns; return exc_raise(RuntimeError_t, "stub"); }
W int vm_super_args(Type **c, Obj **s) { (void)c; (void)s; exc_raise(RuntimeError_t, "stub"); return -1; }
W Obj *vm_resume(struct Frame *f, Obj *s, Obj *e, int *d) { (void)f; (void)s; (void)e; (void)d; return exc_raise(RuntimeError_t, "stub"); }
W Obj *vm_globals(void) { return NULL; }
W Obj *vm_locals(void) { return exc_raise(RuntimeError_t, "stub"); }
W int vm_eval_breaker(ThreadState *ts) { (void)ts; return 0; }
W void vm_tb_add(Obj *e, struct Frame *f) { (void)e; (void)f; }
W Obj *vm_eval(struct Frame *f) { (void)f; return exc_raise(RuntimeError_t, "stub"); }

static int fails;
static Obj *B;   /* builtins */

static void check_repr(Obj *o, const char *want, int line) {
    if (!o) {
        Obj *e = exc_fetch();
        Obj *s = e ? obj_repr(e) : NULL;
        printf("FAIL line %d: NULL (%s), want %s\n", line, s ? str_data(s) : "?", want);
        fails++;
        return;
    }
    Obj *r = obj_repr(o);
    if (!r) { printf("FAIL line %d: repr error\n", line); exc_clear(); fails++; return; }
    if (strcmp(str_data(r), want)) { printf("FAIL line %d: got %s want %s\n", line, str_data(r), want); fails++; }
    DECREF(r);
    DECREF(o);
}
#define CR(o, w) check_repr((o), (w), __LINE__)

static void check_err(Obj *o, const char *want, int line) {
    if (o) { printf("FAIL line %d: no error, want %s\n", line, want); DECREF(o); fails++; return; }
    Obj *e = exc_fetch();
    Obj *s = obj_str(e);
    char buf[512];
    snprintf(buf, sizeof buf, "%s: %s", TYPE(e)->name, s ? str_data(s) : "?");
    if (strcmp(buf, want)) { printf("FAIL line %d: got '%s' want '%s'\n", line, buf, want); fails++; }
    XDECREF(s); DECREF(e);
}
#define CE(o, w) check_err((o), (w), __LINE__)

static Obj *call(const char *name, int n, ...) {
    Obj *f = dict_get_s(B, name);
    if (!f) return exc_raise(NameError_t, "no builtin %s", name);
    Obj *args[8];
    va_list ap; va_start(ap, n);
    for (int i = 0; i < n; i++) args[i] = va_arg(ap, Obj *);
    va_end(ap);
    return obj_call(f, args, n, NULL);
}
static Obj *meth(Obj *o, const char *name, int n, ...) {
    Obj *args[8];
    va_list ap; va_start(ap, n);
    for (int i = 0; i < n; i++) args[i] = va_arg(ap, Obj *);
    va_end(ap);
    return obj_call_method(o, name, args, n);
}
#define I(v) MK_SMALL(v)
#define S(s) str_from_cstr(s)

/* ---- memory accounting: per-thread reserves (interp/core/mem.c) merge exactly ----------------
 * Threads of one interpreter charge their allocations to their own reserve (ThreadState.
 * mem_credit) and refill it MEM_BATCH at a time from Interp.mem_used. Each thread below
 * allocates MA_BLOCKS blocks of varied sizes (several refills and returns), frees the even ones
 * itself and leaves the odd ones for the main thread to free (frees across threads), with
 * rc_atomic on as under `none`. Structural checks, no timing: while the odd blocks are held,
 * the merged count (mem_interp_used) is base + exactly their bytes; once all are freed it is
 * base again, to the byte. */
#define MA_THREADS 4
#define MA_BLOCKS 3000
typedef struct { Interp *in; int t; void *blk[MA_BLOCKS]; int ok; } MaArg;
static size_t ma_size(int t, int i) { return (size_t)((i * 37 + t * 101) % 700) + 1; }
static void ma_thread(void *p) {
    MaArg *a = p;
    ThreadState *ts = ts_new(a->in);
    if (!ts) return;
    port_tls_set(ts);
    int t = a->t;
    for (int i = 0; i < MA_BLOCKS; i++) a->blk[i] = mem_alloc(ma_size(t, i));
    for (int i = 0; i < MA_BLOCKS; i += 2) { mem_free(a->blk[i]); a->blk[i] = NULL; }
    a->ok = 1;
    for (int i = 1; i < MA_BLOCKS; i += 2) if (!a->blk[i]) a->ok = 0;
    port_tls_set(NULL);
    ts_free(ts);                      /* returns the reserve (mem_ts_release) */
}
static void test_mem_reserves(Interp *in) {
    bool was = rc_atomic;
    rc_atomic = true;
    void *probe = mem_alloc(100);
    size_t base = mem_interp_used(in);
    mem_free(probe);
    size_t hdr = base - mem_interp_used(in) - 100;       /* the block header each charge adds */
    base = mem_interp_used(in);
    static MaArg args[MA_THREADS];
    port_thread *th[MA_THREADS];
    for (int t = 0; t < MA_THREADS; t++) {
        memset(&args[t], 0, sizeof args[t]);
        args[t].in = in;
        args[t].t = t;
        const char *err = NULL;
        th[t] = port_thread_start("ma", ma_thread, &args[t], 0, PORT_ANY_CORE, &err);
        if (!th[t]) { printf("FAIL mem reserves: thread start (%s)\n", err ? err : "?"); fails++; rc_atomic = was; return; }
    }
    size_t held = 0;
    for (int t = 0; t < MA_THREADS; t++) {
        port_thread_join(th[t], (uint64_t)60 * 1000000000u);
        if (!args[t].ok) { printf("FAIL mem reserves: thread %d allocation failed\n", t); fails++; }
        for (int i = 1; i < MA_BLOCKS; i += 2) held += ma_size(t, i) + hdr;
    }
    if (mem_interp_used(in) != base + held) {
        printf("FAIL mem reserves: %zu bytes accounted while %zu are held\n", mem_interp_used(in) - base, held);
        fails++;
    }
    for (int t = 0; t < MA_THREADS; t++)
        for (int i = 1; i < MA_BLOCKS; i += 2) mem_free(args[t].blk[i]);
    if (mem_interp_used(in) != base) {
        printf("FAIL mem reserves: %zd bytes left accounted after every block was freed\n",
               (ssize_t)(mem_interp_used(in) - base));
        fails++;
    }
    rc_atomic = was;
}

/* ---- the unsafe policy: a freed object used in any way is reported ------------------------------
 * What obj_free leaves of an object while the policy runs (gil_poison: the poison type, count 0)
 * is used here through every door of the object code. Each use must raise and be counted as a
 * corruption (GilStats.corruptions): a use that ends in an ordinary TypeError with no report left
 * a threading.Thread's start() waiting for ever when its bootstrap died of one. */
static uint64_t corruptions(Interp *in) { GilStats st; gil_stats(in, &st); return st.corruptions; }
#define POISON_USE(expr, want) do { \
        uint64_t c0 = corruptions(in); \
        CE((Obj *)(expr), want); \
        if (corruptions(in) == c0) { printf("FAIL line %d: not reported: %s\n", __LINE__, #expr); fails++; } \
    } while (0)
#define UAF "RuntimeError: refcount corruption detected (use of a freed object)"
static Obj *int_result(intptr_t r) { return r < 0 ? NULL : MK_SMALL(r); }
static void test_unsafe_poison(Interp *in) {
    ThreadState *ts = port_tls_get();
    port_tls_set(in->main_ts);          /* the GIL's registered thread: the policy switch is its */
    if (gil_set_policy(in, "unsafe") < 0) {
        printf("FAIL: set unsafe\n");
        fails++;
        exc_clear();
        port_tls_set(ts);
        return;
    }
    static Obj freed;
    gil_poison(&freed);
    Obj *o = &freed, *l = list_new(0);
    intptr_t h;
    printf("(a report below is expected: the unsafe policy's corruption check)\n");
    fflush(stdout);
    POISON_USE(obj_call(o, NULL, 0, NULL), UAF);
    POISON_USE(obj_getitem(o, I(0)), UAF);
    POISON_USE(int_result(obj_setitem(o, I(0), I(1))), UAF);
    POISON_USE(int_result(obj_len(o)), UAF);
    POISON_USE(int_result(obj_hash(o, &h)), UAF);
    POISON_USE(int_result(obj_truth(o)), UAF);
    POISON_USE(int_result(obj_contains(o, I(1))), UAF);
    POISON_USE(obj_iter(o), UAF);
    POISON_USE(obj_binop(o, I(1), NB_ADD), UAF);
    POISON_USE(obj_binop(I(1), o, NB_SUB), UAF);
    POISON_USE(obj_compare(o, I(1), CMP_LT), UAF);
    POISON_USE(obj_repr(o), UAF);
    POISON_USE(obj_str(o), UAF);
    POISON_USE(obj_getattr_s(o, "append"), UAF);
    /* a path that checks the type before any slot: the raised message names the poison type */
    Obj *append = obj_getattr_s((Obj *)&list_type, "append");
    POISON_USE(append ? obj_call(append, (Obj *[]){ o, I(1) }, 2, NULL) : NULL,
               "TypeError: descriptor 'append' for 'list' objects doesn't apply to a '<freed object>' object");
    XDECREF(append);
    DECREF(l);
    /* The interpreter is now marked for a reset (only C code runs after this test, which never
     * looks); the policy's watchdog stands down, or it would end the process
     * UNSAFE_RESET_GRACE_S later. Back to `new` while this is the only thread. */
    gil_unsafe_reset_done();
    if (gil_set_policy(in, "new") < 0) { printf("FAIL: set new\n"); fails++; exc_clear(); }
    port_tls_set(ts);
}

int main(void) {
    Interp *in = interp_new(64u << 20);
    if (!in) { printf("interp_new failed\n"); return 1; }
    ThreadState *ts = ts_new(in);
    port_tls_set(ts);
    B = in->builtins;

    /* lists */
    Obj *l = list_new(0);
    for (int i = 0; i < 5; i++) list_append(l, I(i * 3 % 5));
    CR(NEWREF(l), "[0, 3, 1, 4, 2]");
    CR(call("sorted", 1, l), "[0, 1, 2, 3, 4]");
    CR(call("len", 1, l), "5");
    CR(obj_getitem(l, slice_new(None, None, I(-2))), "[2, 1, 0]");
    CR(meth(l, "index", 1, I(4)), "3");
    CE(meth(l, "index", 1, I(9)), "ValueError: 9 is not in list");
    CE(meth(l, "remove", 1, I(9)), "ValueError: list.remove(x): x not in list");
    CE(obj_getitem(l, I(7)), "IndexError: list index out of range");
    list_append(l, l);
    CR(NEWREF(l), "[0, 3, 1, 4, 2, [...]]");
    CR(meth(l, "pop", 0), "[0, 3, 1, 4, 2]");
    CR(meth(l, "pop", 1, I(0)), "0");
    meth(l, "insert", 2, I(1), S("x"));
    CR(NEWREF(l), "[3, 'x', 1, 4, 2]");
    obj_setitem(l, slice_new(I(1), I(3), None), NULL);
    CR(NEWREF(l), "[3, 4, 2]");
    Obj *l2 = list_new(0); list_append(l2, I(7)); list_append(l2, I(8));
    obj_setitem(l, slice_new(I(0), I(1), None), l2);
    CR(NEWREF(l), "[7, 8, 4, 2]");
    obj_setitem(l, slice_new(None, None, I(2)), NULL);
    CR(NEWREF(l), "[8, 2]");
    CR(obj_binop(l, I(2), NB_MUL), "[8, 2, 8, 2]");
    CR(obj_compare(l, l2, CMP_LT), "False");
    CE(obj_binop(l, tuple_new(0), NB_ADD), "TypeError: can only concatenate list (not \"tuple\") to list");

    /* tuples */
    CR(tuple_pack(1, I(1)), "(1,)");
    CR(tuple_new(0), "()");
    CR(call("hash", 1, tuple_pack(2, I(1), I(2))), "-3550055125485641917");
    CR(call("hash", 1, tuple_new(0)), "5740354900026072187");

    /* dicts */
    Obj *d = dict_new();
    dict_set(d, S("a"), I(1)); dict_set(d, S("b"), I(2)); dict_set(d, I(3), S("c"));
    CR(NEWREF(d), "{'a': 1, 'b': 2, 3: 'c'}");
    dict_del(d, S("a"));
    dict_set(d, S("a"), I(9));
    CR(NEWREF(d), "{'b': 2, 3: 'c', 'a': 9}");
    CR(meth(d, "keys", 0), "dict_keys(['b', 3, 'a'])");
    CR(meth(d, "items", 0), "dict_items([('b', 2), (3, 'c'), ('a', 9)])");
    CE(obj_getitem(d, S("zz")), "KeyError: 'zz'");
    CR(meth(d, "popitem", 0), "('a', 9)");
    CR(meth(d, "get", 2, S("q"), I(5)), "5");
    for (int i = 0; i < 1000; i++) { Obj *k = int_from_i64(i); dict_set(d, k, k); DECREF(k); }
    for (int i = 0; i < 1000; i += 2) { Obj *k = int_from_i64(i); dict_del(d, k); DECREF(k); }
    CR(call("len", 1, d), "501");
    CR(obj_getitem(d, I(999)), "999");
    CE(meth(dict_new(), "popitem", 0), "KeyError: 'popitem(): dictionary is empty'");
    Obj *d2 = dict_new(); dict_set(d2, S("x"), I(1));
    CR(obj_binop(d2, d2, NB_OR), "{'x': 1}");
    CR(obj_compare(d2, dict_copy(d2), CMP_EQ), "True");
    {
        Obj *dt = (Obj *)&dict_type;
        Obj *pairs = list_new(0);
        list_append(pairs, tuple_pack(2, S("k"), I(1)));
        CR(obj_call(dt, &pairs, 1, NULL), "{'k': 1}");
        Obj *kn = tuple_pack(1, str_intern("zz"));
        Obj *av[2] = { pairs, I(4) };
        CR(obj_call(dt, av, 1, kn), "{'k': 1, 'zz': 4}");
    }

    /* sets: CPython order */
    Obj *s = set_new(NULL);
    int vals[] = {5, 3, 100, 17, 8, 9, 1000, 33, 2, 64};
    for (int i = 0; i < 10; i++) set_add(s, I(vals[i]));
    CR(NEWREF(s), "{64, 33, 2, 3, 100, 5, 8, 9, 1000, 17}");
    CR(set_new(NULL), "set()");
    Obj *s2 = set_new(NULL); set_add(s2, I(3)); set_add(s2, I(4));
    CR(obj_binop(s, s2, NB_AND), "{3}");
    CR(obj_binop(s2, s, NB_SUB), "{4}");
    CR(obj_call((Obj *)&frozenset_type, &s2, 1, NULL), "frozenset({3, 4})");
    CE(meth(s2, "remove", 1, I(99)), "KeyError: 99");
    {
        Obj *st = set_new(NULL);
        const char *w[] = {"apple", "banana", "cherry"};
        for (int i = 0; i < 3; i++) set_add(st, S(w[i]));
        CR(call("len", 1, st), "3");
    }

    /* range */
    CR(range_new(0, 10, 1), "range(0, 10)");
    CR(call("list", 1, range_new(0, 10, 3)), "[0, 3, 6, 9]");
    CR(obj_getitem(range_new(0, 10, 1), slice_new(I(2), I(8), I(2))), "range(2, 8, 2)");
    CR(call("list", 1, call("reversed", 1, range_new(0, 5, 1))), "[4, 3, 2, 1, 0]");
    CR(bool_from(obj_contains(range_new(0, 10, 2), I(4))), "True");

    /* builtins */
    CR(call("min", 2, I(3), I(2)), "2");
    CE(call("min", 1, list_new(0)), "ValueError: min() arg is an empty sequence");
    CR(call("sum", 1, range_new(0, 101, 1)), "5050");
    CR(call("list", 1, call("enumerate", 1, S("ab"))), "[(0, 'a'), (1, 'b')]");
    CR(call("list", 1, call("zip", 2, range_new(0, 3, 1), S("ab"))), "[(0, 'a'), (1, 'b')]");
    CR(call("isinstance", 2, True_, (Obj *)&int_type), "True");
    CR(call("divmod", 2, I(7), I(-2)), "(-4, -1)");
    CR(call("round", 1, float_new(2.5)), "2");
    CR(call("hex", 1, I(255)), "'0xff'");
    CR(call("ord", 1, S("A")), "65");
    CR(obj_binop(True_, I(1), NB_ADD), "2");
    CR(obj_binop(True_, False_, NB_OR), "True");
    CR(call("repr", 1, (Obj *)&int_type), "\"<class 'int'>\"");
    CR(call("type", 1, I(1)), "<class 'int'>");
    CR(call("bool", 1, list_new(0)), "False");
    CE(call("len", 1, I(5)), "TypeError: object of type 'int' has no len()");
    CE(call("next", 1, list_new(0)), "TypeError: 'list' object is not an iterator");
    CE(call("object", 1, I(1)), "TypeError: object() takes no arguments");

    /* exceptions */
    Obj *ve = (Obj *)ValueError_t;
    CR(obj_call(ve, NULL, 0, NULL), "ValueError()");
    Obj *a2[2] = { I(1), S("x") };
    CR(obj_call(ve, a2, 2, NULL), "ValueError(1, 'x')");
    {
        Obj *e = obj_call(ve, a2, 2, NULL);
        CR(obj_str(e), "\"(1, 'x')\"");
        CR(obj_getattr_s(e, "args"), "(1, 'x')");
        DECREF(e);
        Obj *k = S("k");
        e = obj_call((Obj *)KeyError_t, &k, 1, NULL);
        CR(obj_str(e), "\"'k'\"");
        CR(call("issubclass", 2, (Obj *)ZeroDivisionError_t, (Obj *)ArithmeticError_t), "True");
    }
    exc_raise(TypeError_t, "bad %d %s %R", 5, "x", S("q"));
    CE(NULL, "TypeError: bad 5 x 'q'");
    test_unsafe_poison(in);
    test_mem_reserves(in);
    printf("%s: %d failure(s)\n", fails ? "FAILED" : "ok", fails);
    return fails != 0;
}
