/*
 * boot/start.S — first instructions on every core.
 * CPU 0 arrives at _start from QEMU's ELF loader; CPUs 1..N-1 arrive at secondary_entry via
 * PSCI CPU_ON (drivers/psci.c), also when a core is brought back online at run time.
 * Each core: mask interrupts, set up its mode stacks inside its own 64 KiB slot of __cpu_stacks
 * (guard pages are unmapped by boot/mmu.c), install the vectors, enable VFP/NEON, turn on the
 * MMU and caches, then call kmain (CPU 0) or secondary_main (others). Only CPU 0 clears .bss and
 * builds the page tables; the others are started after that.
 */
#include "kernel/tunables.h"
        .syntax unified
        .arm
        .arch armv7-a
        .fpu neon-vfpv4
        .cfi_sections .debug_frame              @ unwind info for debuggers only (not loaded)

        .section .text.boot, "ax"
        .global _start
/* The outermost frame of every core: the return address is undefined for a debugger's unwinder,
 * so gdb's bt ends at _start / secondary_entry (not "previous frame identical ... corrupt
 * stack?"); fp = 0 ends kernel/panic.c's backtrace. */
_start:
        .cfi_startproc
        .cfi_undefined lr
        cpsid   aif
        mrc     p15, 0, r4, c0, c0, 5           @ MPIDR
        and     r4, r4, #0xff
        b       common_entry

        .global secondary_entry
secondary_entry:
        cpsid   aif
        mrc     p15, 0, r4, c0, c0, 5
        and     r4, r4, #0xff

common_entry:
        ldr     r5, =__cpu_stacks
        add     r5, r5, r4, lsl #16             @ CPU_STACK_SLOT = 64 KiB
        ldr     r0, =CPU_EXC_STACK_TOP          @ page 15 of the slot: abt 2K, und 1K, irq/fiq 512 each
        add     r0, r5, r0
        cps     #0x17                           @ abort mode
        mov     sp, r0
        cps     #0x1b                           @ undefined mode
        sub     sp, r0, #2048
        cps     #0x12                           @ IRQ mode: entry moves straight to SVC
        sub     sp, r0, #3072
        cps     #0x11                           @ FIQ mode
        sub     sp, r0, #3584
        cps     #0x13                           @ SVC: the core's idle/boot stack
        ldr     r0, =CPU_SVC_STACK_TOP
        add     sp, r5, r0
        mov     fp, #0                          @ terminates backtraces

        ldr     r0, =vectors
        mcr     p15, 0, r0, c12, c0, 0          @ VBAR

        mrc     p15, 0, r0, c1, c0, 2           @ CPACR: full access to cp10/cp11
        orr     r0, r0, #(0xf << 20)
        mcr     p15, 0, r0, c1, c0, 2
        isb
        mov     r0, #0x40000000                 @ FPEXC.EN
        vmsr    fpexc, r0
        mov     r0, #0
        vmsr    fpscr, r0

        cmp     r4, #0
        bne     1f
        ldr     r0, =__bss_start
        ldr     r1, =__bss_end
        mov     r2, #0
2:      cmp     r0, r1
        strlo   r2, [r0], #4
        blo     2b
        bl      mmu_build_tables
1:
        bl      mmu_enable
        mov     r0, r4
        cmp     r4, #0
        bne     3f
        bl      kmain
        b       .
3:      bl      secondary_main
        b       .
        .cfi_endproc

/* Turn on the MMU with the tables CPU 0 built; identity map, so execution continues in place. */
        .global mmu_enable
mmu_enable:
        mov     r0, #0
        mcr     p15, 0, r0, c8, c7, 0           @ TLBIALL
        mcr     p15, 0, r0, c7, c5, 0           @ ICIALLU
        mcr     p15, 0, r0, c7, c5, 6           @ BPIALL
        dsb
        isb
        mrc     p15, 0, r0, c1, c0, 1           @ ACTLR.SMP: take part in coherency
        orr     r0, r0, #(1 << 6)
        mcr     p15, 0, r0, c1, c0, 1
        ldr     r0, =0x55555555                 @ all domains: client (permissions checked)
        mcr     p15, 0, r0, c3, c0, 0
        mov     r0, #0
        mcr     p15, 0, r0, c2, c0, 2           @ TTBCR: TTBR0 only, short descriptors
        ldr     r0, =mmu_l1_table
        orr     r0, r0, #0x4a                   @ walks: inner/outer WBWA, shareable
        mcr     p15, 0, r0, c2, c0, 0
        isb
        mrc     p15, 0, r0, c1, c0, 0           @ SCTLR
        orr     r0, r0, #(1 << 0)               @ M
        orr     r0, r0, #(1 << 2)               @ C
        orr     r0, r0, #(1 << 11)              @ Z
        orr     r0, r0, #(1 << 12)              @ I
        bic     r0, r0, #(1 << 1)               @ no alignment faults
        bic     r0, r0, #(1 << 13)              @ VBAR, not high vectors
        bic     r0, r0, #(3 << 28)              @ no TEX remap, no access flag
        mcr     p15, 0, r0, c1, c0, 0
        isb
        bx      lr
        .ltorg
