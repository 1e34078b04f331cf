"use client";

import { useTranslations } from "next-intl";
import { ITEM_KINDS, type ItemKind } from "@/lib/scorecards/schema";
import { emptyItem, type DraftItem, type DraftSection } from "./draft";

const input = "rounded border border-slate-300 px-2 py-1";
const small = "rounded border border-slate-300 bg-white px-2 py-0.5 text-xs hover:bg-slate-50 disabled:opacity-40";

/** One section of the scorecard form: its key and title, and its items (add, remove, reorder; kind, weight, critical). */
export function SectionEditor({
  index,
  section,
  onChange,
  onRemove,
}: {
  index: number;
  section: DraftSection;
  onChange: (s: DraftSection) => void;
  onRemove: (() => void) | null;
}) {
  const t = useTranslations("scorecards.admin");
  const n = index + 1;
  const setItem = (j: number, patch: Partial<DraftItem>) =>
    onChange({ ...section, items: section.items.map((it, k) => (k === j ? { ...it, ...patch } : it)) });
  const move = (j: number, by: number) => {
    const items = [...section.items];
    const [it] = items.splice(j, 1);
    items.splice(j + by, 0, it!);
    onChange({ ...section, items });
  };
  return (
    <fieldset className="space-y-2 rounded border border-slate-200 p-3" data-testid="scorecard-section">
      <legend className="px-1 font-medium">{t("section", { n })}</legend>
      <div className="flex flex-wrap gap-3">
        <label className="flex flex-col gap-1">
          {t("sectionKey")}
          <input
            required
            value={section.key}
            onChange={(e) => onChange({ ...section, key: e.target.value })}
            className={`${input} font-mono`}
            maxLength={40}
          />
        </label>
        <label className="flex flex-1 flex-col gap-1">
          {t("sectionTitle")}
          <input
            required
            value={section.title}
            onChange={(e) => onChange({ ...section, title: e.target.value })}
            className={input}
            maxLength={200}
          />
        </label>
      </div>
      <ol className="space-y-2">
        {section.items.map((item, j) => (
          <li
            key={j}
            className="flex flex-wrap items-end gap-2 rounded bg-slate-50 p-2"
            aria-label={t("item", { n: j + 1 })}
          >
            <label className="flex flex-col gap-1 text-xs">
              {t("itemKey")}
              <input
                required
                value={item.key}
                onChange={(e) => setItem(j, { key: e.target.value })}
                className={`${input} w-32 font-mono`}
                maxLength={40}
              />
            </label>
            <label className="flex flex-1 flex-col gap-1 text-xs">
              {t("itemLabel")}
              <input
                required
                value={item.label}
                onChange={(e) => setItem(j, { label: e.target.value })}
                className={input}
                maxLength={200}
              />
            </label>
            <label className="flex flex-col gap-1 text-xs">
              {t("kind")}
              <select
                value={item.kind}
                onChange={(e) => setItem(j, { kind: e.target.value as ItemKind })}
                className={input}
              >
                {ITEM_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`kinds.${k}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col gap-1 text-xs">
              {t("weight")}
              <input
                required
                type="number"
                min={1}
                max={100}
                step={1}
                value={item.weight}
                onChange={(e) => setItem(j, { weight: e.target.value })}
                className={`${input} w-20`}
              />
            </label>
            <label className="flex items-center gap-1 text-xs">
              <input
                type="checkbox"
                checked={item.critical}
                onChange={(e) => setItem(j, { critical: e.target.checked })}
              />
              {t("critical")}
            </label>
            <span className="flex gap-1">
              <button
                type="button"
                className={small}
                disabled={j === 0}
                onClick={() => move(j, -1)}
                aria-label={t("moveUp", { n: j + 1 })}
              >
                ↑
              </button>
              <button
                type="button"
                className={small}
                disabled={j === section.items.length - 1}
                onClick={() => move(j, 1)}
                aria-label={t("moveDown", { n: j + 1 })}
              >
                ↓
              </button>
              <button
                type="button"
                className={small}
                disabled={section.items.length === 1}
                onClick={() => onChange({ ...section, items: section.items.filter((_, k) => k !== j) })}
                aria-label={t("removeItem", { n: j + 1 })}
              >
                ✕
              </button>
            </span>
          </li>
        ))}
      </ol>
      <div className="flex gap-2">
        <button
          type="button"
          className={small}
          onClick={() => onChange({ ...section, items: [...section.items, emptyItem()] })}
        >
          {t("addItem")}
        </button>
        {onRemove ? (
          <button type="button" className={small} onClick={onRemove}>
            {t("removeSection", { n })}
          </button>
        ) : null}
      </div>
    </fieldset>
  );
}
