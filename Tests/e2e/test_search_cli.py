"""End-to-end tests of `folio search` and the body matches of `folio tags`: the real binary
over a small content tree written here, so the ranking and snippets are known exactly."""

import json
import os
import subprocess
import tempfile
import textwrap
import unittest

from content_tree import write_tree

FOLIO = os.environ.get("FOLIO_BIN", ".build/debug/folio")

STACK = """\
groups:
  - name: Messaging & data
    tags:
      - {name: Kafka, aliases: [Apache Kafka]}
      - PostgreSQL
"""

PROFILE = "---\nname: Test\nheadline: Backend\nemail: test@example.org\n---\nA profile.\n"


def page(title, tags, body, order=1):
    return textwrap.dedent(f"""\
        ---
        title: "{title}"
        order: {order}
        tags: [{", ".join(tags)}]
        ---
        """) + body


def run(command, *args, content):
    env = dict(os.environ)
    env.pop("FOLIO_CONTENT", None)
    env["LANG"] = "C.UTF-8"
    argv = [FOLIO, command, *args, "--content", content]
    return subprocess.run(argv, capture_output=True, text=True, env=env, timeout=30)


class SearchCommand(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        root = cls.tmp.name
        files = {
            "stack.yml": STACK,
            "profile.md": PROFILE,
            "services/streaming.md": page("Kafka streaming", ["Kafka"], "Topics and kafka consumers.\n", 1),
            "services/platform.md": page("Platform work", ["PostgreSQL"],
                                        "We run **Kafka** clusters and\nPostgres replicas.\n", 2),
            "case-studies/bankvole.md": page("Bankvole", ["PostgreSQL"],
                                             "## Ledger\n\nThe ledger feeds apachekafka \x1b[31mred\x1b[0m topics.\n", 1),
        }
        cls.content = write_tree(root, files)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_tags_then_titles_then_text(self):
        r = run("search", "kafka", content=self.content)
        self.assertEqual(r.returncode, 0, r.stderr)
        rows = [line.split("\t") for line in r.stdout.splitlines()]
        self.assertEqual([(row[0], row[1]) for row in rows],
                         [("tag", "Kafka"), ("title", "Kafka streaming"),
                          ("text", "Platform work"), ("text", "Bankvole")])
        # A word-start match (Platform work) before one inside a word (apachekafka), whatever the order.
        self.assertEqual(rows[2][2:], ["service", "services/platform", "We run Kafka clusters and"])

    def test_snippet_is_sanitised(self):
        r = run("search", "ledger feeds", content=self.content)
        self.assertEqual(r.returncode, 0, r.stderr)
        snippet = r.stdout.splitlines()[0].split("\t")[-1]
        self.assertNotIn("\x1b", r.stdout)
        # A control character separates words like a space; the "[" after it is link markup.
        self.assertEqual(snippet, "The ledger feeds apachekafka 31mred 0m topics.")

    def test_json(self):
        r = run("search", "kafka", "--json", content=self.content)
        self.assertEqual(r.returncode, 0, r.stderr)
        data = json.loads(r.stdout)
        self.assertEqual((data["matchedTags"], data["matchedItems"], data["matchedBodies"]), (1, 1, 2))
        body = data["bodies"][0]
        self.assertEqual({k: body[k] for k in ("title", "kind", "id", "match", "occurrence")},
                         {"title": "Platform work", "kind": "service", "id": "services/platform",
                          "match": "word-start", "occurrence": 0})
        self.assertEqual(body["snippet"][body["offsets"][0]:body["offsets"][-1] + 1], "Kafka")
        self.assertEqual(data["bodies"][1]["match"], "inside-word")
        # folio tags --json is the same object.
        tags = run("tags", "kafka", "--json", content=self.content)
        self.assertEqual(json.loads(tags.stdout), data)

    def test_tags_lists_text_matches_last_with_four_fields(self):
        r = run("tags", "kafka", content=self.content)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.splitlines(), [
            "Kafka\tMessaging & data\tused by 1: streaming",
            "",
            "Kafka streaming\tservice\tservices/streaming",
            "",
            "Platform work\tservice\tservices/platform\tWe run Kafka clusters and",
            "Bankvole\tcase study\tcase-studies/bankvole\tThe ledger feeds apachekafka 31mred 0m topics.",
        ])

    def test_text_only_match_and_limit(self):
        r = run("search", "replicas", content=self.content)
        self.assertEqual(r.stdout, "text\tPlatform work\tservice\tservices/platform\tPostgres replicas.\n")
        r = run("search", "kafka", "--limit", "1", "--json", content=self.content)
        data = json.loads(r.stdout)
        self.assertEqual((len(data["bodies"]), data["matchedBodies"]), (1, 2))

    def test_no_match_exits_1_and_no_query_is_a_usage_error(self):
        r = run("search", "zzqx", content=self.content)
        self.assertEqual((r.returncode, r.stdout), (1, ""))
        self.assertIn("nothing matches", r.stderr)
        r = run("search", content=self.content)
        self.assertEqual(r.returncode, 64)
        self.assertIn("QUERY", r.stderr)

    def test_help(self):
        r = subprocess.run([FOLIO, "search", "--help"], capture_output=True, text=True, timeout=30)
        self.assertEqual(r.returncode, 0)
        for needle in ("EXIT STATUS", "EXAMPLES", "--json", "matchedBodies", "occurrence"):
            self.assertIn(needle, r.stdout)


if __name__ == "__main__":
    unittest.main()
