import type { ReactNode } from "react";

export interface BarGroup {
  key: string;
  label: string;
  colour: string;
  /** One value per series, as a share of the series' total (0..1). */
  shares: readonly number[];
}

export interface SegmentBarChartProps {
  title: string;
  series: readonly string[];
  groups: readonly BarGroup[];
  formatShare: (share: number) => string;
}

const ROW = 14;
const GAP = 10;
const LABEL = 90;
const WIDTH = 300;

/** Horizontal grouped bars drawn in SVG (no chart library: the bundle stays small). */
export function SegmentBarChart({ title, series, groups, formatShare }: SegmentBarChartProps): ReactNode {
  const groupHeight = series.length * ROW + GAP;
  const height = groups.length * groupHeight;
  const barWidth = WIDTH - LABEL - 40;
  return (
    <svg role="img" aria-label={title} viewBox={`0 0 ${WIDTH} ${height}`} width="100%">
      <title>{title}</title>
      {groups.map((group, g) => (
        <g key={group.key} transform={`translate(0 ${g * groupHeight})`}>
          <text x={0} y={ROW} fontSize={11}>
            {group.label}
          </text>
          {series.map((name, s) => {
            const share = Math.max(0, Math.min(1, group.shares[s] ?? 0));
            return (
              <g key={name} transform={`translate(${LABEL} ${s * ROW})`}>
                <rect width={share * barWidth} height={ROW - 3} fill={group.colour} opacity={1 - s * 0.3}>
                  <title>{`${group.label} · ${name}: ${formatShare(share)}`}</title>
                </rect>
                <text x={share * barWidth + 3} y={ROW - 4} fontSize={9}>
                  {`${name} ${formatShare(share)}`}
                </text>
              </g>
            );
          })}
        </g>
      ))}
    </svg>
  );
}
