/*
 * kernel/cpu.c — bringing cores up and down. CPU 0 starts the others with PSCI CPU_ON at boot;
 * `cores off N` asks core N's idle thread to hand over its sleepers and call CPU_OFF
 * (kernel/sched.c: sched_cpu_offline_locked); `cores on N` calls CPU_ON again and the core comes
 * back through boot/start.S like at boot. Runnable threads never belong to a core (one shared
 * run queue), and a thread pinned to an offline core runs anywhere until its core returns.
 * CPU 0 stays online: the UART interrupt is routed to it.
 */
#include "kernel/cpu.h"
#include "kernel/thread.h"
#include "kernel/console.h"
#include "kernel/trace.h"
#include "kernel/memmap.h"
#include "drivers/gic.h"
#include "drivers/timer.h"
#include "drivers/psci.h"

struct cpu cpus[MAX_CPUS];
int cpus_possible = 1;

extern char secondary_entry[];

int cpus_online(void)
{
    int n = 0;
    for (int i = 0; i < cpus_possible; i++)
        n += cpus[i].online != 0;
    return n;
}

/* Common per-core start for secondaries (boot/start.S, MMU already on). */
void secondary_main(int id)
{
    struct cpu *c = &cpus[id];
    c->id = id;
    cpu_set_self(c);
    gic_cpu_init();
    timer_init();
    gic_enable_irq(IRQ_VTIMER, 0x90, 0);
    sched_cpu_init(id);
    c->noff = 0;
    c->locks_held = 0;
    spin_lock(&sched_lock);
    c->online = 1;
    spin_unlock(&sched_lock);
    trace_event(TRACE_K_CPU_ON, (uint32_t)id, 0);
    irq_enable();
    sched_idle_loop();
}

static int wait_until(volatile int *flag, int want, int ms)
{
    for (int i = 0; i < ms; i++) {
        if (*flag == want)
            return 0;
        thread_sleep_ns(1000000);
    }
    return *flag == want ? 0 : -1;
}

static int wait_psci_off(int n, int ms)
{
    for (int i = 0; i < ms; i++) {
        if (psci_affinity_info(n) == 1)
            return 0;
        thread_sleep_ns(1000000);
    }
    return -1;
}

static int start_core(int n)
{
    cpus[n].id = n;
    int r = psci_cpu_on(n, (uintptr_t)secondary_entry, (uintptr_t)n);
    if (r != 0)
        return r;
    return 0;
}

void cpus_start_secondaries(void)
{
    /* The machine's cores: the device tree's cpu nodes (kernel/memmap.c), else the GIC's count
     * (GICD_TYPER.CPUNumber; QEMU sets both from -smp). */
    cpus_possible = memmap_dtb_cpus() > 0 ? memmap_dtb_cpus() : gic_num_cpus();
    if (cpus_possible > MAX_CPUS)
        cpus_possible = MAX_CPUS;
    for (int i = 1; i < cpus_possible; i++)
        start_core(i);
    /* At boot, before threads: spin (briefly) for the cores to report in. */
    uint64_t limit = timer_now() + timer_ns_to_ticks(2000000000ull);
    while (cpus_online() < cpus_possible && timer_now() < limit)
        __asm__ volatile("wfe");
}

int cpu_offline(int n)
{
    if (n <= 0 || n >= cpus_possible) {
        kprintf("cores: core %d cannot be taken offline (valid: 1..%d; core 0 keeps the console)\n",
                n, cpus_possible - 1);
        return -1;
    }
    spin_lock(&sched_lock);
    if (!cpus[n].online) {
        spin_unlock(&sched_lock);
        return 0;
    }
    cpus[n].offline_req = 1;
    spin_unlock(&sched_lock);
    gic_send_sgi((uint8_t)(1u << n), SGI_RESCHED);
    if (wait_until(&cpus[n].online, 0, 2000) < 0 || wait_psci_off(n, 2000) < 0) {
        kprintf("cores: core %d did not go offline\n", n);
        return -1;
    }
    trace_event(TRACE_K_CPU_OFF, (uint32_t)n, 0);
    return 0;
}

int cpu_online(int n)
{
    if (n < 0 || n >= cpus_possible) {
        kprintf("cores: no core %d (valid: 0..%d)\n", n, cpus_possible - 1);
        return -1;
    }
    if (cpus[n].online)
        return 0;
    if (wait_psci_off(n, 2000) < 0) {
        kprintf("cores: core %d is still powering down\n", n);
        return -1;
    }
    int r = start_core(n);
    if (r != 0) {
        kprintf("cores: PSCI CPU_ON(%d) failed: %d\n", n, r);
        return -1;
    }
    if (wait_until(&cpus[n].online, 1, 2000) < 0) {
        kprintf("cores: core %d did not come online\n", n);
        return -1;
    }
    return 0;
}

int cpu_set_count(int want)
{
    if (want < 1 || want > cpus_possible)
        return -1;
    for (int i = cpus_possible - 1; i >= 1 && cpus_online() > want; i--)
        if (cpus[i].online && cpu_offline(i) < 0)
            return -1;
    for (int i = 1; i < cpus_possible && cpus_online() < want; i++)
        if (!cpus[i].online && cpu_online(i) < 0)
            return -1;
    return cpus_online();
}
