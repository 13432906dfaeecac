/// Mouse reports in the two encodings terminals use: SGR (`CSI < b ; x ; y M`, mode 1006)
/// and the legacy X10 form (`CSI M` and three bytes, each value plus 32). Coordinates are
/// 1-based on the wire and 0-based here. Only a left press, wheel up and wheel down mean
/// something; releases, drags and other buttons are dropped. Shift, Alt and Ctrl are ignored.
enum MouseReport {
    /// `numbers` are b, x, y; `pressed` is false for the release form (final `m`).
    static func sgr(_ numbers: [Int], pressed: Bool) -> MouseEvent? {
        guard pressed, numbers.count == 3 else { return nil }
        return event(button: numbers[0], x: numbers[1] - 1, y: numbers[2] - 1)
    }

    /// The three bytes after `CSI M`.
    static func x10(_ bytes: [UInt8]) -> MouseEvent? {
        guard bytes.count == 3 else { return nil }
        return event(button: Int(bytes[0]) - 32, x: Int(bytes[1]) - 33, y: Int(bytes[2]) - 33)
    }

    private static func event(button: Int, x: Int, y: Int) -> MouseEvent? {
        let kind: MouseEvent.Kind
        switch button & ~0b11100 {   // without Shift (4), Alt (8) and Ctrl (16)
        case 0: kind = .click
        case 64: kind = .wheelUp
        case 65: kind = .wheelDown
        default: return nil           // other buttons, release (3), motion (+32)
        }
        return MouseEvent(kind, x: max(x, 0), y: max(y, 0))
    }
}
