import type { User } from '../app/actions.js';
import type { UserRow } from '../lib/db.js';

/**
 * The user as a page may show it. A page's props go to the browser as they are (no declared type prunes them, as
 * one does an action's result), so the row's password hash and internal notes are left out here, by hand.
 */
export function publicUser({ id, name, email, role, joinedAt }: UserRow): User {
  return { id, name, email, role, joinedAt };
}
