import { ActionError } from 'actionwire/client';

/** "401 Unauthorized — Sign in first", with the invalid fields of a 400 after a colon. */
export function describeError(error: unknown): string {
  if (!ActionError.is(error)) return error instanceof Error ? error.message : String(error);
  const issues = error.errors.map((issue) => `${issue.path} ${issue.message}`).join('; ');
  return `${error.status} ${error.title}${error.detail ? ` — ${error.detail}` : ''}${issues ? `: ${issues}` : ''}`;
}
