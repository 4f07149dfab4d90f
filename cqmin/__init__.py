"""cqmin: look up the figures of Chongqing's 2022-10-19 livelihood press conference."""

__version__ = "0.2.0"
