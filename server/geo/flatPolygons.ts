import { orient2d } from 'robust-predicates';
import type { RegionGeometry } from '../../shared/geo/region';

/**
 * Polygons packed into flat typed arrays, so that a point-in-polygon test walks contiguous
 * memory instead of nested GeoJSON arrays. Polygon `i` owns rings ringStart[i]..ringStart[i+1]-1;
 * ring `r` owns vertices vertexStart[r]..vertexStart[r+1]-1 of `xy` (x, y interleaved, degrees).
 * Rings are stored open: a closing vertex equal to the first is dropped.
 */
export class FlatPolygons {
  readonly count: number;
  /** Bounding boxes, 4 numbers per polygon: minX, minY, maxX, maxY (degrees). */
  readonly boxes: Float64Array;
  private readonly xy: Float64Array;
  private readonly vertexStart: Uint32Array;
  private readonly ringStart: Uint32Array;

  constructor(geometries: readonly RegionGeometry[]) {
    const rings = geometries.map((g) => (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat()));
    const ringCount = rings.reduce((s, r) => s + r.length, 0);
    const vertexCount = rings.reduce((s, r) => s + r.reduce((t, ring) => t + ring.length, 0), 0);
    this.count = geometries.length;
    this.xy = new Float64Array(vertexCount * 2);
    this.vertexStart = new Uint32Array(ringCount + 1);
    this.ringStart = new Uint32Array(this.count + 1);
    this.boxes = new Float64Array(this.count * 4);
    let v = 0;
    let r = 0;
    rings.forEach((polyRings, i) => {
      this.ringStart[i] = r;
      let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const ring of polyRings) {
        this.vertexStart[r++] = v;
        const n = ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1] ? ring.length - 1 : ring.length;
        for (let k = 0; k < n; k++) {
          const [x, y] = ring[k];
          this.xy[2 * v] = x;
          this.xy[2 * v + 1] = y;
          v++;
          if (x < minX) minX = x;
          if (x > maxX) maxX = x;
          if (y < minY) minY = y;
          if (y > maxY) maxY = y;
        }
      }
      this.boxes.set([minX, minY, maxX, maxY], i * 4);
    });
    this.ringStart[this.count] = r;
    this.vertexStart[r] = v;
  }

  /**
   * Whether polygon `i` contains the point (degrees), by ray casting eastwards, even-odd over all
   * rings (so holes and multi-part polygons work).
   *
   * Border rule: the answer is the one for the point nudged an infinitesimal step east, then an
   * even smaller step north. A point on a border shared by two polygons therefore belongs to
   * exactly one of them (the one east of the border; for an east-west border, the one north of
   * it), and a shared vertex to exactly one of the polygons around it. This holds because each
   * edge is judged from its endpoints in a fixed order (lower end first) with an exact
   * orientation test, so two neighbours sharing an edge make the very same decision about it.
   */
  contains(i: number, x: number, y: number): boolean {
    const xy = this.xy;
    let inside = false;
    for (let r = this.ringStart[i]; r < this.ringStart[i + 1]; r++) {
      const s = this.vertexStart[r];
      const e = this.vertexStart[r + 1];
      for (let a = e - 1, b = s; b < e; a = b++) {
        let lx = xy[2 * a], ly = xy[2 * a + 1], ux = xy[2 * b], uy = xy[2 * b + 1];
        if (ly > uy) [lx, ly, ux, uy] = [ux, uy, lx, ly];
        // Half-open in y: the lower end counts, the upper does not; flat edges never count.
        if (y < ly || y >= uy) continue;
        if (x < lx && x < ux) inside = !inside;
        else if (x <= lx || x <= ux) {
          // Crossing east of the point ⇔ the point is strictly left of the upward edge.
          if (orient2d(lx, ly, ux, uy, x, y) < 0) inside = !inside;
        }
      }
    }
    return inside;
  }
}
