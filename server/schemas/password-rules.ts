/**
 * The password policy (R-AUTH-4), as pure rules: the server enforces them, the sign-in widget
 * shows them live. The manual asks for upper- and lower-case letters, digits and special
 * characters with at least 6 characters; the default minimum is 8 (OWASP ASVS 5.0) and one
 * setting brings back 6. The list of common passwords is checked by the server only.
 */
export interface PasswordPolicy {
  minLength: number;
  maxLength: number;
}

export const defaultPasswordPolicy: PasswordPolicy = { minLength: 8, maxLength: 128 };

export type PasswordRule =
  | 'length'
  | 'lower'
  | 'upper'
  | 'digit'
  | 'special'
  | 'not_email'
  | 'differs'
  | 'not_common'
  | 'max_length';

export interface PasswordContext {
  email?: string;
  oldPassword?: string;
}

/** The rules the form lists, in order, with whether `password` meets each. */
export function checkPasswordRules(
  password: string,
  policy: PasswordPolicy = defaultPasswordPolicy,
  ctx: PasswordContext = {},
): { rule: PasswordRule; ok: boolean }[] {
  // The same text typed on different systems may arrive composed or decomposed ("ö" or
  // "o" + U+0308); judge the composed form, and never count a combining accent as special.
  password = password.normalize('NFC');
  const chars = [...password];
  const rules: { rule: PasswordRule; ok: boolean }[] = [
    { rule: 'length', ok: chars.length >= policy.minLength },
    { rule: 'lower', ok: /\p{Ll}/u.test(password) },
    { rule: 'upper', ok: /\p{Lu}/u.test(password) },
    { rule: 'digit', ok: /\p{Nd}/u.test(password) },
    { rule: 'special', ok: /[^\p{L}\p{M}\p{Nd}\s]/u.test(password) },
  ];
  if (ctx.email !== undefined) {
    const email = ctx.email.trim().toLowerCase();
    const local = email.split('@')[0] ?? '';
    const lower = password.toLowerCase();
    rules.push({
      rule: 'not_email',
      ok: email === '' || (!lower.includes(email) && (local.length < 4 || !lower.includes(local))),
    });
  }
  if (ctx.oldPassword !== undefined) {
    rules.push({ rule: 'differs', ok: password !== ctx.oldPassword.normalize('NFC') });
  }
  if (chars.length > policy.maxLength) rules.push({ rule: 'max_length', ok: false });
  return rules;
}

/** The server's English message for a broken rule (422 `details.issues[].message`). */
export const passwordRuleMessages: Record<PasswordRule, (p: PasswordPolicy) => string> = {
  length: (p) => `must have at least ${p.minLength} characters`,
  max_length: (p) => `must have at most ${p.maxLength} characters`,
  lower: () => 'must contain a lower-case letter',
  upper: () => 'must contain an upper-case letter',
  digit: () => 'must contain a digit',
  special: () => 'must contain a special character',
  not_email: () => 'must not contain your e-mail address',
  differs: () => 'must differ from the current password',
  not_common: () => 'is too common; choose something less predictable',
};
