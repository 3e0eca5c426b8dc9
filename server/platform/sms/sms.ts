/**
 * Text messages (SMS codes for the second factor). No SMS gateway is reachable from this project's
 * environment, so there is no real provider yet: a deployment adds one behind this interface. Until
 * then SMS as a second factor is offered only when a provider is configured (`SMS_PROVIDER`).
 */
export type SmsProvider = {
  readonly kind: string;
  send(to: string, text: string): Promise<void>;
};

export type SentSms = { to: string; text: string };

/** Keeps what would have been sent, in memory: used by tests to read the codes. */
export function recordingSmsProvider(): SmsProvider & { sent: SentSms[] } {
  const sent: SentSms[] = [];
  return {
    kind: 'recording',
    sent,
    async send(to, text) {
      sent.push({ to, text });
    },
  };
}

/**
 * Development only (`SMS_PROVIDER=log`): writes the message to the server log at warn level, so a
 * developer can log in with SMS without a gateway. Never use this in production: the log then
 * holds live codes.
 */
export function logSmsProvider(log: { warn(obj: object, msg: string): void }): SmsProvider {
  return {
    kind: 'log',
    async send(to, text) {
      log.warn({ smsTo: to, smsText: text }, 'SMS (development provider, not sent)');
    },
  };
}
