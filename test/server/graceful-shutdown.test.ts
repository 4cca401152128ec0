import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { startTestService } from '../support/test-service.ts';

describe('graceful shutdown', () => {
  it('When the server closes during a request, then that request completes, new ones are refused, and the store closes', async () => {
    const service = await startTestService();
    const body = JSON.stringify({ asOf: '2026-06-30', partner: { type: 'channel', joinedAt: '2025-01-15' } });
    const { hostname, port } = new URL(service.url);
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request({ hostname, port, path: '/api/v1/evaluate', method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      req.write(body.slice(0, 10));
      // The rest of the body arrives only after shutdown has begun.
      setTimeout(() => req.end(body.slice(10)), 300);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    let closed = false;
    const closing = service.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(fetch(`${service.url}/healthz`)).rejects.toThrow();
    expect(closed).toBe(false);

    const done = await response;
    expect(done.status).toBe(200);
    expect(JSON.parse(done.text)).toMatchObject({ suggestedStage: 'recruit' });
    await closing;
    await expect(service.store.ping()).rejects.toThrow();
  });
});
