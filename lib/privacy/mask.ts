/**
 * Phone numbers and names are personal data: lists and exports show them
 * masked unless the viewer may see them in full.
 */

/** `13812345678` → `138****5678`; short or odd numbers keep at most their last 2 digits. */
export function maskPhone(value: string | null | undefined): string | null {
  if (value == null) return null;
  const digits = value.trim();
  if (digits.length >= 7) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length <= 2) return "*".repeat(digits.length);
  return `${"*".repeat(digits.length - 2)}${digits.slice(-2)}`;
}

/** `张伟` → `张*`, `欧阳娜娜` → `欧***`, `Li Wei` → `L*****`: the first character stays so a caller can still address the person. */
export function maskName(value: string | null | undefined): string | null {
  if (value == null) return null;
  const chars = Array.from(value.trim());
  if (chars.length === 0) return "";
  return chars[0] + "*".repeat(Math.max(1, chars.length - 1));
}
