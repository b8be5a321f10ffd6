import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { Result } from "@real-skills/shared";
import type { ApiError } from "../api-client/index.js";

export type QueryState<TValue> =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "complete"; value: TValue }
  | { status: "error"; error: ApiError };

export interface QueryOptions<TArgs extends readonly unknown[], TValue> {
  /**
   * Read before every render of the host. When the arguments differ from the last ones (by
   * value), a new request starts and the previous one is aborted; `undefined` means there is
   * nothing to load.
   */
  args: () => TArgs | undefined;
  /** Loads the value; must not throw: failures come back as `ApiError` results. */
  run: (args: TArgs, signal: AbortSignal) => Promise<Result<TValue, ApiError>>;
  /** Called once per failed request that is still current. */
  onError?: (error: ApiError) => void;
}

/**
 * Keeps one API request in step with the host's properties: loads when they change, drops
 * answers that a newer request or a disconnect made stale, and re-renders the host on every
 * change of `state`.
 */
export class QueryController<
  TArgs extends readonly unknown[],
  TValue,
> implements ReactiveController {
  state: QueryState<TValue> = { status: "idle" };

  private key: string | undefined;
  private abortController: AbortController | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: QueryOptions<TArgs, TValue>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // After a disconnect aborted a request, the next render starts it again.
    this.host.requestUpdate();
  }

  hostUpdate(): void {
    const args = this.options.args();
    const key = args === undefined ? undefined : JSON.stringify(args);
    if (key === this.key) return;
    this.key = key;
    if (args === undefined) {
      this.abortController?.abort();
      this.state = { status: "idle" };
    } else {
      void this.load(args);
    }
  }

  hostDisconnected(): void {
    if (this.state.status !== "loading") return;
    this.abortController?.abort();
    this.key = undefined;
  }

  /** Loads again with the current arguments, e.g. when the reader asks to retry. */
  retry(): void {
    const args = this.options.args();
    if (args !== undefined) void this.load(args);
  }

  private async load(args: TArgs): Promise<void> {
    this.abortController?.abort();
    const abortController = new AbortController();
    this.abortController = abortController;
    this.state = { status: "loading" };
    this.host.requestUpdate();

    const result = await this.options.run(args, abortController.signal);
    if (abortController.signal.aborted) return;
    this.state = result.ok
      ? { status: "complete", value: result.value }
      : { status: "error", error: result.error };
    if (!result.ok) this.options.onError?.(result.error);
    this.host.requestUpdate();
  }
}
