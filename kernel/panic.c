/*
 * kernel/panic.c — panic reports and power-off.
 * A panic writes straight to the UART (bypassing the console lock, which a stopped core may
 * hold), stops the other cores with SGI_STOP, and exits QEMU with EXIT_PANIC through
 * semihosting (drivers/psci.c). Only the first core to panic reports; later ones just stop.
 * Backtraces follow the frame-pointer chain (the kernel is built with -fno-omit-frame-pointer:
 * in ARM state fp points at the saved lr, the caller's fp is just below it).
 * A fault that kernel/trap.c contained (interpreter code, see kernel/trap.h) is no panic: its
 * report (fault_report_contained) goes through the console like any output, and the system runs on.
 */
#include <stdarg.h>
#include <stdio.h>
#include "kernel/panic.h"
#include "kernel/cpu.h"
#include "kernel/thread.h"
#include "kernel/console.h"
#include "kernel/ksyms.h"
#include "kernel/stack.h"
#include "kernel/trap.h"
#include "kernel/memmap.h"
#include "drivers/gic.h"
#include "drivers/psci.h"

volatile int panicking;

extern char __kernel_start[], __heap_start[], __cpu_stacks[];

static void raw_puts(const char *s)
{
    console_write_raw(s);
}

static void rawf(const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    raw_puts(buf);
}

void kernel_exit(int status)
{
    console_flush();
    semihost_exit(status);
}

static int valid_addr(uint32_t a)
{
    return a >= RAM_BASE && a < memmap_ram_end() && (a & 3) == 0;
}

const char *ksym_lookup(uint32_t addr, uint32_t *offset)
{
    unsigned lo = 0, hi = ksym_count;
    if (!ksym_count || addr < ksym_addr[0] || addr >= (uint32_t)__heap_start)
        return 0;
    while (hi - lo > 1) {
        unsigned mid = (lo + hi) / 2;
        if (ksym_addr[mid] <= addr)
            lo = mid;
        else
            hi = mid;
    }
    *offset = addr - ksym_addr[lo];
    return ksym_name[lo];
}

static void frame_line(uint32_t a, int is_return)
{
    uint32_t off;
    /* a return address points after the call: look up the call itself */
    const char *n = ksym_lookup(is_return ? a - 4 : a, &off);
    if (n)
        rawf("  %08lx %s+0x%lx\n", (unsigned long)a, n, (unsigned long)(is_return ? off + 4 : off));
    else
        rawf("  %08lx\n", (unsigned long)a);
}

static void backtrace(uint32_t fp, uint32_t pc, uint32_t lr)
{
    raw_puts("backtrace:\n");
    frame_line(pc, 0);
    uint32_t last = pc;
    if (lr && lr != pc) {
        frame_line(lr, 1);
        last = lr;
    }
    for (int depth = 0; depth < 16 && valid_addr(fp) && valid_addr(fp - 4); depth++) {
        uint32_t ret = *(uint32_t *)fp;
        uint32_t next = *(uint32_t *)(fp - 4);
        if (ret < (uint32_t)__kernel_start || ret >= (uint32_t)__heap_start)
            break;
        if (ret != last)
            frame_line(ret, 1);
        last = ret;
        if (next <= fp)
            break;
        fp = next;
    }
}

/* Claim the report; the others halt. Returns only on the first panicking core. */
static void panic_begin(void)
{
    irq_disable();
    if (__atomic_exchange_n(&panicking, 1, __ATOMIC_SEQ_CST)) {
        gic_cpu_disable();
        for (;;)
            cpu_wfi();
    }
    uint8_t others = 0;
    for (int i = 0; i < cpus_possible; i++)
        if (i != mycpu()->id && cpus[i].online)
            others |= (uint8_t)(1u << i);
    if (others)
        gic_send_sgi(others, SGI_STOP);
}

static void who(void)
{
    struct cpu *c = mycpu();
    struct thread *t = c->cur;
    rawf("  cpu %d, thread '%s' (tid %lu)\n", c->id, t ? t->name : "?",
         (unsigned long)(t ? t->tid : 0));
}

static void regs(const uint32_t *r, uint32_t sp, uint32_t lr, uint32_t pc, uint32_t cpsr)
{
    for (int i = 0; i < 13; i += 4) {
        raw_puts(" ");
        for (int j = i; j < i + 4 && j < 13; j++)
            rawf(" r%-2d %08lx", j, (unsigned long)r[j]);
        raw_puts("\n");
    }
    rawf("  sp  %08lx lr  %08lx pc  %08lx cpsr %08lx\n", (unsigned long)sp, (unsigned long)lr,
         (unsigned long)pc, (unsigned long)cpsr);
}

void panic(const char *fmt, ...)
{
    uint32_t r[16], cpsr;
    __asm__ volatile("stmia %0, {r0-r15}" :: "r"(r) : "memory");
    __asm__ volatile("mrs %0, cpsr" : "=r"(cpsr));
    panic_begin();
    char buf[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    raw_puts("\n*** KERNEL PANIC: ");
    raw_puts(buf);
    raw_puts("\n");
    who();
    regs(r, r[13], r[14], r[15], cpsr);
    backtrace((uint32_t)__builtin_frame_address(0), r[15], 0);
    rawf("powering off (status %d)\n", EXIT_PANIC);
    kernel_exit(EXIT_PANIC);
}

/* From boot/vectors.S: frame = {spsr, sp, lr, r0-r12, pc} of the faulting context. */
void exception_panic(int type, uint32_t *frame)
{
    static const char *const names[] = { "?", "undefined instruction", "unexpected SVC",
                                         "prefetch abort", "data abort", "FIQ" };
    panic_begin();
    uint32_t dfsr, dfar, ifsr, ifar;
    __asm__ volatile("mrc p15, 0, %0, c5, c0, 0" : "=r"(dfsr));
    __asm__ volatile("mrc p15, 0, %0, c6, c0, 0" : "=r"(dfar));
    __asm__ volatile("mrc p15, 0, %0, c5, c0, 1" : "=r"(ifsr));
    __asm__ volatile("mrc p15, 0, %0, c6, c0, 2" : "=r"(ifar));
    uint32_t pc = frame[16], sp = frame[1];
    rawf("\n*** KERNEL PANIC: %s at pc %08lx\n", names[type > 5 ? 0 : type], (unsigned long)pc);
    if (type == 4) {
        rawf("  fault address %08lx, DFSR %08lx%s\n", (unsigned long)dfar, (unsigned long)dfsr,
             (dfar < 0x1000) ? " (NULL pointer dereference)" : "");
        uint32_t stacks = (uint32_t)__cpu_stacks;
        if (dfar >= stacks && dfar < stacks + MAX_CPUS * CPU_STACK_SLOT &&
            ((dfar - stacks) % CPU_STACK_SLOT) / PAGE_SIZE % 14 == 0)
            raw_puts("  (guard page: stack overflow of this core's boot/idle stack)\n");
        if (mmu_arena_is_guard(dfar)) {
            struct thread *t = mycpu()->cur;
            if (t && t->stack && dfar >= (uint32_t)t->stack - PAGE_SIZE && dfar < (uint32_t)t->stack)
                rawf("  (guard page: stack overflow in thread '%s', stack %lu bytes)\n", t->name,
                     (unsigned long)t->stack_size);
            else
                raw_puts("  (guard page below a thread stack: stack overflow)\n");
        }
    } else if (type == 3) {
        rawf("  fault address %08lx, IFSR %08lx\n", (unsigned long)ifar, (unsigned long)ifsr);
    }
    who();
    regs(frame + 3, sp, frame[2], pc, frame[0]);
    backtrace(frame[3 + 11], pc, frame[2]);
    rawf("powering off (status %d)\n", EXIT_PANIC);
    kernel_exit(EXIT_PANIC);
}

/* The kernel's half of the report on a contained fault (kernel/trap.h), on the faulting thread
 * after its stack was reset, interrupts on: through the console lock, so it does not cut into
 * other output. The interpreter's half (which Python thread, what happens next) follows. */
void fault_report_contained(const struct trap_fault *f)
{
    uint32_t off;
    const char *sym = ksym_lookup(f->pc, &off);
    char where[96] = "";
    if (sym)
        snprintf(where, sizeof where, " (%s+0x%lx)", sym, (unsigned long)off);
    kprintf("\n*** fault in interpreter code, contained: %s at pc %08lx%s\n", f->what,
            (unsigned long)f->pc, where);
    if (f->guard)
        kprintf("  fault address %08lx: guard page, stack overflow in thread '%s' (stack %lu bytes)%s\n",
                (unsigned long)f->addr, f->thread, (unsigned long)f->stack_size,
                f->in_irq_entry ? "; hit by an interrupt's entry, pc is where it was interrupted" : "");
    else if (f->kind == 4 || f->kind == 3)
        kprintf("  fault address %08lx%s\n", (unsigned long)f->addr,
                f->addr < 0x1000 ? " (NULL pointer dereference)" : "");
    if (f->locks_released)
        kprintf("  %d interpreter spinlock(s) held: released\n", f->locks_released);
    kprintf("  cpu %d, thread '%s' (tid %lu)\n  backtrace:", f->cpu, f->thread, (unsigned long)f->tid);
    for (int i = 0; i < f->nbt; i++) {
        uint32_t a = f->bt[i];
        /* after the pc every entry is a return address: name the call, not the next insn */
        const char *n = ksym_lookup(i ? a - 4 : a, &off);
        if (n)
            kprintf(" %s+0x%lx", n, (unsigned long)(i ? off + 4 : off));
        else
            kprintf(" %08lx", (unsigned long)a);
    }
    kprintf("\n");
}
