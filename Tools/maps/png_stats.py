#!/usr/bin/env python3
"""Prints what a rendered map PNG holds, to tell a real map from a blank one: width, height, distinct
colours, and the fraction of pixels that are neither white nor transparent. Standard library only (zlib):
decodes 8-bit RGBA/RGB PNGs as rsvg-convert writes them.

Usage: png_stats.py FILE.png  ->  {"width": .., "height": .., "colours": .., "inked": ..}
"""
import json
import struct
import sys
import zlib


def decode(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{path}: not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour_type, _, _, interlace = header
    if depth != 8 or colour_type not in (2, 6) or interlace:
        raise SystemExit(f"{path}: only 8-bit RGB/RGBA, non-interlaced PNGs are read here")
    channels = 4 if colour_type == 6 else 3
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous, at = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[at], bytearray(raw[at + 1:at + 1 + stride])
        at += 1 + stride
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = previous[i]
            c = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        previous = line
    return width, height, channels, rows


def main():
    width, height, channels, rows = decode(sys.argv[1])
    colours, inked, total = set(), 0, 0
    for line in rows:
        for x in range(0, width * channels, channels):
            px = bytes(line[x:x + channels])
            colours.add(px)
            total += 1
            transparent = channels == 4 and px[3] == 0
            white = px[0] > 250 and px[1] > 250 and px[2] > 250
            if not transparent and not white:
                inked += 1
    print(json.dumps({"width": width, "height": height, "colours": len(colours), "inked": round(inked / max(total, 1), 4)}))


if __name__ == "__main__":
    main()
