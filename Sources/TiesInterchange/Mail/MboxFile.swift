import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An mbox file (mboxo, mboxrd, mboxcl; LF or CRLF), read without holding it: the file is mapped, the
/// `From ` separators found with `memchr`, and only each message's header block looked at. Bodies are
/// skipped in place, never copied, and the pages already read are handed back to the kernel as the scan
/// moves on, so memory stays flat whatever the file's size.
///
/// A separator is a line starting `From ` that carries a time (`hh:mm`) and a four-digit year, as every
/// writer's envelope line does (`From MAILER-DAEMON Sun Aug  7 11:40:37 2022`, Google Takeout's
/// `From 1781…@xxx Wed Mar 18 13:45:19 +0000 2020`): an unescaped `From time to time` in a body
/// (mboxo) is body text, not a new message. Netscape's and Thunderbird's undated `From - ` is one too
/// when a header field follows it. `>From ` lines (mboxrd escaping) are body lines and skipped.
public struct MboxFile: MailFileSource {
    public var path: String
    /// The file's display name, for Spam/Trash/Drafts (`Junk.mbox`, Thunderbird's `Trash`).
    public var folder: String?

    public init(path: String, folder: String? = nil) {
        self.path = path
        self.folder = folder
    }

    public func forEachHeaderBlock(in fd: Int32, _ body: (MailHeaderBlock) throws -> Bool) throws {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw MailSourceError(.unreadable, file: path, reason: "cannot read it") }
        let size = Int(info.st_size)
        guard size > 0 else { return }
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED else {
            throw MailSourceError(.unreadable, file: path, reason: "cannot map it into memory")
        }
        defer { munmap(mapped, size) }
        _ = madvise(mapped, size, MADV_SEQUENTIAL)
        try scan(UnsafeRawBufferPointer(start: mapped, count: size), body)
    }

    /// Walks the messages of `data`; the hot loop of a mail import.
    func scan(_ data: UnsafeRawBufferPointer, _ body: (MailHeaderBlock) throws -> Bool) throws {
        guard let base = data.baseAddress else { return }
        let count = data.count
        var released = 0  // bytes before this have been handed back to the kernel
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        var position = Self.firstSeparator(data) ?? count
        while position < count {
            let lineEnd = Self.lineEnd(data, from: position)
            var envelopeEnd = lineEnd
            if envelopeEnd > position, data[envelopeEnd - 1] == 0x0D { envelopeEnd -= 1 }
            let headerStart = min(lineEnd + 1, count)
            let (headerEnd, bodyStart, complete) = Self.headerEnd(data, from: headerStart)
            let next = Self.nextSeparator(data, from: max(bodyStart - 1, headerStart)) ?? count
            let block = MailHeaderBlock(
                bytes: UnsafeRawBufferPointer(rebasing: data[headerStart..<headerEnd]), file: path, offset: position,
                folder: folder, envelope: UnsafeRawBufferPointer(rebasing: data[position..<envelopeEnd]),
                truncated: !complete && next == count && (count == 0 || data[count - 1] != 0x0A),
                bytesRead: next)
            guard try body(block) else { return }
            if next - released > 64 << 20 {
                let upTo = (next / page) * page
                _ = madvise(UnsafeMutableRawPointer(mutating: base + released), upTo - released, MADV_DONTNEED)
                released = upTo
            }
            position = next
        }
    }

    /// The offset of the first separator: the file's start, after blank lines and a byte order mark.
    static func firstSeparator(_ data: UnsafeRawBufferPointer) -> Int? {
        var i = 0
        if data.count >= 3, data[0] == 0xEF, data[1] == 0xBB, data[2] == 0xBF { i = 3 }
        while i < data.count, data[i] == 0x0A || data[i] == 0x0D { i += 1 }
        return isSeparator(data, at: i) ? i : nil
    }

    /// The index of the line break ending the line at `start`, or `data.count`.
    static func lineEnd(_ data: UnsafeRawBufferPointer, from start: Int) -> Int {
        guard start < data.count, let base = data.baseAddress,
            let found = memchr(base + start, 0x0A, data.count - start)
        else { return data.count }
        return base.distance(to: UnsafeRawPointer(found))
    }

    /// Where the header block from `start` ends (exclusive), where the body starts, and whether an empty
    /// line ended it (false when a separator or the end of the data did).
    static func headerEnd(_ data: UnsafeRawBufferPointer, from start: Int) -> (end: Int, body: Int, complete: Bool) {
        var line = start
        while line < data.count {
            let end = lineEnd(data, from: line)
            if end == line || (end == line + 1 && data[line] == 0x0D) {
                return (line, min(end + 1, data.count), true)
            }
            if isSeparator(data, at: line) { return (line, line, false) }
            line = end + 1
        }
        return (data.count, data.count, false)
    }

    /// The offset of the next separator line after the line break at or after `from`, or nil.
    ///
    /// Finds line breaks with `memchr` (vectorised in the C library) and looks at the five bytes after
    /// each: the scan of every body line, the one loop whose speed is the import's speed.
    static func nextSeparator(_ data: UnsafeRawBufferPointer, from: Int) -> Int? {
        guard let base = data.baseAddress else { return nil }
        let count = data.count
        var at = from
        while at < count {
            guard let found = memchr(base + at, 0x0A, count - at) else { return nil }
            let line = base.distance(to: UnsafeRawPointer(found)) + 1
            if line + 5 <= count, data[line] == 0x46, data[line + 1] == 0x72, data[line + 2] == 0x6F,
                data[line + 3] == 0x6D, data[line + 4] == 0x20, isSeparator(data, at: line)
            {
                return line
            }
            at = line
        }
        return nil
    }

    /// Whether the line at `start` is an mbox separator: `From `, then within the line a time `d:dd` and
    /// a four-digit year starting 19 or 20 — or an undated one (``isUndatedSeparator(_:at:lineEnd:)``).
    static func isSeparator(_ data: UnsafeRawBufferPointer, at start: Int) -> Bool {
        guard start + 5 <= data.count, data[start] == 0x46, data[start + 1] == 0x72, data[start + 2] == 0x6F,
            data[start + 3] == 0x6D, data[start + 4] == 0x20
        else { return false }
        let end = lineEnd(data, from: start)
        return isDatedSeparator(data, at: start, lineEnd: end) || isUndatedSeparator(data, at: start, lineEnd: end)
    }

    /// `From ` then a time and a year within the line (every writer's dated envelope line).
    private static func isDatedSeparator(_ data: UnsafeRawBufferPointer, at start: Int, lineEnd: Int) -> Bool {
        let end = min(lineEnd, start + 400)
        var time = false
        var year = false
        var i = start + 5
        while i < end {
            let c = data[i]
            if c == 0x3A, i > start + 5, i + 2 < end, isDigit(data[i - 1]), isDigit(data[i + 1]), isDigit(data[i + 2]) {
                time = true
            } else if c == 0x31 || c == 0x32, i + 3 < end, data[i - 1] == 0x20, isDigit(data[i + 1]),
                isDigit(data[i + 2]), isDigit(data[i + 3]), i + 4 == end || !isDigit(data[i + 4]),
                (c == 0x31 && data[i + 1] == 0x39) || (c == 0x32 && data[i + 1] == 0x30)
            {
                year = true
            }
            i += 1
        }
        return time && year
    }

    /// An envelope line without a date, as Netscape and Thunderbird write it (`From - `, `From -`) and as some
    /// Gmail-style exports do (`From 1844…@xxx`): after `From ` nothing, `-`, or one word holding an `@`,
    /// and on the next line a header field (`X-Mozilla-Status: 0001`, `Return-Path: <…>`). A body line
    /// `From Russia with love` has more words, `From -` followed by prose has no field after it.
    private static func isUndatedSeparator(_ data: UnsafeRawBufferPointer, at start: Int, lineEnd: Int) -> Bool {
        var end = lineEnd
        while end > start + 5, data[end - 1] == 0x20 || data[end - 1] == 0x0D || data[end - 1] == 0x09 { end -= 1 }
        guard end - start <= 200 else { return false }
        var word = start + 5
        while word < end, data[word] == 0x20 { word += 1 }
        if word < end {
            let token = UnsafeRawBufferPointer(rebasing: data[word..<end])
            guard !token.contains(0x20), !token.contains(0x09),
                (token.count == 1 && token[0] == 0x2D) || token.contains(0x40)
            else { return false }
        }
        return startsWithField(data, at: lineEnd + 1)
    }

    /// Whether a header field (`Name: value`, the name printable ASCII without spaces) starts at `start`.
    private static func startsWithField(_ data: UnsafeRawBufferPointer, at start: Int) -> Bool {
        var i = start
        while i < data.count, i - start <= 76 {
            let c = data[i]
            if c == 0x3A { return i > start }
            guard c > 0x20, c < 0x7F else { return false }
            i += 1
        }
        return false
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
}
