import { getTranslations } from "next-intl/server";
import { CreateUserForm, UserRow } from "@/components/admin/users-admin";
import { requireUser } from "@/lib/auth/current";
import { listUsers } from "@/lib/users/data";
import { BoxedTable } from "@/components/ui/boxed-table";

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
      <BoxedTable
        caption={t("table.caption")}
        captionHidden
        columns={[t("table.email"), t("table.name"), t("table.role"), t("table.status")]}
        actions={t("table.actions")}
        empty={false}
      >
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
      </BoxedTable>
    </div>
  );
}
