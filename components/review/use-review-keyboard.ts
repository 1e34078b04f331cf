"use client";

import { useEffect } from "react";
import { isTypingTarget } from "@/components/audio/time";
import type { ReviewItem } from "@/lib/review/data";

/** p / f / n / c (and Escape to close the flag form), anywhere on the page except while typing. */
export function useReviewKeyboard({
  item,
  verdict,
  openFlag,
  skip,
  startComment,
  setFlagging,
}: {
  item: ReviewItem | null;
  verdict: (v: "passed" | "flagged") => Promise<void>;
  openFlag: () => void;
  skip: () => Promise<void>;
  startComment: () => void;
  setFlagging: (open: boolean) => void;
}) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || isTypingTarget(e.target) || !item) return;
      if (e.key === "p") void verdict("passed");
      else if (e.key === "f") openFlag();
      else if (e.key === "n") void skip();
      else if (e.key === "c") {
        e.preventDefault();
        startComment();
      } else if (e.key === "Escape") setFlagging(false);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [item, verdict, openFlag, skip, startComment, setFlagging]);
}
