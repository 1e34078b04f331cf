/**
 * The one file that touches `process.env` (the lint rule allows it here only).
 * Everything else reads settings through a section of lib/env; the launchers
 * (npm start, the benchmark, the test database) that hand settings on to the
 * processes they start, or to the rest of their own process, do it with the
 * two helpers below, so every variable that moves between processes is named
 * where it is set.
 */

export type EnvSource = Readonly<Record<string, string | undefined>>;

let generation = 0;

/** The process's environment, read-only. */
export function processEnv(): EnvSource {
  return process.env;
}

/** Bumped by exportEnv: parsed settings cached before it are read again. */
export function envGeneration(): number {
  return generation;
}

/**
 * The environment of a child process: this process's own, plus `vars`
 * (an undefined value leaves the inherited one as it is).
 */
export function childEnv(vars: Readonly<Record<string, string | undefined>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [name, value] of Object.entries(vars)) if (value !== undefined) env[name] = value;
  return env;
}

/**
 * Sets variables for the rest of this process and the children it starts
 * afterwards (a launcher that resolved the database URL, the ingest token…).
 */
export function exportEnv(vars: Readonly<Record<string, string | undefined>>): void {
  for (const [name, value] of Object.entries(vars)) if (value !== undefined) process.env[name] = value;
  generation++;
}
