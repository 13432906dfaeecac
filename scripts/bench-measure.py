#!/usr/bin/env python3
"""Process-level measurements for scripts/bench: wall and CPU time of a command (interleaved
with its peers so machine load hits them alike), peak RSS through GNU time (a small parent,
so the figure is the child's own), binary sizes, dynamic libraries, relocations and where
ASLR put the image. Stdlib only.
"""
import os
import pty
import re
import shutil
import signal
import statistics
import struct
import subprocess
import tempfile
import time

ENV = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")


def spawn_once(argv):
    """Wall ms and CPU ms (user + sys) of one run, output to /dev/null. posix_spawn + wait4:
    the least overhead Python offers; the same for every program measured."""
    null = os.open(os.devnull, os.O_RDWR)
    try:
        start = time.perf_counter()
        pid = os.posix_spawnp(argv[0], argv, ENV, file_actions=[
            (os.POSIX_SPAWN_DUP2, null, 0), (os.POSIX_SPAWN_DUP2, null, 1), (os.POSIX_SPAWN_DUP2, null, 2)])
        _, status, usage = os.wait4(pid, 0)
        wall = (time.perf_counter() - start) * 1000
    finally:
        os.close(null)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(argv)} exited with status {os.waitstatus_to_exitcode(status)}")
    return wall, (usage.ru_utime + usage.ru_stime) * 1000


def interleaved(commands, runs, warmup=2):
    """{label: {"wall": [...], "cpu": [...]}}: round-robin over the commands, so a burst of load
    from elsewhere lands on all of them rather than on whichever ran then."""
    out = {label: {"wall": [], "cpu": []} for label in commands}
    for i in range(warmup + runs):
        for label, argv in commands.items():
            wall, cpu = spawn_once(argv)
            if i >= warmup:
                out[label]["wall"].append(wall)
                out[label]["cpu"].append(cpu)
    return out


def hyperfine_medians(commands, runs):
    """Median wall ms per label from hyperfine (-N: no shell), when it is installed."""
    exe = shutil.which("hyperfine")
    if not exe:
        return None
    import json
    with tempfile.TemporaryDirectory() as d:
        report = os.path.join(d, "h.json")
        argv = [exe, "-N", "--warmup", "3", "--runs", str(runs), "--export-json", report, "--style", "none"]
        for label, cmd in commands.items():
            argv += ["-n", label, " ".join(cmd)]
        subprocess.run(argv, check=True, env=ENV, stdout=subprocess.DEVNULL)
        with open(report) as f:
            data = json.load(f)
    return {r["command"]: r["median"] * 1000 for r in data["results"]}


def timed_rss(argv, runs, budget, timeout, cwd=None):
    """Runs argv under GNU time up to `runs` times, stopping early once `budget` seconds are
    spent (at least one run). Returns (wall ms list, peak RSS KiB list, timed_out)."""
    walls, rss = [], []
    spent = 0.0
    with tempfile.TemporaryDirectory() as d:
        report = os.path.join(d, "time")
        for _ in range(runs):
            start = time.perf_counter()
            p = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", report, *argv], cwd=cwd, env=ENV,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
            try:
                p.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)  # our own process group: GNU time and its child
                p.wait()
                return walls, rss, True
            wall = time.perf_counter() - start
            walls.append(wall * 1000)
            with open(report) as f:
                rss.append(int(f.read().split()[-1]))
            spent += wall
            if spent >= budget:
                break
    return walls, rss, False


def median(xs):
    return statistics.median(xs) if xs else None


def binary(path):
    """Unstripped and stripped bytes, and the shared libraries ldd lists (none for a static
    executable, which ldd calls "statically linked" or "not a dynamic executable")."""
    size = os.path.getsize(path)
    with tempfile.TemporaryDirectory() as d:
        stripped = os.path.join(d, "stripped")
        subprocess.run(["strip", "-o", stripped, path], check=True)
        stripped_size = os.path.getsize(stripped)
    ldd = subprocess.run(["ldd", path], capture_output=True, text=True).stdout
    libs = [m.group(1) for m in re.finditer(r"^\s*(\S+)(?: =>|\s+\()", ldd, re.M)
            if not m.group(1).startswith(("linux-vdso", "/lib64/ld-linux"))]
    return size, stripped_size, libs


def image_address(path):
    """Where the kernel mapped the program headers (AT_PHDR, read from /proc/PID/auxv) in one
    interactive run on a pty, so it works for a static executable too (glibc ignores
    LD_SHOW_AUXV there). posix_spawn returns after the exec, so the auxv read is the program's."""
    primary, secondary = pty.openpty()
    try:
        pid = os.posix_spawn(path, [path], ENV, file_actions=[
            (os.POSIX_SPAWN_DUP2, secondary, 0), (os.POSIX_SPAWN_DUP2, secondary, 1),
            (os.POSIX_SPAWN_DUP2, secondary, 2)], setsid=True)
        try:
            with open(f"/proc/{pid}/auxv", "rb") as f:
                raw = f.read()
        finally:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    finally:
        os.close(primary)
        os.close(secondary)
    words = struct.unpack(f"<{len(raw) // 8}Q", raw[:len(raw) // 8 * 8])
    entries = dict(zip(words[0::2], words[1::2]))
    return hex(entries[3]) if 3 in entries else None   # AT_PHDR


def relocations(path):
    """Dynamic relocations by type, the relative ones packed in RELR (.relr.dyn) decoded and
    counted as "RELR relative": an even word is one address, an odd one a bitmap of the next 63."""
    counts = {}
    for m in re.finditer(r"\s(R_X86_64_\w+|R_AARCH64_\w+)\s", subprocess.run(
            ["readelf", "-rW", path], capture_output=True, text=True).stdout):
        counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    sections = subprocess.run(["readelf", "-SW", path], capture_output=True, text=True).stdout
    relr = re.search(r"\.relr\.dyn\s+RELR\s+[0-9a-f]+\s+([0-9a-f]+)\s+([0-9a-f]+)", sections)
    if relr:
        with open(path, "rb") as f:
            f.seek(int(relr.group(1), 16))
            data = f.read(int(relr.group(2), 16))
        packed = 0
        for (word,) in struct.iter_unpack("<Q", data):
            packed += 1 if word & 1 == 0 else bin(word >> 1).count("1")
        counts["RELR relative"] = packed
    return counts


def elf_facts(path):
    """ELF type (DYN is position-independent), the address the program headers are mapped at in
    two runs (different addresses: ASLR moves the image), dynamic relocations by type, and
    whether the dynamic section asks for immediate binding (BIND_NOW) and packed relative
    relocations (RELR), and whether it has a program interpreter (a static PIE has none)."""
    header = subprocess.run(["readelf", "-h", path], capture_output=True, text=True).stdout
    kind = re.search(r"Type:\s+(\w+)", header)
    addresses = [image_address(path) for _ in range(2)]
    dynamic = subprocess.run(["readelf", "-dW", path], capture_output=True, text=True).stdout
    programs = subprocess.run(["readelf", "-lW", path], capture_output=True, text=True).stdout
    relr = re.search(r"\(RELRSZ\)\s+(\d+)", dynamic)
    return {"type": kind.group(1) if kind else "?", "addresses": addresses, "relocations": relocations(path),
            "bind_now": "BIND_NOW" in dynamic or re.search(r"FLAGS.*\bNOW\b", dynamic) is not None,
            "relr_bytes": int(relr.group(1)) if relr else 0, "interpreter": "INTERP" in programs,
            "relro": "GNU_RELRO" in programs}


def swift_facts(path):
    """Protocol conformance records (4-byte entries of the swift5_protocol_conformances section:
    what every uncached `as?` to a protocol scans), all dynamic relocations, and how many symbols
    name a Foundation module or the regex modules (Swift mangles the module into each, e.g.
    `20FoundationEssentials`; one call of `contains(_: String)` links `_StringProcessing` and
    `_RegexParser`, see FolioText's `containsBytes`)."""
    sections = subprocess.run(["readelf", "-SW", path], capture_output=True, text=True).stdout
    found = re.search(r"swift5_protocol_conformances\s+\w+\s+[0-9a-f]+\s+[0-9a-f]+\s+([0-9a-f]+)", sections)
    relocations_ = sum(relocations(path).values())
    symbols = subprocess.run(["nm", path], capture_output=True, text=True).stdout
    foundation = {}
    for module in ("Foundation", "FoundationEssentials", "FoundationInternationalization",
                   "_StringProcessing", "_RegexParser"):
        count = len(re.findall(rf"(?<!\d){len(module)}{module}", symbols))
        if count:
            foundation[module] = count
    return {"conformances": int(found.group(1), 16) // 4 if found else 0, "relocations": relocations_,
            "foundation": foundation}


def machine(swift):
    """nproc, CPU model, kernel, Swift version, load average."""
    model = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    version = subprocess.run([swift, "--version"], capture_output=True, text=True).stdout.strip().splitlines()
    return {"nproc": os.cpu_count(), "model": model, "kernel": os.uname().release,
            "swift": version[0] if version else "unknown", "load": os.getloadavg()}
