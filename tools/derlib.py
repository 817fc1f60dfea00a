# SPDX-License-Identifier: GPL-2.0-or-later
"""The few DER helpers the message-crafting tools share
(tools/make-bodies.py, tools/make-entrust-like.py).  Standard library only."""


def read_tlv(buf, pos):
    """(header length, content length) of the element at pos."""
    start = pos
    if buf[pos] & 0x1F == 0x1F:
        pos += 1
        while buf[pos] & 0x80:
            pos += 1
    pos += 1
    first = buf[pos]
    pos += 1
    if first < 0x80:
        length = first
    elif first == 0x80:
        raise ValueError("indefinite length: not DER")
    else:
        n = first & 0x7F
        length = int.from_bytes(buf[pos:pos + n], "big")
        pos += n
    return pos - start, length


def children(buf):
    """Splits the content of a constructed element into whole elements."""
    out = []
    pos = 0
    while pos < len(buf):
        hlen, clen = read_tlv(buf, pos)
        out.append(buf[pos:pos + hlen + clen])
        pos += hlen + clen
    return out


def content(element):
    hlen, clen = read_tlv(element, 0)
    return element[hlen:hlen + clen]


def encode_length(n):
    if n < 0x80:
        return bytes([n])
    b = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(b)]) + b


def tlv(tag, body):
    """One element; tag is one identifier octet (tag numbers up to 30)."""
    return bytes([tag]) + encode_length(len(body)) + body


def encode_oid(dotted):
    arcs = [int(a) for a in dotted.split(".")]
    if len(arcs) < 2:
        raise ValueError("an OID has at least two arcs: " + dotted)
    out = bytearray()
    for arc in [arcs[0] * 40 + arcs[1]] + arcs[2:]:
        chunk = [arc & 0x7F]
        arc >>= 7
        while arc:
            chunk.append(0x80 | (arc & 0x7F))
            arc >>= 7
        out += bytes(reversed(chunk))
    return tlv(0x06, bytes(out))
