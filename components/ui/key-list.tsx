import { Fragment } from "react";

/**
 * A help list of keyboard keys: on each line the keys (side by side, a space
 * between them) and what they do.
 */
export function KeyList({
  className,
  items,
}: {
  className: string;
  items: readonly { keys: readonly string[]; does: string }[];
}) {
  return (
    <dl className={className}>
      {items.map(({ keys, does }) => (
        <Fragment key={does}>
          <dt>
            {keys.map((k, i) => (
              <Fragment key={k}>
                {i > 0 ? " " : null}
                <kbd>{k}</kbd>
              </Fragment>
            ))}
          </dt>
          <dd>{does}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
