import { useActionState } from 'react';
import { withFormFallback } from 'actionwire/client';
import { describeError } from './describe-error.js';

/**
 * `useActionState` over a form action whose form keeps one text field after a failure (cleared after a success),
 * with `withFormFallback` so the server's rendering still posts the form to `action` without JavaScript.
 * Returns the field's value to show, the form's action, and whether a call is pending.
 */
export function useKeptFieldAction<T>(
  action: (formData: FormData) => Promise<T>,
  field: string,
  initial: string,
  onDone: (result: T) => void,
  onError: (text: string) => void,
): [value: string, formAction: (formData: FormData) => void, pending: boolean] {
  const [value, formAction, pending] = useActionState(
    withFormFallback(action, async (_value: string, formData: FormData): Promise<string> => {
      try {
        onDone(await action(formData));
        return '';
      } catch (error) {
        onError(describeError(error));
        const typed = formData.get(field);
        return typeof typed === 'string' ? typed : '';
      }
    }),
    initial,
  );
  return [value, formAction, pending];
}
