import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError, invalidInput, Score, SURVEY_COMMENT_MAX_CHARS, Text } from '../shared';
import type { Core } from '../main/core';
import { answerSurveyFromWebhook } from '../main/core/surveys';
import { sendError } from './rpc-routes';

export const SURVEY_WEBHOOK_PATH = '/api/webhooks/survey';
export const SIGNATURE_HEADER = 'kept-signature';
/** How far a delivery's timestamp may be from the server's clock, either way. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;
const BODY_LIMIT = 4 * 1024;

const Body = z
  .object({
    caseNumber: z.string().min(3).max(20),
    token: z.string().min(4).max(64),
    score: Score,
    comment: Text(SURVEY_COMMENT_MAX_CHARS).optional(),
  })
  .strict();

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`: the HMAC of a body sent at time t, as the SMS gateway signs it. */
export function signSurveyDelivery(secret: string, body: string, unixSeconds: number): string {
  return `t=${unixSeconds},v1=${createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex')}`;
}

function refuse(message: string, reason: string): AppError {
  return new AppError('forbidden', message, [{ path: SIGNATURE_HEADER, message: reason }]);
}

/** Checks the signature header against the raw body; returns the signature (v1) on success. */
export function verifySurveySignature(secret: string, header: unknown, body: string, now: Date): string {
  if (typeof header !== 'string' || header.length > 200) throw refuse('The delivery is not signed.', 'missing');
  const parts = new Map(
    header.split(',').map((p) => {
      const i = p.indexOf('=');
      return [p.slice(0, i).trim(), p.slice(i + 1).trim()] as const;
    }),
  );
  const t = parts.get('t') ?? '';
  const v1 = parts.get('v1') ?? '';
  if (!/^\d{1,12}$/.test(t) || !/^[0-9a-f]{64}$/i.test(v1)) throw refuse('The signature header is malformed.', 'malformed');
  if (Math.abs(now.getTime() / 1000 - Number(t)) > SIGNATURE_TOLERANCE_SECONDS)
    throw refuse('The delivery is too old or from the future.', 'stale_timestamp');
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  const given = Buffer.from(v1, 'hex');
  // Same length (32 bytes) by the pattern above, so the comparison takes the same time whatever matches.
  if (!timingSafeEqual(expected, given)) throw refuse('The signature does not match.', 'bad_signature');
  return v1.toLowerCase();
}

/**
 * POST /api/webhooks/survey: a customer's survey answer, relayed by the SMS gateway and signed with
 * the shared secret (`--survey-secret` / `KEPT_SURVEY_SECRET`). The body is read raw (the HMAC is
 * over its bytes), the timestamp must be within ±5 minutes, and a replayed delivery writes nothing.
 * Without a secret the endpoint answers `unavailable`.
 */
export function registerSurveyWebhook(app: FastifyInstance, core: Core, secret: string | undefined): void {
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_request, body, done) =>
      done(null, body),
    );
    scope.post(SURVEY_WEBHOOK_PATH, { bodyLimit: BODY_LIMIT }, async (request, reply) => {
      if (!secret) return sendError(reply, { code: 'unavailable', message: 'The survey webhook is not configured (no shared secret).' });
      const raw = typeof request.body === 'string' ? request.body : '';
      try {
        const signature = verifySurveySignature(secret, request.headers[SIGNATURE_HEADER], raw, core.deps.now());
        let json: unknown;
        try {
          json = JSON.parse(raw);
        } catch {
          return sendError(reply, { code: 'bad_request', message: 'The body is not valid JSON.' });
        }
        const parsed = Body.safeParse(json);
        if (!parsed.success) return sendError(reply, invalidInput(parsed.error).toShape());
        const { survey, duplicate } = await answerSurveyFromWebhook(core.deps, parsed.data, signature);
        return reply.send({ ok: true, value: { surveyId: survey.id, caseId: survey.caseId, reopened: survey.reopened, duplicate } });
      } catch (error) {
        if (error instanceof AppError) return sendError(reply, error.toShape());
        request.log.error(error);
        return sendError(reply, { code: 'internal', message: 'Something went wrong on our side. Nothing was changed.' });
      }
    });
  });
}
