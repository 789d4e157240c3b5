/*
 * drivers/pl011.c — PL011 UART. Transmit is polled on the FIFO-full flag, so nothing is ever
 * dropped; kernel/console.c holds the console lock around whole writes so lines from different
 * cores never interleave. Receive is interrupt driven: pl011_irq() drains the FIFO into the
 * console's ring. No locking here: callers own the serialisation.
 */
#include "drivers/pl011.h"
#include "drivers/mmio.h"

#define UART_BASE 0x09000000u
#define DR    (UART_BASE + 0x00)
#define FR    (UART_BASE + 0x18)
#define LCRH  (UART_BASE + 0x2c)
#define CR    (UART_BASE + 0x30)
#define IFLS  (UART_BASE + 0x34)
#define IMSC  (UART_BASE + 0x38)
#define ICR   (UART_BASE + 0x44)
#define FR_RXFE (1u << 4)
#define FR_TXFF (1u << 5)
#define INT_RX  (1u << 4)
#define INT_RT  (1u << 6)

void pl011_init(void)
{
    mmio_write(CR, 0);
    mmio_write(ICR, 0x7ff & ~(INT_RX | INT_RT));   /* keep RX pending: input may be waiting */
    /* 8N1 with the FIFOs left off: on QEMU, turning FEN on flushes the receive FIFO and loses
     * whatever was typed (or piped) before boot; without it QEMU holds input back until the
     * one-byte holding register is read, so nothing is lost. */
    mmio_write(LCRH, 0x60);
    mmio_write(IFLS, 0);                /* receive interrupt at 1/8 full; timeout covers the rest */
    mmio_write(IMSC, INT_RX | INT_RT);
    mmio_write(CR, 0x301);              /* UARTEN, TXE, RXE */
}

void pl011_putc(char c)
{
    while (mmio_read(FR) & FR_TXFF)
        ;
    mmio_write(DR, (unsigned char)c);
}

void pl011_rx_irq_enable(int on)
{
    mmio_write(IMSC, on ? (INT_RX | INT_RT) : 0);
}

void pl011_rx_timeout_ack(void)
{
    mmio_write(ICR, INT_RT);
}

int pl011_rx_ready(void)
{
    return !(mmio_read(FR) & FR_RXFE);
}

int pl011_getc_poll(void)
{
    if (mmio_read(FR) & FR_RXFE)
        return -1;
    return mmio_read(DR) & 0xff;
}

void pl011_irq(void (*rx)(unsigned char))
{
    while (!(mmio_read(FR) & FR_RXFE))
        rx((unsigned char)(mmio_read(DR) & 0xff));
    /* No ICR write for RX: reading DR lowers the RX interrupt, and clearing it here could
     * swallow the interrupt of a byte that arrived after the last read. */
    mmio_write(ICR, INT_RT);
}
