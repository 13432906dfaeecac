/// Case and accent folding for search, without Foundation.
///
/// The standard library has no public NFD, so accents are folded with a table: every lowercase
/// letter in Latin-1 Supplement, Latin Extended-A/B and Latin Extended Additional whose canonical
/// decomposition is an ASCII letter plus combining marks (generated from Unicode's decompositions),
/// plus the letters that do not decompose but read as ASCII (ß → ss, æ → ae, ø → o, ł → l, …).
/// Text already in decomposed form is handled too: combining marks are dropped after lowercasing.
/// Other scripts (Greek, Cyrillic, CJK) are lowercased but otherwise left as they are.
enum Fold {
    /// Appends the folded scalars of one character to `out`; returns how many were appended
    /// (0 for a lone combining mark, 2 for ß).
    @discardableResult
    static func append(_ ch: Character, to out: inout [UInt32]) -> Int {
        if let a = ch.asciiValue {  // fast path; also maps CRLF to LF
            out.append(UInt32(a >= 0x41 && a <= 0x5A ? a | 0x20 : (ch.isWhitespace ? 0x20 : a)))
            return 1
        }
        if ch.isWhitespace {
            out.append(0x20)
            return 1
        }
        let before = out.count
        for s in ch.lowercased().unicodeScalars { appendLowercased(s, to: &out) }
        return out.count - before
    }

    /// Appends the folded form of one scalar, for text walked scalar by scalar (page bodies).
    /// Agrees with `append(_:to:)` on every character but the few whose lowercase depends on
    /// context (a final sigma). Controls fold to a space: they never sit inside a word.
    static func append(scalar s: Unicode.Scalar, to out: inout [UInt32]) {
        let v = s.value
        if v < 0x80 {
            out.append(v >= 0x41 && v <= 0x5A ? v | 0x20 : (v < 0x20 || v == 0x7F ? 0x20 : v))
        } else if (0x80 ... 0x9F).contains(v) || s.properties.isWhitespace {
            out.append(0x20)
        } else if s.properties.changesWhenLowercased {
            for l in s.properties.lowercaseMapping.unicodeScalars { appendLowercased(l, to: &out) }
        } else {
            appendLowercased(s, to: &out)
        }
    }

    /// A lowercase scalar without its accent: combining marks vanish, table letters become ASCII.
    private static func appendLowercased(_ s: Unicode.Scalar, to out: inout [UInt32]) {
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark:
            return  // the accent of a decomposed letter
        default:
            break
        }
        if let packed = foldTable[s.value] {
            out.append(packed & 0xFF)
            if packed > 0xFF { out.append(packed >> 8) }
        } else {
            out.append(s.value)
        }
    }

    /// The folded scalars of a query: whitespace runs collapse to one space, ends trimmed.
    static func query(_ s: String) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(s.unicodeScalars.count)
        for ch in s {
            append(ch, to: &out)
            if out.count >= 2, out[out.count - 1] == 0x20, out[out.count - 2] == 0x20 {
                out.removeLast()
            }
        }
        if out.first == 0x20 { out.removeFirst() }
        if out.last == 0x20 { out.removeLast() }
        return out
    }

    /// Folds a whole string (for tests and for comparing names).
    static func string(_ s: String) -> String {
        if let folded = ascii(s) { return folded }
        var out: [UInt32] = []
        for ch in s { append(ch, to: &out) }
        var result = ""
        result.unicodeScalars.append(contentsOf: out.compactMap { Unicode.Scalar($0) })
        return result
    }

    /// An ASCII string folded by byte, as `append(_:to:)` folds it by character (a CR LF pair is
    /// one character, one space); nil at the first byte that is not ASCII. Tag names, aliases
    /// and titles nearly always are ASCII, and breaking them into characters cost ten times more.
    private static func ascii(_ s: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count)
        var afterCR = false
        for b in s.utf8 {
            guard b < 0x80 else { return nil }
            defer { afterCR = b == 0x0D }
            if b == 0x0A && afterCR { continue }
            bytes.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : (0x09 ... 0x0D).contains(b) ? 0x20 : b)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Lowercase letter → one or two ASCII letters packed low byte first.
let foldTable: [UInt32: UInt32] = {
    var table: [UInt32: UInt32] = [:]
    for (base, letters) in decomposingLetters {
        let value = base.unicodeScalars.first!.value
        for s in letters.unicodeScalars { table[s.value] = value }
    }
    for (letter, ascii) in nonDecomposingLetters {
        let scalars = Array(ascii.unicodeScalars)
        var packed = scalars[0].value
        if scalars.count > 1 { packed |= scalars[1].value << 8 }
        table[letter.unicodeScalars.first!.value] = packed
    }
    return table
}()

/// Generated from UnicodeData: lowercase letters in U+00C0–U+024F and U+1E00–U+1EFF whose NFD is
/// the ASCII letter plus combining marks.
let decomposingLetters: [(String, String)] = [
    ("a", "àáâãäåāăąǎǟǡǻȁȃȧḁạảấầẩẫậắằẳẵặ"),
    ("b", "ḃḅḇ"),
    ("c", "çćĉċčḉ"),
    ("d", "ďḋḍḏḑḓ"),
    ("e", "èéêëēĕėęěȅȇȩḕḗḙḛḝẹẻẽếềểễệ"),
    ("f", "ḟ"),
    ("g", "ĝğġģǧǵḡ"),
    ("h", "ĥȟḣḥḧḩḫẖ"),
    ("i", "ìíîïĩīĭįǐȉȋḭḯỉị"),
    ("j", "ĵǰ"),
    ("k", "ķǩḱḳḵ"),
    ("l", "ĺļľḷḹḻḽ"),
    ("m", "ḿṁṃ"),
    ("n", "ñńņňǹṅṇṉṋ"),
    ("o", "òóôõöōŏőơǒǫǭȍȏȫȭȯȱṍṏṑṓọỏốồổỗộớờởỡợ"),
    ("p", "ṕṗ"),
    ("r", "ŕŗřȑȓṙṛṝṟ"),
    ("s", "śŝşšșṡṣṥṧṩ"),
    ("t", "ţťțṫṭṯṱẗ"),
    ("u", "ùúûüũūŭůűųưǔǖǘǚǜȕȗṳṵṷṹṻụủứừửữự"),
    ("v", "ṽṿ"),
    ("w", "ŵẁẃẅẇẉẘ"),
    ("x", "ẋẍ"),
    ("y", "ýÿŷȳẏẙỳỵỷỹ"),
    ("z", "źżžẑẓẕ"),
]

/// Letters with no decomposition that a reader still types as ASCII.
private let nonDecomposingLetters: [(String, String)] = [
    ("ß", "ss"), ("æ", "ae"), ("œ", "oe"), ("ø", "o"), ("ð", "d"), ("þ", "th"), ("đ", "d"),
    ("ħ", "h"), ("ı", "i"), ("ĳ", "ij"), ("ŀ", "l"), ("ł", "l"), ("ŧ", "t"), ("ſ", "s"),
    ("ƀ", "b"), ("ƒ", "f"), ("ǆ", "dz"), ("ǳ", "dz"), ("ǉ", "lj"), ("ǌ", "nj"), ("ȷ", "j"),
]
