/* drivers/gic.h — GICv2: distributor 0x08000000, CPU interface 0x08010000. */
#ifndef DRIVERS_GIC_H
#define DRIVERS_GIC_H
#include <stdint.h>
void     gic_dist_init(void);                       /* once, CPU 0 */
void     gic_cpu_init(void);                        /* every core, each time it comes online */
void     gic_cpu_disable(void);                     /* before CPU_OFF */
void     gic_enable_irq(int irq, uint8_t prio, uint8_t cpu_mask);
uint32_t gic_ack(void);                             /* IAR; irq id is the low 10 bits */
void     gic_eoi(uint32_t iar);
void     gic_send_sgi(uint8_t cpu_mask, int sgi);
int      gic_num_cpus(void);                        /* CPU interfaces QEMU created = -smp */
#define GIC_SPURIOUS 1023
#endif
