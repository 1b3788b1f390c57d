/**
 * The runtime of @lit/task as far as the widgets use it, in half its size (issue 7): `Task` with
 * `{ task, args, onComplete, onError }`, `status`, `value`, `error`, `run()`, `render()`,
 * `taskComplete`; `TaskStatus` and `initialState`. The build maps '@lit/task' imports to this
 * module (vite.config.ts); the sources keep importing '@lit/task' (its types), and unbundled runs
 * (widget tests) use the package itself.
 *
 * Behaviour kept from @lit/task 1.0: the task runs during the host's update when its args differ
 * from the last ones (element by element, `Object.is`); a new run aborts the signal of the one
 * still pending, and only the latest run's result counts; `onComplete`/`onError` are called
 * before the status changes (their errors are ignored); `initialState` as a result puts the task
 * back to INITIAL and keeps the last value; the host updates when a run starts and when it
 * ends; `taskComplete` is one promise per run (a run started while another is pending keeps it).
 * Left out, as no widget uses them: `autoRun`, `argsEqual`, `initialValue`, `abort()`, the
 * positional constructor and `shallowArrayEquals`/`deepArrayEquals` as exports
 * (test/build/task-usage.test.ts fails when a widget starts using one of them;
 * test/widgets/task.test.ts runs the same cases against both runtimes).
 */
import type { ReactiveControllerHost } from 'lit';

export const TaskStatus = { INITIAL: 0, PENDING: 1, COMPLETE: 2, ERROR: 3 } as const;
export type TaskStatus = (typeof TaskStatus)[keyof typeof TaskStatus];

/** Returned by a task function: back to INITIAL (nothing to load yet). */
export const initialState = Symbol();

export interface TaskConfig<T extends readonly unknown[], R> {
  task: (args: T, options: { signal: AbortSignal }) => R | typeof initialState | Promise<R | typeof initialState>;
  args?: () => T;
  onComplete?: (value: R) => unknown;
  onError?: (error: unknown) => unknown;
}

export class Task<T extends readonly unknown[] = readonly unknown[], R = unknown> {
  #host: ReactiveControllerHost;
  #task!: TaskConfig<T, R>['task'];
  #args?: () => T;
  #onComplete?: (value: R) => unknown;
  #onError?: (error: unknown) => unknown;
  #status: TaskStatus = 0;
  #value?: R;
  #error?: unknown;
  /** the args of the last run (or of the last update that did not need one) */
  #last?: T;
  #calls = 0;
  #abort?: AbortController;
  #complete?: Promise<R>;
  #resolve?: (value: R) => void;
  #reject?: (error: unknown) => void;

  constructor(host: ReactiveControllerHost, config: TaskConfig<T, R>) {
    (this.#host = host).addController(this);
    ({ task: this.#task, args: this.#args, onComplete: this.#onComplete, onError: this.#onError } = config);
  }

  /** Settles with the current run's result (the last one's when none is pending). */
  get taskComplete(): Promise<R> {
    return (this.#complete ??=
      this.#status === 1
        ? new Promise<R>((resolve, reject) => {
            this.#resolve = resolve;
            this.#reject = reject;
          })
        : this.#status === 3
          ? Promise.reject(this.#error)
          : Promise.resolve(this.#value as R));
  }

  // async: an args function that throws rejects this promise instead of the host's update
  async hostUpdate(): Promise<void> {
    const args = this.#args?.();
    const last = this.#last;
    this.#last = args;
    if (args && args !== last && !(last && last.length === args.length && last.every((v, i) => Object.is(v, args[i])))) {
      await this.run(args);
    }
  }

  /** Runs the task now (with these args, else the args function's). */
  async run(args?: T): Promise<void> {
    args ??= this.#args?.();
    this.#last = args;
    if (this.#status === 1) this.#abort?.abort();
    else this.#complete = this.#resolve = this.#reject = undefined;
    this.#status = 1;
    this.#host.requestUpdate();
    const call = ++this.#calls;
    this.#abort = new AbortController();
    let result: R | typeof initialState | undefined;
    let error: unknown;
    let failed = false;
    try {
      result = await this.#task(args as T, { signal: this.#abort.signal });
    } catch (e) {
      failed = true;
      error = e;
    }
    if (call !== this.#calls) return;
    if (result === initialState) this.#status = 0;
    else {
      try {
        if (failed) this.#onError?.(error);
        else this.#onComplete?.(result as R);
      } catch {
        // as @lit/task: a failing callback changes nothing
      }
      this.#status = failed ? 3 : 2;
      if (failed) this.#reject?.(error);
      else this.#resolve?.(result as R);
      this.#value = result as R;
      this.#error = error;
    }
    this.#host.requestUpdate();
  }

  get value(): R | undefined {
    return this.#value;
  }

  get error(): unknown {
    return this.#error;
  }

  get status(): TaskStatus {
    return this.#status;
  }

  /** The callback of the current status (complete gets the value, error the error). */
  render<I, P, C, E>(renderer: { initial?: () => I; pending?: () => P; complete?: (value: R) => C; error?: (error: unknown) => E }) {
    const s = this.#status;
    return s === 0 ? renderer.initial?.() : s === 1 ? renderer.pending?.() : s === 2 ? renderer.complete?.(this.#value as R) : renderer.error?.(this.#error);
  }
}
