import { createPrivateKey, sign } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { AppError } from '../../errors/app-error.ts';
import type { PrivateKeySource } from './salesforce-config.ts';

/** Salesforce accepts assertions that expire within 3 minutes. */
const LIFETIME_S = 170;

export interface JwtClaims {
  readonly clientId: string;
  readonly username: string;
  readonly audience: string;
}

/** The RS256 assertion of the OAuth JWT bearer flow (jsforce posts it but does not sign it). */
export function signJwtAssertion(claims: JwtClaims, privateKeyPem: string, nowMs: number): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = encode({ alg: 'RS256', typ: 'JWT' });
  const payload = encode({ iss: claims.clientId, sub: claims.username, aud: claims.audience, exp: Math.floor(nowMs / 1000) + LIFETIME_S });
  const key = createPrivateKey(privateKeyPem);
  const signature = sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), key).toString('base64url');
  return `${header}.${payload}.${signature}`;
}

export async function loadPrivateKey(source: PrivateKeySource): Promise<string> {
  if ('pem' in source) return checkPem(source.pem, 'SALESFORCE_PRIVATE_KEY');
  try {
    return checkPem(await readFile(source.file, 'utf8'), 'SALESFORCE_PRIVATE_KEY_FILE');
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('misconfigured', `SALESFORCE_PRIVATE_KEY_FILE: cannot read ${source.file}`, { cause: error });
  }
}

function checkPem(pem: string, variable: string): string {
  try {
    createPrivateKey(pem);
    return pem;
  } catch (error) {
    throw new AppError('misconfigured', `${variable} is not a PEM private key`, { cause: error });
  }
}
