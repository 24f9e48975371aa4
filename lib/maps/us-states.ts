import "server-only";

// The shapes of the 50 states and DC as SVG path strings, for components/us-map.
// us-atlas's states-albers-10m is already projected (Albers USA, Alaska and Hawaii
// inset) into a 975 × 610 box, so no projection runs here. The Census outlines are far
// finer than a page-wide map can show: topology-preserving simplification (shared
// borders stay shared) and whole-pixel coordinates bring the 51 paths from ~100 kB to
// ~25 kB of markup. It runs once per server process, on first use.
import { geoPath } from "d3-geo";
import type { FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import { presimplify, simplify } from "topojson-simplify";
import type { GeometryCollection, Topology } from "topojson-specification";
import atlas from "us-atlas/states-albers-10m.json";

import { JURISDICTIONS } from "@/lib/jurisdictions/reference";

export const US_MAP_WIDTH = 975;
export const US_MAP_HEIGHT = 610;

/** Points whose triangle is smaller than this (in square map units) are dropped. */
const MIN_TRIANGLE_AREA = 2;

export interface StateShape {
  /** USPS code: "WA". */
  code: string;
  name: string;
  /** SVG path data in the 975 × 610 box. */
  d: string;
  /** Where a marker for the state goes; used for DC, too small to see as a shape. */
  centroid: [number, number];
}

type StatesTopology = Topology<{ states: GeometryCollection<{ name: string }>; nation: GeometryCollection }>;

/**
 * Where the shapes are served as one SVG file (app/maps/us-states.svg/route.ts): pages
 * reference each shape there (`<use href>`) rather than carry ~25 kB of path data,
 * twice (the HTML and React's payload), and the browser fetches and caches it once.
 */
export const US_STATES_SPRITE_PATH = "/maps/us-states.svg";

/** A state's shape in the sprite, for `<use href>`. */
export function stateShapeHref(code: string): string {
  return `${US_STATES_SPRITE_PATH}#${code}`;
}

let cached: readonly StateShape[] | undefined;
let sprite: string | undefined;

export function getStateShapes(): readonly StateShape[] {
  return (cached ??= buildStateShapes());
}

/**
 * The sprite: every shape as a path named by its code, without a fill (a `<use>` gives
 * it one) and with borders of one pixel at any size (vector-effect does not inherit).
 */
export function getStatesSprite(): string {
  return (sprite ??= [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${US_MAP_WIDTH} ${US_MAP_HEIGHT}"><defs>`,
    ...getStateShapes().map((shape) => `<path id="${shape.code}" d="${shape.d}" vector-effect="non-scaling-stroke"/>`),
    "</defs></svg>\n",
  ].join(""));
}

function buildStateShapes(): StateShape[] {
  const codeByName = new Map(JURISDICTIONS.map((j) => [j.name, j.code]));
  const topology = simplify(presimplify(atlas as unknown as StatesTopology), MIN_TRIANGLE_AREA);
  const states = feature(topology, topology.objects.states) as FeatureCollection<Geometry, { name: string }>;
  const path = geoPath().digits(0);
  const shapes = states.features.map((state) => {
    const code = codeByName.get(state.properties.name);
    if (!code) throw new Error(`us-atlas state "${state.properties.name}" is not in the jurisdiction reference list`);
    const [x, y] = path.centroid(state);
    return { code, name: state.properties.name, d: path(state) ?? "", centroid: [Math.round(x), Math.round(y)] as [number, number] };
  });
  return shapes.sort((a, b) => a.code.localeCompare(b.code));
}
