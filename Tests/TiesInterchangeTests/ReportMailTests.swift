import Foundation
import Testing
import TiesCore
import TiesInterchange

@Suite("The weekly report as a MIME message")
struct ReportMailTests {
    let html = "<!DOCTYPE html>\n<html><body><h1>Network health — week 2026-W48</h1><p>張偉 · 66/100</p></body></html>\n"

    func mail(_ attachment: String? = nil) -> ReportMail {
        ReportMail(
            from: .init(name: "Ties", address: "me@example.org"), to: [.init(address: "me@example.org")],
            subject: "Network health — week 2026-W48: 66/100", summary: "Network health — week 2026-W48\n\n  66/100\n",
            attachment: .init(name: "2026-W48.html", mediaType: "text/html", text: attachment ?? html),
            date: Date(timeIntervalSince1970: 1_795_680_000))
    }

    /// The parts between the boundaries, each split into headers and body.
    func parts(_ message: String) throws -> [(headers: String, body: String)] {
        let boundary = try #require(
            message.components(separatedBy: "boundary=\"").dropFirst().first?.components(separatedBy: "\"").first)
        let sections = message.components(separatedBy: "--\(boundary)")
        #expect(sections.last == "--\r\n")
        return try sections.dropFirst().dropLast().map { section in
            let split = try #require(section.range(of: "\r\n\r\n"))
            return (String(section[..<split.lowerBound]), String(section[split.upperBound...]))
        }
    }

    @Test("headers are RFC 5322 with an encoded subject; the summary and the attachment decode to their text")
    func structure() throws {
        let message = mail().message()
        let head = try #require(message.components(separatedBy: "\r\n\r\n").first)
        #expect(head.contains("Date: Thu, 26 Nov 2026 08:00:00 +0000"))
        #expect(head.contains("From: Ties <me@example.org>"))
        #expect(head.contains("To: <me@example.org>"))
        #expect(head.contains("Subject: =?UTF-8?B?"))
        #expect(head.contains("MIME-Version: 1.0"))
        #expect(head.contains("Content-Type: multipart/mixed; boundary="))
        #expect(!message.unicodeScalars.contains { $0.value > 0x7E })  // all 7-bit on the wire
        for line in message.components(separatedBy: "\r\n") { #expect(line.count <= 78, "\(line)") }
        #expect(!message.replacingOccurrences(of: "\r\n", with: "").contains("\n"))  // CRLF only
        let decoded = try parts(message).map { part in
            (
                part.headers,
                String(
                    decoding: Data(base64Encoded: part.body.replacingOccurrences(of: "\r\n", with: "")) ?? Data(),
                    as: UTF8.self)
            )
        }
        #expect(decoded.count == 2)
        #expect(decoded[0].0.contains("text/plain; charset=utf-8") && decoded[0].1.hasPrefix("Network health"))
        #expect(decoded[1].0.contains("Content-Disposition: attachment; filename=\"2026-W48.html\""))
        #expect(decoded[1].0.contains("Content-Type: text/html; charset=utf-8"))
        #expect(decoded[1].1 == html)
    }

    @Test("the same inputs give the same bytes, and the boundary never occurs in the content")
    func deterministic() throws {
        #expect(mail().message() == mail().message())
        let first = mail().message()
        let boundary = try #require(
            first.components(separatedBy: "boundary=\"").dropFirst().first?.components(separatedBy: "\"").first)
        let tricky = mail("--\(boundary)\n" + html).message()
        #expect(try parts(tricky).count == 2)
    }

    @Test("media types follow the report's file extension")
    func mediaTypes() {
        #expect(ReportMail.mediaType(forFileName: "2026-W48.html") == "text/html")
        #expect(ReportMail.mediaType(forFileName: "2026-W48.md") == "text/markdown")
        #expect(ReportMail.mediaType(forFileName: "2026-W48.json") == "application/json")
        #expect(ReportMail.mediaType(forFileName: "2026-W48.txt") == "text/plain")
    }
}
