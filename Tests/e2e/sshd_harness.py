"""A private sshd for end-to-end tests of folio on a shared box.

Starts its own `sshd -D` on 127.0.0.1 and a free high port, with its own host key, config,
pid file and authorized keys, all in a temporary directory; the system's sshd and /etc/ssh are
never read or touched. Creates throw-away accounts (prefix `folio_t_`) and a group for the
shared outbox, and removes them again. Needs root, sshd, ssh, ssh-keygen, tmux and useradd;
`unavailable()` says which is missing so tests can skip with a reason.

The accounts:
  folio_t_visitor  anonymous visitors: a `Match User` block forces `folio --kiosk`
  folio_t_a, _b    people with their own accounts, in the senders group
  folio_t_owner    owns the shared outbox, in the senders group

Every wait polls until a condition holds or a deadline passes; nothing sleeps blindly.
"""
import os
import pwd
import grp
import shlex
import shutil
import signal
import socket
import stat
import subprocess
import tempfile
import time

import tmux_util
import visit_support

REPO = tmux_util.REPO
FOLIO_BIN = tmux_util.FOLIO_BIN
SSHD = "/usr/sbin/sshd"

PREFIX = "folio_t_"
VISITOR = PREFIX + "visitor"
USER_A = PREFIX + "a"
USER_B = PREFIX + "b"
OWNER = PREFIX + "owner"
USERS = (VISITOR, USER_A, USER_B, OWNER)
GROUP = PREFIX + "senders"


class HarnessError(Exception):
    pass


def unavailable():
    """Why the ssh tests cannot run here, or None."""
    if os.geteuid() != 0:
        return "needs root (creates accounts and runs its own sshd)"
    if not os.access(SSHD, os.X_OK):
        return f"{SSHD} missing (apt-get install openssh-server)"
    for tool in ("ssh", "ssh-keygen", "tmux", "useradd", "userdel", "groupadd", "groupdel"):
        if shutil.which(tool) is None:
            return f"{tool} missing"
    if not os.access(FOLIO_BIN, os.X_OK):
        return f"folio binary not found at {FOLIO_BIN} (build first or set FOLIO_BIN)"
    return None


def run(*argv, check=True, **kwargs):
    done = subprocess.run([str(a) for a in argv], capture_output=True, **kwargs)
    if check and done.returncode != 0:
        raise HarnessError(f"{shlex.join(map(str, argv))} exited {done.returncode}: "
                           f"{done.stderr.decode(errors='replace').strip()}")
    return done


def wait_until(predicate, timeout, interval=0.05, what="condition"):
    """Polls `predicate` until it returns something truthy; returns that value."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() >= deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        time.sleep(interval)


# ---- processes, read from /proc so nothing depends on procps output formats ----------------

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def proc_stat(pid):
    """(comm, state, ppid, utime+stime ticks) of a live process, or None."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            raw = f.read().decode(errors="replace")
    except OSError:
        return None
    comm = raw[raw.index("(") + 1:raw.rindex(")")]
    fields = raw[raw.rindex(")") + 2:].split()
    return comm, fields[0], int(fields[1]), int(fields[11]) + int(fields[12])


def processes():
    """Every process as (pid, uid, comm, state, ppid, cpu ticks)."""
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        info = proc_stat(int(name))
        try:
            uid = os.stat(f"/proc/{name}").st_uid
        except OSError:
            continue
        if info:
            found.append((int(name), uid, *info))
    return found


def pids_of(user, comm="folio"):
    uid = pwd.getpwnam(user).pw_uid
    return [p[0] for p in processes() if p[1] == uid and p[2] == comm and p[3] != "Z"]


def children(pid):
    return [p[0] for p in processes() if p[4] == pid]


def alive(pid):
    info = proc_stat(pid)
    return info is not None and info[1] != "Z"


class SshHarness:
    def __init__(self, folio_bin=FOLIO_BIN, content=os.path.join(REPO, "Content")):
        self.folio_source = folio_bin
        self.content_source = content
        self.sshd = None
        self.made_run_sshd = False
        self.root = None
        self.accept_env = None   # None: the default list in sshd_config
        self.kiosk_argv = None   # None: folio --kiosk --content … --outbox …
        self.client_alive = (5, 2)   # the visitor's ClientAliveInterval and ClientAliveCountMax

    # ---- set-up and tear-down ---------------------------------------------------------------

    def start(self):
        reason = unavailable()
        if reason:
            raise HarnessError(reason)
        self.remove_accounts()   # left over from a run that was killed
        self.root = tempfile.mkdtemp(prefix="folio-e2e-ssh-")
        os.chmod(self.root, 0o755)   # the test accounts must reach the binary and content
        try:
            self.install_folio()
            self.make_accounts()
            self.make_keys()
            self.start_sshd()
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self):
        if self.sshd and self.sshd.poll() is None:
            self.sshd.terminate()
            try:
                self.sshd.wait(5)
            except subprocess.TimeoutExpired:
                self.sshd.kill()
                self.sshd.wait()
        self.sshd = None
        self.remove_accounts()
        if self.made_run_sshd:
            shutil.rmtree("/run/sshd", ignore_errors=True)
            self.made_run_sshd = False
        if self.root:
            shutil.rmtree(self.root, ignore_errors=True)
            self.root = None

    def path(self, *parts):
        return os.path.join(self.root, *parts)

    def install_folio(self):
        """Copies folio and the content where every test account can read them, and checks
        the shared libraries it loads (the Swift runtime under /opt/swift) are readable too."""
        os.makedirs(self.path("bin"), mode=0o755)
        self.folio = self.path("bin", "folio")
        shutil.copy2(self.folio_source, self.folio)
        os.chmod(self.folio, 0o755)
        self.content = self.path("content")
        if os.path.isdir(self.content_source):
            shutil.copytree(self.content_source, self.content)
            for top, dirs, files in os.walk(self.content):
                os.chmod(top, 0o755)
                for name in files:
                    os.chmod(os.path.join(top, name), 0o644)
        unreadable = [lib for lib in self.linked_libraries() if not readable_by_others(lib)]
        if unreadable:
            raise HarnessError("libraries folio needs are not readable by other users: "
                               + ", ".join(unreadable))
        # A program that leaves a mark if anything ever runs it (EDITOR, PAGER, BROWSER tests).
        self.marks = self.path("marks")
        os.makedirs(self.marks)
        os.chmod(self.marks, 0o1777)
        self.spy = self.path("bin", "spy")
        with open(self.spy, "w") as f:
            f.write(f"#!/bin/sh\necho \"$0 $*\" > {self.marks}/ran.$$\nexec sleep 30\n")
        os.chmod(self.spy, 0o755)

    def linked_libraries(self):
        done = run("ldd", self.folio, check=False)
        libs = []
        for line in done.stdout.decode(errors="replace").splitlines():
            parts = line.split("=>")
            target = (parts[1] if len(parts) == 2 else parts[0]).strip().split(" (")[0].strip()
            if target.startswith("/"):
                libs.append(target)
        return libs

    def make_accounts(self):
        run("groupadd", GROUP)
        os.makedirs(self.path("home"), mode=0o755)
        for user in USERS:
            home = self.path("home", user)
            # -p '*': no password, but not "locked" ('!'), which sshd refuses without PAM.
            run("useradd", "-M", "-d", home, "-s", "/bin/sh", "-p", "*", "-G", GROUP, user)
            os.makedirs(home, mode=0o755)
            entry = pwd.getpwnam(user)
            os.chown(home, entry.pw_uid, entry.pw_gid)
        # The owner's mail directory, where the shared outbox goes.
        self.mail = self.path("mail")
        os.makedirs(self.mail, mode=0o755)
        os.chown(self.mail, pwd.getpwnam(OWNER).pw_uid, grp.getgrnam(GROUP).gr_gid)
        self.outbox = os.path.join(self.mail, "folio-outbox")

    def remove_accounts(self):
        stale = [e.pw_name for e in pwd.getpwall() if e.pw_name.startswith(PREFIX)]
        for user in stale:
            uid = pwd.getpwnam(user).pw_uid
            # Only processes of our own test accounts, each by pid.
            for pid, owner, *_ in processes():
                if owner == uid:
                    try:
                        os.kill(pid, signal.SIGKILL)
                    except ProcessLookupError:
                        pass
            wait_until(lambda: not any(p[1] == uid and p[3] != "Z" for p in processes()), 5,
                       what=f"{user}'s processes to end")
            run("userdel", "-f", user, check=False)
        try:
            grp.getgrnam(GROUP)
            run("groupdel", GROUP, check=False)
        except KeyError:
            pass

    def make_keys(self):
        os.makedirs(self.path("sshd"), mode=0o700)
        os.makedirs(self.path("authorized"), mode=0o755)
        os.makedirs(self.path("client"), mode=0o700)
        self.host_key = self.path("sshd", "host_ed25519")
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "folio-e2e-host", "-f", self.host_key)
        for user in USERS:
            key = self.path("client", user)
            run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", user, "-f", key)
            shutil.copy(key + ".pub", self.path("authorized", user))
            os.chmod(self.path("authorized", user), 0o644)

    # ---- sshd --------------------------------------------------------------------------------

    def reconfigure(self, accept_env=None, kiosk_argv=None):
        """Restarts sshd with other settings: `accept_env` replaces the AcceptEnv list ("*"
        for every variable), `kiosk_argv` the visitor's ForceCommand arguments after the binary.
        Called with no arguments, it restores the defaults."""
        self.accept_env, self.kiosk_argv = accept_env, kiosk_argv
        if self.sshd and self.sshd.poll() is None:
            self.sshd.terminate()
            self.sshd.wait(5)
        self.start_sshd()

    def sshd_config(self, port):
        argv = self.kiosk_argv if self.kiosk_argv is not None else \
            ["--kiosk", "--content", self.content, "--outbox", self.outbox]
        kiosk = shlex.join([self.folio, *argv])
        accept = self.accept_env or "LANG LC_* EDITOR VISUAL PAGER BROWSER"
        # A test can ask (SetEnv=LC_FOLIO_E2E=nohup) for folio in a session of its own, so that a
        # hang-up sends it no SIGHUP, as on the box of issue 11: folio must then notice the
        # hang-up on the tty itself.
        kiosk = f'if [ "$LC_FOLIO_E2E" = nohup ]; then setsid -w {kiosk}; else {kiosk}; fi'
        return f"""\
# folio e2e: a private sshd; nothing here is read from /etc/ssh.
Port {port}
ListenAddress 127.0.0.1
AddressFamily inet
HostKey {self.host_key}
PidFile {self.path("sshd", "sshd.pid")}
AuthorizedKeysFile {self.path("authorized", "%u")}
UsePAM no
# The temporary directory is not root-owned all the way up.
StrictModes no
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin no
AllowUsers {" ".join(USERS)}
# EDITOR and friends are accepted only so a test can prove folio ignores them.
AcceptEnv {accept}
PermitUserEnvironment no
PrintMotd no
PrintLastLog no
LogLevel VERBOSE

Match User {VISITOR}
    ForceCommand {kiosk}
    PermitTTY yes
    DisableForwarding yes
    ClientAliveInterval {self.client_alive[0]}
    ClientAliveCountMax {self.client_alive[1]}
"""

    def start_sshd(self):
        if not os.path.isdir("/run/sshd"):   # sshd's privilege-separation directory
            os.makedirs("/run/sshd", mode=0o755)
            self.made_run_sshd = True
        self.log = self.path("sshd", "log")
        for _ in range(3):
            self.port = free_port()
            config = self.path("sshd", "sshd_config")
            with open(config, "w") as f:
                f.write(self.sshd_config(self.port))
            run(SSHD, "-t", "-f", config)
            open(self.log, "w").close()
            self.sshd = subprocess.Popen([SSHD, "-D", "-f", config, "-E", self.log],
                                         stdin=subprocess.DEVNULL)
            try:
                wait_until(lambda: self.sshd.poll() is not None or port_open(self.port), 10,
                           what="sshd to listen")
            except AssertionError:
                pass
            if self.sshd.poll() is None and port_open(self.port):
                break
            self.sshd = None   # the port was taken between probe and bind: try another
        else:
            raise HarnessError("sshd did not start: " + self.sshd_log())
        with open(self.host_key + ".pub") as f:
            host_pub = f.read().split()
        self.known_hosts = self.path("client", "known_hosts")
        with open(self.known_hosts, "w") as f:
            f.write(f"[127.0.0.1]:{self.port} {host_pub[0]} {host_pub[1]}\n")
        os.makedirs(self.path("client", "home"), mode=0o700, exist_ok=True)

    def sshd_log(self):
        try:
            with open(self.log, errors="replace") as f:
                return f.read()
        except OSError:
            return ""

    # ---- the client --------------------------------------------------------------------------

    def ssh_argv(self, user, *remote, tty=True, options=()):
        """ssh to `user` on the private sshd (visit_support.ssh_argv). One `remote` string is a
        shell command line; several are an argv, quoted for the remote shell."""
        command = [shlex.join(remote)] if len(remote) > 1 else list(remote)
        return visit_support.ssh_argv(self.port, self.known_hosts, f"{user}@127.0.0.1", command, tty=tty,
                                      identity=("-i", self.path("client", user)), options=options)

    def client_env(self, **extra):
        return visit_support.client_env(self.path("client", "home"), **extra)

    def ssh(self, user, *remote, tty=False, input=None, timeout=30, options=()):
        """Runs ssh to completion; returns the CompletedProcess (bytes)."""
        return subprocess.run(self.ssh_argv(user, *remote, tty=tty, options=options),
                              input=input, capture_output=True, timeout=timeout,
                              env=self.client_env(), stdin=None if input is not None else subprocess.DEVNULL)

    def pane(self, user, *remote, width=80, height=24, options=()):
        """`ssh -tt` running in a detached tmux pane (tmux_util.Pane)."""
        command = shlex.join(self.ssh_argv(user, *remote, tty=True, options=options))
        return tmux_util.Pane(command, width=width, height=height, env=self.client_env())

    def ssh_client_pid(self, pane):
        """The ssh client process inside a pane (a child of the pane's shell)."""
        shell = pane.pane_pid()
        return wait_until(lambda: next((p for p in children(shell) if proc_stat(p)[0] == "ssh"), None),
                          10, what="the ssh client in the pane")

    # ---- the accounts' files -----------------------------------------------------------------

    def home(self, user):
        return self.path("home", user)

    def write_config(self, user, text):
        """~user/.config/folio/config, owned by root: the account reads it but cannot change it."""
        directory = os.path.join(self.home(user), ".config", "folio")
        os.makedirs(directory, exist_ok=True)
        for d in (os.path.join(self.home(user), ".config"), directory):
            os.chmod(d, 0o755)
        with open(os.path.join(directory, "config"), "w") as f:
            f.write(text)
        os.chmod(os.path.join(directory, "config"), 0o644)

    def reset_state(self, user):
        """Forgets drafts, rate-limit counts and config from earlier tests, once the
        account's sessions from those tests have ended."""
        try:
            wait_until(lambda: not pids_of(user), 5, what=f"{user}'s folio from an earlier test to exit")
        except AssertionError:
            for pid in pids_of(user):   # a stuck one: end it by pid so the next test starts clean
                os.kill(pid, signal.SIGKILL)
        for sub in (".local", ".config"):
            shutil.rmtree(os.path.join(self.home(user), sub), ignore_errors=True)
        for name in os.listdir(self.marks):
            os.unlink(os.path.join(self.marks, name))

    def files_containing(self, top, needle):
        """Regular files under `top` whose bytes contain `needle` (drafts, in whatever format)."""
        hits = []
        for directory, _, names in os.walk(top):
            for name in names:
                path = os.path.join(directory, name)
                try:
                    with open(path, "rb") as f:
                        if needle.encode() in f.read():
                            hits.append(path)
                except OSError:
                    pass
        return hits

    def outbox_messages(self):
        """File names in the shared outbox's new/ (read as root)."""
        try:
            return sorted(os.listdir(os.path.join(self.outbox, "new")))
        except FileNotFoundError:
            return []


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_open(port):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(0.2)
        return s.connect_ex(("127.0.0.1", port)) == 0


def readable_by_others(path):
    """Whether an unprivileged account can open `path`: o+r on it, o+x on every directory up."""
    path = os.path.realpath(path)
    try:
        if not os.stat(path).st_mode & stat.S_IROTH:
            return False
        directory = os.path.dirname(path)
        while True:
            if not os.stat(directory).st_mode & stat.S_IXOTH:
                return False
            if directory == "/":
                return True
            directory = os.path.dirname(directory)
    except OSError:
        return False
