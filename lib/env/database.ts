import { z } from "zod";

/** The database the product works on. */
export const databaseSection = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set (npm start sets it when it runs the embedded PostgreSQL)" })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// connection string"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * A connection straight to PostgreSQL, not through PgBouncer, for the
   * migration runner (npm run migrate). Optional: it takes its locks inside
   * transactions and also works through transaction pooling.
   */
  DIRECT_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DIRECT_DATABASE_URL must be a postgresql:// connection string")
    .optional(),
});
