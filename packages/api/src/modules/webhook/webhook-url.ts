import { badInput } from "../../common/errors.js";

const MAX_URL_LENGTH = 2000;

/**
 * Checks an endpoint URL: `https://` only (plain `http://` too when `allowHttp`, for tests and local
 * development), no user name or password in it. Returns the normalised URL.
 */
export function checkWebhookUrl(value: string, allowHttp: boolean, field = "input.url"): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw badInput(field, "must be an absolute https:// URL");
  }
  const schemes = allowHttp ? ["https:", "http:"] : ["https:"];
  if (!schemes.includes(url.protocol)) {
    throw badInput(
      field,
      allowHttp ? "must be an http:// or https:// URL" : "must be an https:// URL",
    );
  }
  if (url.username !== "" || url.password !== "") {
    throw badInput(field, "must not contain a user name or password");
  }
  if (url.hostname === "") throw badInput(field, "must name a host");
  const normalised = url.toString();
  if (normalised.length > MAX_URL_LENGTH) {
    throw badInput(field, `must be at most ${MAX_URL_LENGTH} characters`);
  }
  return normalised;
}
