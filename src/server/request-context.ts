/**
 * The peer address of requests that came through `toNodeHandler`. A Web
 * `Request` has no socket, and mutating it (or inventing a header a client
 * could also send) would let callers forge it, so it travels beside it.
 */
export const remoteAddresses = new WeakMap<Request, string>();
