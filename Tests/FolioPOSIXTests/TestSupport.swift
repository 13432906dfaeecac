import Glibc

/// Bytes 0, 1, … 250, 0, 1, …: a pattern in which a lost or repeated chunk shows.
func pattern(_ count: Int) -> [UInt8] { (0..<count).map { UInt8($0 % 251) } }
