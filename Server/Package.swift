// swift-tools-version:6.0
import PackageDescription

// `folio-serve`: folio's own SSH server on swift-nio-ssh (issue 16). A package of its own, so
// the visitor's `folio` binary and the main package's build never carry swift-nio, swift-crypto
// or Foundation (which NIOSSH brings). `folio serve …` execs this program; each visitor gets a
// pty with the same `folio --kiosk` on it. From the main package it uses only FolioPOSIX and
// FolioSession (the SSH_CONNECTION parser, the TERM and locale checks): no ncurses, no content.
// A path dependency is known by its folder's name, which is whatever the clone was called.
let root = String(Context.packageDirectory.split(separator: "/").dropLast().last ?? "folio")

let package = Package(
    name: "folio-serve",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "folio-serve", targets: ["folio-serve"]),
    ],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/apple/swift-nio-ssh", from: "0.15.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // posix_openpt and friends, which Swift's Glibc module does not declare.
        .target(name: "CFolioPTY"),
        // The server: host key, authentication, limits, the session channel, the pty and child.
        .target(
            name: "FolioServe",
            dependencies: [
                "CFolioPTY",
                .product(name: "FolioSession", package: root),
                .product(name: "NIOSSH", package: "swift-nio-ssh"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Thin executable: arguments and wiring.
        .executableTarget(
            name: "folio-serve",
            dependencies: [
                "FolioServe",
                .product(name: "FolioSession", package: root),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "FolioServeTests", dependencies: ["FolioServe", .product(name: "FolioSession", package: root)]),
    ],
    swiftLanguageModes: [.v6]
)
