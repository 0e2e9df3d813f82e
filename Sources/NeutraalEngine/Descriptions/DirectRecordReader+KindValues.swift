extension DirectRecordReader {
    /// A field whose enumeration values one kind restricts (`FieldDefinition.valuesByKind`): the reader
    /// gives up on a record of that kind that gives the field another value, and the ordinary path reports it.
    struct KindValueCheck: Sendable {
        let slot: Int
        /// Per case index of the field's enumeration: whether the kind may give it.
        let allowed: [Bool]

        /// Whether `value` (a case, or a list of cases) holds only allowed cases.
        func admits(_ value: FactValue?) -> Bool {
            switch value {
            case .symbol(let index)?:
                return allowed.indices.contains(Int(index)) && allowed[Int(index)]
            case .list(let items)?:
                return items.allSatisfy { item in
                    guard case .symbol(let index) = item else { return true }
                    return allowed.indices.contains(Int(index)) && allowed[Int(index)]
                }
            default:
                return true
            }
        }
    }

    /// Gives up on a record of kind `kind` that gives a field a value its kind does not (kept out of line:
    /// most records give no such field).
    @inline(never)
    func checkKindValues(_ record: Record, kind: Int) throws(Unusual) {
        for check in kindValueChecks[kind] where !check.admits(record.values.nonTextValue(at: check.slot)) { throw Unusual() }
    }

    /// Per kind, the checks of the top-level fields that kind gives values of its own.
    static func kindValueChecks(kindCount: Int, fields: [FieldDefinition], enums: [EnumType]) -> [[KindValueCheck]] {
        (0..<kindCount).map { kind in
            fields.compactMap { field -> KindValueCheck? in
                guard let allowed = field.valuesByKind[Int32(kind)] else { return nil }
                let caseCount: Int
                switch field.type {
                case .enumeration(let index), .list(.enumeration(let index)): caseCount = enums[index].cases.count
                default: return nil
                }
                return KindValueCheck(slot: field.slot, allowed: (0..<caseCount).map { allowed.contains(Int32($0)) })
            }
        }
    }
}
