/**
 * `cadence tours <plan> --contacts <export> --from YYYY-MM-DD --weeks N --base <postal code>`: the
 * tour plan of the period (domain.md, "Tour plans"), printed, as JSON, or written as a Tours sheet
 * beside the plan with --out. The figures are the core's (core/tours); this file reads and writes.
 */
import type { Command } from "commander";
import * as calendar from "../../core/calendar";
import * as capacity from "../../core/capacity";
import * as parse from "../../core/parse";
import * as tours from "../../core/tours";
import { franceIndex } from "../../core/tours/franceIndex";
import { CliError } from "../errors";
import { readGrid } from "../files/readGrid";
import { writeTables } from "../files/writeTable";
import { intOption } from "../options";
import { trackPlanFile } from "./track";

export interface ToursCommandOptions {
  contacts: string;
  from: string;
  weeks: number;
  base: string;
  perDay: number;
  appointments?: string;
  leave?: string;
  country?: string;
  region?: string;
  json?: boolean;
  out?: string;
  lang: string;
}

function isoOption(name: string, value: string): string {
  try {
    calendar.parseIsoDate(value, name);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error(value);
    return value;
  } catch {
    throw new CliError(`${name} must be a date YYYY-MM-DD, not '${value}'`);
  }
}

/** "2027-08-02:2027-08-20,2027-11-02" (or French dates) → every day of those ranges: the core's reader. */
function leaveDays(text: string | undefined): string[] {
  if (text === undefined || text.trim() === "") return [];
  try {
    return capacity.parseDatedPeriods(text, "--leave").flatMap((p) => calendar.eachDay(p.start, p.end));
  } catch (error: unknown) {
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
}

export async function runTours(file: string, o: ToursCommandOptions): Promise<void> {
  if (o.lang !== "fr" && o.lang !== "en") throw new CliError(`--lang must be fr or en, not '${o.lang}'`);
  const lang = o.lang;
  const from = isoOption("--from", o.from);
  if (o.weeks < 1 || o.weeks > 104) throw new CliError(`--weeks must be 1 to 104, not ${o.weeks}`);
  if (o.perDay < 1 || o.perDay > 30) throw new CliError(`--per-day must be 1 to 30, not ${o.perDay}`);
  const extraDaysOff = leaveDays(o.leave);
  const dayBefore = calendar.dayNumberToIso(calendar.isoToDayNumber(from) - 1);
  // Last contacts and statuses as the period begins: the core's tracking, as `cadence track` computes it.
  const run = await trackPlanFile(file, o.contacts, {
    asOf: dayBefore,
    country: o.country,
    region: o.region,
  });
  const index = franceIndex();
  const base = tours.placeBase(index, o.base);
  if (base === null)
    throw new CliError(`--base: '${o.base}' is not a known French postal code (nor "latitude, longitude")`);

  const grid = run.plan.grid;
  const portfolio = parse.parsePortfolio(grid, { firstRow: run.plan.headerRow });
  const coords = tours.coordinateColumns(grid[0] ?? []);
  const geoInputs: tours.GeocodeInput[] = portfolio.clients.map((c) => {
    const cells = grid[c.row - run.plan.headerRow] ?? [];
    const lat = coords === null ? null : tours.coordinateOf(cells[coords.lat]);
    const lon = coords === null ? null : tours.coordinateOf(cells[coords.lon]);
    return { id: c.id, row: c.row, postalCode: c.postalCode, city: c.city, lat, lon };
  });
  const geo = tours.geocodeClients(index, geoInputs);

  let appointments: tours.Appointment[] = [];
  if (o.appointments !== undefined) {
    const read = await readGrid(o.appointments);
    const parsed = tours.parseAppointments(read.grid, run.plan.refs, read.headerRow);
    if (parsed.issues.length > 0)
      throw new CliError(
        `${read.origin}: ${parsed.issues.length} problem(s):\n${parsed.issues
          .slice(0, 20)
          .map((i) => `  row ${i.row}, column '${i.column}': ${i.message}`)
          .join("\n")}`,
      );
    appointments = parsed.appointments;
  }

  const s = run.plan.settings;
  const share =
    s.capacity?.visit !== undefined && s.capacity.visit > 0 && s.prospectingVisits !== undefined
      ? s.prospectingVisits / s.capacity.visit
      : tours.DEFAULT_PROSPECTING_SHARE;
  const cal = calendar.createWorkCalendar({
    country: o.country ?? s.country ?? "FR",
    region: o.region ?? s.region ?? null,
    // --leave, and the dated leave and RTT the plan recorded (the core's tracking frame skips them too).
    extraDaysOff: [...extraDaysOff, ...run.tracking.frame.capacity.datedDaysOff],
  });
  const result = tours.planTours({
    clients: tours.tourClientsOf(run.result.clients, geo.placed),
    base,
    start: from,
    weeks: o.weeks,
    perDay: o.perDay,
    isWorkingDay: (iso) => cal.isWorkingDay(iso),
    prospectingShare: share,
    appointments,
  });

  const info = new Map(
    portfolio.clients.map((c) => [c.id, { name: c.name, city: c.city, postalCode: c.postalCode }]),
  );
  if (o.out !== undefined) {
    await writeTables(o.out, [
      {
        sheet: lang === "fr" ? "Tournées" : "Tours",
        table: "Tours",
        rows: tours.tourSheetRows(result, info, lang),
      },
      { sheet: "Plan", table: "Plan", rows: grid },
    ]);
  }
  if (o.json === true) {
    const json = {
      days: result.days.map((d) => ({
        date: d.date,
        stops: d.stops.map((x) => ({
          id: x.id,
          lat: x.lat,
          lon: x.lon,
          reason: tours.reasonText(x.reason, lang),
        })),
        km: d.km,
      })),
      unscheduled: result.unscheduled.map((u) => ({ id: u.id, reason: unscheduledText(u.reason, lang) })),
      notGeocoded: geo.notGeocoded.map((n) => ({ id: n.id, row: n.row, postalCode: n.postalCode })),
    };
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return;
  }
  const visits = result.days.reduce((n, d) => n + d.stops.length, 0);
  const lines = [
    `${run.plan.origin}: tours from ${result.start} to ${result.end}, base ${o.base}, ${o.perDay} visits a day at most`,
    `  ${result.days.length} working days, ${visits} visits, ${result.km.toFixed(1)} km great-circle (road estimate ${(result.km * result.roadFactor).toFixed(0)} km)`,
    ...result.days
      .filter((d) => d.stops.length > 0)
      .map((d) => `  ${d.date}: ${d.stops.map((x) => x.id).join(" → ")} (${d.km.toFixed(1)} km)`),
    ...(result.unscheduled.length > 0
      ? [
          `  not placed (${result.unscheduled.length}): ${result.unscheduled
            .slice(0, 20)
            .map((u) => u.id)
            .join(", ")}`,
        ]
      : []),
    ...(geo.notGeocoded.length > 0
      ? [
          `  not geocoded (${geo.notGeocoded.length}): ${geo.notGeocoded
            .slice(0, 20)
            .map((n) => `row ${n.row} (${n.id}, postal code '${n.postalCode}')`)
            .join(", ")}`,
        ]
      : []),
    o.out === undefined ? "" : `  Tours sheet written to ${o.out}`,
  ].filter((l) => l !== "");
  process.stdout.write(`${lines.join("\n")}\n`);
}

function unscheduledText(r: tours.UnscheduledReason, lang: "fr" | "en"): string {
  const fr = lang === "fr";
  switch (r.code) {
    case "noSlot":
      return fr
        ? `pas de place dans la période (${tours.reasonText(r.due, lang)})`
        : `no slot left in the period (${tours.reasonText(r.due, lang)})`;
    case "appointmentNotWorkingDay":
      return fr
        ? `rendez-vous le ${r.date}, jour non travaillé`
        : `appointment on ${r.date}, not a working day`;
    case "appointmentOutsidePeriod":
      return fr
        ? `rendez-vous le ${r.date}, hors de la période`
        : `appointment on ${r.date}, outside the period`;
    case "appointmentUnknownClient":
      return fr
        ? `rendez-vous le ${r.date} : client inconnu ou non géolocalisé`
        : `appointment on ${r.date}: client unknown or not geocoded`;
    case "appointmentDayFull":
      return fr
        ? `rendez-vous le ${r.date} : la journée est pleine`
        : `appointment on ${r.date}: the day is full`;
  }
}

export function register(program: Command): void {
  program
    .command("tours")
    .description("plan the tours of a period: who to visit on which working day, in which order")
    .argument("<plan>", "plan file written by 'cadence plan' (.xlsx or .csv)")
    .requiredOption("--contacts <file>", "contacts export (.csv or .xlsx): date, client, channel")
    .requiredOption("--from <date>", "first day of the period, YYYY-MM-DD")
    .requiredOption("--weeks <n>", "length of the period in weeks", intOption("--weeks"))
    .requiredOption("--base <postal code>", "the rep's base: a postal code, or 'latitude, longitude'")
    .option("--per-day <n>", "visits a day at most", intOption("--per-day"), 4)
    .option("--appointments <file>", "fixed appointments (Rendez-vous): date, client")
    .option("--leave <dates>", "days of leave: YYYY-MM-DD or YYYY-MM-DD:YYYY-MM-DD, comma-separated")
    .option("--country <code>", "country of the public holidays (default: the plan's)")
    .option("--region <code>", "region of the public holidays (default: the plan's)")
    .option("--out <file>", "write the Tours sheet (and the plan) to an .xlsx, or the Tours table to a .csv")
    .option(
      "--json",
      "print { days: [{ date, stops: [{ id, lat, lon, reason }], km }], unscheduled, notGeocoded }",
    )
    .option("--lang <lang>", "fr or en", "en")
    .action(async (file: string, options: ToursCommandOptions) => {
      await runTours(file, options);
    });
}
