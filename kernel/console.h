/*
 * kernel/console.h — the serial console: whole-write atomic output, interrupt-fed input ring,
 * Ctrl-C as an interrupt flag. Used by kprintf, newlib's _write/_read, port_write/port_getc, the
 * shell and the interpreter's REPL.
 */
#ifndef KERNEL_CONSOLE_H
#define KERNEL_CONSOLE_H
#include <stddef.h>
#include <stdbool.h>
void console_init(void);
void console_write(const char *buf, size_t n);      /* never interleaved with another write */
void console_write_raw(const char *s);              /* panic path: no lock */
void console_flush(void);
int  console_getc(void);                            /* blocking; 0x03 for Ctrl-C */
int  console_getc_timeout(unsigned long long ns);   /* -1 on timeout */
void console_rx_irq(void);
bool console_interrupted(void);
void console_interrupt_clear(void);
int  kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
#endif
