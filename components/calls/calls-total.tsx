import { getFormat } from "@/components/ui/get-format";

/** How many calls match, next to the title: "1,234", or "≈ 1.2M" when it is the planner's estimate. */
export async function CallsTotal({ total }: { total: Promise<{ value: number; exact: boolean }> }) {
  const [fmt, { value, exact }] = await Promise.all([getFormat(), total]);
  return (
    <span data-testid="calls-total" className="ml-1 text-base font-normal text-slate-500">
      {fmt.count(value, exact)}
    </span>
  );
}

/** A grey bar where the total goes until it is counted: the list is sent without waiting for the count. */
export function TotalPending() {
  return <span aria-hidden className="ml-1 inline-block h-4 w-16 animate-pulse rounded bg-slate-200 align-middle" />;
}
