/**
 * The managers' calls to the store: the team / N+1 view, what the steering reviews start from, and a
 * review recorded with its actions (pushed as rows of the synced tables `reviews` and `actions`, so
 * they reach the rep's workbook at the rep's next sync). Row and mutation ids are the caller's: a
 * review re-sent after a lost answer is a replay, never a second review.
 */
import type { JsonValue, MutationResult, PushResponse, SteeringView, TeamView } from "../contract";

export type { SteeringView, TeamView };

/** An authenticated call to the store as the signed-in person. */
export type StoreRequest = <T>(method: "GET" | "POST", path: string, body?: unknown) => Promise<T>;

export function fetchTeamView(
  request: StoreRequest,
  managerId: string,
  year: number,
  asOf: string,
): Promise<TeamView> {
  const query = new URLSearchParams({ year: String(year), asOf });
  return request<TeamView>("GET", `/teams/${encodeURIComponent(managerId)}/view?${query.toString()}`);
}

export function fetchSteering(request: StoreRequest, managerId: string, asOf: string): Promise<SteeringView> {
  const query = new URLSearchParams({ asOf });
  return request<SteeringView>("GET", `/teams/${encodeURIComponent(managerId)}/steering?${query.toString()}`);
}

export interface ReviewAction {
  /** Row id of the action and of its mutation (UUIDs made once by the caller). */
  id: string;
  mutationId: string;
  clientId: string;
  action: string;
  owner: string;
  /** ISO yyyy-mm-dd. */
  dueDate: string;
}

export interface ReviewRecord {
  /** Row id of the review and of its mutation (UUIDs made once by the caller). */
  id: string;
  mutationId: string;
  repId: string;
  /** ISO yyyy-mm-dd. */
  date: string;
  /** The KPI snapshot frozen at the review. */
  kpis: JsonValue;
  decisions: string;
  actions: readonly ReviewAction[];
}

/** A review or action the store did not apply (no rights over the rep, invalid value). */
export class ReviewRefusedError extends Error {
  constructor(readonly results: readonly MutationResult[]) {
    super(
      `The store refused the review: ${results.map((r) => `${r.table}/${r.rowId} ${r.status} ${r.reason ?? ""}`).join("; ")}`,
    );
    this.name = "ReviewRefusedError";
  }
}

const field = (value: JsonValue) => ({ base: null, value });

/** Pushes the review and its actions in one request (one transaction in the store). */
export async function recordReview(request: StoreRequest, record: ReviewRecord): Promise<void> {
  const mutations = [
    {
      mutationId: record.mutationId,
      table: "reviews",
      rowId: record.id,
      baseVersion: 0,
      fields: {
        repId: field(record.repId),
        date: field(record.date),
        kpis: field(record.kpis),
        decisions: field(record.decisions),
      },
    },
    ...record.actions.map((a) => ({
      mutationId: a.mutationId,
      table: "actions",
      rowId: a.id,
      baseVersion: 0,
      fields: {
        repId: field(record.repId),
        clientId: field(a.clientId),
        action: field(a.action),
        owner: field(a.owner),
        dueDate: field(a.dueDate),
        status: field("open"),
      },
    })),
  ];
  const response = await request<PushResponse>("POST", "/sync/push", {
    mutations,
    clientApp: "cadence-addin",
  });
  const refused = response.results.filter((r) => r.status !== "applied" && r.status !== "unchanged");
  if (refused.length > 0) throw new ReviewRefusedError(refused);
}
