import { expect } from 'vitest';
import type { TestApp } from './test-app';
import { signWebhook, type WebhookBodyInput, webhookBody } from './webhook-signing';

/** Delivers a validly signed LiveKit webhook to the app, as livekit-server would, and expects it taken. */
export async function deliverWebhook(t: TestApp, input: WebhookBodyInput): Promise<string> {
  const body = webhookBody(input);
  const authorization = await signWebhook(body, t.config.livekit.apiKey, t.config.livekit.apiSecret);
  const res = await t.app.request('/api/livekit/webhook', {
    method: 'POST',
    headers: { 'content-type': 'application/webhook+json', authorization },
    body,
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return body;
}
