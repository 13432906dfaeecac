#define _XOPEN_SOURCE 700
#define _DEFAULT_SOURCE 1
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>
#include <stdlib.h>
#include <signal.h>
#include <unistd.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#include "folio_shim.h"

uint32_t folio_a_bold(void) { return (uint32_t)A_BOLD; }
uint32_t folio_a_underline(void) { return (uint32_t)A_UNDERLINE; }
uint32_t folio_a_reverse(void) { return (uint32_t)A_REVERSE; }
uint32_t folio_a_dim(void) { return (uint32_t)A_DIM; }
uint32_t folio_a_italic(void) { return (uint32_t)A_ITALIC; }

int folio_rows(void) { int y, x; getmaxyx(stdscr, y, x); (void)x; return y; }
int folio_cols(void) { int y, x; getmaxyx(stdscr, y, x); (void)y; return x; }

// Mouse reports as SGR (1006) over normal tracking (1000): presses, releases and the wheel.
// folio decodes them itself (InputDecoder); ncurses never reads input.
int folio_mouse_enable(int on) {
    fputs(on ? "\033[?1000h\033[?1006h" : "\033[?1006l\033[?1000l", stdout);
    fflush(stdout);
    return 0;
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

// A control sequence of folio's own (a query, a clipboard copy, mouse on or off), written
// after ncurses has flushed a frame (refresh empties its buffer), so the two stay in step.
void folio_write_control(const char *bytes) {
    fflush(stdout);
    fputs(bytes, stdout);
    fflush(stdout);
}

void folio_set_bracketed_paste(int on) {
    fputs(on ? "\033[?2004h" : "\033[?2004l", stdout);
    fflush(stdout);
}

static volatile sig_atomic_t pending_signal = 0;

static void record_signal(int sig) {
    if (pending_signal == 0) pending_signal = sig;
}

static volatile sig_atomic_t pending_winch = 0;

static void record_winch(int sig) {
    (void)sig;
    pending_winch = 1;
}

void folio_signals_install(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = record_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;  // no SA_RESTART: a blocking poll() returns EINTR so the loop sees the flag
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGQUIT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
    // Our own SIGWINCH handler, installed before newterm: ncurses installs its own only over
    // SIG_DFL, and its own would resize the screens to whatever size the client claims.
    sa.sa_handler = record_winch;
    sigaction(SIGWINCH, &sa, NULL);
}

int folio_signal_take(void) {
    int s = pending_signal;
    pending_signal = 0;
    return s;
}

int folio_winch_take(void) {
    int w = pending_winch;
    pending_winch = 0;
    return w;
}

int folio_term_known(const char *term) {
    int err = 0;
    if (term == NULL || term[0] == 0) return 0;
    if (setupterm((char *)term, 1, &err) != OK) return 0;
    del_curterm(cur_term);
    return err == 1;
}

int folio_term_colors(const char *term) {
    int err = 0, colors = 0;
    if (term == NULL || term[0] == 0) return 0;
    if (setupterm((char *)term, 1, &err) != OK) return 0;
    char *setaf = tigetstr("setaf");
    if (setaf != NULL && setaf != (char *)-1) colors = tigetnum("colors");
    del_curterm(cur_term);
    return colors > 0 ? colors : 0;
}

static SCREEN *folio_screen = NULL;

int folio_screen_start(int want_colors, int want_mouse) {
    setlocale(LC_ALL, "");
    // The size ncurses starts with comes from terminfo, never from the client: not from
    // LINES/COLUMNS and not from the tty's claimed size (use_env(FALSE) turns both off unless
    // use_tioctl(TRUE)). The Swift side then reads the tty's size, clamps it, and sets it
    // with folio_resize; a huge claim never reaches ncurses' allocations.
    use_env(FALSE);
    folio_screen = newterm(NULL, stdout, stdin);
    if (folio_screen == NULL) return -1;
    set_term(folio_screen);
    typeahead(-1);         // never peek at stdin mid-refresh: a flood of input cannot stall output
    raw();                 // ^C, ^Z and ^\ arrive as keys: nothing suspends or dumps core
    noecho();
    nonl();
    meta(stdscr, TRUE);
    intrflush(stdscr, FALSE);
    curs_set(0);
    if (want_colors && has_colors()) {
        start_color();
        use_default_colors();
    }
    if (want_mouse) folio_mouse_enable(1);
    folio_set_bracketed_paste(1);
    return 0;
}

void folio_screen_end(void) {
    if (folio_screen == NULL) return;
    folio_mouse_enable(0);
    folio_set_bracketed_paste(0);
    curs_set(1);
    endwin();
    // Belt and braces for terminals that kept mouse tracking on.
    fputs("\033[?1000l\033[?1002l\033[?1006l", stdout);
    fflush(stdout);
    delscreen(folio_screen);
    folio_screen = NULL;
}

int folio_colors(void) { return has_colors() ? COLORS : 0; }
int folio_init_pair(int pair, int fg, int bg) { return init_pair((short)pair, (short)fg, (short)bg); }
void folio_cursor(int visible, int y, int x) {
    if (visible) { move(y, x); curs_set(1); } else { curs_set(0); }
}
void folio_refresh(void) { refresh(); }
void folio_shift_cells(int allowed) { idcok(stdscr, allowed ? TRUE : FALSE); }
void folio_clear_screen(void) { clearok(stdscr, TRUE); }
int folio_resize(int rows, int cols) { return resize_term(rows, cols); }

void folio_suspend(int want_mouse) {
    folio_mouse_enable(0);
    folio_set_bracketed_paste(0);
    endwin();
    kill(getpid(), SIGTSTP);   // default action stops us; the shell's `fg` continues here
    folio_set_bracketed_paste(1);
    if (want_mouse) folio_mouse_enable(1);
    clearok(stdscr, TRUE);
    refresh();
}
