/// The text of one composer field and its cursor, edited the way readline edits a line.
///
/// Stored as grapheme clusters so every motion and deletion moves by what a person sees as one
/// character (an emoji with skin tone, an accented letter, a CJK ideograph), and the cursor is
/// an index into that array: O(1) to move, O(n) at worst to edit, fine for 64 KiB.
public struct EditableText: Sendable, Hashable {
    public private(set) var characters: [Character] { didSet { edits &+= 1 } }
    /// 0…characters.count: the cursor sits before `characters[cursor]`.
    public internal(set) var cursor: Int
    /// Counts changes to the text (not cursor moves), so callers can tell an edit happened
    /// without comparing 64 KiB of characters.
    public private(set) var edits = 0

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }

    // MARK: Inserting

    /// Inserts at the cursor and leaves the cursor after the insertion. The text is re-joined
    /// into clusters with its neighbours, so a combining mark or a ZWJ typed on its own joins
    /// the character before it, as it would in a string.
    mutating func insert(_ s: String) {
        guard !s.isEmpty else { return }
        let start = max(0, cursor - 1)
        let end = min(characters.count, cursor + 1)
        let before = cursor > 0 ? String(characters[cursor - 1]) : ""
        let after = cursor < characters.count ? String(characters[cursor]) : ""
        let merged = Array(before + s + after)
        // The cursor goes after the inserted text: as many clusters as it and what preceded it
        // make on their own (fewer if what followed merged into the last of them).
        let prefix = Array(before + s).count
        characters.replaceSubrange(start..<end, with: merged)
        cursor = start + min(prefix, merged.count)
    }

    /// Replaces everything (a resumed draft, a cleared form).
    mutating func set(_ s: String) {
        characters = Array(s)
        cursor = characters.count
    }

    // MARK: Moving

    mutating func moveLeft() { cursor = max(0, cursor - 1) }
    mutating func moveRight() { cursor = min(characters.count, cursor + 1) }

    /// Start and end of the logical line (between newlines) holding the cursor.
    var lineStart: Int {
        var i = cursor
        while i > 0 && !characters[i - 1].isNewline { i -= 1 }
        return i
    }

    var lineEnd: Int {
        var i = cursor
        while i < characters.count && !characters[i].isNewline { i += 1 }
        return i
    }

    mutating func moveToLineStart() { cursor = lineStart }
    mutating func moveToLineEnd() { cursor = lineEnd }

    /// readline's word: letters and digits. Alt-b goes to the start of this or the previous
    /// word, Alt-f to the end of this or the next one.
    static func isWord(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }

    var wordBackward: Int {
        var i = cursor
        while i > 0 && !Self.isWord(characters[i - 1]) { i -= 1 }
        while i > 0 && Self.isWord(characters[i - 1]) { i -= 1 }
        return i
    }

    var wordForward: Int {
        var i = cursor
        while i < characters.count && !Self.isWord(characters[i]) { i += 1 }
        while i < characters.count && Self.isWord(characters[i]) { i += 1 }
        return i
    }

    mutating func moveWordBackward() { cursor = wordBackward }
    mutating func moveWordForward() { cursor = wordForward }

    // MARK: Deleting

    mutating func deleteBackward() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    /// Ctrl-W: back to the previous whitespace, like readline's unix-word-rubout.
    mutating func deleteWordBackward() {
        var i = cursor
        while i > 0 && characters[i - 1].isWhitespace && !characters[i - 1].isNewline { i -= 1 }
        while i > 0 && !characters[i - 1].isWhitespace { i -= 1 }
        if i == cursor && i > 0 { i -= 1 }     // at a line's start: join it to the line above
        remove(i..<cursor)
    }

    /// Alt-d: to the end of this or the next word.
    mutating func deleteWordForward() { remove(cursor..<wordForward) }

    /// Ctrl-U: from the line's start to the cursor.
    mutating func killToLineStart() { remove(lineStart..<cursor) }

    /// Ctrl-K: from the cursor to the line's end; at the end, the line break (emacs).
    mutating func killToLineEnd() {
        let end = lineEnd
        remove(cursor..<(end == cursor ? min(characters.count, end + 1) : end))
    }

    private mutating func remove(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        characters.removeSubrange(range)
        cursor = range.lowerBound
    }
}
