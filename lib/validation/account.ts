import { z } from "zod";
import { PASSWORD_MAX, PASSWORD_MIN, PERSON_NAME_MAX } from "./limits";
import { nameSchema } from "./text";

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
  name: nameSchema({ what: "A name", max: PERSON_NAME_MAX, missing: "Enter your name." }),
  email,
  password: newPassword,
  next,
});

export const signInSchema = z.object({
  email,
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(PASSWORD_MAX, "Email or password is incorrect."),
  next,
});

/** One click on a demo sign-in: only the demo organisation's own addresses. */
export const demoSignInSchema = z.object({
  email: email.refine((e) => e.endsWith("@demo.example"), "That is not a demo sign-in."),
});

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(PASSWORD_MAX),
  newPassword,
});

/** Asking for a password reset link: only the address (the answer never says whether it has an account). */
export const requestPasswordResetSchema = z.object({ email });

/** A new password from a reset link: the same rules as at sign-up, typed twice. */
export const resetPasswordSchema = z
  .object({
    token: z.string().regex(/^[\w-]{1,200}$/, "This is not a password reset link."),
    newPassword,
    confirmPassword: z.string({ error: "Type the new password again." }).max(PASSWORD_MAX, "The two passwords differ."),
  })
  .refine((input) => input.newPassword === input.confirmPassword, { path: ["confirmPassword"], message: "The two passwords differ." });
