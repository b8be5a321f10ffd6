/** Starts the demo intranet server; `port: 0` picks a free port. */
export function startDemoServer(options?: {
  port?: number;
  host?: string;
  apiUrl?: string;
}): Promise<{ url: string; close(): Promise<void> }>;
