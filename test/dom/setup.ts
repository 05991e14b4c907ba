// The UI is a chunk of its own (src/widget.ts, loadUi): most DOM tests check the UI itself, so it is
// loaded once up front and every widget builds it synchronously, as on a page that has loaded it.
// test/dom/lazy-ui.test.ts covers the widget before the chunk arrives, with a fresh module registry.
import { preloadPanel } from '../../src/widget';

await preloadPanel();
