/// A description attached to a rule with what the rule must do with it; `neutraal test` replays it.
public struct Example: Sendable {
    /// What the rule must do.
    public enum Expectation: String, Sendable, CaseIterable {
        case fires
        case silent
        case overridden
        case undetermined
    }

    public let name: String
    public let expectation: Expectation
    /// The overall verdict the description must get, if the example says so.
    public let expectedVerdict: Verdict?
    /// The example read as a description; nil when its facts did not read (a load error then).
    public let description: Description?
    public let location: SourceLocation
}
