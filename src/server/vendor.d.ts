// rate-limiter-flexible's index also loads its cluster and SQL limiters, which
// require Node's `cluster` and `crypto`; the Redis limiter alone needs neither,
// so the server entry imports that one file (typed here from the package's own types).
declare module 'rate-limiter-flexible/lib/RateLimiterRedis.js' {
  import type { RateLimiterRedis } from 'rate-limiter-flexible';
  const RateLimiterRedisClass: typeof RateLimiterRedis;
  export default RateLimiterRedisClass;
}
