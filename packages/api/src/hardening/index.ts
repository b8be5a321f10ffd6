export { clientAddressKey } from "./client-address.js";
export { httpErrorHandler, sendHttpError } from "./http-errors.js";
export { internalErrorsPlugin, type RequestScope } from "./internal-errors.plugin.js";
export { QUERY_LIMITS, queryLimitProtection, type QueryLimitProtection } from "./query-limits.js";
export { RateLimits, type RateLimitSettings } from "./rate-limits.js";
export { connectRedis } from "./redis.js";
export { limitVariables, MAX_VARIABLES_DEPTH, rejectInvalidUtf8 } from "./request-body.js";
export { refuseUnstorableText } from "./storable-arguments.js";
