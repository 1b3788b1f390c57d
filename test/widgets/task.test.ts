/**
 * widgets/core/task.ts (the build's @lit/task) runs a task exactly like @lit/task: each case runs
 * on a host element with @lit/task's Task and then with ours, writes down what a host sees
 * (status, value, error, what render() shows, each update, the callbacks, the signals, when
 * taskComplete settles) and expects the same record from both; the record is checked on its own
 * too.
 */
import { expect, fixture, html as fixtureHtml, waitUntil } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import * as lit from '@lit/task';
import * as ours from '../../widgets/core/task.js';

type Impl = typeof ours;
const impls: [string, Impl][] = [
  ['@lit/task', lit as unknown as Impl],
  ['core/task.ts', ours],
];

interface Call {
  args: readonly unknown[] | undefined;
  signal: AbortSignal;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

interface Host extends LitElement {
  a: unknown;
  b: unknown;
  task: ours.Task<readonly unknown[], unknown>;
  calls: Call[];
  /** answers the task function itself (else it returns a promise that the test settles through `calls`) */
  answer: ((args: readonly unknown[] | undefined) => unknown) | null;
  /** the callbacks throw */
  throwing: boolean;
}

let n = 0;

/** One case's record, for one implementation. */
class Harness {
  readonly log: unknown[] = [];
  constructor(readonly impl: Impl) {}

  note(...entry: unknown[]): void {
    this.log.push(entry);
  }

  /** A host element whose task's args are [a, b] (none with `noArgs`), connected unless `detached`. */
  async mount({ noArgs = false, detached = false, answer: first = null as Host['answer'] } = {}): Promise<Host> {
    const { Task, initialState } = this.impl;
    const h = this;
    class El extends LitElement {
      @property({ attribute: false }) a: unknown = 1;
      @property({ attribute: false }) b: unknown = 'x';
      calls: Call[] = [];
      answer = first;
      throwing = false;
      task: Host['task'] = new Task<readonly unknown[], unknown>(this, {
        task: (args, { signal }) => {
          h.note('task', args === undefined ? 'no args' : [...args], signal.aborted);
          if (this.answer) {
            const a = this.answer(args);
            return a === 'initial' ? initialState : a;
          }
          return new Promise((resolve, reject) => this.calls.push({ args, signal, resolve, reject }));
        },
        ...(noArgs
          ? {}
          : {
              args: () => {
                if (this.a === 'throw') throw new Error('bad args');
                return [this.a, this.b] as const;
              },
            }),
        onComplete: (value) => {
          h.note('onComplete', value, this.task.status, this.task.value);
          if (this.throwing) throw new Error('from onComplete');
        },
        onError: (error) => {
          h.note('onError', String(error), this.task.status, String(this.task.error));
          if (this.throwing) throw new Error('from onError');
        },
      });
      override render() {
        return html`${this.task.render({
          initial: () => 'initial',
          pending: () => 'pending',
          complete: (v) => `complete ${String(v)}`,
          error: (e) => `error ${String(e)}`,
        })}`;
      }
      override updated() {
        h.note('updated', this.shadowRoot!.textContent, this.task.status, this.task.value, String(this.task.error));
      }
    }
    const tag = `task-host-${++n}`;
    customElements.define(tag, El);
    const el = document.createElement(tag) as unknown as Host;
    if (!detached) (await fixture(fixtureHtml`<div></div>`)).append(el);
    return el;
  }

  /** What the host shows now. */
  state(el: Host, label: string): void {
    this.note(label, el.task.status, el.task.value, String(el.task.error), el.calls.length);
  }

  /** Notes when `p` settles and how. */
  track(p: Promise<unknown>, label: string): { settled: boolean } {
    const t = { settled: false };
    p.then(
      (v) => ((t.settled = true), this.note(label, 'resolved', v)),
      (e) => ((t.settled = true), this.note(label, 'rejected', String(e))),
    );
    return t;
  }
}

/** Lets every microtask and timer due run, then the host's update finish. */
const flush = async (el: Host) => {
  await new Promise((r) => setTimeout(r));
  await el.updateComplete;
};

/** Runs `body` with @lit/task and with ours; both records must be the same. Returns it. */
async function both(body: (h: Harness) => Promise<void>): Promise<unknown[]> {
  const logs: unknown[][] = [];
  for (const [, impl] of impls) {
    const h = new Harness(impl);
    await body(h);
    logs.push(h.log);
  }
  expect(logs[1], 'core/task.ts against @lit/task').to.deep.equal(logs[0]);
  return logs[0]!;
}

const has = (log: unknown[], ...entry: unknown[]) => log.some((e) => JSON.stringify(e) === JSON.stringify(entry));

describe('task runtime (core/task.ts)', () => {
  it('exports the same statuses; the status sequence, values, render() and onComplete', async () => {
    expect(ours.TaskStatus).to.deep.equal(lit.TaskStatus);
    expect(typeof ours.initialState).to.equal('symbol');
    const log = await both(async (h) => {
      const el = await h.mount({ detached: true });
      h.state(el, 'before connecting');
      document.body.append(el);
      await el.updateComplete;
      h.state(el, 'after the first update');
      const complete = el.task.taskComplete;
      h.note('taskComplete is kept while pending', el.task.taskComplete === complete);
      h.track(complete, 'taskComplete');
      el.calls[0]!.resolve('one');
      await Promise.resolve();
      h.state(el, 'a microtask after resolving');
      await flush(el);
      h.state(el, 'done');
      h.note('same taskComplete after completion', el.task.taskComplete === complete);
      h.track(el.task.taskComplete, 'taskComplete when complete');
      await flush(el);
      el.remove();
    });
    expect(has(log, 'before connecting', 0, undefined, 'undefined', 0)).to.equal(true);
    expect(has(log, 'updated', 'pending', 1, undefined, 'undefined')).to.equal(true);
    expect(has(log, 'onComplete', 'one', 1, undefined), 'onComplete runs before the status changes').to.equal(true);
    expect(has(log, 'updated', 'complete one', 2, 'one', 'undefined')).to.equal(true);
    expect(has(log, 'taskComplete', 'resolved', 'one')).to.equal(true);
  });

  it('errors: onError, ERROR with the error and no value, taskComplete rejects; run() again recovers', async () => {
    const log = await both(async (h) => {
      const el = await h.mount();
      await el.updateComplete;
      el.calls[0]!.resolve('first');
      await flush(el);
      el.a = 2;
      await el.updateComplete;
      h.track(el.task.taskComplete, 'taskComplete');
      el.calls[1]!.reject(new Error('boom'));
      await flush(el);
      h.state(el, 'failed');
      h.track(el.task.taskComplete, 'taskComplete when failed');
      await flush(el);
      const run = el.task.run();
      await el.updateComplete;
      h.state(el, 'running again');
      el.calls[2]!.resolve('back');
      await run;
      h.state(el, 'run() settled');
      await flush(el);
      el.remove();
    });
    expect(has(log, 'onError', 'Error: boom', 1, 'undefined')).to.equal(true);
    expect(has(log, 'updated', 'error Error: boom', 3, undefined, 'Error: boom')).to.equal(true);
    expect(has(log, 'taskComplete', 'rejected', 'Error: boom')).to.equal(true);
    expect(has(log, 'taskComplete when failed', 'rejected', 'Error: boom')).to.equal(true);
    expect(has(log, 'task', [2, 'x'], false), 'run() takes the args function').to.equal(true);
    expect(has(log, 'run() settled', 2, 'back', 'undefined', 3)).to.equal(true);
  });

  it('a new run aborts the pending one, whose late result counts for nothing; taskComplete waits for the new one', async () => {
    const log = await both(async (h) => {
      const el = await h.mount();
      await el.updateComplete;
      h.track(el.task.taskComplete, 'taskComplete');
      el.a = 2;
      await el.updateComplete;
      const [first, second] = el.calls;
      h.note('signals', first!.signal.aborted, (first!.signal.reason as Error | undefined)?.name, second!.signal.aborted);
      first!.resolve('stale');
      await flush(el);
      h.state(el, 'after the stale answer');
      el.b = 'y';
      await el.updateComplete;
      second!.reject(new Error('stale too'));
      await flush(el);
      h.state(el, 'after the stale error');
      el.calls[2]!.resolve('fresh');
      await flush(el);
      h.state(el, 'done');
      el.remove();
    });
    expect(has(log, 'signals', true, 'AbortError', false)).to.equal(true);
    expect(has(log, 'after the stale answer', 1, undefined, 'undefined', 2)).to.equal(true);
    expect(has(log, 'after the stale error', 1, undefined, 'undefined', 3)).to.equal(true);
    expect(has(log, 'taskComplete', 'resolved', 'fresh')).to.equal(true);
    expect(log.filter((e) => (e as unknown[])[0] === 'onComplete' || (e as unknown[])[0] === 'onError')).to.deep.equal([['onComplete', 'fresh', 1, undefined]]);
  });

  it('runs again only when an arg changes (Object.is, element by element); run() with and without args', async () => {
    const log = await both(async (h) => {
      const el = await h.mount({ answer: (args) => `for ${JSON.stringify(args)}` });
      await flush(el);
      el.requestUpdate();
      await flush(el);
      h.state(el, 'an update with the same args');
      const obj = { n: 1 };
      el.a = obj;
      await flush(el);
      obj.n = 2;
      el.requestUpdate();
      await flush(el);
      h.state(el, 'the same object, changed inside');
      el.a = NaN;
      await flush(el);
      el.requestUpdate();
      await flush(el);
      h.state(el, 'NaN again');
      el.a = 0;
      await flush(el);
      el.a = -0;
      await flush(el);
      h.state(el, '0 then -0');
      await el.task.run();
      h.state(el, 'run() with the same args');
      await el.task.run(['manual']);
      h.state(el, 'run(args)');
      el.requestUpdate();
      await flush(el);
      h.state(el, 'an update after run(args): the args function differs from them');
      el.remove();
    });
    const calls = log.filter((e) => (e as unknown[])[0] === 'task').map((e) => (e as unknown[])[1]);
    expect(calls).to.deep.equal([[1, 'x'], [{ n: 2 }, 'x'], [NaN, 'x'], [0, 'x'], [-0, 'x'], [-0, 'x'], ['manual'], [-0, 'x']]);
  });

  it('initialState puts the task back to INITIAL and keeps the last value; the pending taskComplete never settles', async () => {
    const log = await both(async (h) => {
      const el = await h.mount();
      await el.updateComplete;
      el.calls[0]!.resolve('kept');
      await flush(el);
      el.a = 2;
      await el.updateComplete;
      const pending = el.task.taskComplete;
      const open = h.track(pending, 'taskComplete');
      el.calls[1]!.resolve(h.impl.initialState);
      await flush(el);
      h.state(el, 'back to initial');
      h.note('taskComplete settled', open.settled, el.task.taskComplete === pending);
      el.answer = () => 'sync';
      el.a = 3;
      await flush(el);
      h.state(el, 'an answer without a promise');
      h.note('the open taskComplete', open.settled, el.task.taskComplete === pending);
      el.remove();
    });
    expect(has(log, 'updated', 'initial', 0, 'kept', 'undefined')).to.equal(true);
    expect(has(log, 'taskComplete settled', false, true), 'the same promise, still open').to.equal(true);
    expect(has(log, 'the open taskComplete', false, false), 'left open by the next run').to.equal(true);
    expect(has(log, 'updated', 'complete sync', 2, 'sync', 'undefined')).to.equal(true);
  });

  it('callbacks that throw change nothing; a task function that throws at once is an error', async () => {
    const log = await both(async (h) => {
      const el = await h.mount({
        answer: (args) => {
          if (args?.[0] === 2) throw new Error('sync throw');
          return 'value';
        },
      });
      el.throwing = true;
      await flush(el);
      h.state(el, 'onComplete threw');
      el.a = 2;
      await flush(el);
      h.state(el, 'onError threw');
      el.remove();
    });
    expect(has(log, 'onComplete threw', 2, 'value', 'undefined', 0)).to.equal(true);
    expect(has(log, 'onError threw', 3, undefined, 'Error: sync throw', 0)).to.equal(true);
  });

  it('a task without an args function runs only through run()', async () => {
    const log = await both(async (h) => {
      const el = await h.mount({ noArgs: true, answer: () => 'ran' });
      await flush(el);
      el.a = 5;
      await flush(el);
      h.state(el, 'after updates');
      await el.task.run();
      await flush(el);
      h.state(el, 'after run()');
      el.remove();
    });
    expect(has(log, 'after updates', 0, undefined, 'undefined', 0)).to.equal(true);
    expect(has(log, 'task', 'no args', false)).to.equal(true);
    expect(has(log, 'after run()', 2, 'ran', 'undefined', 0)).to.equal(true);
  });

  it("an args function that throws leaves the host's update alone (the rejection goes unhandled, as with @lit/task)", async () => {
    const reasons: string[] = [];
    const onRejection = (e: PromiseRejectionEvent) => {
      e.preventDefault();
      reasons.push(String(e.reason));
    };
    addEventListener('unhandledrejection', onRejection);
    try {
      const log = await both(async (h) => {
        const el = await h.mount({ answer: () => 'ok' });
        await flush(el);
        el.a = 'throw';
        await el.updateComplete;
        h.note('shows', el.shadowRoot!.textContent);
        await waitUntil(() => reasons.length > 0, 'the rejection is reported');
        h.note('unhandled', reasons.splice(0));
        h.state(el, 'after');
        el.remove();
      });
      expect(has(log, 'unhandled', ['Error: bad args'])).to.equal(true);
      expect(has(log, 'after', 2, 'ok', 'undefined', 0)).to.equal(true);
    } finally {
      removeEventListener('unhandledrejection', onRejection);
    }
  });
});
