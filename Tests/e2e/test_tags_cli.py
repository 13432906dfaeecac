"""End-to-end tests of `folio tags`: the real binary over the bundled content and over a
small content tree written here, so usage counts and aliases are known exactly."""

import json
import os
import subprocess
import tempfile
import textwrap
import unittest

from content_tree import write_tree

FOLIO = os.environ.get("FOLIO_BIN", ".build/debug/folio")

STACK = """\
intro: A test stack.
groups:
  - name: Messaging & data
    tags:
      - {name: Kafka, aliases: [Apache Kafka]}
      - {name: PostgreSQL, aliases: [postgres, pg]}
      - RabbitMQ
  - name: Containers & orchestration
    tags:
      - {name: Kubernetes, aliases: [k8s]}
      - Helm
  - name: IaC & provisioning
    tags:
      - Helm
      - GitOps
"""

PROFILE = """\
---
name: Test
headline: Backend engineering
tagline: Tests
email: test@example.org
---
A profile for tests.
"""


def page(title, tags, order=1):
    return textwrap.dedent(f"""\
        ---
        title: "{title}"
        summary: "About {title}."
        order: {order}
        tags: [{", ".join(tags)}]
        ---
        Body of {title}.
        """)


def run(*args, content=None):
    env = dict(os.environ)
    env.pop("FOLIO_CONTENT", None)
    argv = [FOLIO, "tags", *args] + (["--content", content] if content else [])
    return subprocess.run(argv, capture_output=True, text=True, env=env, timeout=30)


class BundledContent(unittest.TestCase):
    """The three checks the issue names, against the content that ships."""

    def test_kaf_shows_kafka(self):
        r = run("kaf")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.splitlines()[0].split("\t")[0], "Kafka")

    def test_k8s_shows_kubernetes_via_its_alias(self):
        r = run("k8s")
        self.assertEqual(r.returncode, 0, r.stderr)
        first = r.stdout.splitlines()[0].split("\t")
        self.assertEqual(first[0], "Kubernetes")
        self.assertEqual(first[-1], "alias k8s")

    def test_post_ranks_postgresql_first(self):
        r = run("post")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.splitlines()[0].split("\t")[0], "PostgreSQL")


class OwnContent(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        root = cls.tmp.name
        files = {
            "stack.yml": STACK,
            "profile.md": PROFILE,
            "services/streaming.md": page("Streaming pipelines", ["Kafka", "PostgreSQL"], 1),
            "services/platform.md": page("Platform work", ["Kubernetes", "Helm", "PostgreSQL"], 2),
            "case-studies/bankvole.md": page("Bankvole", ["PostgreSQL", "Kafka"], 1),
        }
        cls.content = write_tree(root, files)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def lines(self, *args):
        r = run(*args, content=self.content)
        self.assertEqual(r.returncode, 0, r.stderr)
        return r.stdout.splitlines()

    def test_tag_line_lists_group_usage_and_items(self):
        first = self.lines("kaf")[0]
        self.assertEqual(first, "Kafka\tMessaging & data\tused by 2: streaming, bankvole")

    def test_tag_in_two_groups(self):
        self.assertEqual(self.lines("helm")[0], "Helm\tContainers & orchestration, IaC & provisioning"
                                                "\tused by 1: platform")

    def test_accents_and_case_are_ignored(self):
        self.assertEqual(self.lines("POSTGRÉS")[0].split("\t")[0], "PostgreSQL")

    def test_empty_query_lists_every_tag_most_used_first(self):
        names = [line.split("\t")[0] for line in self.lines()]
        self.assertEqual(names, ["PostgreSQL", "Kafka", "Helm", "Kubernetes", "GitOps", "RabbitMQ"])

    def test_item_titles_follow_after_an_empty_line(self):
        out = self.lines("bank")
        self.assertEqual(out, ["", "Bankvole\tcase study\tcase-studies/bankvole"])

    def test_words_are_joined(self):
        self.assertEqual(self.lines("streaming", "pipe")[-1], "Streaming pipelines\tservice\tservices/streaming")

    def test_no_match_exits_1_with_empty_stdout(self):
        r = run("zzqx", content=self.content)
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stdout, "")
        self.assertIn("nothing matches", r.stderr)

    def test_json(self):
        r = run("k8s", "--json", content=self.content)
        self.assertEqual(r.returncode, 0, r.stderr)
        data = json.loads(r.stdout)
        self.assertEqual(data["query"], "k8s")
        self.assertEqual(data["totalTags"], 6)
        tag = data["tags"][0]
        self.assertEqual((tag["name"], tag["alias"], tag["kind"], tag["offsets"]),
                         ("Kubernetes", "k8s", "exact", [0, 1, 2]))
        self.assertEqual(tag["items"], ["services/platform"])
        self.assertEqual(tag["usedBy"], 1)

    def test_limit(self):
        r = run("e", "--limit", "1", "--json", content=self.content)
        data = json.loads(r.stdout)
        self.assertEqual(len(data["tags"]), 1)
        self.assertGreater(data["matchedTags"], 1)

    def test_help_documents_exit_status_and_examples(self):
        r = subprocess.run([FOLIO, "tags", "--help"], capture_output=True, text=True, timeout=30)
        self.assertEqual(r.returncode, 0)
        for needle in ("EXIT STATUS", "EXAMPLES", "folio tags k8s", "--json"):
            self.assertIn(needle, r.stdout)


if __name__ == "__main__":
    unittest.main()
