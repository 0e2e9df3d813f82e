/// A count with its noun in the right number, for the summaries people read.
///
/// ```swift
/// Plural.count(1, "sample")                          // "1 sample"
/// Plural.count(2, "sample")                          // "2 samples"
/// Plural.count(1, "beschrijving", "beschrijvingen")  // "1 beschrijving"
/// ```
public enum Plural {
    /// `count` followed by `singular` when it is exactly 1, otherwise by `plural` (`singular` + "s" by default:
    /// English counts zero as plural, "0 samples", and so does Dutch).
    public static func count(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count) " + (count == 1 ? singular : plural ?? singular + "s")
    }

    /// `singular` or `plural` by `count`, for a verb or a word that must agree with a count given apart.
    public static func word(_ count: Int, _ singular: String, _ plural: String) -> String {
        count == 1 ? singular : plural
    }
}
