import FolioPOSIX
import Glibc

/// A 1-based place in a file. Columns count Unicode scalars, as libyaml does, so YAML
/// marks and our own positions agree.
public struct SourcePosition: Sendable, Hashable, Comparable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) { self.line = line; self.column = column }
    public static let start = SourcePosition(line: 1, column: 1)
    public static func < (a: Self, b: Self) -> Bool { (a.line, a.column) < (b.line, b.column) }
}

/// Why a file's bytes could not become text.
struct SourceProblem: Error, Equatable {
    var position: SourcePosition
    var message: String
}

enum SourceText {
    /// Content files larger than this are refused unread: a portfolio page is a few KiB,
    /// and the cap bounds memory and parse time for anything pointed at by --content.
    static let sizeCap = 1 << 20   // 1 MiB

    /// Reads a file (`WholeFile`: regular files only, O_NONBLOCK so a FIFO cannot hang the
    /// loader, the size checked with fstat before reading) with errno's own words on failure.
    /// With `folder` (an open descriptor of a folder above `path`, and the folder's path) the
    /// file is opened from the folder's descriptor: the kernel walks only the part below it.
    /// `listedRegular`: the folder's listing says a regular file (`WholeFile.read`).
    static func read(path: String, folder: PageFolder? = nil, listedRegular: Bool = false) -> Result<[UInt8], SourceProblem> {
        let bytes = if let folder, let below = Path.below(folder.path, path) {
            WholeFile.read(below, limit: sizeCap, in: folder.descriptor, listedRegular: listedRegular)
        } else {
            WholeFile.read(path, limit: sizeCap, listedRegular: listedRegular)
        }
        return bytes.mapError { failure in
            let message: String
            switch failure {
            case .tooLarge(_, .some(let size)):
                message = "file is \(size) bytes, over the 1 MiB size cap (\(sizeCap) bytes)"
            case .tooLarge(_, .none):   // it grew after fstat
                message = "file is over the 1 MiB size cap (\(sizeCap) bytes)"
            case .directory: message = "cannot read file: Is a directory"
            case .missing: message = "cannot read file: \(SystemError(ENOENT))"
            case .notRegular, .system: message = "cannot read file: \(failure)"
            }
            return SourceProblem(position: .start, message: message)
        }
    }

    /// Strict UTF-8 decoding: the first invalid byte or NUL is reported at its line:col
    /// (columns count the valid scalars before it on that line). Drops a leading BOM and
    /// turns CRLF into LF, which changes no line numbers.
    static func decode(_ bytes: [UInt8]) -> Result<String, SourceProblem> {
        // The usual case, valid and without NUL, in the standard library's fast validator;
        // only a bad file is walked scalar by scalar to say where.
        var text: String
        func has(_ byte: Int32) -> Bool {
            bytes.withUnsafeBytes { $0.baseAddress.map { memchr($0, byte, bytes.count) != nil } ?? false }
        }
        if !has(0), let valid = validated(bytes) {
            text = valid
        } else {
            if let problem = firstProblem(bytes) { return .failure(problem) }
            text = String(decoding: bytes, as: UTF8.self)
        }
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        if has(13) {
            // Swift treats "\r\n" as one Character; split on scalars to catch each pair.
            text = String(String.UnicodeScalarView(normalisingCRLF(text.unicodeScalars)))
        }
        return .success(text)
    }

    /// `String(validating: bytes, as: UTF8.self)`, in pieces. The standard library checks a
    /// buffer of only ASCII a word at a time but walks any other byte by byte, and a page is
    /// mostly ASCII with a few accented letters: each long ASCII run is decoded on its own, and
    /// only the bytes around the others are walked. Cutting before and after ASCII bytes never
    /// cuts a scalar, so the text is valid exactly when every piece is; and a piece is valid
    /// exactly when decoding it (which repairs what is not UTF-8) changed none of its bytes.
    static func validated(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return "" }
            // A piece costs about what walking 150 bytes does: shorter ASCII runs are walked.
            let longRun = 160
            var text = ""
            func add(_ start: Int, _ end: Int, ascii: Bool) -> Bool {
                guard start < end else { return true }
                let part = UnsafeBufferPointer(start: base + start, count: end - start)
                var piece = String(decoding: part, as: UTF8.self)
                guard ascii || piece.withUTF8({ $0.count == part.count && memcmp($0.baseAddress!, part.baseAddress!, part.count) == 0 })
                else { return false }
                if part.count == bytes.count { text = piece; return true }
                if text.isEmpty { text.reserveCapacity(bytes.count) }
                text += piece
                return true
            }
            var pending = 0, at = 0        // bytes[pending..<at] wait to be added with what follows
            while at < bytes.count {
                let other = firstNonASCII(bytes, from: at)
                if other - at >= longRun {
                    guard add(pending, at, ascii: false), add(at, other, ascii: true) else { return nil }
                    pending = other
                }
                at = other
                while at < bytes.count, bytes[at] >= 0x80 { at += 1 }
            }
            return add(pending, bytes.count, ascii: false) ? text : nil
        }
    }

    /// The offset of the first byte from `start` on that is not ASCII, or the end; eight
    /// bytes at a time. (`ByteTable.firstEqual` asks it too.)
    static func firstNonASCII(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int {
        guard let base = bytes.baseAddress else { return start }
        let raw = UnsafeRawPointer(base)
        var at = start
        while at + 8 <= bytes.count, raw.loadUnaligned(fromByteOffset: at, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
            at += 8
        }
        while at < bytes.count, bytes[at] < 0x80 { at += 1 }
        return at
    }

    /// Where the first invalid byte or NUL is, if anywhere.
    private static func firstProblem(_ bytes: [UInt8]) -> SourceProblem? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0, line = 1, column = 1
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                if scalar == "\0" {
                    return SourceProblem(position: SourcePosition(line: line, column: column),
                        message: "file contains a NUL byte (offset \(offset)); is it a binary file?")
                }
                offset += encoded.count
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .error:
                let byte = bytes[offset]
                return SourceProblem(position: SourcePosition(line: line, column: column),
                    message: "invalid UTF-8: byte 0x\(hex(byte)) at offset \(offset)")
            case .emptyInput:
                break loop
            }
        }
        return nil
    }

    private static func normalisingCRLF(_ scalars: String.UnicodeScalarView) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(scalars.count)
        var pendingCR = false
        for s in scalars {
            if pendingCR && s != "\n" { out.append("\r") }
            pendingCR = (s == "\r")
            if !pendingCR { out.append(s) }
        }
        if pendingCR { out.append("\r") }
        return out
    }

    private static func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
    }
}
