import type { z } from "zod";
import { parseSection } from "./parse";
import { processEnv, type EnvSource } from "./process";

/**
 * Reads a section (a blank variable counts as unset) into the configuration
 * object a module is handed, each field from the variable `fields` names.
 */
export function configReader<S extends z.ZodType, const F extends Record<string, keyof z.infer<S>>>(
  section: S,
  title: string,
  fields: F,
): (source?: EnvSource) => { [K in keyof F]: z.infer<S>[F[K]] } {
  return (source = processEnv()) => {
    const e = parseSection(section, source, { title, blankIsUnset: true });
    return Object.fromEntries(Object.entries(fields).map(([field, name]) => [field, e[name]])) as {
      [K in keyof F]: z.infer<S>[F[K]];
    };
  };
}
