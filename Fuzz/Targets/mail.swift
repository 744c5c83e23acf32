// Fuzz target: the mail header reader — the header block's fields, address lists, encoded words, charsets,
// dates and the classification — on one message's bytes, as an mbox, Maildir or .eml source hands them over
// (an mbox `From ` line first, when the input starts with one).
import TiesInterchange

func fuzz(_ bytes: [UInt8]) {
    var reader = MailReader(classifier: MailClassifier(myAddresses: ["me@example.org"]), keepSubjects: true)
    var start = 0
    var envelopeEnd = 0
    if bytes.starts(with: Array("From ".utf8)) {
        envelopeEnd = bytes.firstIndex(of: 0x0A) ?? bytes.count
        start = min(bytes.count, envelopeEnd + 1)
    }
    // The header block ends at the first empty line (LF LF or CRLF CRLF).
    var end = bytes.count
    var i = start
    while i + 1 < bytes.count {
        if bytes[i] == 0x0A && (bytes[i + 1] == 0x0A || (bytes[i + 1] == 0x0D && i + 2 < bytes.count && bytes[i + 2] == 0x0A)) {
            end = i + 1
            break
        }
        i += 1
    }
    bytes.withUnsafeBytes { all in
        let block = MailHeaderBlock(
            bytes: UnsafeRawBufferPointer(rebasing: all[start..<end]), file: "fuzz", offset: 0,
            envelope: envelopeEnd > 0 ? UnsafeRawBufferPointer(rebasing: all[0..<envelopeEnd]) : nil)
        _ = reader.record(for: block)
    }
}
