import { Text } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { PortfolioKpis } from "../../core/tracking";
import { useI18n } from "../i18n/useI18n";

const SIZE = 160;

/** The concentration (Lorenz) curve of contacts against potential, with the diagonal of proportional effort. */
export function EffortCurve({ kpis }: { kpis: PortfolioKpis }): ReactNode {
  const { t, number } = useI18n();
  const c = kpis.concentration;
  const title = t("track.curve");
  if (c.curve === null) {
    return (
      <section aria-label={title}>
        <Text>{t("track.curveEmpty")}</Text>
      </section>
    );
  }
  const points = c.curve.map((p) => `${(p.x * SIZE).toFixed(1)},${(SIZE - p.y * SIZE).toFixed(1)}`).join(" ");
  return (
    <section aria-label={title}>
      <svg role="img" aria-label={title} viewBox={`-4 -4 ${SIZE + 8} ${SIZE + 8}`} width={SIZE + 8}>
        <title>{title}</title>
        <rect x={0} y={0} width={SIZE} height={SIZE} fill="none" stroke="#c8c8c8" />
        <line x1={0} y1={SIZE} x2={SIZE} y2={0} stroke="#8a8a8a" strokeDasharray="4 3" />
        <polyline points={points} fill="none" stroke="#0f6cbd" strokeWidth={2} />
      </svg>
      <Text block size={200}>
        {t("track.curveAxes")}
      </Text>
      <Text block size={200}>
        {c.gini === null ? "" : t("track.gini", { gini: number(c.gini, 2) })}{" "}
        {c.topRatio === null ? "" : t("track.topRatio", { ratio: number(c.topRatio, 2) })}
      </Text>
    </section>
  );
}

/** Did following the plan pay? Sales trend of clients at or above plan against those below. */
export function ImpactComparison({ kpis }: { kpis: PortfolioKpis }): ReactNode {
  const { t, percent, number } = useI18n();
  const trend = (v: number | null): string => (v === null ? "—" : percent(v, 1));
  const { atOrAbovePlan, belowPlan } = kpis.impact;
  return (
    <section aria-label={t("track.impact")}>
      <Text weight="semibold" block>
        {t("track.impact")}
      </Text>
      <Text block>
        {t("track.impactAbove", { trend: trend(atOrAbovePlan.trend), n: number(atOrAbovePlan.clients) })}
      </Text>
      <Text block>
        {t("track.impactBelow", { trend: trend(belowPlan.trend), n: number(belowPlan.clients) })}
      </Text>
    </section>
  );
}
