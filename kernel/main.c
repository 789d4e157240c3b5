/*
 * kernel/main.c — boot order, top to bottom. CPU 0 comes here from boot/start.S with the MMU,
 * caches and FPU on; the other cores arrive in secondary_main (kernel/cpu.c).
 *
 * Hooks for the interpreter (interp/ provides strong versions when it is linked in):
 *   console_main()                     interactive console; default: the command shell
 *   console_run_script(src, len)       batch mode; default: shell commands line by line
 *   console_boot()                     what the guest port starts before the banner (the
 *                                      TCP/IP stack, net/: its boot line); default: nothing
 */
#include <stdio.h>
#include <string.h>
#include "kernel/cpu.h"
#include "kernel/thread.h"
#include "kernel/console.h"
#include "kernel/panic.h"
#include "kernel/bootargs.h"
#include "kernel/memmap.h"
#include "kernel/shell.h"
#include "kernel/trace.h"
#include "drivers/gic.h"
#include "drivers/timer.h"
#include "drivers/virtio_blk.h"

__attribute__((weak)) void console_main(void)
{
    shell_loop();
}

__attribute__((weak)) void console_boot(void)
{
}

__attribute__((weak)) int console_run_script(const char *src, size_t len)
{
    return shell_run_script(src, len);
}

/* The first thread: batch script or the interactive console. */
static void console_thread(void *arg)
{
    (void)arg;
    size_t len;
    const char *script = bootargs_script(&len);
    if (script) {
        int status = console_run_script(script, len);
        if (bootargs_exit_after_script())
            kernel_exit(status);
    } else if (bootargs_exit_after_script()) {
        kernel_exit(EXIT_OK);
    }
    console_main();
    kernel_exit(EXIT_OK);
}

void kmain(void)
{
    struct cpu *c = &cpus[0];
    c->id = 0;
    cpu_set_self(c);
    bool ram_ok = memmap_init();            /* before bootargs_init and the first malloc */
    console_init();
    if (!ram_ok) {
        kprintf("Tollbooth: %lu MiB of RAM is too little: at least %u MiB are needed "
                "(qemu-system-arm -m %uM)\n", (unsigned long)(memmap_ram_size() >> 20),
                RAM_MIN >> 20, RAM_MIN >> 20);
        kernel_exit(EXIT_ERROR);
    }
    bootargs_init();
    timer_init();
    gic_dist_init();
    gic_cpu_init();
    trace_init(bootarg_get("TRACE_EVENTS"), gic_num_cpus());   /* before any core traces */
    gic_enable_irq(IRQ_VTIMER, 0x90, 0);
    gic_enable_irq(IRQ_UART0, 0xa0, 0x01);
    if (virtio_blk_init() == 0)
        kprintf("virtio-blk: %lu KiB disk\n", (unsigned long)(virtio_blk_sectors() / 2));
    sched_init();
    sched_cpu_init(0);
    c->online = 1;
    cpus_start_secondaries();
    console_boot();
    kprintf("Tollbooth: %d/%d cores online (cortex-a15, %lu.%lu MHz timer)\n", cpus_online(),
            cpus_possible, (unsigned long)(timer_hz / 1000000),
            (unsigned long)(timer_hz % 1000000 / 100000));
    const char *err;
    if (!thread_create("console", console_thread, 0, 64 * 1024, -1, &err))
        panic("cannot start the console thread: %s", err);
    irq_enable();
    sched_idle_loop();
}
