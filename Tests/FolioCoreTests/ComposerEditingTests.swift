import FolioOutbox
import FolioText
import Testing
@testable import FolioCore

extension AppState {
    /// Types each character as its own key, as a terminal delivers them.
    mutating func type(_ text: String) {
        for scalar in text.unicodeScalars { _ = handle(&self, .char(Character(scalar))) }
    }

    @discardableResult
    mutating func key(_ key: Key) -> [Effect] { handle(&self, key) }

    func field(_ f: EnquiryField) -> EditableText { composer.text(f) }

    /// A state with the composer open and its name field focused.
    static func composing(_ width: Int = 80, _ height: Int = 24) -> AppState {
        var state = Fixtures.state(width, height)
        state.press("c")
        return state
    }
}

/// readline editing in one field, moving and deleting by grapheme cluster.
@Suite struct ComposerEditingTests {
    @Test func charactersAndLineMotions() {
        var state = AppState.composing()
        state.type("Ada Lovelace")
        #expect(state.field(.name).text == "Ada Lovelace")
        state.key(.home)
        state.type(">")
        state.key(.end)
        state.type("<")
        state.key(.ctrl("a"))
        state.key(.right)
        state.key(.delete)
        state.key(.ctrl("e"))
        state.key(.backspace)
        state.key(.left)
        state.key(.ctrl("d"))
        #expect(state.field(.name).text == ">da Lovelac")
        #expect(state.field(.name).cursor == 11)
    }

    @Test func wordMotionsAndDeletions() {
        var text = EditableText("hello, wörld 山田太郎 ok")
        text.moveWordBackward()
        #expect(text.cursor == 18)                     // before "ok"
        text.moveWordBackward()
        #expect(text.cursor == 13)                     // before the CJK run: one word
        text.moveWordBackward()
        #expect(text.cursor == 7)                      // before "wörld"
        text.moveWordForward()
        #expect(text.cursor == 12)                     // after "wörld"
        text.deleteWordForward()                       // Alt-d: " 山田太郎"
        #expect(text.text == "hello, wörld ok")
        text.moveToLineEnd()
        text.deleteWordBackward()                      // Ctrl-W: "ok"
        #expect(text.text == "hello, wörld ")
        text.deleteWordBackward()                      // spaces then "wörld"
        #expect(text.text == "hello, ")
        text.deleteWordBackward()
        #expect(text.text == "")
        text.deleteWordBackward()                      // nothing left: no crash
        #expect(text.cursor == 0)
    }

    @Test func altKeysMoveByWordInTheComposer() {
        var state = AppState.composing()
        state.type("one two three")
        state.key(.alt("b"))
        state.key(.alt("b"))
        state.type("X")
        #expect(state.field(.name).text == "one Xtwo three")
        state.key(.alt("f"))
        state.key(.ctrl("w"))
        #expect(state.field(.name).text == "one  three")
    }

    @Test func killToLineStartAndEndWithinTheMessageLine() {
        var text = EditableText("first line\nsecond line\nthird")
        text.cursor = 18                               // "second |line"
        text.killToLineEnd()
        #expect(text.text == "first line\nsecond \nthird")
        text.killToLineStart()
        #expect(text.text == "first line\n\nthird")
        text.killToLineEnd()                           // at the end of a line: join the next
        #expect(text.text == "first line\nthird")
        text.deleteWordBackward()                      // at a line's start: join the line above
        #expect(text.text == "first linethird")
    }

    @Test func cursorMovesByGraphemeCluster() {
        var state = AppState.composing()
        state.type("山田 👩‍💻 e\u{301}🇯🇵")
        let name = state.field(.name)
        #expect(name.characters.count == 7)            // 山 田 space 👩‍💻 space é 🇯🇵
        #expect(name.text == "山田 👩‍💻 é🇯🇵")
        state.key(.left)
        state.key(.backspace)                          // removes é whole
        #expect(state.field(.name).text == "山田 👩‍💻 🇯🇵")
        state.key(.left)
        state.key(.left)
        state.key(.delete)                             // removes the ZWJ sequence whole
        #expect(state.field(.name).text == "山田  🇯🇵")
    }

    @Test func cursorColumnsFollowDisplayWidth() {
        var state = AppState.composing()
        let start = cursorPosition(state)!
        state.type("山田")
        #expect(cursorPosition(state)!.x == start.x + 4)
        state.type("👍🏽")
        #expect(cursorPosition(state)!.x == start.x + 6)
        state.type("e\u{301}")
        #expect(cursorPosition(state)!.x == start.x + 7)
        state.key(.home)
        #expect(cursorPosition(state)! == start)
        state.key(.right)
        #expect(cursorPosition(state)!.x == start.x + 2)
    }

    @Test func insertingJoinsClustersAcrossKeys() {
        var text = EditableText("ab")
        text.cursor = 1
        text.insert("\u{301}")                          // a combining mark joins the "a"
        #expect(text.characters == ["a\u{301}", "b"])
        #expect(text.cursor == 1)
        text.insert("x")
        #expect(text.text == "a\u{301}xb" && text.cursor == 2)
    }

    @Test func longOneLineFieldScrollsToKeepTheCursorInView() {
        var state = AppState.composing(40, 12)
        let text = String(repeating: "山田太郎 ", count: 30)
        state.type(text)
        #expect(state.field(.name).text.unicodeScalars.count == FieldLimits.name)   // typing stops at 128
        let layout = ComposerLayout(state)
        let at = cursorPosition(state)!
        #expect(at.x >= layout.valueX && at.x < layout.valueX + layout.valueWidth)
        state.key(.home)
        #expect(cursorPosition(state)!.x == layout.valueX)
        #expect(state.composer.offsets[.name] == 0)
        for line in render(state).lines() { #expect(DisplayWidth.of(line) == 40) }
    }
}
