/**
 * The one access chokepoint: every read and write of the API asks `can`. A rep reads and writes
 * their own plans; a manager or director reads their subtree and writes only notes, targets,
 * reviews and action plans of the people below; admin manages people.
 */
import { SYNC_TABLES, type Role, type SyncTableName } from "../contract";

export interface Actor {
  id: string;
  name: string;
  role: Role;
  /** Everyone below the actor in the hierarchy (not the actor). */
  below: ReadonlySet<string>;
}

export type Resource =
  | { kind: "row"; table: SyncTableName; repId: string }
  | { kind: "team"; managerId: string }
  | { kind: "people" }
  | { kind: "person"; id: string };

export type Action = "read" | "write";

const isManager = (actor: Actor): boolean => actor.role === "manager" || actor.role === "director";

export function can(actor: Actor, action: Action, resource: Resource): boolean {
  switch (resource.kind) {
    case "row":
      return canRow(actor, action, resource.table, resource.repId);
    case "team":
      return isManager(actor) && (resource.managerId === actor.id || actor.below.has(resource.managerId));
    case "people":
      return action === "read" || actor.role === "admin";
    case "person":
      if (actor.role === "admin") return true;
      return action === "read" && (resource.id === actor.id || actor.below.has(resource.id));
  }
}

function canRow(actor: Actor, action: Action, table: SyncTableName, repId: string): boolean {
  if (actor.role === "admin") return false;
  const own = repId === actor.id;
  const below = isManager(actor) && actor.below.has(repId);
  if (action === "read") return own || below;
  if (SYNC_TABLES[table].family === "plan") return own;
  // Steering data about a rep is written by their managers; a rep updates their own action plans.
  return below || (own && table === "actions");
}

/** Rep ids whose rows the actor may read. */
export function readableRepIds(actor: Actor): string[] {
  if (actor.role === "admin") return [];
  return isManager(actor) ? [actor.id, ...actor.below] : [actor.id];
}
