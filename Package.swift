// swift-tools-version:6.1
import PackageDescription

// Ties: a local-first networking-relationship analytics engine.
// Dependencies point inward: ties -> TiesCLI -> {TiesStore, TiesInterchange, TiesReports} -> TiesCore
// -> TiesNumerics -> CGSL. Storage, interchange and reports never import each other.

let package = Package(
    name: "Ties",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ties", targets: ["ties"]),
        .library(name: "TiesCore", targets: ["TiesCore"]),
        .library(name: "TiesStore", targets: ["TiesStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        // Reads the .zip LinkedIn delivers, in process (the CLI's file reading; see ExportFiles).
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
    ],
    targets: [
        // MARK: - Executables

        .executableTarget(name: "ties", dependencies: ["TiesCLI"]),
        .executableTarget(
            name: "ties-bench",
            dependencies: ["TiesCore", "TiesNumerics", "TiesInterchange"],
            path: "Benchmarks/ties-bench"),

        // MARK: - Public API

        .target(
            name: "TiesCLI",
            dependencies: [
                "TiesCore", "TiesStore", "TiesInterchange", "TiesReports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        .target(
            name: "TiesStore",
            dependencies: [
                "TiesCore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ]),
        .target(name: "TiesInterchange", dependencies: ["TiesCore"]),
        .target(name: "TiesReports", dependencies: ["TiesCore"]),
        .target(name: "TiesCore", dependencies: ["TiesNumerics"]),
        .target(name: "TiesNumerics", dependencies: ["CGSL"]),

        // MARK: - Implementation details

        .systemLibrary(name: "CGSL", pkgConfig: "gsl", providers: [.apt(["libgsl-dev"])]),

        // MARK: - Tests

        .target(
            name: "TiesTestSupport",
            dependencies: ["TiesCore", "TiesStore", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/TiesTestSupport"),
        .testTarget(name: "TiesNumericsTests", dependencies: ["TiesNumerics"]),
        .testTarget(
            name: "TiesCoreTests", dependencies: ["TiesCore", "TiesTestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TiesStoreTests", dependencies: ["TiesStore", "TiesTestSupport"]),
        .testTarget(name: "TiesInterchangeTests", dependencies: ["TiesInterchange", "TiesTestSupport"]),
        .testTarget(
            name: "TiesReportsTests", dependencies: ["TiesReports", "TiesTestSupport"], exclude: ["Snapshots"]),
        .testTarget(
            name: "TiesCLITests",
            dependencies: ["TiesCLI", "ties", "TiesTestSupport"],
            exclude: ["Snapshots"],
            resources: [.copy("Fixtures")]),
    ]
)

// CI builds with every warning an error: `.ci/run` exports TIES_WARNINGS_AS_ERRORS=1 for all its builds (one
// setting, so that its scripts share one build). Only this package's own targets; the dependencies' warnings
// are SwiftPM's to silence.
if Context.environment["TIES_WARNINGS_AS_ERRORS"] != nil {
    for target in package.targets where target.type != .system {
        target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-warnings-as-errors"])]
    }
}
