import Glibc

/// A fresh directory under /tmp, removed when the value is dropped via `remove()`.
struct TempDir {
    let path: String

    init() {
        var template = Array("/tmp/folio-session-test-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "mkdtemp failed")
        path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    func file(_ name: String) -> String { path + "/" + name }

    @discardableResult
    func write(_ name: String, _ text: String, mode: mode_t = 0o644) -> String {
        write(name, bytes: Array(text.utf8), mode: mode)
    }

    @discardableResult
    func write(_ name: String, bytes: [UInt8], mode: mode_t = 0o644) -> String {
        let target = file(name)
        let fd = open(target, O_WRONLY | O_CREAT | O_TRUNC, mode)
        precondition(fd >= 0, "cannot create \(target)")
        _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        fchmod(fd, mode)
        close(fd)
        return target
    }

    func read(_ name: String) -> String {
        guard let f = fopen(file(name), "r") else { return "" }
        defer { fclose(f) }
        var out: [UInt8] = []
        while true {
            let c = fgetc(f)
            if c == EOF { break }
            out.append(UInt8(c))
        }
        return String(decoding: out, as: UTF8.self)
    }

    func remove() {
        // Small trees only: shell out would be simpler but tests should not spawn programs.
        func rm(_ p: String) {
            if let dir = opendir(p) {
                while let entry = readdir(dir) {
                    let name = withUnsafeBytes(of: entry.pointee.d_name) {
                        String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
                    }
                    if name == "." || name == ".." { continue }
                    rm(p + "/" + name)
                }
                closedir(dir)
                rmdir(p)
            } else {
                unlink(p)
            }
        }
        rm(path)
    }
}

/// Runs `body` in a forked child and returns its exit status (or 128 + signal).
/// The child does only what `body` does and leaves with `_exit`, never returning into the
/// test runner. The runner's worker threads block some signals; the child unblocks them all so
/// signal tests see what a real folio process would.
func inChild(_ body: () -> Int32) -> Int32 {
    let pid = fork()
    precondition(pid >= 0, "fork failed")
    if pid == 0 {
        var none = sigset_t()
        sigemptyset(&none)
        sigprocmask(SIG_SETMASK, &none, nil)
        _exit(body())
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    if status & 0x7F == 0 { return (status >> 8) & 0xFF }
    return 128 + (status & 0x7F)
}

/// A pseudo-terminal pair (master, slave), or nil. Glibc's Swift module hides posix_openpt and
/// friends behind _XOPEN_SOURCE, so they are looked up at run time.
func openPseudoTerminal() -> (master: Int32, slave: Int32)? {
    typealias IntFn = @convention(c) (Int32) -> Int32
    typealias NameFn = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?
    guard let libc = dlopen(nil, RTLD_NOW),
          let openSym = dlsym(libc, "posix_openpt"), let grantSym = dlsym(libc, "grantpt"),
          let unlockSym = dlsym(libc, "unlockpt"), let nameSym = dlsym(libc, "ptsname") else { return nil }
    let master = unsafeBitCast(openSym, to: IntFn.self)(O_RDWR | O_NOCTTY)
    guard master >= 0 else { return nil }
    guard unsafeBitCast(grantSym, to: IntFn.self)(master) == 0,
          unsafeBitCast(unlockSym, to: IntFn.self)(master) == 0,
          let name = unsafeBitCast(nameSym, to: NameFn.self)(master) else { close(master); return nil }
    let slave = open(name, O_RDWR | O_NOCTTY)
    guard slave >= 0 else { close(master); return nil }
    return (master, slave)
}
