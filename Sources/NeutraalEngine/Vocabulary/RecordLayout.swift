/// The slots of a record (the top level of a description, or one element of a list of objects) and
/// the tree of JSON keys that leads to them.
public final class RecordLayout: @unchecked Sendable {
    /// A node of the key tree: `account` → `variant` → slot.
    public final class KeyNode: @unchecked Sendable {
        public fileprivate(set) var children: [String: KeyNode] = [:]
        public fileprivate(set) var slot: Int?
    }

    /// The fields by slot. Written only while the vocabulary is built (by `add`) and only read once it is
    /// shared, so not checked for exclusive access at run time: the check is a call into the runtime of some
    /// 70 instructions on every read, and the evaluator reads a field's type for every list of objects it
    /// looks into.
    @exclusivity(unchecked) public private(set) var fields: [FieldDefinition] = []
    public private(set) var slotByPath: [String: Int] = [:]
    public let keys = KeyNode()
    /// The hints for unknown keys met in descriptions, kept once worked out (see `UnknownFieldHints`).
    public let unknownFieldHints = UnknownFieldHints()

    public init() {}

    /// Adds a field; its slot is its position.
    @discardableResult
    func add(path: String, title: String, type: FieldType, kinds: Set<Int32>?, valuesByKind: [Int32: Set<Int32>] = [:],
             required: Bool, absent: AbsentMeaning, location: SourceLocation?) -> Int {
        let slot = fields.count
        fields.append(FieldDefinition(path: path, title: title, type: type, kinds: kinds, valuesByKind: valuesByKind,
                                      required: required, absent: absent, slot: slot, location: location))
        slotByPath[path] = slot
        var node = keys
        for component in path.split(separator: ".") {
            let key = String(component)
            if let next = node.children[key] {
                node = next
            } else {
                let next = KeyNode()
                node.children[key] = next
                node = next
            }
        }
        node.slot = slot
        return slot
    }

    /// All dotted paths, for suggestions.
    public var paths: [String] { fields.map(\.path) }
}
