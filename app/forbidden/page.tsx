import Link from "next/link";
import { currentUser } from "@/lib/auth/current";

export const dynamic = "force-dynamic";
export const metadata = { title: "Not allowed" };

export default async function ForbiddenPage() {
  const user = await currentUser();
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-8 text-center">
      <h1 className="text-lg font-semibold">Not allowed</h1>
      <p className="mt-2 text-sm text-slate-600">
        {user ? `Your role (${user.role}) may not open this page. Ask an admin if you need it.` : "Sign in first."}
      </p>
      <Link href={user ? "/" : "/sign-in"} className="mt-4 inline-block text-sm font-medium text-sky-700 hover:underline">
        {user ? "Back to the overview" : "Sign in"}
      </Link>
    </div>
  );
}
