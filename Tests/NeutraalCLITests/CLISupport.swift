import Foundation
import NeutraalCLI

/// Finds the package root by walking up from this file to the folder holding `Package.swift`.
enum PackageRoot {
    static let path: String = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
            url = url.deletingLastPathComponent()
        }
        return FileManager.default.currentDirectoryPath
    }()
}

/// What a command wrote and returned.
struct CommandResult: CustomStringConvertible {
    let status: Int32
    let out: String
    let err: String
    var description: String { "status \(status)\n--- stdout\n\(out)--- stderr\n\(err)" }

    /// The lines of standard output.
    var outLines: [String] { out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
}

/// Runs `neutraal` in-process with a console that captures what it writes.
enum InProcess {
    final class Capture: @unchecked Sendable {
        var out = ""
        var err = ""
    }

    static func run(_ arguments: [String], stdin: String = "") -> CommandResult {
        let capture = Capture()
        let console = Console(environment: ["NO_COLOR": "1"], outputIsTerminal: false, errorIsTerminal: false,
                              writeOut: { capture.out += $0 }, writeError: { capture.err += $0 },
                              readInput: { Array(stdin.utf8) })
        let status = NeutraalCommand.run(arguments, console: console)
        return CommandResult(status: status, out: capture.out, err: capture.err)
    }
}

/// The built `neutraal` executable: `$NEUTRAAL_BINARY`, else the newest of `.build/debug/neutraal` and
/// `.build-tests/debug/neutraal`, else one built now with `swift build --product neutraal`.
enum Binary {
    static let path: String? = {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["NEUTRAAL_BINARY"], !explicit.isEmpty { return explicit }
        if let found = newest() { return found }
        let build = Process()
        build.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        build.arguments = ["swift", "build", "--product", "neutraal", "--scratch-path", PackageRoot.path + "/.build-tests"]
        build.currentDirectoryURL = URL(fileURLWithPath: PackageRoot.path)
        build.standardOutput = FileHandle.nullDevice
        build.standardError = FileHandle.nullDevice
        do {
            try build.run()
            build.waitUntilExit()
        } catch {
            return nil
        }
        return newest()
    }()

    private static func newest() -> String? {
        let candidates = [".build/debug/neutraal", ".build-tests/debug/neutraal"].map { PackageRoot.path + "/" + $0 }
        let existing = candidates.compactMap { path -> (String, Date)? in
            guard FileManager.default.isExecutableFile(atPath: path),
                  let date = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date else { return nil }
            return (path, date)
        }
        return existing.max { $0.1 < $1.1 }?.0
    }

    /// Runs the binary in `directory` with `NO_COLOR=1`; stdout and stderr go through files, so no pipe can fill up.
    /// `outputRedirection` (a shell redirection such as `>&-` or `>/dev/full`) sends standard output there instead,
    /// through `/bin/sh`.
    static func run(_ arguments: [String], in directory: String = PackageRoot.path, stdin: String? = nil,
                    outputRedirection: String? = nil) throws -> CommandResult {
        guard let path else { throw CLIError("no neutraal binary and `swift build --product neutraal` failed") }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("neutraal-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out")
        let errURL = scratch.appendingPathComponent("err")
        let inURL = scratch.appendingPathComponent("in")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: inURL.path, contents: Data((stdin ?? "").utf8))
        let process = Process()
        if let outputRedirection {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "exec \"$0\" \"$@\" \(outputRedirection)", path] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = arguments
        }
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["NEUTRAAL_RULES"] = nil
        process.environment = environment
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        let inHandle = try FileHandle(forReadingFrom: inURL)
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = inHandle
        try process.run()
        process.waitUntilExit()
        try? outHandle.close()
        try? errHandle.close()
        try? inHandle.close()
        let out = String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self)
        let err = String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self)
        // a crash is reported as 128 + signal, like a shell does, so that it is never mistaken for an exit status
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return CommandResult(status: status, out: out, err: err)
    }
}

struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A temporary folder with a small rule set and description files, removed when the test is done.
final class Workspace {
    let root: URL
    var rules: String { root.appendingPathComponent("rules").path }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("neutraal-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("rules"), withIntermediateDirectories: true)
        try write("rules/vocabulary.schema", CLIFixture.schema)
        try write("rules/cli.rules", CLIFixture.rules)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Writes a file below the workspace and returns its absolute path.
    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        try write(relative, Data(text.utf8))
    }

    @discardableResult
    func write(_ relative: String, _ data: Data) throws -> String {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        return url.path
    }
}

/// The rule set of the command-line tests: a general rule, its exception, and a rule that needs a fact.
enum CLIFixture {
    static let schema = """
    kind post "Bericht"
      dutch: bericht

    enum role "Rol"
      minister
      civil-servant: ambtenaar

    enum account-variant "Soort account"
      corporate
      hybrid: hybride

    field id
      type: string

    field kind
      type: enum kind
      required: yes

    field date
      type: date

    field text
      type: text
      when absent: empty

    field account.variant
      type: enum account-variant

    field postedBy
      type: enum role
    """

    static let rules = """
    source HANDBOEK "Handboek"
      title: "Handboek voor de test"
      date: 2021-09-24
      url: "https://example.org/handboek"

    lexicon campaign "Stemoproepen"
      entries:
        "stem op"

    rule CLI-GENERAL "Ambtenaren mogen berichten plaatsen"
      source: HANDBOEK, "p. 1"
      applies to: post
      when: postedBy is civil-servant
      verdict: allowed
      message nl: "Een ambtenaar mag dit plaatsen."
      message en: "A civil servant may place this."
      quote: "Ambtenaren plaatsen berichten."
      example fires "ambtenaar":
        kind: post
        postedBy: civil-servant
      example silent "minister":
        kind: post
        postedBy: minister

    rule CLI-SPECIFIC "Geen stemoproep door een ambtenaar"
      source: HANDBOEK, "p. 2"
      applies to: post
      overrides: CLI-GENERAL
      when:
        postedBy is civil-servant
        and text mentions campaign
      verdict: violation
      message nl: "Een ambtenaar roept niet op tot stemmen: {match}."
      message en: "A civil servant does not call to vote: {match}."
      example fires "stemoproep":
        kind: post
        postedBy: civil-servant
        text: "Stem op ons"
      example silent "beleid":
        kind: post
        postedBy: civil-servant
        text: "Een school bezocht"

    rule CLI-ACCOUNT "Corporate account"
      source: HANDBOEK, "p. 3"
      applies to: post
      when: account.variant is corporate
      verdict: advisory
      message nl: "Let op: corporate account."
      message en: "Note: corporate account."
      example fires "corporate":
        kind: post
        account.variant: corporate
      example silent "hybride":
        kind: post
        account.variant: hybride
    """

    /// A post by a civil servant that calls to vote: CLI-SPECIFIC fires and overrides CLI-GENERAL.
    static let violation = """
    ---
    kind: post
    postedBy: ambtenaar
    account.variant: hybrid
    date: 2023-11-10
    ---
    Morgen: stem op ons!
    """

    /// A policy post by a civil servant: CLI-GENERAL stands.
    static let allowed = """
    ---
    kind: post
    postedBy: ambtenaar
    account.variant: hybride
    date: 2023-11-10
    ---
    Vandaag een school bezocht.
    """

    /// A post with an unknown field on line 3.
    static let broken = """
    ---
    kind: post
    acount.variant: corporate
    ---
    Tekst
    """
}
