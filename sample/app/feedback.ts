'use server';

import { ActionError, fieldsOf, type FormFields } from 'actionwire/server';
import { currentUser } from '../lib/auth.js';
import { feedback } from '../lib/db.js';

/** A note left on the sample page. */
export interface Feedback {
  id: number;
  message: string;
  /** the signed-in user's name, or null when nobody was signed in */
  author: string | null;
  createdAt: Date;
}

const MAX_LENGTH = 500;

/**
 * Leaves a note for the team, signed in or not. A typed form action (`FormFields<{ message: string }>`, a FormData
 * whose fields the router checks): the sample page's `<form method="post" action="/actions/app/feedback/sendFeedback">`
 * posts straight to it without JavaScript, and the page's script calls it through the client with the same form's
 * data. A form without a `message` field is refused with a 400 before the action runs.
 */
export async function sendFeedback(formData: FormFields<{ message: string }>): Promise<Feedback> {
  const { message } = fieldsOf(formData);
  if (message.trim() === '') throw new ActionError(422, 'Write a message first', { code: 'missing-field' });
  if (message.length > MAX_LENGTH) throw new ActionError(422, `A message has at most ${MAX_LENGTH} characters`, { code: 'too-long' });
  const user = await currentUser();
  return feedback.insert({ message: message.trim(), author: user?.name ?? null });
}
