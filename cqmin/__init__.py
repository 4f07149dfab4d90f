"""cqmin: look up the figures of Chongqing's 2022-10-19 livelihood press conference."""

__version__ = "0.2.0"

# typing.TYPE_CHECKING without importing typing (3 ms of a look-up): type checkers read the name, as they read
# typing's, in `from cqmin import TYPE_CHECKING`.
TYPE_CHECKING = False
