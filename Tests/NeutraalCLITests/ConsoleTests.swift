import NeutraalCLI
import Testing

/// When commands colour their output: only on a terminal, and not when the environment asks for none.
@Suite("Console colour")
struct ConsoleTests {
    struct Setting: CustomTestStringConvertible, Sendable {
        let behaviour: String
        let environment: [String: String]
        let terminal: Bool
        let color: Bool
        var testDescription: String { behaviour }
    }

    static let settings: [Setting] = [
        Setting(behaviour: "a terminal without NO_COLOR gets colour", environment: [:], terminal: true, color: true),
        Setting(behaviour: "NO_COLOR with a value turns colour off", environment: ["NO_COLOR": "1"], terminal: true, color: false),
        Setting(behaviour: "NO_COLOR set but empty leaves colour on (no-color.org)", environment: ["NO_COLOR": ""], terminal: true, color: true),
        Setting(behaviour: "TERM=dumb turns colour off", environment: ["TERM": "dumb"], terminal: true, color: false),
        Setting(behaviour: "a file or pipe never gets colour", environment: [:], terminal: false, color: false),
    ]

    static func console(_ environment: [String: String], terminal: Bool, capture: Capture? = nil) -> Console {
        Console(environment: environment, outputIsTerminal: terminal, errorIsTerminal: false,
                writeOut: { capture?.out += $0 }, writeError: { capture?.err += $0 }, readInput: { [] })
    }

    final class Capture: @unchecked Sendable {
        var out = ""
        var err = ""
    }

    @Test("colour on standard output follows the terminal, NO_COLOR and TERM", arguments: settings)
    func colorOnOutput(_ setting: Setting) {
        #expect(Self.console(setting.environment, terminal: setting.terminal).colorOnOutput == setting.color)
    }

    @Test("check on a terminal with an empty NO_COLOR writes colour")
    func checkWithEmptyNoColor() throws {
        let workspace = try Workspace()
        let post = try workspace.write("post.md", CLIFixture.violation)
        let capture = Capture()
        let status = NeutraalCommand.run(["check", post, "--rules", workspace.rules],
                                         console: Self.console(["NO_COLOR": ""], terminal: true, capture: capture))
        #expect(status == 1, "\(capture.err)")
        #expect(capture.out.contains("\u{1B}["))
    }
}
