import { getTranslations } from "next-intl/server";
import { CreateUserForm, UserRow } from "@/components/admin/users-admin";
import { requireUser } from "@/lib/auth/current";
import { listUsers } from "@/lib/users/data";
import { TableHead, Th } from "@/components/ui/table";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  return { title: (await getTranslations("admin"))("title") };
}

export default async function UsersPage() {
  const me = await requireUser("users:manage");
  const users = await listUsers();
  const now = new Date();
  const t = await getTranslations("admin");
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold tracking-tight">{t("title")}</h1>
      <CreateUserForm />
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full text-sm">
          <caption className="sr-only">{t("table.caption")}</caption>
          <TableHead>
            <tr>
              <Th>{t("table.email")}</Th>
              <Th>{t("table.name")}</Th>
              <Th>{t("table.role")}</Th>
              <Th>{t("table.status")}</Th>
              <Th>
                <span className="sr-only">{t("table.actions")}</span>
              </Th>
            </tr>
          </TableHead>
          <tbody className="divide-y divide-slate-100">
            {users.map((u) => (
              <UserRow
                key={u.id.toString()}
                self={u.id === me.id}
                user={{
                  id: u.id.toString(),
                  email: u.email,
                  name: u.name,
                  role: u.role,
                  disabled: u.disabledAt !== null,
                  locked: !!u.lockedUntil && u.lockedUntil > now,
                  sessions: u._count.sessions,
                  twoFactor: u.totpEnabledAt !== null,
                  mustChangePassword: u.mustChangePassword,
                }}
              />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
