import FolioContent
import FolioOutbox
@testable import FolioCore

/// A visitor at the keyboard: a one-person portfolio, and the composer filled by pasting each
/// field (the core's own tests cover typing; these cover what the runtime does with the result).
enum Visitor {
    static let ada = Enquiry(name: "山田 太郎", email: "taro@example.jp", company: "ACME",
                             subject: "Payouts 💸", message: "Hello,\nwe need help.")

    static func browsing() -> AppState {
        let profile = Profile(name: "Owner", headline: "", tagline: "", email: "hello@example.org",
                              links: [], body: "", path: "")
        let portfolio = Portfolio(profile: profile, services: [], caseStudies: [], stack: Stack(tags: []))
        return AppState(portfolio: portfolio, width: 80, height: 24)
    }

    /// The composer open with every field of `ada` in it.
    static func filled() -> AppState {
        var state = browsing()
        state.key(.char("c"))
        for field in EnquiryField.allCases {
            state.key(.paste(ada[field]))
            if field != .message { state.key(.tab) }
        }
        return state
    }
}

extension AppState {
    @discardableResult
    mutating func key(_ key: Key) -> [Effect] { handle(&self, key) }
}
