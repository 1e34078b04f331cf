/** The shared look of the workbench's buttons; each adds its colours. */
export const REVIEW_BUTTON = "rounded border px-3 py-1.5 text-sm font-medium disabled:opacity-50";
