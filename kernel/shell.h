/*
 * kernel/shell.h — the console command shell (until the interpreter's REPL replaces
 * console_main). shell_run_line is also meant to be called from the Python `kernel` module.
 */
#ifndef KERNEL_SHELL_H
#define KERNEL_SHELL_H
#include <stddef.h>
/* Run one command line. Returns 0 on success, 1 on error; `exit N` returns N and sets
 * *shell_exit_requested. Output goes to the console. */
int  shell_run_line(const char *line);
extern int shell_exit_requested;
/* Read one edited line from the console: length, or -1 on Ctrl-C, -2 overlong, -3 junk. */
int  shell_readline(char *buf, size_t max);
void shell_loop(void);
int  shell_run_script(const char *src, size_t len);   /* status of the script */

/*
 * Commands registered from outside kernel/ proper (the self-tests and benchmarks in kernel/test/
 * sit above the kernel and must not be called by name from it): SHELL_COMMAND places a
 * descriptor in the `shell_commands` section (boot/kernel.ld gathers it between
 * __shell_commands_start and __shell_commands_end), and shell_run_line looks a command up there
 * after its own. The table is read-only and fixed at link time: no lock.
 */
struct shell_command {
    const char *name;
    const char *help;                              /* one line for `help` */
    int (*run)(int argc, char **argv);             /* status as shell_run_line returns it */
};
#define SHELL_COMMAND(ident, name_, help_, run_)                                              \
    static const struct shell_command shell_command_##ident                                   \
        __attribute__((used, section("shell_commands"), aligned(4))) = { name_, help_, run_ }
#endif
