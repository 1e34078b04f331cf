import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { draftOf, EMPTY_SCORECARD } from "@/components/scorecards/draft";
import { ScorecardForm } from "@/components/scorecards/scorecard-form";
import { MakeDefaultButton } from "@/components/scorecards/make-default-button";
import { requireUser } from "@/lib/auth/current";
import { parseInt64Id } from "@/lib/input/schema";
import { getScorecard, listScorecards } from "@/lib/scorecards/data";
import { ListTable } from "@/components/ui/list-table";
import { MissingParamNotice } from "@/components/ui/missing-param-notice";
import type { SearchParams } from "@/components/ui/page-props";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  return { title: (await getTranslations("scorecards.admin"))("title") };
}

/**
 * /admin/scorecards[?edit=<id>]: the scorecards reviewers score calls against,
 * and the form for a new one (or the one being edited: saving new items makes
 * a new version).
 */
export default async function ScorecardsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireUser("scorecards:manage");
  const edit = (await searchParams).edit;
  const editId = typeof edit === "string" ? parseInt64Id(edit) : null;
  const [cards, t, editing] = await Promise.all([
    listScorecards(),
    getTranslations("scorecards.admin"),
    editId === null ? null : getScorecard(editId),
  ]);
  const latest = editing && !editing.archived ? editing.versions[0] : undefined;
  return (
    <div className="max-w-5xl space-y-4">
      <MissingParamNotice param="edit" value={edit} found={editing !== null} />
      <ListTable
        text={{ title: t("title"), intro: t("intro"), empty: t("empty") }}
        empty={cards.length === 0}
        caption={t("title")}
        columns={(["name", "jobs", "default", "latest", "versions", "actions"] as const).map((c) => t(c))}
      >
        {cards.map((c) => (
          <tr key={c.id} data-testid="scorecard-row" className={c.archived ? "text-slate-500" : undefined}>
            <td className="px-3 py-2 font-medium">
              {c.name}
              {c.archived ? <span className="ml-1 text-xs">({t("archived")})</span> : null}
            </td>
            <td className="px-3 py-2 font-mono text-xs">{c.jobIds.length ? c.jobIds.join(", ") : t("noJobs")}</td>
            <td className="px-3 py-2">{c.isDefault ? t("yes") : null}</td>
            <td className="px-3 py-2 tabular-nums">v{c.latestVersion}</td>
            <td className="px-3 py-2 tabular-nums">{c.versions}</td>
            <td className="flex flex-wrap items-center gap-2 px-3 py-2">
              {c.archived ? null : (
                <Link
                  href={`/admin/scorecards?edit=${c.id}`}
                  aria-label={`${t("edit")}: ${c.name}`}
                  className="text-sky-700 underline"
                >
                  {t("edit")}
                </Link>
              )}
              <Link
                href={`/admin/scorecards/${c.id}`}
                aria-label={`${t("history")}: ${c.name}`}
                className="text-sky-700 underline"
              >
                {t("history")}
              </Link>
              {c.archived || c.isDefault ? null : <MakeDefaultButton scorecardId={c.id} name={c.name} />}
            </td>
          </tr>
        ))}
      </ListTable>
      {editing && latest ? (
        // Keyed by the scorecard, not its version: the refresh after a save brings the new version, and a
        // remount would drop the form's "Saved: version N." before anyone could read it.
        <ScorecardForm
          key={`edit-${editing.id}`}
          scorecardId={editing.id}
          initial={{
            name: editing.name,
            jobIds: editing.jobIds.join(", "),
            isDefault: editing.isDefault,
            sections: draftOf(latest.sections),
          }}
        />
      ) : (
        <ScorecardForm key="new" initial={EMPTY_SCORECARD} />
      )}
    </div>
  );
}
