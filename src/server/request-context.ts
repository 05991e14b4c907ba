/**
 * The peer address of requests that came through `toNodeHandler`. A Web
 * `Request` has no socket, and mutating it (or inventing a header a client
 * could also send) would let callers forge it, so it travels beside it.
 */
export const remoteAddresses = new WeakMap<Request, string>();

/**
 * Requests whose body `toNodeHandler` rebuilt from an object a body parser
 * (express.json()) had already made. Their bytes are not the ones the client
 * signed, so the webhook handler can say why a signature check failed.
 */
export const reserialisedBodies = new WeakSet<Request>();
