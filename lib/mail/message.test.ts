import { describe, expect, it } from "vitest";
import { mailBody, mailMessageSchema, passwordResetMail } from "./message";

describe("mailBody", () => {
  it("says the same in plain text and HTML, with the action's link written out in the text", () => {
    const { text, html } = mailBody({ paragraphs: ["Hello,", "a target is due."], action: { label: "Open the team", href: "https://stave.example/teams/1" } });
    expect(text).toBe("Hello,\n\na target is due.\n\nOpen the team: https://stave.example/teams/1");
    expect(html).toContain("a target is due.");
    expect(html).toContain('<a href="https://stave.example/teams/1"');
  });

  it("escapes what it is given in the HTML", () => {
    const { html } = mailBody({ paragraphs: ['<script>alert("x")</script> & co'], action: { label: "Go", href: 'https://x.example/?a=1&b="2"' } });
    expect(html).not.toContain("<script>");
    expect(html).toContain("&#60;script&#62;");
    expect(html).toContain("a=1&#38;b=&#34;2&#34;");
  });

  it("adds an unsubscribe link to notifications only", () => {
    expect(mailBody({ paragraphs: ["Due"], unsubscribe: "https://stave.example/account" }).text).toContain(
      "To stop these messages: https://stave.example/account",
    );
    expect(mailBody({ paragraphs: ["Due"], unsubscribe: "https://stave.example/account" }).html).toContain("Stop these messages");
    expect(mailBody({ paragraphs: ["Due"] }).text).not.toContain("stop");
    expect(mailBody({ paragraphs: ["Due"], unsubscribe: "https://stave.example/u/1" }).unsubscribe).toBe("https://stave.example/u/1");
  });

  it("lists items as lines with their links in text, and as linked list items in HTML", () => {
    const body = mailBody({ paragraphs: ["Changed:"], items: [{ text: "Platform: now <Build>", href: "https://stave.example/dashboard?group=g" }] });
    expect(body.text).toContain("• Platform: now <Build>\n  https://stave.example/dashboard?group=g");
    expect(body.html).toContain('<li style="margin:0 0 8px"><a href="https://stave.example/dashboard?group=g">Platform: now &#60;Build&#62;</a></li>');
  });
});

describe("passwordResetMail", () => {
  it("carries the link, how long it works, and no unsubscribe link", () => {
    const mail = passwordResetMail({ to: "ada@example.com", name: "Ada", link: "https://stave.example/reset-password/abc", validMinutes: 60 });
    expect(mailMessageSchema.parse(mail)).toEqual(mail);
    expect(mail.text).toContain("https://stave.example/reset-password/abc");
    expect(mail.text).toContain("60 minutes");
    expect(mail.html).toContain('href="https://stave.example/reset-password/abc"');
    expect(mail.text).not.toMatch(/stop these/i);
  });
});
