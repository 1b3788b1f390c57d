/**
 * The Mocha globals @web/test-runner provides in the browser (the project has no @types/mocha;
 * this is the part the widget tests use).
 */
type MochaDone = (error?: unknown) => void;
/** What `this` is inside a test or hook function (not an arrow function). */
interface MochaContext {
  timeout(ms: number): void;
  slow(ms: number): void;
}
type MochaFn = ((this: MochaContext) => void | Promise<unknown>) | ((this: MochaContext, done: MochaDone) => void);

interface MochaSuiteFn {
  (title: string, fn: (this: unknown) => void): void;
  only(title: string, fn: (this: unknown) => void): void;
  skip(title: string, fn: (this: unknown) => void): void;
}

interface MochaTestFn {
  (title: string, fn?: MochaFn): void;
  only(title: string, fn?: MochaFn): void;
  skip(title: string, fn?: MochaFn): void;
}

declare const describe: MochaSuiteFn;
declare const context: MochaSuiteFn;
declare const it: MochaTestFn;
declare function before(fn: MochaFn): void;
declare function after(fn: MochaFn): void;
declare function beforeEach(fn: MochaFn): void;
declare function afterEach(fn: MochaFn): void;
