"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { KeyList } from "@/components/ui/key-list";

/** The keys' help: the keys of each line (space between them) and what they do. */
const KEYS_HELP = [
  { keys: ["Space"], text: "keyPlay" },
  { keys: ["←", "→"], text: "keySeek" },
  { keys: ["[", "]"], text: "keySpeed" },
] as const;

/** The player's "Keys" button and the small panel it opens with what each key does. */
export function PlayerKeysHelp({ buttonClassName }: { buttonClassName: string }) {
  const [help, setHelp] = useState(false);
  const t = useTranslations("audio");
  return (
    <span className="relative">
      <button
        type="button"
        onClick={() => setHelp(!help)}
        aria-expanded={help}
        aria-controls="player-keys"
        className={buttonClassName}
      >
        {t("keys")}
      </button>
      {help ? (
        <div
          id="player-keys"
          role="dialog"
          aria-label={t("keys")}
          className="absolute right-0 z-10 mt-1 w-64 rounded-lg border border-slate-200 bg-white p-3 text-left shadow-lg"
        >
          <KeyList
            className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm"
            items={KEYS_HELP.map(({ keys, text }) => ({ keys, does: t(text) }))}
          />
        </div>
      ) : null}
    </span>
  );
}
