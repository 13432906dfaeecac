/// TOML's unquoted values as the text FieldReader types: integers in decimal (`0x1F` → "31",
/// `1_000` → "1000"), floats as Swift prints them, booleans, and offset or local date-times,
/// dates and times as written (validated; `DateLabel` shows them).
enum TOMLBareValue {
    enum Reading: Equatable {
        case value(String)
        case problem(String)
    }

    /// The value `word` stands for, or why it is not one.
    static func read(_ word: String) -> Reading {
        let bytes = Array(word.utf8)
        if word == "true" || word == "false" { return .value(word) }
        if let text = integer(bytes) { return text }
        if let text = float(bytes) { return .value(text) }
        if isDateTime(bytes) { return .value(word) }
        if bytes.first.map({ TOMLScanner.isDigit($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }) ?? false {
            return .problem("'\(word)' is not a valid number, date or time")
        }
        return .problem("'\(word)' is not a TOML value; text needs quotes: \"\(word)\"")
    }

    /// Decimal with an optional sign, or 0x/0o/0b without one; `_` only between digits.
    private static func integer(_ bytes: [UInt8]) -> Reading? {
        var digits = bytes[...]
        var negative = false
        var radix = 10
        if digits.count > 2, digits.first == UInt8(ascii: "0"),
           let base = [UInt8(ascii: "x"): 16, UInt8(ascii: "o"): 8, UInt8(ascii: "b"): 2][digits[digits.startIndex + 1]] {
            radix = base
            digits = digits.dropFirst(2)
        } else if let sign = digits.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negative = sign == UInt8(ascii: "-")
            digits = digits.dropFirst()
        }
        guard let clean = underscoresRemoved(digits, allowed: { digit($0, radix: radix) != nil }) else { return nil }
        if radix == 10, clean.count > 1, clean.first == UInt8(ascii: "0") { return nil }   // no leading zeros
        var value: Int64 = 0
        for byte in clean {
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: Int64(radix))
            let (added, overflow2) = negative ? shifted.subtractingReportingOverflow(Int64(digit(byte, radix: radix)!))
                                              : shifted.addingReportingOverflow(Int64(digit(byte, radix: radix)!))
            if overflow1 || overflow2 {
                return .problem("'\(String(decoding: bytes, as: UTF8.self))' does not fit in a 64-bit integer")
            }
            value = added
        }
        return .value(String(value))
    }

    /// `[+-]` then `inf`/`nan`, or an integer part with a fraction, an exponent or both.
    private static func float(_ bytes: [UInt8]) -> String? {
        var rest = bytes[...]
        if let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { rest = rest.dropFirst() }
        let sign = bytes.first == UInt8(ascii: "-") ? "-" : ""
        if rest.elementsEqual("inf".utf8) { return sign + "inf" }
        if rest.elementsEqual("nan".utf8) { return "nan" }
        let exponentAt = rest.firstIndex { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
        let mantissa = rest[..<(exponentAt ?? rest.endIndex)]
        let dot = mantissa.firstIndex(of: UInt8(ascii: "."))
        guard dot != nil || exponentAt != nil else { return nil }
        let whole = mantissa[..<(dot ?? mantissa.endIndex)]
        guard let wholeDigits = underscoresRemoved(whole, allowed: isDigit),
              wholeDigits.count == 1 || wholeDigits.first != UInt8(ascii: "0") else { return nil }
        var clean = wholeDigits
        if let dot {
            guard let fraction = underscoresRemoved(mantissa[(dot + 1)...], allowed: isDigit) else { return nil }
            clean += [UInt8(ascii: ".")] + fraction
        }
        if let exponentAt {
            var exponent = rest[(exponentAt + 1)...]
            var signBytes: [UInt8] = []
            if let s = exponent.first, s == UInt8(ascii: "+") || s == UInt8(ascii: "-") {
                signBytes = [s]
                exponent = exponent.dropFirst()
            }
            guard let digits = underscoresRemoved(exponent, allowed: isDigit) else { return nil }
            clean += [UInt8(ascii: "e")] + signBytes + digits
        }
        guard let value = Double(sign + String(decoding: clean, as: UTF8.self)) else { return nil }
        return "\(value)"
    }

    /// `1979-05-27`, `07:32:00`, `1979-05-27T07:32:00.999`, with `Z` or `±hh:mm` after a date-time.
    private static func isDateTime(_ bytes: [UInt8]) -> Bool {
        var rest = bytes[...]
        var hasDate = false
        if rest.count >= 10, rest[rest.startIndex + 4] == UInt8(ascii: "-") {
            guard isDate(rest.prefix(10)) else { return false }
            hasDate = true
            rest = rest.dropFirst(10)
            guard let separator = rest.first else { return true }
            guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == 0x20 else { return false }
            rest = rest.dropFirst()
        }
        guard rest.count >= 8, isTime(rest.prefix(8)) else { return false }
        rest = rest.dropFirst(8)
        if rest.first == UInt8(ascii: ".") {
            let fraction = rest.dropFirst().prefix { isDigit($0) }
            guard !fraction.isEmpty else { return false }
            rest = rest.dropFirst(1 + fraction.count)
        }
        guard let zone = rest.first else { return true }
        guard hasDate else { return false }
        if (zone == UInt8(ascii: "Z") || zone == UInt8(ascii: "z")) && rest.count == 1 { return true }
        guard zone == UInt8(ascii: "+") || zone == UInt8(ascii: "-"), rest.count == 6 else { return false }
        let offset = Array(rest.dropFirst())
        return offset[2] == UInt8(ascii: ":") && number(offset[0..<2]).map { $0 < 24 } == true
            && number(offset[3..<5]).map { $0 < 60 } == true
    }

    private static func isDate(_ text: ArraySlice<UInt8>) -> Bool {
        let b = Array(text)
        guard b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), number(b[0..<4]) != nil,
              let month = number(b[5..<7]), let day = number(b[8..<10]) else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }

    private static func isTime(_ text: ArraySlice<UInt8>) -> Bool {
        let b = Array(text)
        guard b[2] == UInt8(ascii: ":"), b[5] == UInt8(ascii: ":"), let hour = number(b[0..<2]),
              let minute = number(b[3..<5]), let second = number(b[6..<8]) else { return false }
        return hour < 24 && minute < 60 && second <= 60
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for d in digits {
            guard isDigit(d) else { return nil }
            value = value * 10 + Int(d - 48)
        }
        return value
    }

    private static func isDigit(_ byte: UInt8) -> Bool { TOMLScanner.isDigit(byte) }

    private static func digit(_ byte: UInt8, radix: Int) -> Int? {
        guard let value = TOMLScanner.hexValue(byte), Int(value) < radix else { return nil }
        return Int(value)
    }

    /// The digits without `_`, when each `_` sits between two digits and there is at least one digit.
    private static func underscoresRemoved(_ bytes: ArraySlice<UInt8>, allowed: (UInt8) -> Bool) -> [UInt8]? {
        var result: [UInt8] = []
        var previousWasDigit = false
        for byte in bytes {
            if byte == UInt8(ascii: "_") {
                guard previousWasDigit else { return nil }
                previousWasDigit = false
            } else {
                guard allowed(byte) else { return nil }
                result.append(byte)
                previousWasDigit = true
            }
        }
        return previousWasDigit ? result : nil
    }
}
