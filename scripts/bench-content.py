#!/usr/bin/env python3
"""Writes a large, valid content tree for scripts/bench's scale runs: profile.md, a stack.yml
of TAGS tags in eight groups (a third with an alias), and ITEMS Markdown pages (one in five a
service, the rest case studies) with front matter and a body shaped like the bundled ones.
Deterministic for a given seed, so runs compare.

    scripts/bench-content.py DIR --items 10000 --tags 2000
"""
import argparse
import os
import random

HEADS = ["Post", "Mongo", "Rabbit", "Kube", "Terra", "Cloud", "Data", "Stream", "Graph", "Event",
         "Redis", "Elastic", "Open", "Fast", "Spark", "Flink", "Argo", "Vault", "Consul", "Nomad",
         "Type", "Java", "Node", "Deno", "Cargo", "Helm", "Pulumi", "Envoy", "Istio",
         "Crème", "Señor", "Über", "Façade", "Jäger", "Straße"]
TAILS = ["SQL", "DB", "MQ", "Flow", "Grid", "Hub", "Lab", "Ops", "Kit", "Base", "Store", "Cache",
         "Mesh", "Gate", "Script", "Lake", "Queue", "Bus", "Proxy", "Sync", "Watch", "Forge"]
GROUPS = ["Languages", "Containers & orchestration", "IaC & provisioning", "Messaging & data",
          "Observability", "Security", "Testing", "Frontend"]
WORDS = ("banking platform payments ledger marketplace migration pipeline analytics onboarding "
         "invoicing loans events streaming integration search identity billing warehouse logistics "
         "farmers manufacturing résumé café orders catalogue notifications fraud risk reporting "
         "telemetry insurance healthcare agritech fintech").split()
SECTORS = ["fintech", "edutech", "agritech", "healthcare", "logistics", "retail"]
PROSE = ("The system moved {a} records a day between {b} and {c}, with idempotent consumers and "
         "a dead-letter queue for the few that could not be processed on the first try. "
         "Every stage was observable: traces, metrics and structured logs tied to one request id.")


def quoted(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def tag_names(rng, count):
    names, seen = [], set()
    while len(names) < count:
        base = rng.choice(HEADS) + rng.choice(TAILS)
        name = base if base not in seen else f"{base} {len(names)}"
        seen.add(name)
        names.append(name)
    return names


def stack_yml(rng, names):
    lines = ["intro: " + quoted("Generated for scripts/bench, far larger than any real stack."), "groups:"]
    per = -(-len(names) // len(GROUPS))
    for g, group in enumerate(GROUPS):
        lines += [f"  - name: {quoted(group)}", "    tags:"]
        for i, name in enumerate(names[g * per:(g + 1) * per]):
            if i % 3 == 0:  # an alias: lower-case initials plus a serial, like "k8s"
                alias = "".join(w[0] for w in name.split()).lower() + str(g * per + i)
                lines.append(f"      - {{name: {quoted(name)}, aliases: [{quoted(alias)}]}}")
            else:
                lines.append(f"      - {quoted(name)}")
    return "\n".join(lines) + "\n"


def item_page(rng, i, names, kind):
    title_words = rng.sample(WORDS, rng.randint(2, 5))
    title = " ".join(title_words).capitalize()
    # Squaring a uniform draw skews usage towards the first tags, as in real stacks.
    tags = sorted({names[int(rng.random() ** 2 * len(names))] for _ in range(rng.randint(3, 8))})
    fm = ["---", f"title: {quoted(title)}",
          f"summary: {quoted('Work on ' + ', '.join(rng.sample(WORDS, 4)) + '.')}",
          f"order: {i + 1}", "tags: [" + ", ".join(quoted(t) for t in tags) + "]"]
    if kind == "case-studies":
        fm.append(f"sector: {rng.choice(SECTORS)}")
    fm.append("---")
    a, b, c = rng.randint(1000, 9_000_000), rng.choice(tags), rng.choice(names)
    body = [PROSE.format(a=f"{a:,}", b=b, c=c), "", "## What the work covered", ""]
    body += [f"- {w.capitalize()} for the **{b}** side" for w in rng.sample(WORDS, 3)]
    body += ["", f"Built with {', '.join(tags[:3])}; shipped behind a feature flag in {rng.randint(2, 12)} weeks."]
    return "\n".join(fm + body) + "\n"


def generate(directory, items, tags, seed=7):
    rng = random.Random(seed)
    names = tag_names(rng, tags)
    for folder in ("services", "case-studies"):
        os.makedirs(os.path.join(directory, folder), exist_ok=True)
    with open(os.path.join(directory, "profile.md"), "w") as f:
        f.write("---\nname: Bench\nheadline: \"Generated portfolio\"\ntagline: \"For scripts/bench\"\n"
                f"email: bench@example.org\ntags: [{quoted(names[0])}]\n---\n"
                "A generated portfolio, large enough to show how folio scales.\n")
    with open(os.path.join(directory, "stack.yml"), "w") as f:
        f.write(stack_yml(rng, names))
    used = set()
    for i in range(items):
        kind = "services" if i % 5 == 0 else "case-studies"
        while True:  # distinct slugs, not near-duplicates: real authors name pages apart
            slug = "-".join(rng.sample(WORDS, 2)) + "-" + "".join(rng.choices("abcdefghjkmnpqrstvwxyz", k=5))
            if slug not in used:
                used.add(slug)
                break
        with open(os.path.join(directory, kind, slug + ".md"), "w") as f:
            f.write(item_page(rng, i, names, kind))


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("directory")
    ap.add_argument("--items", type=int, default=1000)
    ap.add_argument("--tags", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    generate(a.directory, a.items, a.tags, a.seed)
