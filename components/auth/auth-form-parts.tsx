"use client";

import type { InputHTMLAttributes, ReactNode } from "react";
import { useFormat } from "@/components/ui/use-format";

/** The parts every sign-in step's form is made of (they work without JavaScript). */

export function AuthField({ label, className, ...input }: { label: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="block text-sm">
      <span className="text-slate-700">{label}</span>
      <input {...input} className={`mt-1 w-full rounded border border-slate-300 px-3 py-2 ${className ?? ""}`} />
    </label>
  );
}

export function AuthError({ id, children }: { id?: string; children: ReactNode }) {
  if (!children) return null;
  return (
    <p id={id} role="alert" className="rounded border border-red-200 bg-red-50 p-2 text-sm text-red-800">
      {children}
    </p>
  );
}

export function AuthSubmit({ pending, children }: { pending: boolean; children: ReactNode }) {
  return (
    <button
      type="submit"
      disabled={pending}
      className="w-full rounded bg-sky-700 px-3 py-2 font-medium text-white hover:bg-sky-800 disabled:bg-slate-400"
    >
      {children}
    </button>
  );
}

/** The values of a lockout message: how many failures lock, and until when (in the display time zone). */
export function useLockoutValues(state: { maxFailures?: number; lockedUntil?: string | Date | null }) {
  const fmt = useFormat();
  return {
    max: state.maxFailures ?? 0,
    until: state.lockedUntil ? `${fmt.dateTime(state.lockedUntil)} (${fmt.timeZone})` : "",
  };
}
