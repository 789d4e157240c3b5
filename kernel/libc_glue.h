/* kernel/libc_glue.h — newlib glue: the formatting lock and heap statistics. */
#ifndef KERNEL_LIBC_GLUE_H
#define KERNEL_LIBC_GLUE_H
#include <stdarg.h>
#include <stddef.h>
int    libc_vsnprintf(char *buf, size_t n, const char *fmt, va_list ap);
size_t heap_in_use(void);        /* bytes malloc has handed out and not freed */
size_t heap_sbrk_used(void);     /* bytes taken from the heap region so far */
size_t heap_sbrk_limit(void);
#endif
