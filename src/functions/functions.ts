/**
 * Cadence custom functions (=CADENCE.*): thin wrappers that hand Excel's arguments to the readers
 * and computations of the other files here, and map every failure to an Excel error. JSDoc tags
 * generate functions.json (custom-functions-metadata-plugin); French names and help live in
 * functions.fr.json. Whole-column functions take an optional "which" (a row's id, with the ids
 * column) so that, inside a table, they return that row's value of the same memoised computation.
 */
import * as measures from "../core/segment/measures";
import * as allocation from "./allocate";
import * as args from "./args";
import * as concentrationFns from "./concentration";
import * as distanceFns from "./distance";
import { guarded, toExcelError } from "./excelErrors";
import { withHolidays } from "./holidays";
import * as planning from "./planning";
import * as progress from "./progress";
import * as remainingFns from "./remaining";
import * as responseCurve from "./response";
import * as segmentation from "./segmentation";

/** Applies a ratio cell by cell over two same-sized ranges (blank where it is undefined). */
function ratio(
  x: any[][],
  y: any[][],
  names: [string, string],
  fn: (a: number | null, b: number | null) => number | null,
): (number | string)[][] {
  const a = args.numbers(x, names[0]);
  const b = args.numbers(y, names[1]);
  args.sameSize([a.length, b.length], names);
  const shape = args.cells(x);
  return args.reshape(
    a.map((v, i) => fn(v, b[i] ?? null) ?? ""),
    shape.rows,
    shape.columns,
  );
}

/**
 * Share of wallet: current-year sales divided by the client's potential (blank when there is no potential).
 * @customfunction SHARE
 * @param salesN Current-year sales (CA N): one cell or a column.
 * @param potential The client's yearly potential: same size as salesN.
 * @returns The share of wallet, between 0 and 1 for a client below its potential.
 */
export function share(salesN: any[][], potential: any[][]): any[][] {
  return guarded(() => ratio(salesN, potential, ["salesN", "potential"], measures.shareOfWallet));
}

/**
 * Sales trend: current-year sales over previous-year sales, minus 1 (blank without previous-year sales).
 * @customfunction TREND
 * @param salesN Current-year sales (CA N): one cell or a column.
 * @param salesN1 Previous-year sales (CA N-1): same size as salesN.
 * @returns The trend, e.g. -0.15 for a 15 % drop.
 */
export function trend(salesN: any[][], salesN1: any[][]): any[][] {
  return guarded(() => ratio(salesN, salesN1, ["salesN", "salesN1"], measures.trend));
}

/**
 * ABC (Pareto) class of each client on a measure: A for the clients that make the first 80 % of the total, B up to 95 %, C after.
 * @customfunction ABC
 * @param measure The whole column of the measure (e.g. sales N) of every client.
 * @param [which] Inside a table: this row's id (with ids), or this row's measure; leave blank to spill one class per client.
 * @param [ids] The whole column of client ids; breaks ties and lets which name a row.
 * @param [a] Share of the total held by class A (default 0.8).
 * @param [b] Share of the total held by classes A and B (default 0.95).
 * @param invocation Where Excel read the ranges from: a table's rows then share one classification.
 * @returns A, B or C per client.
 * @requiresParameterAddresses
 */
export function abc(
  measure: any[][],
  which?: any,
  ids?: any[][],
  a?: any,
  b?: any,
  invocation?: CustomFunctions.Invocation,
): any[][] {
  return guarded(() => segmentation.abcOf(measure, which, ids, a, b, invocation));
}

/**
 * Strategic segment of each client: Prospect, At risk, Retain, Develop or Maintain (computed over the whole portfolio).
 * @customfunction SEGMENT
 * @param salesN The whole column of current-year sales (CA N).
 * @param salesN1 The whole column of previous-year sales (CA N-1).
 * @param potential The whole column of yearly potentials (blank when unknown).
 * @param [which] Inside a table: this row's id (with ids) or row number; leave blank to spill one segment per client.
 * @param [ids] The whole column of client ids.
 * @param [language] "en" (default) for English labels, "fr" for French labels, "id" for segment ids.
 * @param invocation Where Excel read the ranges from: a table's rows then share one segmentation.
 * @returns The segment of each client.
 * @requiresParameterAddresses
 */
export function segment(
  salesN: any[][],
  salesN1: any[][],
  potential: any[][],
  which?: any,
  ids?: any[][],
  language?: string,
  invocation?: CustomFunctions.Invocation,
): any[][] {
  return guarded(() => segmentation.segmentOf(salesN, salesN1, potential, which, ids, language, invocation));
}

/**
 * Visit norm of a segment: contacts per year on a channel (or weighted visit-equivalents).
 * @customfunction NORM
 * @param segment A segment name (Retain, Fidéliser, atRisk…): one cell or a column.
 * @param [channel] Channel: visit (default), video, call, digital, or "weighted" for visit-equivalents.
 * @param [norms] Your norm table: a header row of channels, then one row per segment; default norms otherwise.
 * @returns Contacts per year.
 */
export function norm(segment: any[][], channel?: string, norms?: any[][]): any[][] {
  return guarded(() => planning.normOf(segment, channel, norms));
}

/**
 * Weighted intensity in visit-equivalents: contacts per channel times each channel's weight (visit 1, video 0.5, call 0.25, digital 0.1).
 * @customfunction WEIGHTED
 * @param channels The channel of each counts column (names such as Visite, Appel); a second row may give your own weights.
 * @param counts Contact counts, one column per channel: one block or one range per channel.
 * @returns Visit-equivalents per row.
 */
export function weighted(channels: any[][], counts: any[][][]): any[][] {
  // Excel passes a repeating parameter as one array holding each range given: any[][][], not a rest parameter.
  return guarded(() => planning.weightedOf(channels, counts));
}

/**
 * Working days between two dates, both included: weekdays minus public holidays of the country (and region).
 * @customfunction WORKDAYS
 * @param start First day: a date, one cell or a column.
 * @param end Last day: a date, one cell or a column.
 * @param [country] Country code (default FR).
 * @param [region] Region code, e.g. 67 or alsace-moselle.
 * @param [daysOff] Further days off (company bridge days): a range of dates.
 * @returns Working days.
 */
export async function workdays(
  start: any[][],
  end: any[][],
  country?: string,
  region?: string,
  daysOff?: any[][],
): Promise<any[][]> {
  return withHolidays(() => planning.workdaysOf(start, end, country, region, daysOff));
}

/**
 * Capacity (capital de visites): contacts you can make in the period on a channel; for visits, net of the prospecting reserve. Visits take the field days, video, calls and digital the remote days (remoteShare), never the same day twice.
 * @customfunction CAPACITY
 * @param start First day of the period.
 * @param end Last day of the period.
 * @param contactsPerDay Contacts you make on a day spent on this channel (e.g. 4 visits a field day, 12 calls a remote day).
 * @param [leaveDays] Working days of leave in the period.
 * @param [nonFieldDays] Working days out of the field (admin, training, meetings).
 * @param [channel] Channel: visit (default), video, call or digital.
 * @param [prospectingShare] Share of visits kept for prospects (default 0.2).
 * @param [country] Country code (default FR).
 * @param [region] Region code, e.g. 67 or alsace-moselle.
 * @param [explain] "en" or "fr" to spill the calculation line by line instead of the number.
 * @param [remoteShare] Share of the available days at the desk for video, calls and digital (default 0; 0.2 is one day a week).
 * @returns Contacts for the period.
 */
export async function capacity(
  start: any,
  end: any,
  contactsPerDay: any,
  leaveDays?: any,
  nonFieldDays?: any,
  channel?: string,
  prospectingShare?: any,
  country?: string,
  region?: string,
  explain?: string,
  remoteShare?: any,
): Promise<any[][]> {
  return withHolidays(() =>
    planning.capacityOf(
      planning.capacityArgs(
        start,
        end,
        contactsPerDay,
        leaveDays,
        nonFieldDays,
        channel,
        prospectingShare,
        country,
        region,
        explain,
        remoteShare,
      ),
    ),
  );
}

/**
 * Allocation: shares your capacity among clients by the norms of their segments (scaled down when they exceed it) or by the most sales response; whole contacts per client.
 * @customfunction ALLOCATE
 * @param segments The whole column of client segments.
 * @param capacity Contacts to share (e.g. the result of CADENCE.CAPACITY).
 * @param [which] Inside a table: this row's id (with ids) or row number; leave blank to spill one number per client.
 * @param [ids] The whole column of client ids (ties are broken by id).
 * @param [potential] The whole column of potentials (used by the "fill" and "optimized" methods).
 * @param [min] The whole column of minimum contacts per client.
 * @param [max] The whole column of maximum contacts per client.
 * @param [method] "norms" (default), "fill" to give spare capacity in proportion to potential, or "optimized" for the most sales response (CALLPLAN).
 * @param [channel] Channel allocated: visit (default), video, call or digital.
 * @param [norms] Your norm table: a header row of channels, then one row per segment.
 * @param [salesN] The whole column of current-year sales: the value of clients without a potential ("optimized").
 * @param invocation Where Excel read the ranges from: a table's rows then share one allocation.
 * @returns Contacts per client.
 * @requiresParameterAddresses
 */
export function allocate(
  segments: any[][],
  capacity: any,
  which?: any,
  ids?: any[][],
  potential?: any[][],
  min?: any[][],
  max?: any[][],
  method?: string,
  channel?: string,
  norms?: any[][],
  salesN?: any[][],
  invocation?: CustomFunctions.Invocation,
): any[][] {
  return guarded(() =>
    allocation.allocateOf(
      allocation.allocateArgs(
        segments,
        capacity,
        which,
        ids,
        potential,
        min,
        max,
        method,
        channel,
        norms,
        salesN,
        invocation,
      ),
    ),
  );
}

/**
 * Sales response to an effort (ADBUDG): 1 at the reference effort (flat at 1 without one), lower with fewer contacts, up to the saturation with more.
 * @customfunction RESPONSE
 * @param effort Contacts planned: one cell or a column.
 * @param reference The reference effort (the norm): one cell, or a column of the same size.
 * @param [noContact] Share of sales kept with no contact (default 0.6).
 * @param [saturation] Response with unlimited contacts (default 1.2).
 * @param [shape] Curve shape: 1 or less for diminishing returns, more for an S curve (default 0.8).
 * @param [segment] A segment whose default curve applies to the parameters left blank (e.g. Prospect).
 * @returns The response (1 = the sales at the reference effort).
 */
export function response(
  effort: any[][],
  reference: any[][],
  noContact?: any,
  saturation?: any,
  shape?: any,
  segment?: string,
): any[][] {
  return guarded(() => responseCurve.responseOf(effort, reference, noContact, saturation, shape, segment));
}

/**
 * Pace: contacts made divided by the contacts planned to date (planned × share of the period's working days elapsed).
 * @customfunction PACE
 * @param actual Contacts made so far: one cell or a column.
 * @param planned Contacts planned for the period: same size as actual.
 * @param asOf The date to measure at (e.g. TODAY()).
 * @param [start] First day of the period (default 1 January of the asOf year).
 * @param [end] Last day of the period (default 31 December of the start year).
 * @param [country] Country code (default FR).
 * @param [region] Region code, e.g. 67 or alsace-moselle.
 * @param [daysOff] Days not worked: dates, or dated leave as the Settings sheet holds it (2026-08-03:2026-08-21, …); the elapsed share skips them.
 * @returns The pace: 1 on plan, 0.5 at half the expected contacts (blank without a plan).
 */
export async function pace(
  actual: any[][],
  planned: any[][],
  asOf: any,
  start?: any,
  end?: any,
  country?: string,
  region?: string,
  daysOff?: any[][],
): Promise<any[][]> {
  return withHolidays(() =>
    progress.paceOf(actual, planned, progress.period(asOf, start, end, country, region, daysOff)),
  );
}

/**
 * Status against the plan: with margin = max(tolerance × planned to date, 1), Under below planned to date − margin, Over above planned to date + margin, otherwise On track.
 * @customfunction STATUS
 * @param actual Contacts made so far: one cell or a column.
 * @param planned Contacts planned for the period: same size as actual.
 * @param asOf The date to measure at (e.g. TODAY()).
 * @param [tolerance] Tolerance around the plan (default 0.2 for 20 %).
 * @param [language] "en" (default) or "fr" for the labels.
 * @param [start] First day of the period (default 1 January of the asOf year).
 * @param [end] Last day of the period (default 31 December of the start year).
 * @param [country] Country code (default FR).
 * @param [region] Region code, e.g. 67 or alsace-moselle.
 * @param [daysOff] Days not worked: dates, or dated leave as the Settings sheet holds it (2026-08-03:2026-08-21, …); the elapsed share skips them.
 * @returns Under, On track, Over or No plan.
 */
export async function status(
  actual: any[][],
  planned: any[][],
  asOf: any,
  tolerance?: any,
  language?: string,
  start?: any,
  end?: any,
  country?: string,
  region?: string,
  daysOff?: any[][],
): Promise<any[][]> {
  return withHolidays(() =>
    progress.statusOf(
      actual,
      planned,
      tolerance,
      language,
      progress.period(asOf, start, end, country, region, daysOff),
    ),
  );
}

/**
 * Reach: share of the clients with a plan that have had at least one contact.
 * @customfunction REACH
 * @param actual The whole column of contacts made per client.
 * @param planned The whole column of contacts planned per client.
 * @returns The reach, between 0 and 1.
 */
export function reach(actual: any[][], planned: any[][]): any {
  return guarded(() => progress.reachOf(actual, planned));
}

/**
 * Coverage: share of the clients with a plan whose status is not Under.
 * @customfunction COVERAGE
 * @param actual The whole column of contacts made per client.
 * @param planned The whole column of contacts planned per client.
 * @param asOf The date to measure at (e.g. TODAY()).
 * @param [tolerance] Tolerance around the plan (default 0.2 for 20 %).
 * @param [start] First day of the period (default 1 January of the asOf year).
 * @param [end] Last day of the period (default 31 December of the start year).
 * @param [country] Country code (default FR).
 * @param [region] Region code, e.g. 67 or alsace-moselle.
 * @returns The coverage, between 0 and 1.
 */
export function coverage(
  actual: any[][],
  planned: any[][],
  asOf: any,
  tolerance?: any,
  start?: any,
  end?: any,
  country?: string,
  region?: string,
): any {
  return guarded(() =>
    progress.coverageOf(actual, planned, tolerance, progress.period(asOf, start, end, country, region)),
  );
}

/**
 * Effort concentration: share of contacts the top 20 % of clients by sales get, divided by their share of potential (above 1: the top is over-served).
 * @customfunction CONCENTRATION
 * @param salesN The whole column of current-year sales.
 * @param potential The whole column of potentials.
 * @param effort The whole column of weighted contacts per client.
 * @param [measure] "ratio" (default), "gini" for the Gini index of contacts against potential, "effort" or "potential" for the top's shares.
 * @returns The measure asked for.
 */
export function concentration(salesN: any[][], potential: any[][], effort: any[][], measure?: string): any {
  return guarded(() => concentrationFns.concentrationOf(salesN, potential, effort, measure));
}

/**
 * Overdue: TRUE when the days since the last contact exceed 365 / planned visits per year.
 * @customfunction OVERDUE
 * @param lastContact Date of the last contact (blank if never): one cell or a column.
 * @param plannedVisits Visits planned per year: same size as lastContact.
 * @param asOf The date to measure at (e.g. TODAY()).
 * @returns TRUE when the client is overdue.
 */
export function overdue(lastContact: any[][], plannedVisits: any[][], asOf: any): any[][] {
  return guarded(() => progress.overdueOf(lastContact, plannedVisits, asOf));
}

/**
 * Catch-up: contacts still to make per remaining working day to finish the plan.
 * @customfunction CATCHUP
 * @param planned Contacts planned for the period: one cell or a column.
 * @param actual Contacts made so far: same size as planned.
 * @param asOf The date to measure at (e.g. TODAY()).
 * @param [end] Last day of the period (default 31 December of the asOf year).
 * @param [country] Country code (default FR).
 * @param [region] Region code, e.g. 67 or alsace-moselle.
 * @param [daysOff] Days not worked: dates, or dated leave as the Settings sheet holds it (2026-08-03:2026-08-21, …); the elapsed share skips them.
 * @returns Contacts per working day.
 */
export async function catchup(
  planned: any[][],
  actual: any[][],
  asOf: any,
  end?: any,
  country?: string,
  region?: string,
  daysOff?: any[][],
): Promise<any[][]> {
  return withHolidays(() =>
    progress.catchUpOf(planned, actual, progress.period(asOf, undefined, end, country, region, daysOff)),
  );
}

/**
 * Remaining contacts: what is left of a client's plan as of a date, re-planned in the capacity left when the remaining contacts exceed it.
 * @customfunction REMAINING
 * @param planned Contacts planned for the period (the baseline): one cell, or the whole column when a capacity is given.
 * @param actual Contacts made so far: same size as planned.
 * @param asOf The date to measure at (e.g. TODAY()).
 * @param [capacity] The channel's capacity for the period (e.g. the visits of CADENCE.CAPACITY): what is left of it, capacity × (1 − elapsed share) rounded down, is shared by largest remainder when the remaining contacts exceed it. Blank: planned − actual, never below 0.
 * @param [which] Inside a table: this row's id (with ids) or row number; leave blank to spill one number per client.
 * @param [ids] The whole column of client ids (ties are broken by id).
 * @param [end] Last day of the period (default 31 December of the asOf year).
 * @param [country] Country code (default FR).
 * @param [region] Region code, e.g. 67 or alsace-moselle.
 * @param [daysOff] Days not worked: dates, or dated leave as the Settings sheet holds it (2026-08-03:2026-08-21, …); the elapsed share skips them.
 * @returns Contacts still to make per client.
 */
export async function remaining(
  planned: any[][],
  actual: any[][],
  asOf: any,
  capacity?: any,
  which?: any,
  ids?: any[][],
  end?: any,
  country?: string,
  region?: string,
  daysOff?: any[][],
): Promise<any[][]> {
  return withHolidays(() =>
    remainingFns.remainingOf(
      planned,
      actual,
      capacity,
      which,
      ids,
      progress.period(asOf, undefined, end, country, region, daysOff),
    ),
  );
}

/**
 * Distance as the crow flies (great-circle km) between two postal codes, or "latitude, longitude" places.
 * @customfunction DISTANCE
 * @param postalCode1 A French postal code (e.g. 44000, or "44000 Nantes" to pick the commune): one cell or a column.
 * @param postalCode2 The other postal code: one cell, or a column of the same size as postalCode1.
 * @returns Great-circle kilometres (haversine, mean Earth radius 6,371.0088 km).
 */
export async function distance(postalCode1: any[][], postalCode2: any[][]): Promise<any[][]> {
  try {
    return await distanceFns.distanceOf(postalCode1, postalCode2);
  } catch (error: unknown) {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- Excel shows a thrown CustomFunctions.Error, which is not an Error subclass
    throw toExcelError(error);
  }
}
