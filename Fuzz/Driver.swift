// The libFuzzer entry point shared by every target: Fuzz/Targets/NAME.swift defines `fuzz(_:)`, and
// scripts/ci/fuzz compiles this file, that one and the package's instrumented objects into one binary.

@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    fuzz(bytes)
    return 0
}
