/**
 * The class lists of the console's recurring looks: buttons by the kind of
 * action they start (a link that acts as a button takes them too), and the
 * warning box. A control adds its own extras to them, such as how it looks
 * while disabled or its margins.
 */

/** The page's main action. */
export const primaryButton = "rounded bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800";
/** An action that cannot be undone. */
export const dangerButton = "rounded bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800";
/** An action beside the main one. */
export const secondaryButton = "rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50";
/** Stopping something under way, beside the actions that let it go on. */
export const stopButton = "rounded border border-red-300 bg-white px-3 py-1.5 text-sm text-red-800 hover:bg-red-50";
/** An action that reads as a link, in running text or a table's row. */
export const textButton = "text-sm font-medium text-sky-700 underline";

/** A box that warns about what the page could not use (ignored parameters, invalid filters). */
export const warningBox = "rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900";
