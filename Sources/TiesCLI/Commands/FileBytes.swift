import Foundation

/// A whole file's bytes, read with `read(2)` straight into one array (no `Data` to copy from).
enum FileBytes {
    /// The bytes of the file at `path`, or nil when it cannot be opened or read.
    static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        var failed = false
        // The size told by fstat, read in place; then whatever follows (a file that grew, a pipe) in pieces.
        var bytes = [UInt8](unsafeUninitializedCapacity: max(Int(info.st_size), 0)) { buffer, initialized in
            initialized = 0
            while initialized < buffer.count {
                let got = Foundation.read(fd, buffer.baseAddress.map { $0 + initialized }, buffer.count - initialized)
                if got > 0 {
                    initialized += got
                } else if got == 0 {
                    return
                } else if errno != EINTR {
                    failed = true
                    return
                }
            }
        }
        var piece = [UInt8](repeating: 0, count: 65536)
        while !failed {
            let got = piece.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if got > 0 {
                bytes.append(contentsOf: piece[..<got])
            } else if got == 0 {
                break
            } else if errno != EINTR {
                failed = true
            }
        }
        return failed ? nil : bytes
    }
}
