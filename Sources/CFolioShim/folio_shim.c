#define _XOPEN_SOURCE 700
#define _DEFAULT_SOURCE 1
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>
#include <stdlib.h>
#include <ncursesw/curses.h>
#include "folio_shim.h"

uint32_t folio_a_bold(void) { return (uint32_t)A_BOLD; }
uint32_t folio_a_underline(void) { return (uint32_t)A_UNDERLINE; }
uint32_t folio_a_reverse(void) { return (uint32_t)A_REVERSE; }
uint32_t folio_a_dim(void) { return (uint32_t)A_DIM; }
uint32_t folio_a_italic(void) { return (uint32_t)A_ITALIC; }
uint32_t folio_color_pair(int pair) { return (uint32_t)COLOR_PAIR(pair); }

int folio_rows(void) { int y, x; getmaxyx(stdscr, y, x); (void)x; return y; }
int folio_cols(void) { int y, x; getmaxyx(stdscr, y, x); (void)y; return x; }

int folio_mouse_enable(int on) {
    mmask_t want = on ? (BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED) : 0;
    mmask_t old = 0;
    mousemask(want, &old);
    mouseinterval(0);
    return 0;
}

int folio_mouse_read(int *y, int *x, int *kind) {
    MEVENT ev;
    if (getmouse(&ev) != OK) { *kind = FOLIO_MOUSE_NONE; return -1; }
    *y = ev.y; *x = ev.x;
    if (ev.bstate & BUTTON4_PRESSED) *kind = FOLIO_MOUSE_WHEEL_UP;
    else if (ev.bstate & BUTTON5_PRESSED) *kind = FOLIO_MOUSE_WHEEL_DOWN;
    else if (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) *kind = FOLIO_MOUSE_CLICK;
    else *kind = FOLIO_MOUSE_NONE;
    return 0;
}

int folio_key_resize(void) { return KEY_RESIZE; }

int folio_get_wch(uint32_t *out) {
    wint_t ch = 0;
    int r = get_wch(&ch);
    *out = (uint32_t)ch;
    return r;
}

int folio_put_cell(int y, int x, const char *utf8, uint32_t attrs, int pair) {
    wchar_t wbuf[16];
    size_t n = mbstowcs(wbuf, utf8, 15);
    if (n == (size_t)-1) { wbuf[0] = L'?'; n = 1; }
    wbuf[n] = 0;
    cchar_t cc;
    if (setcchar(&cc, wbuf, (attr_t)attrs, (short)pair, NULL) != OK) return -1;
    return mvadd_wch(y, x, &cc);
}

int folio_wcwidth(uint32_t cp) { return wcwidth((wchar_t)cp); }

void folio_set_bracketed_paste(int on) {
    fputs(on ? "\033[?2004h" : "\033[?2004l", stdout);
    fflush(stdout);
}
