#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Seconds since the epoch from the system clock.
func clockSeconds() -> Int {
    Int(time(nil))
}
