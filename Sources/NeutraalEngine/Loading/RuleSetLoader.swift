import Foundation

/// Reads, validates and compiles a rule set from the `.rules` and `.schema` files of a folder.
///
/// Like a compiler: every problem of every file is collected, sorted by location and thrown together as
/// a `DiagnosticList`; nothing runs on a broken rule set.
public struct RuleSetLoader: Sendable {
    public init() {}

    /// Loads the rule set in `folder`.
    public func load(folder: String) throws -> RuleSet {
        let (sources, files) = try read(folder: folder)
        return try load(sources: sources, names: files)
    }

    /// The rule files of `folder` read into memory, with their paths relative to it.
    func read(folder: String) throws -> (sources: [SourceText], names: [String]) {
        let files = try Self.ruleFiles(in: folder)
        if files.isEmpty {
            throw DiagnosticList([Diagnostic("rules.no-files", "no `.rules` or `.schema` files in `\(folder)`",
                                             at: nil, hint: "point --rules at the Rules folder of a Neutraal checkout")])
        }
        var sources: [SourceText] = []
        for relative in files {
            let path = folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
            guard let data = FileManager.default.contents(atPath: path) else {
                throw DiagnosticList([Diagnostic("rules.unreadable", "cannot read `\(path)`", at: nil)])
            }
            sources.append(SourceText(path: path, bytes: [UInt8](data)))
        }
        return (sources, files)
    }

    /// The rule files below a folder, relative to it, in path order.
    public static func ruleFiles(in folder: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            throw DiagnosticList([Diagnostic("rules.no-folder", "the rule folder `\(folder)` does not exist", at: nil,
                                             hint: "run from a Neutraal checkout or pass --rules DIR")])
        }
        guard isDirectory.boolValue else {
            // a rule file named where its folder belongs: say so, rather than that it does not exist
            let parent = URL(fileURLWithPath: folder).deletingLastPathComponent().relativePath
            throw DiagnosticList([Diagnostic("rules.no-folder", "`\(folder)` is a file, not a rule folder", at: nil,
                                             hint: "pass the folder that holds the rule files: --rules \(parent)")])
        }
        // a folder given as a symbolic link is listed where it points (the listing does not follow a link at its root)
        let listed = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        guard let enumerator = FileManager.default.enumerator(atPath: listed) else { return [] }
        var files: [String] = []
        while let item = enumerator.nextObject() as? String {
            if item.hasSuffix(".rules") || item.hasSuffix(".schema") { files.append(item) }
        }
        return files.sorted()
    }

    /// Loads a rule set from sources already in memory (`names` are the paths used for the hash); with
    /// `patternAutomata`, the rule set that `RuleSet.withPatternAutomata()` makes of it, built at once (its
    /// lexicon scanner built once, with the patterns' literals).
    public func load(sources: [SourceText], names: [String]? = nil, patternAutomata: Bool = false) throws -> RuleSet {
        var diagnostics: [Diagnostic] = []
        var blocks: [Block] = []
        let reader = BlockReader()
        var hasher = SHA256()
        for (index, source) in sources.enumerated() {
            // a byte that is not UTF-8 would be read as U+FFFD and could end up in a message unnoticed
            if let bad = DescriptionReader.firstInvalidUTF8(source.bytes, from: 0) {
                diagnostics.append(Diagnostic("rules.invalid-utf8", "the file is not valid UTF-8", at: source.location(at: bad),
                                              hint: "save the file as UTF-8"))
            } else {
                blocks += reader.blocks(in: source, diagnostics: &diagnostics)
            }
            hasher.update(Array((names?[index] ?? source.path).utf8))
            hasher.update([0])
            hasher.update(source.bytes)
            hasher.update([0])
        }
        let known = ["enum", "kind", "field", "derive", "calendar", "source", "set", "lexicon", "define", "rule"]
        for block in blocks where !known.contains(block.keyword) {
            diagnostics.append(Diagnostic("rules.unknown-block", "unknown block `\(block.keyword)`", at: block.location,
                                          hint: Suggestion.hint(for: block.keyword, in: known)
                                              ?? "blocks: \(known.map { "`\($0)`" }.joined(separator: ", "))"))
        }
        var vocabularyCompiler = VocabularyCompiler()
        let vocabulary = vocabularyCompiler.compile(blocks)
        diagnostics += vocabularyCompiler.diagnostics
        guard let vocabulary else { throw DiagnosticList(diagnostics) }
        var compiler = RuleCompiler(vocabulary: vocabulary)
        let compiled = compiler.compile(blocks)
        diagnostics += compiler.diagnostics
        let errors = diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty { throw DiagnosticList(diagnostics) }
        var byKind = Array(repeating: [Int](), count: vocabulary.kinds.cases.count)
        for (index, rule) in compiled.rules.enumerated() {
            for kind in 0..<byKind.count where rule.kinds?.contains(Int32(kind)) ?? true { byKind[kind].append(index) }
        }
        var indexByID: [String: Int] = [:]
        for (index, rule) in compiled.rules.enumerated() { indexByID[rule.id] = index }
        let (patterns, literals) = patternAutomata ? RuleSet.automataAndLiterals(compiled.patterns) : (compiled.patterns, [])
        return RuleSet(vocabulary: vocabulary, sources: compiled.sources, lexicons: compiled.lexicons,
                       patterns: patterns, rules: compiled.rules, ruleIndexByID: indexByID, rulesByKind: byKind, kindIndex: KindIndex(byKind),
                       validDays: compiled.rules.map(ValidDays.init),
                       scanner: LexiconScanner(lexicons: compiled.lexicons, literals: literals), program: ConditionProgram(rules: compiled.rules), version: "sha256:" + hasher.finalizeHex(),
                       files: names ?? sources.map(\.path), factPaths: compiled.factPaths)
    }
}
