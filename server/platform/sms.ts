/**
 * Outgoing SMS behind a provider interface. Vietnamese carriers' gateways (brandname SMS) differ per contract;
 * a locality plugs its own in. The default provider writes to the log.
 */
export interface SmsProvider {
  readonly name: string;
  send(phone: string, text: string): Promise<{ id: string }>;
}

export function logSmsProvider(log: (line: string) => void): SmsProvider {
  let n = 0;
  return {
    name: 'log',
    async send(phone, text) {
      log(`sms to ${phone}: ${text}`);
      return { id: `log-${++n}` };
    },
  };
}
