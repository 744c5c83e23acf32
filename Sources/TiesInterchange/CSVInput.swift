import Foundation

/// A CSV input read in blocks, as many times as a reader needs: a file on disk (never held whole) or bytes
/// already in memory.
///
/// ``CSVReader/forEachRecord(in:from:line:wanted:_:)`` reads it block by block; a record that a block
/// boundary cuts — in a quoted field with line breaks, between CR and LF, between two quotes of a doubled
/// quote, inside a multi-byte UTF-8 sequence — is carried over and read whole from the next block, so the
/// records are exactly those of the whole input.
///
/// ```swift
/// let input = CSVInput.file("/tmp/messages.csv")
/// try CSVReader.forEachRecord(in: input) { record in print(record.fields); return true }
/// ```
public struct CSVInput: Sendable {
    enum Storage: Sendable {
        case file(String)
        case bytes([UInt8])
    }

    let storage: Storage
    /// How many bytes one read asks for (at least 1). A record longer than a block is read in larger reads.
    public var blockSize: Int
    /// Whether a reading of records stops at the first bytes that are not UTF-8, with a ``ParseError`` whose
    /// ``ParseError/isNotUTF8`` is true (see ``requiringUTF8()``).
    public private(set) var requiresUTF8 = false

    /// The default block: 1 MiB.
    public static let defaultBlockSize = 1 << 20

    /// The file at `path`, read in blocks of `blockSize` bytes.
    public static func file(_ path: String, blockSize: Int = defaultBlockSize) -> CSVInput {
        CSVInput(storage: .file(path), blockSize: max(1, blockSize))
    }

    /// Bytes in memory, read in blocks as a file would be (for zip entries, and to test block boundaries).
    public static func bytes(_ bytes: [UInt8], blockSize: Int = defaultBlockSize) -> CSVInput {
        CSVInput(storage: .bytes(bytes), blockSize: max(1, blockSize))
    }

    /// The same input, checked for UTF-8 as its records are read: each block is validated as it comes in, and
    /// the reading stops with a ``ParseError`` whose ``ParseError/isNotUTF8`` is true at the first bytes that
    /// are not UTF-8. A large file is so checked in the pass that reads it: a pass of its own before took
    /// 0.05-0.17 s of a 224 MB messages file, during which its reading had not begun (`perf`).
    public func requiringUTF8() -> CSVInput {
        var copy = self
        copy.requiresUTF8 = true
        return copy
    }

    /// The first `count` bytes (fewer when the input is shorter).
    /// - Throws: ``ParseError`` when the file cannot be read.
    public func head(_ count: Int) throws(ParseError) -> [UInt8] {
        var out: [UInt8] = []
        var reader = try open(at: 0)
        var block = [UInt8](repeating: 0, count: min(count, 1 << 16))
        while out.count < count {
            let want = min(block.count, count - out.count)
            let got = try reader.read(into: &block, at: 0, count: want)
            if got == 0 { break }
            out.append(contentsOf: block[0..<got])
        }
        return out
    }

    /// A reader positioned at byte `offset`.
    func open(at offset: Int) throws(ParseError) -> Reader {
        switch storage {
        case .bytes(let bytes):
            return Reader(source: .bytes(bytes, min(max(0, offset), bytes.count)))
        case .file(let path):
            let fd = Foundation.open(path, O_RDONLY)
            guard fd >= 0 else { throw Self.unreadable() }
            if offset > 0 && lseek(fd, off_t(offset), SEEK_SET) < 0 {
                close(fd)
                throw Self.unreadable()
            }
            return Reader(source: .file(FileDescriptor(fd)))
        }
    }

    /// The error when the file cannot be opened or read (it was readable when the import began).
    static func unreadable() -> ParseError {
        var error = ParseError(
            line: 1, found: "<a read error: \(String(cString: strerror(errno)))>",
            expected: "a file that stays readable while it is imported")
        error.isReadFailure = true
        return error
    }

    /// One pass over the input.
    struct Reader {
        enum Source {
            case file(FileDescriptor)
            case bytes([UInt8], Int)
        }

        var source: Source

        /// Reads up to `count` bytes into `array` from index `at`; 0 at the end.
        mutating func read(into array: inout [UInt8], at start: Int, count: Int) throws(ParseError) -> Int {
            switch source {
            case .file(let file):
                while true {
                    let n = array.withUnsafeMutableBytes { raw in
                        Foundation.read(file.fd, raw.baseAddress.map { $0 + start }, count)
                    }
                    if n >= 0 { return n }
                    if errno == EINTR { continue }
                    throw CSVInput.unreadable()
                }
            case .bytes(let bytes, let position):
                let n = min(count, bytes.count - position)
                if n > 0 { array.replaceSubrange(start..<(start + n), with: bytes[position..<(position + n)]) }
                source = .bytes(bytes, position + n)
                return n
            }
        }
    }

    /// A file descriptor closed when the last reader that holds it goes.
    final class FileDescriptor {
        let fd: Int32
        init(_ fd: Int32) { self.fd = fd }
        deinit { close(fd) }
    }
}

extension CSVReader {
    /// Calls `body` with each record of `input` in turn, reading it block by block (at most a block and the
    /// record in progress are held); `body` returns false to stop. The records, their lines and any error are
    /// those ``forEachRecord(in:from:line:_:)-([UInt8],_,_,_)`` gives for the whole input.
    ///
    /// - Parameters:
    ///   - offset: the byte to start at (a byte-order mark is only skipped at offset 0).
    ///   - line: the line number of the byte at `offset`.
    ///   - wanted: when given, only fields whose index is true here are decoded; the others are passed as
    ///     empty strings (the number of fields stays as written).
    /// - Throws: ``ParseError`` when a quoted field never closes or the file cannot be read, or what `body`
    ///   throws.
    public static func forEachRecord(
        in input: CSVInput, from offset: Int = 0, line: Int = 1, wanted: [Bool]? = nil,
        _ body: (CSVRecord) throws(ParseError) -> Bool
    ) throws(ParseError) {
        var record = CSVRecord(line: line, fields: [])
        try forEachRecord(in: input, from: offset, line: line, wanted: wanted, into: &record, body)
    }

    /// ``forEachRecord(in:from:line:wanted:_:)-(CSVInput,_,_,_,_)`` with each record's fields put into `record`
    /// (a ``CSVFieldSink`` of the caller's).
    static func forEachRecord<Sink: CSVFieldSink>(
        in input: CSVInput, from offset: Int = 0, line: Int = 1, wanted: [Bool]? = nil, into record: inout Sink,
        _ body: (Sink) throws(ParseError) -> Bool
    ) throws(ParseError) {
        var reader = try input.open(at: offset)
        var state = ScanState(line: line, wanted: wanted)
        var buffer = [UInt8](repeating: 0, count: input.blockSize)
        var start = 0  // the first byte not consumed
        var end = 0  // the end of the bytes read
        var atEnd = false
        var skipBOM = offset == 0
        // With `requiresUTF8`, the bytes before this were found to be UTF-8. A record ends at an ASCII byte (a
        // line break) or at the end, so the scan never passes it.
        var checked = 0
        while !atEnd {
            if start > 0 {  // keep the record in progress, at the front
                buffer.withUnsafeMutableBytes { raw in
                    guard let p = raw.baseAddress else { return }
                    memmove(p, p + start, end - start)
                }
                end -= start
                checked -= start
                start = 0
            }
            // A record longer than a block is read in reads as long as what is held, so that scanning it again
            // from its start costs linear time overall.
            let want = max(input.blockSize, end)
            if buffer.count < end + want {
                buffer.append(contentsOf: repeatElement(0, count: end + want - buffer.count))
            }
            let got = try reader.read(into: &buffer, at: end, count: want)
            end += got
            atEnd = got == 0
            if skipBOM {
                if end < 3 && !atEnd { continue }  // too few bytes yet to tell a byte-order mark
                if end >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF { start = 3 }
                skipBOM = false
            }
            if input.requiresUTF8 {
                checked = try buffer.withUnsafeBufferPointer { (all) throws(ParseError) in
                    try checkUTF8(
                        UnsafeBufferPointer(rebasing: all[0..<end]), from: max(checked, start), final: atEnd,
                        scanned: start, line: state.line)
                }
            }
            let stop = try buffer.withUnsafeBufferPointer { (all) throws(ParseError) in
                try scan(
                    UnsafeBufferPointer(rebasing: all[0..<end]), from: start, final: atEnd, state: &state,
                    into: &record,
                    body)
            }
            guard let stop else { return }
            start = stop
        }
    }

    /// Validates `bytes[from...]` up to its last ASCII byte (to its end when `final`: no sequence is cut
    /// there), and returns where the validated bytes end; the bytes after are validated with the next block.
    /// - Parameters:
    ///   - scanned: the first byte not yet scanned, which starts line `line`.
    /// - Throws: ``ParseError`` (``ParseError/isNotUTF8``) naming the line of the first bytes that are not UTF-8.
    static func checkUTF8(
        _ bytes: UnsafeBufferPointer<UInt8>, from: Int, final: Bool, scanned: Int, line: Int
    ) throws(ParseError) -> Int {
        var until = bytes.count
        if !final {
            until = from
            for i in stride(from: bytes.count - 1, through: from, by: -1) where bytes[i] < 0x80 {
                until = i + 1
                break
            }
        }
        do {
            _ = try UTF8Span(validating: UnsafeBufferPointer(rebasing: bytes[from..<until]).span)
            return until
        } catch {
            let at = from + error.byteOffsets.lowerBound
            var error = ParseError(
                line: line + bytes[scanned..<at].count { $0 == lf }, found: "bytes that are not UTF-8",
                expected: "UTF-8 text")
            error.isNotUTF8 = true
            throw error
        }
    }
}
