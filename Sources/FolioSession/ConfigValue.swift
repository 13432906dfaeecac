import FolioText

/// Parsers for the values a config file or flag may hold. Each returns the value or a message
/// saying what was expected, which the caller places at a line and column.
public enum ConfigValue {
    public static func bool(_ text: String) -> Result<Bool, ConfigValueError> {
        switch text.lowercased() {
        case "true", "yes", "on", "1": .success(true)
        case "false", "no", "off", "0": .success(false)
        default: .failure(ConfigValueError("expected true or false, found `\(shown(text))`"))
        }
    }

    /// Seconds, optionally with an `s`, `m` or `h` suffix (`90`, `90s`, `10m`, `1h`), or `off`.
    public static func duration(_ text: String) -> Result<Limit, ConfigValueError> {
        let bounds = SettingBounds.durationSeconds
        let expected = "expected seconds (\(bounds.lowerBound)…\(bounds.upperBound)), "
            + "a number with s, m or h, or off; found `\(shown(text))`"
        if text.lowercased() == "off" { return .success(.off) }
        var digits = Substring(text)
        var unit = 1
        switch text.last {
        case "s": unit = 1; digits = digits.dropLast()
        case "m": unit = 60; digits = digits.dropLast()
        case "h": unit = 3_600; digits = digits.dropLast()
        default: break
        }
        guard let n = decimal(digits) else { return .failure(ConfigValueError(expected)) }
        let (seconds, overflow) = n.multipliedReportingOverflow(by: unit)
        guard !overflow, bounds.contains(seconds) else {
            return .failure(ConfigValueError(
                "must be between \(bounds.lowerBound) and \(bounds.upperBound) seconds, or off; "
                + "found `\(shown(text))`"))
        }
        return .success(.value(seconds))
    }

    /// A count within `bounds`, or `off` for no limit.
    public static func count(_ text: String, bounds: ClosedRange<Int>) -> Result<Limit, ConfigValueError> {
        if text.lowercased() == "off" { return .success(.off) }
        guard let n = decimal(Substring(text)), bounds.contains(n) else {
            return .failure(ConfigValueError(
                "expected a whole number \(bounds.lowerBound)…\(bounds.upperBound) or off; "
                + "found `\(shown(text))`"))
        }
        return .success(.value(n))
    }

    /// auto, dark or light.
    public static func theme(_ text: String) -> Result<ThemeChoice, ConfigValueError> {
        guard let choice = ThemeChoice(rawValue: text) else {
            let names = ThemeChoice.allCases.map(\.rawValue).joined(separator: ", ")
            return .failure(ConfigValueError("expected one of \(names); found `\(shown(text))`"))
        }
        return .success(choice)
    }

    /// An absolute path: a relative one would depend on the directory sshd starts folio in.
    public static func absolutePath(_ text: String) -> Result<String, ConfigValueError> {
        guard text.hasPrefix("/") else {
            return .failure(ConfigValueError("expected an absolute path, found `\(shown(text))`"))
        }
        guard text.utf8.count <= SettingBounds.maxPathBytes else {
            return .failure(ConfigValueError("path longer than \(SettingBounds.maxPathBytes) bytes"))
        }
        return .success(text)
    }

    /// Plain ASCII digits only: no sign, no spaces, no "0x"; nil on overflow.
    static func decimal(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 18, text.allSatisfy({ $0 >= "0" && $0 <= "9" }) else {
            return nil
        }
        return Int(text)
    }

    /// A value echoed in a message, shortened so a huge line does not flood the terminal.
    static func shown(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(40)) + "…"
    }
}

public struct ConfigValueError: Error, Sendable, Hashable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
