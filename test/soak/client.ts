/**
 * A small HTTP client for the soak runs: bearer sessions of the demo accounts, JSON and
 * multipart requests, and latency per route label.
 */
import { createHash, randomBytes } from 'node:crypto';

export const DEMO_PASSWORD = 'Portal-Demo-2026!';
/** Demo accounts that may create tickets in exactly one business partner (DESIGN.md contract). */
export const WRITERS = ['erik.editor@nordwind.example', 'dora.dispatcher@nordwind.example', 'bob.editor@blueharbor.example'] as const;
export const READERS = ['anna.viewer@nordwind.example', 'max.multi@mueller-soehne.example'] as const;

export interface Answer {
  status: number;
  json: any;
  ms: number;
}

export class Client {
  /** a ticket type and area of the account's system partner (for new tickets) */
  typeId = '';
  areaId = '';

  constructor(
    readonly base: string,
    readonly token: string,
  ) {}

  static async signIn(base: string, email: string): Promise<Client> {
    const r = await fetch(`${base}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD, mode: 'bearer' }),
    });
    if (r.status !== 200) throw new Error(`sign-in of ${email} answered ${r.status}: ${await r.text()}`);
    const c = new Client(base, ((await r.json()) as { token: string }).token);
    c.typeId = (await c.send('GET', '/api/lookups/types')).json.items[0].id;
    c.areaId = (await c.send('GET', '/api/lookups/areas')).json.items[0].id;
    return c;
  }

  /** A ticket body this account may send (its only writable partner is implied). */
  ticket(subject: string, description: string) {
    return {
      subject,
      description: `<p>${description}</p>`,
      tags: [],
      typeId: this.typeId,
      areaId: this.areaId,
      urgency: 'medium',
      impact: 'low',
      release: false,
      private: false,
    };
  }

  async send(method: string, path: string, body?: unknown): Promise<Answer> {
    const started = performance.now();
    const r = await fetch(`${this.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await r.text();
    const ms = performance.now() - started;
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    return { status: r.status, json, ms };
  }

  async upload(path: string, name: string, data: Uint8Array): Promise<Answer> {
    const form = new FormData();
    form.append('file', new Blob([data as Uint8Array<ArrayBuffer>]), name);
    const started = performance.now();
    const r = await fetch(`${this.base}${path}`, { method: 'POST', headers: { authorization: `Bearer ${this.token}` }, body: form });
    const text = await r.text();
    const ms = performance.now() - started;
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    return { status: r.status, json, ms };
  }

  async download(path: string): Promise<{ status: number; bytes: Uint8Array }> {
    const r = await fetch(`${this.base}${path}`, { headers: { authorization: `Bearer ${this.token}` } });
    return { status: r.status, bytes: new Uint8Array(await r.arrayBuffer()) };
  }
}

export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
export const unique = () => randomBytes(6).toString('hex');

/** Latencies per route label, with percentiles. */
export class Latencies {
  readonly ms = new Map<string, number[]>();
  readonly errors = new Map<string, string[]>();

  add(route: string, ms: number): void {
    const list = this.ms.get(route) ?? [];
    list.push(ms);
    this.ms.set(route, list);
  }

  fail(route: string, what: string): void {
    const list = this.errors.get(route) ?? [];
    list.push(what);
    this.errors.set(route, list);
  }

  static percentile(sorted: number[], p: number): number {
    if (sorted.length === 0) return NaN;
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  }

  summary() {
    const routes = [...new Set([...this.ms.keys(), ...this.errors.keys()])].sort();
    return routes.map((route) => {
      const sorted = [...(this.ms.get(route) ?? [])].sort((a, b) => a - b);
      return {
        route,
        requests: sorted.length + (this.errors.get(route)?.length ?? 0),
        errors: this.errors.get(route)?.length ?? 0,
        p50: Latencies.percentile(sorted, 50),
        p99: Latencies.percentile(sorted, 99),
        max: sorted[sorted.length - 1] ?? NaN,
        sampleError: this.errors.get(route)?.[0],
      };
    });
  }
}
