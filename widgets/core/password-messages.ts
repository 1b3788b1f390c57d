/**
 * Localized texts of the password rules (R-AUTH-4): the checklist and the server's issues at a
 * password field. Only the password forms need them (portal-session/password-form.ts: the first
 * login and "Your account"), so they are not in the shared core chunk every widget loads. Call
 * these at render time, never at module load.
 */
import { msg, str } from '@lit/localize';
import type { PasswordPolicy, PasswordRule } from '../../server/schemas/password-rules.js';

/** How the checklist names a password rule. */
export function passwordRuleLabel(rule: PasswordRule | string, policy: PasswordPolicy): string {
  switch (rule) {
    case 'length':
      return msg(str`At least ${policy.minLength} characters`);
    case 'max_length':
      return msg(str`At most ${policy.maxLength} characters`);
    case 'lower':
      return msg('A lower-case letter');
    case 'upper':
      return msg('An upper-case letter');
    case 'digit':
      return msg('A digit');
    case 'special':
      return msg('A special character, such as ! ? # or -');
    case 'not_email':
      return msg('Does not contain your e-mail address');
    case 'differs':
      return msg('Differs from the current password');
    case 'not_common':
      return msg('Not a common, easily guessed password');
    default:
      return rule;
  }
}

/** A server issue at a password field, as a sentence. */
export function passwordIssueText(rule: string | undefined, policy: PasswordPolicy, fallback: string): string {
  switch (rule) {
    case 'old_password':
      return msg('The current password is not correct.');
    case 'length':
      return msg(str`The new password needs at least ${policy.minLength} characters.`);
    case 'max_length':
      return msg(str`The new password may have at most ${policy.maxLength} characters.`);
    case 'lower':
      return msg('The new password needs a lower-case letter.');
    case 'upper':
      return msg('The new password needs an upper-case letter.');
    case 'digit':
      return msg('The new password needs a digit.');
    case 'special':
      return msg('The new password needs a special character.');
    case 'not_email':
      return msg('The new password must not contain your e-mail address.');
    case 'differs':
      return msg('The new password must differ from the current one.');
    case 'not_common':
      return msg('This password is too common. Please choose one that is harder to guess.');
    default:
      return fallback;
  }
}
