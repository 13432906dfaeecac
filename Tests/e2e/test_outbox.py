"""`folio enquire` writes messages Python's strict email parser accepts, with every header and
body round-tripping; bad input exits 65 and writes nothing. Faults, symlinks, the shared
outbox and concurrency live in the outbox_*.py modules imported at the end."""
import os

from outbox_support import TempDirTest, enquire, files, folio, strict_messages


class RoundTripTests(TempDirTest):
    def test_utf8_enquiry_round_trips(self):
        body = "こんにちは 🎉\n\nLine with trailing spaces   \nFrom the start\n=equals= and \ttab\n"
        result = enquire(self.outbox, name="山田 太郎 👩‍💻", email_="taro@example.jp",
                         subject="見積もりのお願い — 🚀 launch", company="株式会社テスト", message=body,
                         env={"SSH_CONNECTION": "203.0.113.9 52144 10.0.0.1 22"})
        name = self.assert_saved(result)
        self.assertRegex(name, r"^\d+\.M\d{6}P\d+R[0-9a-f]{32}\.")
        messages = strict_messages(self.outbox)
        self.assertEqual(list(messages), [name])
        raw, msg = messages[name]
        self.assertEqual(msg["From"].addresses[0].display_name, "山田 太郎 👩‍💻")
        self.assertEqual(msg["From"].addresses[0].addr_spec, "taro@example.jp")
        self.assertEqual(msg["To"].addresses[0].addr_spec, "hello@example.com")
        self.assertEqual(str(msg["Subject"]), "見積もりのお願い — 🚀 launch")
        self.assertEqual(str(msg["X-Folio-Company"]), "株式会社テスト")
        self.assertEqual(str(msg["X-Folio-Origin"]), "ssh 203.0.113.9 port 52144")
        self.assertIn("server 10.0.0.1 port 22", str(msg["X-Folio-Session"]))
        self.assertEqual(msg.get_content_type(), "text/plain")
        self.assertEqual(msg.get_content_charset(), "utf-8")
        self.assertEqual(msg["Content-Transfer-Encoding"], "quoted-printable")
        self.assertEqual(msg["MIME-Version"], "1.0")
        self.assertIsNotNone(msg["Date"].datetime)
        self.assertRegex(msg["Message-ID"], r"^<\d+\.[0-9a-f]{32}\.\d+@[A-Za-z0-9.-]+>$")
        self.assertEqual(msg.get_content(), body)
        self.assertNotIn(b"\r", raw)
        for line in raw.split(b"\n"):
            self.assertLessEqual(len(line), 78, line)
            self.assertTrue(line.isascii(), line)
        self.assertEqual(oct(os.stat(os.path.join(self.outbox, "new", name)).st_mode & 0o7777), "0o600")
        self.assertEqual(files(os.path.join(self.outbox, "tmp")), [])
        for sub in ("", "tmp", "new", "cur"):
            self.assertEqual(os.stat(os.path.join(self.outbox, sub)).st_mode & 0o777, 0o700)

    def test_ascii_names_with_specials_and_odd_local_parts(self):
        for display, address in [('Smith, "Jo" \\ Co.', "jo@example.com"), ("A", ".odd..local.@example.com"),
                                 ("=?utf-8?q?fake?=", "x@y.z")]:
            self.assert_saved(enquire(self.outbox, name=display, email_=address))
        found = {str(m["From"].addresses[0].display_name): m["From"].addresses[0].addr_spec
                 for _, m in strict_messages(self.outbox).values()}
        self.assertEqual(found['Smith, "Jo" \\ Co.'], "jo@example.com")
        odd = [m["From"].addresses[0] for _, m in strict_messages(self.outbox).values()
               if m["From"].addresses[0].display_name == "A"][0]
        self.assertEqual((odd.username, odd.domain), (".odd..local.", "example.com"))
        self.assertEqual(found["=?utf-8?q?fake?="], "x@y.z")

    def test_long_lines_are_encoded_within_limits(self):
        body = ("x" * 5000) + "\n" + ("é" * 3000) + "\n" + ("🎉" * 1000)
        name = self.assert_saved(enquire(self.outbox, subject="w " * 98 + "end", message=body))
        raw, msg = strict_messages(self.outbox)[name]
        self.assertTrue(all(len(line) <= 76 for line in raw.split(b"\n\n", 1)[1].split(b"\n")))
        self.assertTrue(all(len(line) <= 78 for line in raw.split(b"\n\n", 1)[0].split(b"\n")))
        self.assertEqual(msg.get_content(), body)
        self.assertEqual(str(msg["Subject"]), "w " * 98 + "end")

    def test_controls_are_removed_from_the_message(self):
        body = "a\r\nb\x00c\x1b[31md\x7fe\x85f\tg\rh"
        name = self.assert_saved(enquire(self.outbox, message=body.encode()))
        _, msg = strict_messages(self.outbox)[name]
        self.assertEqual(msg.get_content(), "a\nbc[31mde" + "f\tg\nh")

    def test_message_file_option(self):
        path = os.path.join(self.dir, "note.txt")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write("from a file ✓\n")
        result = enquire(self.outbox, extra=["--message-file", path], message="ignored stdin")
        name = self.assert_saved(result)
        self.assertEqual(strict_messages(self.outbox)[name][1].get_content(), "from a file ✓\n")
        missing = enquire(self.outbox, extra=["--message-file", path + ".missing"])
        self.assertEqual(missing.returncode, 66)

    def test_outbox_from_environment_and_list_show(self):
        result = enquire("", env={"FOLIO_OUTBOX": self.outbox}, extra=[], name="Zoë \u202eevil",
                         message="body \x1b]0;x\x07 text")  # --outbox "" falls back to FOLIO_OUTBOX
        name = self.assert_saved(result)
        listing = folio("outbox", "list", "--outbox", self.outbox, "--width", "160")
        self.assertEqual(listing.returncode, 0, listing.stderr)
        self.assertIn("Zoë <U+202E>evil", listing.stdout.decode())
        short = listing.stdout.decode().splitlines()[1].split()[-1]
        self.assertTrue(name.startswith(short))
        shown = folio("outbox", "show", "--outbox", self.outbox, short)
        self.assertEqual(shown.returncode, 0, shown.stderr)
        text = shown.stdout.decode()
        self.assertIn("From: Zoë <U+202E>evil <ada@example.org>", text)
        self.assertNotIn("\x1b", text)
        self.assertIn("body ]0;x text", text)
        self.assertEqual(folio("outbox", "show", "--outbox", self.outbox, "nope").returncode, 65)


class BadInputTests(TempDirTest):
    def assert_refused(self, result, *fragments):
        self.assertEqual(result.returncode, 65, result.stderr)
        for fragment in fragments:
            self.assertIn(fragment, result.stderr.decode())
        self.assertEqual(result.stdout, b"")
        self.assertEqual(files(os.path.join(self.outbox, "new")), [])

    def test_header_injection_adds_no_header(self):
        for field in ("--subject", "--name", "--company"):
            result = folio("enquire", "--outbox", self.outbox, "--to", "hello@example.com", "--name", "Eve",
                           "--email", "eve@example.org", "--subject", "s", field, "Hi\r\nBcc: x@y", stdin=b"m")
            self.assert_refused(result, "U+000D")
        self.assert_refused(enquire(self.outbox, email_="eve@example.org\r\nBcc: x@y"), "email:")
        # In the body the same text is only text.
        name = self.assert_saved(enquire(self.outbox, message="Hi\r\nBcc: x@y\n"))
        _, msg = strict_messages(self.outbox)[name]
        self.assertIsNone(msg["Bcc"])
        self.assertEqual(msg.get_content(), "Hi\nBcc: x@y\n")

    def test_invalid_and_overlong_addresses(self):
        for address in ["plain", "a@b..c", "a@-b.c", "ü@x.de", "a b@c.d", "a@" + "x" * 64 + ".com"]:
            self.assert_refused(enquire(self.outbox, email_=address), "email: not a valid")
        longest = "x@" + ".".join(["a" * 62] * 4)  # 2 + 4*62 + 3 = 253
        self.assertEqual(enquire(self.dir + "/other", email_=longest + "a").returncode, 0)
        self.assert_refused(enquire(self.outbox, email_="xx" + longest), "email: at most 254 characters (has 255)")

    def test_field_limits(self):
        self.assert_refused(enquire(self.outbox, name="n" * 129), "name: at most 128 characters (has 129)")
        self.assert_refused(enquire(self.outbox, subject="界" * 201), "subject: at most 200 characters (has 201)")
        self.assert_refused(enquire(self.outbox, company="c" * 129), "company: at most 128")
        self.assertEqual(enquire(self.dir + "/other", name="界" * 128, subject="s" * 200).returncode, 0)

    def test_ten_megabyte_paste_is_refused(self):
        result = enquire(self.outbox, message=b"0123456789" * 1024 * 1024)
        self.assert_refused(result, "message: at most 65536 bytes (has 10485760)")
        self.assertEqual(enquire(self.dir + "/other", message=b"x" * 65536).returncode, 0)

    def test_required_fields_each_reported(self):
        result = folio("enquire", "--outbox", self.outbox, "--to", "a@b.c", "--name", " ", "--email", "",
                       "--subject", "", stdin=b"  \n")
        self.assert_refused(result, "name: required", "email: required", "subject: required", "message: required")
        self.assertFalse(os.path.exists(self.outbox))


# The remaining suites: faults and symlinks, shared outbox, concurrency.
from outbox_faults import FaultTests, SymlinkTests  # noqa: E402,F401
from outbox_shared import SharedOutboxTests  # noqa: E402,F401
from outbox_concurrency import ConcurrencyTests  # noqa: E402,F401
