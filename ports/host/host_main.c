/*
 * ports/host/host_main.c — `tollpy`, the interpreter as a Linux program (host build only).
 *
 *   tollpy file.py [args...]     run a file (exit status: 0, 1 after a traceback, N for sys.exit(N))
 *   tollpy -c 'code' [args...]   run a string
 *   tollpy --dis file.py         print the bytecode (interp/bytecode/dis.c)
 *   tollpy                       the REPL (>>> / ...), or run stdin when it is not a terminal
 *   tollpy --repl                the REPL even when stdin is not a terminal (tests)
 * Environment: TOLLPY_MEM (bytes, interpreter memory limit; default 1 GiB), TOLLPY_GIL (policy:
 *   an unknown name is refused, exit status 2).
 * Locks: none of its own (it runs on the main thread; the interpreter takes its GIL itself).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "runtime/interp.h"
#include "objects/module.h"
#include "runtime/traceback.h"
#include "bytecode/dis.h"
#include "gil/gil.h"

static char *read_file(FILE *fp, size_t *len) {
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (!buf) return NULL;
    size_t r;
    while ((r = fread(buf + n, 1, cap - n, fp)) > 0) {
        n += r;
        if (n == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) { free(buf); return NULL; }
            buf = nb;
        }
    }
    buf[n] = 0;
    *len = n;
    return buf;
}

static void usage(void) {
    fprintf(stderr, "usage: tollpy [--dis] [-c code | file.py | -] [args...]\n");
}

int main(int argc, char **argv) {
    size_t limit = (size_t)1 << 30;
    const char *m = getenv("TOLLPY_MEM");
    if (m && *m) limit = (size_t)strtoull(m, NULL, 0);
    int dis = 0, repl = 0;
    int i = 1;
    if (i < argc && !strcmp(argv[i], "--repl")) { repl = 1; i++; }
    if (i < argc && !strcmp(argv[i], "--dis")) { dis = 1; i++; }
    const char *code_str = NULL, *path = NULL;
    if (i < argc && !strcmp(argv[i], "-c")) {
        if (i + 1 >= argc) { usage(); return 2; }
        code_str = argv[i + 1];
        i += 2;
    } else if (i < argc && !strcmp(argv[i], "-h")) {
        usage();
        return 0;
    } else if (i < argc) {
        path = argv[i++];
    }
    /* an unknown TOLLPY_GIL would run under "new" (gil_new's fallback): refuse it instead */
    const char *pol = getenv("TOLLPY_GIL");
    if (pol && *pol && !gil_policy_known(pol)) {
        fprintf(stderr, "tollpy: unknown GIL policy '%s' in TOLLPY_GIL (%s)\n", pol, gil_policy_list());
        return 2;
    }
    Interp *in = interp_new(limit);
    if (!in) { fprintf(stderr, "tollpy: cannot create the interpreter\n"); return 1; }
    /* sys.argv: [script, args...] like CPython */
    int nargs = argc - i + 1;
    char **av = malloc(sizeof(char *) * (size_t)(nargs + 1));
    if (!av) return 1;
    av[0] = (char *)(code_str ? "-c" : path ? path : "");
    for (int k = 1; k < nargs; k++) av[k] = argv[i + k - 1];
    if (interp_set_argv(nargs, av) < 0) { interp_handle_uncaught(); return 1; }
    free(av);

    int status = 0;
    if (code_str) {
        status = tollpy_run_source("<string>", code_str, strlen(code_str));
    } else if (!repl && (path || !isatty(0))) {
        FILE *fp = path && strcmp(path, "-") ? fopen(path, "rb") : stdin;
        if (!fp) {
            fprintf(stderr, "tollpy: can't open file '%s': [Errno 2] No such file or directory\n", path);
            return 2;
        }
        size_t len;
        char *src = read_file(fp, &len);
        if (fp != stdin) fclose(fp);
        if (!src) { fprintf(stderr, "tollpy: out of memory reading %s\n", path); return 1; }
        const char *fname = path && strcmp(path, "-") ? path : "<stdin>";
        /* CPython shows the script's absolute path in tracebacks (__main__.__file__) */
        char absbuf[4096];
        if (fname[0] != '<' && fname[0] != '/' && getcwd(absbuf, sizeof absbuf - 1)) {
            const char *rel = fname;
            while (rel[0] == '.' && rel[1] == '/') rel += 2;
            size_t n = strlen(absbuf);
            if (n + 1 + strlen(rel) < sizeof absbuf) {
                absbuf[n] = '/';
                strcpy(absbuf + n + 1, rel);
                fname = absbuf;
            }
        }
        if (dis) {
            Obj *code = interp_compile(src, len, fname, IC_EXEC);
            if (!code) status = interp_handle_uncaught();
            else {
                dis_code(code);
                DECREF(code);
            }
        } else {
            status = tollpy_run_source(fname, src, len);
        }
        free(src);
    } else {
        tollpy_repl();
        status = in->exit_status;
    }
    /* unsafe: a reported corruption resets the interpreter; the program did not succeed (as the
     * guest's batch run, ports/guest/console.c) */
    if (status == 0 && gil_reset_pending(in)) status = 1;
    fflush(stdout);
    return status;
}
