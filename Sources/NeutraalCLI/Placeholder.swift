import Foundation
extension CommandLine {
    public static func run() -> Int32 { 0 }
}
