"""Full-text search in the live browser: `/` finds a phrase that sits only in a page's text,
Enter opens that page scrolled to the line, the match drawn reversed (colour or NO_COLOR),
and n/N step through the page's matches."""
import os
import re
import shutil
import tempfile
import unittest

from content_tree import write_tree
from tmux_util import FOLIO_BIN, Pane, have_tmux

STACK = "groups:\n  - name: Data\n    tags: [PostgreSQL]\n"
PROFILE = "---\nname: Test\nheadline: Backend\nemail: test@example.org\n---\nA profile.\n"
FILLER = "Paragraph {n} is filler about the ledger and its nightly jobs."


def ledger_body():
    paragraphs = [FILLER.format(n=n) for n in range(1, 41)]
    paragraphs[32] = "The zephyr quartz migration ran overnight, twice."
    paragraphs[35] = "Later the zephyr quartz jobs were retired."
    return "\n\n".join(paragraphs) + "\n"


SGR = re.compile(r"\x1b\[([0-9;]*)m")


def attributes_before(styled_line, word):
    """SGR parameters in force where `word` starts on a line of `capture-pane -e`."""
    at = styled_line.index(word)
    params = set()
    for m in SGR.finditer(styled_line[:at]):
        codes = m.group(1).split(";") if m.group(1) else ["0"]
        if "0" in codes:
            params = set()
        params.update(c for c in codes if c != "0")
    return params


@unittest.skipUnless(have_tmux(), "tmux is not installed")
class BodySearch(unittest.TestCase):
    def setUp(self):
        self.top = tempfile.mkdtemp(prefix="folio-search-")
        self.addCleanup(shutil.rmtree, self.top, True)
        content = os.path.join(self.top, "content")
        files = {
            "stack.yml": STACK,
            "profile.md": PROFILE,
            "services/api.md": "---\ntitle: APIs\norder: 1\ntags: [PostgreSQL]\n---\nNothing to see.\n",
            "case-studies/ledger.md": "---\ntitle: Ledger rebuild\norder: 1\ntags: []\n---\n" + ledger_body(),
        }
        self.content = write_tree(content, files)

    def start(self, env=None):
        env = dict(env or {}, XDG_STATE_HOME=os.path.join(self.top, "state"))
        pane = Pane(f"{FOLIO_BIN} --content {self.content} --outbox {self.top}/outbox", width=100, height=30, env=env)
        self.addCleanup(pane.kill)
        pane.wait_for("About")
        return pane

    def line_with(self, pane, word):
        for line in pane.styled().splitlines():
            if word in SGR.sub("", line):
                return line
        raise AssertionError(f"{word!r} not on screen:\n{pane.text()}")

    def open_search(self, pane):
        pane.send("/")
        pane.wait_for("Search")
        pane.send("zephyr quartz", literal=True)
        pane.wait_for("in the text", "Ledger rebuild", "The zephyr quartz migration")
        pane.send("Enter")
        return pane.wait_for("\u201czephyr quartz\u201d 1/2")

    def test_body_search_opens_the_right_line_highlighted(self):
        pane = self.start()
        screen = self.open_search(pane)
        # Scrolled down to paragraph 33: the top of the page is out of view, the line is in it.
        self.assertIn("The zephyr quartz migration ran overnight", screen)
        self.assertNotIn("Paragraph 1 is filler", screen)
        self.assertIn("\u203a Ledger rebuild", screen)
        line = self.line_with(pane, "zephyr quartz migration")
        self.assertIn("7", attributes_before(line, "zephyr"), repr(line))        # the current match: reversed
        self.assertNotIn("7", attributes_before(line, "migration"), repr(line))  # only the match
        # n: the next match in the page, now the reversed one; N: back; n n wraps to the first.
        pane.send("n")
        pane.wait_for("\u201czephyr quartz\u201d 2/2")
        later = self.line_with(pane, "zephyr quartz jobs")
        self.assertIn("7", attributes_before(later, "zephyr"), repr(later))
        first = self.line_with(pane, "zephyr quartz migration")
        self.assertNotIn("7", attributes_before(first, "zephyr"), repr(first))
        self.assertTrue({"1", "4"} <= attributes_before(first, "zephyr"), repr(first))  # still marked
        pane.send("N")
        pane.wait_for("\u201czephyr quartz\u201d 1/2")
        pane.send("n")
        pane.send("n")
        pane.wait_for("\u201czephyr quartz\u201d 1/2")

    def test_no_color_still_shows_the_match(self):
        pane = self.start(env={"NO_COLOR": "1"})
        self.open_search(pane)
        line = self.line_with(pane, "zephyr quartz migration")
        self.assertIn("7", attributes_before(line, "zephyr"), repr(line))
        self.assertFalse(re.search(r"\x1b\[[0-9;]*3[0-7]m", line), repr(line))  # no colour at all


if __name__ == "__main__":
    unittest.main()
