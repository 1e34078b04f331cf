import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { LOCALES } from "./config";
import { loadMessages, NAMESPACES } from "./messages";

type Tree = { [key: string]: string | Tree };

/** "a.b.c" → message, for every leaf. */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** The names of a message's arguments and tags, nested ones included. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    into.add(el.type === TYPE.tag ? `<${el.value}>` : el.value);
    if (el.type === TYPE.tag) argumentsOf(el.children, into);
    if (el.type === TYPE.plural || el.type === TYPE.select)
      for (const option of Object.values(el.options)) argumentsOf(option.value, into);
  }
  return into;
}

const messages = Object.fromEntries(await Promise.all(LOCALES.map(async (l) => [l, await loadMessages(l)] as const)));

describe("UI messages", () => {
  it("lists every namespace file in the loader, in both languages", () => {
    for (const locale of LOCALES) {
      const dir = fileURLToPath(new URL(`./messages/${locale}/`, import.meta.url));
      const files = readdirSync(dir)
        .filter((f) => f.endsWith(".json"))
        .map((f) => f.replace(/\.json$/, ""))
        .sort();
      expect(files, locale).toEqual(Object.keys(NAMESPACES).sort());
    }
  });

  for (const namespace of Object.keys(NAMESPACES) as (keyof typeof NAMESPACES)[]) {
    describe(namespace, () => {
      const zh = flatten(messages.zh![namespace] as Tree);
      const en = flatten(messages.en![namespace] as Tree);

      it("has the same keys in Chinese and English", () => {
        expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
      });

      it("has messages that parse as ICU, with the same arguments in both languages", () => {
        for (const [key, zhText] of zh) {
          const enText = en.get(key) ?? "";
          expect(zhText.trim(), `zh ${namespace}.${key} is empty`).not.toBe("");
          expect(enText.trim(), `en ${namespace}.${key} is empty`).not.toBe("");
          let zhArgs: Set<string>, enArgs: Set<string>;
          try {
            zhArgs = argumentsOf(parse(zhText));
            enArgs = argumentsOf(parse(enText));
          } catch (err) {
            throw new Error(`${namespace}.${key} does not parse: ${(err as Error).message}`);
          }
          expect([...enArgs].sort(), `${namespace}.${key}`).toEqual([...zhArgs].sort());
        }
      });
    });
  }
});
