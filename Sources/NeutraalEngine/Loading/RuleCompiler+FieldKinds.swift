/// A rule's own condition on a field that no kind it judges may carry: a description of those kinds never
/// gives the field, so the condition is always missing and the rule never fires, and the example that should
/// fire says only "undetermined (missing …)". Said at load time, at the field.
extension RuleCompiler {
    /// Reports each field of `syntax` (outside `where`, where the fields are an element's) whose kinds share none
    /// with `kinds`, the kinds of rule `ruleID`.
    mutating func checkFieldKinds(_ syntax: ConditionSyntax, kinds: Set<Int32>?, ruleID: String) {
        guard let kinds, !kinds.isEmpty else { return }
        let root = vocabulary.root
        func names(_ kinds: Set<Int32>) -> String {
            kinds.sorted().map { "`\(vocabulary.kinds.cases[Int($0)].name)`" }.joined(separator: ", ")
        }
        var problems: [(String, Set<Int32>, SourceLocation)] = []
        func check(_ field: String, _ location: SourceLocation) {
            guard let slot = root.slotByPath[field], let fieldKinds = root.fields[slot].kinds, fieldKinds.isDisjoint(with: kinds) else { return }
            problems.append((field, fieldKinds, location))
        }
        func visit(_ node: ConditionSyntax) {
            switch node {
            case .all(let parts, _), .any(let parts, _): parts.forEach(visit)
            case .not(let inner, _): visit(inner)
            case .reference: return
            case .predicate(let predicate): check(predicate.field, predicate.fieldLocation)
            case .quantified(_, let field, let location, _, _): check(field, location)
            }
        }
        visit(syntax)
        for (field, fieldKinds, location) in problems {
            error("rules.field-of-other-kind",
                  "rule `\(ruleID)` applies to \(names(kinds)), which never give\(kinds.count == 1 ? "s" : "") `\(field)`: it describes \(names(fieldKinds))",
                  at: location, hint: "the condition on it would always be missing; add the kind to `applies to`, or use a field of \(names(kinds))")
        }
    }
}
