import { createHmac } from 'node:crypto';

export interface CanvasFixture {
  readonly orgId: string;
  readonly userId: string;
  readonly userName?: string;
  readonly profileId?: string;
  readonly language?: string;
  readonly instanceUrl: string;
  readonly oauthToken: string;
  /** Passed by the Aura wrapper as `parameters.recordId`. */
  readonly parameterRecordId?: string;
  /** The record a canvas placed on a page layout sits on. */
  readonly pageRecordId?: string;
  /** Its sObject type (default Account). */
  readonly pageRecordType?: string;
  readonly algorithm?: string;
}

/** A CanvasRequest shaped like the one Salesforce posts (client, context.user/organization/environment). */
export function canvasRequest(f: CanvasFixture): Record<string, unknown> {
  return {
    algorithm: f.algorithm ?? 'HMACSHA256',
    issuedAt: 1_716_000_000,
    userId: f.userId,
    client: { instanceId: '_:Partner_Journey:j_id0:j_id1:canvasapp', instanceUrl: f.instanceUrl, oauthToken: f.oauthToken, targetOrigin: f.instanceUrl },
    context: {
      user: {
        userId: f.userId,
        userName: f.userName ?? 'maria@example.com',
        fullName: 'Maria Souza',
        email: f.userName ?? 'maria@example.com',
        language: f.language ?? 'pt_BR',
        locale: 'pt_BR',
        profileId: f.profileId ?? '00e5g000000AbCdAAK',
        roleId: null,
        userType: 'STANDARD',
      },
      organization: { organizationId: f.orgId, name: 'Example Org', currencyIsoCode: 'BRL', multicurrencyEnabled: false },
      environment: {
        displayLocation: 'Aura',
        locationUrl: `${f.instanceUrl}/lightning/r/${f.pageRecordType ?? 'Account'}/${f.parameterRecordId ?? f.pageRecordId ?? ''}/view`,
        sublocation: null,
        parameters: f.parameterRecordId ? { recordId: f.parameterRecordId } : {},
        ...(f.pageRecordId
          ? { record: { attributes: { type: f.pageRecordType ?? 'Account', url: `/services/data/v66.0/sobjects/${f.pageRecordType ?? 'Account'}/${f.pageRecordId}` }, Id: f.pageRecordId } }
          : {}),
        dimensions: { width: '100%', height: '600px', maxWidth: '1000px', maxHeight: '2000px' },
        version: { api: '66.0', season: 'SPRING' },
      },
      links: { restUrl: '/services/data/v66.0/', sobjectUrl: '/services/data/v66.0/sobjects/' },
    },
  };
}

/** `base64(HMAC-SHA256(secret, payload)) + "." + payload`, payload = base64 of the JSON, as Salesforce signs it. */
export function signCanvasRequest(request: unknown, secret: string, alphabet: 'base64' | 'base64url' = 'base64'): string {
  const payload = Buffer.from(JSON.stringify(request)).toString('base64');
  const signature = createHmac('sha256', secret).update(payload).digest(alphabet);
  return `${signature}.${payload}`;
}
