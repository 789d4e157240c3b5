/*
 * kernel/tunables.h — every kernel tunable and memory-layout constant in one place.
 * Included by boot/ (assembly too: keep it to #defines), drivers/ and kernel/.
 */
#ifndef KERNEL_TUNABLES_H
#define KERNEL_TUNABLES_H

#define MAX_CPUS            8           /* GICv2 limit, and QEMU virt's -smp limit for GICv2 */
#define RAM_BASE            0x40000000  /* QEMU virt; the size comes from the device tree
                                           (kernel/memmap.c) */
#define RAM_MIN             0x08000000  /* 128 MiB: image + stack arena + boot block + a heap the
                                           console's interpreter lives in; qemu/tollbooth.py
                                           refuses a smaller MEM, the kernel stops with a message */
#define RAM_MAX_USED        0x40000000  /* 1 GiB: what boot/mmu.c maps as normal memory */
#define BOOT_BLOCK_SIZE     0x01000000  /* the launcher's boot block: the last 16 MiB of RAM */
#define STACK_ARENA_SIZE    0x03000000  /* thread stacks: 4 KiB pages, an unmapped guard page
                                           below each stack (kernel/stack.c, boot/mmu.c); its
                                           base is __stack_arena (boot/kernel.ld) */

/* Per-core boot/idle stack slot: [guard][SVC stack ...][guard][exception stacks]. */
#define PAGE_SIZE           4096
#define CPU_STACK_SLOT      0x10000     /* 64 KiB per core */
#define CPU_SVC_STACK_TOP   (14 * PAGE_SIZE)  /* SVC stack is pages 1..13; page 0 and 14 are guards */
#define CPU_EXC_STACK_TOP   (16 * PAGE_SIZE)  /* page 15: abort/undef stacks */

/* Threads */
#define MAX_THREADS         2048
#define THREAD_STACK_DEFAULT (16 * 1024)
#define THREAD_STACK_MIN    (4 * 1024)
#define THREAD_STACK_MAX    (1024 * 1024)
#define THREAD_NAME_LEN     16

/* Scheduler */
#define SCHED_SLICE_US      10000       /* time slice; a hog is preempted after this */
#ifndef IDLE_POLL_US
#define IDLE_POLL_US        0           /* idle cores poll this long before WFI (0: never; each
                                           poll burns a host CPU: see docs/design/kernel.md) */
#endif
#define TIMER_EARLY_US      80          /* arm sleeper deadlines this early, spin the rest:
                                           QEMU delivers a timer interrupt ~100 us late */

/* Console */
#define CONSOLE_RX_RING     8192        /* bytes; when full, reception pauses (the UART
                                           holds input back: nothing is lost) */
#define SHELL_LINE_MAX      256

/* Trace */
#define TRACE_RING_EVENTS   16384       /* per core by default (TRACE_EVENTS=N at boot: kernel/trace.c), 24 B each */

/* Exit statuses (qemu/run.sh and make run pass these through) */
#define EXIT_OK             0
#define EXIT_ERROR          1
#define EXIT_PANIC          101         /* kernel panic; 124 is the host-side timeout */

/* SGIs */
#define SGI_RESCHED         1
#define SGI_STOP            2           /* panic: stop the other cores */

/* Interrupts */
#define IRQ_VTIMER          27
#define IRQ_UART0           33

#endif
