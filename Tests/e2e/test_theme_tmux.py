"""The live browser and `folio render` draw the same colours: both read one theme table.

Each screen is drawn twice in tmux at the same size and TERM: once by the live UI, once by
`folio render` printing to the pane. capture-pane -e gives both back with SGR escapes, parsed
here into cells of (character, foreground, attributes) and compared whole.
"""
import os
import re
import shlex
import shutil
import tempfile
import unittest

from tmux_util import FOLIO_BIN, REPO, Pane, have_tmux

CONTENT = os.path.join(REPO, "Content")
SGR = re.compile(r"\x1b\[([0-9;:]*)m")
ATTRIBUTES = {1: "bold", 2: "dim", 3: "italic", 4: "underline", 7: "reverse", 9: "strike"}
OFF = {22: ("bold", "dim"), 23: ("italic",), 24: ("underline",), 27: ("reverse",), 29: ("strike",)}


def cells(captured, rows):
    """Rows of (char, foreground, attributes); trailing unstyled blanks dropped."""
    screen = []
    fg, attrs = None, set()
    for line in captured.split("\n")[:rows]:
        row = []
        pos = 0
        for match in SGR.finditer(line):
            row += [(c, fg, frozenset(attrs)) for c in line[pos:match.start()]]
            pos = match.end()
            codes = [int(p) if p else 0 for p in re.split("[;:]", match.group(1))]
            i = 0
            while i < len(codes):
                code = codes[i]
                if code == 0:
                    fg, attrs = None, set()
                elif code in ATTRIBUTES:
                    attrs.add(ATTRIBUTES[code])
                elif code in OFF:
                    attrs.difference_update(OFF[code])
                elif 30 <= code <= 37:
                    fg = code - 30
                elif 90 <= code <= 97:
                    fg = code - 90 + 8
                elif code == 39:
                    fg = None
                elif code in (38, 48) and i + 2 < len(codes) and codes[i + 1] == 5:
                    if code == 38:
                        fg = codes[i + 2]
                    i += 2
                i += 1
        row += [(c, fg, frozenset(attrs)) for c in line[pos:]]
        while row and row[-1][0] == " " and row[-1][1] is None and not row[-1][2]:
            row.pop()
        screen.append(row)
    return screen


def style_of(screen, text):
    """The (foreground, attributes) of the first character of `text` on the screen."""
    for row in screen:
        line = "".join(c for c, _, _ in row)
        at = line.find(text)
        if at >= 0:
            return row[at][1], row[at][2]
    raise AssertionError(f"{text!r} is not on the screen")


@unittest.skipUnless(have_tmux(), "tmux is not installed")
def visible(row):
    """A row as it looks: a blank shows no colour, bold or italic (the live UI writes the gap
    in "[Go] [Kafka]" in the tags' colour so the terminal is not sent the colour twice), only
    underline and reverse."""
    return [(" ", None, attrs & {"underline", "reverse"}) if char == " " else (char, colour, attrs)
            for char, colour, attrs in row]


class LiveAndRenderColours(unittest.TestCase):
    def live(self, keys, ready):
        # A state directory of its own: a draft left by another run would change the status bar.
        state = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, state, True)
        pane = Pane(f"{FOLIO_BIN} --content {CONTENT}", width=80, height=24, env={"XDG_STATE_HOME": state})
        self.addCleanup(pane.kill)
        pane.wait_for("About")
        for key in keys:
            pane.send(key)
        pane.wait_for(*ready)
        return cells(pane.styled(), 24)

    def rendered(self, keys):
        # A taller pane, so printing 24 lines and the shell's marker scrolls nothing away.
        pane = Pane(f"{FOLIO_BIN} render --content {CONTENT} --size 80x24 --keys '{keys}'", width=80, height=30)
        self.addCleanup(pane.kill)
        pane.wait_for("FOLIO-EXITED=0")
        return cells(pane.styled(), 24)

    def assert_same(self, live, rendered):
        for y, (a, b) in enumerate(zip(live, rendered)):
            a, b = visible(a), visible(b)
            self.assertEqual(a, b, f"row {y} differs:\nlive:   {a}\nrender: {b}")

    def test_about_title_and_tags(self):
        live = self.live([], ["Tags", "[TypeScript]"])
        rendered = self.rendered("")
        self.assert_same(live, rendered)
        # The name in the header is a title: bold in the terminal's own colour (render used
        # cyan); a tag is magenta (render used blue).
        self.assertEqual(style_of(live, "Engineering"), (None, frozenset({"bold"})))
        self.assertEqual(style_of(live, "TypeScript")[0], 5)

    def test_contact_urls(self):
        live = self.live(["5"], ["Website", "https://example.com"])
        rendered = self.rendered("5")
        self.assert_same(live, rendered)
        # A URL is grey at 256 colours (render used blue).
        self.assertEqual(style_of(live, "https://example.com")[0], 244)


@unittest.skipUnless(have_tmux(), "tmux is not installed")
class AutoTheme(unittest.TestCase):
    """--theme auto asks the terminal (OSC 11; tmux answers from window-style), then COLORFGBG."""

    def live(self, env=None, background=None, flags=""):
        state = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, state, True)
        go = os.path.join(state, "go")
        # folio starts only once the pane's background is set, so the answer is the one meant.
        script = f"while [ ! -e {go} ]; do sleep 0.02; done; exec {FOLIO_BIN} --content {CONTENT} {flags}"
        command = "sh -c " + shlex.quote(script)
        pane = Pane(command, width=80, height=24, env={"XDG_STATE_HOME": state, **(env or {})})
        self.addCleanup(pane.kill)
        if background:
            pane._tmux("set-option", "-p", "-t", pane.name, "window-style", f"bg={background}")
        open(go, "w").close()
        screen = pane.wait_for("Tags", "[TypeScript]")
        self.assertNotIn("rgb:", screen)
        self.assertNotIn("11;", screen)
        return cells(pane.styled(), 24)

    def test_a_light_answer_picks_the_light_theme(self):
        live = self.live(background="colour231")
        self.assertEqual(style_of(live, "TypeScript")[0], 90)   # LightTheme's tag colour

    def test_a_dark_answer_wins_over_colorfgbg(self):
        live = self.live(env={"COLORFGBG": "0;15"}, background="black")
        self.assertEqual(style_of(live, "TypeScript")[0], 5)

    def test_no_answer_falls_back_to_colorfgbg(self):
        live = self.live(env={"COLORFGBG": "0;15"})
        self.assertEqual(style_of(live, "TypeScript")[0], 90)

    def test_flag_beats_the_answer(self):
        live = self.live(background="colour231", flags="--theme dark")
        self.assertEqual(style_of(live, "TypeScript")[0], 5)


if __name__ == "__main__":
    unittest.main()
