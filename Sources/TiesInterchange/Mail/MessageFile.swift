import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One message in a file of its own: an `.eml`, a Maildir message (`cur/`, `new/`), an Apple Mail `.emlx`.
/// Only the header block is read (the file's first kilobytes), never the body.
public struct MessageFile: MailFileSource {
    public var path: String
    public var folder: String?
    /// Headers larger than this are cut here (a real one is a few kilobytes; spam has reached 200 KB).
    static let headerLimit = 4 << 20

    public init(path: String, folder: String? = nil) {
        self.path = path
        self.folder = folder
    }

    public func forEachHeaderBlock(in fd: Int32, _ body: (MailHeaderBlock) throws -> Bool) throws {
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        var filled = 0
        var atEnd = false
        var found: (end: Int, body: Int, complete: Bool) = (0, 0, false)
        while true {
            if filled == buffer.count {
                guard buffer.count < Self.headerLimit else { break }
                buffer += [UInt8](repeating: 0, count: buffer.count)
            }
            let got = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if got < 0 { throw MailSourceError(.unreadable, file: path, reason: "cannot read it") }
            if got == 0 { atEnd = true }
            filled += got
            found = buffer.withUnsafeBytes { Self.headerEnd(UnsafeRawBufferPointer(rebasing: $0[..<filled])) }
            if found.complete || atEnd { break }
        }
        // A file that ends inside the header is a message of headers only (php-mime-mail-parser's `m0124`, an
        // attachment's headers saved without a final newline): whole, not cut off. Only a header longer than the
        // limit is cut.
        let limit = found.complete ? found.end : filled
        try buffer.withUnsafeBytes { raw in
            var start = 0
            // Apple Mail's .emlx starts with the message's length on a line of its own.
            if let nl = raw[..<min(filled, 12)].firstIndex(of: 0x0A), nl > 0,
                raw[..<nl].allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x20 || $0 == 0x0D })
            {
                start = nl + 1
            }
            var envelope: UnsafeRawBufferPointer?
            if MboxFile.isSeparator(UnsafeRawBufferPointer(rebasing: raw[..<filled]), at: start) {
                let end = MboxFile.lineEnd(UnsafeRawBufferPointer(rebasing: raw[..<filled]), from: start)
                envelope = UnsafeRawBufferPointer(
                    rebasing: raw[start..<(end > start && raw[end - 1] == 0x0D ? end - 1 : end)])
                start = min(end + 1, limit)
            }
            let block = MailHeaderBlock(
                bytes: UnsafeRawBufferPointer(rebasing: raw[start..<max(start, limit)]), file: path, offset: 0,
                folder: folder, envelope: envelope,
                truncated: !found.complete && !atEnd && filled > 0 && raw[filled - 1] != 0x0A, bytesRead: filled)
            _ = try body(block)
        }
    }

    /// Where the header block of `data` ends, where its body starts, and whether an empty line ended it.
    static func headerEnd(_ data: UnsafeRawBufferPointer) -> (end: Int, body: Int, complete: Bool) {
        var line = 0
        while line < data.count {
            let end = MboxFile.lineEnd(data, from: line)
            if end == data.count { break }  // an unfinished last line: read more
            if end == line || (end == line + 1 && data[line] == 0x0D) { return (line, end + 1, true) }
            line = end + 1
        }
        return (data.count, data.count, false)
    }
}
