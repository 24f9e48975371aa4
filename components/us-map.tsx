import { useId, type JSX } from "react";

import { getJurisdictionName, JURISDICTIONS } from "@/lib/jurisdictions/reference";
import { getStateShapes, stateShapeHref, US_MAP_HEIGHT, US_MAP_WIDTH } from "@/lib/maps/us-states";

import styles from "./us-map.module.css";

export interface MapJurisdiction {
  code: string;
  role?: "lead" | "co-lead" | "joined";
  count?: number;
}

type Role = NonNullable<MapJurisdiction["role"]>;

interface UsMapProps {
  title: string;
  description?: string;
  highlighted: MapJurisdiction[];
  /** "roles": lead / co-lead / joined / not joined. "counts": shaded by `count` (missing counts as 0); the page shows the counts as a table too. */
  mode?: "roles" | "counts";
}

/** Jurisdictions too small or too far to draw: shown as labelled tiles beside the map. */
const TILE_CODES = ["DC", "PR", "GU", "VI", "AS", "MP"];

const ROLE_ORDER: Role[] = ["lead", "co-lead", "joined"];
const ROLE_LABELS: Record<Role | "none", string> = { lead: "Lead", "co-lead": "Co-lead", joined: "Joined", none: "Not joined" };

// Blues from the accent, light to dark. Joined and not joined differ by more than 3:1
// (WCAG non-text contrast); lead and co-lead also differ by pattern, and lead by outline.
const NONE_FILL = "#e6eaef";
const JOINED_FILL = "#4f86c9";
const COUNT_FILLS = ["#c9dcf2", "#94bbe6", "#5b8fd0", "#2b65ad", "#0a3f78"];

interface Bucket {
  min: number;
  max: number;
  fill: string;
}

/** Up to five count ranges that cover 1…max without gaps: "1", "2–3", "4–6"… */
export function countBuckets(max: number): Bucket[] {
  if (max < 1) return [];
  const n = Math.min(max, COUNT_FILLS.length);
  const buckets: Bucket[] = [];
  let min = 1;
  for (let i = 1; i <= n; i++) {
    const upper = Math.ceil((max * i) / n);
    // With fewer buckets than colours, spread them over the scale (one bucket: the middle-dark blue).
    const fillIndex = n === 1 ? 3 : Math.round((i - 1) * ((COUNT_FILLS.length - 1) / (n - 1)));
    buckets.push({ min, max: upper, fill: COUNT_FILLS[fillIndex] });
    min = upper + 1;
  }
  return buckets;
}

const rangeLabel = (bucket: Bucket) => (bucket.min === bucket.max ? String(bucket.min) : `${bucket.min}–${bucket.max}`);

/**
 * A map of the United States, rendered on the server as an SVG (no script, no tiles,
 * no third-party requests; the shapes from one cached file of this site, lib/maps/us-states.ts), with DC and the five territories as tiles beside it and
 * the same information as a list for screen readers (a map of counts: as the page's table).
 */
export function UsMap({ title, description, highlighted, mode = "roles" }: UsMapProps): JSX.Element {
  // Pattern and label ids must be unique when a page shows several maps.
  const id = `usmap-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const leadPattern = `${id}-lead`;
  const coLeadPattern = `${id}-co-lead`;

  const byCode = new Map<string, MapJurisdiction>();
  for (const item of highlighted) byCode.set(item.code, item);

  const roleOf = (code: string): Role | "none" => {
    const item = byCode.get(code);
    return item ? (item.role ?? "joined") : "none";
  };
  const countOf = (code: string) => byCode.get(code)?.count ?? 0;
  const buckets = countBuckets(Math.max(0, ...highlighted.map((h) => h.count ?? 0)));

  const roleFill: Record<Role | "none", string> = {
    lead: `url(#${leadPattern})`,
    "co-lead": `url(#${coLeadPattern})`,
    joined: JOINED_FILL,
    none: NONE_FILL,
  };
  const fillOf = (code: string): string => {
    if (mode === "roles") return roleFill[roleOf(code)];
    const count = countOf(code);
    return buckets.find((b) => count >= b.min && count <= b.max)?.fill ?? NONE_FILL;
  };
  const describe = (code: string, name: string): string =>
    mode === "roles" ? `${name}: ${ROLE_LABELS[roleOf(code)].toLowerCase()}` : `${name}: ${countOf(code)}`;

  const shapes = getStateShapes();
  const isLead = (code: string) => mode === "roles" && roleOf(code) === "lead";
  const dc = shapes.find((s) => s.code === "DC");

  const legend =
    mode === "roles"
      ? (["lead", "co-lead", "joined", "none"] as const).map((role) => ({ key: role, label: ROLE_LABELS[role], fill: roleFill[role], outlined: role === "lead" }))
      : [
          { key: "none", label: "None", fill: NONE_FILL, outlined: false },
          ...buckets.map((b) => ({ key: rangeLabel(b), label: rangeLabel(b), fill: b.fill, outlined: false })),
        ];

  return (
    <figure className={styles.figure}>
      <svg
        className={styles.map}
        viewBox={`0 0 ${US_MAP_WIDTH} ${US_MAP_HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={description ? `${id}-desc` : undefined}
      >
        <title id={`${id}-title`}>{title}</title>
        {description && <desc id={`${id}-desc`}>{description}</desc>}
        <defs>
          <pattern id={leadPattern} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#0a3f78" />
            <rect width="2" height="6" fill="#9cc0e8" />
          </pattern>
          <pattern id={coLeadPattern} width="7" height="7" patternUnits="userSpaceOnUse">
            <rect width="7" height="7" fill="#1d5aa0" />
            <circle cx="3.5" cy="3.5" r="1.5" fill="#ffffff" />
          </pattern>
        </defs>
        <g className={styles.states}>
          {shapes
            .filter((s) => !isLead(s.code))
            .map((s) => (
              <use key={s.code} href={stateShapeHref(s.code)} fill={fillOf(s.code)}>
                <title>{describe(s.code, s.name)}</title>
              </use>
            ))}
        </g>
        {/* Drawn last so that their outline is not covered by a neighbour's border. */}
        <g className={styles.leads}>
          {shapes
            .filter((s) => isLead(s.code))
            .map((s) => (
              <use key={s.code} href={stateShapeHref(s.code)} fill={fillOf(s.code)}>
                <title>{describe(s.code, s.name)}</title>
              </use>
            ))}
        </g>
        {dc && (
          <circle className={isLead("DC") ? styles.leadMarker : styles.marker} cx={dc.centroid[0]} cy={dc.centroid[1]} r="7" fill={fillOf("DC")}>
            <title>{describe("DC", dc.name)}</title>
          </circle>
        )}
      </svg>

      <div className={styles.keys} aria-hidden="true">
        <div className={styles.key}>
          <p className={styles.keyTitle}>DC and territories</p>
          <ul className={styles.tiles}>
            {TILE_CODES.map((code) => (
              <li key={code} title={describe(code, getJurisdictionName(code))}>
                <Swatch fill={fillOf(code)} outlined={isLead(code)} />
                <span>{code}</span>
              </li>
            ))}
          </ul>
        </div>
        <div className={styles.key}>
          <p className={styles.keyTitle}>{mode === "roles" ? "Key" : "Count"}</p>
          <ul className={styles.legend}>
            {legend.map((item) => (
              <li key={item.key}>
                <Swatch fill={item.fill} outlined={item.outlined} />
                <span>{item.label}</span>
              </li>
            ))}
          </ul>
        </div>
      </div>

      {/* The map's information as text, for screen readers (the tiles and key above are hidden from them).
          A map of counts sits beside a table of the same numbers, which they read instead. */}
      {mode === "roles" && (
        <div className="visually-hidden">
          <RoleList highlighted={highlighted} />
        </div>
      )}
    </figure>
  );
}

function Swatch({ fill, outlined }: { fill: string; outlined: boolean }) {
  return (
    <svg className={styles.swatch} viewBox="0 0 24 24" width="24" height="24" focusable="false">
      <rect x="1" y="1" width="22" height="22" rx="3" fill={fill} className={outlined ? styles.swatchLead : styles.swatchBorder} />
    </svg>
  );
}

function RoleList({ highlighted }: { highlighted: MapJurisdiction[] }) {
  const groups = ROLE_ORDER.map((role) => ({
    role,
    names: highlighted.filter((h) => (h.role ?? "joined") === role).map((h) => getJurisdictionName(h.code)),
  })).filter((g) => g.names.length > 0);
  const others = JURISDICTIONS.length - new Set(highlighted.map((h) => h.code)).size;
  return (
    <ul>
      {groups.map((g) => (
        <li key={g.role}>
          {ROLE_LABELS[g.role]} ({g.names.length}): {g.names.join(", ")}.
        </li>
      ))}
      <li>Not joined: {others === 1 ? "1 other jurisdiction" : `${others} other jurisdictions`}.</li>
    </ul>
  );
}
