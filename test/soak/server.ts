/**
 * The real server (server/main.ts) in a child process for the soak runs: started on a given
 * database and attachment directory, stopped gently or killed hard (SIGKILL to its process
 * group, as a power cut would), its memory read from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));

export interface SoakServer {
  url: string;
  pid: number;
  output(): string;
  /** SIGKILL to the whole process group: no shutdown code runs */
  kill(): Promise<void>;
  /** SIGTERM, then SIGKILL after 10 s */
  stop(): Promise<void>;
  /** resident memory in MB (VmRSS), or NaN when it cannot be read */
  rssMb(): number;
}

/** The environment of the server and the CLI: ours only, nothing inherited that sets PORTAL_*. */
export function serverEnv(dbPath: string, filesDir: string, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || k.startsWith('PORTAL_') || k.startsWith('INTRANET_') || k === 'PORT' || k === 'HOST' || k === 'SMTP_URL') continue;
    env[k] = v;
  }
  return { ...env, PORT: '0', HOST: '127.0.0.1', PORTAL_DB: dbPath, PORTAL_FILES: filesDir, PORTAL_SEED: 'demo', LOG_LEVEL: 'error', NO_COLOR: '1', INTRANET_PORT: '0', ...extra };
}

export async function startServer(dbPath: string, filesDir: string, extra: Record<string, string> = {}): Promise<SoakServer> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: serverEnv(dbPath, filesDir, extra),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let text = '';
  child.stdout!.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (text += d.toString()));
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within 120 s:\n${text}`)), 120_000);
    const check = () => {
      const m = /running at https?:\/\/[^:\s]+:(\d+)/.exec(text);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on('data', check);
    void exit.then(() => {
      clearTimeout(timer);
      reject(new Error(`the server exited during start-up:\n${text}`));
    });
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  const signal = async (sig: NodeJS.Signals) => {
    if (exited) return;
    try {
      process.kill(-child.pid!, sig);
    } catch {}
  };
  return {
    url,
    pid: child.pid!,
    output: () => text,
    kill: async () => {
      await signal('SIGKILL');
      await exit;
    },
    stop: async () => {
      await signal('SIGTERM');
      const timer = setTimeout(() => void signal('SIGKILL'), 10_000);
      await exit;
      clearTimeout(timer);
    },
    rssMb: () => {
      try {
        const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        return m ? Number(m[1]) / 1024 : NaN;
      } catch {
        return NaN;
      }
    },
  };
}

/** `npm run portal -- <args>` against the given database. */
export function runCli(args: string[], dbPath: string, filesDir: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '-s', 'portal', '--', ...args], { cwd: root, env: serverEnv(dbPath, filesDir), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}
