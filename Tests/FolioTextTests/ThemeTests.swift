import Foundation
import Testing
@testable import FolioText

@Suite struct ThemeTests {
    static let themes: [(Theme, background: (Int, Int, Int))] = [(.dark, (0, 0, 0)), (.light, (255, 255, 255))]

    /// Every coloured role keeps a contrast of 3:1 or more (WCAG's floor for large text) on the
    /// theme's background, in xterm's default palette, at 8, 16 and 256 colours.
    @Test(arguments: [8, 16, 256])
    func everyColourIsReadableOnItsBackground(_ depth: Int) {
        for (theme, background) in Self.themes {
            for role in Role.allCases {
                guard let index = theme[role].foreground.index(colours: depth) else { continue }
                let ratio = Self.contrast(Self.xterm(index), background)
                #expect(ratio >= 3, "\(theme.name) \(role) colour \(index) at \(depth): \(ratio)")
            }
        }
    }

    /// A role whose colour a terminal cannot show at this depth gets an attribute instead, so
    /// it never silently turns into body text (muted, url, border and quote dim at 8 colours).
    @Test(arguments: [8, 16, 256])
    func rolesWithColourStayDistinctWithout(_ depth: Int) {
        for (theme, _) in Self.themes {
            for role in Role.allCases where theme[role].foreground != .terminal {
                let look = theme.look(Style(role), colours: depth)
                #expect(look.foreground != nil || !look.attributes.isEmpty, "\(theme.name) \(role) at \(depth)")
            }
        }
    }

    @Test func noColourKeepsOnlyAttributes() {
        for (theme, _) in Self.themes {
            #expect(theme.look(Style(.heading), colours: 0) == Look(foreground: nil, attributes: .bold))
            #expect(theme.look(Style(.muted), colours: 0) == Look(foreground: nil, attributes: .dim))
            #expect(theme.look(Style(.link), colours: 0) == Look(foreground: nil, attributes: .underline))
            #expect(theme.look(Style(.selection, .bold), colours: 0).attributes == [.reverse, .bold])
            #expect(theme.look(Style(.normal, .strike), colours: 256).attributes == .dim)
        }
    }

    @Test func themesDiffer() {
        #expect(Role.allCases.contains { Theme.dark[$0] != Theme.light[$0] })
        #expect(Theme.light[.code].foreground.index(colours: 8) != Int(ThemeColour.yellow))
    }

    @Test(arguments: [("15;0", Background.dark), ("0;15", .light), ("0;default;15", .light),
                      ("7;8", .dark), ("0;7", .light), ("12;4", .dark), ("0;11", .light)])
    func colorFGBG(_ text: String, _ expected: Background) {
        #expect(Background(colorFGBG: text) == expected)
    }

    @Test(arguments: ["", "15", "0;", "0;default", "0;16", "0;-1", "0;+7", "0;007", "0;٣"])
    func colorFGBGThatSaysNothing(_ text: String) {
        #expect(Background(colorFGBG: text) == nil)
    }

    @Test(arguments: [("rgb:0000/0000/0000", Background.dark), ("rgb:ffff/ffff/ffff", .light),
                      ("rgb:1e1e/1e1e/2e2e", .dark), ("rgb:fd/f6/e3", .light), ("rgb:f/f/f", .light),
                      ("rgb:8080/8080/8080", .light), ("rgb:4040/4040/4040", .dark),
                      ("rgba:ffff/ffff/ffff/8000", .light), ("rgb:002b/0036/0000", .dark)])
    func osc11Replies(_ text: String, _ expected: Background) {
        #expect(Background(osc11: text) == expected)
    }

    @Test(arguments: ["", "rgb:", "rgb:ffff/ffff", "rgb:fffff/0/0", "rgb:+f/0/0", "rgb:g/0/0",
                      "#ffffff", "rgb:ffff/ffff/ffff/ffff", "rgba:f/f/f", "cmy:0/0/0"])
    func osc11RepliesThatSayNothing(_ text: String) {
        #expect(Background(osc11: text) == nil)
    }

    @Test func themeChoiceOrder() {
        let env = ["FOLIO_THEME": "light"]
        #expect(Appearance.requested(flag: .dark, config: .light, environment: env) == .dark)
        #expect(Appearance.requested(flag: nil, config: .dark, environment: env) == .light)
        #expect(Appearance.requested(flag: nil, config: .dark, environment: ["FOLIO_THEME": "pink"]) == .dark)
        #expect(Appearance.requested(flag: nil, config: nil, environment: [:]) == .auto)
    }

    @Test func autoAsksTheTerminalThenColorFGBGThenDark() {
        let light = ["COLORFGBG": "0;15"]
        #expect(Appearance.choose(noColorFlag: false, theme: .auto, environment: light, reply: .dark).theme.name == "dark")
        #expect(Appearance.choose(noColorFlag: false, theme: .auto, environment: light).theme.name == "light")
        #expect(Appearance.choose(noColorFlag: false, theme: .auto, environment: [:]).theme.name == "dark")
        #expect(Appearance.choose(noColorFlag: false, theme: .dark, environment: light, reply: .light).theme.name == "dark")
        #expect(Appearance.choose(noColorFlag: false, theme: .light, environment: [:]).theme.name == "light")
    }

    @Test func noColorWinsOverEveryTheme() {
        for theme in ThemeChoice.allCases {
            #expect(!Appearance.choose(noColorFlag: false, theme: theme, environment: ["NO_COLOR": "1"]).colour)
            #expect(!Appearance.choose(noColorFlag: true, theme: theme, environment: [:]).colour)
            #expect(Appearance.choose(noColorFlag: false, theme: theme, environment: ["NO_COLOR": ""]).colour)
        }
        #expect(Appearance.choose(noColorFlag: true, theme: .light, environment: [:]).colours(terminalColours: 256) == 0)
    }

    /// xterm's default RGB for a colour index: 16 system colours, the 6×6×6 cube, the grey ramp.
    static func xterm(_ index: Int) -> (Int, Int, Int) {
        let system = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205),
                      (0, 205, 205), (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0),
                      (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255)]
        if index < 16 { return system[index] }
        if index < 232 {
            let level = [0, 95, 135, 175, 215, 255], i = index - 16
            return (level[i / 36], level[i / 6 % 6], level[i % 6])
        }
        let v = 8 + 10 * (index - 232)
        return (v, v, v)
    }

    /// WCAG 2 contrast ratio (sRGB with the standard transfer function).
    static func contrast(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Double {
        func linear(_ v: Int) -> Double {
            let c = Double(v) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        func luminance(_ c: (Int, Int, Int)) -> Double {
            0.2126 * linear(c.0) + 0.7152 * linear(c.1) + 0.0722 * linear(c.2)
        }
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }
}
