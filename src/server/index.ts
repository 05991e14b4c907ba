/**
 * `zoom-cobrowse-widget/server`: a token endpoint for the Zoom Cobrowse SDK,
 * and a verified endpoint for Zoom's Cobrowse webhooks.
 * Runs anywhere with Web `Request`/`Response` (Node 20, Next.js, Workers, Deno,
 * Bun); `toNodeHandler` adapts it to Node `http` and Express/Connect.
 */
export { createTokenHandler } from './token-handler';
export { toNodeHandler } from './node';
export type { NodeHandler, NodeRequestLike, NodeResponseLike } from './node';
export { createMemoryRateLimit, getClientIp } from './rate-limit';
export type { MemoryRateLimitOptions } from './rate-limit';
export { createRedisRateLimit } from './redis-rate-limit';
export type { RedisRateLimitOptions } from './redis-rate-limit';
export { createWebhookHandler, isCobrowseEvent, WEBHOOK_TOLERANCE_SECONDS } from './webhook';
export type {
  CobrowseSessionObject,
  CobrowseWebhookEvent,
  CobrowseWebhookEventName,
  UnknownWebhookEvent,
  WebhookContext,
  WebhookErrorCode,
  WebhookErrorDetails,
  WebhookEventDetails,
  WebhookHandler,
  WebhookHandlerOptions,
  ZoomWebhookEvent,
} from './webhook';
export { TokenHandlerConfigError } from './messages';
export type {
  AuthorizeAgentDetails,
  IdentifyDetails,
  RateLimitHook,
  RateLimitResult,
  TokenErrorBody,
  TokenErrorCode,
  TokenHandler,
  TokenHandlerErrorDetails,
  TokenHandlerFailure,
  TokenHandlerOptions,
  TokenIdentity,
  TokenRequestBody,
  TokenResponseBody,
  ZoomRole,
} from './types';
