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

int  selftest_run(const char *name);                   /* kernel/test/selftest.c: failures */
void selftest_list(void);
void bench_run(void);                                  /* kernel/test/bench.c */
#endif
