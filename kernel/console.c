/*
 * kernel/console.c — console on the PL011.
 * Output: console_lock (a spinlock, interrupts off) is held for a whole write, so one write's
 * characters are never interleaved with another's; kprintf formats into a buffer first and
 * writes it once, so a kprintf line is atomic. '\n' goes out as "\r\n".
 * Input: the UART interrupt (routed to CPU 0) pushes bytes into rx_ring under rx_lock and wakes
 * readers on rx_wait. Ctrl-C (0x03) also sets the interrupt flag the VM polls and wakes
 * interruptible sleepers. Lock order: rx_lock -> sched_lock.
 * Flow control: when the ring is full the interrupt handler stops reading the UART and masks its
 * receive interrupt; QEMU then holds further input back (its PL011 accepts a byte only when the
 * holding register is empty), so a 64 KiB paste loses nothing. The reader unmasks once it has
 * consumed a quarter of the ring. A Ctrl-C typed while the ring is full waits behind it.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include "kernel/console.h"
#include "kernel/spinlock.h"
#include "kernel/thread.h"
#include "kernel/cpu.h"
#include "kernel/libc_glue.h"
#include "drivers/pl011.h"
#include "drivers/timer.h"

static spinlock_t console_lock = SPINLOCK_INIT("console");
static spinlock_t rx_lock = SPINLOCK_INIT("console-rx");
static struct waitq rx_wait = { 0, 0, "console-rx", 0 };
static unsigned char rx_ring[CONSOLE_RX_RING];
static unsigned rx_head, rx_tail;          /* [rx_lock] */
static unsigned long rx_dropped;
static volatile bool interrupted;
static bool ctrl_c_seen;                    /* [rx_lock] a Ctrl-C arrived in this interrupt */
static int ctrl_c_queued;                   /* [rx_lock] 0x03 bytes in rx_ring */
static int ctrl_c_skip;                     /* [rx_lock] of those, already acted upon: drop */
static bool rx_paused;                      /* [rx_lock] ring full: RX interrupt masked */


void console_init(void)
{
    pl011_init();
}

static void put(char c)
{
    if (c == '\n')
        pl011_putc('\r');
    pl011_putc(c);
}

void console_write(const char *buf, size_t n)
{
    spin_lock(&console_lock);
    for (size_t i = 0; i < n; i++)
        put(buf[i]);
    spin_unlock(&console_lock);
}

void console_write_raw(const char *s)
{
    while (*s)
        put(*s++);
}

void console_flush(void) { /* transmit is synchronous */ }

int kprintf(const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    int n = libc_vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0)
        return n;
    if ((size_t)n < sizeof buf) {
        console_write(buf, (size_t)n);
        return n;
    }
    char *big = malloc((size_t)n + 1);       /* long output: format again into the heap */
    if (!big) {
        console_write(buf, sizeof buf - 1);
        return n;
    }
    va_start(ap, fmt);
    libc_vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    console_write(big, (size_t)n);
    free(big);
    return n;
}

static void rx_byte(unsigned char c)
{
    if (c == 0x03) {
        interrupted = true;
        ctrl_c_seen = true;
    }
    if (rx_head - rx_tail < CONSOLE_RX_RING) {
        rx_ring[rx_head++ % CONSOLE_RX_RING] = c;
        ctrl_c_queued += c == 0x03;
    } else {
        rx_dropped++;
    }
}

static void rx_drain(void)                  /* [rx_lock] */
{
    while (rx_head - rx_tail < CONSOLE_RX_RING) {
        int c = pl011_getc_poll();
        if (c < 0)
            return;
        rx_byte((unsigned char)c);
    }
    if (pl011_rx_ready() && !rx_paused) {   /* full and more waiting: pause reception */
        rx_paused = true;
        pl011_rx_irq_enable(0);
    }
}

void console_rx_irq(void)
{
    spin_lock(&rx_lock);
    unsigned before = rx_head;
    rx_drain();
    pl011_rx_timeout_ack();
    if (rx_head != before)
        waitq_wake_all(&rx_wait);
    bool intr = ctrl_c_seen;
    ctrl_c_seen = false;
    spin_unlock(&rx_lock);
    if (intr)
        sched_interrupt_sleepers();
}

int console_getc_timeout(unsigned long long ns)
{
    spin_lock(&rx_lock);
    uint64_t deadline = deadline_after_ns(ns);
    while (rx_head == rx_tail) {
        uint64_t now = timer_now();
        if (deadline != DEADLINE_NONE && now >= deadline) {
            spin_unlock(&rx_lock);
            return -1;
        }
        waitq_sleep(&rx_wait, &rx_lock, deadline == DEADLINE_NONE ? UINT64_MAX : timer_ticks_to_ns(deadline - now));
    }
    int c = rx_ring[rx_tail++ % CONSOLE_RX_RING];
    if (rx_paused && rx_head - rx_tail <= CONSOLE_RX_RING * 3 / 4) {
        rx_paused = false;
        rx_drain();
        if (!rx_paused)
            pl011_rx_irq_enable(1);
    }
    if (c == 0x03) {
        ctrl_c_queued--;
        if (ctrl_c_skip > 0) {          /* its interrupt was already handled: not input */
            ctrl_c_skip--;
            spin_unlock(&rx_lock);
            return console_getc_timeout(ns);
        }
        interrupted = false;            /* the reader takes the interrupt as input */
    }
    spin_unlock(&rx_lock);
    return c;
}

int console_getc(void)
{
    return console_getc_timeout(UINT64_MAX);
}

bool console_interrupted(void) { return interrupted; }
/* Whoever acts on an interrupt (the VM raising KeyboardInterrupt, the shell ending a sleep)
 * clears it; the Ctrl-C byte still queued for it is then dropped from the input. */
void console_interrupt_clear(void)
{
    spin_lock(&rx_lock);
    if (interrupted && ctrl_c_queued > ctrl_c_skip)
        ctrl_c_skip++;
    interrupted = false;
    spin_unlock(&rx_lock);
}
