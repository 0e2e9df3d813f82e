import Foundation
import NeutraalCLI
import Testing

/// Standard output that cannot be written (closed, a full disk) is an error with exit status 2: never a
/// crash, and never results lost without a word.
@Suite("Output that cannot be written")
struct OutputFailureTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let behaviour: String
        let arguments: [String]
        let redirection: String
        var testDescription: String { behaviour }
    }

    static let cases: [Case] = [
        Case(behaviour: "check with standard output closed", arguments: ["check", "post.md"], redirection: ">&-"),
        Case(behaviour: "lint with standard output closed", arguments: ["lint", "post.md", "--no-progress"], redirection: ">&-"),
        Case(behaviour: "rules with standard output closed", arguments: ["rules"], redirection: ">&-"),
        Case(behaviour: "check to a full disk", arguments: ["check", "post.md"], redirection: ">/dev/full"),
        Case(behaviour: "lint --format json to a full disk", arguments: ["lint", "post.md", "--format", "json", "--no-progress"],
             redirection: ">/dev/full"),
        Case(behaviour: "catalog to a full disk", arguments: ["catalog"], redirection: ">/dev/full"),
    ]

    @Test("the binary reports output it could not write and exits 2", arguments: cases)
    func binary(_ example: Case) throws {
        if example.redirection.contains("/dev/full") && !FileManager.default.fileExists(atPath: "/dev/full") { return }
        let workspace = try Workspace()
        try workspace.write("post.md", CLIFixture.violation)
        let result = try Binary.run(example.arguments + ["--rules", "rules"], in: workspace.root.path,
                                    outputRedirection: example.redirection)
        #expect(result.status == 2, "\(result)")
        #expect(result.err.contains("error: standard output could not be written: "), "\(result)")
        #expect(result.err.contains("[output.write-failed]"), "\(result)")
        #expect(!result.err.contains("Fatal error"), "\(result)")
    }

    @Test("a console whose output failed turns any status into 2, with the reason")
    func inProcess() throws {
        let workspace = try Workspace()
        let post = try workspace.write("post.md", CLIFixture.allowed)
        final class Errors: @unchecked Sendable { var text = "" }
        let errors = Errors()
        let console = Console(environment: [:], outputIsTerminal: false, errorIsTerminal: false,
                              writeOut: { _ in }, writeError: { errors.text += $0 }, readInput: { [] },
                              outputFailure: { "No space left on device" })
        let status = NeutraalCommand.run(["check", post, "--rules", workspace.rules], console: console)
        #expect(status == 2)
        #expect(errors.text.contains("error: standard output could not be written: No space left on device [output.write-failed]"))
    }

    @Test("a reader that goes away (a closed pipe) is no error: the status is the verdict's")
    func closedPipeIsQuiet() throws {
        let workspace = try Workspace()
        try workspace.write("post.md", CLIFixture.violation)
        let result = try Binary.run(["check", "post.md", "--rules", "rules"], in: workspace.root.path,
                                    outputRedirection: "| true")
        // `exec … | true` runs the command in a pipeline whose reader exits at once; SIGPIPE or EPIPE, no message
        #expect(!result.err.contains("output.write-failed"), "\(result)")
        #expect(!result.err.contains("Fatal error"), "\(result)")
    }
}
