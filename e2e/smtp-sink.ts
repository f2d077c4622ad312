import { SMTPServer } from "smtp-server";

// A real SMTP server for tests: it accepts every mail (or refuses recipients it is told to) and
// keeps what it received, so a test can read a link from the mail Stave sent.

export type ReceivedMail = { from: string; to: string[]; subject: string; /** The whole message, quoted-printable undone. */ body: string };

export type SmtpSink = {
  url: string;
  received: ReceivedMail[];
  /** The first mail to `to` whose subject matches, once it has arrived. */
  mailTo: (to: string, subject?: RegExp) => ReceivedMail | undefined;
  close: () => Promise<void>;
};

/** Soft line breaks and =XX escapes of quoted-printable, so links read whole. */
const unquote = (raw: string) => raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

export async function startSmtpSink(port: number, { refuse = () => undefined }: { refuse?: (to: string) => string | undefined } = {}): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const refusal = refuse(address.address);
      callback(refusal ? Object.assign(new Error(refusal), { responseCode: 550 }) : null);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const body = unquote(Buffer.concat(chunks).toString("utf8"));
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: /^Subject: (.*)$/m.exec(body)?.[1]?.trim() ?? "",
          body,
        });
        callback(null);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    mailTo: (to, subject) => received.find((m) => m.to.includes(to) && (!subject || subject.test(m.subject))),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
