/** What the page says after an action: a notice, an error, or nothing. */
export type Message = { kind: 'notice' | 'error'; text: string } | null;

/** The page's two message boxes; the one not in use stays hidden. */
export function Messages({ message }: { message: Message }) {
  return (
    <>
      <p id="error" data-testid="error" role="alert" hidden={message?.kind !== 'error'}>
        {message?.kind === 'error' ? message.text : ''}
      </p>
      <p id="notice" data-testid="notice" role="status" hidden={message?.kind !== 'notice'}>
        {message?.kind === 'notice' ? message.text : ''}
      </p>
    </>
  );
}
