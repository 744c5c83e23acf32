import Crypto
import CryptoExtras
import Foundation

/// The encrypted backup format: a SQLite database, sealed with AES-256-GCM under a key derived from a
/// passphrase with scrypt.
///
/// Layout (all integers big-endian):
///
/// | offset | bytes | field |
/// |---|---|---|
/// | 0 | 8 | magic `TIESBAK` followed by a zero byte |
/// | 8 | 1 | format version, 1 |
/// | 9 | 1 | scrypt cost as log₂ N (N = 2^15 when written by this version) |
/// | 10 | 4 | scrypt block size r (8) |
/// | 14 | 4 | scrypt parallelism p (1) |
/// | 18 | 16 | scrypt salt, random |
/// | 34 | 12 | AES-GCM nonce, random |
/// | 46 | n + 16 | ciphertext of the SQLite file, then the 16-byte GCM tag |
///
/// The 46 header bytes are the additional authenticated data, so a changed parameter is detected like a
/// changed ciphertext. A wrong passphrase and an altered file fail alike, at the tag.
public enum BackupFile {
    /// The first eight bytes of an encrypted backup.
    public static let magic: [UInt8] = Array("TIESBAK".utf8) + [0]
    /// The first sixteen bytes of every SQLite database file (an unencrypted backup).
    static let sqliteMagic: [UInt8] = Array("SQLite format 3".utf8) + [0]
    static let version: UInt8 = 1
    static let headerSize = 46

    /// The scrypt cost parameters.
    public struct Cost: Equatable, Sendable {
        public var log2N: UInt8
        public var r: UInt32
        public var p: UInt32

        /// N = 2^15, r = 8, p = 1: 32 MiB and well under a second, the cost OWASP lists for scrypt.
        public static let standard = Cost(log2N: 15, r: 8, p: 1)

        public init(log2N: UInt8, r: UInt32, p: UInt32) {
            self.log2N = log2N
            self.r = r
            self.p = p
        }
    }

    /// Why a backup could not be opened.
    public enum Failure: Error, Equatable {
        /// The file is encrypted and no passphrase was given.
        case needsPassphrase
        /// The tag did not match: a wrong passphrase, or an altered file.
        case wrongPassphrase
        /// Neither an encrypted backup nor a SQLite file, or a header this version cannot read.
        case unrecognised(String)
    }

    /// Whether `bytes` start like an encrypted backup.
    public static func isEncrypted(_ bytes: some Collection<UInt8>) -> Bool { bytes.starts(with: magic) }

    /// Seals `database` (the bytes of a SQLite file) under `passphrase`.
    public static func seal(_ database: Data, passphrase: String, cost: Cost = .standard) throws -> Data {
        var salt = [UInt8](repeating: 0, count: 16)
        var generator = SystemRandomNumberGenerator()
        for i in salt.indices { salt[i] = UInt8.random(in: .min ... .max, using: &generator) }
        let nonce = AES.GCM.Nonce()
        var header = Data(magic)
        header.append(version)
        header.append(cost.log2N)
        header.append(contentsOf: bigEndian(cost.r) + bigEndian(cost.p))
        header.append(contentsOf: salt)
        header.append(contentsOf: Array(nonce))
        let key = try deriveKey(passphrase, salt: salt, cost: cost)
        let box = try AES.GCM.seal(database, using: key, nonce: nonce, authenticating: header)
        return header + box.ciphertext + box.tag
    }

    /// Opens a backup: the SQLite bytes of an encrypted one (with `passphrase`), or a plain one as it is.
    public static func open(_ file: Data, passphrase: String?) throws(Failure) -> Data {
        if file.starts(with: sqliteMagic) { return file }
        guard isEncrypted(file) else { throw .unrecognised("it is neither a Ties backup nor a SQLite database") }
        let bytes = [UInt8](file)
        guard bytes.count >= headerSize + 16 else { throw .unrecognised("it is cut short") }
        guard bytes[8] == version else {
            throw .unrecognised("it has backup format \(bytes[8]); this Ties reads format \(version)")
        }
        let cost = Cost(log2N: bytes[9], r: readBigEndian(bytes[10..<14]), p: readBigEndian(bytes[14..<18]))
        guard (10...22).contains(cost.log2N), (1...32).contains(cost.r), (1...16).contains(cost.p) else {
            throw .unrecognised("its scrypt parameters are out of range")
        }
        guard let passphrase else { throw .needsPassphrase }
        do {
            let key = try deriveKey(passphrase, salt: bytes[18..<34], cost: cost)
            let box = try AES.GCM.SealedBox(
                nonce: AES.GCM.Nonce(data: bytes[34..<46]), ciphertext: bytes[46..<(bytes.count - 16)],
                tag: bytes[(bytes.count - 16)...])
            return try AES.GCM.open(box, using: key, authenticating: bytes[0..<headerSize])
        } catch {
            throw .wrongPassphrase
        }
    }

    private static func deriveKey(_ passphrase: String, salt: some DataProtocol, cost: Cost) throws -> SymmetricKey {
        try KDF.Scrypt.deriveKey(
            from: Array(passphrase.utf8), salt: salt, outputByteCount: 32, rounds: 1 << Int(cost.log2N),
            blockSize: Int(cost.r), parallelism: Int(cost.p))
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    private static func readBigEndian(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        bytes.reduce(0) { $0 << 8 | UInt32($1) }
    }
}
