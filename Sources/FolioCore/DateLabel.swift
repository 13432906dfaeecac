/// Front matter dates as a reader says them: "2019-03-11T10:00:00-05:00" → "11 Mar 2019".
/// Text that does not start with a valid YYYY-MM-DD date is shown as written.
enum DateLabel {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func display(_ raw: String) -> String {
        let bytes = Array(raw.utf8.prefix(11))
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              bytes.count == 10 || [UInt8(ascii: "T"), UInt8(ascii: " "), UInt8(ascii: "t")].contains(bytes[10]),
              let year = number(bytes[0..<4]), let month = number(bytes[5..<7]), let day = number(bytes[8..<10]),
              (1...12).contains(month), (1...daysIn(month, year)).contains(day) else { return raw }
        return "\(day) \(months[month - 1]) \(year)"
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for d in digits {
            guard (48...57).contains(d) else { return nil }
            value = value * 10 + Int(d - 48)
        }
        return value
    }

    private static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
