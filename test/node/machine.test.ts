import { describe, expect, it } from 'vitest';
import { cobrowseError } from '../../src/shared/errors';
import { INITIAL_SNAPSHOT, transition, type CobrowseEvent, type CobrowseSnapshot } from '../../src/core/machine';
import type { CobrowseSessionSummary } from '../../src/core/summary';

const summary: CobrowseSessionSummary = { startedAt: 1000, endedAt: 5000, durationMs: 4000, reason: 'unknown', agents: [], remoteAssistMs: 0, hidden: {}, extensions: 0 };
const run = (...events: CobrowseEvent[]): CobrowseSnapshot => events.reduce(transition, INITIAL_SNAPSHOT);
const toWaiting: CobrowseEvent[] = [{ type: 'HELP.REQUEST' }, { type: 'CONSENT.ACCEPT' }, { type: 'SESSION.STARTED' }, { type: 'PIN.UPDATED', pin: '482913', at: 1000 }];

describe('state machine', () => {
  it('walks the happy path idle → consent → starting → waiting → active → ending → ended', () => {
    expect(run({ type: 'HELP.REQUEST' }).state).toBe('consent');
    expect(run({ type: 'HELP.REQUEST' }, { type: 'CONSENT.ACCEPT' }).state).toBe('starting');
    const waiting = run(...toWaiting);
    expect(waiting).toMatchObject({ state: 'waiting', pin: '482913', pinAt: 1000 });
    const active = transition(waiting, { type: 'AGENT.JOINED', agentName: 'Sam' });
    expect(active).toMatchObject({ state: 'active', agentName: 'Sam', pin: '482913' });
    const ending = transition(active, { type: 'END.REQUEST' });
    expect(ending.state).toBe('ending');
    expect(transition(ending, { type: 'SESSION.ENDED', reason: 'unknown', summary })).toMatchObject({ state: 'ended', endReason: 'customer', pin: null });
  });

  it('does not start sharing without consent', () => {
    expect(run({ type: 'CONSENT.ACCEPT' })).toBe(INITIAL_SNAPSHOT);
    expect(run({ type: 'HELP.REQUEST' }, { type: 'CONSENT.DECLINE' }).state).toBe('declined');
    expect(run({ type: 'HELP.REQUEST' }, { type: 'CONSENT.DECLINE' }, { type: 'CONSENT.ACCEPT' }).state).toBe('declined');
  });

  it('returns the same object for events that do not apply, so no-ops notify nobody', () => {
    const s = run(...toWaiting);
    expect(transition(s, { type: 'HELP.REQUEST' })).toBe(s);
    expect(transition(s, { type: 'RETRY' })).toBe(s);
    expect(transition(INITIAL_SNAPSHOT, { type: 'END.REQUEST' })).toBe(INITIAL_SNAPSHOT);
  });

  it('restarts the agent window only when the PIN changes', () => {
    const s = run(...toWaiting);
    expect(transition(s, { type: 'PIN.UPDATED', pin: '482913', at: 5000 }).pinAt).toBe(1000);
    expect(transition(s, { type: 'PIN.UPDATED', pin: '111222', at: 5000 })).toMatchObject({ pin: '111222', pinAt: 5000 });
  });

  it('goes back to waiting when the agent leaves, with a fresh window', () => {
    const left = run(...toWaiting, { type: 'AGENT.JOINED' }, { type: 'REMOTE_ASSIST.CHANGED', active: true }, { type: 'AGENT.LEFT', at: 9000 });
    expect(left).toMatchObject({ state: 'waiting', agentName: null, remoteAssist: false, pinAt: 9000 });
  });

  it('reconnecting resumes the state it interrupted', () => {
    const active = run(...toWaiting, { type: 'AGENT.JOINED', agentName: 'Sam' });
    const rec = transition(active, { type: 'SESSION.RECONNECTING' });
    expect(rec).toMatchObject({ state: 'reconnecting', resumeTo: 'active' });
    expect(transition(rec, { type: 'AGENT.JOINED' })).toMatchObject({ state: 'active', agentName: 'Sam', resumeTo: null });
    const recW = transition(run(...toWaiting), { type: 'SESSION.RECONNECTING' });
    expect(transition(recW, { type: 'PIN.UPDATED', pin: '482913', at: 2000 })).toMatchObject({ state: 'waiting', pin: '482913' });
  });

  it('errors carry the error; retry only when retryable', () => {
    const retryable = run({ type: 'HELP.REQUEST' }, { type: 'CONSENT.ACCEPT' }, { type: 'FAILED', error: cobrowseError('token-timeout') });
    expect(retryable).toMatchObject({ state: 'error', error: { code: 'token-timeout', retryable: true } });
    expect(transition(retryable, { type: 'RETRY' }).state).toBe('starting');
    const fatal = run({ type: 'HELP.REQUEST' }, { type: 'CONSENT.ACCEPT' }, { type: 'FAILED', error: cobrowseError('session-limit') });
    expect(transition(fatal, { type: 'RETRY' })).toBe(fatal);
    expect(transition(fatal, { type: 'RESET' }).state).toBe('idle');
  });

  it('a failure after the session ended is ignored', () => {
    const ended = run(...toWaiting, { type: 'SESSION.ENDED', reason: 'timeout', summary });
    expect(ended).toMatchObject({ state: 'ended', endReason: 'timeout' });
    expect(transition(ended, { type: 'FAILED', error: cobrowseError('network') })).toBe(ended);
  });

  it('cancel during starting returns to idle', () => {
    expect(run({ type: 'HELP.REQUEST' }, { type: 'CONSENT.ACCEPT' }, { type: 'START.CANCEL' }).state).toBe('idle');
  });

  it('recovery found on load resumes into waiting or active', () => {
    const rec = run({ type: 'RECOVERY.FOUND', pin: '482913', at: 1, resumeTo: 'active' });
    expect(rec.state).toBe('recovering');
    expect(transition(rec, { type: 'AGENT.JOINED' }).state).toBe('active');
    expect(transition(rec, { type: 'PIN.UPDATED', pin: '482913', at: 2 }).state).toBe('waiting');
  });
});

describe('restart after the PIN expired', () => {
  it('goes from ended straight to starting (consent was given this visit), and nowhere else', () => {
    const ended = run({ type: 'HELP.REQUEST' }, { type: 'CONSENT.ACCEPT' }, { type: 'PIN.UPDATED', pin: '1', at: 0 }, { type: 'SESSION.ENDED', reason: 'timeout', summary });
    expect(transition(ended, { type: 'RESTART' }).state).toBe('starting');
    expect(run({ type: 'RESTART' })).toBe(INITIAL_SNAPSHOT);
    expect(run({ type: 'HELP.REQUEST' }, { type: 'RESTART' }).state).toBe('consent');
  });
});

describe('what the summary and the time limit need', () => {
  it('sharing starts at the first PIN; a re-issued PIN, an agent and a reconnect keep that start', () => {
    const waiting = run(...toWaiting);
    expect(waiting).toMatchObject({ startedAt: 1000, extensions: 0, summary: null });
    let s = transition(waiting, { type: 'PIN.UPDATED', pin: '999999', at: 5000 });
    s = transition(s, { type: 'AGENT.JOINED', agentName: 'Sam' });
    s = transition(s, { type: 'SESSION.RECONNECTING' });
    s = transition(s, { type: 'AGENT.JOINED' });
    expect(s).toMatchObject({ state: 'active', startedAt: 1000 });
  });

  it('LIMIT.EXTEND counts extensions while shared, and only then', () => {
    const waiting = run(...toWaiting);
    const once = transition(transition(waiting, { type: 'AGENT.JOINED' }), { type: 'LIMIT.EXTEND' });
    expect(once.extensions).toBe(1);
    expect(transition(once, { type: 'LIMIT.EXTEND' }).extensions).toBe(2);
    expect(run({ type: 'LIMIT.EXTEND' })).toBe(INITIAL_SNAPSHOT);
  });

  it('a refresh carries the start and the extensions through recovering into the resumed state', () => {
    const rec = run({ type: 'RECOVERY.FOUND', pin: '482913', at: 1000, startedAt: 500, extensions: 2, resumeTo: 'waiting' });
    expect(transition(rec, { type: 'PIN.UPDATED', pin: '482913', at: 9000 })).toMatchObject({ state: 'waiting', pinAt: 1000, startedAt: 500, extensions: 2 });
    expect(transition(rec, { type: 'AGENT.JOINED' })).toMatchObject({ state: 'active', startedAt: 500, extensions: 2 });
  });

  it('ended carries the summary with the reason the machine settled on; a new session starts clean', () => {
    const ending = transition(transition(run(...toWaiting), { type: 'AGENT.JOINED' }), { type: 'END.REQUEST' });
    const ended = transition(ending, { type: 'SESSION.ENDED', reason: 'time-limit', summary: { ...summary, reason: 'time-limit' } });
    // The visitor pressed End first: that is why it ended.
    expect(ended).toMatchObject({ state: 'ended', endReason: 'customer', summary: { ...summary, reason: 'customer' } });
    const limit = transition(transition(run(...toWaiting), { type: 'AGENT.JOINED' }), { type: 'SESSION.ENDED', reason: 'time-limit', summary });
    expect(limit).toMatchObject({ endReason: 'time-limit', summary: { reason: 'time-limit' } });
    expect(transition(limit, { type: 'RESTART' })).toMatchObject({ state: 'starting', startedAt: null, extensions: 0, summary: null });
  });
});
