/**
 * Load generator for the store benchmark, run as its own process (so it does not share the
 * server's event loop): `tsx bench/store/load.ts <json config>`; prints one JSON line of results.
 */
import { randomUUID } from "node:crypto";

interface LoadConfig {
  baseUrl: string;
  tokens: string[];
  /** Row ids each token may edit (same order as tokens). */
  rows: string[][];
  connections: number;
  seconds: number;
}

async function runLoad(config: LoadConfig): Promise<void> {
  const latencies: number[] = [];
  let errors = 0;
  let requests = 0;
  const deadline = performance.now() + config.seconds * 1000;
  const lane = async (i: number): Promise<void> => {
    const token = config.tokens[i % config.tokens.length];
    const rows = config.rows[i % config.rows.length];
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    let n = 0;
    while (performance.now() < deadline) {
      n += 1;
      const kind = n % 10;
      const t0 = performance.now();
      try {
        let res: Response;
        if (kind < 7) {
          res = await fetch(`${config.baseUrl}/sync/pull?since=999999999`, { headers });
        } else if (kind < 9) {
          const rowId = rows[n % rows.length];
          res = await fetch(`${config.baseUrl}/sync/push`, {
            method: "POST",
            headers,
            body: JSON.stringify({
              mutations: [
                {
                  mutationId: randomUUID(),
                  table: "clients",
                  rowId,
                  baseVersion: 1,
                  fields: { city: { base: null, value: `v${n}` } },
                },
              ],
            }),
          });
        } else {
          res = await fetch(`${config.baseUrl}/me`, { headers });
        }
        await res.arrayBuffer();
        if (!res.ok) errors += 1;
      } catch {
        errors += 1;
      }
      requests += 1;
      latencies.push(performance.now() - t0);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: config.connections }, (_x, i) => lane(i)));
  const elapsed = (performance.now() - started) / 1000;
  // Its own CPU too: on a shared 2-core machine the generator competes with the server.
  const cpu = process.cpuUsage();
  const cpuMs = (cpu.user + cpu.system) / 1000;
  process.stdout.write(JSON.stringify({ requests, errors, elapsed, latencies, cpuMs }) + "\n");
}

void runLoad(JSON.parse(process.argv[2] ?? "{}") as LoadConfig);
