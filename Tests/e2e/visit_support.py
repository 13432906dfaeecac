"""What the e2e tests of a visit share with each other and with scripts/bench-serve.py: the
OpenSSH client's command line and environment (for sshd_harness and serve_harness), the
visitor's keystrokes through the browser and the contact form (test_ssh, test_serve), and
figures from /proc/PID/status (the tests' RSS and peak checks, the benchmark's thread count).
"""
import re


def ssh_argv(port, known_hosts, destination, command=(), tty=True, strict="yes", identity=(), options=()):
    """The OpenSSH client on 127.0.0.1:`port` with no user or system configuration: batch mode,
    only `identity`'s options for keys, `known_hosts` alone, LANG sent. tty True: -tt, False:
    -T, None: ssh decides. `options` are more -o settings."""
    argv = ["ssh", "-F", "/dev/null", "-p", str(port), *identity,
            "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
            "-o", f"UserKnownHostsFile={known_hosts}", "-o", "GlobalKnownHostsFile=/dev/null",
            "-o", f"StrictHostKeyChecking={strict}", "-o", "LogLevel=ERROR",
            "-o", "ConnectTimeout=10", "-o", "SendEnv=LANG"]
    if tty is True:
        argv.append("-tt")
    elif tty is False:
        argv.append("-T")
    for option in options:
        argv += ["-o", option]
    return argv + [destination, *command]


def client_env(home, **extra):
    """The client's whole environment: a plain PATH, its own HOME, a UTF-8 locale."""
    return {"PATH": "/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8", **extra}


def browse_and_search(pane):
    """A visitor's tour: Case studies, open Bankvole and back, then / Rascal and Enter, which
    lands on a service carrying the tag."""
    pane.send("3")
    pane.wait_for("Bankvole")
    pane.send("Enter")
    pane.wait_for("banking platform")
    pane.send("Escape")
    pane.send("/")
    pane.send("Rascal", literal=True)
    pane.wait_for("Rascal MPL")
    pane.send("Enter")
    pane.wait_for("ETL & data movement")


def type_enquiry(pane, name, mail, subject, message):
    """c, then the form's fields in order (the company left empty); not sent."""
    pane.send("c")
    pane.wait_for("Name")
    for i, text in enumerate((name, mail, "", subject, message)):
        if i:
            pane.send("Tab")
        if text:
            pane.send(text, literal=True)
    pane.wait_for(message[:30])


def status_kb(pid, field):
    """A figure from /proc/PID/status: VmRSS, VmHWM… in kB, or a count such as Threads."""
    with open(f"/proc/{pid}/status") as f:
        return int(re.search(rf"^{field}:\s+(\d+)", f.read(), re.MULTILINE).group(1))
