/*
 * ports/guest/line_edit.c — the console's line editor, for the friendly REPL and for input()
 * (MicroPython's conventions, so its habits and host tools work): left/right/home/end,
 * backspace, delete, Ctrl-U (kill the line), Ctrl-K (kill to the end), Tab = 4 spaces; the REPL
 * also has history (up/down, KC_HIST lines). On an empty REPL line Ctrl-A/B/D/E are the REPL's
 * keys (raw REPL, banner, soft reset, paste mode), Ctrl-C abandons the line anywhere: line_edit
 * returns them as ED_* for ports/guest/repl.c to act on. In input() Ctrl-C is ED_INTR and
 * Ctrl-D on an empty line ED_EOF (KeyboardInterrupt, EOFError); the other keys are ignored.
 *
 * The line is UTF-8. Editing is by code point: Backspace and Delete remove one code point,
 * Left/Right step over one character (a code point and the zero-width marks after it); bytes
 * that are not valid UTF-8 are dropped as they arrive, so the line is always valid UTF-8. The
 * screen is drawn by display width (cp_width: East Asian wide and fullwidth characters take two
 * columns, combining marks none), and every redraw moves the cursor relative to where it is, so
 * the prompt (input()'s, or text a program printed before it) is never rewritten.
 *
 * Called without the GIL (other Python threads run while the console waits for a key).
 * Locks: none. The REPL calls it on the console thread, input() on whichever Python thread asks
 * (usually the console's own program). A background thread's input() while the REPL also waits
 * at its prompt shares the keyboard with it: each key goes to whichever reads it first, as it
 * always has, and the plain-int statics (last_cr, the pushed-back byte) may be raced; the
 * history is only touched by the REPL (line_history_add, the up/down keys).
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

/* ---- characters: UTF-8 and display width --------------------------------------------------- */

/* Columns a code point takes on a terminal: 0 for combining marks, zero-width characters and
 * variation selectors; 2 for East Asian Wide and Fullwidth characters (Unicode's
 * EastAsianWidth.txt W/F: CJK, Hangul syllables, kana, fullwidth forms, most emoji); 1 else.
 * The tables are the common blocks, not every code point Unicode lists. */
static int cp_width(uint32_t cp)
{
    static const uint32_t zero[][2] = {
        {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x05BF, 0x05BF}, {0x05C1, 0x05C2},
        {0x05C4, 0x05C5}, {0x05C7, 0x05C7}, {0x0610, 0x061A}, {0x064B, 0x065F}, {0x0670, 0x0670},
        {0x06D6, 0x06DC}, {0x06DF, 0x06E4}, {0x06E7, 0x06E8}, {0x06EA, 0x06ED}, {0x0E31, 0x0E31},
        {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E}, {0x1160, 0x11FF}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF},
        {0x200B, 0x200F}, {0x2060, 0x2064}, {0x20D0, 0x20FF}, {0x302A, 0x302D}, {0x3099, 0x309A},
        {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0xE0100, 0xE01EF},
    };
    static const uint32_t wide[][2] = {
        {0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x23E9, 0x23EC}, {0x2E80, 0x303E},
        {0x3041, 0x33FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xA000, 0xA4CF}, {0xA960, 0xA97F},
        {0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE10, 0xFE19}, {0xFE30, 0xFE6F}, {0xFF00, 0xFF60},
        {0xFFE0, 0xFFE6}, {0x1F300, 0x1F64F}, {0x1F900, 0x1F9FF}, {0x20000, 0x2FFFD},
        {0x30000, 0x3FFFD},
    };
    if (cp < 0x300) return 1;
    for (size_t i = 0; i < sizeof zero / sizeof zero[0]; i++)
        if (cp >= zero[i][0] && cp <= zero[i][1]) return 0;
    for (size_t i = 0; i < sizeof wide / sizeof wide[0]; i++)
        if (cp >= wide[i][0] && cp <= wide[i][1]) return 2;
    return 1;
}

/* The code point starting at l[i] (the line is valid UTF-8); *len gets its byte count. */
static uint32_t cp_at(const char *l, int i, int *len)
{
    const unsigned char *s = (const unsigned char *)l + i;
    if (s[0] < 0x80) { *len = 1; return s[0]; }
    if (s[0] < 0xE0) { *len = 2; return (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F); }
    if (s[0] < 0xF0) { *len = 3; return (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3F); }
    *len = 4;
    return (uint32_t)(s[0] & 0x07) << 18 | (uint32_t)(s[1] & 0x3F) << 12 | (uint32_t)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
}

static int is_cont(const char *l, int i) { return ((unsigned char)l[i] & 0xC0) == 0x80; }

/* The start of the code point before byte offset i (> 0). */
static int cp_prev(const char *l, int i)
{
    do i--; while (i > 0 && is_cont(l, i));
    return i;
}

/* Columns l[from..to) takes on the screen. */
static int cols(const char *l, int from, int to)
{
    int w = 0, k;
    for (int i = from; i < to; i += k) w += cp_width(cp_at(l, i, &k));
    return w;
}

/* The next character boundary after cur: one code point and the zero-width marks after it. */
static int char_next(const char *l, int n, int cur)
{
    int k;
    cp_at(l, cur, &k);
    cur += k;
    while (cur < n && cp_width(cp_at(l, cur, &k)) == 0) cur += k;
    return cur;
}

/* The character boundary before cur: back over zero-width marks to the code point they sit on. */
static int char_prev(const char *l, int cur)
{
    int k;
    cur = cp_prev(l, cur);
    while (cur > 0 && cp_width(cp_at(l, cur, &k)) == 0) cur = cp_prev(l, cur);
    return cur;
}

/* One byte of input; a byte pushed back by read_char comes first. */
static int pushed = -1;
static int next_byte(void)
{
    if (pushed >= 0) { int c = pushed; pushed = -1; return c; }
    return getch();
}

/* A whole UTF-8 sequence starting with lead byte c into u (returns its length), or 0 when the
 * bytes are not valid UTF-8 (an overlong form, a surrogate, beyond U+10FFFF, a stray
 * continuation byte): they are dropped; a byte that cannot continue the sequence is pushed back
 * to be read on its own. */
static int read_char(int c, char *u)
{
    int need, lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) need = 1;
    else if (c >= 0xE0 && c <= 0xEF) { need = 2; if (c == 0xE0) lo = 0xA0; if (c == 0xED) hi = 0x9F; }
    else if (c >= 0xF0 && c <= 0xF4) { need = 3; if (c == 0xF0) lo = 0x90; if (c == 0xF4) hi = 0x8F; }
    else return 0;
    u[0] = (char)c;
    for (int i = 1; i <= need; i++) {
        int d = next_byte();
        if (d < lo || d > hi) { pushed = d; return 0; }
        u[i] = (char)d;
        lo = 0x80; hi = 0xBF;
    }
    return need + 1;
}

/* ---- drawing -------------------------------------------------------------------------------- */
static void cursor_left(int w)
{
    char b[16];
    if (w <= 0) return;                /* "\x1b[0D" would move one column on most terminals */
    snprintf(b, sizeof b, "\x1b[%dD", w);
    out(b);
}

static void cursor_right(int w)
{
    char b[16];
    if (w <= 0) return;
    snprintf(b, sizeof b, "\x1b[%dC", w);
    out(b);
}

/* Redraw the line after the prompt: the terminal's cursor is *col columns into the line; back to
 * the line's start, the line, clear to the end, then to the column of byte offset cur. */
static void redraw(const char *l, int n, int cur, int *col)
{
    cursor_left(*col);
    outn(l, (size_t)n);
    out("\x1b[K");
    cursor_left(cols(l, cur, n));
    *col = cols(l, 0, cur);
}

/* ---- the editor ----------------------------------------------------------------------------- */
static int edit(const char *prompt, char *l, int cap, int *len, int repl)
{
    static int last_cr;
    int n = 0, cur = 0, col = 0, hpos = hist_n, over = 0;
    out(prompt);
    if (indent_next > 0 && indent_next < KC_LINE_MAX) {          /* auto-indent: already typed */
        memset(l, ' ', (size_t)indent_next);
        n = cur = indent_next;
        outn(l, (size_t)n);
    }
    indent_next = 0;
    for (;;) {
        int c = next_byte();
        if (c == '\n' && last_cr) { last_cr = 0; continue; }
        last_cr = 0;
        if (c == '\r' || c == '\n') {
            last_cr = c == '\r';
            out("\n");
            if (over) {
                char b[96];
                snprintf(b, sizeof b, "line too long (more than %d characters): ignored\n", cap - 1);
                out(b);
                n = 0;
            }
            l[n] = 0;
            *len = n;
            return ED_LINE;
        }
        if (c == 0x03) { out("\n"); *len = n; l[0] = 0; return ED_INTR; }
        if (n == 0 && repl) {
            if (c == 0x01) return ED_RAW;
            if (c == 0x02) { out("\n"); return ED_BANNER; }
            if (c == 0x04) { out("\n"); return ED_RESET; }
            if (c == 0x05) return ED_PASTE;
        }
        if (n == 0 && !repl && c == 0x04) { out("\n"); *len = 0; l[0] = 0; return ED_EOF; }
        switch (c) {
        case 0x01: cursor_left(col); col = 0; cur = 0; continue;                        /* home */
        case 0x05: cur = n; redraw(l, n, cur, &col); continue;                          /* end */
        case 0x08: case 0x7f:                                   /* backspace: one code point */
            if (cur > 0) {
                int p = cp_prev(l, cur), k, w = cp_width(cp_at(l, p, &k)), at_end = cur == n;
                memmove(l + p, l + cur, (size_t)(n - cur));
                n -= cur - p;
                cur = p;
                if (at_end && w > 0) {                /* at the end: rub it out */
                    for (int i = 0; i < w; i++) out("\b");
                    for (int i = 0; i < w; i++) out(" ");
                    for (int i = 0; i < w; i++) out("\b");
                    col -= w;
                } else {
                    redraw(l, n, cur, &col);
                }
            }
            continue;
        case 0x15: n = cur = 0; over = 0; redraw(l, n, cur, &col); continue;            /* Ctrl-U */
        case 0x0b: n = cur; redraw(l, n, cur, &col); continue;                          /* Ctrl-K */
        case '\t':
            for (int i = 0; i < 4 && n < cap - 1; i++) {
                memmove(l + cur + 1, l + cur, (size_t)(n - cur)); l[cur++] = ' '; n++;
            }
            redraw(l, n, cur, &col);
            continue;
        case 0x1b: {
            int c2 = next_byte();
            if (c2 != '[' && c2 != 'O') continue;
            int c3 = next_byte(), arg = 0;
            while (c3 >= '0' && c3 <= '9') { arg = arg * 10 + (c3 - '0'); c3 = next_byte(); }
            if (c3 == 'A' || c3 == 'B') {                                   /* history */
                if (!repl) continue;
                int np = hpos + (c3 == 'A' ? -1 : 1);
                if (np < 0 || np < hist_n - KC_HIST || np > hist_n) continue;
                hpos = np;
                if (hpos == hist_n) n = 0;
                else {
                    const char *h = hist[hpos % KC_HIST];
                    n = (int)strlen(h);
                    if (n > cap - 1) n = cap - 1;
                    while (n > 0 && is_cont(h, n)) n--;       /* whole code points only */
                    memcpy(l, h, (size_t)n);
                }
                cur = n;
                redraw(l, n, cur, &col);
            } else if (c3 == 'C') {
                if (cur < n) { int nx = char_next(l, n, cur), w = cols(l, cur, nx); cur = nx; col += w; cursor_right(w); }
            } else if (c3 == 'D') {
                if (cur > 0) { int pv = char_prev(l, cur), w = cols(l, pv, cur); cur = pv; col -= w; cursor_left(w); }
            }
            else if (c3 == 'H' || (c3 == '~' && (arg == 1 || arg == 7))) { cursor_left(col); col = 0; cur = 0; }
            else if (c3 == 'F' || (c3 == '~' && (arg == 4 || arg == 8))) { cur = n; redraw(l, n, cur, &col); }
            else if (c3 == '~' && arg == 3 && cur < n) {                   /* delete: one code point */
                int k;
                cp_at(l, cur, &k);
                memmove(l + cur, l + cur + k, (size_t)(n - cur - k)); n -= k; redraw(l, n, cur, &col);
            }
            continue;
        }
        default: break;
        }
        if (c < 0x20) continue;                 /* other control characters: ignored */
        char u[4];
        int k = 1;
        u[0] = (char)c;
        if (c >= 0x80 && (k = read_char(c, u)) == 0) continue;     /* not UTF-8: dropped */
        if (n + k > cap - 1) { over = 1; continue; }
        memmove(l + cur + k, l + cur, (size_t)(n - cur));
        memcpy(l + cur, u, (size_t)k);
        n += k;
        cur += k;
        if (cur == n) {                         /* at the end: just echo it */
            int w = 0, kk;
            for (int i = 0; i < k; i += kk) w += cp_width(cp_at(u, i, &kk));
            outn(u, (size_t)k);
            col += w;
        } else {
            redraw(l, n, cur, &col);
        }
    }
}

int line_edit(const char *prompt, char *l, int *len)
{
    return edit(prompt, l, KC_LINE_MAX, len, 1);
}

int line_edit_input(const char *prompt, char *l, int cap, int *len)
{
    return edit(prompt, l, cap, len, 0);
}
