/* drivers/pl011.h — the PL011 UART at 0x09000000 (SPI 1 = IRQ 33). */
#ifndef DRIVERS_PL011_H
#define DRIVERS_PL011_H
void pl011_init(void);
void pl011_putc(char c);                   /* polled; caller serialises (kernel/console.c) */
void pl011_irq(void (*rx)(unsigned char)); /* drain the receive FIFO into rx() */
void pl011_rx_irq_enable(int on);          /* flow control: mask/unmask RX interrupts */
int  pl011_rx_ready(void);
void pl011_rx_timeout_ack(void);           /* clear the receive-timeout interrupt */                 /* a byte waits in the receive register */
int  pl011_getc_poll(void);                /* -1 if nothing; for panic-time use only */
#endif
