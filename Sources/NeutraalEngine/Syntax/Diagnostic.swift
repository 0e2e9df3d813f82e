/// A problem found in a rule file or a description: a stable code, a one-line message in lower case,
/// an optional hint ("did you mean …"), and where it is.
///
/// Codes are stable strings such as `rules.unknown-field` or `input.invalid-json`; they appear in JSON
/// output and in tests, so they are never renamed.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public let code: String
    public let message: String
    public let hint: String?
    public let location: SourceLocation?
    public let severity: Severity

    public init(_ code: String, _ message: String, at location: SourceLocation?, hint: String? = nil,
                severity: Severity = .error) {
        self.code = code
        self.message = message
        self.hint = hint
        self.location = location
        self.severity = severity
    }

    /// `file:line:column: error: message` followed by the hint on its own line.
    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue): \(message) [\(code)]"
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}

/// A list of diagnostics thrown together when a stage found one or more errors.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted { lhs, rhs in
            switch (lhs.location, rhs.location) {
            case let (l?, r?): return l < r
            case (nil, _?): return true
            default: return false
            }
        }
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
