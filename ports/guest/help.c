/*
 * ports/guest/help.c — help() with no argument at the guest console: a short guide to the
 * console (the modules a student uses at the prompt, how to start, the keys), the guest's
 * port_help_guide (interp/port/port.h), which the interpreter's help builtin calls first; so it
 * is there in every interpreter, after a soft reset too. help(obj) is the interpreter's own
 * (interp/lib/pydoc.py: the signature and the docstring).
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

/* help() with no argument (interp/runtime/builtins.c's help builtin asks the port first):
 * the console's guide. help(obj) is the interpreter's (interp/lib/pydoc.py). */
bool port_help_guide(void)
{
    guide();
    return true;
}
