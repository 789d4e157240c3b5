/*
 * interp/objects/objects.h — helpers the object types share among themselves (static type
 * headers, the repr and C-recursion guards, argument-count checks, iterator and view types, the
 * start-up hooks of exceptions and dict). Not a contract: the rest of the interpreter uses
 * core/obj.h; runtime/builtins.c uses it for the iterator types it exposes.
 */
#ifndef INTERP_OBJECTS_H
#define INTERP_OBJECTS_H

#include "core/obj.h"
#include "core/state.h"

/* Static type header: immortal, its type is type_type. */
#define TYPE_HEAD {IMMORTAL_REFCNT, &type_type}
#define STATIC_OBJ(t) {IMMORTAL_REFCNT, &(t)}

/* Repr recursion guard (CPython's Py_ReprEnter): 1 = o's repr already running on this thread
 * (print "[...]"), 0 = entered (call repr_leave), -1 = error (RecursionError / MemoryError). */
int repr_enter(Obj *o);
void repr_leave(Obj *o);
/* C recursion depth guard shared with Python calls (ts->depth against recursion_limit). */
int rec_enter(const char *where);
void rec_leave(void);

/* Clear the instance dict of a heap subclass instance (dealloc helper). */
static inline void inst_dict_clear(Obj *o) {
    Type *t = TYPE(o);
    if (t->dictoffset) CLEAR(*obj_dict_ptr(o));
}

/* complex.c */
extern Type complex_type;
Obj *complex_new(double re, double im);
/* codec.c: the text codecs (UTF-8, ASCII, Latin-1) */
enum { CODEC_UTF8, CODEC_ASCII, CODEC_LATIN1 };
int codec_lookup(Obj *name);                       /* a CODEC_*, or -1 */
Obj *str_encode(Obj *s, Obj *encoding, Obj *errors);   /* NULLs: UTF-8, strict */
Obj *latin1_decode(const unsigned char *p, size_t n);

int hash_not_implemented(Obj *o, intptr_t *out);   /* "unhashable type: 'list'" */
Obj *object_repr(Obj *o);
int object_hash(Obj *o, intptr_t *out);
Obj *object_compare(Obj *a, Obj *b, int op);
void object_dealloc(Obj *o);
Obj *object_new(Type *t, Obj *const *args, int nargs, Obj *kwnames);

/* Reject keyword arguments: "list.append() takes no keyword arguments" (name "list.append"). */
int no_kwargs(const char *fname, Obj *kwnames);
/* Check positional count: "append() takes exactly one argument (N given)" family. */
int check_nargs(const char *fname, int nargs, int min, int max);

/* Iterator objects (iter.c). */
Obj *listiter_new(Obj *l, bool reversed);
Obj *tupleiter_new(Obj *t);
Obj *rangeiter_new(int64_t start, int64_t step, int64_t len);
extern Type list_iter_type, list_reviter_type, tuple_iter_type, range_iter_type, seq_iter_type,
    enumerate_type, zip_type, map_type, filter_type, reversed_type, callable_iter_type;
/* The iterators of str, bytes, bytearray and of old-style sequences (__getitem__ only: ops.c) */
extern Type str_iter_type, bytes_iter_type, bytearray_iter_type, seqiter_type;

/* Dict views and iterators (dict.c); set iterator (set.c). */
extern Type dict_keys_type, dict_values_type, dict_items_type, dict_keyiter_type,
    dict_valueiter_type, dict_itemiter_type, set_iter_type;
bool set_check(Obj *o);          /* set or frozenset (or subclass) */
Obj *set_copy_as(Type *t, Obj *s);
int set_discard_key(Obj *s, Obj *key);   /* 1 removed, 0 absent, -1 error */
Obj *set_pop_any(Obj *s);

int dict_add_classmethods(void);   /* dict.fromkeys (after type_ready) */
/* exc.c */
int exc_init_types(void);
int exc_add_builtins(Obj *dict);

/* bytes.c: a memoryview's hold on a bytes or bytearray buffer. While exported, a bytearray
 * refuses to change size (BufferError), so *p and *n stay valid until the unexport. */
void bytearray_export(Obj *o, char **p, size_t *n);
void bytearray_unexport(Obj *o);
/* ba += bytes-like, ba *= n in place (ops.c's obj_inplace_binop): 1 done, 0 not these, -1 error. */
int bytearray_inplace(Obj *a, Obj *b, int op);
Obj *bytes_maketrans(Obj *self, Obj *const *args, int nargs, Obj *kw);

/* list.c */
Obj *list_getslice_raw(Obj *l, intptr_t lo, intptr_t hi);
int list_insert(Obj *l, intptr_t i, Obj *v);

/* Rich comparison from a three-way result: does `c` (<0, 0, >0, as memcmp) satisfy op (CMP_*)?
 * cmp_result gives the answer as True/False. */
static inline bool cmp_holds(int c, int op) {
    switch (op) {
    case CMP_LT: return c < 0;
    case CMP_LE: return c <= 0;
    case CMP_EQ: return c == 0;
    case CMP_NE: return c != 0;
    case CMP_GT: return c > 0;
    default: return c >= 0;
    }
}
static inline Obj *cmp_result(int c, int op) { return bool_from(cmp_holds(c, op)); }

/* Compare two lists or two tuples lexicographically: a rich compare result. */
Obj *seq_compare(Obj *a, Obj *b, int op);
/* seq * n: 1 = *out set, 0 = n is not an int (caller decides), -1 = error. */
int seq_repeat_count(Obj *n, intptr_t *out);
/* index(x, start, stop) bounds, clamped like CPython's. */
int index_bounds(const char *fname, Obj *const *args, int nargs, intptr_t len, intptr_t *lo, intptr_t *hi);

/* Range internals (for `in`, len, iteration fast paths). */
typedef struct { Obj base; int64_t start, stop, step, len; } RangeObj;
typedef struct { Obj base; Obj *start, *stop, *step; } SliceObj;
extern Type *SystemError_t;
/* Index helper: a negative i counts from the end; no range check. -1 + exception on bad type. */
int seq_index(Obj *key, intptr_t len, intptr_t *out, const char *what);
Obj *tuple_getslice(Obj *t, Obj *slice);
bool is_heap_with(Obj *o, const char *dunder);

#endif
