/**
 * Tour plans (domain.md, "Tour plans"): who to see on which working day of the period, in which
 * order. The period is cut into windows of up to four weeks; in each window the fixed appointments
 * are placed first, then the due clients are taken by priority (prospects taking the prospecting
 * share of the slots), cut into compact sectors around the base, one per working day, and each day
 * is ordered as a shortest round trip from the base and back. Deterministic: same input, same tours.
 */
import { dayNumberToIso, isoToDayNumber } from "../calendar";
import { InvalidTourInputError } from "./errors";
import { angleFrom, DEFAULT_ROAD_FACTOR, haversineKm, isLatLon, type LatLon } from "./geo";
import { compareUrgency, dueDay, reasonOf, urgencyOf, type StopReason, type Urgency } from "./priority";
import { buildSectors, type SectorDay } from "./sectors";
import { EXACT_LIMIT, shortestRoundTrip, tourLength, type Matrix } from "./tsp";

export interface TourClient extends LatLon {
  id: string;
  /** Planned field visits a year (the plan's visit channel). */
  plannedVisits: number;
  /** ISO date of the last contact on any channel, null when never contacted. */
  lastContact: string | null;
  prospect: boolean;
  /** An At risk client whose status is Under. */
  atRiskUnder: boolean;
}

export interface Appointment {
  date: string;
  clientId: string;
  /** Row of the Rendez-vous table, for messages. */
  row?: number;
}

export interface TourInput {
  clients: readonly TourClient[];
  base: LatLon;
  /** First day of the period, ISO. */
  start: string;
  weeks: number;
  /** Visits a day at most. */
  perDay: number;
  /** The plan's calendar: public holidays and leave are not working days. */
  isWorkingDay: (iso: string) => boolean;
  /** Share of the slots for prospects when there are any; default 0.2. */
  prospectingShare?: number;
  appointments?: readonly Appointment[];
  /** Road estimate factor; default 1.3. */
  roadFactor?: number;
}

export interface TourStop extends LatLon {
  id: string;
  /** 1-based position in the day. */
  order: number;
  reason: StopReason;
  /** Great-circle km from the previous stop (the base for the first). */
  legKm: number;
}

export interface TourDay {
  date: string;
  stops: TourStop[];
  /** Great-circle km from the last stop back to the base (0 on an empty day). */
  returnKm: number;
  /** Great-circle km of the round trip: Σ legKm + returnKm. */
  km: number;
  /** km × the road factor. */
  roadKm: number;
}

export type UnscheduledReason =
  | { code: "noSlot"; due: StopReason }
  | { code: "appointmentNotWorkingDay"; date: string }
  | { code: "appointmentOutsidePeriod"; date: string }
  | { code: "appointmentUnknownClient"; date: string }
  | { code: "appointmentDayFull"; date: string };

export interface Unscheduled {
  id: string;
  reason: UnscheduledReason;
  row?: number;
}

export interface TourPlan {
  start: string;
  end: string;
  days: TourDay[];
  unscheduled: Unscheduled[];
  /** Σ km of the days. */
  km: number;
  roadFactor: number;
}

/** Windows of this many days are sectorised together. */
const WINDOW_DAYS = 28;
export const DEFAULT_PROSPECTING_SHARE = 0.2;

function check(input: TourInput): void {
  if (!isLatLon(input.base.lat, input.base.lon))
    throw new InvalidTourInputError(
      "base",
      input.base,
      "a latitude and a longitude",
      "une latitude et une longitude",
    );
  isoToDayNumber(input.start, "start");
  if (!(Number.isInteger(input.weeks) && input.weeks >= 1 && input.weeks <= 104))
    throw new InvalidTourInputError(
      "weeks",
      input.weeks,
      "a whole number of weeks, 1 to 104",
      "un nombre entier de semaines, de 1 à 104",
    );
  if (!(Number.isInteger(input.perDay) && input.perDay >= 1 && input.perDay <= 30))
    throw new InvalidTourInputError(
      "perDay",
      input.perDay,
      "a whole number of visits, 1 to 30",
      "un nombre entier de visites, de 1 à 30",
    );
  const share = input.prospectingShare ?? DEFAULT_PROSPECTING_SHARE;
  if (!(share >= 0 && share <= 1))
    throw new InvalidTourInputError("prospectingShare", share, "a share in [0, 1]", "une part dans [0, 1]");
}

interface Who {
  state: State;
  /** The urgency it was picked with; null for an appointment. */
  u: Urgency | null;
}

interface State {
  client: TourClient;
  index: number;
  /** Day number of the next due visit. */
  due: number;
  /** Earliest day a further visit in the period is allowed (−∞ before the first visit). */
  earliest: number;
  /** The urgency as of the period start, kept for the first visit; later visits use "due". */
  visited: boolean;
  lastContactDay: number | null;
}

function matrixOf(points: readonly LatLon[]): Matrix {
  const n = points.length;
  const d = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = haversineKm(points[i], points[j]);
      (d[i] as Float64Array)[j] = v;
      (d[j] as Float64Array)[i] = v;
    }
  }
  return d;
}

export function planTours(input: TourInput): TourPlan {
  check(input);
  const roadFactor = input.roadFactor ?? DEFAULT_ROAD_FACTOR;
  const share = input.prospectingShare ?? DEFAULT_PROSPECTING_SHARE;
  const first = isoToDayNumber(input.start, "start");
  const last = first + input.weeks * 7 - 1;
  const states = new Map<string, State>();
  input.clients.forEach((client, index) => {
    if (states.has(client.id) || !isLatLon(client.lat, client.lon)) return;
    const lastContactDay =
      client.lastContact === null ? null : isoToDayNumber(client.lastContact, `lastContact of ${client.id}`);
    const due =
      client.plannedVisits > 0 ? dueDay(lastContactDay, client.plannedVisits) : Number.POSITIVE_INFINITY;
    states.set(client.id, {
      client,
      index,
      due,
      earliest: Number.NEGATIVE_INFINITY,
      visited: false,
      lastContactDay,
    });
  });
  const unscheduled: Unscheduled[] = [];
  const appointmentsByDay = new Map<number, { state: State; row?: number }[]>();
  for (const a of input.appointments ?? []) {
    const day = isoToDayNumber(a.date, "appointment date");
    const state = states.get(a.clientId);
    const note = (reason: UnscheduledReason): void => {
      unscheduled.push({ id: a.clientId, reason, ...(a.row === undefined ? {} : { row: a.row }) });
    };
    if (state === undefined) note({ code: "appointmentUnknownClient", date: a.date });
    else if (day < first || day > last) note({ code: "appointmentOutsidePeriod", date: a.date });
    else if (!input.isWorkingDay(a.date)) note({ code: "appointmentNotWorkingDay", date: a.date });
    else {
      const list = appointmentsByDay.get(day) ?? [];
      if (list.length >= input.perDay || list.some((x) => x.state === state))
        note({ code: "appointmentDayFull", date: a.date });
      else list.push({ state, ...(a.row === undefined ? {} : { row: a.row }) });
      appointmentsByDay.set(day, list);
    }
  }

  const days: TourDay[] = [];
  for (let ws = first; ws <= last; ws += WINDOW_DAYS) {
    const we = Math.min(last, ws + WINDOW_DAYS - 1);
    days.push(...planWindow(input, share, roadFactor, first, ws, we, states, appointmentsByDay));
  }
  const seen = new Set(unscheduled.map((u) => u.id));
  const left = [...states.values()]
    .filter(
      (s) => !s.visited && s.client.plannedVisits > 0 && Math.floor(s.due) <= last && !seen.has(s.client.id),
    )
    .map((s) => ({ s, u: urgencyOf(s.due, s.client.atRiskUnder, first) }))
    .sort((a, b) => compareUrgency({ ...a.u, id: a.s.client.id }, { ...b.u, id: b.s.client.id }));
  for (const { s, u } of left)
    unscheduled.push({
      id: s.client.id,
      reason: { code: "noSlot", due: reasonOf(u, first, s.client.prospect) },
    });
  const km = days.reduce((sum, d) => sum + d.km, 0);
  return { start: input.start, end: dayNumberToIso(last), days, unscheduled, km, roadFactor };
}

function planWindow(
  input: TourInput,
  share: number,
  roadFactor: number,
  periodStart: number,
  ws: number,
  we: number,
  states: Map<string, State>,
  appointmentsByDay: Map<number, { state: State; row?: number }[]>,
): TourDay[] {
  const dates: number[] = [];
  for (let day = ws; day <= we; day++) if (input.isWorkingDay(dayNumberToIso(day))) dates.push(day);
  if (dates.length === 0) return [];
  // Appointments first, on their day.
  const fixedByDate = dates.map((day) => appointmentsByDay.get(day) ?? []);
  const appointed = new Set<State>();
  for (const list of appointmentsByDay.values()) for (const a of list) appointed.add(a.state);
  const slots = fixedByDate.reduce((n, list) => n + input.perDay - list.length, 0);

  // Candidates: planned clients due by the window's end (or At risk under plan) and allowed a visit by then.
  const candidates: { state: State; u: Urgency }[] = [];
  for (const state of states.values()) {
    if (appointed.has(state) || state.client.plannedVisits <= 0) continue;
    // At risk clients under plan come second whatever their due date; the others when due.
    const wanted = Math.floor(state.due) <= we || (state.client.atRiskUnder && !state.visited);
    if (!wanted || Math.ceil(state.earliest) > we) continue;
    // A further visit in the period is never "overdue": it is due again after the last one.
    const u: Urgency = state.visited
      ? { rank: state.client.atRiskUnder ? 1 : 2, due: state.due }
      : urgencyOf(state.due, state.client.atRiskUnder, periodStart);
    candidates.push({ state, u });
  }
  const byPriority = (a: { state: State; u: Urgency }, b: { state: State; u: Urgency }): number =>
    compareUrgency({ ...a.u, id: a.state.client.id }, { ...b.u, id: b.state.client.id });
  const prospects = candidates.filter((c) => c.state.client.prospect).sort(byPriority);
  const others = candidates.filter((c) => !c.state.client.prospect).sort(byPriority);
  const prospectSlots = Math.min(prospects.length, Math.round(slots * share));
  const takenOthers = others.slice(0, slots - prospectSlots);
  const takenProspects = prospects.slice(0, slots - takenOthers.length);
  const chosen = [...takenOthers, ...takenProspects];

  // Points: base 0, then appointments, then the chosen.
  const points: LatLon[] = [input.base];
  const who: (Who | null)[] = [null];
  const sectorDays: SectorDay[] = fixedByDate.map((list) => {
    const fixed = list.map((a) => {
      points.push(a.state.client);
      who.push({ state: a.state, u: null });
      return points.length - 1;
    });
    return { fixed, capacity: input.perDay - list.length };
  });
  const free = chosen.map((c) => {
    points.push(c.state.client);
    who.push({ state: c.state, u: c.u });
    return points.length - 1;
  });
  const d = matrixOf(points);
  const angles = new Float64Array(points.length);
  for (let i = 1; i < points.length; i++) angles[i] = angleFrom(input.base, points[i]);
  const routes = buildSectors(d, angles, sectorDays, free);

  // Sectors to dates: days with appointments keep theirs; the others go, most urgent first, to the
  // earliest date their stops allow.
  const rankOf = new Map(chosen.map((c, r) => [c.state, r]));
  const urgencyRank = (i: number): number => {
    const w = who[i];
    return w === null ? -1 : (rankOf.get(w.state) ?? -1);
  };
  const assigned: (number[] | null)[] = dates.map((_, k) =>
    (fixedByDate[k]?.length ?? 0) > 0 ? routes[k] : null,
  );
  const loose = routes
    .filter((_, k) => (fixedByDate[k]?.length ?? 0) === 0)
    .filter((r) => r.length > 0)
    .map((r) => ({
      r,
      urgency: Math.min(...r.map(urgencyRank)),
      earliest: Math.max(...r.map((i) => Math.ceil(who[i]?.state.earliest ?? Number.NEGATIVE_INFINITY))),
    }))
    .sort((a, b) => a.urgency - b.urgency);
  dates.forEach((day, k) => {
    if (assigned[k] !== null) return;
    // The most urgent sector the date allows; else the one allowed soonest (its early stops wait).
    let pick = loose.findIndex((x) => x.earliest <= day);
    if (pick < 0 && loose.length > 0)
      pick = loose.reduce(
        (best, x, i) => (x.earliest < (loose[best] as { earliest: number }).earliest ? i : best),
        0,
      );
    const taken = pick >= 0 ? loose.splice(pick, 1)[0] : undefined;
    assigned[k] = taken === undefined ? [] : taken.r;
  });
  // A stop its date does not allow yet (a further visit too soon after the last) moves to the
  // cheapest later day of the window that allows it and has room, else waits for the next window.
  const allowed = (i: number, day: number): boolean => {
    const w = who[i];
    return w !== null && (w.u === null || Math.ceil(w.state.earliest) <= day);
  };
  const routesByDate = dates.map((day, k) => (assigned[k] ?? []).filter((i) => allowed(i, day)));
  const waiting = dates.flatMap((day, k) => (assigned[k] ?? []).filter((i) => !allowed(i, day)));
  for (const i of waiting) {
    let best = -1;
    let bestCost = Infinity;
    dates.forEach((day, k) => {
      const r = routesByDate[k];
      if (r.length >= input.perDay || !allowed(i, day)) return;
      const cost = cheapestInsertion(d, r, i);
      if (cost < bestCost) {
        bestCost = cost;
        best = k;
      }
    });
    if (best >= 0) routesByDate[best].push(i);
  }
  return dates.map((day, k) =>
    dayOf(d, points, who, orderDay(d, routesByDate[k]), day, periodStart, roadFactor),
  );
}

function cheapestInsertion(d: Matrix, route: readonly number[], s: number): number {
  const row = d[s];
  let best = Infinity;
  let prev = 0;
  for (let j = 0; j <= route.length; j++) {
    const next = j < route.length ? route[j] : 0;
    best = Math.min(best, row[prev] + row[next] - d[prev][next]);
    prev = next;
  }
  return best;
}

/** A day's stops as the shortest round trip found (exact up to EXACT_LIMIT stops). */
function orderDay(d: Matrix, route: readonly number[]): number[] {
  if (route.length <= 1) return [...route];
  const sub = [0, ...route];
  const m = sub.map((a) => Float64Array.from(sub.map((b) => d[a][b])));
  const found = shortestRoundTrip(m);
  const current = route.map((_, j) => j + 1);
  const best = route.length > EXACT_LIMIT && tourLength(m, current) < tourLength(m, found) ? current : found;
  return best.map((j) => sub[j]);
}

function dayOf(
  d: Matrix,
  points: readonly LatLon[],
  who: readonly (Who | null)[],
  route: readonly number[],
  day: number,
  periodStart: number,
  roadFactor: number,
): TourDay {
  const stops: TourStop[] = [];
  let prev = 0;
  route.forEach((i, n) => {
    const w = who[i] as Who;
    const p = points[i];
    const prospect = w.state.client.prospect;
    const reason: StopReason =
      w.u === null ? { code: "appointment", prospect } : reasonOf(w.u, periodStart, prospect);
    stops.push({
      id: w.state.client.id,
      lat: p.lat,
      lon: p.lon,
      order: n + 1,
      reason,
      legKm: d[prev][i],
    });
    prev = i;
    w.state.visited = true;
    w.state.earliest = day + 365 / w.state.client.plannedVisits;
    w.state.due = w.state.earliest;
  });
  const returnKm = route.length === 0 ? 0 : d[prev][0];
  const km = stops.reduce((sum, s) => sum + s.legKm, 0) + returnKm;
  return { date: dayNumberToIso(day), stops, returnKm, km, roadKm: km * roadFactor };
}
