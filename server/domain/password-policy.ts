import {
  checkPasswordRules,
  passwordRuleMessages,
  defaultPasswordPolicy,
  type PasswordContext,
  type PasswordPolicy,
  type PasswordRule,
} from '../schemas/password-rules.js';
import type { ValidationIssue } from '../schemas/errors.js';

/**
 * Passwords people pick when a policy forces upper, lower, digit and special: a common word
 * with a year or a number and a "!". We refuse the word whatever is appended, in German and
 * English, plus the top entries of public breach lists.
 */
const commonWords = new Set(
  `password passwort passw0rd kennwort geheim secret welcome willkommen hallo hello test testing
  start starten login admin administrator root user benutzer qwerty qwertz asdf asdfgh yxcv
  abc abcd abcdef abcdefg letmein changeme iloveyou monkey dragon master football fussball
  sommer summer winter herbst autumn fall fruehling frühling spring januar februar maerz märz
  april mai juni juli august september oktober november dezember january february march may
  june july october december montag monday freitag friday sunshine princess shadow superman
  batman trustno baseball soccer killer pokemon michael daniel thomas andreas stefan sabine
  schatz hase maus liebe love test123 service servicedesk helpdesk support portal firma
  company office sekretariat zuhause home computer internet google microsoft windows apple`.split(/\s+/),
);

const commonExact = new Set(
  `123456 123456789 12345678 12345 1234567 1234567890 111111 000000 123123 654321 666666
  121212 112233 aa123456 1q2w3e4r 1qaz2wsx zaq12wsx q1w2e3r4 p@ssw0rd p@ssword pa$$word
  passw0rd! password1 password1! password123 password123! passwort1 passwort1! passwort123
  passwort123! welcome1 welcome1! welcome123 qwerty123 qwerty123! qwertz123 abc123 abc123!
  abcd1234 abcd1234! a1b2c3d4 changeme1 letmein1 admin123 admin123! test1234 test1234!`.split(/\s+/),
);

/** Letters of a password without the digits and symbols people append. */
function core(password: string): string {
  return password
    .toLowerCase()
    .normalize('NFC')
    .replace(/[^\p{L}]+/gu, '');
}

/** Look-alike characters people put into a common word ("P@ssw0rd", "W1llk0mmen"). */
const leet: Record<string, string> = { '0': 'o', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', $: 's', '€': 'e', '|': 'l' };

/**
 * The word inside a password once what is appended or prepended is cut off and look-alike
 * characters are read as letters ("P@ssw0rd!" → "password"); "1" may stand for "i" or "l".
 */
function deLeetedCores(password: string): string[] {
  const inner = password
    .toLowerCase()
    .normalize('NFC')
    .replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  const mapped = [...inner].map((ch) => leet[ch] ?? ch).join('');
  return ['i', 'l'].map((one) => mapped.replaceAll('1', one).replace(/[^\p{L}]+/gu, ''));
}

/** "Fußball" → "fussball", "März" → "maerz": the list holds the spelled-out forms. */
const foldGerman = (word: string) =>
  word.replace(/ß/g, 'ss').replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue');

export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase().normalize('NFC');
  if (commonExact.has(lower)) return true;
  const c = core(password);
  if (c.length === 0) return true;
  for (const candidate of [c, ...deLeetedCores(password)]) {
    if (commonWords.has(candidate) || commonWords.has(foldGerman(candidate))) return true;
    // repeats of one character or one chunk: "aaaaaaa1!", "abcabc12!"
    if (/^(.+)\1+$/u.test(candidate)) return true;
  }
  return false;
}

/** Every rule the new password breaks, as validation issues on `path`. */
export function passwordIssues(
  password: string,
  ctx: PasswordContext,
  policy: PasswordPolicy = defaultPasswordPolicy,
  path = 'newPassword',
): ValidationIssue[] {
  const failed = checkPasswordRules(password, policy, ctx)
    .filter((r) => !r.ok)
    .map((r) => r.rule);
  if (isCommonPassword(password)) failed.push('not_common');
  return failed.map((rule) => ({ path, rule, message: `Password ${passwordRuleMessages[rule](policy)}` }));
}
