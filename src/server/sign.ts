import { SignJWT } from 'jose';
import type { ZoomRole } from './types';

/** The claims of a Cobrowse SDK JWT (docs/zoom-sdk.md, "JWT"), in Zoom's names; `user_id` and `user_name` are both required by Zoom. */
export interface CobrowseClaims {
  app_key: string;
  role_type: ZoomRole;
  iat: number;
  exp: number;
  user_id: string;
  user_name: string;
  enable_byop?: 1;
}

/** Signs claims with HS256; returns `sign(claims) → JWT`. */
export function createSigner(secret: string): (claims: CobrowseClaims) => Promise<string> {
  // Import once: per-request importKey would dominate the cost of signing, and a
  // non-extractable CryptoKey cannot be read back out of the handler.
  let key: Promise<CryptoKey> | undefined;
  const getKey = (): Promise<CryptoKey> => {
    if (key === undefined) {
      key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
      // A failed import must not poison every later request.
      key.catch(() => (key = undefined));
    }
    return key;
  };
  return async (claims) =>
    new SignJWT({ ...claims }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(await getKey());
}
