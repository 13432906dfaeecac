import FolioContent
import FolioTestSupport


/// A synthetic portfolio shaped like real content, only much larger: camelCase and multi-word
/// tag names (some accented), aliases on a third of them, items with a skewed tag usage.
enum PortfolioGenerator {
    private static let heads = [
        "Post", "Mongo", "Rabbit", "Kube", "Terra", "Cloud", "Data", "Stream", "Graph", "Event",
        "Redis", "Elastic", "Open", "Fast", "Spark", "Flink", "Argo", "Vault", "Consul", "Nomad",
        "Type", "Java", "Node", "Deno", "Bun", "Cargo", "Helm", "Pulumi", "Envoy", "Istio",
        "Crème", "Señor", "Über", "Façade", "Jäger", "Øre", "Straße", "Pythön",
    ]
    private static let tails = [
        "SQL", "DB", "MQ", "Flow", "Grid", "Hub", "Lab", "Ops", "Kit", "Base", "Store", "Cache",
        "Mesh", "Gate", "Script", "Lake", "Queue", "Bus", "Proxy", "Sync", "Watch", "Forge",
    ]
    private static let words = [
        "Platform", "Engine", "Server", "Cloud", "Pipeline", "Toolkit", "Runtime", "Studio",
        "Operator", "Gateway", "Compose", "Registry", "Monitor", "Broker", "Scheduler", "Agent",
    ]
    private static let groupNames = [
        "Languages", "Containers & orchestration", "IaC & provisioning", "Messaging & data",
        "Observability", "Security", "Testing", "Frontend",
    ]
    private static let titleWords = [
        "banking", "platform", "payments", "ledger", "marketplace", "migration", "pipeline",
        "analytics", "onboarding", "invoicing", "loans", "events", "streaming", "integration",
        "search", "identity", "billing", "warehouse", "logistics", "farmers", "manufacturing",
        "résumé", "café", "orders", "catalogue", "notifications", "fraud", "risk", "reporting",
        "ETL", "API", "SaaS", "fintech", "agritech", "healthcare", "insurance", "telemetry",
    ]

    /// Prose for bodies: common words, the tag heads, some accents, the odd rare word.
    private static let prose = [
        "the", "and", "of", "to", "a", "in", "we", "for", "with", "that", "on", "was", "our", "team",
        "service", "data", "events", "clients", "latency", "throughput", "migration", "schema",
        "deployed", "monitoring", "rollout", "consumers", "producers", "queue", "retries", "ledger",
        "reconciliation", "batch", "nightly", "jobs", "dashboards", "alerts", "on-call", "budget",
        "café", "résumé", "naïve", "façade", "Zürich", "kafka", "postgres", "kubernetes", "terraform",
        "idempotent", "backpressure", "sharding", "replicas", "failover", "**critical**", "`config`",
    ]

    /// About `bytes` of Markdown: a heading, paragraphs of hard-wrapped lines, a list, a link.
    static func body(_ rng: inout SplitMix64, bytes: Int, serial: Int) -> String {
        guard bytes > 0 else { return "" }
        var out = "## Context\n\n", line = ""
        while out.utf8.count + line.utf8.count < bytes {
            let word = Int.random(in: 0 ..< 400, using: &rng) == 0 ? "zephyr\(serial % 97)" : prose.randomElement(using: &rng)!
            line += (line.isEmpty ? "" : " ") + word
            if line.utf8.count > 72 {
                out += line + (Int.random(in: 0 ..< 6, using: &rng) == 0 ? "\n\n" : "\n")
                line = ""
            }
        }
        return out + line + "\n\n- See [the runbook](https://example.org/runbook-\(serial)).\n"
    }

    static func make(tags tagCount: Int, items itemCount: Int, bodyBytes: Int = 0, seed: UInt64 = 42) -> Portfolio {
        var rng = SplitMix64(seed: seed)
        var tags: [Tag] = []
        var seen = Set<String>()
        while tags.count < tagCount {
            let name = tagName(&rng, serial: tags.count, seen: seen)
            seen.insert(name)
            let aliases = Int.random(in: 0 ..< 3, using: &rng) == 0 ? [alias(of: name)] : []
            let groups = [groupNames.randomElement(using: &rng)!]
            tags.append(Tag(name: name, aliases: aliases, groups: groups))
        }
        var services: [Item] = [], caseStudies: [Item] = []
        for i in 0 ..< itemCount {
            let title = (0 ..< Int.random(in: 2 ... 6, using: &rng))
                .map { _ in titleWords.randomElement(using: &rng)! }.joined(separator: " ").capitalizedFirst
            // Squaring a uniform draw skews usage towards the first tags, as in real stacks.
            let itemTags = (0 ..< Int.random(in: 3 ... 8, using: &rng)).map { _ -> String in
                let u = Double.random(in: 0 ..< 1, using: &rng)
                return tags[Int(u * u * Double(tagCount))].name
            }
            let kind: ItemKind = i % 5 == 0 ? .service : .caseStudy
            let item = Item(kind: kind, slug: "item-\(i)", title: title, summary: "", order: i, tags: itemTags,
                            body: body(&rng, bytes: bodyBytes, serial: i))
            if kind == .service { services.append(item) } else { caseStudies.append(item) }
        }
        let profile = Profile(name: "Bench", headline: "Generated", tagline: "", email: "bench@example.org",
                              links: [], body: "", path: "")
        return Portfolio(profile: profile, services: services, caseStudies: caseStudies, stack: Stack(tags: tags))
    }

    private static func tagName(_ rng: inout SplitMix64, serial: Int, seen: Set<String>) -> String {
        let head = heads.randomElement(using: &rng)!
        let base: String
        switch Int.random(in: 0 ..< 3, using: &rng) {
        case 0: base = head + tails.randomElement(using: &rng)!
        case 1: base = head + " " + words.randomElement(using: &rng)!
        default: base = head + tails.randomElement(using: &rng)! + " " + words.randomElement(using: &rng)!
        }
        return seen.contains(base) ? "\(base) \(serial)" : base
    }

    /// Lowercase initials plus length, like "k8s": "PostgreSQL Engine" → "pe15".
    private static func alias(of name: String) -> String {
        let initials = name.split(separator: " ").compactMap(\.first).map { $0.lowercased() }.joined()
        return initials + String(name.count)
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
