#!/usr/bin/env node
// npm run report:security — the security and reliability figures of the last runs, from the files
// the suites wrote (test-results/security.json; the soak's details in test-results/soak.json), so
// releases can be compared. Prints one table; exits 1 when a figure shows a failure, 2 when there
// is nothing to report yet.
//
//   authorization matrix   test/server/authz-matrix.test.ts   (npm test)
//   attack corpus          test/server/xss-corpus.test.ts, test/e2e/xss.test.ts   (npm test)
//   fuzzing                test/server/fuzz.test.ts   (npm test; FUZZ_RUNS=… for more)
//   crash, backup, load    test/soak/run.ts   (npm run soak)
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const file = fileURLToPath(new URL('../test-results/security.json', import.meta.url));
if (!existsSync(file)) {
  console.error('No figures yet: run npm test (and npm run soak) first; they write test-results/security.json.');
  process.exit(2);
}
const all = JSON.parse(readFileSync(file, 'utf8'));
const rows = [];
let bad = false;

/** One line of the table: figure, value, and whether it shows a failure. */
function row(area, figure, value, failing = false, when = '') {
  if (failing) bad = true;
  rows.push([area, figure, value === undefined ? '—' : String(value), failing ? 'FAIL' : '', when]);
}
const day = (s) => (s?.recordedAt ? s.recordedAt.slice(0, 16).replace('T', ' ') : '');

const m = all.authzMatrix;
if (m) {
  row('authorization', 'matrix cells checked', `${m.cells} (${m.routes} routes × ${m.relations?.length ?? '?'} relations)`, false, day(m));
  row('authorization', 'matrix cells failed', m.failed, m.failed > 0);
  row('authorization', 'refusals compared with a missing id', m.comparedWithMissing);
  row('authorization', 'list/search/count/mail comparisons', m.consistencyChecks);
  row('authorization', 'comparisons failed', m.consistencyFailed, m.consistencyFailed > 0);
} else row('authorization', 'matrix', 'not run', true);

const x = all.xssStorage;
if (x) {
  row('attack corpus', 'payloads × fields tried (server)', `${x.tried} (${x.payloads} payloads × ${x.sinks} fields)`, false, day(x));
  row('attack corpus', 'stored / refused', `${x.stored} / ${x.refused}`);
  row('attack corpus', 'unsafe markup stored', x.unsafeStored, x.unsafeStored > 0);
  row('attack corpus', 'e-mails checked / unsafe', `${x.mailsChecked} / ${x.unsafeMails}`, x.unsafeMails > 0);
  row('attack corpus', 'hostile files tried / unsafe', `${x.files} / ${x.unsafeFiles}`, x.unsafeFiles > 0);
  row('attack corpus', '5xx answers', x.serverErrors, x.serverErrors > 0);
} else row('attack corpus', 'server side', 'not run', true);

const e = all.xssRender;
if (e) {
  row('attack corpus', 'payloads rendered in Chromium', `${e.payloads} payloads, ${e.views} views, ${e.renders} renders`, false, day(e));
  row('attack corpus', 'payloads executed', e.executed, e.executed > 0);
  row('attack corpus', 'requests to the marker host', e.markerRequests, e.markerRequests > 0);
  row('attack corpus', 'live markup found in the DOM', e.liveMarkup, e.liveMarkup > 0);
} else row('attack corpus', 'rendering (e2e)', 'not run', true);

const f = all.fuzz;
if (f) {
  row('fuzzing', 'cases', `${f.cases} (${f.routes} routes × ${f.runsPerRoute} runs, seed ${f.seed})`, false, day(f));
  row('fuzzing', 'answers by class', Object.entries(f.byStatus ?? {}).map(([k, v]) => `${k} ${v}`).join(', '));
  row('fuzzing', '5xx answers', f.serverErrors, f.serverErrors > 0);
  row('fuzzing', 'refusals that changed data', f.refusalsThatWrote, f.refusalsThatWrote > 0);
} else row('fuzzing', 'fuzz', 'not run', true);

const s = all.soak;
if (s) {
  if (s.crashRounds !== undefined) {
    row('crash safety', 'SIGKILL rounds', s.crashRounds, false, day(s));
    row('crash safety', 'writes acknowledged / lost', `${s.writesAcknowledged} / ${s.writesLost}`, s.writesLost > 0);
    row('crash safety', 'rounds with half-written data', s.roundsHalfWritten, s.roundsHalfWritten > 0);
  }
  if (s.backupOk !== undefined) row('backup', 'online backup while writing', s.backupOk ? `consistent (integrity ${s.backupIntegrity}), server starts on it` : 'FAILED', !s.backupOk);
  if (s.loadRequests !== undefined) {
    row('load', 'requests', `${s.loadRequests} (${s.loadClients} clients × ${s.loadSeconds} s)`);
    row('load', 'errors', s.loadErrors, s.loadErrors > 0);
    row('load', 'server memory, max', `${s.memoryMaxMb} MB`);
  }
} else row('soak', 'npm run soak', 'not run');

const soakFile = fileURLToPath(new URL('../test-results/soak.json', import.meta.url));
const soak = existsSync(soakFile) ? JSON.parse(readFileSync(soakFile, 'utf8')) : null;

const head = ['area', 'figure', 'value', '', 'recorded (UTC)'];
const widths = head.map((_, i) => Math.max(head[i].length, ...rows.map((r) => r[i].length)));
const line = (r) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
console.log(line(head));
for (const r of rows) console.log(line(r));
if (soak?.load?.routes) {
  console.log('\nload, per route (p50 / p99 ms):');
  for (const r of soak.load.routes) console.log(`  ${r.route.padEnd(44)} ${String(r.requests).padStart(7)} requests  ${r.errors} errors  ${r.p50.toFixed(1)} / ${r.p99.toFixed(1)}`);
}
process.exitCode = bad ? 1 : 0;
