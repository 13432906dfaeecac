import FolioText

/// The WHATWG HTML "valid e-mail address" rule:
///   1*( atext / "." ) "@" label *( "." label )
///   label = let-dig [ [ ldh-str ] let-dig ]   (at most 63 characters)
/// ASCII only; a local part may start or end with a dot or repeat dots (HTML allows it; the
/// message builder quotes such a local part so the header stays valid RFC 5322).
public enum EmailAddress {
    public static func isValid(_ address: String) -> Bool {
        let bytes = Array(address.utf8)
        guard bytes.count <= FieldLimits.email,
              let at = bytes.firstIndex(of: UInt8(ascii: "@")) else { return false }
        let local = bytes[..<at]
        let domain = bytes[(at + 1)...]
        guard !local.isEmpty, local.allSatisfy({ isAtext($0) || $0 == UInt8(ascii: ".") }) else { return false }
        guard !domain.isEmpty else { return false }
        return domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
            .allSatisfy(isLabel)
    }

    /// True when the local part is a dot-atom (no leading, trailing or double dot).
    static func isDotAtom(_ local: Substring) -> Bool {
        !local.isEmpty && !local.hasPrefix(".") && !local.hasSuffix(".") && !local.containsBytes("..")
    }

    static func isAtext(_ byte: UInt8) -> Bool {
        isAlnum(byte) || Array("!#$%&'*+/=?^_`{|}~-".utf8).contains(byte)
    }

    private static func isAlnum(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    private static func isLabel(_ label: ArraySlice<UInt8>) -> Bool {
        guard let first = label.first, let last = label.last, label.count <= 63 else { return false }
        return isAlnum(first) && isAlnum(last)
            && label.allSatisfy { isAlnum($0) || $0 == UInt8(ascii: "-") }
    }
}
