"""`folio render` and `folio show` through the built binary: the same state machine and views
as the live browser, printed as text.

Run from the repository root: python3 -m unittest discover -s Tests/e2e
The binary comes from $FOLIO_BIN (default .build/debug/folio, relative to the repository root).
"""
import os
import subprocess
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.join(ROOT, os.environ.get("FOLIO_BIN", ".build/debug/folio"))


def folio(*args, env=None):
    environment = {k: v for k, v in os.environ.items() if k not in ("FOLIO_CONTENT", "NO_COLOR")}
    environment.update(env or {})
    return subprocess.run([BIN, *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=60)


def width(line):
    """Display width for the characters folio's screens use (box drawing and Latin text are 1)."""
    import unicodedata
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


@unittest.skipUnless(os.access(BIN, os.X_OK), f"no folio binary at {BIN}; run swift build")
class RenderTests(unittest.TestCase):
    def render(self, *args):
        result = folio("render", *args)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertNotIn("\x1b", result.stdout)          # not a terminal: plain text
        return result.stdout.splitlines()

    def test_opening_screen(self):
        lines = self.render()
        self.assertEqual(len(lines), 24)
        self.assertIn("[About]", lines[1])
        self.assertIn("? help", lines[-1])
        self.assertTrue(all(width(line) <= 80 for line in lines))
        self.assertEqual([line for line in lines if line.endswith(" ")], [])   # trailing spaces trimmed

    def test_keys_drive_the_same_state_machine(self):
        lines = self.render("--keys", "2 enter t enter")
        screen = "\n".join(lines)
        self.assertIn("[Stack]", lines[1])
        self.assertIn("used by", screen)
        self.assertIn("⌫ back", lines[-1])
        back = "\n".join(self.render("--keys", "2 enter t enter backspace"))
        self.assertIn("[Services]", back)

    def test_search_for_a_tag(self):
        screen = "\n".join(self.render("--keys", "/ k a f enter"))
        self.assertIn("Kafka", screen)
        self.assertIn("No item uses Kafka yet.", screen)   # the bundled content tags no item with it

    def test_sizes(self):
        for size, rows in (("40x12", 12), ("120x40", 40), ("200x60", 60)):
            lines = self.render("--size", size, "--keys", "3 enter")
            self.assertEqual(len(lines), rows, size)
            columns = int(size.split("x")[0])
            self.assertTrue(all(width(line) <= columns for line in lines), size)
        self.assertIn("too small", "\n".join(self.render("--size", "39x12")))

    def test_item_argument_and_ascii(self):
        lines = self.render("case-studies/seekmake", "--ascii")
        self.assertIn("> SeekMake", "\n".join(lines))
        self.assertNotIn("─", "\n".join(lines))

    def test_colour_only_on_a_terminal(self):
        # Through a pipe there is never an escape sequence, NO_COLOR or not.
        result = folio("render", "--keys", "3", env={"NO_COLOR": "1"})
        self.assertNotIn("\x1b", result.stdout)

    def test_bad_input_exits_64(self):
        for args, message in ((["--keys", "j nope"], "unknown key name 'nope'"),
                              (["--size", "80"], "bad --size"),
                              (["no-such-item"], "no item or tag named")):
            result = folio("render", *args)
            self.assertEqual(result.returncode, 64, args)
            self.assertIn(message, result.stderr)
            self.assertEqual(result.stdout, "")


@unittest.skipUnless(os.access(BIN, os.X_OK), f"no folio binary at {BIN}; run swift build")
class ShowTests(unittest.TestCase):
    def test_one_item_wrapped_to_width(self):
        result = folio("show", "case-studies/bankvole", "--width", "50")
        self.assertEqual(result.returncode, 0, result.stderr)
        lines = result.stdout.splitlines()
        self.assertEqual(lines[0], "Bankvole")
        self.assertTrue(all(width(line) <= 50 for line in lines))
        self.assertEqual(folio("show", "bankvole", "--width", "50").stdout, result.stdout)

    def test_a_tag_lists_what_uses_it(self):
        result = folio("show", "observability")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("Event-driven & serverless", result.stdout)

    def test_everything_when_no_item_is_given(self):
        result = folio("show", "--width", "72")
        self.assertEqual(result.returncode, 0, result.stderr)
        out = result.stdout
        for heading in ("About", "Services", "Case studies", "Stack", "Contact"):
            self.assertIn("\n" + heading + "\n", "\n" + out)
        for title in ("Bankvole", "SeekMake", "Crop2Cash", "ETL & data movement"):
            self.assertIn(title, out)
        self.assertTrue(all(width(line) <= 72 for line in out.splitlines()))

    def test_unknown_item_suggests_a_name(self):
        result = folio("show", "bankvol")
        self.assertEqual(result.returncode, 64)
        self.assertIn("did you mean 'bankvole'", result.stderr)

    def test_width_is_validated(self):
        self.assertEqual(folio("show", "--width", "5").returncode, 64)


if __name__ == "__main__":
    unittest.main()
