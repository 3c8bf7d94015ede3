import { SEAL_ERROR_CODE } from '../../../model/protocol-errors.js';

export { SEAL_ERROR_CODE };

const BRAND = Symbol.for('actionwire.SealError');

/** Why a seal was refused, for logs; the client sees only the message. */
export type SealErrorReason = 'malformed' | 'too-long' | 'version' | 'unknown-key' | 'not-authentic';

/**
 * A seal that cannot be opened: malformed, too long, of another version, made with a key this server
 * does not have, or not authentic for this route (tampered, truncated, or made for another action).
 * Speaks Koa's contract: a 400 whose message may be shown.
 *
 * @example
 * try {
 *   bound = sealer.open(route, request.bound);
 * } catch (error) {
 *   if (SealError.is(error)) return sendProblem(ctx, problem(error.status, { detail: error.message, code: error.code }));
 *   throw error;
 * }
 */
export class SealError extends Error {
  override name = 'SealError';
  readonly status = 400;
  readonly expose = true;
  readonly code = SEAL_ERROR_CODE;
  readonly reason: SealErrorReason;

  constructor(reason: SealErrorReason, message: string) {
    super(message);
    this.reason = reason;
  }

  get [BRAND](): true {
    return true;
  }

  /** True for a SealError from any copy of this package. */
  static is(value: unknown): value is SealError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }
}
