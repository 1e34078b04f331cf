"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useReauth } from "@/components/account/use-reauth";
import { unwrap, useErrorText } from "@/components/ui/action-error";
import { FailureLine } from "@/components/ui/failure-line";
import { StackedInput, StackedSelect } from "@/components/ui/form-controls";
import { useState } from "react";
import { MutationConfirmDialog } from "@/components/ui/mutation-confirm-dialog";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { changeRole, createUser, setUserDisabled } from "@/lib/users/actions";
import { AccountAdminActions, AccountBadges } from "./account-admin";
import { InlineForm } from "@/components/ui/inline-form";
import { PendingSubmit } from "@/components/ui/pending-submit";
import { textButton } from "@/components/ui/styles";

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  locked: boolean;
  /** Open sessions: what disabling ends. */
  sessions: number;
  twoFactor: boolean;
  mustChangePassword: boolean;
}

/** The roles to choose from, by their names in the user's language. */
function RoleOptions() {
  const tc = useTranslations("common.roles");
  return ROLES.map((r) => (
    <option key={r} value={r}>
      {tc(r)}
    </option>
  ));
}

export function CreateUserForm() {
  const t = useTranslations("admin.create");
  const router = useRouter();
  const [form, setForm] = useState({ email: "", name: "", role: "operator" as Role, password: "" });
  const create = useMutation({
    mutationFn: async () => {
      unwrap(await createUser(form));
    },
    onSuccess: () => {
      setForm({ email: "", name: "", role: "operator", password: "" });
      router.refresh();
    },
  });
  return (
    <InlineForm label={t("label")} onSubmit={() => create.mutate()} error={create.error}>
      <StackedInput
        label={t("email")}
        type="email"
        required
        value={form.email}
        onChange={(e) => setForm({ ...form, email: e.target.value })}
      />
      <StackedInput
        label={t("name")}
        required
        value={form.name}
        onChange={(e) => setForm({ ...form, name: e.target.value })}
      />
      <StackedSelect
        label={t("role")}
        value={form.role}
        onChange={(e) => setForm({ ...form, role: e.target.value as Role })}
        options={<RoleOptions />}
      />
      <StackedInput
        label={t("password")}
        type="password"
        required
        minLength={10}
        autoComplete="new-password"
        value={form.password}
        onChange={(e) => setForm({ ...form, password: e.target.value })}
      />
      <PendingSubmit
        pending={create.isPending}
        className="rounded bg-sky-700 px-3 py-1.5 font-medium text-white hover:bg-sky-800"
      >
        {t("submit")}
      </PendingSubmit>
    </InlineForm>
  );
}

/** What a row changes: the role (sensitive: it may ask for the password again) or whether the account is active. */
type Change = { role: Role } | { disabled: boolean };

export function UserRow({ user, self }: { user: UserView; self: boolean }) {
  const t = useTranslations("admin");
  const td = useTranslations("confirm.disableUser");
  const errorText = useErrorText();
  const router = useRouter();
  const [confirmDisable, setConfirmDisable] = useState(false);
  // Changing a role is sensitive: an old proof of identity is asked for again, then the change retried.
  const reauth = useReauth<Change>();
  const update = useMutation({
    mutationFn: async (change: Change) => {
      unwrap(
        "role" in change
          ? await changeRole({ userId: user.id, role: change.role })
          : await setUserDisabled({ userId: user.id, disabled: change.disabled }),
      );
    },
    onSuccess: () => {
      setConfirmDisable(false);
      router.refresh();
    },
    onError: reauth.check,
  });
  return (
    <tr data-testid="user-row">
      <td className="px-3 py-2">
        {user.email}
        {self ? <span className="ml-1 text-xs text-slate-500">{t("you")}</span> : null}
      </td>
      <td className="px-3 py-2">{user.name}</td>
      <td className="px-3 py-2">
        <select
          aria-label={t("roleOf", { email: user.email })}
          value={user.role}
          disabled={update.isPending}
          onChange={(e) => update.mutate({ role: e.target.value as Role })}
          className="rounded border border-slate-300 px-2 py-1"
        >
          <RoleOptions />
        </select>
      </td>
      <td className="px-3 py-2">
        {t(`state.${user.disabled ? "disabled" : user.locked ? "locked" : "active"}`)}
        <AccountBadges user={user} />
      </td>
      <td className="px-3 py-2">
        {user.disabled ? null : <AccountAdminActions user={user} self={self} />}
        {user.disabled ? (
          <button
            type="button"
            disabled={update.isPending}
            onClick={() => update.mutate({ disabled: false })}
            className={textButton}
          >
            {t("enable")}
          </button>
        ) : self ? (
          // The server refuses it too: an admin never locks themselves out.
          <span className="text-xs text-slate-500">{td("self")}</span>
        ) : (
          <button
            type="button"
            disabled={update.isPending}
            onClick={() => {
              update.reset();
              setConfirmDisable(true);
            }}
            className={textButton}
          >
            {t("disable")}
          </button>
        )}
        {reauth.prompt(
          (change) => update.mutate(change),
          () => update.reset(),
        )}
        <FailureLine
          error={reauth.needed || confirmDisable ? null : update.error}
          text={errorText}
          className="text-xs text-red-700"
        />
        {confirmDisable ? (
          <MutationConfirmDialog
            testId="disable-user-dialog"
            title={td("title", { email: user.email })}
            confirmLabel={td("confirm")}
            mutation={update}
            input={{ disabled: true }}
            onClose={() => setConfirmDisable(false)}
          >
            <p>{td("body", { name: user.name, sessions: user.sessions })}</p>
          </MutationConfirmDialog>
        ) : null}
      </td>
    </tr>
  );
}
