// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Neutraal",
    products: [
        .executable(name: "neutraal", targets: ["neutraal"]),
        .library(name: "NeutraalEngine", targets: ["NeutraalEngine"]),
    ],
    targets: [
        // The engine: rule language, vocabulary, description readers, evaluator, reporters.
        // It knows nothing about ministers; that lives in Rules/.
        .target(name: "NeutraalEngine"),
        // The command line: argument parsing and the commands; it only packs options and renders results.
        .target(name: "NeutraalCLI", dependencies: ["NeutraalEngine"]),
        .executableTarget(name: "neutraal", dependencies: ["NeutraalCLI"]),
        .testTarget(name: "NeutraalEngineTests", dependencies: ["NeutraalEngine"]),
        .testTarget(name: "NeutraalCLITests", dependencies: ["NeutraalCLI", "NeutraalEngine"]),
    ],
    swiftLanguageModes: [.v6]
)
