// libFuzzer target: JSON descriptions, read as one JSON document and as JSON Lines against the real
// vocabulary, then judged by the real rule set. Built by scripts/fuzz.sh (not by SwiftPM)
// against the engine compiled once with the same sanitizers.
import NeutraalEngine

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let reader = DescriptionReader(vocabulary: FuzzSupport.vocabulary)
    FuzzSupport.consume(reader.read(SourceText(path: "fuzz.json", bytes: bytes), format: .json))
    FuzzSupport.consume(reader.read(SourceText(path: "fuzz.jsonl", bytes: bytes), format: .jsonLines))
    return 0
}
