/// One `key: value` line of a post header or of a rule example, with byte offsets into its source.
public struct HeaderLine: Sendable {
    public let key: String
    public let keyOffset: Int
    public let value: String
    public let valueOffset: Int

    public init(key: String, keyOffset: Int, value: String, valueOffset: Int) {
        self.key = key
        self.keyOffset = keyOffset
        self.value = value
        self.valueOffset = valueOffset
    }
}
