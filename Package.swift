// swift-tools-version:6.2
import PackageDescription

#if canImport(Glibc)
    import Glibc
#endif

/// Linker flags that store the binary's 137,000 relative relocations as a 27 KB bitmap (DT_RELR)
/// instead of a 3.3 MB table, which the loader reads whole at every start: 3 MB of the kiosk's
/// memory. Only the loader of glibc 2.36 or later can read the bitmap, so the flags apply only
/// when the glibc this builds on is that new (a binary needs a glibc as new as its build's; see
/// "Deploying a kiosk" in the README), and when the lld that writes it is on the PATH, as it is
/// beside `swift` in Swift's own toolchains.
let packedRelocations: [String] = {
    #if canImport(Glibc)
        // "glibc 2.36"
        var text = [CChar](repeating: 0, count: 64)
        guard confstr(Int32(_CS_GNU_LIBC_VERSION), &text, text.count) > 0 else { return [] }
        let words = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let version = words.split(separator: " ").last?.split(separator: ".").compactMap { Int($0) } ?? []
        guard version.count >= 2, (version[0], version[1]) >= (2, 36) else { return [] }
        let path = getenv("PATH").map { String(cString: $0) } ?? ""
        guard path.split(separator: ":").contains(where: { access("\($0)/ld.lld", X_OK) == 0 }) else { return [] }
        return ["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"]
    #else
        return []
    #endif
}()

let package = Package(
    name: "Chorus",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "chorus", targets: ["ChorusCLI"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        .target(name: "ChorusCore"),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .systemLibrary(name: "CMalloc"),
        .target(
            name: "ChorusXML",
            dependencies: ["ChorusCore", "CLibXML2"]
        ),
        .target(
            name: "ChorusStore",
            dependencies: [
                "ChorusCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                // The one-pass findings scan reads columns through SQLite's C API, without a value per row.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(name: "ChorusKiosk", dependencies: ["ChorusCore"]),
        .target(name: "ChorusFindings", dependencies: ["ChorusCore", "ChorusStore"]),
        .target(
            name: "ChorusWebhook",
            dependencies: [
                "ChorusCore",
                "ChorusStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "ChorusCLI",
            dependencies: [
                "ChorusCore",
                "ChorusXML",
                "ChorusStore",
                "ChorusKiosk",
                "ChorusWebhook",
                "ChorusFindings",
                .target(name: "CMalloc", condition: .when(platforms: [.linux])),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The static Swift runtime's link arguments export every symbol of our own modules and
            // packages, 44,000 names that the loader pages in at every start, 2 MB of the kiosk's
            // memory; nothing looks them up.
            linkerSettings: [
                .unsafeFlags(["-Xlinker", "--no-export-dynamic"] + packedRelocations, .when(platforms: [.linux]))
            ]
        ),
        // The no-op Hummingbird route Benchmarks/webhook.py compares the webhook with.
        .executableTarget(
            name: "NoOpServer",
            dependencies: [.product(name: "Hummingbird", package: "hummingbird")],
            path: "Benchmarks/NoOpServer"
        ),
        .testTarget(
            name: "ChorusCoreTests",
            dependencies: [
                "ChorusCore",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ChorusXMLTests",
            dependencies: ["ChorusXML", "ChorusCore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "ChorusStoreTests", dependencies: ["ChorusStore", "ChorusCore"]),
        .testTarget(name: "ChorusKioskTests", dependencies: ["ChorusKiosk", "ChorusCore"]),
        .testTarget(
            name: "ChorusFindingsTests",
            dependencies: [
                "ChorusFindings", "ChorusCore", "ChorusStore", "ChorusXML",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "ChorusWebhookTests",
            dependencies: [
                "ChorusWebhook", "ChorusCore", "ChorusStore",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .testTarget(
            name: "ChorusCLITests",
            dependencies: ["ChorusCLI", "ChorusStore", "ChorusCore"],
            resources: [.copy("Fixtures")]
        ),
    ]
)

let sharedSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + sharedSettings
}
