/** Where a customer message goes. The default keeps it in the outbox for the agent to copy. */
export interface OutgoingMessage {
  id: string;
  to: string;
  body: string;
  locale: string;
  caseId: string;
}

export type SendResult = { ok: true } | { ok: false; error: string; retryable: boolean };

export interface Gateway {
  name: string;
  /** False for the outbox gateway: nothing leaves the building, messages stay queued and copyable. */
  delivers: boolean;
  send(message: OutgoingMessage): Promise<SendResult>;
}

export const outboxGateway: Gateway = {
  name: 'outbox',
  delivers: false,
  async send() {
    return { ok: false, error: 'outbox gateway does not deliver', retryable: false };
  },
};

export interface WebhookOptions {
  url: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/**
 * POSTs the message as JSON with an Idempotency-Key (the message id), so a receiver that saw an
 * attempt whose answer got lost can drop the repeat. 2xx is delivered; 4xx (but 408/429) is final.
 */
export function webhookGateway(options: WebhookOptions): Gateway {
  const doFetch = options.fetch ?? fetch;
  return {
    name: 'webhook',
    delivers: true,
    async send(message) {
      try {
        const response = await doFetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': message.id },
          body: JSON.stringify(message),
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
        if (response.ok) return { ok: true };
        const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
        return { ok: false, error: `HTTP ${response.status}`, retryable };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error), retryable: true };
      }
    },
  };
}
