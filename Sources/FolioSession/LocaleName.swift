import Glibc

/// Checks locale names a client sends (LANG, LC_*). glibc treats a name containing `/` as a
/// path to locale files, and ncurses picks its character handling from the result, so only
/// well-formed names of locales installed on this box are passed on.
public enum LocaleName {
    /// `C`, `POSIX`, or `language[_TERRITORY][.codeset][@modifier]` with
    /// language 2–3 letters, territory 2 capitals, codeset and modifier 1–32 of [A-Za-z0-9-].
    public static func isWellFormed(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard !bytes.isEmpty, bytes.count <= 80 else { return false }
        var i = 0
        func run(_ allowed: (UInt8) -> Bool, max: Int) -> Int {
            let start = i
            while i < bytes.count, i - start < max, allowed(bytes[i]) { i += 1 }
            return i - start
        }
        if name.hasPrefix("POSIX") {
            i = 5
        } else if bytes[0] == UInt8(ascii: "C"), bytes.count == 1 || bytes[1] == UInt8(ascii: ".") {
            i = 1
        } else {
            guard (2...3).contains(run(isLetter, max: 3)) else { return false }
            if i < bytes.count, bytes[i] == UInt8(ascii: "_") {
                i += 1
                guard run(isUpper, max: 2) == 2 else { return false }
            }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard run(isCodesetByte, max: 32) >= 1 else { return false }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "@") {
            i += 1
            guard run(isAlnum, max: 32) >= 1 else { return false }
        }
        return i == bytes.count
    }

    /// Whether glibc can load `name` for `category` (an `LC_*` constant, or `LC_ALL`).
    /// Uses `newlocale`, which builds a separate locale object: the process locale is never
    /// touched, so this is safe while other threads run.
    public static func isInstalled(_ name: String, category: Int32 = LC_ALL) -> Bool {
        guard let locale = newlocale(mask(for: category), name, nil) else { return false }
        freelocale(locale)
        return true
    }

    /// Well-formed and installed.
    public static func isUsable(_ name: String, category: Int32 = LC_ALL) -> Bool {
        isWellFormed(name) && isInstalled(name, category: category)
    }

    /// The `LC_*_MASK` for a category; Swift cannot import glibc's LC_ALL_MASK macro.
    static func mask(for category: Int32) -> Int32 {
        guard category == LC_ALL else { return 1 << category }
        return allCategories.reduce(0) { $0 | (1 << $1) }
    }

    static let allCategories: [Int32] = [
        LC_CTYPE, LC_NUMERIC, LC_TIME, LC_COLLATE, LC_MONETARY, LC_MESSAGES, LC_PAPER, LC_NAME,
        LC_ADDRESS, LC_TELEPHONE, LC_MEASUREMENT, LC_IDENTIFICATION,
    ]

    /// The environment variables glibc reads, each with the category it sets.
    public static let variables: [(name: String, category: Int32)] = [
        ("LANG", LC_ALL), ("LC_ALL", LC_ALL), ("LC_CTYPE", LC_CTYPE), ("LC_NUMERIC", LC_NUMERIC),
        ("LC_TIME", LC_TIME), ("LC_COLLATE", LC_COLLATE), ("LC_MONETARY", LC_MONETARY),
        ("LC_MESSAGES", LC_MESSAGES), ("LC_PAPER", LC_PAPER), ("LC_NAME", LC_NAME),
        ("LC_ADDRESS", LC_ADDRESS), ("LC_TELEPHONE", LC_TELEPHONE),
        ("LC_MEASUREMENT", LC_MEASUREMENT), ("LC_IDENTIFICATION", LC_IDENTIFICATION),
    ]

    private static func isLetter(_ b: UInt8) -> Bool { isUpper(b) || (b >= 0x61 && b <= 0x7A) }
    private static func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    private static func isAlnum(_ b: UInt8) -> Bool { isLetter(b) || (b >= 0x30 && b <= 0x39) }
    private static func isCodesetByte(_ b: UInt8) -> Bool { isAlnum(b) || b == UInt8(ascii: "-") }
}
