/* drivers/psci.h — PSCI 0.2 over HVC, as QEMU virt provides it (no EL3: SMC is undefined). */
#ifndef DRIVERS_PSCI_H
#define DRIVERS_PSCI_H
#include <stdint.h>
int  psci_cpu_on(int cpu, uintptr_t entry, uintptr_t context);  /* 0 or a negative PSCI error */
void psci_cpu_off(void) __attribute__((noreturn));
int  psci_affinity_info(int cpu);                                /* 0 on, 1 off, 2 on pending */
void psci_system_off(void) __attribute__((noreturn));
void semihost_exit(int status) __attribute__((noreturn));      /* QEMU exits with status */
#endif
