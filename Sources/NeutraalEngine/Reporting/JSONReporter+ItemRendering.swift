/// A reporter made with `init(preparedFor:)` renders JSON Lines on a batch's workers itself: the batch knows
/// this type and calls it directly (see `BatchEvaluator`), where a wrapper of another module was called
/// through the protocol's witness and the wrapper's, for every record.
extension JSONReporter: ItemRendering {
    /// Appends the line of one result, in the context the reporter was prepared for (see `add(_:into:)`).
    public mutating func render(_ item: ReportItem, into output: inout JSONBytes) {
        add(item, into: &output)
    }

    /// A line depends on its result alone: what the reporter keeps (dates, the source's and the version's
    /// members, the line's) is rendered again whenever it differs.
    public static var carriesOver: Bool { true }
}
