"""A tiny SMTP server for the forwarding tests: aiosmtpd on 127.0.0.1:PORT, each message written
to DIR as N.eml (the bytes received) and N.rcpt (the envelope recipients, one a line). Prints
"ready" once listening; runs until killed. Run with Debian's /usr/bin/python3 (python3-aiosmtpd)."""
import os
import sys
import threading

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, directory):
        self.directory = directory
        self.count = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            base = os.path.join(self.directory, f"{self.count:04d}")
        with open(base + ".rcpt.tmp", "w") as handle:
            handle.write("\n".join(envelope.rcpt_tos) + "\n")
        with open(base + ".eml.tmp", "wb") as handle:
            handle.write(envelope.original_content)
        os.rename(base + ".rcpt.tmp", base + ".rcpt")
        os.rename(base + ".eml.tmp", base + ".eml")
        return "250 OK"


def main():
    port, directory = int(sys.argv[1]), sys.argv[2]
    controller = Controller(Sink(directory), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    try:
        threading.Event().wait()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
