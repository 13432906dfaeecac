/// The one gate all content and visitor text passes before it can reach a terminal.
///
/// - C0 controls (except tab and newline), DEL and ESC become Control Pictures (`␀`, `␛`, `␡`);
///   a CR directly before LF is dropped (CRLF line endings), a lone CR becomes `␍`.
/// - C1 controls (U+0080–U+009F) and format characters (bidi embeddings, overrides, isolates and
///   marks, U+061C, ZWSP, ZWNJ, word joiner, BOM, …) become `<U+XXXX>`, so nothing can reorder,
///   hide or inject text.
/// - ZWJ is kept only inside an emoji ZWJ sequence (an emoji base and a following emoji in the
///   same grapheme cluster, e.g. 👩‍💻); tag characters only inside a flag tag sequence (🏴 + tags).
///   Everywhere else they are marked like any other format character.
/// - U+00AD SOFT HYPHEN is dropped: it is only a hyphenation hint and terminals disagree on it.
/// - U+2028/U+2029 (line and paragraph separators) become "\n".
/// - A character carries at most `DisplayWidth.marksPerCell` combining marks (what one terminal
///   cell holds); the rest are dropped and `<+N marks>` follows the cluster. A letter with
///   500,000 marks took seconds in every later step that walks clusters.
public enum Sanitiser {
    /// `s` with every unsafe character replaced by a visible marker. Tabs and newlines stay.
    public static func clean(_ s: String) -> String {
        isPlain(s, allowingBreaks: true) ? s : rebuild(s, singleLine: false)
    }

    /// Like `clean`, and newlines and tabs become single spaces: for one-line fields.
    public static func cleanLine(_ s: String) -> String {
        isPlain(s, allowingBreaks: false) ? s : rebuild(s, singleLine: true)
    }

    /// A URL for inside a terminal control string (an OSC 8 hyperlink): `cleanLine` first,
    /// then every byte outside `!`…`~` percent-encoded (spaces, non-ASCII, and with them any
    /// marker `cleanLine` put for ESC, BEL or a C1 control). What is left cannot end the
    /// sequence early or start another: it is printable ASCII only.
    public static func controlText(_ s: String) -> String {
        var out = ""
        for byte in cleanLine(s).utf8 {
            if byte > 0x20 && byte < 0x7F {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let digits = Array("0123456789ABCDEF".unicodeScalars)
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(digits[Int(byte >> 4)])
                out.unicodeScalars.append(digits[Int(byte & 0xF)])
            }
        }
        return out
    }

    /// Decodes UTF-8, replacing each invalid sequence with U+FFFD and dropping a leading BOM.
    /// The result is not cleaned: pass it through `clean` before display.
    public static func decode(_ bytes: some Collection<UInt8>) -> String {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return String(decoding: bytes.dropFirst(3), as: UTF8.self)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Printable ASCII (plus tab/newline when allowed) needs no work: the common case.
    private static func isPlain(_ s: String, allowingBreaks: Bool) -> Bool {
        for byte in s.utf8 {
            if byte >= 0x20 && byte < 0x7F { continue }
            if allowingBreaks && (byte == 0x09 || byte == 0x0A) { continue }
            return false
        }
        return true
    }

    private static func rebuild(_ s: String, singleLine: Bool) -> String {
        var out = String.UnicodeScalarView()
        for cluster in s {
            let scalars = Array(cluster.unicodeScalars)
            let base = scalars[0]
            let emojiBase = base.value > 0x7F && base.properties.isEmoji
            var marks = 0, dropped = 0
            for (i, scalar) in scalars.enumerated() {
                let v = scalar.value
                if v == 0x0D && i + 1 < scalars.count && scalars[i + 1].value == 0x0A { continue }
                if v >= 0x300 {
                    let category = scalar.properties.generalCategory
                    if category == .nonspacingMark || category == .enclosingMark {
                        guard marks < DisplayWidth.marksPerCell else { dropped += 1; continue }
                        marks += 1
                    } else if DisplayWidth.of(scalar) > 0 {
                        marks = 0
                    }
                } else if v >= 0x20 {
                    marks = 0
                }
                if singleLine && (v == 0x0A || v == 0x09 || v == 0x2028 || v == 0x2029) {
                    out.append(" ")
                } else if v == 0x200D && emojiBase && i + 1 < scalars.count {
                    out.append(scalar)  // joins two emoji inside one cluster
                } else if (0xE0020...0xE007F).contains(v) && base.value == 0x1F3F4 {
                    out.append(scalar)  // subdivision flag tag sequence
                } else {
                    appendSafe(scalar, to: &out)
                }
            }
            if dropped > 0 { out.append(contentsOf: "<+\(dropped) marks>".unicodeScalars) }
        }
        return String(out)
    }

    private static func appendSafe(_ scalar: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
        let v = scalar.value
        switch v {
        case 0x09, 0x0A:
            out.append(scalar)
        case 0x00..<0x20:
            out.append(Unicode.Scalar(0x2400 + v)!)  // Control Pictures: ␀ … ␟ (␛ for ESC)
        case 0x7F:
            out.append("\u{2421}")  // ␡
        case 0x80...0x9F:
            out.append(contentsOf: marker(v).unicodeScalars)
        case 0xAD:
            break
        case 0x2028, 0x2029:
            out.append("\n")
        case 0x20...0x7E:
            out.append(scalar)
        default:
            if isHiddenFormat(scalar) {
                out.append(contentsOf: marker(v).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
    }

    /// Format (Cf) characters are invisible or reorder text; a few prepended number signs
    /// (U+0600–0605 and friends) are Cf yet print a glyph, so they stay.
    private static func isHiddenFormat(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.properties.generalCategory == .format else { return false }
        switch scalar.value {
        case 0x600...0x605, 0x6DD, 0x70F, 0x890, 0x891, 0x8E2, 0x110BD, 0x110CD: return false
        default: return true
        }
    }

    /// `<U+202E>`: upper-case hex, at least four digits.
    static func marker(_ v: UInt32) -> String {
        let hex = String(v, radix: 16, uppercase: true)
        return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
    }
}
