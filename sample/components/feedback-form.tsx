'use client';

import { useActionState } from 'react';
import { withFormFallback } from 'actionwire/client';
import { sendFeedback, type Feedback } from '../app/feedback.js';
import { describeError } from './describe-error.js';

export interface FeedbackFormProps {
  /** the message to show again after a failed post without JavaScript */
  message: string;
  enhanced: boolean;
  onSent: (note: Feedback) => void;
  onError: (text: string) => void;
}

/** A form action: posted by the browser without JavaScript (303 back to the page), through the generated client with it. */
export function FeedbackForm({ message, enhanced, onSent, onError }: FeedbackFormProps) {
  const [state, formAction, pending] = useActionState(
    withFormFallback(sendFeedback, async (_state: { message: string }, formData: FormData) => {
      try {
        onSent(await sendFeedback(formData));
        return { message: '' };
      } catch (error) {
        onError(describeError(error));
        const typed = formData.get('message');
        return { message: typeof typed === 'string' ? typed : '' };
      }
    }),
    { message },
  );
  return (
    <form id="feedback-form" data-testid="feedback-form" action={formAction} data-enhanced={enhanced ? 'true' : undefined}>
      <label>Message <textarea id="feedback-message" name="message" maxLength={500} defaultValue={state.message} key={state.message} required /></label>
      <p><button id="feedback-submit" disabled={pending}>Send feedback</button></p>
      <p className="hint">A form action: the browser posts it without JavaScript, the generated client sends it with.</p>
    </form>
  );
}
