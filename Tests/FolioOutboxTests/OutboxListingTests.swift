import Testing
import FolioText
@testable import FolioOutbox

@Suite struct OutboxListingTests {
    func entry(_ id: String, file: String? = nil, folder: String = "new", from: String = "Ada <ada@example.org>",
               subject: String = "Hello", company: String? = nil) -> OutboxEntry {
        OutboxEntry(id: id, folder: folder, fileName: file ?? id, time: 1_739_440_800, date: "Thu, 13 Feb 2025",
                    from: from, subject: subject, company: company, size: 321)
    }

    @Test func jsonListsEveryFieldInOrder() {
        let read = entry("2.M2P2R2.h", file: "2.M2P2R2.h:2,PS", folder: "cur", company: "ACME \"Ltd\"")
        let json = OutboxJSON.document(outbox: "/tmp/o", entries: [entry("1.M1P1R1.h"), read]).rendered()
        #expect(json.contains("\"schemaVersion\": 1"))
        #expect(json.contains("""
            {
                  "id": "2.M2P2R2.h",
                  "time": 1739440800,
                  "date": "Thu, 13 Feb 2025",
                  "from": "Ada <ada@example.org>",
                  "subject": "Hello",
                  "company": "ACME \\"Ltd\\"",
                  "folder": "cur",
                  "flags": "PS",
                  "unread": false,
                  "forwarded": true,
                  "size": 321
                }
            """))
        #expect(json.contains("\"company\": null"))
        #expect(json.contains("\"unread\": true"))
        #expect(OutboxJSON.document(outbox: "/o", entries: []).rendered().contains("\"messages\": []"))
    }

    @Test func pipedTableCutsNothing() {
        let long = "Someone With A Rather Long Name <someone.with.a.long.address@subdomain.example.org>"
        let lines = OutboxTable(entries: [entry("1.M1P1R1.h", from: long, subject: String(repeating: "s", count: 150))],
                                width: nil).lines()
        #expect(lines[1].contains(long))
        #expect(lines[1].contains(String(repeating: "s", count: 150)))
        #expect(lines[1].hasPrefix("2025-02-13 10:00  N    "))
    }

    @Test func narrowTableKeepsTheAddressBeforeTheSubject() {
        let from = "Someone With A Long Name <someone@example.org>"
        let entries = [entry("1.M1P1R1.h", from: from, subject: String(repeating: "s", count: 80))]
        let wide = OutboxTable(entries: entries, width: 200).lines()
        #expect(wide[1].contains(from) && wide[1].contains(String(repeating: "s", count: 80)))
        let medium = OutboxTable(entries: entries, width: 100).lines()
        #expect(medium[1].contains(from))
        #expect(medium.allSatisfy { Text.width($0) <= 100 })
        let narrow = OutboxTable(entries: entries, width: 70).lines()
        #expect(narrow[1].contains("<someone@example.org>") && !narrow[1].contains("Long Name"))
        #expect(narrow.allSatisfy { Text.width($0) <= 70 })
    }

    @Test func flagsColumnShowsUnreadAndMaildirLetters() {
        #expect(OutboxTable.flags(entry("a")) == "N")
        #expect(OutboxTable.flags(entry("a", file: "a:2,PS", folder: "cur")) == "PS")
        #expect(OutboxTable.flags(entry("a", file: "a:2,P", folder: "cur")) == "NP")
    }

    @Test func shortIDsAreUniqueStarts() {
        let ids = ["1739440800.M000001P1R1.h", "1739440800.M000001P2R1.h", "1739440900.M000002P1R1.h"]
        #expect(OutboxTable.shortIDs(ids) == ["1739440800.M000001P1", "1739440800.M000001P2", "1739440900.M000002"])
    }
}
