import Link from "next/link";
import { formatClock } from "@/components/audio/time";

/**
 * One comment pinned to a moment of the recording, as a list item: the moment
 * (a link to the record's page at that time, `href`, or a button that moves
 * the player on this page there, `onPlay`; `label` names it), what the
 * comment says and who wrote it.
 */
export function CommentItem({
  comment,
  className,
  label,
  ...play
}: {
  comment: { positionMs: number; body: string; author: string };
  className: string;
  label: (time: string) => string;
} & ({ href: string } | { onPlay: () => void })) {
  const time = formatClock(comment.positionMs / 1000);
  const timeClass = "font-mono text-xs text-sky-700 hover:underline";
  return (
    <li className={className}>
      {"href" in play ? (
        <Link href={play.href} className={timeClass} aria-label={label(time)}>
          {time}
        </Link>
      ) : (
        <button type="button" onClick={play.onPlay} className={timeClass} aria-label={label(time)}>
          {time}
        </button>
      )}
      <span className="flex-1">{comment.body}</span>
      <span className="text-xs text-slate-500">{comment.author}</span>
    </li>
  );
}
