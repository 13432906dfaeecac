/// Finds, among slugs added so far, the first that `Suggestions.slugsLookAlike` pairs with
/// a new slug, without comparing every pair (loading 10,000 items did n²/2 edit distances).
///
/// Candidates come from hashed keys, then each is checked with `slugsLookAlike` itself, so
/// the answer is exactly the pairwise scan's. Hash collisions only add candidates.
/// - Squashed slug: the "same once '-', '_', '.' are dropped" rule.
/// - Slugs of ≤ 10 scalars (one edit allowed): two strings within one edit (optimal string
///   alignment) share a variant with at most one scalar deleted.
/// - Slugs of ≥ 10 scalars (two edits): split the rest of `a` (after a prefix `b` must share
///   exactly) in halves. Either its second half is within one edit of `b`'s suffix of that
///   length ± 1, keyed by the prefix and ≤ 1-deletion variants of the suffix; or that half
///   takes ≥ 2 of the edits, so the first half but its last scalar (which a swap across the
///   cut may touch) matches exactly: grow the prefix and repeat. Under 7 scalars left, key
///   ≤ 2-deletion variants. Every key names `a`'s length, so a query tries lengths m ± 2.
///   Keys hold whole prefixes, so slugs that share a long stem (sector-word-xxxxx) do not
///   all become candidates of each other.
struct SlugIndex {
    private var slugs: [String] = []
    private var squashed: [String: Int] = [:]           // squashed slug → first slug with it
    private var heads = HashedKeyMap()                  // key → newest entry
    private var prefixes = HashedKeyMap()               // seeds of (length, step, exact prefix) in use
    private var entries: [(next: Int32, slug: Int32)] = []

    /// The earliest added slug that looks like `slug`, if any.
    func firstLookAlike(_ slug: String) -> String? {
        var candidates: Set<Int> = []
        if let index = squashed[Suggestions.squashed(slug)] { candidates.insert(index) }
        Self.forEachQueryKey(Array(slug.unicodeScalars), present: { prefixes[$0] >= 0 }) { key in
            var entry = heads[key]
            while entry >= 0 {
                candidates.insert(Int(entries[Int(entry)].slug))
                entry = entries[Int(entry)].next
            }
        }
        for index in candidates.sorted() where Suggestions.slugsLookAlike(slugs[index], slug) {
            return slugs[index]
        }
        return nil
    }

    mutating func add(_ slug: String) {
        let index = slugs.count
        slugs.append(slug)
        let key = Suggestions.squashed(slug)
        if squashed[key] == nil { squashed[key] = index }
        var seen = Set<UInt64>()
        // Static helpers: a method on self would keep a copy of `heads` alive while this
        // writes it, copying the whole table on every write.
        Self.forEachIndexKey(Array(slug.unicodeScalars)) { key in
            guard seen.insert(key).inserted else { return }
            entries.append((next: heads[key], slug: Int32(index)))
            heads[key] = Int32(entries.count - 1)
        }
        Self.forEachPrefixSeed(Array(slug.unicodeScalars)) { prefixes[$0] = 0 }
    }


    /// For a slug of `n` scalars: each step's exact prefix length and suffix length, then
    /// the prefix length before the short rest.
    private static func plan(_ n: Int) -> (steps: [(prefix: Int, suffix: Int)], rest: Int) {
        var steps: [(prefix: Int, suffix: Int)] = []
        var p = 0
        while n - p > 6 {
            let r = n - p
            steps.append((p, r - r / 2))
            p += r / 2 - 1
        }
        return (steps, p)
    }

    private static let wholeTag: UInt64 = 1 << 40

    private static func forEachIndexKey(_ a: [Unicode.Scalar], _ body: (UInt64) -> Void) {
        let n = a.count
        if n <= 10 { variants(a[...], seed: seed(wholeTag, a[..<0]), deletions: 1, body) }
        guard n >= 10 else { return }
        let (steps, rest) = plan(n)
        for (level, step) in steps.enumerated() {
            variants(a[(n - step.suffix)...], seed: seed(tag(n, level), a[..<step.prefix]), deletions: 1, body)
        }
        variants(a[rest...], seed: seed(tag(n, 255), a[..<rest]), deletions: 2, body)
    }

    /// The seeds `forEachIndexKey` starts its keys from: a query skips the variants of a
    /// prefix no slug has (most lookups would miss a table far larger than the caches).
    private static func forEachPrefixSeed(_ a: [Unicode.Scalar], _ body: (UInt64) -> Void) {
        let n = a.count
        guard n >= 10 else { return }
        let (steps, rest) = plan(n)
        for (level, step) in steps.enumerated() { body(seed(tag(n, level), a[..<step.prefix])) }
        body(seed(tag(n, 255), a[..<rest]))
    }

    /// Keys under which a slug `a` that looks like `b` would have been indexed.
    private static func forEachQueryKey(_ b: [Unicode.Scalar], present: (UInt64) -> Bool, _ body: (UInt64) -> Void) {
        let m = b.count
        if m <= 10 { variants(b[...], seed: seed(wholeTag, b[..<0]), deletions: 1, body) }
        guard m >= 10 else { return }
        for n in max(10, m - 2)...(m + 2) {
            let (steps, rest) = plan(n)
            for (level, step) in steps.enumerated() where step.prefix <= m {
                let start = seed(tag(n, level), b[..<step.prefix])
                guard present(start) else { continue }
                for delta in -1...1 where step.suffix + delta >= 0 && m - (step.suffix + delta) >= step.prefix {
                    variants(b[(m - step.suffix - delta)...], seed: start, deletions: 1, body)
                }
            }
            if rest <= m {
                let start = seed(tag(n, 255), b[..<rest])
                if present(start) { variants(b[rest...], seed: start, deletions: 2, body) }
            }
        }
    }

    private static func tag(_ n: Int, _ level: Int) -> UInt64 { UInt64(n) << 8 | UInt64(level) }

    // FNV-1a over the tag and the exact prefix (a key's seed); also the base of `variants`' hash.
    private static let prime: UInt64 = 0x100_0000_01b3

    private static func seed(_ tag: UInt64, _ prefix: ArraySlice<Unicode.Scalar>) -> UInt64 {
        var h = (0xcbf2_9ce4_8422_2325 ^ tag) &* prime
        for scalar in prefix { h = (h ^ UInt64(scalar.value)) &* prime }
        return (h ^ 0xffff_ffff) &* prime                  // ends the prefix
    }

    /// Hashes of `piece` with up to `deletions` (1 or 2) scalars deleted, each in constant
    /// time: a polynomial hash (Horner's rule, odd base, wrapping) of the variant is put
    /// together from prefix values, then mixed with `seed` and the variant's length.
    private static func variants(_ piece: ArraySlice<Unicode.Scalar>, seed: UInt64, deletions: Int,
                                 _ body: (UInt64) -> Void) {
        let n = piece.count
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * (n + 1)) { table in
            // pre[i]: the hash of the first i scalars; power[k]: base^k.
            let pre = table.baseAddress!, power = table.baseAddress! + (n + 1)
            pre[0] = 0; power[0] = 1
            for (i, scalar) in piece.enumerated() {
                pre[i + 1] = pre[i] &* prime &+ UInt64(scalar.value) &+ 1
                power[i + 1] = power[i] &* prime
            }
            func part(_ a: Int, _ b: Int) -> UInt64 { pre[b] &- pre[a] &* power[b - a] }   // scalars a..<b
            func key(_ h: UInt64, _ length: Int) -> UInt64 { mix(seed ^ h ^ UInt64(length) << 56) }
            body(key(pre[n], n))
            for i in 0..<n {
                body(key(pre[i] &* power[n - 1 - i] &+ part(i + 1, n), n - 1))
                guard deletions == 2 else { continue }
                for j in (i + 1)..<max(i + 1, n) {
                    body(key(pre[i] &* power[n - 2 - i] &+ part(i + 1, j) &* power[n - 1 - j] &+ part(j + 1, n), n - 2))
                }
            }
        }
    }

    /// SplitMix64's finaliser: spreads a polynomial hash over all 64 bits.
    private static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// UInt64 keys that are already hashes → Int32 (-1 when absent), open addressing: a
/// Dictionary would hash each key again with SipHash, and queries look up hundreds of keys.
private struct HashedKeyMap {
    private var keys = [UInt64](repeating: 0, count: 1024)     // 0 marks an empty slot
    private var values = [Int32](repeating: -1, count: 1024)
    private var count = 0

    private func slot(_ key: UInt64) -> Int {
        let mask = keys.count - 1
        var i = Int(truncatingIfNeeded: (key ^ key >> 31) & UInt64(mask))
        while keys[i] != 0 && keys[i] != key { i = (i + 1) & mask }
        return i
    }

    subscript(key: UInt64) -> Int32 {
        get { values[slot(key == 0 ? 1 : key)] }
        set {
            let key = key == 0 ? 1 : key                           // a collision only adds candidates
            var i = slot(key)
            if keys[i] == 0 {
                if (count + 1) * 2 > keys.count { grow(); i = slot(key) }
                keys[i] = key
                count += 1
            }
            values[i] = newValue
        }
    }

    private mutating func grow() {
        let (oldKeys, oldValues) = (keys, values)
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int32](repeating: -1, count: oldKeys.count * 2)
        for (key, value) in zip(oldKeys, oldValues) where key != 0 {
            let i = slot(key)
            keys[i] = key
            values[i] = value
        }
    }
}
