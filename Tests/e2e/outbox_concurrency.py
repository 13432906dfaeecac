"""50 processes each run `folio enquire` 20 times at once: 1,000 distinct, complete messages
and nothing left in tmp/."""
import os
import subprocess

from outbox_support import FOLIO, TempDirTest, files, strict_messages

PROCESSES = 50
RUNS = 20


class ConcurrencyTests(TempDirTest):
    def test_fifty_writers_twenty_times_each(self):
        script = (
            'for i in $(seq 1 %d); do '
            'printf "writer %%s message %%s\\n%%s\\n" "$W" "$i" "$PAD" | '
            '"$FOLIO" enquire --outbox "$OUTBOX" --to hello@example.com --name "Writer $W" '
            '--email "w$W@example.org" --subject "w$W m$i" >/dev/null || echo "FAILED $W $i" >&2; done'
        ) % RUNS
        pad = "ü" * 3000  # a few KiB each, so writes overlap
        workers = []
        for writer in range(PROCESSES):
            env = dict(os.environ, W=str(writer), OUTBOX=self.outbox, FOLIO=os.path.abspath(FOLIO), PAD=pad)
            workers.append(subprocess.Popen(["sh", "-c", script], env=env, stderr=subprocess.PIPE))
        failures = b"".join(worker.communicate(timeout=600)[1] for worker in workers)
        self.assertEqual(failures, b"")
        self.assertTrue(all(worker.returncode == 0 for worker in workers))
        self.assertEqual(files(os.path.join(self.outbox, "tmp")), [])
        messages = strict_messages(self.outbox)
        self.assertEqual(len(messages), PROCESSES * RUNS)
        seen = set()
        ids = set()
        for raw, msg in messages.values():
            writer, run = str(msg["Subject"])[1:].split(" m")
            self.assertEqual(msg.get_content(), f"writer {writer} message {run}\n{pad}\n")
            seen.add((writer, run))
            ids.add(msg["Message-ID"])
        self.assertEqual(len(seen), PROCESSES * RUNS)
        self.assertEqual(len(ids), PROCESSES * RUNS)
