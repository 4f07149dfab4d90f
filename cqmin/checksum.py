"""A 30-bit checksum of bytes against damage (a cut, a flipped bit), computed by the interpreter alone.

The cache checks its header and each part it reads, and every look-up and TAB
reads some; zlib's CRC-32 would load libz for it, a fifth of a MiB of a look-up's
memory and a third of a millisecond. The bytes read as one number modulo a prime
below 2**30 (one of CPython's digits, whose division is linear) catch any change
of one to three neighbouring bytes, and random damage but for one chance in 2**30;
a change of length is caught by the length stored beside it. Not against forgery:
whoever can write the cache is this user (cache.py refuses other owners' entries).
About 2 ms a MiB, where CRC-32 takes 0.25: the parts a look-up reads are kilobytes.
"""

PRIME = 1_073_741_789  # the largest prime below 2**30


def checksum(data: bytes) -> int:
    return int.from_bytes(data, "little") % PRIME
