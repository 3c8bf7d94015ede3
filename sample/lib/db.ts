import { PGlite } from '@electric-sql/pglite';

export type Role = 'admin' | 'member';

/** A row of the users table, as the database returns it: it holds more than any client may see. */
export interface UserRow {
  id: number;
  name: string;
  email: string;
  role: Role;
  joinedAt: Date;
  passwordHash: string;
  internalNotes: string | null;
}

/** A row of the posts table. */
export interface PostRow {
  id: number;
  authorId: number;
  title: string;
  body: string;
  updatedAt: Date;
}

/** A row of the feedback table: a note left through the sample page's form. */
export interface FeedbackRow {
  id: number;
  message: string;
  author: string | null;
  createdAt: Date;
}

let database: Promise<PGlite> | undefined;

const SCHEMA = `
  create table if not exists users (
    id serial primary key,
    name text not null,
    email text not null unique,
    role text not null check (role in ('admin', 'member')),
    "joinedAt" timestamptz not null default now(),
    "passwordHash" text not null,
    "internalNotes" text
  );
  create table if not exists sessions (
    token text primary key,
    "userId" integer not null references users(id) on delete cascade,
    "expiresAt" timestamptz not null
  );
  create table if not exists posts (
    id serial primary key,
    "authorId" integer not null references users(id),
    title text not null,
    body text not null,
    "updatedAt" timestamptz not null default now()
  );
  create table if not exists feedback (
    id serial primary key,
    message text not null,
    author text,
    "createdAt" timestamptz not null default now()
  );
`;

/** The embedded PostgreSQL (PGlite): in memory, or in `dataDir` when one is given to `openDatabase`. */
export function openDatabase(dataDir?: string): Promise<PGlite> {
  database ??= (async () => {
    const db = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
    await db.exec(SCHEMA);
    return db;
  })();
  return database;
}

async function db(): Promise<PGlite> {
  return openDatabase();
}

export async function closeDatabase(): Promise<void> {
  const open = database;
  database = undefined;
  if (open) await (await open).close();
}

export const users = {
  async insert(user: Omit<UserRow, 'id' | 'joinedAt' | 'internalNotes'> & { joinedAt?: Date }): Promise<UserRow> {
    const { rows } = await (await db()).query<UserRow>(
      `insert into users (name, email, role, "passwordHash", "joinedAt", "internalNotes")
       values ($1, $2, $3, $4, coalesce($5, now()), 'created through the sample') returning *`,
      [user.name, user.email, user.role, user.passwordHash, user.joinedAt ?? null],
    );
    const [row] = rows;
    if (!row) throw new Error('insert returned no row');
    return row;
  },
  async findMany(): Promise<UserRow[]> {
    const { rows } = await (await db()).query<UserRow>('select * from users order by id');
    return rows;
  },
  async findByEmail(email: string): Promise<UserRow | undefined> {
    const { rows } = await (await db()).query<UserRow>('select * from users where email = $1', [email]);
    return rows[0];
  },
  async findById(id: number): Promise<UserRow | undefined> {
    const { rows } = await (await db()).query<UserRow>('select * from users where id = $1', [id]);
    return rows[0];
  },
};

export const sessions = {
  async create(token: string, userId: number, expiresAt: Date): Promise<void> {
    await (await db()).query('insert into sessions (token, "userId", "expiresAt") values ($1, $2, $3)', [token, userId, expiresAt]);
  },
  async findUser(token: string): Promise<UserRow | undefined> {
    const { rows } = await (await db()).query<UserRow>(
      'select users.* from sessions join users on users.id = sessions."userId" where token = $1 and "expiresAt" > now()',
      [token],
    );
    return rows[0];
  },
  async delete(token: string): Promise<void> {
    await (await db()).query('delete from sessions where token = $1', [token]);
  },
};

export const posts = {
  async insert(post: Pick<PostRow, 'authorId' | 'title' | 'body'>): Promise<PostRow> {
    const { rows } = await (await db()).query<PostRow>('insert into posts ("authorId", title, body) values ($1, $2, $3) returning *', [post.authorId, post.title, post.body]);
    const [row] = rows;
    if (!row) throw new Error('insert returned no row');
    return row;
  },
  async findById(id: number): Promise<PostRow | undefined> {
    const { rows } = await (await db()).query<PostRow>('select * from posts where id = $1', [id]);
    return rows[0];
  },
  async update(id: number, changes: Pick<PostRow, 'title' | 'body'>): Promise<PostRow | undefined> {
    const { rows } = await (await db()).query<PostRow>('update posts set title = $2, body = $3, "updatedAt" = now() where id = $1 returning *', [id, changes.title, changes.body]);
    return rows[0];
  },
};

export const feedback = {
  async insert(note: Pick<FeedbackRow, 'message' | 'author'>): Promise<FeedbackRow> {
    const { rows } = await (await db()).query<FeedbackRow>('insert into feedback (message, author) values ($1, $2) returning *', [note.message, note.author]);
    const [row] = rows;
    if (!row) throw new Error('insert returned no row');
    return row;
  },
  async latest(limit: number): Promise<FeedbackRow[]> {
    const { rows } = await (await db()).query<FeedbackRow>('select * from feedback order by id desc limit $1', [limit]);
    return rows;
  },
};
