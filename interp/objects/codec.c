/*
 * interp/objects/codec.c — the text codecs str.encode, bytes.decode, bytes(str, enc) and
 * bytearray(str, enc) know: UTF-8 (str's own storage), ASCII and Latin-1 (ISO 8859-1), looked up
 * by name as CPython's encodings.normalize_encoding does (case, '-', ' ' and '_' alike), with the
 * error handlers strict, replace and ignore; CPython's UnicodeEncodeError messages.
 * Called by: str_methods.c (encode), bytes.c (decode, the constructors). Locks: none.
 */
#include <string.h>
#include "core/obj.h"
#include "objects/objects.h"

/* CODEC_UTF8 / CODEC_ASCII / CODEC_LATIN1, or -1 for a name no codec here has. */
int codec_lookup(Obj *name) {
    char buf[24];
    size_t n = str_nbytes(name);
    if (n >= sizeof buf) return -1;
    const char *p = str_data(name);
    for (size_t i = 0; i < n; i++) {
        char c = p[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        if (c == '-' || c == ' ') c = '_';
        buf[i] = c;
    }
    buf[n] = 0;
    static const char *const utf8[] = { "utf_8", "utf8", "u8", "utf", "cp65001", NULL };
    static const char *const ascii[] = { "ascii", "us_ascii", "646", "us", NULL };
    static const char *const latin1[] = { "latin_1", "latin1", "latin", "l1", "iso_8859_1", "iso8859_1",
                                          "8859", "cp819", "iso_ir_100", NULL };
    const char *const *tables[] = { utf8, ascii, latin1 };
    for (int t = 0; t < 3; t++)
        for (const char *const *q = tables[t]; *q; q++)
            if (!strcmp(buf, *q)) return t;
    return -1;
}

/* The code point at s (UTF-8, valid: it comes from a str); *len its bytes. */
static uint32_t next_cp(const unsigned char *s, size_t *len) {
    unsigned c = s[0];
    if (c < 0x80) { *len = 1; return c; }
    if (c < 0xE0) { *len = 2; return ((c & 31u) << 6) | (s[1] & 63u); }
    if (c < 0xF0) { *len = 3; return ((c & 15u) << 12) | ((s[1] & 63u) << 6) | (s[2] & 63u); }
    *len = 4;
    return ((c & 7u) << 18) | ((s[1] & 63u) << 12) | ((s[2] & 63u) << 6) | (s[3] & 63u);
}

static void put_char_repr(StrBuf *b, uint32_t cp) {
    if (cp < 0x100) sb_printf(b, "'\\x%02x'", (int)cp);
    else if (cp < 0x10000) sb_printf(b, "'\\u%04x'", (int)cp);
    else sb_printf(b, "'\\U%08x'", (int)cp);
}

/* s.encode(encoding, errors); encoding NULL is UTF-8, errors NULL strict. */
Obj *str_encode(Obj *s, Obj *encoding, Obj *errors) {
    int c = CODEC_UTF8;
    if (encoding) {
        if (!str_check(encoding))
            return exc_raise(TypeError_t, "encode() argument 'encoding' must be str, not %s", type_name(encoding));
        if ((c = codec_lookup(encoding)) < 0) return exc_raise(LookupError_t, "unknown encoding: %S", encoding);
    }
    if (errors && !str_check(errors))
        return exc_raise(TypeError_t, "encode() argument 'errors' must be str, not %s", type_name(errors));
    if (c == CODEC_UTF8) return bytes_new(str_data(s), str_nbytes(s));
    uint32_t limit = c == CODEC_ASCII ? 0x80 : 0x100;
    const char *name = c == CODEC_ASCII ? "ascii" : "latin-1";
    const unsigned char *p = (const unsigned char *)str_data(s);
    size_t n = str_nbytes(s), len;
    StrBuf b;
    sb_init(&b);
    intptr_t pos = 0;
    for (size_t i = 0; i < n; i += len, pos++) {
        uint32_t cp = next_cp(p + i, &len);
        if (cp < limit) { sb_addc(&b, (char)cp); continue; }
        if (errors && str_equal_cstr(errors, "replace")) { sb_addc(&b, '?'); continue; }
        if (errors && str_equal_cstr(errors, "ignore")) continue;
        if (errors && !str_equal_cstr(errors, "strict")) {
            sb_free(&b);
            return exc_raise(LookupError_t, "unknown error handler name '%S'", errors);
        }
        /* the run of characters the codec cannot encode, as CPython reports it */
        intptr_t end = pos + 1;
        size_t j = i + len, l2;
        while (j < n && next_cp(p + j, &l2) >= limit) { j += l2; end++; }
        sb_free(&b);
        StrBuf m;
        sb_init(&m);
        if (end - pos == 1) {
            sb_printf(&m, "'%s' codec can't encode character ", name);
            put_char_repr(&m, cp);
            sb_printf(&m, " in position %zd: ordinal not in range(%d)", pos, (int)limit);
        } else {
            sb_printf(&m, "'%s' codec can't encode characters in position %zd-%zd: ordinal not in range(%d)",
                      name, pos, end - 1, (int)limit);
        }
        Obj *msg = sb_finish(&m);
        if (!msg) return NULL;
        exc_raise(UnicodeEncodeError_t, "%s", str_data(msg));
        DECREF(msg);
        return NULL;
    }
    Obj *r = bytes_new(b.p ? b.p : "", b.n);
    sb_free(&b);
    return r;
}

/* Latin-1 bytes as a str: every byte is the code point of the same number. */
Obj *latin1_decode(const unsigned char *p, size_t n) {
    StrBuf b;
    sb_init(&b);
    for (size_t i = 0; i < n; i++) {
        if (p[i] < 0x80) sb_addc(&b, (char)p[i]);
        else { sb_addc(&b, (char)(0xC0 | (p[i] >> 6))); sb_addc(&b, (char)(0x80 | (p[i] & 63))); }
    }
    return sb_finish(&b);
}
