import { z } from "zod";

const postgresUrl = (name: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.url({ protocol: /^postgres(ql)?$/, error: `${name} must be a postgres:// URL` }).optional());

const envSchema = z
  .object({
    DATABASE_URL: postgresUrl("DATABASE_URL"),
    /**
     * PostgreSQL itself, when DATABASE_URL goes through a pooler in transaction mode (PgBouncer):
     * listening and the migration lock need a connection of their own. Unset, DATABASE_URL.
     */
    DATABASE_DIRECT_URL: postgresUrl("DATABASE_DIRECT_URL"),
    /** Connections one instance keeps to DATABASE_URL at most; instances × this must fit the server's (or pooler's) limit. */
    DATABASE_POOL_SIZE: z.coerce
      .number()
      .int()
      .min(1, "DATABASE_POOL_SIZE must be at least 1")
      .max(1000, "DATABASE_POOL_SIZE must be at most 1000")
      .default(20),
    STAVE_DATA_DIR: z.string().trim().min(1).default("./data"),
    STAVE_MODELS_DIR: z.string().trim().min(1).default("./content/models"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /** The one address to listen on; unset, Stave listens on every interface. */
    STAVE_HOST: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || undefined),
    /** Signs sessions; when unset, one is generated once and kept in the database. */
    BETTER_AUTH_SECRET: z.string().min(32, "BETTER_AUTH_SECRET must be at least 32 characters").optional(),
    /** The address users reach Stave at; defaults to http://localhost:PORT. */
    BETTER_AUTH_URL: z.url().optional(),
    /** Set to 1 behind a reverse proxy that appends the client's address to X-Forwarded-For, so per-address limits count per client. */
    STAVE_TRUST_PROXY: z
      .enum(["0", "1", "true", "false"])
      .default("0")
      .transform((v) => v === "1" || v === "true"),
    /** Accounts one client address may create an hour, counted across every instance. */
    STAVE_SIGN_UP_LIMIT: z.coerce.number().int().min(1, "STAVE_SIGN_UP_LIMIT must be at least 1").default(10),
    /** Requests one API token may make a minute, counted across every instance. */
    STAVE_API_RATE_LIMIT: z.coerce.number().int().min(1, "STAVE_API_RATE_LIMIT must be at least 1").default(600),
    /**
     * Hosts ("host" or "host:port", comma-separated) webhooks may be sent to although they are on a
     * private network or loopback, and over plain http: an operator's own receivers.
     */
    STAVE_WEBHOOK_ALLOW_HOSTS: z.string().trim().optional(),
    /**
     * Origins (http://host:port, comma-separated) of identity providers that single sign-on may use
     * although they are on a private network, loopback or plain http: an operator's own provider.
     */
    STAVE_SSO_ALLOW_ORIGINS: z.string().trim().optional(),
    /** The SMTP server mail goes through (smtp://user:password@host:587, smtps://… for TLS from the start); unset, no mail is sent. */
    SMTP_URL: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || undefined)
      .pipe(z.url({ protocol: /^smtps?$/, error: "SMTP_URL must be an smtp:// or smtps:// URL" }).optional()),
    /** The sender of every mail, e.g. "Stave <stave@example.com>"; required with SMTP_URL. */
    MAIL_FROM: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || undefined),
    /** Set to 1 on a test server only: lets STAVE_CLOCK_OFFSET_DAYS move its clock (lib/clock.ts). */
    STAVE_TEST_CLOCK: z
      .enum(["0", "1"])
      .default("0")
      .transform((v) => v === "1"),
    /** Days a test server's clock runs ahead of the real one (honoured only with STAVE_TEST_CLOCK=1). */
    STAVE_CLOCK_OFFSET_DAYS: z.coerce.number().int("STAVE_CLOCK_OFFSET_DAYS must be a whole number of days").default(0),
  })
  .refine((e) => e.STAVE_TEST_CLOCK || e.STAVE_CLOCK_OFFSET_DAYS === 0, {
    path: ["STAVE_CLOCK_OFFSET_DAYS"],
    message: "STAVE_CLOCK_OFFSET_DAYS moves the clock of a test server only: set STAVE_TEST_CLOCK=1 as well, or unset it",
  })
  .refine((e) => !e.SMTP_URL || e.MAIL_FROM, { path: ["MAIL_FROM"], message: "MAIL_FROM must be set when SMTP_URL is" });

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** The validated environment; the only place that reads process.env. */
export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  cached = parsed.data;
  return cached;
}
