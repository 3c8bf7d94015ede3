'use server';

import { ActionError } from 'actionwire/server';
import { requireUser } from '../lib/auth.js';
import { users, type Role } from '../lib/db.js';
import { hashPassword } from '../lib/passwords.js';

/** A user as clients see it: no password hash, no internal notes. */
export interface User {
  id: number;
  name: string;
  email: string;
  role: Role;
  /** when the user joined */
  joinedAt: Date;
}

export interface NewUser {
  name: string;
  email: string;
  password: string;
  role?: Role;
  /** defaults to now */
  joinedAt?: Date;
}

/** Creates a user. Only admins may. */
export async function createUser(data: NewUser): Promise<User> {
  await requireUser('admin');
  if (data.password.length < 8) throw new ActionError(422, 'The password needs at least 8 characters', { code: 'weak-password' });
  if (await users.findByEmail(data.email)) throw new ActionError(409, `${data.email} is taken`, { code: 'email-taken' });
  return users.insert({
    name: data.name,
    email: data.email,
    role: data.role ?? 'member',
    passwordHash: await hashPassword(data.password),
    ...(data.joinedAt ? { joinedAt: data.joinedAt } : {}),
  });
}

/** Every user, oldest first. Any signed-in user may list them. */
export async function fetchUsers(): Promise<User[]> {
  await requireUser();
  return users.findMany();
}
