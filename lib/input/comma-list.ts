/** The entries of a comma-separated setting, trimmed, empty ones left out. */
export function commaList(spec: string): string[] {
  return spec
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}
