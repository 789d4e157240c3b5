/*
 * interp/modules/mod_native.c — `native`: C code that runs WITHOUT the GIL (the NumPy lesson of the
 * seeds). Each call copies what it needs out of its Python arguments, drops the GIL
 * (gil_before_blocking), computes on plain C data, takes the GIL back and builds the result, so
 * four threads calling native.crc32 on four cores really run in parallel — unlike the same loop
 * written in Python.
 *   native.spin(n)              n iterations of an integer mix; returns the final value (int)
 *   native.crc32(data, rounds=1) CRC-32 (IEEE) of bytes/str data, recomputed `rounds` times
 *                               (returns the CRC, same as zlib.crc32(data) for rounds=1)
 *   native.spin_gil(n)          the same as spin but KEEPING the GIL (to compare)
 * Called by: Python code. Locks: none while computing (the argument is kept alive by the caller's
 * reference: the bytes object is immutable and the caller's frame holds it).
 */
#include "gil/gil.h"
#include "objects/module.h"

static uint64_t spin(uint64_t n) {
    uint64_t x = 0x9E3779B97F4A7C15ull;
    for (uint64_t i = 0; i < n; i++) {
        x ^= x << 13; x ^= x >> 7; x ^= x << 17;
        __asm__ volatile("" : "+r"(x));
    }
    return x & 0x3fffffff;
}

static int n_arg(const char *fn, Obj *const *a, int n, Obj *k, uint64_t *out) {
    Obj *v[1];
    int64_t x;
    if (args_parse(fn, a, n, k, "n", v) < 0) return -1;
    if (int_as_i64(v[0], &x) < 0) return -1;
    if (x < 0) { exc_raise(ValueError_t, "n must be non-negative"); return -1; }
    *out = (uint64_t)x;
    return 0;
}

static Obj *f_spin(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s;
    uint64_t cnt;
    if (n_arg("spin", a, n, k, &cnt) < 0) return NULL;
    ThreadState *ts = ts_get();
    gil_before_blocking(ts);
    uint64_t r = spin(cnt);
    gil_after_blocking(ts);
    return int_from_u64(r);
}

static Obj *f_spin_gil(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s;
    uint64_t cnt;
    if (n_arg("spin_gil", a, n, k, &cnt) < 0) return NULL;
    return int_from_u64(spin(cnt));
}

static uint32_t crc_table[256];
static volatile int crc_ready;
static void crc_init(void) {
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int j = 0; j < 8; j++) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        crc_table[i] = c;
    }
    __atomic_store_n(&crc_ready, 1, __ATOMIC_RELEASE);
}
static uint32_t crc32_buf(const unsigned char *p, size_t n) {
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++) c = crc_table[(c ^ p[i]) & 0xff] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

static Obj *f_crc32(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s;
    Obj *v[2];
    if (args_parse("crc32", a, n, k, "data|rounds", v) < 0) return NULL;
    const unsigned char *p;
    size_t len;
    if (obj_isinstance(v[0], &bytes_type)) { p = (const unsigned char *)BYTES_DATA(v[0]); len = BYTES_LEN(v[0]); }
    else if (obj_isinstance(v[0], &str_type)) { p = (const unsigned char *)str_data(v[0]); len = str_nbytes(v[0]); }
    else return exc_raise(TypeError_t, "a bytes-like object is required, not '%s'", type_name(v[0]));
    int64_t rounds = 1;
    if (v[1] && int_as_i64(v[1], &rounds) < 0) return NULL;
    if (rounds < 1) rounds = 1;
    if (!__atomic_load_n(&crc_ready, __ATOMIC_ACQUIRE)) crc_init();   /* idempotent */
    ThreadState *ts = ts_get();
    gil_before_blocking(ts);
    uint32_t c = 0;
    for (int64_t r = 0; r < rounds; r++) c = crc32_buf(p, len);
    gil_after_blocking(ts);
    return int_from_u64(c);
}

static const MethodDef native_fns[] = {
    {"spin", f_spin}, {"spin_gil", f_spin_gil}, {"crc32", f_crc32},
    {NULL, NULL},
};

static int native_init(Obj *d) {
    return module_add_functions(d, native_fns);
}

MODULE_DEF(native, native_init);
