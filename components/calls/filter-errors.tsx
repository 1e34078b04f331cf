export function FilterErrors({ errors, cursorInvalid }: { errors: { param: string; message: string }[]; cursorInvalid: boolean }) {
  if (!errors.length && !cursorInvalid) return null;
  return (
    <div role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
      <p className="font-medium">Some parts of this link were ignored:</p>
      <ul className="mt-1 list-disc pl-5">
        {errors.map((e, i) => (
          <li key={i}>
            <code>{e.param}</code>: {e.message}
          </li>
        ))}
        {cursorInvalid ? <li><code>cursor</code>: the page position could not be read; showing the first page</li> : null}
      </ul>
    </div>
  );
}
