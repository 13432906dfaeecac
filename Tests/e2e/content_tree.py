"""A small content tree for an end-to-end test, written from {relative path: text}."""

import os


def write_tree(root, files):
    """Writes each file under ROOT, creating its folders (services/, case-studies/…); returns ROOT."""
    for name, text in files.items():
        path = os.path.join(root, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    return root
