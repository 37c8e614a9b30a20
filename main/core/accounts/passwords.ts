import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto';
import { PASSWORD_MIN_CHARS } from '../../../shared';

/** scrypt cost: N = 2^15, r = 8, p = 1 (memory-hard, ~32 MiB per hash); a 64-byte key over a 16-byte random salt. */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
  keylen: number;
}
export const SCRYPT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1, keylen: 64 };

export interface StoredCredential {
  algorithm: 'scrypt';
  params: ScryptParams;
  /** base64 */
  salt: string;
  /** base64 */
  hash: string;
}

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, params.keylen, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function hashPassword(password: string, params: ScryptParams = SCRYPT_PARAMS): Promise<StoredCredential> {
  const salt = randomBytes(16);
  const hash = await derive(password, salt, params);
  return { algorithm: 'scrypt', params, salt: salt.toString('base64'), hash: hash.toString('base64') };
}

/** Compares in constant time; a stored credential it cannot read never matches. */
export async function verifyPassword(password: string, stored: StoredCredential): Promise<boolean> {
  if (stored.algorithm !== 'scrypt') return false;
  const expected = Buffer.from(stored.hash, 'base64');
  if (expected.length !== stored.params.keylen) return false;
  const actual = await derive(password, Buffer.from(stored.salt, 'base64'), stored.params);
  return timingSafeEqual(actual, expected);
}

let dummy: Promise<StoredCredential> | null = null;
/** Spends the same time as a real check, so an unknown employee number answers no faster than a wrong password. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hashPassword('not a password of anyone');
  await verifyPassword(password, await dummy);
}

const COMMON = new Set([
  'password',
  'password1',
  'password123',
  'passw0rd',
  'qwertyuiop',
  'qwerty1234',
  '1234567890',
  '0123456789',
  '1qaz2wsx3edc',
  'iloveyou',
  'abcdefghij',
  'abc1234567',
  'a123456789',
  'woaini1314',
  'admin12345',
  'kept123456',
]);

/**
 * Why a new password is not good enough, or null. Length first (`password_too_short`, also checked
 * by the contract), then `password_weak`: a common password, one containing the employee number,
 * or one made of fewer than four different characters.
 */
export function passwordProblem(password: string, employeeNo: string): 'password_too_short' | 'password_weak' | null {
  if ([...password].length < PASSWORD_MIN_CHARS) return 'password_too_short';
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return 'password_weak';
  if (employeeNo.length >= 3 && lower.includes(employeeNo)) return 'password_weak';
  if (new Set(lower).size < 4) return 'password_weak';
  return null;
}
