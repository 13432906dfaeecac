/// Whether the terminal's background is dark or light, as far as folio can tell.
public enum Background: Sendable, Hashable {
    case dark, light

    /// From `COLORFGBG` ("15;0", or rxvt's "0;default;15"): the last field is the background's
    /// colour index (a lone number says nothing); 0–6 and 8 are dark, 7 and 9–15 light (the rule vim uses). nil otherwise.
    public init?(colorFGBG: String) {
        let fields = colorFGBG.split(separator: ";", omittingEmptySubsequences: false)
        guard fields.count >= 2, let last = fields.last,
              (1...2).contains(last.count), last.allSatisfy(\.isASCIIDigit),
              let index = Int(last), index <= 15 else { return nil }
        self = index <= 6 || index == 8 ? .dark : .light
    }

    /// From the text of a terminal's OSC 11 reply, `rgb:RRRR/GGGG/BBBB` with 1–4 hex digits a
    /// channel (an `rgba:` reply's alpha is ignored): light when black text on it has more
    /// contrast than white text, which is above a relative luminance of about 0.18.
    public init?(osc11 text: String) {
        let prefix = text.hasPrefix("rgb:") ? 4 : text.hasPrefix("rgba:") ? 5 : 0
        let fields = text.dropFirst(prefix).split(separator: "/", omittingEmptySubsequences: false)
        guard prefix > 0, fields.count == (prefix == 4 ? 3 : 4) else { return nil }
        var channels: [Double] = []
        for field in fields.prefix(3) {
            guard (1...4).contains(field.count), field.allSatisfy(\.isHexDigit),
                  let value = Int(field, radix: 16) else { return nil }
            let fraction = Double(value) / Double((1 << (4 * field.count)) - 1)
            channels.append(fraction * fraction)   // sRGB to linear light, near enough for this
        }
        let luminance = 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
        // Contrast with black, (L + 0.05) / 0.05, beats contrast with white, 1.05 / (L + 0.05).
        self = (luminance + 0.05) * (luminance + 0.05) > 0.05 * 1.05 ? .light : .dark
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
