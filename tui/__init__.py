"""lede: a terminal reader for news articles (the distribution ``lede-reader``;
"lede" on the package index is another project).

The version is declared here once; pyproject.toml reads it (hatch's
``[tool.hatch.version]``), so the running code needs no package metadata
(importing ``importlib.metadata`` would cost the first paint 30 ms).
"""

__version__ = "0.1.0"
