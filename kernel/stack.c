/*
 * kernel/stack.c — the thread-stack allocator: a first-fit bitmap over the arena's pages.
 * An allocation of n pages takes n + 1 consecutive pages; the lowest is unmapped (the guard)
 * until the stack is freed. stack_lock protects the bitmap; the page-table update happens
 * outside it (the pages are ours by then). Called by kernel/sched.c (create, join, reap).
 */
#include "kernel/stack.h"
#include "kernel/spinlock.h"
#include "kernel/memmap.h"

#define NPAGES (STACK_ARENA_SIZE / PAGE_SIZE)
static uint32_t used_map[NPAGES / 32];     /* [stack_lock] bit set = page in use */
static size_t used_pages;                  /* [stack_lock] */
static uint32_t search_hint;               /* [stack_lock] */
static spinlock_t stack_lock = SPINLOCK_INIT("stack-arena");

static int page_used(uint32_t p) { return (used_map[p / 32] >> (p % 32)) & 1; }
static void page_set(uint32_t p, int v)
{
    if (v)
        used_map[p / 32] |= 1u << (p % 32);
    else
        used_map[p / 32] &= ~(1u << (p % 32));
}

static long find_run(uint32_t from, uint32_t to, uint32_t n)
{
    uint32_t run = 0;
    for (uint32_t p = from; p < to; p++) {
        if (!(p % 32) && used_map[p / 32] == 0xffffffffu) {   /* skip full words */
            run = 0;
            p += 31;
            continue;
        }
        run = page_used(p) ? 0 : run + 1;
        if (run == n)
            return (long)(p + 1 - n);
    }
    return -1;
}

void *stack_alloc(size_t size)
{
    uint32_t n = (uint32_t)((size + PAGE_SIZE - 1) / PAGE_SIZE) + 1;
    spin_lock(&stack_lock);
    long first = find_run(search_hint, NPAGES, n);
    if (first < 0)
        first = find_run(0, NPAGES, n);
    if (first < 0) {
        spin_unlock(&stack_lock);
        return 0;
    }
    for (uint32_t p = (uint32_t)first; p < (uint32_t)first + n; p++)
        page_set(p, 1);
    used_pages += n;
    search_hint = (uint32_t)first + n;
    spin_unlock(&stack_lock);
    uintptr_t guard = STACK_ARENA_BASE + (uintptr_t)first * PAGE_SIZE;
    mmu_arena_guard(guard, 1);
    return (void *)(guard + PAGE_SIZE);
}

void stack_free(void *stack, size_t size)
{
    if (!stack)
        return;
    uint32_t n = (uint32_t)((size + PAGE_SIZE - 1) / PAGE_SIZE) + 1;
    uintptr_t guard = (uintptr_t)stack - PAGE_SIZE;
    mmu_arena_guard(guard, 0);
    uint32_t first = (uint32_t)(guard - STACK_ARENA_BASE) / PAGE_SIZE;
    spin_lock(&stack_lock);
    for (uint32_t p = first; p < first + n; p++)
        page_set(p, 0);
    used_pages -= n;
    if (first < search_hint)
        search_hint = first;
    spin_unlock(&stack_lock);
}

size_t stack_arena_used(void) { return used_pages * PAGE_SIZE; }
