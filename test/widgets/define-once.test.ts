import { expect, waitUntil } from '@open-wc/testing';
import { defineOnce } from '../../widgets/core/define-once.js';

describe('defineOnce', () => {
  let warnings: unknown[][];
  let original: typeof console.warn;
  beforeEach(() => {
    warnings = [];
    original = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
  });
  afterEach(() => {
    console.warn = original;
  });

  it('registers a free tag', async () => {
    class First extends HTMLElement {}
    expect(defineOnce('define-once-free', First)).to.equal(true);
    expect(customElements.get('define-once-free')).to.equal(First);
    await settled();
    expect(warnings).to.have.length(0);
  });

  it('is a silent no-op for the same class again', async () => {
    class Same extends HTMLElement {}
    defineOnce('define-once-same', Same);
    expect(defineOnce('define-once-same', Same)).to.equal(false);
    await settled();
    expect(warnings).to.have.length(0);
  });

  /** Warnings load their text first (define-once-warning.ts); none may come later either. */
  const settled = () => new Promise((resolve) => setTimeout(resolve, 100));

  it('leaves another class in place and warns how to register under another name', async () => {
    class Theirs extends HTMLElement {}
    class Ours extends HTMLElement {}
    customElements.define('define-once-taken', Theirs);
    expect(defineOnce('define-once-taken', Ours)).to.equal(false);
    expect(customElements.get('define-once-taken')).to.equal(Theirs);
    await waitUntil(() => warnings.length > 0, 'a warning');
    await settled();
    expect(warnings).to.have.length(1);
    const text = String(warnings[0]![0]);
    expect(text).to.contain('<define-once-taken> is already defined');
    expect(text).to.contain("customElements.define('my-define-once-taken', class extends Ours {})");
  });

  it('the documented way works: a subclass under a name of your own', async () => {
    const { PortalSession } = await import('../../widgets/index.js');
    customElements.define('acme-session', class extends PortalSession {});
    const el = document.createElement('acme-session');
    expect(el).to.be.instanceOf(PortalSession);
  });

  it('loading the define modules twice registers each tag once, without warnings', async () => {
    await import('../../widgets/define.js');
    await import('../../widgets/portal-session/define.js');
    await import('../../widgets/portal-app/define.js');
    expect(customElements.get('portal-session')).to.exist;
    expect(customElements.get('portal-app')).to.exist;
    await settled();
    expect(warnings).to.have.length(0);
  });
});
