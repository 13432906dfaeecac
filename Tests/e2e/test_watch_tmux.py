"""Live reload (issue 12): `folio --watch` reloads the content when a file changes (inotify),
keeping the section and selection; a broken file keeps the last good content on screen with
the problem in the status bar; deleting the selected item selects its neighbour. R reloads by
hand; kiosk mode never reloads."""
import os
import shutil
import tempfile
import unittest

from tmux_util import FOLIO_BIN, REPO, Pane, have_tmux

CONTENT = os.path.join(REPO, "Content")


@unittest.skipUnless(have_tmux(), "tmux is not installed")
class WatchInTmux(unittest.TestCase):
    def setUp(self):
        self.top = tempfile.mkdtemp(prefix="folio-e2e-watch.")
        self.addCleanup(shutil.rmtree, self.top, ignore_errors=True)
        self.content = os.path.join(self.top, "content")
        shutil.copytree(CONTENT, self.content)
        self.bankvole = os.path.join(self.content, "case-studies", "bankvole.md")
        with open(self.bankvole) as f:
            self.original = f.read()

    def browser(self, *args):
        env = {"XDG_STATE_HOME": os.path.join(self.top, "state"), "XDG_CONFIG_HOME": os.path.join(self.top, "config")}
        pane = Pane(f"{FOLIO_BIN} --content {self.content} --outbox {self.top}/outbox {' '.join(args)}",
                    width=100, height=30, env=env)
        self.addCleanup(pane.kill)
        pane.wait_for("About", "Contact")
        return pane

    def write(self, path, text):
        # As an editor does: a new file renamed over the old one.
        temporary = path + ".swp"
        with open(temporary, "w") as f:
            f.write(text)
        os.rename(temporary, path)

    def test_edit_break_and_delete_while_watching(self):
        pane = self.browser("--watch")
        pane.send("3")
        pane.wait_for("▸ Bankvole")
        pane.send("Enter")
        pane.wait_for("Bankvole is a banking platform")
        self.write(self.bankvole, self.original.replace("title: Bankvole", "title: Bankvole Renamed"))
        screen = pane.wait_for("▸ Bankvole Renamed", "reloaded")
        self.assertIn("Case studies › Bankvole Renamed", screen)
        self.assertIn("Bankvole is a banking platform", screen)   # still reading the same item

        self.write(self.bankvole, self.original.replace("title: Bankvole", "title: [Bankvole"))
        screen = pane.wait_for("not reloaded: bankvole.md")
        self.assertIn("▸ Bankvole Renamed", screen)   # the last good content stays
        self.assertIn("Bankvole is a banking platform", screen)

        self.write(self.bankvole, self.original.replace("title: Bankvole", "title: Bankvole Fixed"))
        screen = pane.wait_for("▸ Bankvole Fixed")
        self.assertNotIn("not reloaded", screen)

        os.unlink(self.bankvole)
        screen = pane.wait_gone("Bankvole Fixed")
        self.assertIn("▸ SeekMake", screen)     # its neighbour takes the selection
        self.assertIn("Case studies", screen)
        pane.send("q")
        pane.wait_for("FOLIO-EXITED=0")

    def test_r_reloads_by_hand_and_a_new_folder_is_watched(self):
        pane = self.browser("--watch")
        pane.send("3")
        pane.wait_for("▸ Bankvole")
        nested = os.path.join(self.content, "case-studies", "2024", "deep")
        os.makedirs(nested)
        pane.wait_for("reloaded")
        pane.send("j")
        pane.wait_gone("reloaded")
        with open(os.path.join(nested, "zz-nested.md"), "w") as f:
            f.write("---\ntitle: Nested Later\norder: 9\ntags: []\nsummary: x\n---\nbody\n")
        pane.wait_for("Nested Later")
        # Without --watch nothing reloads until R.
        quiet = self.browser()
        quiet.send("3")
        quiet.wait_for("▸ Bankvole")
        self.write(self.bankvole, self.original.replace("title: Bankvole", "title: Bankvole By Hand"))
        pane.wait_for("Bankvole By Hand")   # the watching one sees it
        self.assertNotIn("By Hand", quiet.text())
        quiet.send("R")
        quiet.wait_for("▸ Bankvole By Hand", "reloaded")

    def test_a_symlinked_content_folder_is_watched(self):
        link = os.path.join(self.top, "site")
        os.symlink(self.content, link)
        self.content = link
        pane = self.browser("--watch")
        pane.send("3")
        pane.wait_for("▸ Bankvole")
        self.write(self.bankvole, self.original.replace("title: Bankvole", "title: Bankvole Through Link"))
        pane.wait_for("▸ Bankvole Through Link", "reloaded")

    def test_kiosk_never_reloads(self):
        pane = self.browser("--watch", "--kiosk")
        pane.send("3")
        pane.wait_for("▸ Bankvole")
        self.write(self.bankvole, self.original.replace("title: Bankvole", "title: Bankvole Renamed"))
        pane.send("R")
        pane.send("j")
        screen = pane.wait_for("▸ SeekMake")
        pane.send("k")
        screen = pane.wait_for("▸ Bankvole")
        self.assertNotIn("Renamed", screen)
        self.assertNotIn("reloaded", screen)


if __name__ == "__main__":
    unittest.main()
