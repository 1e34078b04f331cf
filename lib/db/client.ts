import { PrismaPg } from "@prisma/adapter-pg";
import { getEnv } from "../env";
import { PrismaClient } from "./generated/client";

/**
 * The one Prisma client of the process. Kept on globalThis so that Next's dev
 * server, which re-evaluates modules on every change, does not open a new
 * pool each time.
 */
const globalForPrisma = globalThis as unknown as { lvrPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const env = getEnv();
  const adapter = new PrismaPg({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_SIZE });
  return new PrismaClient({ adapter });
}

export function getPrisma(): PrismaClient {
  globalForPrisma.lvrPrisma ??= createClient();
  return globalForPrisma.lvrPrisma;
}

/** Lazily created so that importing a data module never connects at build time. */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop, receiver) {
    const client = getPrisma();
    const value = Reflect.get(client, prop, receiver);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export async function disconnectPrisma(): Promise<void> {
  await globalForPrisma.lvrPrisma?.$disconnect();
  globalForPrisma.lvrPrisma = undefined;
}

export { Prisma } from "./generated/client";
export type { CallRecord, SubmissionState, ReviewState, RecordSource } from "./generated/client";
