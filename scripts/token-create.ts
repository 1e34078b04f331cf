/**
 * `npm run token:create -- --email <user> --name <name> [--read-only] [--expires-in-days N]`
 *
 * Prints a new personal access token (`lvr_pat_…`) of an existing user, for
 * automation and tests; it acts as that user on /api/v1, at most with their
 * role. The token is printed once (stdout, alone on its line) and stored
 * hashed; the creation is on the audit trail. Uses DATABASE_URL, or the
 * embedded PostgreSQL under DATA_DIR (the running one when `npm start` runs).
 *
 * Exit codes: 0 printed, 1 bad arguments or unknown/disabled user.
 */
import { parseArgs } from "node:util";
import { createPersonalToken } from "../lib/api-tokens/mutations";
import { createTokenSchema } from "../lib/api-tokens/schema";
import { recordAudit } from "../lib/audit/mutations";
import { disconnectPrisma, prisma } from "../lib/db/client";
import { attachDatabase } from "./lib/database";

const USAGE = "usage: npm run token:create -- --email <user> --name <name> [--read-only] [--expires-in-days N]";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      "read-only": { type: "boolean" },
      "expires-in-days": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const days = values["expires-in-days"] === undefined ? undefined : Number(values["expires-in-days"]);
  const input = createTokenSchema.safeParse({
    name: values.name ?? "",
    readOnly: values["read-only"] ?? false,
    expiresInDays: days,
  });
  if (!values.email || !input.success) {
    console.error(
      input.success
        ? USAGE
        : `${input.error.issues.map((i) => `--${String(i.path[0]).replace("expiresInDays", "expires-in-days")}: ${i.message}`).join("\n")}\n${USAGE}`,
    );
    return 1;
  }
  const db = await attachDatabase({ log: (line) => console.error(`[lvr] ${line}`) });
  try {
    const email = values.email.trim().toLowerCase();
    const user = await prisma.user.findUnique({
      where: { email },
      select: { id: true, email: true, role: true, disabledAt: true },
    });
    if (!user || user.disabledAt) {
      console.error(user ? `${email} is disabled` : `no user ${email}`);
      return 1;
    }
    const expiresAt = input.data.expiresInDays ? new Date(Date.now() + input.data.expiresInDays * 86_400_000) : null;
    const { id, token } = await createPersonalToken({
      userId: user.id,
      name: input.data.name,
      readOnly: input.data.readOnly,
      expiresAt,
    });
    await recordAudit({
      actor: user,
      action: "token.create",
      target: `token:${id}`,
      details: { name: input.data.name, readOnly: input.data.readOnly, expiresAt, via_command: "token:create" },
    });
    console.error(
      `token "${input.data.name}" for ${email} (${user.role}${input.data.readOnly ? ", read-only" : ""}${expiresAt ? `, expires ${expiresAt.toISOString()}` : ""}); shown once:`,
    );
    console.log(token);
    return 0;
  } finally {
    await disconnectPrisma();
    await db.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
