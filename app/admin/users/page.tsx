import { CreateUserForm, UserRow } from "@/components/admin/users-admin";
import { requireUser } from "@/lib/auth/current";
import { listUsers } from "@/lib/users/data";

export const dynamic = "force-dynamic";
export const metadata = { title: "Users" };

export default async function UsersPage() {
  const me = await requireUser("users:manage");
  const users = await listUsers();
  const now = new Date();
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold tracking-tight">Users</h1>
      <CreateUserForm />
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full text-sm">
          <caption className="sr-only">Accounts</caption>
          <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-3 py-2">Email</th>
              <th scope="col" className="px-3 py-2">Name</th>
              <th scope="col" className="px-3 py-2">Role</th>
              <th scope="col" className="px-3 py-2">Status</th>
              <th scope="col" className="px-3 py-2"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {users.map((u) => (
              <UserRow
                key={u.id.toString()}
                self={u.id === me.id}
                user={{ id: u.id.toString(), email: u.email, name: u.name, role: u.role, disabled: u.disabledAt !== null, locked: !!u.lockedUntil && u.lockedUntil > now }}
              />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
