/*
 * kernel/test/labtest.h — self-tests of the course labs (labs/NAME/README.md), run by name through
 * `selftest NAME` (kernel/test/selftest.c falls back to labtest_run for names it does not know) and
 * never by `selftest all`: `selftest ticket` (labs/spinlock), `selftest lostwake` (labs/waitq).
 * Locks: each test takes the locks it tests; the lostwake hook is registered with
 * waitq_set_window_hook (kernel/thread.h) before its threads start and removed after.
 */
#ifndef KERNEL_LABTEST_H
#define KERNEL_LABTEST_H
int labtest_run(const char *name);   /* -1: no such lab test; else the number of failures */
void labtest_list(void);
#endif
