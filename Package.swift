// swift-tools-version:6.2
import PackageDescription

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
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The static Swift runtime's link arguments export every symbol of our own modules and
            // packages, 44,000 names that the loader pages in at every start, 2 MB of the kiosk's
            // memory; nothing looks them up.
            linkerSettings: [.unsafeFlags(["-Xlinker", "--no-export-dynamic"])]
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
