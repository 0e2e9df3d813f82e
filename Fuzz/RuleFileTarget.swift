// libFuzzer target: the rule language (outline, lexer, condition parser, validation, compilation).
// The input is loaded as a `.rules` file beside the real vocabulary, and on its own (as a `.schema` file,
// so that vocabulary blocks in it are compiled too). Built by scripts/fuzz.sh (not by SwiftPM)
// against the engine compiled once with the same sanitizers.
import NeutraalEngine

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let input = SourceText(path: "fuzz.rules", bytes: bytes)
    let loader = RuleSetLoader()
    for sources in [[FuzzSupport.vocabularySchema, input], [SourceText(path: "fuzz.schema", bytes: bytes)]] {
        do {
            let ruleSet = try loader.load(sources: sources)
            if ruleSet.rules.count == -1 { print("unreachable") }
        } catch let list as DiagnosticList {
            // every diagnostic must be printable and located inside the input
            for diagnostic in list.diagnostics { _ = diagnostic.description }
        } catch {
            _ = "\(error)"
        }
    }
    return 0
}
