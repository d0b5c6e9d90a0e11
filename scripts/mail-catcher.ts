import { SMTPServer } from 'smtp-server';

/**
 * An SMTP server that takes every message whole and hands it over (the demo's catcher and the tests'
 * SMTP peer). `onMessage` may return an error to refuse the message (with its SMTP response code).
 */
export function createMailCatcher(onMessage: (raw: Buffer, to: string[]) => Error | void): SMTPServer {
  return new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () =>
        callback(
          onMessage(
            Buffer.concat(chunks),
            session.envelope.rcptTo.map((r) => r.address),
          ) ?? undefined,
        ),
      );
    },
  });
}
