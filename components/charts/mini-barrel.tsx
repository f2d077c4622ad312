import { miniBarrelGeometry, type MiniStave } from "@/lib/charts/mini-barrel-geometry";
import { WATER_COLOUR, WEAK_COLOUR } from "./area-colours";

const WOOD = "#b07a3f";

/**
 * A team's barrel in small, for its card: one bar per area scaled to the model's scale, the
 * weakest stave(s) in the weak colour, and a water line at the water level. Pure SVG, rendered on
 * the server; `label` says the same in words.
 */
export function MiniBarrel({
  staves,
  waterLevel,
  scaleMax,
  label,
}: {
  staves: readonly MiniStave[];
  waterLevel: number | null;
  scaleMax: number;
  label: string;
}) {
  const g = miniBarrelGeometry(staves, waterLevel, scaleMax);
  return (
    <svg viewBox={`0 0 ${g.width} ${g.height}`} width={g.width} height={g.height} role="img" aria-label={label} className="shrink-0">
      <rect x={g.barrel.left} y={g.top} width={g.barrel.right - g.barrel.left} height={g.floor - g.top} fill="#f5f5f4" rx="2" />
      {/* The water, behind the staves: it shows between them, up to the lowest one. */}
      {g.waterY !== undefined && (
        <rect x={g.barrel.left} y={g.waterY} width={g.barrel.right - g.barrel.left} height={g.floor - g.waterY} fill={WATER_COLOUR} fillOpacity="0.35" />
      )}
      {g.bars.map((b) =>
        b.scored ? (
          <rect key={b.areaId} x={b.x} y={b.y} width={b.width} height={b.height} rx="1" fill={b.weakest ? WEAK_COLOUR : WOOD} />
        ) : (
          <rect
            key={b.areaId}
            x={b.x + 0.5}
            y={g.top + 0.5}
            width={b.width - 1}
            height={g.floor - g.top - 1}
            fill="none"
            stroke="#a8a29e"
            strokeDasharray="2 2"
          />
        ),
      )}
      {g.waterY !== undefined && <line x1={g.barrel.left} x2={g.barrel.right} y1={g.waterY} y2={g.waterY} stroke={WATER_COLOUR} strokeWidth="2" />}
      <line x1={g.barrel.left} x2={g.barrel.right} y1={g.floor} y2={g.floor} stroke="#57534e" strokeWidth="1" />
    </svg>
  );
}
