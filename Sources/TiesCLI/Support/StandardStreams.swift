import Foundation

#if canImport(Glibc)
    import Glibc
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    import Darwin
    private let systemWrite = Darwin.write
#endif

/// Standard output and standard error, written with `write(2)` and checked.
///
/// Every byte `ties` prints goes through here (the `write(_:)` helper, help and usage text, errors), so
/// that an output error is handled the same way everywhere instead of trapping in Foundation's
/// `FileHandle.write`:
/// - a closed pipe (`ties person list | head -1`): the reader has what it wanted; the command stops
///   writing and exits 0, quietly. Exit 0 whatever the timing: with the default `SIGPIPE` the status would
///   depend on whether the reader closed before or after the last write.
/// - any other error (standard output closed with `>&-`, a full disk, `/dev/full`): one line on standard
///   error and exit 74 (EX_IOERR).
/// - standard error itself failing is ignored: there is nowhere left to say so.
enum StandardStreams {
    /// Whether standard output was closed when the process started (`>&-`).
    nonisolated(unsafe) static var standardOutputWasClosed = false
    /// Whether standard error was closed when the process started (`2>&-`).
    nonisolated(unsafe) static var standardErrorWasClosed = false

    /// Prepares the streams; called once at start-up.
    ///
    /// Makes a write into a closed pipe fail with `EPIPE` instead of killing the process, so that
    /// ``write(_:)`` can end it quietly. Then finds which standard descriptors the process was started
    /// without. One may already have been reused by the runtime (Dispatch opens an `eventfd` before `main`,
    /// and it takes the lowest free number): such a descriptor has close-on-exec set, which an inherited
    /// standard stream never has. A standard descriptor still free is opened on `/dev/null`, so that no
    /// file the command opens later (an `--out` file) can take its number and receive what was meant for
    /// the terminal. Writing to a standard output that was closed fails as such a write should.
    static func prepare() {
        signal(SIGPIPE, SIG_IGN)
        for descriptor: Int32 in 0...2 {
            let flags = fcntl(descriptor, F_GETFD)
            var closed = flags >= 0 && flags & FD_CLOEXEC != 0
            if flags == -1 && errno == EBADF {
                closed = true
                let opened = open("/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY)
                if opened >= 0 && opened != descriptor {
                    dup2(opened, descriptor)
                    close(opened)
                }
            }
            if descriptor == 1 { standardOutputWasClosed = closed }
            if descriptor == 2 { standardErrorWasClosed = closed }
        }
    }

    /// Writes `text` to standard output, or ends the process as the type's summary describes.
    static func write(_ text: String) {
        if standardOutputWasClosed && !text.isEmpty {
            writeError("Error: cannot write to standard output: it is closed; the output is lost\n")
            exit(CLIError.Code.ioError.rawValue)
        }
        guard let failure = writeAll(text, to: 1) else { return }
        if failure == EPIPE { exit(0) }
        writeError(
            "Error: cannot write to standard output: \(String(cString: strerror(failure))); the output is incomplete\n")
        exit(CLIError.Code.ioError.rawValue)
    }

    /// Writes `text` to standard error; a failure is ignored.
    static func writeError(_ text: String) {
        if standardErrorWasClosed { return }
        _ = writeAll(text, to: 2)
    }

    /// Writes every byte of `text` to `descriptor`, retrying short writes and interrupted calls.
    /// - Returns: nil when all was written, else the `errno` of the failure.
    static func writeAll(_ text: String, to descriptor: Int32) -> Int32? {
        var text = text
        return text.withUTF8 { writeAll($0, to: descriptor) }
    }

    /// Writes every byte of `buffer` to `descriptor`; see ``writeAll(_:to:)-(String,_)``.
    static func writeAll(_ buffer: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Int32? {
        guard var cursor = buffer.baseAddress else { return nil }
        var remaining = buffer.count
        while remaining > 0 {
            let written = systemWrite(descriptor, cursor, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if written == 0 { return EIO }
            cursor += written
            remaining -= written
        }
        return nil
    }
}
