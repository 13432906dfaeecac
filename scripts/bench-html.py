#!/usr/bin/env python3
"""The portfolio as one HTML page, for the peers (w3m, lynx) that scripts/bench measures folio
against. Reads `folio export --json` (all of it: profile, services, case studies, stack) and
turns each Markdown body into HTML with libcmark-gfm, the same library folio parses with, via
ctypes, so nothing else needs installing.

    folio export --json | scripts/bench-html.py > page.html
"""
import ctypes
import html
import json
import sys

GFM_EXTENSIONS = (b"table", b"strikethrough", b"autolink", b"tasklist")


class Cmark:
    """GFM Markdown to HTML through libcmark-gfm and its extensions library."""

    def __init__(self):
        self.lib = ctypes.CDLL("libcmark-gfm.so.0.29.0.gfm.6")
        ext = ctypes.CDLL("libcmark-gfm-extensions.so.0.29.0.gfm.6")
        ext.cmark_gfm_core_extensions_ensure_registered()
        lib = self.lib
        lib.cmark_parser_new.restype = ctypes.c_void_p
        lib.cmark_parser_new.argtypes = [ctypes.c_int]
        lib.cmark_find_syntax_extension.restype = ctypes.c_void_p
        lib.cmark_find_syntax_extension.argtypes = [ctypes.c_char_p]
        lib.cmark_parser_attach_syntax_extension.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        lib.cmark_parser_feed.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t]
        lib.cmark_parser_finish.restype = ctypes.c_void_p
        lib.cmark_parser_finish.argtypes = [ctypes.c_void_p]
        lib.cmark_parser_get_syntax_extensions.restype = ctypes.c_void_p
        lib.cmark_parser_get_syntax_extensions.argtypes = [ctypes.c_void_p]
        lib.cmark_render_html.restype = ctypes.c_void_p  # freed below, so not c_char_p
        lib.cmark_render_html.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p]
        lib.cmark_node_free.argtypes = [ctypes.c_void_p]
        lib.cmark_parser_free.argtypes = [ctypes.c_void_p]
        self.libc = ctypes.CDLL(None)
        self.libc.free.argtypes = [ctypes.c_void_p]

    def html(self, markdown):
        lib = self.lib
        parser = lib.cmark_parser_new(0)
        for name in GFM_EXTENSIONS:
            found = lib.cmark_find_syntax_extension(name)
            if found:
                lib.cmark_parser_attach_syntax_extension(parser, found)
        data = markdown.encode()
        lib.cmark_parser_feed(parser, data, len(data))
        root = lib.cmark_parser_finish(parser)
        out = lib.cmark_render_html(root, 0, lib.cmark_parser_get_syntax_extensions(parser))
        text = ctypes.string_at(out).decode()
        self.libc.free(out)
        lib.cmark_node_free(root)
        lib.cmark_parser_free(parser)
        return text


def esc(s):
    return html.escape(s or "", quote=True)


def tag_list(tags):
    return "<p>Tags: " + ", ".join(esc(t) for t in tags) + "</p>\n" if tags else ""


def item_html(md, item):
    head = f'<h3 id="{esc(item["id"])}">{esc(item["title"])}</h3>\n'
    facts = [item.get("sector"), item.get("date")]
    meta = " · ".join(esc(f) for f in facts if f)
    return (head + (f"<p><em>{meta}</em></p>\n" if meta else "")
            + f'<p><strong>{esc(item.get("summary"))}</strong></p>\n'
            + tag_list(item.get("tags")) + md.html(item.get("body") or ""))


def page(export):
    md = Cmark()
    p, stack = export["profile"], export["stack"]
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>{esc(p['name'])}</title></head><body>",
           f"<h1>{esc(p['name'])}</h1>", f"<p><strong>{esc(p['headline'])}</strong></p>",
           f"<p><em>{esc(p['tagline'])}</em></p>"]
    links = [f'<a href="{esc(link["url"])}">{esc(link["label"])}</a>' for link in p.get("links", [])]
    if p.get("email"):
        links.insert(0, f'<a href="mailto:{esc(p["email"])}">{esc(p["email"])}</a>')
    out.append("<p>" + " · ".join(links) + "</p>")
    out.append(tag_list(p.get("tags")) + md.html(p.get("body") or ""))
    for title, key in (("Services", "services"), ("Case studies", "caseStudies")):
        out.append(f"<h2>{title}</h2>")
        out.extend(item_html(md, item) for item in export[key])
    out.append("<h2>Stack</h2>")
    if stack.get("intro"):
        out.append(f"<p>{esc(stack['intro'])}</p>")
    tags = {t["name"]: t for t in stack.get("tags", [])}
    for group in stack.get("groups", []):
        out.append(f"<h3>{esc(group['name'])}</h3>\n<ul>")
        for name in group["tags"]:
            t = tags.get(name, {})
            aka = f" (also {esc(', '.join(t['aliases']))})" if t.get("aliases") else ""
            used = t.get("usedBy") or []
            uses = f": {esc(', '.join(used))}" if used else ""
            out.append(f"<li>{esc(name)}{aka}{uses}</li>")
        out.append("</ul>")
    if p.get("contactPrompt") and p.get("email"):
        out.append(f'<h2>Contact</h2>\n<p><a href="mailto:{esc(p["email"])}">{esc(p["contactPrompt"])}</a></p>')
    out.append("</body></html>\n")
    return "\n".join(out)


if __name__ == "__main__":
    sys.stdout.write(page(json.load(sys.stdin)))
