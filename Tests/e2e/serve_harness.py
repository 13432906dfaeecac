"""`folio serve` (folio-serve on swift-nio-ssh) for end-to-end tests, driven by the real OpenSSH
client.

Copies folio and folio-serve side by side into a temporary directory (so `folio serve` finds its
server the way an installed pair does), creates one throw-away account (`folio_t_serve`) and runs
`folio serve --listen 127.0.0.1:PORT` as that account: unprivileged, with its home, host key and
rate-limit state in the temporary directory. Nothing of the system's sshd is used.

Every wait polls until a condition holds or a deadline passes; nothing sleeps blindly.
"""
import os
import pwd
import shlex
import shutil
import signal
import subprocess
import tempfile

import sshd_harness as h
import tmux_util
import visit_support

SERVE_BIN = os.environ.get("FOLIO_SERVE_BIN",
                           os.path.join(tmux_util.REPO, "Server", ".build", "debug", "folio-serve"))
USER = h.PREFIX + "serve"


def unavailable():
    """Why the serve tests cannot run here, or None."""
    if os.geteuid() != 0:
        return "needs root (runs the server as a throw-away account)"
    for tool in ("ssh", "ssh-keygen", "tmux", "useradd", "userdel"):
        if shutil.which(tool) is None:
            return f"{tool} missing"
    if not os.access(h.FOLIO_BIN, os.X_OK):
        return f"folio binary not found at {h.FOLIO_BIN}"
    if not os.access(SERVE_BIN, os.X_OK):
        return f"folio-serve not found at {SERVE_BIN} (swift build --package-path Server)"
    return None


class ServeHarness:
    def __init__(self):
        self.root = None
        self.server = None
        self.port = None

    def start(self):
        reason = unavailable()
        if reason:
            raise h.HarnessError(reason)
        self.remove_account()
        self.root = tempfile.mkdtemp(prefix="folio-e2e-serve-")
        os.chmod(self.root, 0o755)
        try:
            os.makedirs(self.path("bin"), mode=0o755)
            for source, name in ((h.FOLIO_BIN, "folio"), (SERVE_BIN, "folio-serve")):
                shutil.copy2(source, self.path("bin", name))
                os.chmod(self.path("bin", name), 0o755)
            self.folio = self.path("bin", "folio")
            self.content = self.path("content")
            shutil.copytree(os.path.join(tmux_util.REPO, "Content"), self.content)
            for top, dirs, files in os.walk(self.content):
                os.chmod(top, 0o755)
                for name in files:
                    os.chmod(os.path.join(top, name), 0o644)
            self.home = self.path("home")
            os.makedirs(self.home, mode=0o755)
            h.run("useradd", "-M", "-d", self.home, "-s", "/usr/sbin/nologin", USER)
            entry = pwd.getpwnam(USER)
            self.uid, self.gid = entry.pw_uid, entry.pw_gid
            os.chown(self.home, self.uid, self.gid)
            self.outbox = os.path.join(self.home, "outbox")
            self.state = os.path.join(self.home, "state")
            os.makedirs(self.path("client"), mode=0o700)
            self.known_hosts = self.path("client", "known_hosts")
        except BaseException:
            self.stop()
            raise
        return self

    def path(self, *parts):
        return os.path.join(self.root, *parts)

    def start_server(self, *extra, port=None):
        """`folio serve` as the test account on 127.0.0.1 (a free port unless given)."""
        self.port = port or h.free_port()
        self.extra = list(extra)
        self.log = self.path("serve.log")
        argv = [self.folio, "serve", "--listen", f"127.0.0.1:{self.port}",
                "--content", self.content, "--outbox", self.outbox, *extra]
        env = {"PATH": "/usr/bin:/bin", "HOME": self.home, "XDG_STATE_HOME": self.state, "LANG": "C.UTF-8"}
        log = open(self.log, "ab")
        self.server = subprocess.Popen(argv, user=self.uid, group=self.gid, extra_groups=[], env=env,
                                       stdin=subprocess.DEVNULL, stdout=log, stderr=log, cwd=self.home)
        log.close()
        h.wait_until(lambda: self.server.poll() is not None or h.port_open(self.port), 15,
                     what="folio serve to listen")
        if self.server.poll() is not None:
            raise h.HarnessError("folio serve did not start: " + self.server_log())
        return self.server

    def stop_server(self, timeout=15):
        """SIGTERM and wait; returns the exit status."""
        if not self.server:
            return None
        if self.server.poll() is None:
            self.server.send_signal(signal.SIGTERM)
            try:
                self.server.wait(timeout)
            except subprocess.TimeoutExpired:
                self.server.kill()
                self.server.wait()
        status, self.server = self.server.returncode, None
        return status

    def stop(self):
        self.stop_server()
        self.remove_account()
        if self.root:
            shutil.rmtree(self.root, ignore_errors=True)
            self.root = None

    def remove_account(self):
        try:
            uid = pwd.getpwnam(USER).pw_uid
        except KeyError:
            return
        for pid, owner, *_ in h.processes():   # only the test account's processes, by pid
            if owner == uid:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        h.wait_until(lambda: not any(p[1] == uid and p[3] != "Z" for p in h.processes()), 5,
                     what=f"{USER}'s processes to end")
        h.run("userdel", "-f", USER, check=False)

    def server_log(self):
        try:
            with open(self.log, errors="replace") as f:
                return f.read()
        except OSError:
            return ""

    # ---- the client --------------------------------------------------------------------------

    def ssh_argv(self, *remote, tty=True, user="anyone", options=(), strict="accept-new"):
        # No key: folio serve lets anyone in (unless --authorized-keys says otherwise).
        return visit_support.ssh_argv(self.port, self.known_hosts, f"{user}@127.0.0.1", remote, tty=tty,
                                      strict=strict, identity=("-o", "IdentityFile=none"), options=options)

    def client_env(self):
        os.makedirs(self.path("client", "home"), mode=0o700, exist_ok=True)
        return visit_support.client_env(self.path("client", "home"))

    def ssh(self, *remote, tty=False, timeout=30, **kwargs):
        return subprocess.run(self.ssh_argv(*remote, tty=tty, **kwargs), capture_output=True,
                              timeout=timeout, env=self.client_env(), stdin=subprocess.DEVNULL)

    def pane(self, *remote, width=80, height=24, **kwargs):
        command = shlex.join(self.ssh_argv(*remote, tty=True, **kwargs))
        return tmux_util.Pane(command, width=width, height=height, env=self.client_env())

    # ---- what runs ---------------------------------------------------------------------------

    def kiosks(self):
        """Live processes of the test account other than the server: the visitors' folio."""
        return [p[0] for p in h.processes()
                if p[1] == self.uid and p[0] != self.server.pid and p[3] != "Z"]

    files_containing = h.SshHarness.files_containing   # uses nothing of the sshd harness
