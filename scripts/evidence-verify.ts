/**
 * `npm run evidence:verify -- <bundle.zip> [--key <public key file or URL>]`
 *
 * Checks an evidence bundle: the Ed25519 signature of manifest.json, then
 * every file's SHA-256 against the manifest. Without --key the bundle is
 * checked against the public key written in its own manifest (which proves
 * the files were not changed after signing, not who signed): pass the
 * console's key (`/api/evidence/public-key`, or a saved copy) to prove that too.
 *
 * Exit codes: 0 verified; 1 a file does not match (named on stderr); 2 bad arguments.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { verifyBundle } from "../lib/evidence/verify";

const USAGE =
  "usage: npm run evidence:verify -- <bundle.zip> [--key <public-key.pem | https://console/api/evidence/public-key>]";

async function readKey(source: string): Promise<string> {
  if (/^https?:\/\//.test(source)) {
    const res = await fetch(source);
    if (!res.ok) throw new Error(`${source} answered ${res.status}`);
    return res.text();
  }
  return readFileSync(source, "utf8");
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { key: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help || positionals.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const file = positionals[0]!;
  const publicKey = values.key ? await readKey(values.key) : undefined;
  const result = await verifyBundle(file, { publicKey });
  if (!result.ok) {
    console.error(`NOT VERIFIED: ${result.file}: ${result.message}`);
    return 1;
  }
  const m = result.manifest;
  const scope =
    m.scope.kind === "record"
      ? `call record ${m.scope.call_record_id}`
      : `job ${m.scope.robot_call_job_id}, ${m.scope.day}`;
  console.log(`verified: ${result.files} files, ${scope}, exported ${m.created_at} by ${m.created_by}`);
  console.log(
    publicKey
      ? `signed by the given key ${result.keyId}`
      : `signed by key ${result.keyId} (the bundle's own key: compare with the console's /api/evidence/public-key, or pass --key)`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(err.message);
    process.exit(2);
  },
);
