/*
 * drivers/gic.c — GICv2 distributor and per-CPU interface. QEMU virt without security
 * extensions: one group, GICD_CTLR/GICC_CTLR bit 0 enable everything.
 * Priorities (lower is more urgent): SGIs 0x80, timer 0x90, UART 0xa0; PMR 0xf0 lets all in.
 * Registers 0-31 of the banked SGI/PPI range are per core, so gic_cpu_init runs on each core.
 */
#include "drivers/gic.h"
#include "drivers/mmio.h"

#define GICD 0x08000000u
#define GICC 0x08010000u
#define GICD_CTLR       (GICD + 0x000)
#define GICD_TYPER      (GICD + 0x004)
#define GICD_ISENABLER  (GICD + 0x100)
#define GICD_ICENABLER  (GICD + 0x180)
#define GICD_ICPENDR    (GICD + 0x280)
#define GICD_IPRIORITYR (GICD + 0x400)
#define GICD_ITARGETSR  (GICD + 0x800)
#define GICD_SGIR       (GICD + 0xf00)
#define GICC_CTLR       (GICC + 0x00)
#define GICC_PMR        (GICC + 0x04)
#define GICC_BPR        (GICC + 0x08)
#define GICC_IAR        (GICC + 0x0c)
#define GICC_EOIR       (GICC + 0x10)

static int nlines;

static void set_prio(int irq, uint8_t prio)
{
    volatile uint8_t *p = (volatile uint8_t *)(GICD_IPRIORITYR + irq);
    *p = prio;
}

int gic_num_cpus(void) { return (int)((mmio_read(GICD_TYPER) >> 5) & 7) + 1; }

void gic_dist_init(void)
{
    mmio_write(GICD_CTLR, 0);
    nlines = 32 * ((mmio_read(GICD_TYPER) & 0x1f) + 1);
    for (int i = 32; i < nlines; i += 32) {
        mmio_write(GICD_ICENABLER + i / 8, 0xffffffffu);
        mmio_write(GICD_ICPENDR + i / 8, 0xffffffffu);
    }
    for (int i = 32; i < nlines; i++) {
        set_prio(i, 0xa0);
        *(volatile uint8_t *)(GICD_ITARGETSR + i) = 0x01;
    }
    mmio_write(GICD_CTLR, 1);
}

void gic_cpu_init(void)
{
    mmio_write(GICD_ICENABLER, 0xffffffffu);     /* banked: this core's SGIs/PPIs */
    for (int i = 0; i < 16; i++)
        set_prio(i, 0x80);
    for (int i = 16; i < 32; i++)
        set_prio(i, 0x90);
    mmio_write(GICD_ISENABLER, 0x0000ffffu);     /* all SGIs */
    mmio_write(GICC_PMR, 0xf0);
    mmio_write(GICC_BPR, 0);
    mmio_write(GICC_CTLR, 1);
}

void gic_cpu_disable(void)
{
    mmio_write(GICD_ICENABLER, 0xffffffffu);
    mmio_write(GICC_CTLR, 0);
}

void gic_enable_irq(int irq, uint8_t prio, uint8_t cpu_mask)
{
    set_prio(irq, prio);
    if (irq >= 32)
        *(volatile uint8_t *)(GICD_ITARGETSR + irq) = cpu_mask;
    mmio_write(GICD_ISENABLER + (irq / 32) * 4, 1u << (irq % 32));
}

uint32_t gic_ack(void) { return mmio_read(GICC_IAR); }
void gic_eoi(uint32_t iar) { mmio_write(GICC_EOIR, iar); }

void gic_send_sgi(uint8_t cpu_mask, int sgi)
{
    __asm__ volatile("dsb" ::: "memory");   /* make our stores visible before the target wakes */
    mmio_write(GICD_SGIR, ((uint32_t)cpu_mask << 16) | (uint32_t)(sgi & 15));
}
