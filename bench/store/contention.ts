/**
 * Load generators for the store benchmark's contention figures, run as their own process:
 * `tsx bench/store/contention.ts <json config>`; prints one JSON line.
 * - "pushers": `bigTokens` push 5,000-contact batches in a loop while `probeToken` pushes one row at a
 *   time and /health is polled: the probe's latencies say whether big pushes stall everyone.
 * - "flood": `floodConnections` anonymous GET /me in a loop while `probeToken` pushes one row at a
 *   time: the probe's pushes per second say whether a flood starves signed-in callers.
 */
import { randomUUID } from "node:crypto";

interface Config {
  kind: "pushers" | "flood" | "probe";
  baseUrl: string;
  probeToken: string;
  probeRows: string[];
  bigTokens?: string[];
  bigClients?: string[][];
  bigRows?: number;
  floodConnections?: number;
  seconds: number;
}

const headers = (token: string) => ({ authorization: `Bearer ${token}`, "content-type": "application/json" });

async function onePush(config: Config, n: number): Promise<boolean> {
  const res = await fetch(`${config.baseUrl}/sync/push`, {
    method: "POST",
    headers: headers(config.probeToken),
    body: JSON.stringify({
      mutations: [
        {
          mutationId: randomUUID(),
          table: "clients",
          rowId: config.probeRows[n % config.probeRows.length],
          baseVersion: 1,
          fields: { city: { base: null, value: `v${n}` } },
        },
      ],
    }),
  });
  await res.arrayBuffer();
  return res.ok;
}

function contacts(clients: string[], rows: number): string {
  return JSON.stringify({
    mutations: Array.from({ length: rows }, (_x, i) => ({
      mutationId: randomUUID(),
      table: "contacts",
      rowId: randomUUID(),
      baseVersion: 0,
      fields: {
        clientId: { value: clients[i % clients.length] },
        date: { value: `2026-0${1 + (i % 9)}-1${i % 10}` },
        channel: { value: i % 3 === 0 ? "call" : "visit" },
      },
    })),
  });
}

async function run(config: Config): Promise<void> {
  const deadline = performance.now() + config.seconds * 1000;
  const probe: number[] = [];
  const health: number[] = [];
  let probeErrors = 0;
  let bigPushes = 0;
  let bigErrors = 0;
  let flood = 0;
  const statuses: Partial<Record<string, number>> = {};
  const lanes: Promise<void>[] = [];
  lanes.push(
    (async () => {
      for (let n = 0; performance.now() < deadline; n++) {
        const t0 = performance.now();
        if (!(await onePush(config, n))) probeErrors += 1;
        probe.push(performance.now() - t0);
      }
    })(),
  );
  if (config.kind === "pushers") {
    lanes.push(
      (async () => {
        while (performance.now() < deadline) {
          const t0 = performance.now();
          await (await fetch(`${config.baseUrl}/health`)).arrayBuffer();
          health.push(performance.now() - t0);
          await new Promise((r) => setTimeout(r, 10));
        }
      })(),
    );
    (config.bigTokens ?? []).forEach((token, i) => {
      lanes.push(
        (async () => {
          while (performance.now() < deadline) {
            const body = contacts(config.bigClients?.[i] ?? [], config.bigRows ?? 5000);
            const res = await fetch(`${config.baseUrl}/sync/push`, {
              method: "POST",
              headers: headers(token),
              body,
            });
            await res.arrayBuffer();
            if (res.ok) bigPushes += 1;
            else bigErrors += 1;
          }
        })(),
      );
    });
  }
  if (config.kind === "flood") {
    for (let c = 0; c < (config.floodConnections ?? 40); c++) {
      lanes.push(
        (async () => {
          while (performance.now() < deadline) {
            const res = await fetch(`${config.baseUrl}/me`);
            await res.arrayBuffer();
            flood += 1;
            statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          }
        })(),
      );
    }
  }
  const started = performance.now();
  await Promise.all(lanes);
  const elapsed = (performance.now() - started) / 1000;
  process.stdout.write(
    JSON.stringify({ elapsed, probe, probeErrors, health, bigPushes, bigErrors, flood, statuses }) + "\n",
  );
}

void run(JSON.parse(process.argv[2] ?? "{}") as Config);
