"""Emoji and other multi-character clusters on a real terminal: what tmux shows must be what
`folio render` says the Buffer holds, cell for cell, after moving between items (issue 11,
item 10). A cluster the Buffer counts wider or narrower than ncurses advances leaves stale
letters; a ZWJ sequence cut after its first emoji left a ZWJ that joined the next border.
"""
import os
import shutil
import subprocess
import tempfile
import time
import unittest

from tmux_util import FOLIO_BIN, Pane, have_tmux

# Base + VS16 (ncurses advances one column), ZWJ sequences, skin tones, flags, keycaps, a
# subdivision flag, CJK, stacked combining marks and a Devanagari consonant with its vowel sign.
CLUSTERS = ["❤️", "✔️", "☺️", "👨‍👩‍👧", "👩‍💻", "🏳️‍🌈", "👍🏽", "🇯🇵", "🇩🇪", "1️⃣", "🏴󠁧󠁢󠁳󠁣󠁴󠁿",
            "日本", "e\u0301\u0302", "कि", "😀"]


def page(title, order, salt):
    mixed = " ".join(f"{c}{salt}" for c in CLUSTERS)
    lines = "\n".join(f"I {c}i Go {c} and {c}{c} end." for c in CLUSTERS)
    return (f'---\ntitle: "{title} {CLUSTERS[order % len(CLUSTERS)]} x"\n'
            f'summary: "{mixed}"\norder: {order}\ntags: [Go]\n---\n{mixed}\n\n{lines}\n\n| a | b |\n|---|---|\n'
            + "\n".join(f"| {c} | {c}{c} |" for c in CLUSTERS) + "\n")


@unittest.skipUnless(have_tmux(), "tmux is not installed")
class EmojiOnScreen(unittest.TestCase):
    def setUp(self):
        self.content = tempfile.mkdtemp(prefix="folio-emoji-")
        self.addCleanup(shutil.rmtree, self.content, True)
        os.makedirs(os.path.join(self.content, "services"))
        # Drafts and settings of their own, so a draft another run left shows on neither side.
        self.env = {"XDG_STATE_HOME": os.path.join(self.content, ".state"),
                    "XDG_CONFIG_HOME": os.path.join(self.content, ".config"),
                    "FOLIO_OUTBOX": os.path.join(self.content, ".outbox")}
        with open(os.path.join(self.content, "profile.md"), "w") as f:
            f.write('---\nname: "Emoji ❤️ 👨‍👩‍👧"\nheadline: "Clusters 🇯🇵 ✔️"\nemail: a@example.com\n---\n'
                    + " ".join(CLUSTERS) + "\n")
        with open(os.path.join(self.content, "stack.yml"), "w") as f:
            f.write("groups:\n  - name: \"Langs ☺️\"\n    tags: [Go]\n")
        for i in range(4):
            with open(os.path.join(self.content, "services", f"s{i}.md"), "w") as f:
                f.write(page(f"Service {i}", i + 1, "ab"[i % 2]))

    def render(self, keys):
        result = subprocess.run([FOLIO_BIN, "render", "--content", self.content, "--size", "80x24", "--plain",
                                 "--keys", " ".join(keys)], capture_output=True, text=True, timeout=60,
                                env={**os.environ, **self.env})
        self.assertEqual(result.returncode, 0, result.stderr)
        return result.stdout.rstrip("\n").split("\n")

    def assert_pane_matches(self, pane, keys):
        """Polls until the pane shows exactly the rendered frame (a capture may be half drawn)."""
        want = self.render(keys)
        deadline = time.time() + 10
        got = []
        while time.time() < deadline:
            got = pane.text().rstrip("\n").split("\n")
            got = [line.rstrip(" ") for line in got]
            if got == want:
                return
            time.sleep(0.1)
        diff = [f"row {i}:\n  tmux:   {g!r}\n  render: {w!r}" for i, (g, w) in enumerate(zip(got, want)) if g != w]
        self.fail(f"after keys {keys}: the terminal differs from folio render\n" + "\n".join(diff))

    def test_terminal_shows_what_render_says_after_moving_between_items(self):
        pane = Pane(f"{FOLIO_BIN} --content {self.content}", width=80, height=24, env=self.env)
        self.addCleanup(pane.kill)
        pane.wait_for("About")
        keys = []
        self.assert_pane_matches(pane, keys)
        for step in ["2", "j", "j", "k", "enter", "pgdn", "esc", "j", "1", "2", "G"]:
            keys.append(step)
            pane.send({"enter": "Enter", "esc": "Escape", "pgdn": "PageDown"}.get(step, step))
            self.assert_pane_matches(pane, keys)

    def test_list_cuts_long_titles_to_the_terminal_width(self):
        with open(os.path.join(self.content, "services", "long.md"), "w") as f:
            f.write('---\ntitle: "' + "Long title " * 30 + 'END"\norder: 9\ntags: [Go]\n---\nBody.\n')
        pane = Pane(f"{FOLIO_BIN} list services --content {self.content}", width=40, height=24, env=self.env)
        self.addCleanup(pane.kill)
        screen = pane.wait_for("FOLIO-EXITED=")
        rows = screen.split("\n")
        self.assertTrue(any(row.startswith("long ") and row.endswith("…") for row in rows), screen)
        self.assertNotIn("END", screen)                       # cut, not wrapped onto the next row
        self.assertEqual([r.split()[0] for r in rows if r.startswith("s")], ["s0", "s1", "s2", "s3"])
        piped = subprocess.run([FOLIO_BIN, "list", "services", "--content", self.content], capture_output=True,
                               text=True, env={**os.environ, **self.env})
        self.assertIn("END", piped.stdout)                    # piped output stays whole


if __name__ == "__main__":
    unittest.main()
