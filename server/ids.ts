import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** Random, non-sequential ids (80 bits, base32): safe to show, impossible to guess or count. */
export function newId(): string {
  const bytes = new Uint8Array(10);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}
