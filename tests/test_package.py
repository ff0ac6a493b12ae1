"""The library's public face: every exported name resolves, and importing it stays light."""

from __future__ import annotations

import subprocess
import sys

import pipeline


def test_every_exported_name_resolves():
    for name in pipeline.__all__:
        assert getattr(pipeline, name) is not None, name


def test_importing_the_library_loads_no_heavy_package():
    code = (
        "import sys, pipeline, pipeline.settings, pipeline.runner, pipeline.store;"
        "print(sorted(m for m in ('spacy', 'trafilatura', 'feedparser') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
