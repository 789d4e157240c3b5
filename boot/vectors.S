/*
 * boot/vectors.S — exception vectors, the IRQ path, and the thread context switch.
 *
 * IRQ: everything runs in SVC mode, so the IRQ entry stores the interrupted pc/cpsr onto the
 * SVC stack of whatever was running (srsdb), saves the caller-saved integer and VFP registers
 * there too, and calls irq_dispatch() in C on that same stack with interrupts still masked.
 * irq_dispatch may switch threads (sched_preempt); the interrupted thread's full state stays on
 * its own stack and is restored when it is switched back in and returns through irq_return.
 * Interrupts never nest.
 *
 * Faults (undefined, prefetch/data abort, SVC, FIQ) build a frame on the core's abort/undef stack
 * (so a stack overflow into a guard page can still be reported) and call exception_entry()
 * (kernel/trap.c): fatal (exception_panic) unless a registered fault-containment hook takes a
 * fault of a thread's own code; then the frame is rewritten and the thread resumes in
 * fault_resume, never in the faulting code.
 */
        .syntax unified
        .arm
        .arch armv7-a
        .fpu neon-vfpv4
        .cfi_sections .debug_frame              @ unwind info for debuggers only (not loaded)

        .section .text.vectors, "ax"
        .align  5
        .global vectors
vectors:
        b       _start
        b       undef_entry
        b       svc_entry
        b       pabt_entry
        b       dabt_entry
        b       .
        b       irq_entry
        b       fiq_entry

irq_entry:
        sub     lr, lr, #4
        srsdb   sp!, #0x13                      @ push lr_irq, spsr_irq to the SVC stack
        cps     #0x13
        push    {r0-r3, r12, lr}
        and     r1, sp, #4                      @ realign to 8 for AAPCS
        sub     sp, sp, r1
        push    {r1, r2}
        vpush   {d0-d7}
        vpush   {d16-d31}
        vmrs    r0, fpscr
        push    {r0, r1}
        bl      irq_dispatch
        .global irq_return
irq_return:
        pop     {r0, r1}
        vmsr    fpscr, r0
        vpop    {d16-d31}
        vpop    {d0-d7}
        pop     {r1, r2}
        add     sp, sp, r1
        pop     {r0-r3, r12, lr}
        rfeia   sp!

/* Fatal exceptions: frame = {spsr, sp, lr of the interrupted mode, r0-r12, pc} */
undef_entry:
        sub     lr, lr, #4
        push    {r0-r12, lr}
        mov     r0, #1
        b       exc_common
svc_entry:
        sub     lr, lr, #4
        push    {r0-r12, lr}
        mov     r0, #2
        b       exc_common
pabt_entry:
        sub     lr, lr, #4
        push    {r0-r12, lr}
        mov     r0, #3
        b       exc_common
dabt_entry:
        sub     lr, lr, #8
        push    {r0-r12, lr}
        mov     r0, #4
        b       exc_common
fiq_entry:
        sub     lr, lr, #4
        push    {r0-r12, lr}
        mov     r0, #5
        b       exc_common
exc_common:
        mrs     r1, spsr
        and     r3, r1, #0x1f
        cmp     r3, #0x10                       @ user mode: read its regs through system mode
        moveq   r3, #0x1f
        orr     r3, r3, #0xc0
        mrs     r12, cpsr
        msr     cpsr_c, r3
        mov     r4, sp
        mov     r5, lr
        msr     cpsr_c, r12
        push    {r1, r4, r5}
        mov     r1, sp
        mov     r6, sp
        bic     sp, sp, #7
        mov     fp, #0
        bl      exception_entry                 @ panics, or returns when a hook contained it
        mov     sp, r6                          @ contained: frame rewritten (kernel/trap.c)
        pop     {r1, r4, r5}
        msr     spsr_cxsf, r1
        pop     {r0-r12, lr}
        movs    pc, lr                          @ to fault_resume, in SVC mode

/* A contained fault resumes here (SVC mode, interrupts on): r0 = the fault record at the top of
 * the thread's own stack (the new sp), r1 = the continuation, which never returns. */
        .global fault_resume
fault_resume:
        mov     sp, r0
        mov     fp, #0
        mov     lr, #0
        blx     r1
        b       .

/*
 * thread_start: where a new thread's first swtch "returns" (kernel/thread.c builds that frame).
 * The outermost frame of every kernel thread: its return address is undefined for a debugger's
 * unwinder, so gdb's bt ends here instead of following the previous thread's stale lr into the
 * scheduler ("corrupt stack?"); fp = lr = 0 also end kernel/panic.c's frame-pointer backtrace.
 */
        .text
        .global thread_start
        .type   thread_start, %function
thread_start:
        .cfi_startproc
        .cfi_undefined lr
        mov     fp, #0
        mov     lr, #0
        bl      thread_trampoline               @ never returns (it ends in thread_exit)
        b       .
        .cfi_endproc
        .size   thread_start, . - thread_start

/*
 * void swtch(uint32_t **save_sp, uint32_t *load_sp)
 * Saves the callee-saved integer and VFP registers and FPSCR of the current thread on its stack,
 * stores sp in *save_sp, and resumes the thread whose saved sp is load_sp. Caller-saved VFP
 * registers are the compiler's business (AAPCS), so together with irq_entry the whole FPU state
 * of a thread survives every switch. Called with the scheduler lock held and interrupts off.
 */
        .text
        .global swtch
swtch:
        push    {r3-r11, lr}
        vpush   {d8-d15}
        vmrs    r2, fpscr
        push    {r2, r3}
        str     sp, [r0]
        mov     sp, r1
        pop     {r2, r3}
        vmsr    fpscr, r2
        vpop    {d8-d15}
        pop     {r3-r11, pc}
