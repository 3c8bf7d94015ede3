import { ActionError } from 'actionwire/client';

/** A problem answer as both sides know it: the client's ActionError, and what `formProblem` gives a page on the server. */
export interface ProblemText {
  status: number;
  title: string;
  detail?: string | undefined;
  errors?: ReadonlyArray<{ path: string; message: string }> | undefined;
}

/** "401 Unauthorized — Sign in first", with the invalid fields of a 400 after a colon. */
export function describeProblem({ status, title, detail, errors = [] }: ProblemText): string {
  const issues = errors.map((issue) => `${issue.path} ${issue.message}`).join('; ');
  return `${status} ${title}${detail ? ` — ${detail}` : ''}${issues ? `: ${issues}` : ''}`;
}

/** An action's failure as the page shows it; any other error by its message. */
export function describeError(error: unknown): string {
  if (!ActionError.is(error)) return error instanceof Error ? error.message : String(error);
  return describeProblem(error);
}
