'use client';

import { sendFeedback, type Feedback } from '../app/feedback.js';
import { useKeptFieldAction } from './use-kept-field-action.js';

export interface FeedbackFormProps {
  /** the message to show again after a failed post without JavaScript */
  message: string;
  enhanced: boolean;
  onSent: (note: Feedback) => void;
  onError: (text: string) => void;
}

/** A form action: posted by the browser without JavaScript (303 back to the page), through the generated client with it. */
export function FeedbackForm({ message, enhanced, onSent, onError }: FeedbackFormProps) {
  const [typedMessage, formAction, pending] = useKeptFieldAction(sendFeedback, 'message', message, onSent, onError);
  return (
    <form id="feedback-form" data-testid="feedback-form" action={formAction} data-enhanced={enhanced ? 'true' : undefined}>
      <label>Message <textarea id="feedback-message" name="message" maxLength={500} defaultValue={typedMessage} key={typedMessage} required /></label>
      <p><button id="feedback-submit" disabled={pending}>Send feedback</button></p>
      <p className="hint">A form action: the browser posts it without JavaScript, the generated client sends it with.</p>
    </form>
  );
}
