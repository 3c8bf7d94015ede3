/**
 * Compiled by `tsc -p tests` in `npm test`: a typed form's client function takes a FormData (what a React form
 * gives) or its fields as an object, checked field by field; the server's FormFields stays a FormData for React.
 */
import type { FormFields } from 'actionwire/server';
import type * as clientFeedback from '../../sample/generated/client/app/feedback.js';
import type * as clientSession from '../../sample/generated/client/app/session.js';
import type * as serverFeedback from '../../sample/app/feedback.js';

declare const sendFeedback: typeof clientFeedback.sendFeedback;
declare const signInWithForm: typeof clientSession.signInWithForm;

export const fromFormData = (form: FormData) => sendFeedback(form);
export const fromObject = () => signInWithForm({ email: 'a@example.com', password: 'secret' });

// @ts-expect-error — a misspelled field does not compile
export const misspelled = () => sendFeedback({ mesage: 'hello' });
// @ts-expect-error — a required field cannot be left out
export const missing = () => signInWithForm({ email: 'a@example.com' });
// @ts-expect-error — a text field takes text, not a file
export const fileForText = () => sendFeedback({ message: new Blob([]) });

/** The server action is still a `(formData: FormData) => …` where React wants one (`<form action>`, useActionState). */
export const reactFormAction: (formData: FormData) => Promise<unknown> = null as unknown as typeof serverFeedback.sendFeedback;

/** A plain FormData is a FormFields of any fields: what React hands the action. */
export const plainIsTyped: FormFields<{ title: string }> = new FormData();

// @ts-expect-error — FormFields declares text, files, and arrays of them only
export type NumberField = FormFields<{ count: number }>;
