import NeutraalEngine

/// The renderers `lint` runs on its worker threads, for the formats that render each description on its
/// own (JSON Lines, text, GitHub annotations); the other formats need the whole run and render at the end.
enum ItemRenderers {
    /// For `format` in `context` (with the rule set a worker judges with in place of the context's), a
    /// maker of fresh renderers; nil when the format needs the whole run.
    static func preparation(_ format: ReportFormat, _ context: ReportContext) -> BatchEvaluator.RendererPreparation? {
        switch format {
        case .json, .text, .github:
            return { ruleSet in
                make(format, ReportContext(ruleSet: ruleSet, language: context.language, color: context.color, explain: context.explain,
                                           detailed: context.detailed, failOn: context.failOn))
            }
        default:
            return nil
        }
    }

    /// A maker of fresh renderers for `format`, or nil when the format needs the whole run.
    static func make(_ format: ReportFormat, _ context: ReportContext) -> (@Sendable () -> any ItemRendering)? {
        switch format {
        case .json:
            // fragments rendered once per rule, shared by the renderers of every unit of work
            let prepared = JSONReporter(preparedFor: context)
            return { JSONLines(reporter: prepared) }
        case .text, .github:
            return { Strings(reporter: format.makeReporter(), context: context) }
        default:
            return nil
        }
    }

    /// JSON Lines written straight into the unit's bytes, in the context the reporter was prepared for (kept
    /// by the reporter and lent by its address: a context passed from here would be copied aside for each
    /// record).
    struct JSONLines: ItemRendering {
        var reporter: JSONReporter

        mutating func render(_ item: ReportItem, into output: inout JSONBytes) {
            reporter.add(item, into: &output)
        }

        /// A line depends on its result alone: what the reporter keeps (dates, the source's and the version's
        /// members, the line's) is rendered again whenever it differs.
        static var carriesOver: Bool { true }
    }

    /// A reporter that writes strings, its text appended as UTF-8.
    struct Strings: ItemRendering {
        var reporter: any Reporter
        let context: ReportContext

        mutating func render(_ item: ReportItem, into output: inout JSONBytes) {
            output.raw(utf8: reporter.add(item, context))
        }
    }
}
