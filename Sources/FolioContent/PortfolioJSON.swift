import FolioText
/// The portfolio as the JSON that `folio export --json` prints. The schema is documented
/// on `ExportCommand` and in the README; bump `schemaVersion` on any incompatible change.
extension Portfolio {
    public static let jsonSchemaVersion = 1

    public var json: JSONValue {
        .object([
            ("schemaVersion", .int(Portfolio.jsonSchemaVersion)),
            ("profile", profile.json),
            ("services", .array(services.map(\.json))),
            ("caseStudies", .array(caseStudies.map(\.json))),
            ("introductions", .object([("services", introductions[.service]?.json ?? .null),
                                       ("caseStudies", introductions[.caseStudy]?.json ?? .null)])),
            ("stack", .object([
                ("intro", .string(stack.intro)),
                ("groups", .array(stack.groups.map { group in
                    .object([("name", .string(group.name)), ("tags", strings(group.tags))])
                })),
                ("tags", .array(stack.tags.map { tag in
                    .object([
                        ("name", .string(tag.name)),
                        ("aliases", strings(tag.aliases)),
                        ("groups", strings(tag.groups)),
                        ("usedBy", strings(users(ofTag: tag.name))),
                    ])
                })),
            ])),
            ("diagnostics", .array(diagnostics.map(\.json))),
        ])
    }
}

extension Profile {
    var json: JSONValue {
        .object([
            ("name", .string(name)),
            ("headline", .string(headline)),
            ("tagline", .string(tagline)),
            ("email", .string(email)),
            ("contactPrompt", .string(contactPrompt)),
            ("links", .array(links.map { .object([("label", .string($0.label)), ("url", .string($0.url))]) })),
            ("tags", strings(tags)),
            ("body", .string(body)),
            ("path", .string(path)),
        ])
    }
}

extension Item {
    var json: JSONValue {
        .object([
            ("id", .string(id)),
            ("kind", .string(kind.rawValue)),
            ("slug", .string(slug)),
            ("title", .string(title)),
            ("summary", .string(summary)),
            ("sector", sector.map(JSONValue.string) ?? .null),
            ("order", .int(order)),
            ("tags", strings(tags)),
            ("date", date.map(JSONValue.string) ?? .null),
            ("body", .string(body)),
            ("path", .string(path)),
        ])
    }
}

extension SectionIntroduction {
    var json: JSONValue {
        .object([("title", .string(title)), ("body", .string(body)), ("path", .string(path))])
    }
}

extension Diagnostic {
    var json: JSONValue {
        .object([
            ("path", .string(path)),
            ("line", .int(line)),
            ("column", .int(column)),
            ("severity", .string(severity.rawValue)),
            ("message", .string(message)),
        ])
    }
}

private func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }
