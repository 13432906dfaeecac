/// Finds, among slugs added so far, the first that `Suggestions.slugsLookAlike` pairs with
/// a new slug, without comparing every pair (loading 10,000 items did n²/2 edit distances).
///
/// Candidates come from three hashed indexes, then each is checked with `slugsLookAlike`
/// itself, so the answer is exactly the linear scan's:
/// - squashed slug (the "same once '-', '_', '.' are dropped" rule);
/// - whole-slug deletion variants, for slugs of ≤ 10 scalars: two strings within one edit
///   (optimal string alignment) share a variant with at most one scalar deleted;
/// - half deletion variants, for slugs of ≥ 10 scalars (the two-edit rule): within two
///   edits, one half of `a` is within one edit of `b`'s prefix (or suffix) of the same
///   length ± 1, so they share a ≤ 1-deletion variant. Keys carry `a`'s length and side.
/// Hash collisions only add candidates, which the final check drops.
struct SlugIndex {
    private var slugs: [String] = []
    private var squashed: [String: Int] = [:]           // squashed slug → first slug with it
    private var heads: [UInt64: Int32] = [:]            // variant key → newest entry
    private var entries: [(next: Int32, slug: Int32)] = []

    /// The earliest added slug that looks like `slug`, if any.
    func firstLookAlike(_ slug: String) -> String? {
        let scalars = Array(slug.unicodeScalars)
        var candidates: [Int] = []
        if let index = squashed[Self.squash(slug)] { candidates.append(index) }
        forEachQueryKey(scalars) { key in
            var entry = heads[key] ?? -1
            while entry >= 0 {
                candidates.append(Int(entries[Int(entry)].slug))
                entry = entries[Int(entry)].next
            }
        }
        for index in Set(candidates).sorted() where Suggestions.slugsLookAlike(slugs[index], slug) {
            return slugs[index]
        }
        return nil
    }

    mutating func add(_ slug: String) {
        let index = slugs.count
        slugs.append(slug)
        let key = Self.squash(slug)
        if squashed[key] == nil { squashed[key] = index }
        let scalars = Array(slug.unicodeScalars)
        var seen = Set<UInt64>()
        forEachIndexKey(scalars) { key in
            guard seen.insert(key).inserted else { return }
            entries.append((next: heads[key] ?? -1, slug: Int32(index)))
            heads[key] = Int32(entries.count - 1)
        }
    }

    // Same as `Suggestions.slugsLookAlike`'s squash.
    private static func squash(_ s: String) -> String {
        String(s.lowercased().unicodeScalars.filter { !"-_.".unicodeScalars.contains($0) })
    }

    private static let wholeTag: UInt64 = 1 << 62, suffixTag: UInt64 = 1 << 61

    private func forEachIndexKey(_ s: [Unicode.Scalar], _ body: (UInt64) -> Void) {
        let n = s.count
        if n <= 10 { Self.variants(s[...], tag: Self.wholeTag, body) }
        if n >= 10 {
            let h = n / 2
            Self.variants(s[..<h], tag: UInt64(n), body)
            Self.variants(s[h...], tag: Self.suffixTag | UInt64(n), body)
        }
    }

    /// Keys under which a slug `a` that looks like `s` would have been indexed.
    private func forEachQueryKey(_ s: [Unicode.Scalar], _ body: (UInt64) -> Void) {
        let m = s.count
        if m <= 10 { Self.variants(s[...], tag: Self.wholeTag, body) }
        guard m >= 10 else { return }
        for n in max(10, m - 2)...(m + 2) {
            let h = n / 2
            for delta in -1...1 {
                let prefix = h + delta, suffix = n - h + delta
                if prefix >= 0, prefix <= m { Self.variants(s[..<prefix], tag: UInt64(n), body) }
                if suffix >= 0, suffix <= m { Self.variants(s[(m - suffix)...], tag: Self.suffixTag | UInt64(n), body) }
            }
        }
    }

    /// Hashes of `piece` and of `piece` with each one scalar deleted (FNV-1a, with `tag`).
    private static func variants(_ piece: ArraySlice<Unicode.Scalar>, tag: UInt64, _ body: (UInt64) -> Void) {
        func hash(skipping skip: Int) -> UInt64 {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ tag
            h = h &* 0x100_0000_01b3
            for i in piece.indices where i != skip {
                h = (h ^ UInt64(piece[i].value)) &* 0x100_0000_01b3
            }
            return (h ^ UInt64(piece.count - (skip == Int.min ? 0 : 1))) &* 0x100_0000_01b3
        }
        body(hash(skipping: Int.min))
        for i in piece.indices { body(hash(skipping: i)) }
    }
}
