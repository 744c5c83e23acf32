import Foundation
import Testing
import TiesCore
import TiesTestSupport

@testable import TiesInterchange

/// The mbox splitter, the message-file reader, the path walker and the classification, on files written
/// to a temporary folder.
@Suite("Interchange: mail sources and classification")
struct MailSourceTests {
    let dir = TemporaryDirectory()

    func file(_ name: String, _ text: String) throws -> String {
        let url = dir.file(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Every header block of a source: its From line, offset and truncation.
    func blocks(_ source: any MailHeaderSource) throws -> [(from: String, offset: Int, truncated: Bool)] {
        var out: [(String, Int, Bool)] = []
        try source.forEachHeaderBlock { block in
            let h = MailHeaders.parse(block.bytes)
            out.append((h.from.map { String(decoding: $0, as: UTF8.self) } ?? "-", block.offset, block.truncated))
            return true
        }
        return out
    }

    @Test(
        "mbox: CRLF, an unescaped From line and a >From line in bodies, a message without body, a cut-off last header")
    func mboxSplitting() throws {
        let text =
            "From a@x Mon Mar  2 10:15:00 2026\r\nFrom: A <a@x.example>\r\n\r\nFrom time to time\r\n>From here\r\n\r\n"
            + "From b@x Mon Mar  2 11:15:00 2026\r\nFrom: B <b@x.example>\r\n"
            + "From 1811@xxx Wed Mar 18 13:45:19 +0000 2026\r\nFrom: C <c@x.example>\r\n\r\nbody\r\n"
            + "From d@x Mon Mar  2 12:15:00 2026\r\nFrom: D <d@x"
        let path = try file("a.mbox", text)
        let found = try blocks(MboxFile(path: path))
        #expect(found.map(\.from) == ["A <a@x.example>", "B <b@x.example>", "C <c@x.example>", "D <d@x"])
        #expect(found.map(\.truncated) == [false, false, false, true])
        let second = text.utf8.count - text[text.range(of: "From b@x")!.lowerBound...].utf8.count
        #expect(found[1].offset == second)
    }

    @Test("mbox: undated separators (`From - `, `From <id>@xxx`) before a header field; body lines stay body")
    func undatedSeparators() throws {
        let text =
            "From - \nX-Mozilla-Status: 0001\nFrom: A <a@x.example>\n\nFrom Lisbon with love\nFrom -\nprose\n"
            + "From -\r\nFrom: B <b@x.example>\r\n\r\nbody\r\nFrom 1844@xxx\nDate: x\nFrom: C <c@x.example>\n\n"
            + "From someone\nKey: value\n"
        let found = try blocks(MboxFile(path: try file("u.mbox", text)))
        #expect(found.map(\.from) == ["A <a@x.example>", "B <b@x.example>", "C <c@x.example>"])
        #expect(MailFileKind.sniff(Array(text.utf8)) == .mbox)
    }

    @Test("an .eml is read up to its empty line; Apple Mail's .emlx length line and a saved envelope are skipped")
    func messageFiles() throws {
        let eml = try file("m.eml", "From: A <a@x.example>\nTo: b@x.example\n\nFrom: not a header\n")
        #expect(try blocks(MessageFile(path: eml)).map(\.from) == ["A <a@x.example>"])
        let emlx = try file("1.emlx", "123      \nFrom: E <e@x.example>\n\nbody")
        #expect(try blocks(MessageFile(path: emlx)).map(\.from) == ["E <e@x.example>"])
        let saved = try file("s.eml", "From e@x Mon Mar  2 10:15:00 2026\nFrom: S <s@x.example>\n\n")
        #expect(try blocks(MessageFile(path: saved)).map(\.from) == ["S <s@x.example>"])
    }

    @Test("what a file is: mbox, a message, or not mail with what it looks like")
    func sniffing() {
        #expect(MailFileKind.sniff(Array("From a@x Mon Mar  2 10:15:00 2026\nFrom: a@x\n".utf8)) == .mbox)
        #expect(MailFileKind.sniff(Array("Received: x\nFrom: a@x.example\n\nhi".utf8)) == .message)
        // CRLF, first fields of the provider's own; Apple Mail's .emlx length line.
        #expect(
            MailFileKind.sniff(Array("X-YMAIL-UMID: 1\r\nX-Apparently-To: b\r\nFrom: a@x.example\r\n\r\n".utf8))
                == .message)
        #expect(MailFileKind.sniff(Array("892       \nReturn-Path: <a@x>\nFrom: a@x.example\n\n".utf8)) == .message)
        guard case .notMail(let csv) = MailFileKind.sniff(Array("name,email\nAnn,a@x\n".utf8)) else {
            Issue.record("a CSV file was taken for mail")
            return
        }
        #expect(csv.contains("CSV"))
        guard case .notMail(let zip) = MailFileKind.sniff([0x50, 0x4B, 0x03, 0x04, 0, 0]) else {
            Issue.record("a zip file was taken for mail")
            return
        }
        #expect(zip.contains("zip"))
        guard case .notMail = MailFileKind.sniff(Array("BEGIN:VCARD\nFN:Ann\n".utf8)) else {
            Issue.record("a vCard was taken for mail")
            return
        }
        guard case .notMail(let prose) = MailFileKind.sniff(Array("From the desk of the editor\n".utf8)) else {
            Issue.record("prose starting with From was taken for an mbox")
            return
        }
        #expect(prose.hasPrefix("it looks like text beginning \"From the desk of the editor\";"), "\(prose)")
        // Tabs and accents are text, not binary data; UTF-16 is read as the text it is.
        let tabs = Array("Vorname\tNachname\tAnzeigename\tPrimäre E-Mail-Adresse\nJörg\tWeiß\t\t\n".utf8)
        guard case .notMail(let thunderbird) = MailFileKind.sniff(tabs) else {
            Issue.record("a tab-separated address book was taken for mail")
            return
        }
        #expect(thunderbird.contains("a Thunderbird address book CSV file, which `ties import csv` reads"))
        let utf16 = "BEGIN:VCARD\r\nFN:Ann\r\nEND:VCARD\r\n".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        guard case .notMail(let card) = MailFileKind.sniff(utf16) else {
            Issue.record("a UTF-16 vCard was taken for mail")
            return
        }
        #expect(card.contains("a vCard address book, which `ties import vcard` reads"), "\(card)")
    }

    @Test("a folder: Maildir cur/ and new/ in name order, tmp/ skipped, index files and other files listed apart")
    func walking() throws {
        _ = try file("md/cur/2:2,S", "From: Two <two@x.example>\n\n")
        _ = try file("md/new/1", "From: One <one@x.example>\n\n")
        _ = try file("md/tmp/3", "From: Three <three@x.example>\n\n")
        _ = try file("md/.Trash/cur/4:2,T", "From: Four <four@x.example>\n\n")
        _ = try file("md/notes.txt", "just some notes\n")
        _ = try file("md/Inbox.msf", "// index")
        var skipped: [MailPath.Skipped] = []
        var seen: [(String, String?)] = []
        try MailPath.forEachSource(at: dir.file("md").path, skipped: &skipped) { source in
            try source.forEachHeaderBlock { block in
                seen.append((String(decoding: MailHeaders.parse(block.bytes).from ?? [], as: UTF8.self), block.folder))
                return true
            }
        }
        #expect(seen.map(\.0) == ["Four <four@x.example>", "Two <two@x.example>", "One <one@x.example>"])
        #expect(seen[0].1 == "Trash")
        #expect(skipped.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["Inbox.msf", "notes.txt"])
        #expect(skipped.map(\.clientKind) == ["folder indexes (.msf)", nil])
    }

    func message(_ headers: String) -> MailMessage {
        MailMessage(headers: MailHeaders.parse(Array(headers.utf8)), charsets: MailCharsets())
    }

    @Test("a mailing list's addresses: List-Post's mailto, and List-Id's id with its first dot an @")
    func listAddresses() {
        let mailman = message(
            "From: a@y.example\nList-Id: \"Ops, peer\n discussion\" <hospital-ops.lists.example.org>\n"
                + "List-Post: <mailto:Hospital-Ops@lists.example.org?subject=Post>\n")
        #expect(mailman.listAddresses == ["hospital-ops@lists.example.org", "hospital-ops@lists.example.org"])
        #expect(
            message("From: a@y.example\nList-Id: <future-leaders.googlegroups.com>\n").listAddresses == [
                "future-leaders@googlegroups.com"
            ])
        // No posting (RFC 2369's NO), an id without a domain, a web address: no address.
        #expect(
            message("From: a@y.example\nList-Post: NO (posting not allowed)\nList-Id: <localonly>\n").listAddresses
                .isEmpty)
        #expect(message("From: a@y.example\nList-Post: <https://lists.example.org/post>\n").listAddresses.isEmpty)
        #expect(message("From: a@y.example\nTo: b@y.example\n").listAddresses.isEmpty)
        // The reader keeps them from every message read, the ones it leaves out too.
        var reader = MailReader(classifier: MailClassifier(myAddresses: ["me@x.example"]))
        let block = "From: a@y.example\nDate: Mon, 2 Mar 2026 10:15:00 +0000\nList-Id: <dev.lists.example.org>\n"
        _ = Array(block.utf8).withUnsafeBytes { bytes in
            reader.record(for: MailHeaderBlock(bytes: bytes, file: "x.eml", offset: 0))
        }
        #expect(reader.filtered[.bulk] == 1 && reader.mailingLists == ["dev@lists.example.org"])
        // A correspondent at a host of lists is a list too: the reader hands the message on, the store gives
        // the list no one.
        let post = "From: me@x.example\nTo: linux-mtd@lists.infradead.org\nDate: Mon, 2 Mar 2026 10:15:00 +0000\n"
        let record = Array(post.utf8).withUnsafeBytes { bytes in
            reader.record(for: MailHeaderBlock(bytes: bytes, file: "x.eml", offset: 0))
        }
        #expect(record?.counterparts.map(\.address) == ["linux-mtd@lists.infradead.org"])
        #expect(reader.mailingLists == ["dev@lists.example.org", "linux-mtd@lists.infradead.org"])
        // Hosts that serve lists only.
        for list in [
            "linux-mtd@lists.infradead.org", "v9fs-developer@lists.sourceforge.net", "acme-l@listserv.example.edu",
            "future-leaders@googlegroups.com", "linux-usb@vger.kernel.org",
            // A Microsoft Teams channel's email address: `<8 hex>.<tenant>@<region>.teams.ms`.
            "8c2d41f0.harbor.example@emea.teams.ms",
        ] {
            #expect(MailClassifier.isListHost(list), "\(list)")
        }
        for person in [
            "mina@lists.example", "ana@listing.example.org", "omar@kernel.org", "lee@mail.example.org",
            "ines@teams.msn.example",
        ] {
            #expect(!MailClassifier.isListHost(person), "\(person)")
        }
    }

    @Test("automated senders: a machine's local part first (`noreply+x`) or last (`drive-shares-dm-noreply`)")
    func automatedSenders() {
        for address in [
            "noreply-location-sharing+478@google.example", "googlecommunityteam-noreply@google.example",
            "drive-shares-dm-noreply@google.example", "calendar-notification@google.example", "no-reply@x.example",
        ] {
            #expect(MailClassifier.isAutomated(address), "\(address)")
        }
        for address in ["noreen@x.example", "lena.brandt@mail.example", "notifyme.smith@x.example"] {
            #expect(!MailClassifier.isAutomated(address), "\(address)")
        }
    }

    @Test("folders: Spam, Trash and Drafts by a whole part of the name; Maildir++ folders under Trash are in it")
    func folderFilters() {
        #expect(MailClassifier.folderFilter("Trash.Old project") == .spamOrTrash)
        #expect(MailClassifier.folderFilter("INBOX.Junk") == .spamOrTrash)
        #expect(MailClassifier.folderFilter("Trash.sbd") == .spamOrTrash)
        #expect(MailClassifier.folderFilter("Drafts.templates") == .draft)
        #expect(MailClassifier.folderFilter("All mail Including Spam and Trash.mbox") == nil)
        #expect(MailClassifier.folderFilter("Binary builds") == nil)
    }

    @Test("classification: outbound with each other recipient, inbound, and every filter")
    func classification() {
        let classifier = MailClassifier(myAddresses: ["me@x.example"], maxRecipients: 3)
        let date = "Date: Mon, 2 Mar 2026 10:15:00 +0000\n"
        #expect(
            classifier.classify(
                message(date + "From: Me <ME@x.example>\nTo: a@y.example, me@x.example\nBcc: b@y.example\n"))
                == .outbound(recipients: [MailAddress(address: "a@y.example"), MailAddress(address: "b@y.example")]))
        #expect(
            classifier.classify(message(date + "From: A <a@y.example>\nTo: me@x.example\n"))
                == .inbound(from: MailAddress(address: "a@y.example", name: "A")))
        #expect(classifier.classify(message(date + "From: a@y.example\nList-Id: <l.y.example>\n")) == .filtered(.bulk))
        #expect(
            classifier.classify(message(date + "From: a@y.example\nAuto-Submitted: auto-replied\n")) == .filtered(.bulk)
        )
        #expect(
            classifier.classify(message(date + "From: a@y.example\nAuto-Submitted: no\n"))
                == .inbound(from: MailAddress(address: "a@y.example")))
        #expect(
            classifier.classify(message(date + "From: No Reply <noreply@y.example>\n")) == .filtered(.automatedSender))
        #expect(
            classifier.classify(message(date + "From: a@y.example\nX-Gmail-Labels: Inbox,Spam\n"))
                == .filtered(.spamOrTrash))
        #expect(
            classifier.classify(
                message(date + "From: me@x.example\nTo: a@y.example, b@y.example, c@y.example, d@y.example\n"))
                == .filtered(.tooManyRecipients))
        #expect(
            classifier.classify(message(date + "From: me@x.example\nTo: Me <me@x.example>\n")) == .filtered(.toYourself)
        )
        #expect(
            classifier.classify(message(date + "From: me@x.example\nTo: undisclosed-recipients:;\n"))
                == .filtered(.noRecipients))
        #expect(
            classifier.classify(message(date + "From: a@y.example\n"), folder: "Junk.mbox") == .filtered(.spamOrTrash))
        #expect(
            classifier.classify(message(date + "From: a@y.example\n"), folder: "All mail Including Spam and Trash.mbox")
                == .inbound(from: MailAddress(address: "a@y.example")))
        guard case .problem = classifier.classify(message("From: a@y.example\nDate: soon\n")) else {
            Issue.record("an undated message was not listed")
            return
        }
        let since = MailClassifier(myAddresses: ["me@x.example"], since: Date(timeIntervalSince1970: 1_800_000_000))
        #expect(since.classify(message(date + "From: a@y.example\n")) == .filtered(.beforeSince))
    }

    @Test(
        "ids and threads: one digest per Message-ID, the References root or X-GM-THRID as thread, a digest without an id"
    )
    func idsAndThreads() {
        let root = message("Message-ID: <root@x>\nFrom: a@y.example\n")
        let reply = message("Message-ID: <r@x>\nIn-Reply-To: <root@x>\nReferences: <root@x> <mid@x>\n")
        #expect(reply.thread == root.thread)
        #expect(reply.digest != root.digest)
        #expect(message("Message-ID:  <root@x> \n").digest == root.digest)
        let gmail = message("Message-ID: <g@x>\nX-GM-THRID: 123\n")
        #expect(gmail.thread == message("Message-ID: <h@x>\nX-GM-THRID: 123\n").thread)
        let noID = message("From: a@y.example\nDate: Mon, 2 Mar 2026 10:15:00 +0000\nSubject: s\n")
        #expect(noID.digest == message("From: a@y.example\nDate: Mon, 2 Mar 2026 10:15:00 +0000\nSubject: s\n").digest)
        #expect(noID.digest != message("From: a@y.example\nDate: Mon, 2 Mar 2026 10:16:00 +0000\nSubject: s\n").digest)
        #expect(noID.digest.count == 32)
    }

    @Test("the reader: read = records + filtered + listed, copies counted once, subjects only when kept")
    func reconciliation() throws {
        let one =
            "From a@x Mon Mar  2 10:15:00 2026\nFrom: A <a@y.example>\nTo: me@x.example\nMessage-ID: <1@y>\nSubject: Hello\nDate: Mon, 2 Mar 2026 10:15:00 +0000\n\nbody\n"
        let text =
            one + one.replacingOccurrences(of: "From a@x", with: "From b@x")
            + "From c@x Mon Mar  2 10:15:00 2026\nTo: me@x.example\n\n"
            + "From d@x Mon Mar  2 10:15:00 2026\nFrom: news@y.example\nList-Id: l\n\n"
        let path = try file("r.mbox", text)
        for keep in [false, true] {
            var reader = MailReader(classifier: MailClassifier(myAddresses: ["me@x.example"]), keepSubjects: keep)
            var records: [MailRecord] = []
            try MboxFile(path: path).forEachHeaderBlock { block in
                if let record = reader.record(for: block) { records.append(record) }
                return true
            }
            #expect(reader.read == 4)
            #expect(records.count == 1 && reader.records == 1)
            #expect(reader.filtered == [.duplicate: 1, .bulk: 1])
            #expect(reader.listedCount == 1)
            #expect(reader.read == reader.records + reader.filtered.values.reduce(0, +) + reader.listedCount)
            #expect(records.first?.subject == (keep ? "Hello" : nil))
        }
    }

    @Test("a newsletter or a no-reply notice in Spam or Trash counts as in Spam or Trash, as classify says")
    func folderBeforeBulk() throws {
        let text =
            "From n@x Mon Mar  2 10:15:00 2026\nFrom: Deals <deals@shop.example>\nTo: me@x.example\nList-Unsubscribe: <mailto:u@shop.example>\nDate: Mon, 2 Mar 2026 10:15:00 +0000\n\n"
            + "From r@x Mon Mar  2 10:16:00 2026\nFrom: noreply@bank.example\nTo: me@x.example\nDate: Mon, 2 Mar 2026 10:16:00 +0000\n\n"
            + "From p@x Mon Mar  2 10:17:00 2026\nFrom: Lena Hart <lena@hart.example>\nTo: me@x.example\nDate: Mon, 2 Mar 2026 10:17:00 +0000\n\n"
        let path = try file("Spam", text)
        var reader = MailReader(classifier: MailClassifier(myAddresses: ["me@x.example"]))
        try MboxFile(path: path, folder: "Spam").forEachHeaderBlock { block in
            _ = reader.record(for: block)
            return true
        }
        #expect(reader.filtered == [.spamOrTrash: 3])
    }
}
