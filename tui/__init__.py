"""lede: a terminal reader for news articles (the distribution ``lede-reader``)."""

from importlib.metadata import PackageNotFoundError, version

DISTRIBUTION = "lede-reader"  # "lede" on the package index is another project

try:
    __version__ = version(DISTRIBUTION)
except PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"
