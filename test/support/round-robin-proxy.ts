import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A load balancer for tests: each request goes to the next upstream in turn (per request, not
 * per connection, so one client's requests alternate between instances), headers and body as
 * they came, plus `X-Forwarded-For`.
 */
export interface RoundRobinProxy {
  url: string;
  /** Requests sent to each upstream, in the order given. */
  served: number[];
  close(): Promise<void>;
}

export async function startRoundRobinProxy(upstreams: string[]): Promise<RoundRobinProxy> {
  const agent = new http.Agent({ keepAlive: true });
  const served = upstreams.map(() => 0);
  let next = 0;
  const server = http.createServer((request, response) => {
    const index = next++ % upstreams.length;
    served[index] = (served[index] ?? 0) + 1;
    const target = new URL(request.url ?? "/", upstreams[index]);
    const forwarded = http.request(
      target,
      {
        method: request.method,
        agent,
        headers: {
          ...request.headers,
          host: target.host,
          // Appended to, as a proxy does: the API (TRUST_PROXY=loopback) takes the last hop
          // that is not this proxy.
          "x-forwarded-for": [request.headers["x-forwarded-for"], request.socket.remoteAddress]
            .filter(Boolean)
            .join(", "),
        },
      },
      (upstream) => {
        response.writeHead(upstream.statusCode ?? 502, upstream.headers);
        upstream.pipe(response);
      },
    );
    forwarded.on("error", () => {
      if (!response.headersSent) response.writeHead(502);
      response.end();
    });
    request.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
