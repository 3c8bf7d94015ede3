/**
 * A promise that is rejected while nothing awaits it — work an action starts and forgets, such as an email
 * sent with no `await` and no `.catch` — ends the whole Node process by default, and with it every other
 * user's call. The sample's server logs it, with its stack, and keeps serving; code that starts work it does
 * not await should still catch that work's errors itself.
 */
export function logUnhandledRejections(): void {
  process.on('unhandledRejection', (reason) => {
    console.error('[sample] a promise was rejected and nothing awaited it; the server keeps running:', reason);
  });
}
