#!/usr/bin/env python3
"""Makes web/src/main/resources/corridor-web/world/countries-110m.json, the web app's world map, from Natural Earth's
1:110m Admin 0 countries (public domain) as the npm package world-atlas 2.0.2 ships them (TopoJSON), keyed by ISO
3166-1 alpha-2 (the numeric-to-alpha-2 table of the npm package i18n-iso-countries).

    npm pack world-atlas@2.0.2 i18n-iso-countries@7.14.0   # then unpack both
    python3 web/tools/world-map.py world-atlas/countries-110m.json i18n-iso-countries/codes.json > countries-110m.json

Output: {"source": ..., "countries": {"AF": [[lon0*10, lat0*10, lon1*10, lat1*10, ...], ...], ...}}: each country its
outer and inner rings, coordinates in tenths of a degree (enough at this scale).
"""
import json
import sys


def rings(topo):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def ring(indexes):
        pts = []
        for i in indexes:
            a = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
            pts.extend(a if not pts else a[1:])
        return pts

    return ring


def main(atlas, codes):
    topo = json.load(open(atlas))
    numeric = {int(c[2]): c[0] for c in json.load(open(codes))}
    ring = rings(topo)
    out = {}
    for g in topo["objects"]["countries"]["geometries"]:
        code = numeric.get(int(g["id"])) if g.get("id", "").isdigit() else None
        if code is None:
            continue  # territories without an ISO code (Kosovo, N. Cyprus, Somaliland) are drawn with their neighbours' land only
        polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]] if g["type"] == "Polygon" else []
        flat = []
        for poly in polys:
            for r in poly:
                pts = ring(r)
                line = []
                for lon, lat in pts:
                    q = (round(lon * 10), round(lat * 10))
                    if len(line) < 2 or (line[-2], line[-1]) != q:
                        line.extend(q)
                if len(line) >= 6:
                    flat.append(line)
        out.setdefault(code, []).extend(flat)
    json.dump({"source": "Natural Earth 1:110m Admin 0 countries (public domain), via world-atlas 2.0.2; "
                         "tenths of a degree, lon/lat pairs per ring", "countries": out}, sys.stdout, separators=(",", ":"))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
