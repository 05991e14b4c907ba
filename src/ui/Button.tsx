import type { ComponentChildren } from 'preact';

/** Button look: primary (filled), secondary (outlined) or danger (red outline). */
export type ButtonKind = 'pri' | 'sec' | 'dan';

/**
 * Every action button: `data-action` names it for tests and site analytics.
 * A plain function, not a component: the views call it a dozen times and it
 * keeps the bundle small. No `type` needed: a shadow-root button has no form.
 */
export const btn = (action: string, label: ComponentChildren, onClick: () => unknown, kind: ButtonKind = 'sec') => (
  <button class={kind} data-action={action} onClick={() => void onClick()}>
    {label}
  </button>
);
