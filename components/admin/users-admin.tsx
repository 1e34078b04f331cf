"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { ReauthPrompt } from "@/components/account/reauth-prompt";
import { ActionFailure, unwrap, useErrorText } from "@/components/ui/action-error";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { changeRole, createUser, setUserDisabled } from "@/lib/users/actions";
import { AccountAdminActions, AccountBadges } from "./account-admin";
import { InlineForm } from "@/components/ui/inline-form";

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

export function CreateUserForm() {
  const t = useTranslations("admin.create");
  const tc = useTranslations("common.roles");
  const errorText = useErrorText();
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
    <InlineForm
      label={t("label")}
      onSubmit={() => create.mutate()}
      error={create.isError ? errorText(create.error) : null}
    >
      <label className="flex flex-col gap-1">
        {t("email")}
        <input
          type="email"
          required
          value={form.email}
          onChange={(e) => setForm({ ...form, email: e.target.value })}
          className="rounded border border-slate-300 px-2 py-1"
        />
      </label>
      <label className="flex flex-col gap-1">
        {t("name")}
        <input
          required
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
          className="rounded border border-slate-300 px-2 py-1"
        />
      </label>
      <label className="flex flex-col gap-1">
        {t("role")}
        <select
          value={form.role}
          onChange={(e) => setForm({ ...form, role: e.target.value as Role })}
          className="rounded border border-slate-300 px-2 py-1"
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {tc(r)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        {t("password")}
        <input
          type="password"
          required
          minLength={10}
          autoComplete="new-password"
          value={form.password}
          onChange={(e) => setForm({ ...form, password: e.target.value })}
          className="rounded border border-slate-300 px-2 py-1"
        />
      </label>
      <button
        type="submit"
        disabled={create.isPending}
        className="rounded bg-sky-700 px-3 py-1.5 font-medium text-white hover:bg-sky-800"
      >
        {t("submit")}
      </button>
    </InlineForm>
  );
}

export function UserRow({ user, self }: { user: UserView; self: boolean }) {
  const t = useTranslations("admin");
  const tc = useTranslations("common.roles");
  const td = useTranslations("confirm.disableUser");
  const errorText = useErrorText();
  const router = useRouter();
  const [confirmDisable, setConfirmDisable] = useState(false);
  // Changing a role is sensitive: an old proof of identity is asked for again, then the change retried.
  const [retry, setRetry] = useState<{ role: Role } | null>(null);
  const update = useMutation({
    mutationFn: async (change: { role: Role } | { disabled: boolean }) => {
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
    onError: (err, change) =>
      setRetry(err instanceof ActionFailure && err.code === "reauth_required" && "role" in change ? change : null),
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
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {tc(r)}
            </option>
          ))}
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
            className="text-sm font-medium text-sky-700 underline"
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
            className="text-sm font-medium text-sky-700 underline"
          >
            {t("disable")}
          </button>
        )}
        {retry ? (
          <ReauthPrompt
            onConfirmed={() => {
              setRetry(null);
              update.mutate(retry);
            }}
            onCancel={() => {
              setRetry(null);
              update.reset();
            }}
          />
        ) : update.isError && !confirmDisable ? (
          <p role="alert" className="text-xs text-red-700">
            {errorText(update.error)}
          </p>
        ) : null}
        {confirmDisable ? (
          <ConfirmDialog
            testId="disable-user-dialog"
            title={td("title", { email: user.email })}
            confirmLabel={td("confirm")}
            pending={update.isPending}
            error={update.isError ? errorText(update.error) : null}
            onConfirm={() => update.mutate({ disabled: true })}
            onClose={() => setConfirmDisable(false)}
          >
            <p>{td("body", { name: user.name, sessions: user.sessions })}</p>
          </ConfirmDialog>
        ) : null}
      </td>
    </tr>
  );
}
