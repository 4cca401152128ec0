import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyCanvasSignedRequest } from '../../server/crm/salesforce/canvas-signed-request.ts';
import { AppError } from '../../server/errors/app-error.ts';
import { canvasRequest, signCanvasRequest, type CanvasFixture } from './support/canvas.ts';

const SECRET = 'consumer-secret-of-the-canvas-app';
const fixture: CanvasFixture = {
  orgId: '00D5g0000000001EAA',
  userId: '0055g000000000CAAQ',
  instanceUrl: 'https://example.my.salesforce.com',
  oauthToken: '00D5g!AQ0AQviewer-token',
  parameterRecordId: '0015g0000000001AAA',
};

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected the signed request to be refused');
}

/** Flips one character of a base64 text to another valid one. */
function flip(text: string, at: number): string {
  const ch = text[at] === 'A' ? 'B' : 'A';
  return text.slice(0, at) + ch + text.slice(at + 1);
}

describe('Canvas signed request verification', () => {
  it('When the request is signed with the consumer secret, then the viewer, org, token and record come out', () => {
    const context = verifyCanvasSignedRequest(signCanvasRequest(canvasRequest(fixture), SECRET), SECRET);
    expect(context).toEqual({
      orgId: fixture.orgId,
      userId: fixture.userId,
      userName: 'maria@example.com',
      fullName: 'Maria Souza',
      profileId: '00e5g000000AbCdAAK',
      language: 'pt_BR',
      instanceUrl: fixture.instanceUrl,
      oauthToken: fixture.oauthToken,
      recordId: fixture.parameterRecordId,
      recordType: null,
    });
  });

  it('When the signature uses the base64url alphabet, then the request is still accepted', () => {
    let signed = '';
    for (let i = 0; i < 50 && !/[-_]/.test(signed.split('.')[0] ?? ''); i += 1) {
      signed = signCanvasRequest(canvasRequest({ ...fixture, oauthToken: `token-${i}` }), SECRET, 'base64url');
    }
    expect(signed.split('.')[0]).toMatch(/[-_]/);
    expect(verifyCanvasSignedRequest(signed, SECRET).userId).toBe(fixture.userId);
  });

  it('When the canvas sits on a record page without parameters, then the record comes from environment.record.Id', () => {
    const { parameterRecordId: _, ...onLayout } = fixture;
    const context = verifyCanvasSignedRequest(signCanvasRequest(canvasRequest({ ...onLayout, pageRecordId: '0065g0000000007AAA' }), SECRET), SECRET);
    expect(context.recordId).toBe('0065g0000000007AAA');
    expect(context.recordType).toBe('Account');
  });

  it('When ids arrive in their 15-character form, then they come out as the 18-character ids the API uses', () => {
    const context = verifyCanvasSignedRequest(
      signCanvasRequest(canvasRequest({ ...fixture, orgId: '00D5g0000000001', userId: '0055g000000000C', parameterRecordId: '0015g00000000Zb' }), SECRET),
      SECRET,
    );
    expect(context).toMatchObject({ orgId: '00D5g0000000001EAA', userId: '0055g000000000CAAQ', recordId: '0015g00000000ZbAAI' });
  });

  it('When the payload is tampered with, then it is refused as unauthorized', () => {
    const signed = signCanvasRequest(canvasRequest(fixture), SECRET);
    const [signature, payload] = signed.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ ...canvasRequest(fixture), userId: '0055g000000000ZAAQ' })).toString('base64');
    expect(refusal(() => verifyCanvasSignedRequest(`${signature}.${forged}`, SECRET)).code).toBe('unauthorized');
    expect(refusal(() => verifyCanvasSignedRequest(`${signature}.${flip(payload, 40)}`, SECRET)).code).toBe('unauthorized');
  });

  it('When the signature is tampered with, then it is refused as unauthorized', () => {
    const signed = signCanvasRequest(canvasRequest(fixture), SECRET);
    expect(refusal(() => verifyCanvasSignedRequest(flip(signed, 3), SECRET)).message).toMatch(/does not match/);
    expect(refusal(() => verifyCanvasSignedRequest(`${signed.split('.')[0]?.slice(0, 20)}.${signed.split('.')[1]}`, SECRET)).code).toBe('unauthorized');
    expect(refusal(() => verifyCanvasSignedRequest(`!!${signed}`, SECRET)).message).toMatch(/not base64/);
  });

  it('When it was signed with another secret, then it is refused as unauthorized', () => {
    const signed = signCanvasRequest(canvasRequest(fixture), 'some-other-secret');
    expect(refusal(() => verifyCanvasSignedRequest(signed, SECRET)).code).toBe('unauthorized');
  });

  it('When the algorithm is not HMACSHA256, then it is refused as unauthorized even with a valid signature', () => {
    const signed = signCanvasRequest(canvasRequest({ ...fixture, algorithm: 'none' }), SECRET);
    const error = refusal(() => verifyCanvasSignedRequest(signed, SECRET));
    expect(error.code).toBe('unauthorized');
    expect(error.message).toMatch(/algorithm "none"/);
  });

  it('When the HMAC covers the payload text, then a re-encoding of the same JSON does not verify', () => {
    const request = canvasRequest(fixture);
    const payload = Buffer.from(JSON.stringify(request)).toString('base64');
    const signature = createHmac('sha256', SECRET).update(JSON.stringify(request)).digest('base64');
    expect(refusal(() => verifyCanvasSignedRequest(`${signature}.${payload}`, SECRET)).code).toBe('unauthorized');
  });

  it('When something that is not a signed request arrives, then it is refused without being parsed', () => {
    for (const value of [undefined, '', 'no-dot-here', '.payload', 'sig.', 42, 'a'.repeat(70_000)]) {
      expect(refusal(() => verifyCanvasSignedRequest(value, SECRET)).code).toBe('unauthorized');
    }
  });

  it('When the signature is valid but the context lacks the user, then it is invalid input naming the field', () => {
    const request = canvasRequest(fixture) as { context: Record<string, unknown> };
    const signed = signCanvasRequest({ ...request, context: { ...request.context, user: { userName: 'x' } } }, SECRET);
    const error = refusal(() => verifyCanvasSignedRequest(signed, SECRET));
    expect(error.code).toBe('invalid_input');
    expect(error.problems.map((p) => p.field)).toContain('context.user.userId');
  });

  it('When no consumer secret is configured, then nothing verifies and the error says which setting is missing', () => {
    expect(refusal(() => verifyCanvasSignedRequest(signCanvasRequest(canvasRequest(fixture), ''), '')).message).toMatch(/SALESFORCE_CONSUMER_SECRET/);
  });
});
