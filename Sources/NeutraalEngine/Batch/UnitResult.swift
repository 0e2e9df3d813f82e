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

/// Turns results into output text on a worker thread; a batch makes a fresh one for each unit of work
/// (unless it `carriesOver`), so a renderer may keep state (say, the quoted file name) from one result to
/// the next.
public protocol ItemRendering {
    /// Appends the text of one result to `output`.
    mutating func render(_ item: ReportItem, into output: inout JSONBytes)

    /// Whether the renderer may go on to the next unit of work a worker judges, rather than a fresh one:
    /// for a renderer whose text for a result does not depend on the results before it (what it keeps is
    /// only a faster way to the same text). False unless a renderer says so.
    static var carriesOver: Bool { get }
}

extension ItemRendering {
    public static var carriesOver: Bool { false }
}
