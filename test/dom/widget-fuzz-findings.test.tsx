/**
 * Bugs the widget property tests found (test/dom/widget.property.test.tsx), each pinned by a plain example.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CobrowseConfigError } from '../../src/shared/config-error';
import { cleanupWidgets, setupWidget } from '../helpers/widget';

afterEach(() => cleanupWidgets());

describe('found by the widget property tests', () => {
  it('an invalid container selector is a CobrowseConfigError naming "container", not the browser\'s DOMException', () => {
    for (const container of ['div[', '</style><script>', ':::']) {
      let error: unknown;
      try {
        setupWidget({ container });
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(CobrowseConfigError);
      expect((error as CobrowseConfigError).field).toBe('container');
      expect((error as Error).message).toContain('is not a valid CSS selector');
      // Nothing was mounted, so the page's one widget slot is still free.
      expect(document.querySelector('[data-zoom-cobrowse-widget]')).toBeNull();
    }
    document.body.innerHTML = '<div id="help"></div>';
    const w = setupWidget({ container: '#help' });
    expect(w.host.parentElement?.id).toBe('help');
  });
});
