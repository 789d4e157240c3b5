/*
 * interp/objects/strfmt.h — private header of interp/objects/ shared by int.c, float.c, str.c, strfmt.c:
 * the format-spec mini-language and the number <-> text helpers they lend each other.
 * Not a contract for other files (use obj.h's obj_format / str methods instead).
 */
#ifndef INTERP_STRFMT_H
#define INTERP_STRFMT_H

#include "core/obj.h"

typedef struct {
    char fill[5];       /* UTF-8 of the fill character */
    char align;         /* 0, '<', '>', '=', '^' */
    char sign;          /* 0, '+', '-', ' ' */
    bool alt;           /* '#' */
    bool zero;          /* '0' before width */
    intptr_t width;     /* -1 if absent */
    char grouping;      /* 0, ',', '_' */
    intptr_t prec;      /* -1 if absent */
    char type;          /* 0 or the presentation type */
} FmtSpec;

/* Parse a spec string; ValueError like CPython. -1 on error. */
int fmtspec_parse(const char *s, size_t n, FmtSpec *f, const char *tname);

/* __format__ implementations (strfmt.c). */
Obj *strfmt_int(Obj *v, Obj *spec);
Obj *strfmt_float(Obj *v, Obj *spec);
Obj *strfmt_str(Obj *v, Obj *spec);
/* printf-style `str % args` (strfmt.c). */
Obj *strfmt_percent(Obj *fmt, Obj *args);
/* str.format(*args, **kwargs) (strfmt.c). */
Obj *strfmt_format(Obj *fmt, Obj *const *args, int nargs, Obj *kwnames);

/* int.c: magnitude as text in base 2/8/10/16 (no prefix, no sign); *neg gets the sign.
 * Obeys the 4300-digit limit for base 10. Returns a mem_alloc'd NUL-terminated buffer. */
char *int_to_text(Obj *v, int base, bool upper, int *neg, size_t *len);
/* float.c: CPython's repr of a double into buf (at least 32 bytes). */
void float_repr_buf(double d, char *buf);
/* float.c: format a double with type f/e/g/% and precision, CPython's rules (no padding). */
void float_fmt_core(double d, char type, int prec, bool alt, char *buf, size_t cap);
/* str.c */
size_t utf8_count(const char *s, size_t n);
bool str_is_ascii(Obj *s);
Obj *str_substr_chars(Obj *s, size_t start, size_t count);
Obj *str_new_bytes_view(const char *p, size_t n);
Obj *str_maketrans(Obj *self, Obj *const *args, int nargs, Obj *kw);   /* str_methods.c */
Obj *bytes_fromhex(Obj *self, Obj *const *args, int nargs, Obj *kw);   /* bytes.c */
Obj *int_from_bytes(Obj *self, Obj *const *args, int nargs, Obj *kw);  /* int.c */

/* memmem without relying on _GNU_SOURCE (newlib and glibc both build this). */
static inline const char *tb_memmem(const char *h, size_t hn, const char *nd, size_t nn)
{
    if (nn == 0) return h;
    if (nn > hn) return NULL;
    const char *end = h + hn - nn;
    for (const char *p = h; p <= end; p++) {
        p = (const char *)__builtin_memchr(p, nd[0], (size_t)(end - p) + 1);
        if (!p) return NULL;
        if (__builtin_memcmp(p, nd, nn) == 0) return p;
    }
    return NULL;
}

#endif
