import Foundation

/// What an OLE compound file (CFB: the `D0 CF 11 E0` files of Office 97–2003 and Outlook) holds, told by the
/// names in its directory: an Outlook message (`.msg`, `.oft`) has `__substg1.0_…` streams, a Word document a
/// `WordDocument` stream, an Excel workbook a `Workbook` (or `Book`), a PowerPoint file a `PowerPoint Document`.
///
/// Written here: no Swift package this machine carries reads compound files, and only the directory's names
/// are read, to say what a file is (none of its streams).
enum CompoundFile {
    /// Every compound file starts with these bytes.
    static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0]
    /// What a compound file whose directory says nothing known is.
    static let unknown = "an Outlook .msg or other OLE compound file (save the message as .eml)"

    /// What the compound file at `handle` is: "a Word document (.doc)", "an Outlook message (.msg)…".
    static func describe(_ handle: FileHandle) -> String {
        describe { offset, count in
            try handle.seek(toOffset: offset)
            return [UInt8](try handle.read(upToCount: count) ?? Data())
        }
    }

    /// What the compound file in `bytes` (all of it, or its start) is.
    static func describe(_ bytes: [UInt8]) -> String {
        describe { offset, count in
            guard offset < UInt64(bytes.count) else { return [] }
            return Array(bytes[Int(offset)..<min(bytes.count, Int(offset) + count)])
        }
    }

    /// What the compound file read by `bytes(offset, count)` is.
    static func describe(_ bytes: (UInt64, Int) throws -> [UInt8]) -> String {
        let names = (try? entryNames(bytes)) ?? []
        if names.contains("WordDocument") { return "a Word document (.doc)" }
        if names.contains("Workbook") || names.contains("Book") { return "an Excel workbook (.xls)" }
        if names.contains("PowerPoint Document") { return "a PowerPoint presentation (.ppt)" }
        if names.contains(where: { $0.hasPrefix("__substg1.0_") }) {
            return "an Outlook message (.msg), which Ties does not read: save it as .eml"
        }
        return unknown
    }

    /// The names of the entries of the directory (storages and streams), read by `read(offset, count)`, following the directory's chain of
    /// sectors through the FAT the header locates (up to 109 FAT sectors: files of up to 6.8 MB with 512-byte
    /// sectors, 436 MB with 4096-byte ones; beyond, what the first ones reach).
    static func entryNames(_ read: (UInt64, Int) throws -> [UInt8]) throws -> [String] {
        func bytes(at offset: UInt64, _ count: Int) throws -> [UInt8] { try read(offset, count) }
        func word(_ data: [UInt8], _ at: Int) -> UInt32 {
            guard at + 4 <= data.count else { return 0xFFFF_FFFE }
            return UInt32(data[at]) | UInt32(data[at + 1]) << 8 | UInt32(data[at + 2]) << 16 | UInt32(data[at + 3])
                << 24
        }
        let header = try bytes(at: 0, 512)
        guard header.count == 512, header.starts(with: signature) else { return [] }
        let shift = Int(header[0x1E]) | Int(header[0x1F]) << 8
        guard shift == 9 || shift == 12 else { return [] }
        let size = 1 << shift
        func sector(_ n: UInt32) throws -> [UInt8] { try bytes(at: (UInt64(n) + 1) << UInt64(shift), size) }
        var fat: [UInt32] = []
        for k in 0..<min(Int(word(header, 0x2C)), 109) {
            let data = try sector(word(header, 0x4C + 4 * k))
            fat += stride(from: 0, to: data.count, by: 4).map { word(data, $0) }
        }
        var names: [String] = []
        var next = word(header, 0x30)
        var visited = Set<UInt32>()
        while next < 0xFFFF_FFFA, visited.insert(next).inserted {
            let data = try sector(next)
            for entry in stride(from: 0, to: data.count - 127, by: 128) where data[entry + 0x42] != 0 {
                let length = min(64, Int(data[entry + 0x40]) | Int(data[entry + 0x41]) << 8)
                let units = stride(from: entry, to: entry + max(0, length - 2), by: 2).map {
                    UInt16(data[$0]) | UInt16(data[$0 + 1]) << 8
                }
                names.append(String(decoding: units, as: UTF16.self))
            }
            next = Int(next) < fat.count ? fat[Int(next)] : 0xFFFF_FFFE
        }
        return names
    }
}
