import { describe, expect, it } from 'vitest';

describe('server-side rendering safety', () => {
  it('importing the package entry in Node touches no window/document', async () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    const mod = await import('../../src/index');
    expect(typeof mod.createCobrowseWidget).toBe('function');
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
  });

  it('createCobrowseWidget without a document says what to do instead of a TypeError', async () => {
    const { createCobrowseWidget } = await import('../../src/index');
    expect(() => createCobrowseWidget({ sdkKey: 'k', token: '/t' })).toThrow(/needs a browser document.*client-side effect/);
  });
});
