import NeutraalEngine

/// The small part of an argument parser Neutraal needs: named options with or without a value, a fixed
/// set of allowed values where that applies, repeatable options, and positional arguments. Every
/// problem is collected, with a "did you mean" where one fits.
public struct OptionSpec: Sendable {
    public let name: String
    public let valueName: String?
    public let allowed: [String]?
    public let repeatable: Bool
    public let help: String

    public init(_ name: String, value: String? = nil, allowed: [String]? = nil, repeatable: Bool = false, help: String) {
        self.name = name
        self.valueName = value
        self.allowed = allowed
        self.repeatable = repeatable
        self.help = help
    }
}

/// The arguments of one command after parsing.
public struct ParsedArguments: Sendable {
    public var positionals: [String] = []
    public var values: [String: [String]] = [:]
    public var flags: Set<String> = []

    /// The last value of an option.
    public func value(_ name: String) -> String? { values[name]?.last }
    public func has(_ flag: String) -> Bool { flags.contains(flag) }
}

/// A usage problem: wrong option, missing value, value outside the allowed ones, an unexpected argument.
public struct UsageError: Error, Sendable {
    public let message: String
    public let hint: String?
}

/// Parses arguments against option specs and the number of positional arguments a command takes.
public struct ArgumentParser: Sendable {
    public let options: [OptionSpec]
    public let positionals: Positionals

    public init(options: [OptionSpec], positionals: Positionals = .any) {
        self.options = options
        self.positionals = positionals
    }

    public func parse(_ arguments: [String]) -> (ParsedArguments, [UsageError]) {
        var result = ParsedArguments()
        var errors: [UsageError] = []
        var index = 0
        var onlyPositionals = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || argument == "-" || !argument.hasPrefix("-") {
                if let maximum = positionals.maximum, result.positionals.count >= maximum {
                    errors.append(UsageError(message: "unexpected argument `\(argument)`", hint: positionals.accepts))
                    continue
                }
                result.positionals.append(argument)
                continue
            }
            if argument == "--" { onlyPositionals = true; continue }
            var name = argument
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            guard let spec = options.first(where: { $0.name == name }) else {
                let hint = Suggestion.hint(for: name, in: options.map(\.name))
                    ?? "options: \(options.map(\.name).joined(separator: ", "))"
                errors.append(UsageError(message: "unknown option `\(name)`", hint: hint))
                continue
            }
            guard spec.valueName != nil else {
                if inlineValue != nil { errors.append(UsageError(message: "`\(name)` takes no value", hint: nil)) }
                result.flags.insert(name)
                continue
            }
            var value = inlineValue
            if value == nil {
                if index < arguments.count {
                    value = arguments[index]
                    index += 1
                } else {
                    errors.append(UsageError(message: "`\(name)` needs a value", hint: spec.allowed.map { "one of: \($0.joined(separator: ", "))" }))
                    continue
                }
            }
            guard let value else { continue }
            if let allowed = spec.allowed, !allowed.contains(value) {
                let close = Suggestion.closest(to: value, in: allowed)
                errors.append(UsageError(message: "`\(value)` is not a value of `\(name)`",
                                         hint: (close.map { "did you mean `\($0)`? " } ?? "") + "allowed: \(allowed.joined(separator: ", "))"))
                continue
            }
            if !spec.repeatable, result.values[name] != nil {
                errors.append(UsageError(message: "`\(name)` is given twice", hint: nil))
            }
            result.values[name, default: []].append(value)
        }
        return (result, errors)
    }

    /// The options as help lines.
    public var helpText: String {
        options.map { spec in
            let head = "  " + spec.name + (spec.valueName.map { " \($0)" } ?? "")
            return head.padding(toLength: max(head.count + 2, 30)) + spec.help
        }.joined(separator: "\n")
    }
}

extension String {
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
