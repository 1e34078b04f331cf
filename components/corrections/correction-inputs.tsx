"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { ChoiceSelect } from "@/components/ui/choice-select";
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
      <LabelAbove id={`${uid}-field`} label={t("field")}>
        <ChoiceSelect
          id={`${uid}-field`}
          value={field}
          choices={CORRECTABLE_FIELDS.map((f) => ({ value: f, label: f }))}
          onChange={onField}
        />
      </LabelAbove>
      <LabelAbove id={`${uid}-value`} label={t("newValue")}>
        <input
          id={`${uid}-value`}
          value={value}
          aria-describedby={`${uid}-hint`}
          onChange={(e) => onValue(e.target.value)}
          className="rounded border border-slate-300 px-2 py-1"
        />
      </LabelAbove>
    </>
  );
}

function LabelAbove({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="text-sm">
      <label htmlFor={id} className="block text-slate-700">
        {label}
      </label>
      {children}
    </div>
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
