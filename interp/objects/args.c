/*
 * interp/objects/args.c — args_parse: match a C function's positional + keyword arguments against a list
 * of parameter names, with CPython's (Argument Clinic's) error messages.
 *
 * spec: parameter names separated by ',' or ' ' or '|'; the names after the first '|' are
 * optional; the names after a '$' are keyword-only. Examples: "sep|end", "|key,reverse",
 * "iterable|$key,default". At most 16 parameters.
 *
 * Called by: builtins and methods that take keywords. Locks: none.
 */
#include <string.h>
#include "objects/objects.h"

#define MAXP 16

int args_parse(const char *fname, Obj *const *args, int nargs, Obj *kwnames,
               const char *spec, Obj **out) {
    /* Names are (pointer, length) slices of spec: no copying on this hot path. */
    const char *nm[MAXP];
    unsigned char nl[MAXP];
    int np = 0, nreq = 0, npos = -1;
    bool optional = false;
    for (const char *p = spec; *p;) {
        char c = *p;
        if (c == '|') { optional = true; p++; continue; }
        if (c == '$') { if (npos < 0) npos = np; p++; continue; }
        if (c == ',' || c == ' ') { p++; continue; }
        const char *q = p;
        while (*q && *q != ',' && *q != ' ' && *q != '|' && *q != '$') q++;
        if (np < MAXP) {
            nm[np] = p;
            nl[np] = (unsigned char)(q - p);
            if (!optional) nreq = np + 1;
            out[np] = NULL;
            np++;
        }
        p = q;
    }
    if (npos < 0) npos = np;
    if (nargs > npos) {
        if (npos == 0)
            exc_raise(TypeError_t, "%s() takes no positional arguments", fname);
        else
            exc_raise(TypeError_t, "%s() takes %s %d %sargument%s (%d given)", fname,
                      nreq < npos ? "at most" : "exactly", npos, npos < np ? "positional " : "",
                      npos == 1 ? "" : "s", nargs);
        return -1;
    }
    for (int i = 0; i < nargs; i++) out[i] = args[i];
    int nk = kwnames ? (int)TUPLE_LEN(kwnames) : 0;
    for (int k = 0; k < nk; k++) {
        Obj *kn = TUPLE_ITEMS(kwnames)[k];
        const char *ks = str_data(kn);
        size_t kl = str_nbytes(kn);
        int j;
        for (j = 0; j < np; j++)
            if (nl[j] == kl && !memcmp(nm[j], ks, kl)) break;
        if (j == np) {
            exc_raise(TypeError_t, "'%s' is an invalid keyword argument for %s()", ks, fname);
            return -1;
        }
        if (out[j]) {
            exc_raise(TypeError_t, "argument for %s() given by name ('%s') and position (%d)", fname, ks, j + 1);
            return -1;
        }
        out[j] = args[nargs + k];
    }
    for (int i = 0; i < nreq; i++) {
        if (!out[i]) {
            char name[64];
            size_t l = nl[i] < sizeof name - 1 ? nl[i] : sizeof name - 1;
            memcpy(name, nm[i], l);
            name[l] = 0;
            if (i < npos)
                exc_raise(TypeError_t, "%s() missing required argument '%s' (pos %d)", fname, name, i + 1);
            else
                exc_raise(TypeError_t, "%s() missing required keyword-only argument '%s'", fname, name);
            return -1;
        }
    }
    return 0;
}
