// swift-tools-version:6.0
import PackageDescription

// Data flows one way:
// Content files → FolioContent (loader, model) → FolioCore (state, update, views → Buffer)
//   → FolioTerminal (ncurses backend) ; FolioText does Markdown, width, wrap, sanitising;
// FolioOutbox writes enquiries to a Maildir. Only FolioTerminal touches ncurses.
let package = Package(
    name: "folio",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "folio", targets: ["folio"]),
        // For the SSH server's own package (Server/, product folio-serve): the POSIX layer and
        // the session policy (SSH_CONNECTION, TERM and locale checks), nothing heavier.
        .library(name: "FolioSession", targets: ["FolioSession", "FolioPOSIX"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // System libraries.
        .systemLibrary(
            name: "CNcursesw",
            // Headers live in /usr/include on Debian; no pkgConfig, because SwiftPM
            // warns on (and drops) its -D flags. shim.h defines them instead.
            providers: [.apt(["libncurses-dev"])]
        ),
        .systemLibrary(
            name: "CCmarkGFM",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // libyaml's event API: front matter, the stack file and the site config.
        .systemLibrary(
            name: "CLibYAML",
            providers: [.apt(["libyaml-dev"])]
        ),
        // libyaml parsers kept per thread across parses (pthread key), reset between them.
        .target(name: "CFolioYAML", dependencies: ["CLibYAML"]),
        // C shim for ncurses macros (A_BOLD, getmaxyx, mouse masks) Swift cannot import.
        // tinfo by name: Debian's libncursesw.so is a linker script that adds it, but the
        // release build links libncursesw.a (static PIE, scripts/release-flags), which does not.
        .target(
            name: "CFolioShim",
            dependencies: ["CNcursesw"],
            linkerSettings: [.linkedLibrary("ncursesw"), .linkedLibrary("tinfo")]
        ),

        // The one POSIX layer: whole-file reads with a cap, EINTR-safe writes, paths, errno text,
        // the environment, the passwd entry, SSH_CONNECTION, posix_spawn, threads for the loader.
        // Glibc only.
        .target(name: "FolioPOSIX"),

        // Pure core: no ncurses anywhere below this line until FolioTerminal.
        .target(name: "FolioText", dependencies: ["CCmarkGFM"]),
        .target(
            name: "FolioContent",
            dependencies: ["FolioText", "FolioPOSIX", "CLibYAML", "CFolioYAML"]
        ),
        // FolioSession for its MonotonicClock (the forwarder's deadlines).
        .target(name: "FolioOutbox", dependencies: ["FolioText", "FolioSession", "FolioPOSIX"]),
        .target(name: "FolioSearch", dependencies: ["FolioContent"]),
        .target(name: "FolioCore", dependencies: ["FolioText", "FolioContent", "FolioOutbox", "FolioSearch"]),
        // Performs the core's effects (drafts, Maildir delivery) and returns outcome actions.
        .target(name: "FolioRuntime", dependencies: ["FolioCore", "FolioContent", "FolioOutbox", "FolioPOSIX"]),

        // Session policy for shared boxes: kiosk settings, rate limits, limits on the
        // environment a client sends. POSIX only, no ncurses; FolioText for the theme names.
        .target(name: "FolioSession", dependencies: ["FolioPOSIX", "FolioText"]),

        // The one ncurses backend.
        .target(name: "FolioTerminal", dependencies: ["FolioCore", "FolioSession", "FolioPOSIX", "CNcursesw", "CFolioShim"]),

        // Thin executable: argument parsing and wiring.
        .executableTarget(
            name: "folio",
            dependencies: [
                "FolioCore", "FolioTerminal", "FolioContent", "FolioOutbox", "FolioText", "FolioSession",
                "FolioSearch", "FolioRuntime", "FolioPOSIX",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Benchmarks: plain executables printing medians (figures to read, never assertions).
        // Small and dependency-free so they add little to `swift build --build-tests`.
        .executableTarget(name: "folio-bench", dependencies: ["FolioCore", "FolioContent", "FolioSearch", "FolioText"],
                          path: "Benchmarks/FolioBench"),
        .executableTarget(name: "folio-bench-search",
                          dependencies: ["FolioCore", "FolioContent", "FolioSearch", "FolioTestSupport"],
                          path: "Benchmarks/SearchBench"),

        // What the tests and benchmarks share: a seeded generator, temporary directories, /proc figures.
        .target(name: "FolioTestSupport", path: "Tests/FolioTestSupport"),

        .testTarget(name: "FolioTextTests", dependencies: ["FolioText", "FolioTestSupport"]),
        .testTarget(name: "FolioContentTests", dependencies: ["FolioContent", "FolioTestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "FolioOutboxTests", dependencies: ["FolioOutbox", "FolioPOSIX"]),
        .testTarget(name: "FolioCoreTests", dependencies: ["FolioCore", "FolioOutbox", "FolioTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "FolioSessionTests", dependencies: ["FolioSession", "FolioPOSIX", "FolioText", "FolioTestSupport"]),
        .testTarget(name: "FolioSearchTests", dependencies: ["FolioSearch", "FolioContent"]),
        .testTarget(name: "FolioRuntimeTests", dependencies: ["FolioRuntime", "FolioCore", "FolioOutbox"]),
        .testTarget(name: "FolioTerminalTests",
                    dependencies: ["FolioTerminal", "FolioCore", "FolioSession", "FolioContent", "FolioOutbox", "FolioText",
                                   "FolioTestSupport"]),
        .testTarget(name: "FolioPOSIXTests", dependencies: ["FolioPOSIX", "FolioTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
