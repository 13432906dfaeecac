"""End-to-end tests of folio's content commands (check, list, export) through the built binary.

Run from the repository root: python3 -m unittest discover -s Tests/e2e
The binary comes from $FOLIO_BIN (default .build/debug/folio, relative to the repository root).
"""
import json
import os
import shutil
import subprocess
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = os.path.join(ROOT, "Tests", "FolioContentTests", "Fixtures")
CONTENT = os.path.join(ROOT, "Content")
BIN = os.path.join(ROOT, os.environ.get("FOLIO_BIN", ".build/debug/folio"))

# The 23 tags of the seed's four stack groups (Helm sits in two of them).
SEED_TAGS = [
    "Python", "Bash", "TypeScript", "Go", "Java", "Node.js",
    "Kubernetes", "Docker", "Docker Compose", "EKS", "GKE", "Helm",
    "Terraform", "Terragrunt", "Ansible", "GitOps",
    "Kafka", "RabbitMQ", "SQS", "PostgreSQL", "MongoDB", "Redis", "MySQL",
]


def folio(*args, cwd=ROOT, env=None, binary=BIN):
    """Runs folio without FOLIO_CONTENT from the caller's environment unless `env` sets it."""
    environment = {k: v for k, v in os.environ.items() if k != "FOLIO_CONTENT"}
    environment.update(env or {})
    return subprocess.run([binary, *args], cwd=cwd, env=environment, capture_output=True,
                          text=True, timeout=60)


@unittest.skipUnless(os.access(BIN, os.X_OK), f"no folio binary at {BIN}; run swift build")
class CheckTests(unittest.TestCase):
    def test_bundled_content_is_clean(self):
        result = folio("check", "Content")
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertEqual(result.stdout.splitlines(),
                         ["Content: 0 errors, 0 warnings (4 services, 3 case studies, 38 stack tags)"])

    def test_good_fixture_is_clean(self):
        result = folio("check", "good", cwd=FIXTURES)
        self.assertEqual(result.returncode, 0, result.stdout)
        self.assertEqual(result.stdout, "good: 0 errors, 0 warnings (2 services, 1 case study, 6 stack tags)\n")

    def test_broken_fixture_prints_the_expected_diagnostics_and_fails(self):
        with open(os.path.join(FIXTURES, "broken.expected"), encoding="utf-8") as f:
            expected = f.read()
        result = folio("check", "broken", cwd=FIXTURES)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stdout, expected)
        for line in [
            "broken/services/bad-utf8.md:2:11: error: invalid UTF-8: byte 0xC3 at offset 14",
            "broken/services/alias-bomb.md:3:4: error: YAML anchor '&a' in front matter: "
            "anchors and aliases are not allowed (they can expand without limit)",
            "broken/services/unknown-tags.md:3:19: warning: tag 'Kafak' is in no group of stack.yml; "
            'it shows under "Other tags"; did you mean \'Kafka\'?',
        ]:
            self.assertIn(line + "\n", result.stdout)

    def test_hugo_content_loads_in_place_and_strict_fails_on_warnings(self):
        result = folio("check", "hugo", cwd=FIXTURES)
        self.assertEqual(result.returncode, 0, result.stdout)
        self.assertIn("hugo/notes:1:1: warning: 1 Markdown page that no section reads; to show them as case "
                      "studies, put 'case-studies = [\"post\", \"notes\"]' in folio.toml\n", result.stdout)
        self.assertTrue(result.stdout.endswith(
            "hugo: 0 errors, 5 warnings (1 service, 4 case studies, 5 stack tags)\n"), result.stdout)
        strict = folio("check", "--strict", "hugo", cwd=FIXTURES)
        self.assertEqual(strict.returncode, 1)
        self.assertEqual(strict.stdout, result.stdout)
        self.assertEqual(folio("check", "--strict", "good", cwd=FIXTURES).returncode, 0)

    def test_hugo_pages_read_as_text(self):
        shown = folio("show", "markdown-syntax", "--width", "60", "--content", "hugo", cwd=FIXTURES)
        self.assertEqual(shown.returncode, 0, shown.stderr)
        text = shown.stdout
        for expected in ["Case study · 11 Mar 2019", "GIF (Graphics Interchange Format) is a bitmap",
                         "H₂O", "Xⁿ + Yⁿ = Zⁿ", "Most salamanders are", "  ── html", "talk[1] during",
                         "[1] The above quote", "Tags: Markdown, CSS, HTML"]:
            self.assertIn(expected, text)
        for raw in ["<abbr", "<sub>", "<!--more-->", "[^1]", "<kbd>"]:
            self.assertNotIn(raw, text)
        rich = folio("show", "rich-content", "--width", "60", "--content", "hugo", cwd=FIXTURES).stdout
        self.assertIn("▶ youtube ZJthWmvUzzc\n", rich)
        self.assertIn("▶ vimeo https://vimeo.com/48912912\n", rich)
        self.assertIn("  ── go\n  package main\n", rich)
        self.assertNotIn("{{<", rich)
        emoji = folio("show", "emoji-support", "--width", "60", "--content", "hugo", cwd=FIXTURES).stdout
        self.assertIn("The emojify <https://gohugo.io/functions/emojify/> function", emoji)
        self.assertNotIn("font-family", emoji)

    def test_file_over_the_size_cap_and_missing_directory(self):
        with tempfile.TemporaryDirectory() as tmp:
            shutil.copytree(os.path.join(FIXTURES, "good"), os.path.join(tmp, "c"))
            with open(os.path.join(tmp, "c", "services", "huge.md"), "w") as f:
                f.write("---\ntitle: Huge\n---\n" + "x" * (1 << 20))
            result = folio("check", "c", cwd=tmp)
            self.assertEqual(result.returncode, 1)
            self.assertIn("c/services/huge.md:1:1: error: file is 1048596 bytes, over the 1 MiB size cap "
                          "(1048576 bytes)\n", result.stdout)
            result = folio("check", "missing", cwd=tmp)
            self.assertEqual(result.returncode, 1)
            self.assertEqual(result.stdout.splitlines()[0], "missing:1:1: error: content directory not found")

    def test_help_reads_like_a_man_page(self):
        result = folio("check", "--help")
        self.assertEqual(result.returncode, 0)
        for heading in ["OVERVIEW:", "EXAMPLES", "EXIT STATUS", "USAGE: folio check [<DIR>] [--strict] [--content <DIR>]"]:
            self.assertIn(heading, result.stdout)


@unittest.skipUnless(os.access(BIN, os.X_OK), f"no folio binary at {BIN}; run swift build")
class ArgumentParserTests(unittest.TestCase):
    """swift-argument-parser's messages for bad arguments reach the visitor unchanged, with
    folio's exit status for a usage error."""

    def test_unknown_option_and_bad_value_keep_their_messages(self):
        result = folio("--no-such-option")
        self.assertEqual(result.returncode, 64)
        self.assertIn("Error: Unknown option '--no-such-option'", result.stderr)
        self.assertIn("See 'folio browse --help' for more information.", result.stderr)
        result = folio("--idle-timeout", "soon")
        self.assertEqual(result.returncode, 64)
        self.assertIn("Error: --idle-timeout: expected seconds", result.stderr)
        self.assertIn("found `soon`", result.stderr)

    def test_a_command_parsed_on_its_own_still_reads_as_part_of_folio(self):
        """A top-level command is parsed without the tree when it can be; anything only the
        tree understands (--version, completion scripts, help, errors) still gets the tree's answer."""
        result = folio("render", "--version")
        self.assertEqual((result.returncode, result.stdout), (0, "0.1.0\n"))
        result = folio("render", "--generate-completion-script", "bash")
        self.assertEqual(result.returncode, 0)
        self.assertIn("__folio_cursor_index_in_current_word", result.stdout)
        result = folio("render", "--bogus")
        self.assertEqual(result.returncode, 64)
        self.assertIn("Usage: folio render [<ITEM>]", result.stderr)
        self.assertIn("See 'folio render --help' for more information.", result.stderr)
        help_text = folio("render", "--help").stdout
        self.assertIn("USAGE: folio render [<ITEM>]", help_text)
        self.assertEqual(folio("help", "render").stdout, help_text)
        self.assertIn("See 'folio help <subcommand>' for detailed help.", folio("--help").stdout)
        result = folio("help")
        self.assertEqual(result.returncode, 0)
        self.assertIn("SUBCOMMANDS:", result.stdout)


@unittest.skipUnless(os.access(BIN, os.X_OK), f"no folio binary at {BIN}; run swift build")
class ExportTests(unittest.TestCase):
    def test_export_holds_the_whole_portfolio(self):
        result = folio("export", "--json")
        self.assertEqual(result.returncode, 0, result.stderr)
        data = json.loads(result.stdout)
        self.assertEqual(list(data), ["schemaVersion", "profile", "services", "caseStudies", "introductions", "stack",
                                      "diagnostics"])
        self.assertEqual(data["introductions"], {"services": None, "caseStudies": None})
        self.assertEqual(data["schemaVersion"], 1)
        self.assertEqual(len(data["services"]), 4)
        self.assertEqual([c["title"] for c in data["caseStudies"]], ["Bankvole", "SeekMake", "Crop2Cash"])
        names = [t["name"] for t in data["stack"]["tags"]]
        for tag in SEED_TAGS:
            self.assertIn(tag, names)
        self.assertEqual([g["name"] for g in data["stack"]["groups"][:4]],
                         ["Languages", "Containers & orchestration", "IaC & provisioning", "Messaging & data"])
        self.assertEqual(data["diagnostics"], [])
        self.assertEqual(data["profile"]["email"], "hello@example.com")
        # usedBy agrees with the items' own tags.
        ids = {item["id"]: item for item in data["services"] + data["caseStudies"]}
        for tag in data["stack"]["tags"]:
            for user in tag["usedBy"]:
                owner = data["profile"] if user == "profile" else ids[user]
                self.assertIn(tag["name"], owner["tags"])

    def test_export_of_a_broken_tree_is_still_json_with_diagnostics(self):
        result = folio("export", "--json", "--content", "broken", cwd=FIXTURES)
        self.assertEqual(result.returncode, 0)
        data = json.loads(result.stdout)
        self.assertEqual(len(data["diagnostics"]), 17)
        self.assertEqual(data["diagnostics"][0]["severity"], "warning")
        self.assertIn("12 errors", result.stderr)

    def test_control_characters_never_reach_the_terminal(self):
        with tempfile.TemporaryDirectory() as tmp:
            shutil.copytree(os.path.join(FIXTURES, "good"), os.path.join(tmp, "c"))
            with open(os.path.join(tmp, "c", "services", "evil.md"), "w") as f:
                f.write('+++\ntitle = "Evil \\u001b[31m red \\u202e"\n+++\n')
            listed = folio("list", "services", "--content", "c", cwd=tmp)
            self.assertNotIn("\x1b", listed.stdout)
            self.assertIn("Evil ␛[31m red <U+202E>", listed.stdout)
            exported = folio("export", "--content", "c", cwd=tmp)
            self.assertNotIn("\x1b", exported.stdout)
            self.assertIn('"title": "Evil \\u001b[31m red \\u202e"', exported.stdout)
            titles = [s["title"] for s in json.loads(exported.stdout)["services"]]
            self.assertIn("Evil \x1b[31m red \u202e", titles)


@unittest.skipUnless(os.access(BIN, os.X_OK), f"no folio binary at {BIN}; run swift build")
class LocatingContentTests(unittest.TestCase):
    def list_services(self, *args, **kwargs):
        result = folio("list", "services", *args, **kwargs)
        self.assertEqual(result.returncode, 0, result.stderr)
        return [line.split()[0] for line in result.stdout.splitlines()]

    def test_content_option_and_environment(self):
        self.assertEqual(self.list_services("--content", os.path.join(FIXTURES, "good")), ["streams", "bundled"])
        env = {"FOLIO_CONTENT": os.path.join(FIXTURES, "good")}
        self.assertEqual(self.list_services(env=env), ["streams", "bundled"])
        # --content wins over FOLIO_CONTENT.
        self.assertEqual(len(self.list_services("--content", CONTENT, env=env)), 4)

    def test_bundled_content_found_from_another_directory(self):
        with tempfile.TemporaryDirectory() as tmp:
            self.assertEqual(self.list_services(cwd=tmp), [
                "microservices-integrations", "event-driven-serverless", "etl-data-movement", "apis-documentation"])
            result = folio("check", cwd=tmp)
            self.assertEqual(result.returncode, 0, result.stdout)

    def test_installed_layout_prefers_share_folio_content(self):
        with tempfile.TemporaryDirectory() as tmp:
            os.makedirs(os.path.join(tmp, "bin"))
            binary = os.path.join(tmp, "bin", "folio")
            shutil.copy2(BIN, binary)
            shutil.copytree(os.path.join(FIXTURES, "good"), os.path.join(tmp, "share", "folio", "Content"))
            result = folio("list", "services", cwd=tmp, binary=binary)
            self.assertEqual([line.split()[0] for line in result.stdout.splitlines()], ["streams", "bundled"])

    def test_list_everything_grouped(self):
        result = folio("list", "--content", os.path.join(FIXTURES, "good"))
        self.assertEqual(result.returncode, 0)
        self.assertEqual(result.stdout, "\n".join([
            "Services",
            "  streams  Streams",
            "  bundled  Bundled page",
            "",
            "Case studies",
            "  tomlcase  TOML case · testing",
            "",
            "Stack",
            "  Languages",
            "    Go          used by 2",
            "    TypeScript  used by 1",
            "  Data",
            "    Kafka       used by 2",
            "    PostgreSQL  used by 1",
            "    Helm        used by 0",
            "  Infra",
            "    Helm        used by 0",
            "    Unused      used by 0",
        ]) + "\n")


if __name__ == "__main__":
    unittest.main()
