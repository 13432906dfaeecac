import FolioContent
@testable import FolioCore

/// Hand-built portfolios, so these tests never depend on Content/ changing.
enum Fixtures {
    static let profile = Profile(
        name: "Engineering · Backend",
        headline: "Backend Engineering — Distributed Systems & Microservices",
        tagline: "Contracts at the boundary, GitOps for delivery, observable by default.",
        email: "hello@example.org",
        links: [Link(label: "GitHub", url: "https://github.com/example"),
                Link(label: "LinkedIn", url: "https://www.linkedin.com/in/example")],
        body: """
        Backend work is the other side of the platform coin: microservices that talk through events, \
        ETL pipelines that move millions of rows, and idempotent APIs that survive retries.

        ## How I work

        - Reliability first: regression safeguards are the contract.
        - Test what matters: tests guard the boundaries that fail loudly.
        - Maintainability over cleverness.

        ## Experience

        Five years across fintech, edutech and agritech, mostly in TypeScript and Node.js.
        """,
        path: "Content/profile.md",
        tags: ["TypeScript", "Node.js", "Java", "Rascal MPL"])

    static let services = [
        Item(kind: .service, slug: "microservices", title: "Microservices & integrations",
             summary: "Narrow, versioned APIs and integration tests at the service boundary.", order: 1,
             tags: ["TypeScript", "Node.js", "GitHub", "GitLab", "CI/CD", "PostgreSQL"],
             body: "At Lybertine I drive full-stack development across the microservice fleet.\n\n## What I do\n\n- Version-control integrations\n- CI/CD pipelines\n"),
        Item(kind: .service, slug: "event-driven", title: "Event-driven & serverless",
             summary: "AI-assisted workflows on GCP, instrumented end to end.", order: 2,
             tags: ["GCP", "Serverless", "Idempotency keys", "Dead-letter queues", "Kafka"],
             body: "The system is serverless on GCP and event-driven."),
        Item(kind: .service, slug: "etl", title: "ETL & data movement",
             summary: "Loan data migrations and SQL-dialect compilers.", order: 3,
             tags: ["Rascal MPL", "SQL dialects", "PostgreSQL"],
             body: "Moving data correctly is mostly about being honest about failure modes."),
        Item(kind: .service, slug: "docs", title: "APIs & documentation",
             summary: "Docs that let the next engineer extend the system.", order: 4, tags: [],
             body: "Engineering docs are how the team scales past the person who built the thing."),
    ]

    static let caseStudies = [
        Item(kind: .caseStudy, slug: "bankvole", title: "Bankvole", summary: "A client-built banking platform.",
             sector: "fintech", order: 1, tags: ["PostgreSQL", "Kafka", "TypeScript", "Node.js"],
             body: longBody("Bankvole covers account creation, balances, transfers and transaction history.")),
        Item(kind: .caseStudy, slug: "seekmake", title: "SeekMake", summary: "A SaaS workspace for manufacturers.",
             sector: "SaaS", order: 2, tags: ["TypeScript", "PostgreSQL"],
             body: "Quote, invoice, follow up and track production without switching tools."),
        Item(kind: .caseStudy, slug: "crop2cash", title: "Crop2Cash", summary: "An agritech marketplace.",
             sector: "agritech", order: 3, tags: ["Node.js", "MongoDB"],
             body: "APIs that drive the marketplace and chart endpoints for operators."),
    ]

    static func longBody(_ lead: String) -> String {
        (1...6).map { "## Part \($0)\n\n\(lead) Paragraph \($0) says more about the work, the trade-offs and the people." }
            .joined(separator: "\n\n")
    }

    static let stack = Stack(
        intro: "The stack changes per project, but the spine is consistent.",
        groups: [
            TagGroup(name: "Languages", tags: ["Python", "TypeScript", "Java", "Node.js", "Rascal MPL"]),
            TagGroup(name: "Containers & orchestration", tags: ["Kubernetes", "Docker", "Helm"]),
            TagGroup(name: "IaC & provisioning", tags: ["Terraform", "Helm", "GitOps"]),
            TagGroup(name: "Messaging & data", tags: ["Kafka", "PostgreSQL", "MongoDB", "Redis"]),
            TagGroup(name: "Delivery", tags: ["GitHub", "GitLab", "CI/CD"]),
            TagGroup(name: "Cloud & patterns", tags: ["GCP", "Serverless", "Idempotency keys", "Dead-letter queues", "SQL dialects"]),
        ],
        tags: ["Python", "TypeScript", "Java", "Node.js", "Rascal MPL", "Kubernetes", "Docker", "Helm", "Terraform",
               "GitOps", "Kafka", "PostgreSQL", "MongoDB", "Redis", "GitHub", "GitLab", "CI/CD", "GCP", "Serverless",
               "Idempotency keys", "Dead-letter queues", "SQL dialects"].map { name in
            Tag(name: name,
                aliases: name == "PostgreSQL" ? ["postgres", "psql"] : name == "Kubernetes" ? ["k8s"] : [],
                groups: name == "Helm" ? ["Containers & orchestration", "IaC & provisioning"] : [])
        })

    static let portfolio = Portfolio(profile: profile, services: services, caseStudies: caseStudies, stack: stack)

    static let empty = Portfolio(
        profile: Profile(name: "", headline: "", tagline: "", email: "", links: [], body: "", path: ""),
        services: [], caseStudies: [], stack: Stack())

    static func state(_ width: Int = 80, _ height: Int = 24, _ portfolio: Portfolio = Fixtures.portfolio) -> AppState {
        AppState(portfolio: portfolio, width: width, height: height)
    }
}

extension AppState {
    /// Applies key names as `folio render --keys` would.
    mutating func press(_ names: String) {
        guard case .success(let keys) = Key.parseList(names) else { fatalError("bad key names: \(names)") }
        for key in keys { _ = handle(&self, key) }
    }

    var screen: String { render(self).lines().joined(separator: "\n") }
}
