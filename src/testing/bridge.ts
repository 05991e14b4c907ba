/**
 * The emulator bridge: a customer page running the fake SDK and an "agent
 * console" page talk over a `BroadcastChannel`, so two tabs of one browser can
 * play a whole co-browsing session without Zoom. The agent types the PIN the
 * customer's widget shows, joins, sees a masked snapshot of the customer's
 * page, asks for remote assist, leaves or ends — each command is carried out
 * on the customer's fake with the same control handle the tests use.
 *
 * The snapshot is built the way Zoom treats the page: the light DOM only (the
 * widget's shadow root is not sent, as Zoom doesn't send shadow DOM), scripts
 * stripped, and every element the widget's masking rules match replaced by a
 * placeholder before anything leaves the customer's page.
 */
import { ALL_FIELD_SELECTORS, isMasked } from '../masking/compile';
import type { CompiledMasking } from '../masking/types';
import { FAKE_UI_ATTRIBUTE } from './consent-prompt';
import type { FakeCobrowseSdk, FakeEmitted, FakePromptEvent, FakeSessionState } from './fake-sdk';

/** Default channel name; both sides must use the same one. */
export const EMULATOR_CHANNEL = 'zoom-cobrowse-emulator';
/** What a masked field shows the agent instead of its value. */
export const EMULATOR_MASK_PLACEHOLDER = '••••••';
/** The agent desk's words for a PIN that matches no session (docs/zoom-sdk.md, "Events"). */
export const EMULATOR_PIN_NOT_FOUND = 'Pincode is not found';

const SOURCE = 'zoom-cobrowse-emulator';
const VERSION = 1;

/** Session state a customer page reports; never includes the PIN. */
export type EmulatorCustomerState = FakeSessionState | 'no-sdk';

/** What happened in the customer's session, in the emulator's own words. */
export type EmulatorSessionEvent =
  | 'agent-joined'
  | 'agent-left'
  | 'ended'
  | 'reconnecting'
  | 'remote-assist-started'
  | 'remote-assist-stopped'
  /** The visitor is being asked to allow remote assist (Zoom's consent prompt). */
  | 'remote-assist-requested'
  /** The visitor said no to remote assist. */
  | 'remote-assist-declined';

/** A customer page as the agent console lists it. */
export interface EmulatorCustomerInfo {
  customerId: string;
  title: string;
  url: string;
  state: EmulatorCustomerState;
  /** The Zoom SDK version the page's fake plays, once the page has loaded it. */
  sdkVersion?: string;
}

/** One rendering of the customer's page, with masked fields already blanked. */
export interface EmulatorSnapshot {
  customerId: string;
  /** Increases with every snapshot a customer page sends. */
  seq: number;
  /** A complete HTML document (no scripts) to show in a sandboxed iframe. */
  html: string;
  title: string;
  url: string;
  /** The customer's viewport and page size, in CSS pixels. */
  viewportWidth: number;
  viewportHeight: number;
  pageHeight: number;
  scrollY: number;
  /** Epoch ms when it was taken. */
  at: number;
}

/** The result of an agent command. */
export type EmulatorResult = { ok: true } | { ok: false; message: string };

type Command = 'leave' | 'end' | 'remote-assist-on' | 'remote-assist-off' | 'scroll';

/** Every message on the channel. Exported so tests can check what crossed it. */
export type EmulatorMessage = { source: typeof SOURCE; v: typeof VERSION } & (
  | { kind: 'discover' }
  | { kind: 'join'; requestId: string; pin: string; agentName: string }
  | { kind: 'command'; requestId: string; customerId: string; command: Command; dy?: number }
  | ({ kind: 'presence' } & EmulatorCustomerInfo)
  | { kind: 'gone'; customerId: string }
  | { kind: 'reply'; requestId: string; customerId: string; ok: boolean; message?: string }
  | ({ kind: 'snapshot' } & EmulatorSnapshot)
  | { kind: 'session'; customerId: string; event: EmulatorSessionEvent }
);

type Body = EmulatorMessage extends infer M ? (M extends EmulatorMessage ? Omit<M, 'source' | 'v'> : never) : never;

function isMessage(data: unknown): data is EmulatorMessage {
  return typeof data === 'object' && data !== null && (data as { source?: unknown }).source === SOURCE && (data as { v?: unknown }).v === VERSION;
}

function openChannel(name: string, onMessage: (m: EmulatorMessage) => void): { post(body: Body): void; close(): void } {
  if (typeof BroadcastChannel !== 'function') {
    throw new Error('[zoom-cobrowse-widget/testing] the emulator bridge needs BroadcastChannel (any current browser). In Node tests, drive the fake SDK directly instead.');
  }
  const channel = new BroadcastChannel(name);
  channel.onmessage = (e: MessageEvent) => {
    if (isMessage(e.data)) onMessage(e.data);
  };
  return {
    post: (body) => channel.postMessage({ source: SOURCE, v: VERSION, ...body }),
    close: () => channel.close(),
  };
}

const randomId = (): string => Math.random().toString(36).slice(2, 10) + Date.now().toString(36).slice(-4);

// ---------------------------------------------------------------------------
// Serialising the customer's page
// ---------------------------------------------------------------------------

/** Options for {@link serializeForAgent}. */
export interface SerializeOptions {
  /** Text shown in place of a masked value. @default '••••••' */
  placeholder?: string;
  /** Elements matching this selector are left out entirely (e.g. demo-only chrome). */
  exclude?: string;
  /** Base URL for relative links, images and stylesheets. @default the document's URL */
  baseUrl?: string;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
// Never rendered for the agent: code, and things a sandboxed frame must not load or that only confuse a static copy.
const DROPPED = new Set(['script', 'noscript', 'template', 'base', 'object', 'embed', 'slot', 'dialog']);
// Attributes that hold code, or values a static copy must not carry (the nonce would be readable by the agent).
const DROPPED_ATTRS = /^(on|nonce$|integrity$|srcdoc$|formaction$|action$|ping$|http-equiv$)/i;
// What a masked element keeps: enough to lay it out and label it, nothing that can hold what the visitor typed.
const MASKED_KEEP = new Set(['class', 'id', 'name', 'type', 'autocomplete', 'placeholder', 'aria-label', 'style', 'size', 'cols', 'rows', 'for', 'role']);
const SNAPSHOT_CSS =
  '[data-emulator-masked]{background:repeating-linear-gradient(45deg,#eceff3 0 6px,#dde2e8 6px 12px)!important;color:#57606a!important;letter-spacing:.15em}' +
  '[data-emulator-frame]{display:block;border:1px dashed #9aa4b2;padding:8px;color:#57606a;font:13px system-ui}';

const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const attr = (name: string, value: string): string => (value === '' ? ` ${name}` : ` ${name}="${escapeAttr(value)}"`);

function safeUrlAttr(name: string, value: string): boolean {
  if (!/^(href|src|action|xlink:href|poster|background)$/i.test(name)) return true;
  return !/^\s*(javascript|vbscript|data:text\/html)/i.test(value);
}

/** `all-inputs` stand-in when the masking rules are not known yet: hide every field rather than guess. */
const MASK_ALL: CompiledMasking = { mode: 'all-inputs', selectors: [...ALL_FIELD_SELECTORS, '[data-zoom-cobrowse-mask]', '[data-zoom-cobrowse-mask] *'], presets: [], categories: [] };

/**
 * Serialises a page for the agent as Zoom would show it: light DOM only,
 * scripts and event handlers stripped, live form values copied in, and every
 * element that `isMasked` matches (plus password fields, always) replaced by a
 * placeholder. A masked element's value, text and free-form attributes never
 * reach the output. `masking` null means masking is off; undefined means "not
 * known yet" and masks every field.
 */
export function serializeForAgent(doc: Document, masking: CompiledMasking | null | undefined, options: SerializeOptions = {}): string {
  const rules = masking === undefined ? MASK_ALL : masking;
  const placeholder = options.placeholder ?? EMULATOR_MASK_PLACEHOLDER;
  const out: string[] = [];
  const exclude = options.exclude;

  const masked = (el: Element): boolean => (el.localName === 'input' && (el as HTMLInputElement).type === 'password') || isMasked(el, rules);

  const attributes = (el: Element, keep?: Set<string>): string => {
    let s = '';
    for (const a of Array.from(el.attributes)) {
      const name = a.name.toLowerCase();
      if (keep && !keep.has(name)) continue;
      if (DROPPED_ATTRS.test(name) || name === 'value' || name === 'checked' || name === 'selected') continue;
      if (!safeUrlAttr(name, a.value)) continue;
      s += attr(a.name, a.value);
    }
    return s;
  };

  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      const parent = node.parentNode as Element | null;
      const raw = parent?.localName === 'style';
      // Style text is raw in HTML; only a closing tag inside it could break out.
      out.push(raw ? (node.nodeValue ?? '').replace(/<\/(style)/gi, '<\\/$1') : escapeText(node.nodeValue ?? ''));
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.localName;
    if (DROPPED.has(tag)) return;
    if (tag === 'meta' && el.hasAttribute('http-equiv')) return;
    if (tag === 'link' && !/\bstylesheet\b/i.test(el.getAttribute('rel') ?? '')) return;
    if (exclude && el.matches(exclude)) return;
    // The widget lives in a shadow root, which Zoom does not transmit either; the fake's own UI (the consent prompt) is Zoom's, not the page's.
    if (el.hasAttribute('data-zoom-cobrowse-widget') || el.hasAttribute(FAKE_UI_ATTRIBUTE)) return;
    if (tag === 'iframe' || tag === 'frame') {
      out.push(`<div data-emulator-frame${attributes(el, new Set(['class', 'id', 'style']))}>[embedded frame not shown]</div>`);
      return;
    }
    if (tag !== 'html' && tag !== 'head' && tag !== 'body' && masked(el)) {
      out.push(maskedElement(el, tag));
      return;
    }
    out.push(`<${tag}${attributes(el)}${liveState(el, tag)}>`);
    if (tag === 'head') out.push(`<meta charset="utf-8"><base href="${escapeAttr(options.baseUrl ?? doc.URL)}"><style>${SNAPSHOT_CSS}</style>`);
    if (VOID.has(tag)) return;
    if (tag === 'textarea') out.push(escapeText((el as HTMLTextAreaElement).value));
    else for (const child of Array.from(el.childNodes)) walk(child);
    out.push(`</${tag}>`);
  };

  const liveState = (el: Element, tag: string): string => {
    if (tag === 'input') {
      const input = el as HTMLInputElement;
      if (input.type === 'checkbox' || input.type === 'radio') return input.checked ? ' checked' : '';
      // Hidden inputs hold CSRF tokens and the like; file inputs only a fake path.
      if (input.type === 'hidden' || input.type === 'file') return '';
      return input.value ? attr('value', input.value) : '';
    }
    if (tag === 'option') return (el as HTMLOptionElement).selected ? ' selected' : '';
    return '';
  };

  const maskedElement = (el: Element, tag: string): string => {
    const keep = attributes(el, MASKED_KEEP);
    if (tag === 'input') {
      const input = el as HTMLInputElement;
      if (input.type === 'hidden') return '';
      // A date or number input could not display the placeholder; a text box can.
      const type = input.type === 'checkbox' || input.type === 'radio' ? input.type : 'text';
      const filled = input.type === 'checkbox' || input.type === 'radio' ? false : input.value !== '';
      return `<input${attributes(el, new Set([...MASKED_KEEP].filter((k) => k !== 'type')))} type="${type}" data-emulator-masked readonly${filled ? attr('value', placeholder) : ''}>`;
    }
    if (tag === 'textarea') return `<textarea${keep} data-emulator-masked readonly>${(el as HTMLTextAreaElement).value ? escapeText(placeholder) : ''}</textarea>`;
    if (tag === 'select') return `<select${keep} data-emulator-masked><option selected>${escapeText(placeholder)}</option></select>`;
    if (VOID.has(tag) || tag === 'svg' || tag === 'canvas' || tag === 'video') return `<span${keep} data-emulator-masked>${escapeText(placeholder)}</span>`;
    return `<${tag}${keep} data-emulator-masked>${escapeText(placeholder)}</${tag}>`;
  };

  walk(doc.documentElement);
  return `<!doctype html>${out.join('')}`;
}

// ---------------------------------------------------------------------------
// Customer side
// ---------------------------------------------------------------------------

/** Where the customer's fake SDK comes from: the object, or a getter for the script build that appears only once the widget loads it. */
export type FakeSource = FakeCobrowseSdk | (() => FakeCobrowseSdk | null | undefined);

/** Options for {@link connectEmulatorCustomer}. */
export interface EmulatorCustomerOptions {
  /** BroadcastChannel name. @default 'zoom-cobrowse-emulator' */
  channel?: string;
  /**
   * The widget's compiled masking (`widget.controller.config.masking`), or a
   * getter for it. null = masking off; undefined (not mounted yet) masks every field.
   */
  masking: CompiledMasking | null | undefined | (() => CompiledMasking | null | undefined);
  /** The page to show the agent. @default document */
  root?: Document;
  /** How often a joined agent's view is refreshed, in ms. @default 1000 */
  intervalMs?: number;
  /** Leave out elements matching this selector (demo-only chrome). */
  exclude?: string;
  /** Text shown in place of masked values. @default '••••••' */
  placeholder?: string;
}

/** The customer end of the bridge. */
export interface EmulatorCustomer {
  /** Identifies this page on the channel. */
  readonly id: string;
  /** The HTML the agent would see right now. */
  snapshot(): string;
  /** Stops listening and tells agent consoles the page is gone. */
  disconnect(): void;
}

/**
 * Connects a customer page running the fake SDK to agent consoles on the same
 * origin. Agent commands run on the fake (`agentJoin`, `agentLeave`,
 * `endSession`, `remoteAssist`); while an agent is joined, masked snapshots of
 * the page are sent every `intervalMs` and shortly after each input.
 */
export function connectEmulatorCustomer(fake: FakeSource, options: EmulatorCustomerOptions): EmulatorCustomer {
  const id = randomId();
  const doc = options.root ?? document;
  const win = doc.defaultView ?? window;
  const getFake = (): FakeCobrowseSdk | null => (typeof fake === 'function' ? (fake() ?? null) : fake);
  const getMasking = (): CompiledMasking | null | undefined => (typeof options.masking === 'function' ? options.masking() : options.masking);
  let attached: FakeCobrowseSdk | null = null;
  let unsubscribe: (() => void) | undefined;
  let lastHtml = '';
  let lastScroll = -1;
  let seq = 0;
  let remoteAssist = false;
  let lastState: EmulatorCustomerState | undefined;
  let inputTimer: ReturnType<typeof setTimeout> | undefined;

  const state = (): EmulatorCustomerState => getFake()?.state ?? 'no-sdk';
  const presence = (): void => {
    lastState = state();
    const sdkVersion = getFake()?.version;
    ch.post({ kind: 'presence', customerId: id, title: doc.title, url: doc.URL, state: lastState, ...(sdkVersion ? { sdkVersion } : {}) });
  };
  const snapshot = (): string => serializeForAgent(doc, getMasking(), { ...(options.exclude ? { exclude: options.exclude } : {}), ...(options.placeholder ? { placeholder: options.placeholder } : {}) });

  const sendSnapshot = (force = false): void => {
    if (getFake()?.state !== 'active') return;
    const html = snapshot();
    const scrollY = Math.round(win.scrollY);
    if (!force && html === lastHtml && scrollY === lastScroll) return;
    lastHtml = html;
    lastScroll = scrollY;
    ch.post({
      kind: 'snapshot',
      customerId: id,
      seq: ++seq,
      html,
      title: doc.title,
      url: doc.URL,
      viewportWidth: win.innerWidth,
      viewportHeight: win.innerHeight,
      pageHeight: Math.max(doc.documentElement.scrollHeight, doc.body?.scrollHeight ?? 0),
      scrollY,
      at: Date.now(),
    });
  };

  const SESSION_EVENTS: Record<string, EmulatorSessionEvent> = {
    agent_joined: 'agent-joined',
    agent_left: 'agent-left',
    session_ended: 'ended',
    session_reconnecting: 'reconnecting',
    remote_assist_started: 'remote-assist-started',
    remote_assist_stopped: 'remote-assist-stopped',
  };
  const PROMPT_EVENTS: Partial<Record<FakePromptEvent, EmulatorSessionEvent>> = { shown: 'remote-assist-requested', denied: 'remote-assist-declined' };
  const onPrompt = (e: FakePromptEvent): void => {
    const event = PROMPT_EVENTS[e];
    if (event) ch.post({ kind: 'session', customerId: id, event });
  };
  const onEmit = (e: FakeEmitted): void => {
    const event = SESSION_EVENTS[e.name];
    if (event === 'remote-assist-started') remoteAssist = true;
    if (event === 'remote-assist-stopped' || event === 'agent-left' || event === 'ended') remoteAssist = false;
    if (event) ch.post({ kind: 'session', customerId: id, event });
    if (event === 'agent-joined') sendSnapshot(true);
    if (state() !== lastState) presence();
  };

  /** The script build of the fake appears (or is replaced) after the widget loads it: follow it. */
  const attach = (): FakeCobrowseSdk | null => {
    const current = getFake();
    if (current !== attached) {
      unsubscribe?.();
      attached = current;
      const offEmit = current?.onEmit(onEmit);
      const offPrompt = current?.onRemoteAssistPrompt(onPrompt);
      unsubscribe = current ? () => (offEmit?.(), offPrompt?.()) : undefined;
    }
    return current;
  };

  const reply = (requestId: string, result: EmulatorResult): void =>
    ch.post({ kind: 'reply', requestId, customerId: id, ok: result.ok, ...(result.ok ? {} : { message: result.message }) });

  const run = (command: Command, dy: number | undefined): EmulatorResult => {
    const f = attach();
    if (!f) return { ok: false, message: 'The customer page has not started a session.' };
    try {
      if (command === 'leave') f.agentLeave();
      else if (command === 'end') f.endSession();
      else if (command === 'remote-assist-on' || command === 'remote-assist-off') f.remoteAssist(command === 'remote-assist-on');
      else if (command === 'scroll') {
        // Zoom moves the page only while the visitor lets remote assist run.
        if (!remoteAssist) return { ok: false, message: 'Remote assist is not active.' };
        win.scrollBy({ top: dy ?? 0, behavior: 'smooth' });
      }
      return { ok: true };
    } catch (err) {
      // The fake's messages are written for developers; the console shows them as they are.
      return { ok: false, message: err instanceof Error ? err.message.replace(/^\[[^\]]+\]\s*/, '') : String(err) };
    }
  };

  const ch = openChannel(options.channel ?? EMULATOR_CHANNEL, (m) => {
    if (m.kind === 'discover') return presence();
    if (m.kind === 'join') {
      const f = attach();
      // Only the page whose session has this PIN answers; the agent console times out otherwise, like the desk's lookup.
      if (!f || (f.state !== 'waiting' && f.state !== 'active')) return;
      if (!f.agentJoin({ pin: m.pin, name: m.agentName })) return;
      reply(m.requestId, { ok: true });
      sendSnapshot(true);
      return;
    }
    if (m.kind === 'command' && m.customerId === id) reply(m.requestId, run(m.command, m.dy));
  });

  const timer = setInterval(() => {
    attach();
    if (state() !== lastState) presence();
    sendSnapshot();
  }, options.intervalMs ?? 1000);
  const onInput = (): void => {
    if (inputTimer !== undefined) clearTimeout(inputTimer);
    inputTimer = setTimeout(() => sendSnapshot(), 150);
  };
  doc.addEventListener('input', onInput, true);
  doc.addEventListener('change', onInput, true);
  win.addEventListener('scroll', onInput, { passive: true });
  const onHide = (): void => ch.post({ kind: 'gone', customerId: id });
  win.addEventListener('pagehide', onHide);
  attach();
  presence();

  return {
    id,
    snapshot,
    disconnect() {
      clearInterval(timer);
      if (inputTimer !== undefined) clearTimeout(inputTimer);
      doc.removeEventListener('input', onInput, true);
      doc.removeEventListener('change', onInput, true);
      win.removeEventListener('scroll', onInput);
      win.removeEventListener('pagehide', onHide);
      unsubscribe?.();
      onHide();
      ch.close();
    },
  };
}

// ---------------------------------------------------------------------------
// Agent side
// ---------------------------------------------------------------------------

/** Options for {@link createEmulatorAgent}. */
export interface EmulatorAgentOptions {
  /** BroadcastChannel name. @default 'zoom-cobrowse-emulator' */
  channel?: string;
  /** How long to wait for the customer page with this PIN before "Pincode is not found". @default 800 */
  joinTimeoutMs?: number;
  /** How long to wait for a joined customer page to answer a command. @default 2000 */
  commandTimeoutMs?: number;
}

/** The agent end of the bridge: what an agent console does with Zoom's desk, against the fake. */
export interface EmulatorAgent {
  /** The customer page this agent joined, or null. */
  readonly customerId: string | null;
  /** Joins the session with this PIN; resolves `{ ok: false, message: 'Pincode is not found' }` when no page has it. */
  join(pin: string, options?: { name?: string }): Promise<EmulatorResult>;
  /** Leaves; the customer's session goes back to waiting for an agent. */
  leave(): Promise<EmulatorResult>;
  /** Ends the session for everyone. */
  end(): Promise<EmulatorResult>;
  /** Asks for remote assist, or stops it (the customer page must have enabled it); with consent on, the visitor is asked first ("remote-assist-requested"). */
  remoteAssist(active: boolean): Promise<EmulatorResult>;
  /** Scrolls the customer's page by `dy` pixels while remote assist is on. */
  scroll(dy: number): Promise<EmulatorResult>;
  /** Receives each new snapshot of the joined customer's page; returns the unsubscribe. */
  onSnapshot(listener: (snapshot: EmulatorSnapshot) => void): () => void;
  /** Receives session events of the joined customer; returns the unsubscribe. */
  onSession(listener: (event: EmulatorSessionEvent) => void): () => void;
  /** Receives the list of customer pages open on this origin whenever it changes; returns the unsubscribe. */
  onCustomers(listener: (customers: EmulatorCustomerInfo[]) => void): () => void;
  /** Closes the channel. */
  close(): void;
}

/** Creates the agent end of the emulator bridge (the agent console page uses it). */
export function createEmulatorAgent(options: EmulatorAgentOptions = {}): EmulatorAgent {
  const pending = new Map<string, (r: EmulatorResult) => void>();
  const snapshotListeners = new Set<(s: EmulatorSnapshot) => void>();
  const sessionListeners = new Set<(e: EmulatorSessionEvent) => void>();
  const customerListeners = new Set<(c: EmulatorCustomerInfo[]) => void>();
  const customers = new Map<string, EmulatorCustomerInfo>();
  let customerId: string | null = null;
  let lastSeq = 0;
  // After the joined page reloads, Zoom keeps the agent in the session; the emulator rejoins the recovered page with the same PIN.
  let joinedWith: { pin: string; agentName: string } | null = null;
  let rejoinUntil = 0;
  let rejoining = false;

  const publishCustomers = (): void => {
    const list = [...customers.values()];
    for (const l of [...customerListeners]) l(list);
  };

  const ch = openChannel(options.channel ?? EMULATOR_CHANNEL, (m) => {
    if (m.kind === 'presence') {
      const { customerId: cid, title, url, state, sdkVersion } = m;
      customers.set(cid, { customerId: cid, title, url, state, ...(sdkVersion ? { sdkVersion } : {}) });
      publishCustomers();
      if (joinedWith && !rejoining && customerId === null && Date.now() < rejoinUntil && (state === 'waiting' || state === 'active')) {
        rejoining = true;
        void request({ kind: 'join', requestId: randomId(), ...joinedWith }, options.joinTimeoutMs ?? 800, EMULATOR_PIN_NOT_FOUND).then((r) => {
          rejoining = false;
          if (!r.ok) return;
          rejoinUntil = 0;
          for (const l of [...sessionListeners]) l('agent-joined');
        });
      }
    } else if (m.kind === 'gone') {
      customers.delete(m.customerId);
      publishCustomers();
      if (m.customerId === customerId) {
        customerId = null;
        lastSeq = 0;
        // Zoom's 2-minute recovery window, plus a little for the page to load.
        rejoinUntil = Date.now() + 130_000;
        for (const l of [...sessionListeners]) l('reconnecting');
      }
    } else if (m.kind === 'reply') {
      const resolve = pending.get(m.requestId);
      if (!resolve) return;
      pending.delete(m.requestId);
      resolve(m.ok ? { ok: true } : { ok: false, message: m.message ?? 'The customer page refused.' });
      if (m.ok && customerId === null) customerId = m.customerId;
    } else if (m.kind === 'snapshot' && m.customerId === customerId) {
      // BroadcastChannel keeps order per sender, but a page that reloads starts again at 1.
      if (m.seq <= lastSeq && m.seq !== 1) return;
      lastSeq = m.seq;
      const { kind: _k, source: _s, v: _v, ...snapshot } = m;
      for (const l of [...snapshotListeners]) l(snapshot);
    } else if (m.kind === 'session' && m.customerId === customerId) {
      for (const l of [...sessionListeners]) l(m.event);
      if (m.event === 'ended') {
        customerId = null;
        joinedWith = null;
      }
    }
  });

  const request = (body: Body & { requestId: string }, timeoutMs: number, timeoutMessage: string): Promise<EmulatorResult> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        pending.delete(body.requestId);
        resolve({ ok: false, message: timeoutMessage });
      }, timeoutMs);
      pending.set(body.requestId, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
      ch.post(body);
    });

  const command = async (name: Command, dy?: number): Promise<EmulatorResult> => {
    if (!customerId) return { ok: false, message: 'Not joined to a session.' };
    const r = await request(
      { kind: 'command', requestId: randomId(), customerId, command: name, ...(dy !== undefined ? { dy } : {}) },
      options.commandTimeoutMs ?? 2000,
      "The customer's page did not answer; it may have been closed.",
    );
    if (r.ok && (name === 'leave' || name === 'end')) {
      customerId = null;
      joinedWith = null;
    }
    return r;
  };

  ch.post({ kind: 'discover' });

  return {
    get customerId() {
      return customerId;
    },
    async join(pin, joinOptions = {}) {
      const clean = pin.replace(/[\s-]/g, '');
      if (!clean) return { ok: false, message: EMULATOR_PIN_NOT_FOUND };
      customerId = null;
      joinedWith = null;
      lastSeq = 0;
      const agentName = joinOptions.name ?? 'Agent';
      const r = await request({ kind: 'join', requestId: randomId(), pin: clean, agentName }, options.joinTimeoutMs ?? 800, EMULATOR_PIN_NOT_FOUND);
      if (r.ok) joinedWith = { pin: clean, agentName };
      return r;
    },
    leave: () => command('leave'),
    end: () => command('end'),
    remoteAssist: (active) => command(active ? 'remote-assist-on' : 'remote-assist-off'),
    scroll: (dy) => command('scroll', dy),
    onSnapshot(listener) {
      snapshotListeners.add(listener);
      return () => void snapshotListeners.delete(listener);
    },
    onSession(listener) {
      sessionListeners.add(listener);
      return () => void sessionListeners.delete(listener);
    },
    onCustomers(listener) {
      customerListeners.add(listener);
      listener([...customers.values()]);
      return () => void customerListeners.delete(listener);
    },
    close() {
      for (const resolve of pending.values()) resolve({ ok: false, message: 'The agent console closed.' });
      pending.clear();
      ch.close();
    },
  };
}
