/*
 * boot/mmu.c — the identity map, built once by CPU 0 before its MMU is on (boot/start.S).
 *   0x00000000-0x07ffffff  unmapped (flash; catches NULL dereferences)
 *   0x08000000-0x3fffffff  device memory, execute-never (GIC, UART, virtio, PCIe)
 *   0x40000000-0x7fffffff  normal memory, write-back write-allocate, shareable
 *   __cpu_stacks (1 MiB)   4 KiB pages; each core's guard pages are left unmapped
 *   STACK_ARENA (48 MiB)   4 KiB pages; kernel/stack.c unmaps the guard page below each thread
 *                          stack while it is allocated (mmu_arena_guard)
 * Runs with the MMU and caches off, so it uses plain loops (no memset: unaligned/NEON accesses
 * to strongly-ordered memory would fault).
 */
#include <stdint.h>
#include "kernel/memmap.h"

extern uint32_t mmu_l1_table[4096];
extern uint32_t mmu_l2_stacks[256];
extern uint32_t mmu_l2_arena[STACK_ARENA_SIZE / PAGE_SIZE];
extern char __cpu_stacks[];

#define SECT_NORMAL  (0x2u | (1u << 2) | (1u << 3) | (3u << 10) | (1u << 12) | (1u << 16))
#define SECT_DEVICE  (0x2u | (1u << 2) | (1u << 4) | (3u << 10))
#define PAGE_NORMAL  (0x2u | (1u << 2) | (1u << 3) | (3u << 4) | (1u << 6) | (1u << 10))
#define COARSE       (0x1u)

void mmu_build_tables(void)
{
    for (uint32_t i = 0; i < 4096; i++) {
        uint32_t base = i << 20, d = 0;
        if (base >= 0x08000000u && base < 0x40000000u)
            d = base | SECT_DEVICE;
        else if (base >= 0x40000000u && base < 0x80000000u)
            d = base | SECT_NORMAL;
        mmu_l1_table[i] = d;
    }
    uint32_t sbase = (uint32_t)__cpu_stacks;
    for (uint32_t p = 0; p < 256; p++) {
        uint32_t in_slot = p % (CPU_STACK_SLOT / PAGE_SIZE);
        int guard = (in_slot == 0 || in_slot == 14);
        mmu_l2_stacks[p] = guard ? 0 : ((sbase + p * PAGE_SIZE) | PAGE_NORMAL);
    }
    mmu_l1_table[sbase >> 20] = (uint32_t)mmu_l2_stacks | COARSE;
    for (uint32_t p = 0; p < STACK_ARENA_SIZE / PAGE_SIZE; p++)
        mmu_l2_arena[p] = (STACK_ARENA_BASE + p * PAGE_SIZE) | PAGE_NORMAL;
    for (uint32_t m = 0; m < STACK_ARENA_SIZE >> 20; m++)
        mmu_l1_table[(STACK_ARENA_BASE >> 20) + m] = (uint32_t)&mmu_l2_arena[m * 256] | COARSE;
}

/* Map (guard = 0) or unmap (guard = 1) one page of the stack arena, on every core: the
 * inner-shareable TLB invalidate (TLBIMVAIS) reaches the other cores' TLBs. */
void mmu_arena_guard(uintptr_t va, int guard)
{
    uint32_t i = (uint32_t)(va - STACK_ARENA_BASE) / PAGE_SIZE;
    mmu_l2_arena[i] = guard ? 0 : ((uint32_t)va | PAGE_NORMAL);
    __asm__ volatile("dsb ishst" ::: "memory");
    __asm__ volatile("mcr p15, 0, %0, c8, c3, 1" :: "r"((uint32_t)va & ~0xfffu) : "memory");
    __asm__ volatile("dsb ish; isb" ::: "memory");
}

int mmu_arena_is_guard(uintptr_t va)
{
    if (va < STACK_ARENA_BASE || va >= STACK_ARENA_BASE + STACK_ARENA_SIZE)
        return 0;
    return mmu_l2_arena[(va - STACK_ARENA_BASE) / PAGE_SIZE] == 0;
}
