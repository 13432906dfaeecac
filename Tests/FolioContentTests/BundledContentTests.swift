import Testing
@testable import FolioContent

/// The repository's own Content/ must load clean and hold everything the seed says.
@Suite struct BundledContentTests {
    let portfolio = ContentLoader.load(directory: TestSupport.bundledContent)

    @Test func loadsWithoutDiagnostics() {
        #expect(portfolio.diagnostics.map(\.description) == [])
    }

    @Test func holdsFourServicesAndThreeCaseStudiesInOrder() {
        #expect(portfolio.services.map(\.title) == [
            "Microservices & integrations", "Event-driven & serverless",
            "ETL & data movement", "APIs & documentation",
        ])
        #expect(portfolio.caseStudies.map(\.title) == ["Bankvole", "SeekMake", "Crop2Cash"])
        #expect(portfolio.caseStudies.map(\.sector) == ["fintech", "SaaS for manufacturers", "agritech"])
        #expect(portfolio.items.allSatisfy { !$0.summary.isEmpty && !$0.body.isEmpty })
    }

    @Test func stackKeepsTheSeedGroupsExactly() {
        let groups = Dictionary(uniqueKeysWithValues: portfolio.stack.groups.map { ($0.name, $0.tags) })
        #expect(groups["Languages"] == ["Python", "Bash", "TypeScript", "Go", "Java", "Node.js"])
        #expect(groups["Containers & orchestration"] == ["Kubernetes", "Docker", "Docker Compose", "EKS", "GKE", "Helm"])
        #expect(groups["IaC & provisioning"] == ["Terraform", "Terragrunt", "Ansible", "Helm", "GitOps"])
        #expect(groups["Messaging & data"] == ["Kafka", "RabbitMQ", "SQS", "PostgreSQL", "MongoDB", "Redis", "MySQL"])
        #expect(Array(portfolio.stack.groups.prefix(4).map(\.name)) == [
            "Languages", "Containers & orchestration", "IaC & provisioning", "Messaging & data",
        ])
        #expect(portfolio.stack.tag(named: "Helm")?.groups == ["Containers & orchestration", "IaC & provisioning"])
        #expect(portfolio.stack.intro.hasPrefix("The stack changes from project to project"))
    }

    @Test func everySeedTagIsInTheStack() {
        let names = Set(portfolio.stack.tags.map(\.name))
        for tag in TestSupport.seedTags { #expect(names.contains(tag), "missing \(tag)") }
        #expect(portfolio.stack.tag(named: "Kubernetes")?.aliases.contains("k8s") == true)
        #expect(portfolio.stack.canonicalName(for: "postgres") == "PostgreSQL")
    }

    @Test func itemsCarryTheTagsTheSeedTiesToThem() {
        #expect(portfolio.item(slug: "event-driven-serverless")?.tags
                == ["Event-driven", "Serverless", "GCP", "Observability", "Idempotency keys", "Dead-letter queues"])
        #expect(portfolio.item(slug: "etl-data-movement")?.tags.contains("Rascal MPL") == true)
        #expect(portfolio.item(slug: "microservices-integrations")?.tags.contains("GitLab") == true)
        #expect(portfolio.profile.tags.starts(with: ["TypeScript", "Node.js", "Java", "Rascal MPL"]))
        #expect(portfolio.users(ofTag: "Rascal MPL") == ["profile", "services/etl-data-movement"])
    }

    @Test func profileHasTheSeedsFacts() {
        let profile = portfolio.profile
        #expect(profile.name == "Engineering · Backend")
        #expect(profile.headline == "Backend Engineering — Distributed Systems & Microservices")
        #expect(profile.email == "hello@example.com")
        #expect(profile.contactPrompt == "Talk about a backend project")
        for fact in ["five years", "Lybertine", "Upfirst", "Dedukt", "Periteleios", "fintech", "edutech",
                     "agritech", "Reliability first", "Test what matters", "Maintainability over cleverness"] {
            #expect(profile.body.contains(fact), "profile body lacks \(fact)")
        }
    }
}
