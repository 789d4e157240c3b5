/*
 * kernel/stack.h — thread stacks from the stack arena (STACK_ARENA_BASE, kernel/memmap.h):
 * page-granular, each with an unmapped guard page just below it, so an overflow faults at the
 * offending access and the panic names the thread.
 */
#ifndef KERNEL_STACK_H
#define KERNEL_STACK_H
#include <stddef.h>
#include <stdint.h>
void  *stack_alloc(size_t size);          /* size rounded up to pages; NULL when the arena is full */
void   stack_free(void *stack, size_t size);
size_t stack_arena_used(void);            /* bytes, guard pages included */
int    mmu_arena_is_guard(uintptr_t va);  /* boot/mmu.c */
void   mmu_arena_guard(uintptr_t va, int guard);
#endif
