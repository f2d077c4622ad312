import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PermanentJobError } from "@/db/queries/jobs";
import { mailBody, NOT_SENT_NO_SMTP, passwordResetMail } from "@/lib/mail/message";
import { startSmtpSink, type SmtpSink } from "@/e2e/smtp-sink";
import { createMailer } from "./mail";

const PORT = 3418;
const message = passwordResetMail({ to: "ada@example.com", name: "Ada", link: "http://localhost:3000/reset-password/abc123", validMinutes: 60 });

describe("the mailer", () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink(PORT, { refuse: (to) => (to === "nobody@example.com" ? "No such user here" : undefined) });
  });
  afterAll(() => sink.close());

  it("sends the message through the SMTP server, as plain text and HTML, from MAIL_FROM", async () => {
    const mailer = createMailer({ smtpUrl: sink.url, from: "Stave <stave@example.com>" });
    expect(await mailer.send(message)).toMatch(/^Sent \(250/);
    const mail = sink.mailTo("ada@example.com", /Reset your Stave password/);
    expect(mail?.from).toBe("stave@example.com");
    expect(mail?.body).toContain("http://localhost:3000/reset-password/abc123");
    expect(mail?.body).toContain("text/plain");
    expect(mail?.body).toContain("text/html");
    expect(mail?.body).not.toMatch(/^List-Unsubscribe:/im);
  });

  it("gives a notification a List-Unsubscribe header with its link", async () => {
    const mailer = createMailer({ smtpUrl: sink.url, from: "stave@example.com" });
    const unsubscribe = "https://stave.example/unsubscribe/tok.en";
    await mailer.send({ ...message, to: "bo@example.com", subject: "Payments: assessment overdue", ...mailBody({ paragraphs: ["Due"], unsubscribe }) });
    expect(sink.mailTo("bo@example.com", /assessment overdue/)?.body).toMatch(/^List-Unsubscribe: <https:\/\/stave\.example\/unsubscribe\/tok\.en>/m);
  });

  it("fails for good when the server refuses the recipient", async () => {
    const mailer = createMailer({ smtpUrl: sink.url, from: "stave@example.com" });
    const refused = mailer.send({ ...message, to: "nobody@example.com" });
    await expect(refused).rejects.toBeInstanceOf(PermanentJobError);
    await expect(refused).rejects.toThrow(/The mail server refused the message: .*No such user here/);
  });

  it("fails for now (to be tried again) when the server cannot be reached", async () => {
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${PORT + 1}`, from: "stave@example.com" });
    const failed = mailer.send(message);
    await expect(failed).rejects.toThrow(/Could not send through the mail server: .*ECONNREFUSED/);
    await expect(failed).rejects.not.toBeInstanceOf(PermanentJobError);
  });

  it("keeps the message unsent without an SMTP server", async () => {
    const mailer = createMailer({});
    expect(mailer.configured).toBe(false);
    expect(await mailer.send(message)).toBe(NOT_SENT_NO_SMTP);
  });

  it("refuses a payload that is not a mail", async () => {
    await expect(createMailer({ smtpUrl: sink.url, from: "stave@example.com" }).send({ to: "x" })).rejects.toThrow();
  });
});
