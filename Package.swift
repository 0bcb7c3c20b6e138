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
            ]
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
