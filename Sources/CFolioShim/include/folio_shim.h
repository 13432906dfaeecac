// Small C functions for ncurses macros that Swift cannot import. ncurses only draws:
// folio reads and decodes the terminal's input itself.
#ifndef FOLIO_SHIM_H
#define FOLIO_SHIM_H
#include <stdint.h>

// Attributes (A_* are macros built from NCURSES_BITS).
uint32_t folio_a_bold(void);
uint32_t folio_a_underline(void);
uint32_t folio_a_reverse(void);
uint32_t folio_a_dim(void);
uint32_t folio_a_italic(void);

// Screen size of stdscr (getmaxyx is a macro).
int folio_rows(void);
int folio_cols(void);

// Mouse reports on or off (SGR 1006 over 1000; folio decodes them). Returns 0.
int folio_mouse_enable(int on);

// Put one cell (a grapheme cluster as UTF-8) at y, x with attrs and colour pair.
int folio_put_cell(int y, int x, const char *utf8, uint32_t attrs, int pair);

// Terminal mode helpers.
void folio_set_bracketed_paste(int on);
// Writes a control sequence of folio's own between frames (never inside one).
void folio_write_control(const char *bytes);

// Signals: the handlers only record the signal; the main loop acts on it.
// Installs for SIGHUP, SIGTERM, SIGINT, SIGQUIT and SIGWINCH, and ignores SIGPIPE.
void folio_signals_install(void);
// The first pending terminating signal number, or 0. Clears it.
int folio_signal_take(void);
// 1 if SIGWINCH arrived since the last call (folio's own handler; ncurses installs none).
int folio_winch_take(void);

// Whether the terminal type is known to terminfo (setupterm without exiting).
int folio_term_known(const char *term);
// Colours terminfo gives TERM (as ncurses' COLORS), without starting a screen; 0 for none.
int folio_term_colors(const char *term);

// Screen lifecycle on stdin/stdout (stdscr and stdout are C globals Swift 6 will not touch).
// Returns 0 on success, -1 when the terminal cannot be set up.
int folio_screen_start(int want_colors, int want_mouse);
void folio_screen_end(void);
int folio_colors(void);
int folio_init_pair(int pair, int fg, int bg);
void folio_cursor(int visible, int y, int x);
void folio_refresh(void);
/* Whether ncurses may shift cells with insert/delete character (idcok). Off while folio
   writes OSC 8 hyperlinks: a shifted cell would carry its link to text that has none. */
void folio_shift_cells(int allowed);
void folio_clear_screen(void);
// Resizes ncurses' screens (resize_term: no KEY_RESIZE is queued). Callers clamp first.
int folio_resize(int rows, int cols);

// Ctrl-Z outside a kiosk: restore the terminal, stop, and take it back on `fg`.
void folio_suspend(int want_mouse);

#endif
