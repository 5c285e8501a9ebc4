/**
 * One day's stops around the base, drawn locally as SVG (no map tiles): an equirectangular
 * projection of the base and the stops, the round trip as a closed line, stops numbered in order.
 */
import type { ReactNode } from "react";
import type { LatLon, TourDay } from "../../core/tours";

const SIZE = 160;
const PAD = 14;

export function TourDrawing({ day, base, label }: { day: TourDay; base: LatLon; label: string }): ReactNode {
  const points = [base, ...day.stops];
  const cos = Math.cos((base.lat * Math.PI) / 180);
  const xs = points.map((p) => p.lon * cos);
  const ys = points.map((p) => p.lat);
  const span = Math.max(1e-6, Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  const scale = (SIZE - 2 * PAD) / span;
  const minX = Math.min(...xs);
  const maxY = Math.max(...ys);
  const at = (i: number): [number, number] => [
    PAD + ((xs[i] ?? 0) - minX) * scale,
    PAD + (maxY - (ys[i] ?? 0)) * scale,
  ];
  const path = [...points.map((_, i) => at(i)), at(0)]
    .map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`)
    .join(" ");
  const [bx, by] = at(0);
  return (
    <svg
      role="img"
      aria-label={label}
      width={SIZE}
      height={SIZE}
      viewBox={`0 0 ${SIZE} ${SIZE}`}
      data-tour-day={day.date}
    >
      <title>{label}</title>
      <polyline points={path} fill="none" stroke="#1565C0" strokeWidth={1.5} />
      <rect x={bx - 4} y={by - 4} width={8} height={8} fill="#C62828" />
      {day.stops.map((s, i) => {
        const [x, y] = at(i + 1);
        return (
          <g key={`${s.id}-${String(i)}`}>
            <circle cx={x} cy={y} r={6} fill="#FFFFFF" stroke="#1565C0" />
            <text x={x} y={y + 3} fontSize={8} textAnchor="middle">
              {s.order}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
