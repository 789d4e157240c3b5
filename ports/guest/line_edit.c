/*
 * ports/guest/line_edit.c — the friendly REPL's line editor (MicroPython's conventions, so its
 * habits and host tools work): left/right/home/end, backspace, delete, Ctrl-U (kill the line),
 * Ctrl-K (kill to the end), history (up/down, KC_HIST lines), Tab = 4 spaces. On an empty line
 * Ctrl-A/B/D/E are the REPL's keys (raw REPL, banner, soft reset, paste mode), Ctrl-C abandons
 * the line anywhere: line_edit returns them as ED_* for ports/guest/repl.c to act on.
 * Called without the GIL (other Python threads run while the console waits for a key).
 * Locks: none. Only the console thread calls it; the history and last_cr are its alone.
 */
#include <string.h>
#include <stdio.h>
#include "port/port.h"
#include "guest.h"

#define KC_HIST 32

static char *hist[KC_HIST];
static int hist_n;
static int indent_next;         /* spaces the next line starts with (repl.c's auto-indent) */

void line_edit_indent(int spaces) { indent_next = spaces; }

void line_history_add(const char *s, size_t n)
{
    if (n == 0) return;
    if (hist_n > 0 && strlen(hist[(hist_n - 1) % KC_HIST]) == n && !memcmp(hist[(hist_n - 1) % KC_HIST], s, n)) return;
    char *c = port_malloc(n + 1);
    if (!c) return;
    memcpy(c, s, n);
    c[n] = 0;
    int slot = hist_n % KC_HIST;
    if (hist_n >= KC_HIST) port_free(hist[slot]);
    hist[slot] = c;
    hist_n++;
}

static void redraw(const char *prompt, const char *l, int n, int cur)
{
    char b[32];
    out("\r");
    out(prompt);
    outn(l, (size_t)n);
    out("\x1b[K");
    if (n > cur) { snprintf(b, sizeof b, "\x1b[%dD", n - cur); out(b); }
}

/* Read one edited line into l (NUL-terminated, at most KC_LINE_MAX-1 bytes); called without
 * the GIL. Returns ED_LINE or the control key's action. */
int line_edit(const char *prompt, char *l, int *len)
{
    static int last_cr;
    int n = 0, cur = 0, hpos = hist_n, over = 0;
    out(prompt);
    if (indent_next > 0 && indent_next < KC_LINE_MAX) {          /* auto-indent: already typed */
        memset(l, ' ', (size_t)indent_next);
        n = cur = indent_next;
        outn(l, (size_t)n);
    }
    indent_next = 0;
    for (;;) {
        int c = getch();
        if (c == '\n' && last_cr) { last_cr = 0; continue; }
        last_cr = 0;
        if (c == '\r' || c == '\n') {
            last_cr = c == '\r';
            out("\n");
            if (over) {
                char b[96];
                snprintf(b, sizeof b, "line too long (more than %d characters): ignored\n", KC_LINE_MAX - 1);
                out(b);
                n = 0;
            }
            l[n] = 0;
            *len = n;
            return ED_LINE;
        }
        if (c == 0x03) { out("\n"); *len = n; l[0] = 0; return ED_INTR; }
        if (n == 0) {
            if (c == 0x01) return ED_RAW;
            if (c == 0x02) { out("\n"); return ED_BANNER; }
            if (c == 0x04) { out("\n"); return ED_RESET; }
            if (c == 0x05) return ED_PASTE;
        }
        switch (c) {
        case 0x01: cur = 0; redraw(prompt, l, n, cur); continue;            /* home */
        case 0x05: cur = n; redraw(prompt, l, n, cur); continue;            /* end */
        case 0x08: case 0x7f:
            if (cur > 0) {
                if (cur == n) { n--; cur--; out("\b \b"); }
                else { memmove(l + cur - 1, l + cur, (size_t)(n - cur)); n--; cur--; redraw(prompt, l, n, cur); }
            }
            continue;
        case 0x15: n = cur = 0; over = 0; redraw(prompt, l, n, cur); continue;   /* Ctrl-U */
        case 0x0b: n = cur; redraw(prompt, l, n, cur); continue;                /* Ctrl-K */
        case '\t':
            for (int i = 0; i < 4 && n < KC_LINE_MAX - 1; i++) {
                memmove(l + cur + 1, l + cur, (size_t)(n - cur)); l[cur++] = ' '; n++;
            }
            redraw(prompt, l, n, cur);
            continue;
        case 0x1b: {
            int c2 = getch();
            if (c2 != '[' && c2 != 'O') continue;
            int c3 = getch(), arg = 0;
            while (c3 >= '0' && c3 <= '9') { arg = arg * 10 + (c3 - '0'); c3 = getch(); }
            if (c3 == 'A' || c3 == 'B') {                                   /* history */
                int np = hpos + (c3 == 'A' ? -1 : 1);
                if (np < 0 || np < hist_n - KC_HIST || np > hist_n) continue;
                hpos = np;
                if (hpos == hist_n) n = 0;
                else {
                    const char *h = hist[hpos % KC_HIST];
                    n = (int)strlen(h);
                    if (n > KC_LINE_MAX - 1) n = KC_LINE_MAX - 1;
                    memcpy(l, h, (size_t)n);
                }
                cur = n;
                redraw(prompt, l, n, cur);
            } else if (c3 == 'C') { if (cur < n) { cur++; out("\x1b[C"); } }
            else if (c3 == 'D') { if (cur > 0) { cur--; out("\x1b[D"); } }
            else if (c3 == 'H' || (c3 == '~' && (arg == 1 || arg == 7))) { cur = 0; redraw(prompt, l, n, cur); }
            else if (c3 == 'F' || (c3 == '~' && (arg == 4 || arg == 8))) { cur = n; redraw(prompt, l, n, cur); }
            else if (c3 == '~' && arg == 3 && cur < n) {
                memmove(l + cur, l + cur + 1, (size_t)(n - cur - 1)); n--; redraw(prompt, l, n, cur);
            }
            continue;
        }
        default: break;
        }
        if (c < 0x20) continue;                 /* other control characters: ignored */
        if (n >= KC_LINE_MAX - 1) { over = 1; continue; }
        if (cur == n) {
            l[n++] = (char)c; cur++;
            char ch = (char)c;
            outn(&ch, 1);
        } else {
            memmove(l + cur + 1, l + cur, (size_t)(n - cur));
            l[cur++] = (char)c; n++;
            redraw(prompt, l, n, cur);
        }
    }
}
