/// What one unit of work of a batch came to, handed back in input order.
public struct UnitResult: Sendable {
    /// The unit's results, when the run keeps them; empty otherwise.
    public var items: [ReportItem] = []
    /// The text the unit's renderer made of its results; nil when the run renders nothing.
    public var rendered: RenderedBytes?
    /// The unit's tally, to be merged into the run's.
    public var summary = Summary()

    public init() {}
}

/// Turns results into output text on a worker thread; a batch makes a fresh one for each unit of work,
/// so a renderer may keep state (say, the quoted file name) from one result to the next.
public protocol ItemRendering {
    /// Appends the text of one result to `output`.
    mutating func render(_ item: ReportItem, into output: inout JSONBytes)
}
