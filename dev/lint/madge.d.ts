// The part of madge's API the lint tests use (the package ships no types).
declare module "madge" {
  interface MadgeConfig {
    /** Paths in the result are relative to this (default: the entries' common folder). */
    baseDir?: string;
    fileExtensions?: string[];
    tsConfig?: string;
    excludeRegExp?: RegExp[];
  }
  interface MadgeResult {
    circular(): string[][];
    /** Each file with the files it imports. */
    obj(): Record<string, string[]>;
    warnings(): { skipped: string[] };
  }
  export default function madge(path: string | string[], config?: MadgeConfig): Promise<MadgeResult>;
}
