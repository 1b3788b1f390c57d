/**
 * A small HTTP load generator: keep-alive sockets, N concurrent workers, a fixed duration after
 * a warm-up; reports throughput and latency percentiles. Requests run sequentially per worker,
 * so concurrency is exactly N requests in flight.
 */
import http from 'node:http';

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/** One GET on a keep-alive agent; resolves with the status once the body is read. */
export function get(agent: http.Agent, url: URL, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ agent, host: url.hostname, port: url.port, path: url.pathname + url.search, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

export async function load(
  url: URL,
  opts: { headers?: Record<string, string>; concurrency: number; seconds: number; warmupSeconds: number },
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const headers = { accept: 'application/json', ...opts.headers };
  const run = async (seconds: number, record: boolean) => {
    const latencies: number[] = [];
    let errors = 0;
    const started = performance.now();
    const deadline = started + seconds * 1000;
    const worker = async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        const res = await get(agent, url, headers);
        const ms = performance.now() - t0;
        if (res.status !== 200) errors++;
        if (record) latencies.push(ms);
      }
    };
    await Promise.all(Array.from({ length: opts.concurrency }, worker));
    return { latencies, errors, elapsed: (performance.now() - started) / 1000 };
  };
  await run(opts.warmupSeconds, false);
  const { latencies, errors, elapsed } = await run(opts.seconds, true);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    seconds: elapsed,
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? NaN,
  };
}

/** Latencies of `count` requests one after another (no queueing: the server's own time plus HTTP). */
export async function sequential(url: URL, opts: { headers?: Record<string, string>; count: number; warmup: number }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const headers = { accept: 'application/json', ...opts.headers };
  for (let i = 0; i < opts.warmup; i++) await get(agent, url, headers);
  const latencies: number[] = [];
  let errors = 0;
  let body = '';
  for (let i = 0; i < opts.count; i++) {
    const t0 = performance.now();
    const res = await get(agent, url, headers);
    latencies.push(performance.now() - t0);
    if (res.status !== 200) errors++;
    body = res.body;
  }
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p90: percentile(latencies, 90), p99: percentile(latencies, 99), errors, lastBody: body };
}
