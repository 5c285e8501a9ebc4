/**
 * Finds the client a contact row names: by id first (trimmed, case-insensitive), else by company
 * name (normalised, legal forms ignored). A name shared by several clients matches none of them.
 */
import { normaliseCompanyName } from "./text";

export interface ClientRef {
  id: string;
  name: string;
}

export type ClientMatch =
  { kind: "matched"; clientId: string } | { kind: "unknown" } | { kind: "ambiguous"; ids: string[] };

export interface ClientMatcher {
  match(text: string): ClientMatch;
}

export function createClientMatcher(clients: readonly ClientRef[]): ClientMatcher {
  const byId = new Map<string, string>();
  const byName = new Map<string, string[]>();
  for (const client of clients) {
    const key = client.id.trim().toLowerCase();
    if (key !== "" && !byId.has(key)) byId.set(key, client.id);
    const name = normaliseCompanyName(client.name);
    if (name === "") continue;
    const ids = byName.get(name);
    if (ids === undefined) byName.set(name, [client.id]);
    else ids.push(client.id);
  }
  // Logs name the same clients over and over: remember each text's answer.
  const memo = new Map<string, ClientMatch>();
  function lookup(text: string): ClientMatch {
    const id = byId.get(text.trim().toLowerCase());
    if (id !== undefined) return { kind: "matched", clientId: id };
    const ids = byName.get(normaliseCompanyName(text));
    if (ids === undefined) return { kind: "unknown" };
    if (ids.length === 1) return { kind: "matched", clientId: ids[0] };
    return { kind: "ambiguous", ids: [...ids] };
  }
  return {
    match(text: string): ClientMatch {
      let found = memo.get(text);
      if (found === undefined) {
        found = lookup(text);
        memo.set(text, found);
      }
      return found;
    },
  };
}
