/** Starts the demo intranet server; `port: 0` picks a free port. */
export function startDemoServer(options?: {
  port?: number;
  host?: string;
  apiUrl?: string;
  /** An organisation's HS256 embed key; without it the page's employee cannot sign in. */
  embedKey?: { kid: string; secret: string };
}): Promise<{ url: string; close(): Promise<void> }>;
