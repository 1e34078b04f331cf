"use client";

import { useTranslations } from "next-intl";
import { CORRECTABLE_FIELDS, type CorrectableField } from "@/lib/corrections/fields";

/**
 * The inputs of a correction, for one record or a group of them: the field,
 * its new value (described by the hint with id `${uid}-hint`, which the form
 * places) and the reason. Labels beside (not around) the controls: a label
 * around a select would name it with every option.
 */
export function FieldValueInputs({
  uid,
  field,
  value,
  onField,
  onValue,
}: {
  uid: string;
  field: string;
  value: string;
  onField: (field: CorrectableField) => void;
  onValue: (value: string) => void;
}) {
  const t = useTranslations("corrections");
  return (
    <>
      <div className="text-sm">
        <label htmlFor={`${uid}-field`} className="block text-slate-700">
          {t("field")}
        </label>
        <select
          id={`${uid}-field`}
          value={field}
          onChange={(e) => onField(e.target.value as CorrectableField)}
          className="rounded border border-slate-300 px-2 py-1"
        >
          {CORRECTABLE_FIELDS.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      </div>
      <div className="text-sm">
        <label htmlFor={`${uid}-value`} className="block text-slate-700">
          {t("newValue")}
        </label>
        <input
          id={`${uid}-value`}
          value={value}
          aria-describedby={`${uid}-hint`}
          onChange={(e) => onValue(e.target.value)}
          className="rounded border border-slate-300 px-2 py-1"
        />
      </div>
    </>
  );
}

export function ReasonInput({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const t = useTranslations("corrections");
  return (
    <label className="text-sm">
      <span className="block text-slate-700">{t("reason")}</span>
      <input
        required
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="rounded border border-slate-300 px-2 py-1"
      />
    </label>
  );
}
