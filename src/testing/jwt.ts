import type { CobrowseClaims } from '../server/sign';

/**
 * Claims the fake SDK reads from a customer token: the token endpoint's claims
 * (src/server/sign.ts), each possibly missing or wrong, since the fake checks them itself.
 */
export type CobrowseJwtClaims = { [K in keyof CobrowseClaims]?: unknown };

function base64UrlDecode(part: string): string {
  const b64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bin = atob(b64);
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** Decodes (does not verify) a JWT's payload; undefined when it isn't one. */
export function decodeJwt(token: string): CobrowseJwtClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return undefined;
  try {
    const payload: unknown = JSON.parse(base64UrlDecode(parts[1]));
    return typeof payload === 'object' && payload !== null ? (payload as CobrowseJwtClaims) : undefined;
  } catch {
    return undefined;
  }
}

function base64UrlEncode(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Makes an **unsigned-looking** customer token the fake SDK accepts (the fake only
 * decodes). For tests and the demo's emulator mode only: real Zoom needs a token
 * signed with your SDK secret on your server.
 */
export function createFakeToken(claims: { sdkKey: string; roleType?: 1 | 2; ttlSeconds?: number; userId?: string; userName?: string; enableByop?: boolean; now?: number }): string {
  const iat = Math.floor((claims.now ?? Date.now()) / 1000);
  const payload: CobrowseClaims = {
    app_key: claims.sdkKey,
    role_type: claims.roleType ?? 1,
    iat,
    exp: iat + (claims.ttlSeconds ?? 3600),
    user_id: claims.userId ?? `visitor-${iat}`,
    user_name: claims.userName ?? 'Visitor',
    ...(claims.enableByop ? { enable_byop: 1 } : {}),
  };
  return `${base64UrlEncode(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64UrlEncode(JSON.stringify(payload))}.fake-signature`;
}
