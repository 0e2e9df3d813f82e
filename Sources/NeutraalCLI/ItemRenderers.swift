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
            // fragments rendered once per rule, shared by the renderers of every unit of work; the reporter renders
            // each line itself, in the context it was prepared for (kept by the reporter and lent by its address: a
            // context passed from here would be copied aside for each record)
            let prepared = JSONReporter(preparedFor: context)
            return { prepared }
        case .text, .github:
            return { Strings(reporter: format.makeReporter(), context: context) }
        default:
            return nil
        }
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
