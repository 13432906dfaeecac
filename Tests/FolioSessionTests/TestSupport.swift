import Glibc

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
