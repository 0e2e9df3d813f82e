import Foundation
import NeutraalEngine

/// Where a command writes, and what it knows of its terminal and environment. Tests pass a capturing
/// console; the executable passes the real one.
public final class Console: @unchecked Sendable {
    public let environment: [String: String]
    public let outputIsTerminal: Bool
    public let errorIsTerminal: Bool
    private let writeOut: (String) -> Void
    private let writeOutBytes: ((UnsafeRawBufferPointer) -> Void)?
    private let writeError: (String) -> Void
    private let readInput: () -> [UInt8]
    private let readInputPiece: InputBytes.Pieces
    private let outputFailure: () -> String?

    /// A console writing through the given closures. `outputFailure` tells, once a command is done, why
    /// standard output could not be written (nil when everything was written).
    public init(environment: [String: String], outputIsTerminal: Bool, errorIsTerminal: Bool,
                writeOut: @escaping (String) -> Void, writeOutBytes: ((UnsafeRawBufferPointer) -> Void)? = nil,
                writeError: @escaping (String) -> Void, readInput: @escaping () -> [UInt8],
                readInputPiece: InputBytes.Pieces? = nil, outputFailure: @escaping () -> String? = { nil }) {
        self.environment = environment
        self.outputFailure = outputFailure
        self.outputIsTerminal = outputIsTerminal
        self.errorIsTerminal = errorIsTerminal
        self.writeOut = writeOut
        self.writeOutBytes = writeOutBytes
        self.writeError = writeError
        self.readInput = readInput
        self.readInputPiece = readInputPiece ?? InputPieces(readInput).next
    }

    /// The process's own standard streams. A write that fails never stops the process: standard output
    /// remembers why (a reader that went away, `EPIPE`, is no failure: the output is simply not wanted).
    public static func standard() -> Console {
        let output = StandardStream(STDOUT_FILENO)
        let error = StandardStream(STDERR_FILENO)
        return Console(environment: ProcessInfo.processInfo.environment,
                       outputIsTerminal: isatty(STDOUT_FILENO) == 1, errorIsTerminal: isatty(STDERR_FILENO) == 1,
                       writeOut: { text in output.write(text) },
                       writeOutBytes: { bytes in output.write(bytes) },
                       writeError: { text in error.write(text) },
                       readInput: { [UInt8](FileHandle.standardInput.readDataToEndOfFile()) },
                       readInputPiece: { InputBytes.read(STDIN_FILENO, upTo: $0) },
                       outputFailure: {
                           guard let code = output.failedWith, code != EPIPE else { return nil }
                           return String(cString: strerror(code))
                       })
    }

    /// Why standard output could not be written, when a write failed; nil when everything was written.
    public var outputProblem: String? { outputFailure() }

    public func out(_ text: String) { if !text.isEmpty { writeOut(text) } }

    /// Writes UTF-8 text that is already bytes (batch output), without making a `String` of it first.
    public func out(bytes: [UInt8]) {
        bytes.withUnsafeBytes { out(raw: $0) }
    }

    /// Writes text rendered on a worker thread, straight from the memory it was rendered into.
    public func out(_ rendered: RenderedBytes) {
        rendered.withUnsafeBytes { out(raw: $0) }
    }

    private func out(raw bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty else { return }
        if let writeOutBytes { writeOutBytes(bytes) } else { writeOut(String(decoding: bytes, as: UTF8.self)) }
    }
    public func error(_ text: String) { if !text.isEmpty { writeError(text) } }
    public func input() -> [UInt8] { readInput() }

    /// The next piece of standard input: up to `count` bytes, fewer only at its end, nil when reading fails.
    public func inputPiece(upTo count: Int) -> [UInt8]? { readInputPiece(count) }

    /// Standard input read whole, at most `InputBytes.maximumSize` bytes.
    public func boundedInput() -> Result<[UInt8], InputBytes.Problem> {
        InputBytes.readAll(pieces: readInputPiece)
    }

    /// Colour on standard output: only on a terminal, never with `NO_COLOR` or `TERM=dumb`. As no-color.org
    /// says, `NO_COLOR` turns colour off when it holds a value: set but empty, it changes nothing.
    public var colorOnOutput: Bool {
        outputIsTerminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }
}

/// Pieces of an input that a closure gives whole (a test's console): read once, then handed out in pieces.
private final class InputPieces: @unchecked Sendable {
    private let read: () -> [UInt8]
    private var bytes: [UInt8]?
    private var offset = 0

    init(_ read: @escaping () -> [UInt8]) { self.read = read }

    func next(_ count: Int) -> [UInt8]? {
        let all = bytes ?? read()
        bytes = all
        let end = min(all.count, offset + max(0, count))
        defer { offset = end }
        return Array(all[offset..<end])
    }
}
