"use client";

import { useTranslations } from "next-intl";
import { ITEM_KINDS, type ItemKind } from "@/lib/scorecards/schema";
import { CheckboxField, SelectField, TextField } from "@/components/ui/form-controls";
import { emptyItem, type DraftItem, type DraftSection } from "./draft";

const input = "rounded border border-slate-300 px-2 py-1";
/** An item's up and down buttons. */
const MOVES = [
  { by: -1, label: "moveUp", text: "↑" },
  { by: 1, label: "moveDown", text: "↓" },
] as const;

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
        <KeyAndName
          keyField={{ label: t("sectionKey"), value: section.key, onChange: (key) => onChange({ ...section, key }) }}
          nameField={{
            label: t("sectionTitle"),
            value: section.title,
            onChange: (title) => onChange({ ...section, title }),
          }}
        />
      </div>
      <ol className="space-y-2">
        {section.items.map((item, j) => (
          <li
            key={j}
            className="flex flex-wrap items-end gap-2 rounded bg-slate-50 p-2"
            aria-label={t("item", { n: j + 1 })}
          >
            <KeyAndName
              item
              keyField={{ label: t("itemKey"), value: item.key, onChange: (key) => setItem(j, { key }) }}
              nameField={{ label: t("itemLabel"), value: item.label, onChange: (label) => setItem(j, { label }) }}
            />
            <SelectField
              label={t("kind")}
              value={item.kind}
              options={ITEM_KINDS.map((k) => ({ value: k, text: t(`kinds.${k}`) }))}
              onChange={(kind) => setItem(j, { kind: kind as ItemKind })}
              className="flex flex-col gap-1 text-xs"
            />
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
            <CheckboxField
              label={t("critical")}
              checked={item.critical}
              onChange={(critical) => setItem(j, { critical })}
              className="flex items-center gap-1 text-xs"
            />
            <span className="flex gap-1">
              {MOVES.map(({ by, label, text }) => (
                <button
                  key={label}
                  type="button"
                  className={small}
                  disabled={by < 0 ? j === 0 : j === section.items.length - 1}
                  onClick={() => move(j, by)}
                  aria-label={t(label, { n: j + 1 })}
                >
                  {text}
                </button>
              ))}
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

type TextValue = { label: string; value: string; onChange: (value: string) => void };

/** The key (short, monospace) and the name of a section (its title) or of an item (its label, smaller). */
function KeyAndName({ keyField, nameField, item }: { keyField: TextValue; nameField: TextValue; item?: boolean }) {
  const size = item ? " text-xs" : "";
  return (
    <>
      <TextField
        {...keyField}
        className={`flex flex-col gap-1${size}`}
        inputClassName={item ? "w-32 font-mono" : "font-mono"}
        maxLength={40}
      />
      <TextField {...nameField} className={`flex flex-1 flex-col gap-1${size}`} maxLength={200} />
    </>
  );
}
