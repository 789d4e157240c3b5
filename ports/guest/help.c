/*
 * ports/guest/help.c — help() at the guest console: with no argument a short guide to the
 * console (the modules a student uses at the prompt, how to start, the keys); help(obj) prints
 * obj's docstring, or says it has none. Installed into the builtins of every interpreter the
 * console makes (ports/guest/console.c and repl.c call console_install_help after interp_new),
 * so it is there after a soft reset too. A help() the interpreter's builtins already had is kept
 * as the function's self and answers help(obj) instead (the guide stays the console's).
 * The module list is read from the interpreter's own tables (module_table, frozen_table), so it
 * names only modules that import.
 * Locks: none (called with the GIL; writes to the console through port_write).
 */
#include <string.h>
#include <stdio.h>
#include "runtime/interp.h"
#include "objects/module.h"
#include "gil/gil.h"
#include "guest.h"

static void guide(void)
{
    out("Tollpy, a Python 3.11 subset, on the Tollbooth kernel: a Python console on bare metal.\n"
        "\n"
        "Modules: import them first (import demos, kernel, sys).\n"
        "  demos    the GIL experiments: demos.list(), demos.run(\"countdown\", threads=(1, 2))\n"
        "  kernel   the kernel: kernel.timeline() (the last run's GIL timeline), kernel.stats(),\n"
        "           kernel.cores(n), kernel.trace_dump(), kernel.shell(\"help\") (the kernel shell:\n"
        "           threads, cores, selftest, bench)\n"
        "  sys      sys.setgilpolicy(\"old\") (");
    out(gil_policy_list());
    out("), sys.setswitchinterval(0.001)\n"
        "  also:   ");
    int col = 11;
    for (const ModuleDef *const *d = module_table; *d; d++) {
        const char *n = (*d)->name;
        if (n[0] == '_' || !strcmp(n, "kernel")) continue;
        if (col + (int)strlen(n) + 1 > 96) { out("\n          "); col = 10; }
        out(" "); out(n); col += (int)strlen(n) + 1;
    }
    for (const FrozenModule *f = frozen_table; f->name; f++) {
        if (f->name[0] == '_' || !strcmp(f->name, "demos")) continue;
        int dup = 0;                       /* a C module and its Python half: named once */
        for (const ModuleDef *const *d = module_table; *d; d++) dup |= !strcmp((*d)->name, f->name);
        if (dup) continue;
        if (col + (int)strlen(f->name) + 1 > 96) { out("\n          "); col = 10; }
        out(" "); out(f->name); col += (int)strlen(f->name) + 1;
    }
    out("\n\n"
        "Start here (type each line at the prompt):\n"
        "    import demos, kernel, sys\n"
        "    demos.run(\"countdown\", n=400000, threads=(1, 2))\n"
        "    kernel.timeline()\n"
        "\n"
        "Keys: Up/Down history; Left/Right, Home/End, Backspace/Delete edit; Tab indents;\n"
        "  Ctrl-U / Ctrl-K kill the line / to its end; Ctrl-C interrupts a program (at an empty\n"
        "  prompt it stops threads left running); on an empty line Ctrl-D soft reset, Ctrl-E paste\n"
        "  mode, Ctrl-A raw REPL (host tools; under make run type Ctrl-A a), Ctrl-B the banner.\n"
        "help(obj) shows obj's documentation.\n");
}

/* help() / help(obj); self: the builtins' own help, if there was one */
static Obj *console_help(Obj *self, Obj *const *args, int nargs, Obj *kwnames)
{
    if (nargs == 0 && !kwnames) { guide(); return none_ref(); }
    if (self) return obj_call(self, args, nargs, kwnames);
    if (nargs != 1 || kwnames) return exc_raise(TypeError_t, "help() takes at most 1 argument");
    Obj *doc = obj_lookup_attr(args[0], str_intern("__doc__"));
    if (!doc && exc_occurred()) return NULL;
    if (doc && str_check(doc) && str_nbytes(doc) > 0) {
        out(str_data(doc));
        out("\n");
    } else {
        Obj *r = obj_repr(args[0]);
        if (!r) { if (doc) DECREF(doc); return NULL; }
        out("No documentation for ");
        out(str_data(r));
        out("\n");
        DECREF(r);
    }
    if (doc) DECREF(doc);
    return none_ref();
}

int console_install_help(void)
{
    Interp *in = ts_get()->interp;
    Obj *prev = dict_get_s(in->builtins, "help");          /* borrowed */
    Obj *f = builtin_fn_new("help", console_help, prev);
    if (!f) return -1;
    int r = dict_set_s(in->builtins, "help", f);
    DECREF(f);
    return r;
}
