/*
 * interp/objects/strfmt.c — text formatting: the format-spec mini-language (int/float/str __format__,
 * f-strings through obj_format), str.format(), and printf-style `str % args`.
 *
 * All three end in the same place: a number is split into sign, prefix ("0x"), digits (grouped
 * with ',' or '_') and the rest, then padded as the spec asks (fill, align '<' '>' '^' '=',
 * width; '0' means fill '0' with '=' alignment, and zero padding is grouped as CPython does).
 * Error messages follow CPython 3.11 word for word.
 * Called by: int.c/float.c/str.c slots, ops.c obj_format, the VM's FORMAT_VALUE. Locks: none.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <math.h>
#include "core/obj.h"
#include "objects/strfmt.h"

/* ---- spec parsing ---------------------------------------------------------------------------- */
static bool is_align(char c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

static int utf8_len1(const char *s)
{
    unsigned char c = (unsigned char)s[0];
    return c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
}

int fmtspec_parse(const char *s, size_t n, FmtSpec *f, const char *tname)
{
    memset(f, 0, sizeof *f);
    f->width = -1; f->prec = -1;
    f->fill[0] = ' ';
    bool fill_given = false;
    size_t i = 0;
    if (n > 0) {
        int l = utf8_len1(s);
        if ((size_t)l < n && is_align(s[l])) {
            memcpy(f->fill, s, (size_t)l); f->fill[l] = 0;
            f->align = s[l]; i = (size_t)l + 1; fill_given = true;
        } else if (is_align(s[0])) { f->align = s[0]; i = 1; }
    }
    if (i < n && (s[i] == '+' || s[i] == '-' || s[i] == ' ')) f->sign = s[i++];
    if (i < n && s[i] == 'z') i++;
    if (i < n && s[i] == '#') { f->alt = true; i++; }
    if (i < n && s[i] == '0') {
        f->zero = true; i++;
        if (!fill_given) { f->fill[0] = '0'; f->fill[1] = 0; }
    }
    if (i < n && s[i] >= '0' && s[i] <= '9') {
        f->width = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9') {
            if (f->width > (INTPTR_MAX - (s[i] - '0')) / 10) {
                exc_raise(ValueError_t, "Too many decimal digits in format string");
                return -1;
            }
            f->width = f->width * 10 + (s[i++] - '0');
        }
    }
    if (i < n && (s[i] == ',' || s[i] == '_')) f->grouping = s[i++];
    if (i < n && (s[i] == ',' || s[i] == '_')) {
        exc_raise(ValueError_t, "Cannot specify both ',' and '_'.");
        return -1;
    }
    if (i < n && s[i] == '.') {
        i++;
        if (!(i < n && s[i] >= '0' && s[i] <= '9')) {
            exc_raise(ValueError_t, "Format specifier missing precision");
            return -1;
        }
        f->prec = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9') {
            if (f->prec > (INTPTR_MAX - (s[i] - '0')) / 10) {
                exc_raise(ValueError_t, "Too many decimal digits in format string");
                return -1;
            }
            f->prec = f->prec * 10 + (s[i++] - '0');
        }
    }
    if (n - i > 1) {
        exc_raise(ValueError_t, "Invalid format specifier '%s' for object of type '%s'", s, tname);
        return -1;
    }
    if (i < n) f->type = s[i];
    if (f->grouping && f->type) {
        const char *ok = f->grouping == ',' ? "deEfFgG%" : "dbxXoeEfFgG%";
        if (!strchr(ok, f->type)) {
            exc_raise(ValueError_t, "Cannot specify '%c' with '%c'.", f->grouping, f->type);
            return -1;
        }
    }
    return 0;
}

/* ---- padding --------------------------------------------------------------------------------- */
/* k copies of s (sn bytes). The room is reserved first, so a width past the heap limit is a
 * MemoryError at once (as CPython's up-front allocation of the result), not after the padding
 * has been written into the whole heap. */
static void add_repeat(StrBuf *b, const char *s, size_t sn, intptr_t k)
{
    if (k <= 0) return;
    if ((size_t)k > SIZE_MAX / 4 / sn) { b->oom = true; return; }
    if (!sb_reserve(b, (size_t)k * sn)) return;
    for (intptr_t i = 0; i < k; i++) sb_add(b, s, sn);
}

static void add_fill(StrBuf *b, const FmtSpec *f, intptr_t k)
{
    add_repeat(b, f->fill, strlen(f->fill), k);
}

/* Pad a piece of text (nchars code points) by spec. */
static void pad_text(StrBuf *b, const FmtSpec *f, char defalign, const char *txt, size_t nb, size_t nchars)
{
    char al = f->align ? f->align : defalign;
    intptr_t pad = f->width > (intptr_t)nchars ? f->width - (intptr_t)nchars : 0;
    intptr_t l = al == '>' ? pad : al == '^' ? pad / 2 : 0;
    add_fill(b, f, l);
    sb_add(b, txt, nb);
    add_fill(b, f, pad - l);
}

/* Insert group separators into digits (ASCII). group = 3 or 4. */
static void group_digits(StrBuf *out, const char *d, size_t n, char sep, int group)
{
    for (size_t i = 0; i < n; i++) {
        sb_addc(out, d[i]);
        size_t rem = n - 1 - i;
        if (sep && rem > 0 && rem % (size_t)group == 0) sb_addc(out, sep);
    }
}

/* sign + prefix + digits (integer part, to be grouped) + rest ("." fraction, exponent, "%"). */
static Obj *emit_number(const FmtSpec *f, const char *sign, const char *prefix,
                        const char *digits, size_t nd, const char *rest, int group)
{
    StrBuf body;
    sb_init(&body);
    size_t pre = strlen(sign) + strlen(prefix), rl = strlen(rest);
    char al = f->align ? f->align : '>';
    if (f->zero && !f->align) al = '=';
    bool zero_fill = al == '=' && f->fill[0] == '0' && f->fill[1] == 0 && f->grouping;
    StrBuf g;
    sb_init(&g);
    if (zero_fill && f->width > 0) {
        /* extend the digits with zeros until the grouped result fills the width */
        /* the fewest digits t >= nd with t + (t - 1) / group >= w: start just below the exact
         * w * group / (group + 1) and step up (a few steps), so a huge width costs no loop */
        intptr_t w = f->width - (intptr_t)(pre + rl);
        size_t total = nd;
        if (w > 0 && nd > 0) {   /* no digits (inf, nan): plain '0' fill, ungrouped */
            intptr_t t0 = w - w / (group + 1) - 2;
            if (t0 > (intptr_t)total) total = (size_t)t0;
            while ((intptr_t)(total + (total - 1) / (size_t)group) < w) total++;
        }
        add_repeat(&body, "0", 1, (intptr_t)(total - nd));
        sb_add(&body, digits, nd);
        if (body.oom) { sb_free(&body); sb_free(&g); return mem_error(); }
        group_digits(&g, body.p, body.n, f->grouping, group);
        sb_free(&body);
    } else {
        group_digits(&g, digits, nd, f->grouping, group);
    }
    if (g.oom) { sb_free(&g); return mem_error(); }
    StrBuf out;
    sb_init(&out);
    size_t len = pre + g.n + rl;
    intptr_t pad = f->width > (intptr_t)len ? f->width - (intptr_t)len : 0;
    if (al == '=') {
        sb_adds(&out, sign); sb_adds(&out, prefix);
        add_fill(&out, f, pad);
        sb_add(&out, g.p ? g.p : "", g.n); sb_adds(&out, rest);
    } else {
        intptr_t l = al == '>' ? pad : al == '^' ? pad / 2 : 0;
        add_fill(&out, f, l);
        sb_adds(&out, sign); sb_adds(&out, prefix);
        sb_add(&out, g.p ? g.p : "", g.n); sb_adds(&out, rest);
        add_fill(&out, f, pad - l);
    }
    sb_free(&g);
    return sb_finish(&out);
}

static const char *sign_str(const FmtSpec *f, bool neg)
{
    if (neg) return "-";
    if (f->sign == '+') return "+";
    if (f->sign == ' ') return " ";
    return "";
}

/* ---- float core ------------------------------------------------------------------------------ */
static Obj *format_double(double d, const FmtSpec *f0, const char *tname)
{
    FmtSpec f = *f0;
    char type = f.type;
    if (!strchr("eEfFgGn%", type ? type : 'g')) {
        return exc_raise(ValueError_t, "Unknown format code '%c' for object of type '%s'", type, tname);
    }
#if INTPTR_MAX > INT_MAX
    if (f.prec > INT_MAX) return exc_raise(ValueError_t, "precision too big");
#endif
    bool neg = signbit(d) && !isnan(d);
    double a = fabs(d);
    char stackbuf[128];
    char *buf = stackbuf;
    size_t cap = sizeof stackbuf;
    if (f.prec > 50 || (a > 1e50 && (type == 'f' || type == 'F' || type == '%'))) {
        cap = (size_t)(f.prec > 0 ? f.prec : 0) + 400;
        buf = mem_alloc(cap);
        if (!buf) return NULL;
    }
    if (type == 0) {
        if (f.prec < 0) {
            float_repr_buf(a, buf);
            char *ep = strchr(buf, 'e');
            if (f.alt && ep && !memchr(buf, '.', (size_t)(ep - buf))) {   /* '#': 1e+16 -> 1.e+16 */
                memmove(ep + 1, ep, strlen(ep) + 1);
                *ep = '.';
            }
        } else {
            /* 'g', except that fixed notation always has a digit after the point, so the switch
             * to exponent notation comes one digit earlier: when the decimal exponent (after
             * rounding to p digits) is >= p - 1, not >= p (format(123.0, '.3') is '1.23e+02',
             * format(3.0, '.0') '3e+00'), as CPython's float formatting with no type. */
            int p = f.prec == 0 ? 1 : (int)f.prec;
            bool use_exp = false;
            if (isfinite(a)) {
                float_fmt_core(a, 'e', p - 1, false, buf, cap);
                const char *ep = strchr(buf, 'e');
                int exp10 = ep ? atoi(ep + 1) : 0;
                use_exp = exp10 >= p - 1 || exp10 < -4;
            }
            if (use_exp) {
                float_fmt_core(a, 'e', p - 1, f.alt, buf, cap);
                char *ep = strchr(buf, 'e'), *m = ep;
                if (!f.alt && ep && strchr(buf, '.')) {      /* 'g' drops trailing zeros */
                    while (m[-1] == '0') m--;
                    if (m[-1] == '.') m--;
                    memmove(m, ep, strlen(ep) + 1);
                }
            } else {
                float_fmt_core(a, 'g', p, f.alt, buf, cap);
                if (isfinite(a) && !strchr(buf, '.') && !strchr(buf, 'e')) strcat(buf, ".0");
            }
        }
    } else {
        int p = f.prec < 0 ? 6 : (int)f.prec;
        char t = type == 'n' ? 'g' : type;
        if ((t == 'g' || t == 'G') && p == 0) p = 1;
        float_fmt_core(a, t, p, f.alt, buf, cap);
    }
    /* split: integer digits, rest */
    size_t nd = 0;
    while (buf[nd] >= '0' && buf[nd] <= '9') nd++;
    Obj *r = emit_number(&f, sign_str(&f, neg), "", buf, nd, buf + nd, 3);
    if (buf != stackbuf) mem_free(buf);
    return r;
}

/* ---- __format__ implementations -------------------------------------------------------------- */
static Obj *format_int_spec(Obj *v, const FmtSpec *f0, const char *tname)
{
    FmtSpec f = *f0;
    char type = f.type ? f.type : 'd';
    if (strchr("eEfFgG%", type)) {
        int ovf;
        double d = int_as_double(v, &ovf);
        if (ovf) return exc_raise(OverflowError_t, "int too large to convert to float");
        return format_double(d, &f, tname);
    }
    if (!strchr("dnxXobc", type))
        return exc_raise(ValueError_t, "Unknown format code '%c' for object of type '%s'", type, tname);
    if (f.prec >= 0) return exc_raise(ValueError_t, "Precision not allowed in integer format specifier");
    if (type == 'c') {
        if (f.sign) return exc_raise(ValueError_t, "Sign not allowed with integer format specifier 'c'");
        if (f.alt) return exc_raise(ValueError_t, "Alternate form (#) not allowed with integer format specifier 'c'");
        intptr_t cp;
        if (int_as_index(v, &cp) < 0) {               /* CPython takes a C long first */
            if (exc_matches(OverflowError_t)) { exc_clear(); exc_raise(OverflowError_t, "Python int too large to convert to C long"); }
            return NULL;
        }
        if (cp < 0 || cp > 0x10FFFF) return exc_raise(OverflowError_t, "%%c arg not in range(0x110000)");
        Obj *s = str_from_codepoint((uint32_t)cp);
        if (!s) return NULL;
        StrBuf b;
        sb_init(&b);
        if (f.align == '=') f.align = '>';     /* no sign to pad after: '=' (and '0') pad on the left */
        pad_text(&b, &f, '>', str_data(s), str_nbytes(s), 1);   /* an int's default: right */
        DECREF(s);
        return sb_finish(&b);
    }
    int base = type == 'x' || type == 'X' ? 16 : type == 'o' ? 8 : type == 'b' ? 2 : 10;
    int neg;
    size_t len;
    char *digits = int_to_text(v, base, type == 'X', &neg, &len);
    if (!digits) return NULL;
    const char *prefix = "";
    if (f.alt) prefix = base == 16 ? (type == 'X' ? "0X" : "0x") : base == 8 ? "0o" : base == 2 ? "0b" : "";
    Obj *r = emit_number(&f, sign_str(&f, neg), prefix, digits, len, "", base == 10 ? 3 : 4);
    mem_free(digits);
    return r;
}

Obj *strfmt_int(Obj *v, Obj *spec)
{
    if (!str_check(spec)) return exc_raise(TypeError_t, "format spec must be a str");
    size_t n = str_nbytes(spec);
    if (n == 0) return obj_str(v);
    FmtSpec f;
    if (fmtspec_parse(str_data(spec), n, &f, type_name(v)) < 0) return NULL;
    return format_int_spec(v, &f, type_name(v));
}

Obj *strfmt_float(Obj *v, Obj *spec)
{
    if (!str_check(spec)) return exc_raise(TypeError_t, "format spec must be a str");
    size_t n = str_nbytes(spec);
    if (n == 0) return obj_str(v);
    FmtSpec f;
    if (fmtspec_parse(str_data(spec), n, &f, type_name(v)) < 0) return NULL;
    return format_double(float_val(v), &f, type_name(v));
}

static Obj *format_str_spec(Obj *v, const FmtSpec *f)
{
    if (f->type && f->type != 's')
        return exc_raise(ValueError_t, "Unknown format code '%c' for object of type '%s'", f->type, type_name(v));
    /* CPython checks the grouping while parsing (with str's default type 's'), the rest after */
    if (f->grouping) return exc_raise(ValueError_t, "Cannot specify '%c' with 's'.", f->grouping);
    if (f->sign) return exc_raise(ValueError_t, f->sign == ' ' ? "Space not allowed in string format specifier"
                                                             : "Sign not allowed in string format specifier");
    if (f->alt) return exc_raise(ValueError_t, "Alternate form (#) not allowed in string format specifier");
    if (f->align == '=') return exc_raise(ValueError_t, "'=' alignment not allowed in string format specifier");
    size_t nch = str_nchars(v);
    Obj *s = NEWREF(v);
    if (f->prec >= 0 && (size_t)f->prec < nch) {
        DECREF(s);
        s = str_substr_chars(v, 0, (size_t)f->prec);
        if (!s) return NULL;
        nch = (size_t)f->prec;
    }
    if (f->width <= (intptr_t)nch) return s;
    StrBuf b;
    sb_init(&b);
    pad_text(&b, f, '<', str_data(s), str_nbytes(s), nch);
    DECREF(s);
    return sb_finish(&b);
}

Obj *strfmt_str(Obj *v, Obj *spec)
{
    if (!str_check(spec)) return exc_raise(TypeError_t, "format spec must be a str");
    size_t n = str_nbytes(spec);
    if (n == 0) return obj_str(v);
    FmtSpec f;
    if (fmtspec_parse(str_data(spec), n, &f, type_name(v)) < 0) return NULL;
    return format_str_spec(v, &f);
}

/* ---- printf-style % -------------------------------------------------------------------------- */
static bool is_mapping(Obj *o)
{
    if (TYPE(o) == &dict_type || type_is_subtype(TYPE(o), &dict_type)) return true;
    if (obj_isinstance(o, &tuple_type) || str_check(o)) return false;
    if (TYPE(o)->getitem) return true;      /* CPython's PyMapping_Check: anything subscriptable */
    return (TYPE(o)->flags & TF_HEAPTYPE) && type_lookup(TYPE(o), str_intern("__getitem__")) != NULL;
}

Obj *strfmt_percent(Obj *fmt, Obj *args)
{
    const char *p = str_data(fmt), *e = p + str_nbytes(fmt);
    Obj *const *items;
    intptr_t nitems, ai = 0;
    Obj *dict = NULL;
    bool tuple_mode = obj_isinstance(args, &tuple_type);   /* a tuple subclass too, as CPython */
    if (tuple_mode) { items = TUPLE_ITEMS(args); nitems = TUPLE_LEN(args); }
    else { items = &args; nitems = 1; if (is_mapping(args)) dict = args; }
    StrBuf b;
    sb_init(&b);
    bool used_dict = false;
    while (p < e) {
        const char *q = memchr(p, '%', (size_t)(e - p));
        if (!q) { sb_add(&b, p, (size_t)(e - p)); break; }
        sb_add(&b, p, (size_t)(q - p));
        const char *start = q;
        p = q + 1;
        Obj *val = NULL;       /* borrowed unless ownval */
        Obj *ownval = NULL;
        if (p < e && *p == '(') {
            if (!dict) { sb_free(&b); return exc_raise(TypeError_t, "format requires a mapping"); }
            int depth = 1;
            const char *ks = ++p;
            while (p < e && depth) { if (*p == '(') depth++; else if (*p == ')') depth--; if (depth) p++; }
            if (p >= e) { sb_free(&b); return exc_raise(ValueError_t, "incomplete format key"); }
            Obj *key = str_new(ks, (size_t)(p - ks));
            p++;
            if (!key) { sb_free(&b); return NULL; }
            ownval = obj_getitem(dict, key);
            DECREF(key);
            if (!ownval) { sb_free(&b); return NULL; }
            val = ownval;
            used_dict = true;
        }
        FmtSpec f;
        memset(&f, 0, sizeof f);
        f.width = -1; f.prec = -1; f.fill[0] = ' ';
        bool left = false;
        for (; p < e && strchr("-+ #0", *p); p++) {
            if (*p == '-') left = true;
            else if (*p == '+') f.sign = '+';
            else if (*p == ' ') { if (f.sign != '+') f.sign = ' '; }
            else if (*p == '#') f.alt = true;
            else f.zero = true;
        }
        #define NEXT_ARG(dst) do { \
            if (ai >= nitems || (dict && !tuple_mode && (ai >= 1 || used_dict) && !ownval)) { \
                XDECREF(ownval); sb_free(&b); return exc_raise(TypeError_t, "not enough arguments for format string"); } \
            dst = items[ai++]; } while (0)
        if (p < e && *p == '*') {
            Obj *w; NEXT_ARG(w); p++;
            if (int_as_index_ovf(w, &f.width, INDEX_OVF_SSIZE) < 0) { XDECREF(ownval); sb_free(&b); return NULL; }
            if (f.width < 0) { left = true; f.width = -f.width; }
        } else if (p < e && *p >= '0' && *p <= '9') {
            f.width = 0;
            while (p < e && *p >= '0' && *p <= '9') {
                if (f.width > (INTPTR_MAX - (*p - '0')) / 10) { XDECREF(ownval); sb_free(&b); return exc_raise(ValueError_t, "width too big"); }
                f.width = f.width * 10 + (*p++ - '0');
            }
        }
        if (p < e && *p == '.') {
            p++;
            f.prec = 0;
            if (p < e && *p == '*') {
                Obj *w; NEXT_ARG(w); p++;
                if (int_as_index(w, &f.prec) < 0) { XDECREF(ownval); sb_free(&b); return NULL; }
            } else while (p < e && *p >= '0' && *p <= '9') {
                /* CPython keeps printf-style precision in a C int */
                if (f.prec > (INT_MAX - (*p - '0')) / 10) { XDECREF(ownval); sb_free(&b); return exc_raise(ValueError_t, "precision too big"); }
                f.prec = f.prec * 10 + (*p++ - '0');
            }
        }
        while (p < e && (*p == 'h' || *p == 'l' || *p == 'L')) p++;
        if (p >= e) { XDECREF(ownval); sb_free(&b); return exc_raise(ValueError_t, "incomplete format"); }
        char c = *p++;
        /* "%%" only: a '%' after a key, flags, width or precision is an unsupported format
         * character (the default case below), once its argument is taken, as CPython 3.11 */
        if (c == '%' && p - 2 == start) { sb_addc(&b, '%'); XDECREF(ownval); continue; }
        if (!val) NEXT_ARG(val);
        if (left) f.align = '<';
        else if (f.zero) { f.align = '='; f.fill[0] = '0'; }
        else f.align = '>';
        Obj *piece = NULL;
        switch (c) {
        case 's': case 'r': case 'a': {
            Obj *s = c == 's' ? obj_str(val) : c == 'r' ? obj_repr(val) : obj_ascii(val);
            if (!s) break;
            FmtSpec g = f;
            g.sign = 0; g.alt = false;
            if (g.align == '=') { g.align = '>'; g.fill[0] = ' '; }
            piece = format_str_spec(s, &g);
            DECREF(s);
            break;
        }
        case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': {
            Obj *iv = NULL;
            if (int_check(val)) iv = NEWREF(val);
            else if (TYPE(val) == &float_type && (c == 'd' || c == 'i' || c == 'u')) iv = int_from_double(float_val(val));
            else {
                Obj *m = type_lookup(TYPE(val), str_intern(c == 'd' || c == 'i' || c == 'u' ? "__int__" : "__index__"));
                if (m) iv = obj_call1(m, val);
                else if (c == 'd' || c == 'i' || c == 'u')
                    exc_raise(TypeError_t, "%%%c format: a real number is required, not %s", c, type_name(val));
                else exc_raise(TypeError_t, "%%%c format: an integer is required, not %s", c, type_name(val));
            }
            if (!iv) break;
            f.type = c == 'i' || c == 'u' ? 'd' : c;
            intptr_t prec = f.prec;
            f.prec = -1;
            if (prec > 0) {
                /* minimum number of digits */
                int neg; size_t len;
                int base = c == 'x' || c == 'X' ? 16 : c == 'o' ? 8 : 10;
                char *d = int_to_text(iv, base, c == 'X', &neg, &len);
                if (d) {
                    StrBuf z; sb_init(&z);
                    add_repeat(&z, "0", 1, prec - (intptr_t)len);
                    sb_add(&z, d, len);
                    mem_free(d);
                    if (z.oom) { sb_free(&z); piece = mem_error(); DECREF(iv); break; }
                    const char *prefix = f.alt ? (base == 16 ? (c == 'X' ? "0X" : "0x") : base == 8 ? "0o" : "") : "";
                    piece = emit_number(&f, sign_str(&f, neg), prefix, z.p, z.n, "", 3);
                    sb_free(&z);
                }
            } else piece = format_int_spec(iv, &f, type_name(iv));
            DECREF(iv);
            break;
        }
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
            double d;
            if (num_as_double(val, &d) < 0) break;
            f.type = c;
            if (f.prec < 0) f.prec = 6;
            piece = format_double(d, &f, "float");
            break;
        }
        case 'c': {
            Obj *s = NULL;
            if (str_check(val)) {
                if (str_nchars(val) != 1) { exc_raise(TypeError_t, "%%c requires int or char"); break; }
                s = NEWREF(val);
            } else if (int_check(val)) {
                intptr_t cp;
                if (int_as_index_ovf(val, &cp, INDEX_OVF_CLAMP) < 0) break;   /* huge: out of range */
                if (cp < 0 || cp > 0x10FFFF) { exc_raise(OverflowError_t, "%%c arg not in range(0x110000)"); break; }
                s = str_from_codepoint((uint32_t)cp);
            } else { exc_raise(TypeError_t, "%%c requires int or char"); break; }
            if (!s) break;
            FmtSpec g = f; g.sign = 0; g.prec = -1; g.alt = false;    /* '#' is ignored by %c */
            if (g.align == '=') { g.align = '>'; g.fill[0] = ' '; }
            piece = format_str_spec(s, &g);
            DECREF(s);
            break;
        }
        default: {
            int idx = (int)(utf8_count(str_data(fmt), (size_t)(p - 1 - str_data(fmt))));
            unsigned uc = (unsigned char)c;
            if (uc >= 0x80) uc = '?';
            if (uc >= 0x20 && uc < 0x7f)
                exc_raise(ValueError_t, "unsupported format character '%c' (0x%x) at index %d", (int)uc, uc, idx);
            else exc_raise(ValueError_t, "unsupported format character '\\x%02x' (0x%x) at index %d", uc, uc, idx);
        }
        }
        XDECREF(ownval);
        if (!piece) { sb_free(&b); return NULL; }
        sb_add(&b, str_data(piece), str_nbytes(piece));
        DECREF(piece);
        #undef NEXT_ARG
    }
    if (ai < nitems && !dict && !used_dict) {
        sb_free(&b);
        return exc_raise(TypeError_t, "not all arguments converted during string formatting");
    }
    return sb_finish(&b);
}

/* ---- str.format ------------------------------------------------------------------------------ */
typedef struct {
    Obj *const *args;
    int nargs;
    Obj *kwnames;
    int auto_idx;        /* -1: manual numbering used; >= 0 next auto index */
    int manual;
} FmtCtx;

static Obj *raise_key_error(Obj *key)
{
    Obj *e = exc_new(KeyError_t, &key, 1);
    if (e) { exc_raise_obj(e); DECREF(e); }
    return NULL;
}

/* Resolve the field name [s, e) to a new reference. */
static Obj *resolve_field(FmtCtx *c, const char *s, const char *e)
{
    const char *p = s;
    while (p < e && *p != '.' && *p != '[') p++;
    Obj *obj;
    if (p == s) {
        if (c->manual) return exc_raise(ValueError_t, "cannot switch from manual field specification to automatic field numbering");
        int i = c->auto_idx++;
        if (i >= c->nargs) return exc_raise(IndexError_t, "Replacement index %d out of range for positional args tuple", i);
        obj = NEWREF(c->args[i]);
    } else if (*s >= '0' && *s <= '9') {
        if (c->auto_idx > 0) return exc_raise(ValueError_t, "cannot switch from automatic field numbering to manual field specification");
        c->manual = 1;
        intptr_t i = 0;
        for (const char *q = s; q < p; q++) {
            if (*q < '0' || *q > '9') { i = -1; break; }
            if (i > (INTPTR_MAX - (*q - '0')) / 10)   /* CPython's check too: no overflow, a ValueError */
                return exc_raise(ValueError_t, "Too many decimal digits in format string");
            i = i * 10 + (*q - '0');
        }
        if (i < 0 || i >= c->nargs) return exc_raise(IndexError_t, "Replacement index %zd out of range for positional args tuple", i);
        obj = NEWREF(c->args[i]);
    } else {
        Obj *name = str_new(s, (size_t)(p - s));
        if (!name) return NULL;
        obj = NULL;
        if (c->kwnames) {
            intptr_t nk = TUPLE_LEN(c->kwnames);
            for (intptr_t k = 0; k < nk; k++) {
                Obj *kn = TUPLE_ITEMS(c->kwnames)[k];
                if (str_nbytes(kn) == str_nbytes(name) && memcmp(str_data(kn), str_data(name), str_nbytes(name)) == 0) {
                    obj = NEWREF(c->args[c->nargs + k]);
                    break;
                }
            }
        }
        if (!obj) { raise_key_error(name); DECREF(name); return NULL; }
        DECREF(name);
    }
    while (p < e) {
        if (*p == '.') {
            const char *a = ++p;
            while (p < e && *p != '.' && *p != '[') p++;
            if (p == a) { DECREF(obj); return exc_raise(ValueError_t, "Empty attribute in format string"); }
            Obj *name = str_new(a, (size_t)(p - a));
            if (!name) { DECREF(obj); return NULL; }
            Obj *v = obj_getattr(obj, name);
            DECREF(name); DECREF(obj);
            if (!v) return NULL;
            obj = v;
        } else if (*p == '[') {
            const char *a = ++p;
            while (p < e && *p != ']') p++;
            if (p >= e) { DECREF(obj); return exc_raise(ValueError_t, "Missing ']' in format string"); }
            if (p == a) { DECREF(obj); return exc_raise(ValueError_t, "Empty attribute in format string"); }
            bool digits = true;
            intptr_t idx = 0;
            for (const char *q = a; q < p; q++) {
                if (*q < '0' || *q > '9') { digits = false; break; }
                idx = idx * 10 + (*q - '0');
            }
            Obj *key = digits ? MK_SMALL(idx) : str_new(a, (size_t)(p - a));
            if (!key) { DECREF(obj); return NULL; }
            Obj *v = obj_getitem(obj, key);
            DECREF(key); DECREF(obj);
            if (!v) return NULL;
            obj = v;
            p++;
        } else {
            DECREF(obj);
            return exc_raise(ValueError_t, "Only '.' or '[' may follow ']' in format field specifier");
        }
    }
    return obj;
}

static int format_into(FmtCtx *c, StrBuf *out, const char *p, const char *e, int depth);

/* One replacement field: body is the text between the braces. */
static int do_field(FmtCtx *c, StrBuf *out, const char *s, const char *e, int depth)
{
    /* split name ! conv : spec — name may contain [..] with ':' or '!' inside */
    const char *p = s;
    int br = 0;
    while (p < e) {
        if (*p == '[') br = 1;
        else if (*p == ']') br = 0;
        else if (!br && (*p == '!' || *p == ':')) break;
        p++;
    }
    const char *name_end = p;
    char conv = 0;
    if (p < e && *p == '!') {
        if (p + 1 >= e) { exc_raise(ValueError_t, "end of string while looking for conversion specifier"); return -1; }
        conv = p[1];
        p += 2;
        if (p < e && *p != ':') { exc_raise(ValueError_t, "expected ':' after conversion specifier"); return -1; }
    }
    const char *spec_s = p < e ? p + 1 : e;
    Obj *v = resolve_field(c, s, name_end);
    if (!v) return -1;
    if (conv) {
        Obj *t;
        if (conv == 'r' || conv == 'a') t = obj_repr(v);
        else if (conv == 's') t = obj_str(v);
        else {
            DECREF(v);
            exc_raise(ValueError_t, "Unknown conversion specifier %c", conv);
            return -1;
        }
        DECREF(v);
        if (!t) return -1;
        v = t;
    }
    /* the spec may itself contain replacement fields */
    StrBuf sb;
    sb_init(&sb);
    if (depth > 1 && memchr(spec_s, '{', (size_t)(e - spec_s))) {
        DECREF(v);
        exc_raise(ValueError_t, "Max string recursion exceeded");
        return -1;
    }
    if (format_into(c, &sb, spec_s, e, depth + 1) < 0) { sb_free(&sb); DECREF(v); return -1; }
    Obj *spec = sb_finish(&sb);
    if (!spec) { DECREF(v); return -1; }
    Obj *r = obj_format(v, spec);
    DECREF(spec); DECREF(v);
    if (!r) return -1;
    sb_add(out, str_data(r), str_nbytes(r));
    DECREF(r);
    return 0;
}

static int format_into(FmtCtx *c, StrBuf *out, const char *p, const char *e, int depth)
{
    while (p < e) {
        char ch = *p;
        if (ch == '{') {
            if (p + 1 < e && p[1] == '{') { sb_addc(out, '{'); p += 2; continue; }
            const char *s = ++p;
            int nest = 1;
            while (p < e) {
                if (*p == '{') nest++;
                else if (*p == '}') { if (--nest == 0) break; }
                p++;
            }
            if (p >= e) {
                exc_raise(ValueError_t, nest > 1 || depth > 0 ? "unmatched '{' in format spec" : "expected '}' before end of string");
                return -1;
            }
            if (do_field(c, out, s, p, depth) < 0) return -1;
            p++;
        } else if (ch == '}') {
            if (p + 1 < e && p[1] == '}') { sb_addc(out, '}'); p += 2; continue; }
            exc_raise(ValueError_t, "Single '}' encountered in format string");
            return -1;
        } else {
            const char *q = p;
            while (q < e && *q != '{' && *q != '}') q++;
            sb_add(out, p, (size_t)(q - p));
            p = q;
        }
    }
    return 0;
}

Obj *strfmt_format(Obj *fmt, Obj *const *args, int nargs, Obj *kwnames)
{
    FmtCtx c = { args, nargs, kwnames, 0, 0 };
    StrBuf b;
    sb_init(&b);
    const char *p = str_data(fmt);
    /* CPython reports a lone '{' at the end as "Single '{' ..." */
    size_t n = str_nbytes(fmt);
    if (format_into(&c, &b, p, p + n, 0) < 0) {
        sb_free(&b);
        if (exc_matches(ValueError_t) && n && p[n - 1] == '{') {
            size_t k = 0;
            while (k < n && p[n - 1 - k] == '{') k++;
            if (k % 2 == 1) { exc_clear(); exc_raise(ValueError_t, "Single '{' encountered in format string"); }
        }
        return NULL;
    }
    return sb_finish(&b);
}
