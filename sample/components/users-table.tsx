import type { User } from '../app/actions.js';

/** The users fetchUsers returned; their join dates arrive as Dates (the generated client revives them). */
export function UsersTable({ users }: { users: User[] | null }) {
  return (
    <table id="users-table" data-testid="users-table" hidden={users === null}>
      <thead>
        <tr><th>#</th><th>Name</th><th>Email</th><th>Role</th><th>Joined</th></tr>
      </thead>
      <tbody id="users-body">
        {(users ?? []).map((user) => (
          <tr key={user.id} data-testid="user-row" data-user-id={user.id}>
            <td>{user.id}</td><td>{user.name}</td><td>{user.email}</td><td>{user.role}</td><td>{user.joinedAt.toISOString().slice(0, 10)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
