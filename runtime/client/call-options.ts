import type { Options } from 'ky';

/**
 * Options for one call of an action function, given through `f.with(options)`; they apply to that call only,
 * over what `configureClient` / `createClient` set.
 *
 * @example
 * const controller = new AbortController();
 * await search.with({ signal: controller.signal, timeout: 5000, headers: { 'x-request-id': id } })('query');
 */
export interface CallOptions {
  /** aborts the call: it rejects with the signal's reason (a `DOMException` named 'AbortError' unless you gave one) */
  signal?: AbortSignal;
  /** milliseconds until the call rejects with a `TimeoutError` (`false`: none); overrides the client's `timeout` */
  timeout?: number | false;
  /** sent with this call, each over the header of the same name the client sends */
  headers?: HeadersInit;
  /** called as the request body goes out (a FormData upload, say) */
  onUploadProgress?: Options['onUploadProgress'];
}

/** `later` over `earlier`, header by header; options left undefined keep the earlier value. */
export function mergeCallOptions(earlier: CallOptions, later: CallOptions): CallOptions {
  const merged: CallOptions = { ...earlier };
  if (later.signal !== undefined) merged.signal = later.signal;
  if (later.timeout !== undefined) merged.timeout = later.timeout;
  if (later.onUploadProgress !== undefined) merged.onUploadProgress = later.onUploadProgress;
  if (later.headers !== undefined) {
    const headers = new Headers(earlier.headers);
    new Headers(later.headers).forEach((value, name) => headers.set(name, value));
    merged.headers = headers;
  }
  return merged;
}
