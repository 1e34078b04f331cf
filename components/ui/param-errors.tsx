import { TitledNotice } from "./titled-notice";
import { warningBox } from "@/components/ui/styles";

/**
 * The notice a page shows for the URL parameters it ignored: which one, the
 * value given (when there was one) and why, above what the page shows instead.
 */
export function ParamErrors({
  title,
  errors,
}: {
  title: string;
  errors: readonly { param: string; message: string; value?: string }[];
}) {
  if (!errors.length) return null;
  return (
    <TitledNotice role="alert" className={warningBox} title={title}>
      <ul className="mt-1 list-disc pl-5">
        {errors.map((e, i) => (
          <li key={i}>
            <code>{e.param}</code>: {e.value !== undefined ? `“${e.value}” ` : ""}
            {e.message}
          </li>
        ))}
      </ul>
    </TitledNotice>
  );
}
