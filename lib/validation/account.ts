import { z } from "zod";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

const email = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address.").max(254, "That email address is too long."));

const newPassword = z
  .string({ error: "Choose a password." })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

/** Where to go after signing in: only paths inside Stave, never another site. */
const next = z
  .string()
  .optional()
  .transform((v) => (v && /^\/(?!\/)[\w\-/]*$/.test(v) ? v : undefined));

export const signUpSchema = z.object({
  name: z
    .string({ error: "Enter your name." })
    .transform((s) => s.trim().replace(/\s+/g, " "))
    .pipe(z.string().min(1, "Enter your name.").max(80, "A name can be at most 80 characters.")),
  email,
  password: newPassword,
  next,
});

export const signInSchema = z.object({
  email,
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(PASSWORD_MAX, "Email or password is incorrect."),
  next,
});

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(PASSWORD_MAX),
  newPassword,
});

export type SignUpInput = z.infer<typeof signUpSchema>;
export type SignInInput = z.infer<typeof signInSchema>;
