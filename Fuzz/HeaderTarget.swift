// libFuzzer target: posts with a `---` header against the real vocabulary, then judged by the real rule
// set. Built by scripts/fuzz.sh (not by SwiftPM)
// against the engine compiled once with the same sanitizers.
import NeutraalEngine

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let reader = DescriptionReader(vocabulary: FuzzSupport.vocabulary)
    FuzzSupport.consume(reader.read(SourceText(path: "fuzz.md", bytes: bytes), format: .header))
    return 0
}
