/*
 * drivers/psci.c — PSCI CPU_ON / CPU_OFF / AFFINITY_INFO / SYSTEM_OFF over `hvc #0`, and the
 * semihosting exit call qemu/run.sh relies on for exit statuses (PSCI SYSTEM_OFF always exits
 * QEMU with status 0; semihosting SYS_EXIT_EXTENDED carries the real status).
 */
#include "drivers/psci.h"

#define PSCI_CPU_OFF       0x84000002u
#define PSCI_CPU_ON        0x84000003u
#define PSCI_AFFINITY_INFO 0x84000004u
#define PSCI_SYSTEM_OFF    0x84000008u

static int psci_call(uint32_t fn, uint32_t a, uint32_t b, uint32_t c)
{
    register uint32_t r0 __asm__("r0") = fn;
    register uint32_t r1 __asm__("r1") = a;
    register uint32_t r2 __asm__("r2") = b;
    register uint32_t r3 __asm__("r3") = c;
    __asm__ volatile(".arch_extension virt\n\thvc #0"
                     : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3) :: "memory");
    return (int)r0;
}

int psci_cpu_on(int cpu, uintptr_t entry, uintptr_t context)
{
    return psci_call(PSCI_CPU_ON, (uint32_t)cpu, entry, context);
}

void psci_cpu_off(void)
{
    psci_call(PSCI_CPU_OFF, 0, 0, 0);
    for (;;)
        __asm__ volatile("wfi");
}

int psci_affinity_info(int cpu) { return psci_call(PSCI_AFFINITY_INFO, (uint32_t)cpu, 0, 0); }

void psci_system_off(void)
{
    psci_call(PSCI_SYSTEM_OFF, 0, 0, 0);
    for (;;)
        __asm__ volatile("wfi");
}

void semihost_exit(int status)
{
    /* SYS_EXIT_EXTENDED (0x20) with { ADP_Stopped_ApplicationExit, status } */
    volatile uint32_t block[2] = { 0x20026u, (uint32_t)status };
    register uint32_t r0 __asm__("r0") = 0x20;
    register uint32_t r1 __asm__("r1") = (uint32_t)block;
    __asm__ volatile("svc 0x123456" : "+r"(r0) : "r"(r1) : "memory");
    psci_system_off();   /* semihosting not enabled: at least stop */
}
