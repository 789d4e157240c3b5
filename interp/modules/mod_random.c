/*
 * interp/modules/mod_random.c — `_random`, the core under interp/lib/random.py: the Mersenne
 * Twister MT19937 (Makoto Matsumoto and Takuji Nishimura, "Mersenne Twister: A 623-dimensionally
 * equidistributed uniform pseudo-random number generator", ACM TOMACS 1998), seeded as CPython
 * seeds it so that the same seed gives the same numbers:
 *   - seed(n) for an int n: the key is |n| split into 32-bit words, least significant first
 *     (one word 0 for n == 0), fed to the reference init_by_array;
 *   - seed(x) for other hashable x: the same with |hash(x)|; seed(None): a key made of the clocks;
 *   - random(): 53 bits from two draws, (a >> 5) * 2**26 + (b >> 6), divided by 2**53;
 *   - getrandbits(k): k bits from ceil(k / 32) draws, least significant word first, the last
 *     word's surplus low bits shifted out.
 * Also `_sha512(data)` (FIPS 180-4), which random.seed(str/bytes) needs for version-2 seeding.
 *
 * Locks: the generator's state is one object's multi-word state, so under the free-threaded
 * policy every draw holds the object's stripe (obj_lock, interp/core/objlock.h); nothing under it
 * runs Python code or allocates objects. Under a GIL the lock is a no-op, as CPython's Random is
 * protected only by its GIL.
 */
#include <string.h>
#include "objects/module.h"
#include "objects/objects.h"
#include "core/objlock.h"

#define MT_N 624
#define MT_M 397

typedef struct {
    Obj base;
    uint32_t mt[MT_N];
    int index;                  /* next word to hand out; MT_N: regenerate first. 0..MT_N */
} RandomObj;

extern Type random_type;

static void mt_init_genrand(RandomObj *r, uint32_t s) {
    r->mt[0] = s;
    for (int i = 1; i < MT_N; i++)
        r->mt[i] = 1812433253u * (r->mt[i - 1] ^ (r->mt[i - 1] >> 30)) + (uint32_t)i;
    r->index = MT_N;
}

/* The reference init_by_array (mt19937ar.c, 2002). */
static void mt_init_by_array(RandomObj *r, const uint32_t *key, size_t len) {
    mt_init_genrand(r, 19650218u);
    size_t i = 1, j = 0;
    for (size_t k = MT_N > len ? MT_N : len; k; k--) {
        r->mt[i] = (r->mt[i] ^ ((r->mt[i - 1] ^ (r->mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint32_t)j;
        i++; j++;
        if (i >= MT_N) { r->mt[0] = r->mt[MT_N - 1]; i = 1; }
        if (j >= len) j = 0;
    }
    for (size_t k = MT_N - 1; k; k--) {
        r->mt[i] = (r->mt[i] ^ ((r->mt[i - 1] ^ (r->mt[i - 1] >> 30)) * 1566083941u)) - (uint32_t)i;
        i++;
        if (i >= MT_N) { r->mt[0] = r->mt[MT_N - 1]; i = 1; }
    }
    r->mt[0] = 0x80000000u;
    r->index = MT_N;
}

/* One tempered 32-bit word. Caller holds the object's lock. */
static uint32_t mt_next(RandomObj *r) {
    if (r->index >= MT_N) {
        static const uint32_t mag01[2] = { 0, 0x9908b0dfu };
        int k;
        uint32_t y;
        for (k = 0; k < MT_N - MT_M; k++) {
            y = (r->mt[k] & 0x80000000u) | (r->mt[k + 1] & 0x7fffffffu);
            r->mt[k] = r->mt[k + MT_M] ^ (y >> 1) ^ mag01[y & 1];
        }
        for (; k < MT_N - 1; k++) {
            y = (r->mt[k] & 0x80000000u) | (r->mt[k + 1] & 0x7fffffffu);
            r->mt[k] = r->mt[k + (MT_M - MT_N)] ^ (y >> 1) ^ mag01[y & 1];
        }
        y = (r->mt[MT_N - 1] & 0x80000000u) | (r->mt[0] & 0x7fffffffu);
        r->mt[MT_N - 1] = r->mt[MT_M - 1] ^ (y >> 1) ^ mag01[y & 1];
        r->index = 0;
    }
    uint32_t y = r->mt[r->index++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
}

/* Seed from a non-negative int: its 32-bit words, least significant first. */
static int seed_from_int(RandomObj *r, Obj *n) {
    Obj *bl = obj_call_method(n, "bit_length", NULL, 0);
    if (!bl) return -1;
    int64_t bits;
    int rc = int_as_i64(bl, &bits);
    DECREF(bl);
    if (rc < 0) return -1;
    size_t words = bits ? (size_t)(bits + 31) / 32 : 1;
    Obj *len = int_from_i64((int64_t)words * 4);
    Obj *order = str_from_cstr("little");
    if (!len || !order) { XDECREF(len); XDECREF(order); return -1; }
    Obj *args[2] = { len, order };
    Obj *b = obj_call_method(n, "to_bytes", args, 2);
    DECREF(len); DECREF(order);
    if (!b) return -1;
    uint32_t *key = mem_alloc(words * sizeof(uint32_t));
    if (!key) { DECREF(b); return -1; }
    const unsigned char *p = (const unsigned char *)BYTES_DATA(b);
    for (size_t i = 0; i < words; i++)
        key[i] = (uint32_t)p[4 * i] | (uint32_t)p[4 * i + 1] << 8 | (uint32_t)p[4 * i + 2] << 16 |
                 (uint32_t)p[4 * i + 3] << 24;
    DECREF(b);
    obj_lock(&r->base);
    mt_init_by_array(r, key, words);
    obj_unlock(&r->base);
    mem_free(key);
    return 0;
}

static void seed_from_clock(RandomObj *r) {
    static uint32_t calls;
    uint64_t w = port_wall_time_ns(), t = port_time_ns();
    uint32_t key[6] = { (uint32_t)w, (uint32_t)(w >> 32), (uint32_t)t, (uint32_t)(t >> 32),
                        port_thread_id(), __atomic_add_fetch(&calls, 1, __ATOMIC_RELAXED) ^
                        (uint32_t)(uintptr_t)r };
    obj_lock(&r->base);
    mt_init_by_array(r, key, 6);
    obj_unlock(&r->base);
}

static Obj *random_seed(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    Obj *a[1] = { NULL };
    if (args_parse("seed", args, nargs, kw, "|n", a) < 0) return NULL;
    RandomObj *r = (RandomObj *)self;
    if (!a[0] || a[0] == None) { seed_from_clock(r); return none_ref(); }
    Obj *n;
    if (int_check(a[0])) n = int_abs(a[0]);
    else {
        intptr_t h;
        if (obj_hash(a[0], &h) < 0) return NULL;
        Obj *hv = int_from_i64(h);
        if (!hv) return NULL;
        n = int_abs(hv);
        DECREF(hv);
    }
    if (!n) return NULL;
    int rc = seed_from_int(r, n);
    DECREF(n);
    return rc < 0 ? NULL : none_ref();
}

static Obj *random_random(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    (void)args;
    if (no_kwargs("random", kw) < 0 || check_nargs("random", nargs, 0, 0) < 0) return NULL;
    RandomObj *r = (RandomObj *)self;
    obj_lock(self);
    uint32_t a = mt_next(r) >> 5, b = mt_next(r) >> 6;
    obj_unlock(self);
    return float_new((a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

static Obj *random_getrandbits(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    Obj *a[1];
    if (args_parse("getrandbits", args, nargs, kw, "k", a) < 0) return NULL;
    intptr_t k;
    if (int_as_index_ovf(a[0], &k, INDEX_OVF_SSIZE) < 0) return NULL;
    if (k < 0) return exc_raise(ValueError_t, "number of bits must be non-negative");
    RandomObj *r = (RandomObj *)self;
    if (k == 0) return int_from_i64(0);
    if (k <= 32) {
        obj_lock(self);
        uint32_t w = mt_next(r) >> (32 - k);
        obj_unlock(self);
        return int_from_i64(w);
    }
    if ((uint64_t)k > (uint64_t)1 << 34) return mem_error();
    size_t words = ((size_t)k + 31) / 32;
    Obj *b = bytes_new(NULL, words * 4);
    if (!b) return NULL;
    unsigned char *p = (unsigned char *)BYTES_DATA(b);
    intptr_t left = k;
    obj_lock(self);
    for (size_t i = 0; i < words; i++, left -= 32) {
        uint32_t w = mt_next(r);
        if (left < 32) w >>= 32 - left;
        p[4 * i] = (unsigned char)w; p[4 * i + 1] = (unsigned char)(w >> 8);
        p[4 * i + 2] = (unsigned char)(w >> 16); p[4 * i + 3] = (unsigned char)(w >> 24);
    }
    obj_unlock(self);
    Obj *order = str_from_cstr("little");
    if (!order) { DECREF(b); return NULL; }
    Obj *fa[2] = { b, order };
    Obj *res = obj_call_method((Obj *)&int_type, "from_bytes", fa, 2);
    DECREF(b); DECREF(order);
    return res;
}

static Obj *random_getstate(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    (void)args;
    if (no_kwargs("getstate", kw) < 0 || check_nargs("getstate", nargs, 0, 0) < 0) return NULL;
    RandomObj *r = (RandomObj *)self;
    uint32_t copy[MT_N];
    obj_lock(self);
    memcpy(copy, r->mt, sizeof copy);
    int index = r->index;
    obj_unlock(self);
    Obj *t = tuple_new(MT_N + 1);
    if (!t) return NULL;
    for (int i = 0; i < MT_N; i++) TUPLE_ITEMS(t)[i] = int_from_i64(copy[i]);
    TUPLE_ITEMS(t)[MT_N] = int_from_i64(index);
    return t;
}

static Obj *random_setstate(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    Obj *a[1];
    if (args_parse("setstate", args, nargs, kw, "state", a) < 0) return NULL;
    Obj *st = a[0];
    if (!obj_is(st, &tuple_type)) return exc_raise(TypeError_t, "state vector must be a tuple");
    if (TUPLE_LEN(st) != MT_N + 1) return exc_raise(ValueError_t, "state vector is the wrong size");
    uint32_t copy[MT_N];
    for (int i = 0; i < MT_N; i++) {
        int64_t v;
        if (int_as_i64(TUPLE_ITEMS(st)[i], &v) < 0) return NULL;
        if (v < 0 || v > 0xffffffffll) return exc_raise(OverflowError_t, "Python int too large to convert to C unsigned long");
        copy[i] = (uint32_t)v;
    }
    int64_t index;
    if (int_as_i64(TUPLE_ITEMS(st)[MT_N], &index) < 0) return NULL;
    if (index < 0 || index > MT_N) return exc_raise(ValueError_t, "invalid state");
    RandomObj *r = (RandomObj *)self;
    obj_lock(self);
    memcpy(r->mt, copy, sizeof copy);
    r->index = (int)index;
    obj_unlock(self);
    return none_ref();
}

static Obj *random_new(Type *t, Obj *const *args, int nargs, Obj *kw) {
    (void)args; (void)nargs; (void)kw;     /* a subclass's __init__ takes the arguments */
    RandomObj *r = (RandomObj *)obj_alloc(t, t->size);
    if (!r) return NULL;
    seed_from_clock(r);
    return (Obj *)r;
}

static void random_dealloc(Obj *o) { obj_free(o); }

static const MethodDef random_methods[] = {
    {"seed", random_seed}, {"random", random_random}, {"getrandbits", random_getrandbits},
    {"getstate", random_getstate}, {"setstate", random_setstate}, {NULL, NULL},
};

Type random_type = {
    .base = {IMMORTAL_REFCNT, &type_type}, .name = "Random", .base_type = &object_type,
    .size = sizeof(RandomObj), .flags = TF_BASETYPE, .dealloc = random_dealloc,
    .methods = random_methods, .new_ = random_new,
};

/* ---- SHA-512 (FIPS 180-4) -------------------------------------------------------------------- */
/* K: the first 64 bits of the fractional parts of the cube roots of the first 80 primes. */
static const uint64_t sha512_k[80] = {
    0x428a2f98d728ae22ull, 0x7137449123ef65cdull, 0xb5c0fbcfec4d3b2full, 0xe9b5dba58189dbbcull,
    0x3956c25bf348b538ull, 0x59f111f1b605d019ull, 0x923f82a4af194f9bull, 0xab1c5ed5da6d8118ull,
    0xd807aa98a3030242ull, 0x12835b0145706fbeull, 0x243185be4ee4b28cull, 0x550c7dc3d5ffb4e2ull,
    0x72be5d74f27b896full, 0x80deb1fe3b1696b1ull, 0x9bdc06a725c71235ull, 0xc19bf174cf692694ull,
    0xe49b69c19ef14ad2ull, 0xefbe4786384f25e3ull, 0x0fc19dc68b8cd5b5ull, 0x240ca1cc77ac9c65ull,
    0x2de92c6f592b0275ull, 0x4a7484aa6ea6e483ull, 0x5cb0a9dcbd41fbd4ull, 0x76f988da831153b5ull,
    0x983e5152ee66dfabull, 0xa831c66d2db43210ull, 0xb00327c898fb213full, 0xbf597fc7beef0ee4ull,
    0xc6e00bf33da88fc2ull, 0xd5a79147930aa725ull, 0x06ca6351e003826full, 0x142929670a0e6e70ull,
    0x27b70a8546d22ffcull, 0x2e1b21385c26c926ull, 0x4d2c6dfc5ac42aedull, 0x53380d139d95b3dfull,
    0x650a73548baf63deull, 0x766a0abb3c77b2a8ull, 0x81c2c92e47edaee6ull, 0x92722c851482353bull,
    0xa2bfe8a14cf10364ull, 0xa81a664bbc423001ull, 0xc24b8b70d0f89791ull, 0xc76c51a30654be30ull,
    0xd192e819d6ef5218ull, 0xd69906245565a910ull, 0xf40e35855771202aull, 0x106aa07032bbd1b8ull,
    0x19a4c116b8d2d0c8ull, 0x1e376c085141ab53ull, 0x2748774cdf8eeb99ull, 0x34b0bcb5e19b48a8ull,
    0x391c0cb3c5c95a63ull, 0x4ed8aa4ae3418acbull, 0x5b9cca4f7763e373ull, 0x682e6ff3d6b2b8a3ull,
    0x748f82ee5defb2fcull, 0x78a5636f43172f60ull, 0x84c87814a1f0ab72ull, 0x8cc702081a6439ecull,
    0x90befffa23631e28ull, 0xa4506cebde82bde9ull, 0xbef9a3f7b2c67915ull, 0xc67178f2e372532bull,
    0xca273eceea26619cull, 0xd186b8c721c0c207ull, 0xeada7dd6cde0eb1eull, 0xf57d4f7fee6ed178ull,
    0x06f067aa72176fbaull, 0x0a637dc5a2c898a6ull, 0x113f9804bef90daeull, 0x1b710b35131c471bull,
    0x28db77f523047d84ull, 0x32caab7b40c72493ull, 0x3c9ebe0a15c9bebcull, 0x431d67c49c100d4cull,
    0x4cc5d4becb3e42b6ull, 0x597f299cfc657e2aull, 0x5fcb6fab3ad6faecull, 0x6c44198c4a475817ull,
};

#define ROR64(x, n) (((x) >> (n)) | ((x) << (64 - (n))))

static void sha512_block(uint64_t h[8], const unsigned char *blk) {
    uint64_t w[80];
    for (int i = 0; i < 16; i++) {
        uint64_t v = 0;
        for (int j = 0; j < 8; j++) v = v << 8 | blk[8 * i + j];
        w[i] = v;
    }
    for (int i = 16; i < 80; i++) {
        uint64_t s0 = ROR64(w[i - 15], 1) ^ ROR64(w[i - 15], 8) ^ (w[i - 15] >> 7);
        uint64_t s1 = ROR64(w[i - 2], 19) ^ ROR64(w[i - 2], 61) ^ (w[i - 2] >> 6);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 80; i++) {
        uint64_t S1 = ROR64(e, 14) ^ ROR64(e, 18) ^ ROR64(e, 41);
        uint64_t ch = (e & f) ^ (~e & g);
        uint64_t t1 = hh + S1 + ch + sha512_k[i] + w[i];
        uint64_t S0 = ROR64(a, 28) ^ ROR64(a, 34) ^ ROR64(a, 39);
        uint64_t maj = (a & b) ^ (a & c) ^ (b & c);
        uint64_t t2 = S0 + maj;
        hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

static void sha512(const unsigned char *p, size_t n, unsigned char out[64]) {
    /* H0: the first 64 bits of the fractional parts of the square roots of the first 8 primes. */
    uint64_t h[8] = { 0x6a09e667f3bcc908ull, 0xbb67ae8584caa73bull, 0x3c6ef372fe94f82bull,
                      0xa54ff53a5f1d36f1ull, 0x510e527fade682d1ull, 0x9b05688c2b3e6c1full,
                      0x1f83d9abfb41bd6bull, 0x5be0cd19137e2179ull };
    size_t done = 0;
    for (; n - done >= 128; done += 128) sha512_block(h, p + done);
    unsigned char last[256];
    size_t rest = n - done;
    memset(last, 0, sizeof last);
    memcpy(last, p + done, rest);
    last[rest] = 0x80;
    size_t total = rest + 1 + 16 <= 128 ? 128 : 256;
    uint64_t bits = (uint64_t)n * 8;       /* the high 64 bits of the 128-bit length stay 0 */
    for (int j = 0; j < 8; j++) last[total - 1 - j] = (unsigned char)(bits >> (8 * j));
    sha512_block(h, last);
    if (total == 256) sha512_block(h, last + 128);
    for (int i = 0; i < 8; i++)
        for (int j = 0; j < 8; j++) out[8 * i + j] = (unsigned char)(h[i] >> (56 - 8 * j));
}

/* _sha512(data) -> the 64-byte digest of a bytes or bytearray. The bytearray is copied first:
 * another thread may resize it. */
static Obj *f_sha512(Obj *s, Obj *const *args, int nargs, Obj *kw) {
    (void)s;
    Obj *a[1];
    if (args_parse("_sha512", args, nargs, kw, "data", a) < 0) return NULL;
    Obj *b = obj_is(a[0], &bytes_type) ? NEWREF(a[0]) : NULL;
    if (!b) {
        if (!obj_isinstance(a[0], &bytearray_type) && !obj_isinstance(a[0], &bytes_type))
            return exc_raise(TypeError_t, "a bytes-like object is required, not '%T'", a[0]);
        Obj *ba = (Obj *)&bytes_type;
        b = obj_call1(ba, a[0]);
        if (!b) return NULL;
    }
    unsigned char out[64];
    sha512((const unsigned char *)BYTES_DATA(b), BYTES_LEN(b), out);
    DECREF(b);
    return bytes_new((const char *)out, 64);
}

static const MethodDef random_fns[] = { {"_sha512", f_sha512}, {NULL, NULL} };

static int random_init(Obj *d) {
    if (type_ready_shared(&random_type) < 0) return -1;
    if (dict_set_s(d, "Random", (Obj *)&random_type) < 0) return -1;
    return module_add_functions(d, random_fns);
}

MODULE_DEF(_random, random_init);
