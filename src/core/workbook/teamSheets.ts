/**
 * The managers' sheets as grids: "Équipe" / "Team" (one row per rep and segment plus a total row per
 * rep, and the team), "N+1" (one row per manager, with the rituals) and "Revues" / "Reviews" (one
 * section per rep). Every figure is the one the store's view carries (the core's report); the only
 * figure derived here is pace, by the core's tracking.paceOf. One layout for every face: the pane's
 * Team tab writes these grids through src/excel, `cadence team --out` through ExcelJS.
 */
import { UTILISATION_BAND } from "../consolidation/coherence";
import type { FiguresReport, ManagerReport, RepReport } from "../consolidation/report";
import { DEFAULT_TOLERANCE, paceOf } from "../tracking/rules";
import type { CellValue, Lang } from "../types";
import { DEFAULT_CHANNELS, KNOWN_SEGMENTS } from "../types";

export type SheetColumnKind = "text" | "integer" | "number" | "percent" | "date";

/** A band a column's values should stay in; the Excel layer colours the cells outside it. */
export interface SheetBand {
  column: number;
  low: number;
  high: number;
}

export interface ManagerSheet {
  name: string;
  /** Header row first. */
  rows: CellValue[][];
  /** Kind of each column (number formats). */
  kinds: SheetColumnKind[];
  bands: SheetBand[];
  /** Rows [from, to) of a block at columns [c0, c0 + 3): name, attainment, pace — a chart's source. */
  chart: { title: string; c0: number; from: number; to: number } | null;
}

export interface SegmentLine extends FiguresReport {
  segment: string;
}

export interface RepLine extends RepReport {
  /** Elapsed share of the year at the as-of date on the rep's calendar (core tracking.elapsedShare). */
  elapsedShare?: number;
  segments: readonly SegmentLine[];
}

export interface TeamSheetView {
  year: number;
  asOf: string;
  reps: readonly RepLine[];
  team: FiguresReport;
  managers: readonly ManagerReport[];
}

export const TEAM_SHEET: Record<Lang, string> = { fr: "Équipe", en: "Team" };
export const DIRECTOR_SHEET: Record<Lang, string> = { fr: "N+1", en: "N+1" };
export const REVIEWS_SHEET: Record<Lang, string> = { fr: "Revues", en: "Reviews" };

/** Pace band: a team on plan is within the status tolerance of its planned-to-date (domain.md). */
export const PACE_BAND = { low: 1 - DEFAULT_TOLERANCE, high: 1 + DEFAULT_TOLERANCE } as const;

const fr = (lang: Lang): boolean => lang === "fr";

export function segmentLabel(id: string, lang: Lang): string {
  const s = KNOWN_SEGMENTS.find((x) => x.id === id);
  return s === undefined ? id : fr(lang) ? s.labelFr : s.labelEn;
}

/** Pace of a line: earned / (weighted plan × elapsed share), the core's rule; null without a share. */
export function paceOfLine(f: FiguresReport, share: number | undefined): number | null {
  if (share === undefined) return null;
  return paceOf(f.earned, f.planned.weighted, share);
}

interface FigureColumn {
  en: string;
  fr: string;
  kind: SheetColumnKind;
  band?: { low: number; high: number };
  cell: (f: FiguresReport, lang: Lang) => CellValue;
}

const blank = (x: number | null | undefined): CellValue => (x === null || x === undefined ? "" : x);

const FIGURE_COLUMNS: readonly FigureColumn[] = [
  { en: "Clients", fr: "Clients", kind: "integer", cell: (f) => f.clients },
  ...DEFAULT_CHANNELS.map((c): FigureColumn => ({
    en: `Capacity ${c.labelEn}`,
    fr: `Capacité ${c.labelFr}`,
    kind: "integer",
    cell: (f) => blank(f.capacity[c.id]),
  })),
  ...DEFAULT_CHANNELS.map((c): FigureColumn => ({
    en: `Planned ${c.labelEn}`,
    fr: `Prévu ${c.labelFr}`,
    kind: "integer",
    cell: (f) => f.planned[c.id] ?? 0,
  })),
  { en: "Weighted planned", fr: "Prévu pondéré", kind: "number", cell: (f) => f.planned.weighted },
  ...DEFAULT_CHANNELS.map((c): FigureColumn => ({
    en: `Utilisation ${c.labelEn}`,
    fr: `Utilisation ${c.labelFr}`,
    kind: "percent",
    band: UTILISATION_BAND,
    cell: (f) => blank(f.utilisation[c.id]),
  })),
  { en: "Earned (capped)", fr: "Acquis (plafonné)", kind: "number", cell: (f) => f.earned },
  { en: "Attainment", fr: "Atteinte", kind: "percent", cell: (f) => blank(f.attainment) },
  { en: "Reach", fr: "Couverture du portefeuille (reach)", kind: "percent", cell: (f) => blank(f.reach) },
  { en: "Coverage", fr: "Couverture", kind: "percent", cell: (f) => blank(f.coverage) },
  { en: "Under", fr: "En retard", kind: "integer", cell: (f) => f.under },
  { en: "Over", fr: "En avance", kind: "integer", cell: (f) => f.over },
  { en: "Saturated top", fr: "Comptes saturés", kind: "integer", cell: (f) => f.saturatedTop },
  { en: "Neglected at risk", fr: "À risque délaissés", kind: "integer", cell: (f) => f.neglectedAtRisk },
  {
    en: "Flags",
    fr: "Alertes",
    kind: "text",
    cell: (f, lang) => f.flags.map((x) => (fr(lang) ? x.messageFr : x.message)).join(" "),
  },
];

/** The figure columns' headers, in the sheets' order (the CLI's sheets share them). */
export const figureHeaders = (lang: Lang): string[] => FIGURE_COLUMNS.map((c) => (fr(lang) ? c.fr : c.en));

export const figureCells = (f: FiguresReport, lang: Lang): CellValue[] =>
  FIGURE_COLUMNS.map((c) => c.cell(f, lang));

function figureBands(offset: number): SheetBand[] {
  return FIGURE_COLUMNS.flatMap((c, i) => (c.band === undefined ? [] : [{ column: offset + i, ...c.band }]));
}

/** "Équipe" / "Team": per rep a total row "(tous)/(all)" then a row per segment; the team last. */
export function teamSheet(view: TeamSheetView, lang: Lang): ManagerSheet {
  const all = fr(lang) ? "(tous)" : "(all)";
  const header = [
    fr(lang) ? "Commercial" : "Rep",
    "Segment",
    ...figureHeaders(lang),
    fr(lang) ? "Rythme (acquis)" : "Pace (earned)",
  ];
  const rows: CellValue[][] = [header];
  for (const rep of view.reps) {
    rows.push([rep.rep, all, ...figureCells(rep, lang), blank(paceOfLine(rep, rep.elapsedShare))]);
    for (const s of rep.segments)
      rows.push([
        rep.rep,
        segmentLabel(s.segment, lang),
        ...figureCells(s, lang),
        blank(paceOfLine(s, rep.elapsedShare)),
      ]);
  }
  rows.push([fr(lang) ? "Équipe" : "Team", all, ...figureCells(view.team, lang), ""]);
  const paceColumn = header.length - 1;
  const kinds: SheetColumnKind[] = ["text", "text", ...FIGURE_COLUMNS.map((c) => c.kind), "percent"];
  // The chart's source: one row per rep (name, attainment, pace), two columns right of the table.
  const c0 = header.length + 1;
  const chartRows: CellValue[][] = [
    [fr(lang) ? "Commercial" : "Rep", fr(lang) ? "Atteinte" : "Attainment", fr(lang) ? "Rythme" : "Pace"],
    ...view.reps.map((r) => [r.rep, blank(r.attainment), blank(paceOfLine(r, r.elapsedShare))]),
  ];
  chartRows.forEach((cells, i) => {
    const row = rows[i] ?? [];
    while (row.length < c0) row.push("");
    row.push(...cells);
    rows[i] = row;
  });
  for (const row of rows) while (row.length < c0 + 3) row.push("");
  kinds.push("text", "text", "percent", "percent");
  return {
    name: TEAM_SHEET[lang],
    rows,
    kinds,
    bands: [...figureBands(2), { column: paceColumn, ...PACE_BAND }, { column: c0 + 2, ...PACE_BAND }],
    chart: {
      title: fr(lang) ? "Atteinte et rythme par commercial" : "Attainment and pace per rep",
      c0,
      from: 0,
      to: chartRows.length,
    },
  };
}

/** "N+1": one row per manager, the team figures and the rituals; "noReview" is in the flags. */
export function directorSheet(view: Pick<TeamSheetView, "managers">, lang: Lang): ManagerSheet {
  const header = [
    "Manager",
    fr(lang) ? "Commerciaux" : "Reps",
    ...figureHeaders(lang),
    fr(lang) ? "Entretiens ce mois" : "Reviews this month",
    fr(lang) ? "Actions ouvertes" : "Actions open",
    fr(lang) ? "Actions en retard" : "Actions overdue",
  ];
  const rows: CellValue[][] = [header];
  for (const m of view.managers)
    rows.push([
      m.manager,
      m.reps,
      ...figureCells(m, lang),
      m.reviewsThisMonth,
      m.actionsOpen,
      m.actionsOverdue,
    ]);
  return {
    name: DIRECTOR_SHEET[lang],
    rows,
    kinds: ["text", "integer", ...FIGURE_COLUMNS.map((c) => c.kind), "integer", "integer", "integer"],
    bands: [...figureBands(2), { column: header.length - 3, low: 1, high: Number.POSITIVE_INFINITY }],
    chart: null,
  };
}

/** An open action as a review shows it. */
export interface ReviewActionLine {
  action: string;
  clientId: string;
  owner: string;
  /** ISO yyyy-mm-dd, or "" when none. */
  dueDate: string;
}

/** What a rep's steering review starts from: the KPI snapshot frozen at the review date and the history. */
export interface ReviewCard {
  repId: string;
  rep: string;
  /** The review's date (ISO), also the as-of date of its figures. */
  date: string;
  kpis: {
    attainment: number | null;
    pace: number | null;
    reach: number | null;
    coverage: number | null;
    under: number;
    over: number;
    saturatedTop: number;
    neglectedAtRisk: number;
    utilisationVisit: number | null;
  };
  previous: { date: string; decisions: string } | null;
  openActions: readonly ReviewActionLine[];
  /** Open actions due before the review date. */
  overdueActions: number;
}

/** A rep's review card from the store's figures (the core's) and the rep's steering history. */
export function reviewCard(
  rep: RepLine & { repId: string },
  history: {
    lastReview: { date: string; decisions: string | null } | null;
    openActions: readonly {
      action: string | null;
      clientId: string | null;
      owner: string | null;
      dueDate: string | null;
    }[];
  },
  date: string,
): ReviewCard {
  const openActions = history.openActions.map((a) => ({
    action: a.action ?? "",
    clientId: a.clientId ?? "",
    owner: a.owner ?? "",
    dueDate: a.dueDate ?? "",
  }));
  return {
    repId: rep.repId,
    rep: rep.rep,
    date,
    kpis: {
      attainment: rep.attainment,
      pace: paceOfLine(rep, rep.elapsedShare),
      reach: rep.reach,
      coverage: rep.coverage,
      under: rep.under,
      over: rep.over,
      saturatedTop: rep.saturatedTop,
      neglectedAtRisk: rep.neglectedAtRisk,
      utilisationVisit: (rep.utilisation as Partial<Record<string, number>>).visit ?? null,
    },
    previous:
      history.lastReview === null
        ? null
        : { date: history.lastReview.date, decisions: history.lastReview.decisions ?? "" },
    openActions,
    overdueActions: openActions.filter((a) => a.dueDate !== "" && a.dueDate < date).length,
  };
}

/** "Revues" / "Reviews": one row per rep's review, its frozen KPIs, the previous decisions, open actions. */
export function reviewsSheet(cards: readonly ReviewCard[], lang: Lang): ManagerSheet {
  const f = fr(lang);
  const header = [
    f ? "Commercial" : "Rep",
    f ? "Date de l'entretien" : "Review date",
    f ? "Atteinte" : "Attainment",
    f ? "Rythme (acquis)" : "Pace (earned)",
    f ? "Couverture du portefeuille (reach)" : "Reach",
    f ? "Couverture" : "Coverage",
    f ? "Utilisation Visite terrain" : "Utilisation Field visit",
    f ? "En retard" : "Under",
    f ? "En avance" : "Over",
    f ? "Comptes saturés" : "Saturated top",
    f ? "À risque délaissés" : "Neglected at risk",
    f ? "Décisions précédentes" : "Previous decisions",
    f ? "Actions ouvertes" : "Open actions",
    f ? "Actions en retard" : "Overdue actions",
  ];
  const rows: CellValue[][] = [header];
  for (const c of cards)
    rows.push([
      c.rep,
      c.date,
      blank(c.kpis.attainment),
      blank(c.kpis.pace),
      blank(c.kpis.reach),
      blank(c.kpis.coverage),
      blank(c.kpis.utilisationVisit),
      c.kpis.under,
      c.kpis.over,
      c.kpis.saturatedTop,
      c.kpis.neglectedAtRisk,
      c.previous === null ? "" : `${c.previous.date} : ${c.previous.decisions}`,
      c.openActions
        .map((a) => [a.action, a.clientId, a.owner, a.dueDate].filter((x) => x !== "").join(" · "))
        .join(" | "),
      c.overdueActions,
    ]);
  return {
    name: REVIEWS_SHEET[lang],
    rows,
    kinds: [
      "text",
      "date",
      "percent",
      "percent",
      "percent",
      "percent",
      "percent",
      "integer",
      "integer",
      "integer",
      "integer",
      "text",
      "text",
      "integer",
    ],
    bands: [
      { column: 3, ...PACE_BAND },
      { column: 6, ...UTILISATION_BAND },
    ],
    chart: null,
  };
}
