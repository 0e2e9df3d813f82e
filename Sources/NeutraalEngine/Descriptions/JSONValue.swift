/// A parsed JSON value that remembers the byte offset where each value (and each key) was written.
public indirect enum JSONValue: Sendable {
    /// An object member with the offset of its key.
    public struct Member: Sendable {
        public let key: String
        public let keyOffset: Int
        public let value: JSONValue
    }

    case object([Member], offset: Int)
    case array([JSONValue], offset: Int)
    case string(String, offset: Int)
    case number(Double, offset: Int)
    case bool(Bool, offset: Int)
    case null(offset: Int)

    /// Where the value starts.
    public var offset: Int {
        switch self {
        case .object(_, let offset), .array(_, let offset), .string(_, let offset), .number(_, let offset),
             .bool(_, let offset), .null(let offset):
            return offset
        }
    }

    /// The JSON type's name for messages.
    public var typeName: String {
        switch self {
        case .object: return "an object"
        case .array: return "a list"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "true or false"
        case .null: return "null"
        }
    }
}
