import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** Outgoing e-mail. The SMTP implementation is the real one; tests point it at a local SMTP server. */
export interface Mailer {
  send(msg: MailMessage): Promise<{ messageId: string }>;
}

export interface SmtpSettings {
  url: string; // smtp://user:pass@host:port
  from: string;
}

export function smtpMailer(settings: SmtpSettings): Mailer {
  const transport = nodemailer.createTransport(settings.url);
  return {
    async send(msg) {
      const info = await transport.sendMail({ from: settings.from, to: msg.to, subject: msg.subject, text: msg.text, html: msg.html });
      return { messageId: info.messageId };
    },
  };
}

/** When no SMTP server is configured: messages are written to the log, so nothing is silently lost. */
export function logMailer(log: (line: string) => void): Mailer {
  let n = 0;
  return {
    async send(msg) {
      log(`mail to ${msg.to}: ${msg.subject}`);
      return { messageId: `log-${++n}` };
    },
  };
}
