// Case 4's baseline server, run as a child process (bench/cases/hot-read.mjs forks it) so that
// it has a core's worth of event loop to itself, as the API has: a bare node:http server that
// answers every request with the bytes the parent sends it, nothing else. It is the ceiling for
// the same response over the same HTTP stack; the API's hot read is compared with it.
import { createServer } from "node:http";

process.once("message", ({ body, contentType }) => {
  const bytes = Buffer.from(body, "base64");
  const headers = { "Content-Type": contentType, "Content-Length": bytes.length };
  const server = createServer((_request, response) => {
    response.writeHead(200, headers);
    response.end(bytes);
  });
  server.listen(0, "127.0.0.1", () => {
    process.send({ port: server.address().port });
  });
  // The parent ending (or disconnecting) ends the baseline too: it must never outlive a run.
  process.once("disconnect", () => process.exit(0));
});
