// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "DenSach",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "densach", targets: ["densach"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.0.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.70.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
    ],
    targets: [
        .target(name: "Vietnamese"),
        .target(name: "Store", dependencies: [
            "Vietnamese",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // The commune's YAML data files (observances, plans, honours, criteria, programme): reading and their errors.
        .target(name: "DataFiles", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(name: "Campaigns", dependencies: domainDependencies + ["DataFiles", .product(name: "Yams", package: "Yams")]),
        // Package edges follow the foreign keys (`SchemaModule.dependsOn`; a test checks the two agree).
        .target(name: "Clubs", dependencies: domainDependencies),
        .target(name: "Socialization", dependencies: domainDependencies + ["Campaigns", "Clubs"]),
        .target(name: "Honours", dependencies: domainDependencies + ["Clubs", "DataFiles", .product(name: "Yams", package: "Yams")]),
        // Staff training and self-study (plan III.3): courses, participants, certificates, self-study hours.
        .target(name: "Training", dependencies: domainDependencies),
        // Members of the Fatherland Front and the mass organisations (issue #22).
        .target(name: "Organisations", dependencies: domainDependencies),
        // Public sign-up pages (issue #21): forms for activities, clubs and volunteer calls, the review queue.
        .target(name: "SignUp", dependencies: domainDependencies + ["Campaigns", "Clubs", "Socialization"]),
        .target(name: "Recognition", dependencies: domainDependencies + [
            "DataFiles", "Campaigns", "Clubs", "Socialization", "Honours", "Training", .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "Messaging", dependencies: domainDependencies + [
            "Campaigns", "Socialization", "Clubs", "Honours", "SignUp", "Organisations", "DataFiles", .product(name: "Yams", package: "Yams"),
        ]),
        // Loudspeaker scripts read aloud: Vietnamese text normalised for speech, espeak-ng and lame run offline.
        .target(name: "Speech", dependencies: ["Vietnamese", "DataFiles", .product(name: "Yams", package: "Yams")]),
        // Excel and Word files: XLSX written row by row (constant memory), read back for imports.
        .target(name: "Office", dependencies: ["Vietnamese", "Store", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // What both the web app and the CLI assemble: the module list, printed documents, passwords, first start.
        .target(name: "Composition", dependencies: [
            "Office", "Speech", "Vietnamese", "Store", "DataFiles", "Campaigns", "Socialization", "Clubs", "Honours", "Recognition", "Messaging",
            "Training", "SignUp", "Organisations",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .target(name: "BackOffice", dependencies: [
            "Composition", "Office", "Speech", "Vietnamese", "Store", "DataFiles", "Campaigns", "Socialization", "Clubs", "Honours", "Recognition", "Messaging",
            "Training", "SignUp", "Organisations",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "CompressNIO", package: "compress-nio"),
        ]),
        .executableTarget(name: "densach", dependencies: [
            "BackOffice", "Composition", "Office", "Speech", "Store", "Vietnamese", "DataFiles", "Messaging", "Campaigns", "Socialization",
            "Organisations",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // In-process measurements for Benchmarks/ (not a test: timings never gate the build).
        .executableTarget(name: "densach-bench", dependencies: [
            "Store", "Vietnamese", "BackOffice",
            .product(name: "GRDB", package: "GRDB.swift"),
        ], path: "Benchmarks/Sources/densach-bench"),
        .testTarget(name: "VietnameseTests", dependencies: ["Vietnamese"]),
        .testTarget(name: "SpeechTests", dependencies: ["Speech", "Vietnamese"]),
        .testTarget(name: "OfficeTests", dependencies: [
            "Office", "Store", "Vietnamese", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], exclude: ["Fixtures"]),  // read from the source tree by path, not bundled
        .testTarget(name: "StoreTests", dependencies: [
            "Store", "Vietnamese", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "CampaignsTests", dependencies: [
            "Campaigns", "DataFiles", "Store", "Vietnamese", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "ClubsTests", dependencies: [
            "Clubs", "Store", "Vietnamese", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "SocializationTests", dependencies: [
            "Socialization", "Campaigns", "Clubs", "Store", "Vietnamese", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "HonoursTests", dependencies: [
            "Honours", "Campaigns", "Clubs", "DataFiles", "Store", "Vietnamese", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "TrainingTests", dependencies: [
            "Training", "Store", "Vietnamese", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "RecognitionTests", dependencies: [
            "Recognition", "Training", "Honours", "Socialization", "Campaigns", "Clubs", "DataFiles", "Store", "Vietnamese", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "OrganisationsTests", dependencies: [
            "Organisations", "Messaging", "Store", "Vietnamese", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "SignUpTests", dependencies: [
            "SignUp", "Messaging", "Clubs", "Campaigns", "Socialization", "Store", "Vietnamese", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "MessagingTests", dependencies: [
            "Messaging", "Clubs", "Campaigns", "Socialization", "Honours", "Store", "Vietnamese", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "BackOfficeTests", dependencies: [
            "BackOffice", "Composition", "Store", "Vietnamese", "Socialization", "Honours", "Clubs", "Training", "Recognition", "SignUp", "Organisations", "Messaging", "Campaigns",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "Mustache", package: "swift-mustache"),
        ], exclude: ["Snapshots"]),  // compared from the source tree by path
    ],
    swiftLanguageModes: [.v6]
)

var domainDependencies: [Target.Dependency] {
    ["Vietnamese", "Store", .product(name: "GRDB", package: "GRDB.swift")]
}
