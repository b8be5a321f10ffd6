import { isIPv4, isIPv6 } from "node:net";

/**
 * The rate-limit key of a client address. An IPv6 client usually holds a whole /64 and can pick
 * any address in it, so IPv6 addresses count per /64; IPv4-mapped IPv6 addresses count as the
 * IPv4 address they carry.
 */
export function clientAddressKey(address: string | undefined): string {
  if (address === undefined || address === "") return "unknown";
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped !== undefined && isIPv4(mapped)) return mapped;
  if (!isIPv6(address)) return address;
  return `${expandIPv6(address).slice(0, 4).join(":")}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, without leading zeros (`::1` → 0,…,0,1). */
function expandIPv6(address: string): string[] {
  const withoutZone = address.split("%")[0] ?? address;
  const [head = "", tail] = withoutZone.split("::");
  const groups = (part: string) => (part === "" ? [] : part.split(":"));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  // A trailing dotted IPv4 part (`::1.2.3.4`) stands for two groups.
  const last = right.at(-1) ?? left.at(-1);
  const filled = last?.includes(".") ? 7 : 8;
  const missing =
    tail === undefined ? [] : Array<string>(filled - left.length - right.length).fill("0");
  return [...left, ...missing, ...right].map((group) =>
    group.includes(".") ? group : group.replace(/^0+(?=.)/, "").toLowerCase(),
  );
}
