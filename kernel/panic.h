/*
 * kernel/panic.h — fatal errors. panic() prints the cause, CPU, thread, registers and a
 * backtrace, stops the other cores and powers off with EXIT_PANIC (kernel/tunables.h).
 */
#ifndef KERNEL_PANIC_H
#define KERNEL_PANIC_H
#include <stdint.h>
void panic(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
void kernel_exit(int status) __attribute__((noreturn));   /* power off, QEMU exits with status */
extern volatile int panicking;
#endif
