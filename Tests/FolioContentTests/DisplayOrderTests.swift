import Testing
import FolioTestSupport
@testable import FolioContent

/// `ContentLoader.displayOrder` (pairs sorted, then runs of equal orders by title and slug)
/// against the rule written out as one comparison: order (0 last), title ignoring case, slug.
@Suite struct DisplayOrderTests {
    static func reference(_ sources: [ItemSource]) -> [Int] {
        sources.indices.sorted { a, b in
            let (x, y) = (sources[a].item, sources[b].item)
            let (ox, oy) = (x.order == 0 ? Int.max : x.order, y.order == 0 ? Int.max : y.order)
            if ox != oy { return ox < oy }
            if x.title.lowercased() != y.title.lowercased() { return x.title.lowercased() < y.title.lowercased() }
            return x.slug < y.slug
        }
    }

    @Test func matchesTheRuleOnRandomSources() {
        var random = LCG64(seed: 15)
        // Few orders and few titles, so most items tie on both and fall back to the slug;
        // orders at the ends of Int and 0 (unset) included, titles differing only in case.
        let orders = [0, 0, 1, 2, 3, -5, Int.max, Int.min, 1_000_000]
        let titles = ["Alpha", "alpha", "ALPHA", "Beta", "beta", "Ébène", "ébène", "zeta", ""]
        for round in 0..<200 {
            let count = random.next(60)
            var used = Set<String>()
            var sources: [ItemSource] = []
            while sources.count < count {
                let slug = "s\(random.next(500))"
                guard used.insert(slug).inserted else { continue }
                let item = Item(kind: round % 2 == 0 ? .service : .caseStudy, slug: slug,
                                title: titles[random.next(titles.count)], summary: "",
                                order: orders[random.next(orders.count)])
                sources.append(ItemSource(item: item, slugPosition: .start, tagPositions: []))
            }
            #expect(ContentLoader.displayOrder(sources) == Self.reference(sources), "round \(round)")
        }
    }

    /// Distinct orders (the bench's sites): the order alone decides.
    @Test func distinctOrdersNeedNoTitles() {
        let sources = (0..<1000).map { i in
            ItemSource(item: Item(kind: .service, slug: "p\(i)", title: "T", summary: "", order: (i * 7919) % 1000 + 1),
                       slugPosition: .start, tagPositions: [])
        }
        let order = ContentLoader.displayOrder(sources)
        #expect(order.map { sources[$0].item.order } == Array(1...1000))
    }
}
