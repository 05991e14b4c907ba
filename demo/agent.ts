// The agent side. Emulator mode: a console driving the customer's fake SDK over BroadcastChannel,
// with a masked live view of the customer's page. Real mode: Zoom's hosted agent desk in an iframe.
import demo from 'virtual:zoom-cobrowse-demo';
import { createEmulatorAgent, decodeJwt, type EmulatorSnapshot } from '../src/testing/index';

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`demo/agent.html has no #${id}`);
  return el as T;
};

/** Asks the project's token handler for an agent token (role 2), as an agent console would. */
async function agentToken(userName: string): Promise<string> {
  const res = await fetch(demo.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role: 2, userName }),
  });
  const body = (await res.json().catch(() => ({}))) as { token?: string; error?: { message?: string } };
  if (!res.ok || !body.token) throw new Error(body.error?.message ?? `The token endpoint answered ${res.status}.`);
  return body.token;
}

if (demo.mode === 'zoom') realDesk();
else emulatorConsole();

function realDesk(): void {
  $('zoom-desk').hidden = false;
  $('desk-kind').textContent = "Zoom's hosted agent desk";
  const status = $('desk-status');
  agentToken('Demo agent')
    .then((token) => {
      // The desk reads the agent JWT from the query string (Zoom's quickstart does the same); see AGENT_DESK_URL in dev-server.ts.
      $<HTMLIFrameElement>('desk').src = `${demo.agentDeskUrl}?access_token=${encodeURIComponent(token)}`;
      status.textContent = "Enter the PIN the customer reads to you in Zoom's desk below.";
    })
    .catch((err: unknown) => {
      status.dataset.tone = 'ended';
      status.textContent = `Could not get an agent token: ${err instanceof Error ? err.message : String(err)}`;
    });
}

function emulatorConsole(): void {
  $('emulator').hidden = false;
  $('desk-kind').textContent = 'Emulator: plays the agent against the fake SDK in your other tab';
  const agent = createEmulatorAgent();
  const form = $<HTMLFormElement>('join-form');
  const pinInput = $<HTMLInputElement>('pin');
  const nameInput = $<HTMLInputElement>('agent-name');
  const joinButton = $<HTMLButtonElement>('join');
  const error = $('join-error');
  const status = $('status');
  const controls = $('controls');
  const assist = $<HTMLButtonElement>('assist');
  const scrollUp = $<HTMLButtonElement>('scroll-up');
  const scrollDown = $<HTMLButtonElement>('scroll-down');
  const stage = $('stage');
  const empty = $('stage-empty');
  const updated = $('updated');
  const follow = $<HTMLInputElement>('follow');
  // 'asked': Zoom is showing the visitor its consent prompt; nothing moves until they allow it.
  let remoteAssist: 'off' | 'asked' | 'on' = 'off';

  const setStatus = (text: string, tone: 'idle' | 'live' | 'ended' = 'idle'): void => {
    status.textContent = text;
    status.dataset.tone = tone;
  };
  const setJoined = (joined: boolean): void => {
    controls.hidden = !joined;
    form.hidden = joined;
    if (!joined) {
      remoteAssist = 'off';
      syncAssist();
    }
  };
  const syncAssist = (): void => {
    assist.textContent = remoteAssist === 'on' ? 'Stop remote assist' : remoteAssist === 'asked' ? 'Withdraw the request' : 'Request remote assist';
    scrollUp.disabled = scrollDown.disabled = remoteAssist !== 'on';
  };
  const report = (r: { ok: true } | { ok: false; message: string }): void => {
    error.textContent = r.ok ? '' : r.message;
  };

  // --- the live view: two iframes, so a new snapshot loads behind the current one and never flashes ---
  const canvas = document.createElement('div');
  canvas.className = 'canvas';
  const frames = [0, 1].map(() => {
    const f = document.createElement('iframe');
    // No scripts, no same-origin access, no forms: the snapshot is a picture of the page, nothing more.
    f.setAttribute('sandbox', '');
    f.title = "Customer's page (masked snapshot)";
    f.dataset.part = 'agent-view';
    canvas.appendChild(f);
    return f;
  });
  const outline = document.createElement('div');
  outline.className = 'viewport-outline';
  canvas.appendChild(outline);
  let front = 0;
  let shownHtml = '';
  let last: EmulatorSnapshot | undefined;

  const layout = (s: EmulatorSnapshot): void => {
    const scale = Math.min(1, (stage.clientWidth - 2) / s.viewportWidth);
    canvas.style.width = `${s.viewportWidth * scale}px`;
    canvas.style.height = `${s.pageHeight * scale}px`;
    for (const f of frames) {
      f.style.width = `${s.viewportWidth}px`;
      f.style.height = `${s.pageHeight}px`;
      f.style.transform = `scale(${scale})`;
    }
    outline.style.top = `${s.scrollY * scale}px`;
    outline.style.height = `${s.viewportHeight * scale}px`;
    if (follow.checked) stage.scrollTo({ top: Math.max(0, s.scrollY * scale - 24), behavior: 'smooth' });
  };

  const show = (s: EmulatorSnapshot): void => {
    last = s;
    if (!canvas.isConnected) {
      empty.remove();
      stage.appendChild(canvas);
    }
    updated.textContent = `${s.title} · updated ${new Date(s.at).toLocaleTimeString()}`;
    layout(s);
    if (s.html === shownHtml) return;
    shownHtml = s.html;
    const back = frames[1 - front]!;
    back.onload = () => {
      back.onload = null;
      frames[front]!.removeAttribute('data-current');
      back.setAttribute('data-current', '');
      front = 1 - front;
    };
    back.dataset.seq = String(s.seq);
    back.srcdoc = s.html;
  };
  const clearView = (message: string): void => {
    canvas.remove();
    empty.textContent = message;
    if (!empty.isConnected) stage.appendChild(empty);
    shownHtml = '';
    updated.textContent = '';
    for (const f of frames) {
      f.removeAttribute('srcdoc');
      f.removeAttribute('data-current');
    }
  };
  window.addEventListener('resize', () => last && layout(last));
  agent.onSnapshot(show);

  agent.onSession((event) => {
    if (event === 'ended') {
      setJoined(false);
      setStatus('The session has ended.', 'ended');
      clearView('The session has ended. Join another with a new PIN.');
    } else if (event === 'reconnecting') {
      setStatus("The customer's page is reloading; reconnecting…");
    } else if (event === 'agent-joined') {
      setStatus('Connected again: you can see the customer\u2019s page.', 'live');
    } else if (event === 'agent-left') {
      setJoined(false);
      setStatus('You left. The customer is waiting for an agent again: join with the same PIN within 3 minutes.');
      clearView('You left the session.');
    } else if (event === 'remote-assist-started' || event === 'remote-assist-stopped') {
      remoteAssist = event === 'remote-assist-started' ? 'on' : 'off';
      syncAssist();
      setStatus(remoteAssist === 'on' ? 'Remote assist is on: you can scroll the customer\u2019s page.' : 'Remote assist is off.', 'live');
    } else if (event === 'remote-assist-requested') {
      remoteAssist = 'asked';
      syncAssist();
      setStatus('Waiting for the customer to allow remote assist in the prompt on their page\u2026', 'live');
    } else if (event === 'remote-assist-declined') {
      remoteAssist = 'off';
      syncAssist();
      setStatus('The customer declined remote assist.', 'live');
    }
  });

  const customers = $('customers');
  const STATE_TEXT: Record<string, string> = {
    'no-sdk': 'has not asked for help yet',
    none: 'has not asked for help yet',
    starting: 'starting a session',
    waiting: 'waiting for an agent',
    active: 'in a session',
    reconnecting: 'reconnecting',
    ended: 'session ended',
  };
  agent.onCustomers((list) => {
    customers.replaceChildren(
      ...(list.length
        ? list.map((c) => {
            const li = document.createElement('li');
            // The version matters: Zoom moved settings between builds, and the fake follows the one it plays.
            li.textContent = `${c.title || c.url}: ${STATE_TEXT[c.state] ?? c.state}${c.sdkVersion ? ` (fake Zoom SDK ${c.sdkVersion})` : ''}`;
            return li;
          })
        : [Object.assign(document.createElement('li'), { textContent: 'None yet: open the shop in another tab and press “Get help”.' })]),
    );
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      error.textContent = '';
      joinButton.disabled = true;
      setStatus(`Looking up PIN ${pinInput.value.trim()}…`);
      try {
        const name = nameInput.value.trim() || 'Agent';
        // Same path as the real desk: an agent token from the project's handler. The fake SDK does not check it.
        const claims = decodeJwt(await agentToken(name));
        $('token-line').textContent = `Agent token from ${demo.tokenUrl}: role_type ${String(claims?.role_type)}, user_name “${String(claims?.user_name)}”.`;
        const r = await agent.join(pinInput.value, { name });
        report(r);
        if (r.ok) {
          setJoined(true);
          setStatus('Connected: you can see the customer\u2019s page.', 'live');
        } else {
          setStatus('Not in a session.');
        }
      } catch (err) {
        error.textContent = `Could not get an agent token: ${err instanceof Error ? err.message : String(err)}`;
        setStatus('Not in a session.');
      } finally {
        joinButton.disabled = false;
      }
    })();
  });

  assist.addEventListener('click', () => {
    const withdrawing = remoteAssist === 'asked';
    void agent.remoteAssist(remoteAssist === 'off').then((r) => {
      report(r);
      // Withdrawing a request that is still on the visitor's screen gets no event of its own.
      if (r.ok && withdrawing && remoteAssist === 'asked') {
        remoteAssist = 'off';
        syncAssist();
        setStatus('You withdrew the request.', 'live');
      }
    });
  });
  scrollUp.addEventListener('click', () => void agent.scroll(-400).then(report));
  scrollDown.addEventListener('click', () => void agent.scroll(400).then(report));
  $('leave').addEventListener('click', () =>
    void agent.leave().then((r) => {
      report(r);
      if (!r.ok) return;
      setJoined(false);
      setStatus('You left. The customer is waiting for an agent again: join with the same PIN within 3 minutes.');
      clearView('You left the session.');
    }),
  );
  $('end').addEventListener('click', () =>
    void agent.end().then((r) => {
      report(r);
      if (!r.ok) return;
      setJoined(false);
      setStatus('You ended the session.', 'ended');
      clearView('The session has ended. Join another with a new PIN.');
    }),
  );
}
