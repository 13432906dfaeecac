"""`folio init` in a scratch folder, and deep links (`folio ITEM`) piped and in a terminal.

Run from the repository root: python3 -m unittest discover -s Tests/e2e
The binary comes from $FOLIO_BIN (default .build/debug/folio, relative to the repository root).
"""
import os
import shutil
import subprocess
import tempfile
import unittest

from tmux_util import FOLIO_BIN, REPO, Pane, have_tmux

CONTENT = os.path.join(REPO, "Content")
HUGO = os.path.join(REPO, "Tests", "FolioContentTests", "Fixtures", "hugo")
STARTER = ["profile.md", "services/consulting.md", "case-studies/first-project.md", "stack.yml"]


def folio(*args, cwd=REPO, stdin=subprocess.DEVNULL):
    env = {k: v for k, v in os.environ.items() if k not in ("FOLIO_CONTENT", "NO_COLOR")}
    env.setdefault("LANG", "C.UTF-8")
    return subprocess.run([FOLIO_BIN, *args], cwd=cwd, env=env, stdin=stdin, capture_output=True,
                          text=True, timeout=60)


@unittest.skipUnless(os.access(FOLIO_BIN, os.X_OK), f"no folio binary at {FOLIO_BIN}; run swift build")
class InitTests(unittest.TestCase):
    def scratch(self):
        d = tempfile.mkdtemp(prefix="folio-init-")
        self.addCleanup(shutil.rmtree, d, True)
        return d

    def test_init_writes_a_portfolio_that_checks_clean_and_never_overwrites(self):
        site = os.path.join(self.scratch(), "site")
        made = folio("init", site)
        self.assertEqual(made.returncode, 0, made.stderr)
        for name in STARTER:
            self.assertIn(f"created {site}/{name}", made.stdout)
        check = folio("check", "--strict", site)
        self.assertEqual(check.returncode, 0, check.stdout)
        self.assertIn("0 errors, 0 warnings (1 service, 1 case study, 4 stack tags)", check.stdout)
        shown = folio("show", "first-project", "--width", "70", "--content", site)
        self.assertEqual(shown.returncode, 0, shown.stderr)
        self.assertIn("Tags: Go, Kafka, PostgreSQL", shown.stdout)
        with open(os.path.join(site, "profile.md")) as f:
            profile = f.read()

        again = folio("init", site)
        self.assertEqual(again.returncode, 73, again.stdout + again.stderr)
        for name in STARTER:
            self.assertIn(f"folio init: {site}/{name} already exists", again.stderr)
        self.assertIn("nothing was written", again.stderr)
        self.assertEqual(again.stdout, "")
        with open(os.path.join(site, "profile.md")) as f:
            self.assertEqual(f.read(), profile)

    def test_one_existing_file_means_nothing_is_written(self):
        site = self.scratch()
        with open(os.path.join(site, "stack.yml"), "w") as f:
            f.write("mine\n")
        result = folio("init", cwd=site)          # DIR defaults to the current directory
        self.assertEqual(result.returncode, 73)
        self.assertIn("folio init: ./stack.yml already exists", result.stderr)
        self.assertEqual(sorted(os.listdir(site)), ["stack.yml"])
        with open(os.path.join(site, "stack.yml")) as f:
            self.assertEqual(f.read(), "mine\n")

    def test_help_has_examples_and_exit_status(self):
        text = folio("init", "--help").stdout
        for needle in ("EXAMPLES", "EXIT STATUS", "73", "never overwrites"):
            self.assertIn(needle, text)


@unittest.skipUnless(os.access(FOLIO_BIN, os.X_OK), f"no folio binary at {FOLIO_BIN}; run swift build")
class DeepLinkTests(unittest.TestCase):
    def test_piped_item_prints_just_that_item(self):
        out = folio("--content", CONTENT, "bankvole")
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(out.stdout.splitlines()[0], "Bankvole")
        self.assertNotIn("Crop2Cash", out.stdout)
        self.assertNotIn("Case studies\n", out.stdout)        # no section headings: one item
        self.assertEqual(out.stdout, folio("show", "bankvole", "--content", CONTENT).stdout)
        tag = folio("--content", CONTENT, "kafka")
        self.assertEqual(tag.returncode, 0, tag.stderr)
        self.assertEqual(tag.stdout.splitlines()[0], "Kafka")

    def test_unknown_item_exits_64_when_piped(self):
        out = folio("--content", CONTENT, "bankvol")
        self.assertEqual(out.returncode, 64)
        self.assertEqual(out.stdout, "")
        self.assertIn("folio: no item or tag named 'bankvol' (did you mean 'bankvole'?)", out.stderr)

    @unittest.skipUnless(have_tmux(), "tmux is not installed")
    def test_unknown_item_exits_64_on_a_terminal(self):
        pane = Pane(f"{FOLIO_BIN} --content {CONTENT} bankvol", width=100, height=24)
        self.addCleanup(pane.kill)
        screen = pane.wait_for("FOLIO-EXITED=", timeout=10)
        self.assertIn("FOLIO-EXITED=64", screen)
        self.assertIn("no item or tag named 'bankvol' (did you mean 'bankvole'?)", screen)
        self.assertFalse(pane.alternate_on(), "the browser started for an unknown item")

    @unittest.skipUnless(have_tmux(), "tmux is not installed")
    def test_hugo_section_introduction_in_the_browser(self):
        pane = Pane(f"{FOLIO_BIN} --content {HUGO}", width=100, height=30)
        self.addCleanup(pane.kill)
        pane.wait_for("About")
        pane.send("3")
        screen = pane.wait_for("Introduction · 4 case studies", "Posts from the example site")
        self.assertIn("Emoji Support", screen)               # the items follow in the list
        pane.send("j")
        pane.wait_for("Guide to emoji usage in Hugo")
        pane.send("q")
        self.assertIn("FOLIO-EXITED=0", pane.wait_for("FOLIO-EXITED=", timeout=5))
