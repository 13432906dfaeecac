import FolioContent

/// Hand-built portfolios for the search tests (no loader involved).
enum SearchFixtures {
    static func portfolio(tags: [Tag], services: [Item] = [], caseStudies: [Item] = []) -> Portfolio {
        let profile = Profile(name: "Test", headline: "Backend", tagline: "", email: "a@example.org",
                              links: [], body: "", path: "")
        return Portfolio(profile: profile, services: services, caseStudies: caseStudies,
                         stack: Stack(tags: tags))
    }

    static func service(_ title: String, _ tags: [String]) -> Item {
        Item(kind: .service, slug: slug(title), title: title, summary: "", tags: tags)
    }

    static func caseStudy(_ title: String, _ tags: [String]) -> Item {
        Item(kind: .caseStudy, slug: slug(title), title: title, summary: "", tags: tags)
    }

    private static func slug(_ title: String) -> String {
        String(title.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }

    /// Shaped like the seed: four groups of stack tags, three services, three case studies.
    static let seedLike: Portfolio = portfolio(
        tags: [
            Tag(name: "Python", groups: ["Languages"]),
            Tag(name: "TypeScript", aliases: ["ts"], groups: ["Languages"]),
            Tag(name: "Go", aliases: ["golang"], groups: ["Languages"]),
            Tag(name: "Node.js", aliases: ["node", "nodejs"], groups: ["Languages"]),
            Tag(name: "Kubernetes", aliases: ["k8s"], groups: ["Containers & orchestration"]),
            Tag(name: "Docker Compose", groups: ["Containers & orchestration"]),
            Tag(name: "Helm", groups: ["Containers & orchestration", "IaC & provisioning"]),
            Tag(name: "GitOps", groups: ["IaC & provisioning"]),
            Tag(name: "Kafka", groups: ["Messaging & data"]),
            Tag(name: "RabbitMQ", aliases: ["rabbit"], groups: ["Messaging & data"]),
            Tag(name: "PostgreSQL", aliases: ["postgres", "psql"], groups: ["Messaging & data"]),
            Tag(name: "MongoDB", aliases: ["mongo"], groups: ["Messaging & data"]),
            Tag(name: "Rascal MPL", groups: ["Languages"]),
        ],
        services: [
            service("Microservices & integrations", ["TypeScript", "Node.js", "PostgreSQL"]),
            service("Event-driven & serverless", ["Kafka", "TypeScript"]),
            service("ETL & data movement", ["postgres", "Rascal MPL", "Python", "PostgreSQL"]),
        ],
        caseStudies: [
            caseStudy("Bankvole", ["PostgreSQL", "Kafka", "TypeScript", "Node.js"]),
            caseStudy("SeekMake", ["postgresql", "TypeScript"]),
            caseStudy("Crop2Cash", ["MongoDB", "Node.js", "Kafka"]),
        ])

    /// One tag per match kind for "sql", with usage counts that exercise the tie-breaks.
    static let sqlLadder: Portfolio = portfolio(
        tags: [
            Tag(name: "Sequel"), Tag(name: "NoSQL"), Tag(name: "MySQL"), Tag(name: "PostgreSQL"),
            Tag(name: "SQLite"), Tag(name: "SQL Server"), Tag(name: "SQL"),
        ],
        services: [
            service("One", ["PostgreSQL", "SQL Server", "Sequel"]),
            service("Two", ["PostgreSQL"]),
        ])
}
