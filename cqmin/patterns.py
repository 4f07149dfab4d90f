"""Regular expressions compiled when first used: importing re (with the enum, functools and collections it imports)
costs a look-up 1 MiB and about 5 ms, and most look-ups match no pattern (a Chinese search, text with nothing to
escape)."""


class LazyPattern:
    """A pattern that is compiled, and re imported, on the first call of one of its methods (findall, sub...)."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._compiled = None

    def __getattr__(self, name: str):
        if name.startswith("_"):  # (a private name is the pattern object's own: never compile for it, nor recurse)
            raise AttributeError(name)
        if self._compiled is None:
            import re

            self._compiled = re.compile(self.source)
        return getattr(self._compiled, name)
