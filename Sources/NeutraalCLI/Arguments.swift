import Foundation
import NeutraalEngine

/// The small part of an argument parser Neutraal needs: named options with or without a value, a fixed
/// set of allowed values where that applies, repeatable options, and positional arguments. Every
/// problem is collected, with a "did you mean" where one fits.
public struct OptionSpec: Sendable {
    public let name: String
    /// A short spelling that means the same (`-h` for `--help`), if any.
    public let alias: String?
    public let valueName: String?
    public let allowed: [String]?
    public let repeatable: Bool
    public let help: String

    public init(_ name: String, alias: String? = nil, value: String? = nil, allowed: [String]? = nil, repeatable: Bool = false,
                help: String) {
        self.name = name
        self.alias = alias
        self.valueName = value
        self.allowed = allowed
        self.repeatable = repeatable
        self.help = help
    }

    /// Whether `argument` (without an `=value`) names this option.
    func isNamed(_ argument: String) -> Bool { argument == name || (alias != nil && argument == alias) }
}

/// An option of another command, for the hint of an option the current command does not take.
public struct ForeignOption: Sendable {
    /// The command that takes the option.
    public let command: String
    public let option: OptionSpec

    public init(command: String, option: OptionSpec) {
        self.command = command
        self.option = option
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
    /// The options of the other commands: an option of one of them is named in the hint, and its value is
    /// passed over rather than taken for a positional argument.
    public let elsewhere: [ForeignOption]

    public init(options: [OptionSpec], positionals: Positionals = .any, elsewhere: [ForeignOption] = []) {
        self.options = options
        self.positionals = positionals
        self.elsewhere = elsewhere
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
                if argument == "-", result.positionals.contains("-") {
                    errors.append(UsageError(message: "standard input `-` is given twice", hint: "standard input can be read only once; name `-` once"))
                    continue
                }
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
            guard let spec = options.first(where: { $0.isNamed(name) }) else {
                errors.append(UsageError(message: "unknown option `\(name)`", hint: unknownOptionHint(argument, name: name)))
                // the value of another command's option is no positional argument of this one
                if inlineValue == nil, index < arguments.count, !arguments[index].hasPrefix("-"),
                   elsewhere.contains(where: { $0.option.isNamed(name) && $0.option.valueName != nil }) {
                    index += 1
                }
                continue
            }
            name = spec.name
            guard spec.valueName != nil else {
                if inlineValue != nil { errors.append(UsageError(message: "`\(name)` takes no value", hint: nil)) }
                result.flags.insert(name)
                continue
            }
            var value = inlineValue
            if value == nil, index < arguments.count, !isOption(arguments[index]) {
                value = arguments[index]
                index += 1
            }
            guard let value, !value.isEmpty else {
                // `--rules --explain`: the next argument is an option, not the folder the user forgot
                let next = inlineValue == nil && index < arguments.count ? arguments[index] : nil
                let valueName = spec.valueName ?? "VALUE"
                let hint = next.map { "`\($0)` is an option; to give a value that starts with `-`, write `\(name)=\(valueName)`" }
                    ?? spec.allowed.map { "one of: \($0.joined(separator: ", "))" }
                    ?? "write `\(name) \(valueName)`"
                errors.append(UsageError(message: "`\(name)` needs a value", hint: hint))
                continue
            }
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

    /// Whether `argument` names an option of this command (alone or with `=value`), so that it is not taken
    /// for the value of the option before it.
    private func isOption(_ argument: String) -> Bool {
        guard argument.hasPrefix("-"), argument != "-" else { return false }
        let name = argument.firstIndex(of: "=").map { String(argument[..<$0]) } ?? argument
        return name == "--" || options.contains { $0.isNamed(name) }
    }

    /// The advice for an option this command does not take: a file of that name needs `--` before it; an
    /// option of another command is named with its command; otherwise the closest option, or all of them.
    private func unknownOptionHint(_ argument: String, name: String) -> String {
        if FileManager.default.fileExists(atPath: argument) {
            return "to name the file `\(argument)`, put `--` before it: `-- \(argument)`"
        }
        let commands = elsewhere.filter { $0.option.isNamed(name) }.map(\.command)
        if !commands.isEmpty {
            return "`\(name)` is an option of " + commands.map { "`neutraal \($0)`" }.joined(separator: " and ")
                + "; this command takes: \(options.map(\.name).joined(separator: ", "))"
        }
        return Suggestion.hint(for: name, in: options.map(\.name))
            ?? "options: \(options.map(\.name).joined(separator: ", "))"
    }

    /// The options as help lines.
    public var helpText: String {
        options.map { spec in
            let head = "  " + (spec.alias.map { "\($0), " } ?? "") + spec.name + (spec.valueName.map { " \($0)" } ?? "")
            return head.padding(toLength: max(head.count + 2, 30)) + spec.help
        }.joined(separator: "\n")
    }
}

extension String {
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
