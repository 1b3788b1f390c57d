/**
 * The password policy of R-AUTH-4: the shared rules the form shows live (`checkPasswordRules`)
 * and the server's full check (`passwordIssues`, which adds the common-password refusal).
 */
import { describe, expect, it } from 'vitest';
import { checkPasswordRules, defaultPasswordPolicy, type PasswordRule } from '../../server/schemas/password-rules.js';
import { isCommonPassword, passwordIssues } from '../../server/domain/password-policy.js';
import { hashPassword, verifyPassword } from '../../server/auth/passwords.js';
import { testHashCost } from './helpers.js';

const failed = (password: string, ctx = {}, policy = defaultPasswordPolicy) =>
  passwordIssues(password, ctx, policy).map((i) => i.rule);

const ruleOk = (password: string, rule: PasswordRule, ctx = {}, policy = defaultPasswordPolicy) =>
  checkPasswordRules(password, policy, ctx).find((r) => r.rule === rule)?.ok;

describe('password policy (R-AUTH-4)', () => {
  it('accepts a password that meets every rule', () => {
    expect(failed('Tiefsee-Anker-47%')).toEqual([]);
    expect(failed('Tiefsee-Anker-47%', { email: 'erik.editor@nordwind.example', oldPassword: 'Old-Pass-1!' })).toEqual([]);
    expect(checkPasswordRules('Tiefsee-Anker-47%').every((r) => r.ok)).toBe(true);
  });

  it('needs at least 8 characters by default', () => {
    expect(defaultPasswordPolicy.minLength).toBe(8);
    expect(failed('Kx7#qzw')).toEqual(['length']);
    expect(failed('Kx7#qzwv')).toEqual([]);
  });

  it('needs only 6 when configured (the manual exactly)', () => {
    const six = { ...defaultPasswordPolicy, minLength: 6 };
    expect(failed('Kx7#q', {}, six)).toEqual(['length']);
    expect(failed('Kx7#qz', {}, six)).toEqual([]);
    expect(passwordIssues('Kx7#q', {}, six)[0]!.message).toContain('6');
  });

  it('refuses passwords longer than the maximum', () => {
    expect(failed('Kx7#' + 'q'.repeat(defaultPasswordPolicy.maxLength - 4))).toEqual([]);
    expect(failed('Kx7#' + 'q'.repeat(defaultPasswordPolicy.maxLength - 3))).toContain('max_length');
  });

  it.each([
    ['upper', 'tiefsee-anker-47%'],
    ['lower', 'TIEFSEE-ANKER-47%'],
    ['digit', 'Tiefsee-Anker-%%'],
    ['special', 'TiefseeAnker47'],
  ] as const)('needs a character of class %s', (rule, password) => {
    expect(failed(password)).toEqual([rule]);
    expect(ruleOk(password, rule)).toBe(false);
  });

  it('does not count white space as a special character', () => {
    expect(failed('Tiefsee Anker 47')).toEqual(['special']);
  });

  it('counts unicode letters and digits, and counts characters, not UTF-16 units', () => {
    // German umlauts and ß: upper Ä, lower ö and ß
    expect(failed('ÄRGER-blöß-47')).toEqual([]);
    expect(ruleOk('ÄÖÜ-4711-%', 'lower')).toBe(false);
    expect(ruleOk('äöüß-4711-%', 'lower')).toBe(true);
    expect(ruleOk('äöüß-4711-%', 'upper')).toBe(false);
    expect(ruleOk('Ä-4711-%', 'upper')).toBe(true);
    // Greek and Cyrillic have case too
    expect(failed('Σίσυφος-47!')).toEqual([]);
    expect(failed('Жираф-кот-9')).toEqual([]);
    // other decimal digits are digits (Arabic-Indic three)
    expect(ruleOk('Tiefsee-Anker-٣', 'digit')).toBe(true);
    // four astral symbols are four characters, not eight: 3 + 4 = 7 < 8
    expect(failed('Kx7😀😀😀😀')).toEqual(['length']);
    expect(failed('Kx7😀😀😀😀z')).toEqual([]);
  });

  it('judges composed and decomposed forms alike (a combining accent is no special character)', () => {
    const decomposed = 'Blo\u0308dsinn1'; // "Blödsinn1" with a combining diaeresis
    expect(ruleOk(decomposed, 'special')).toBe(false);
    expect(ruleOk('Blödsinn1', 'special')).toBe(false);
    expect(ruleOk(decomposed, 'length')).toBe(true);
    expect(failed('Blo\u0308dsinn1', { oldPassword: 'Blödsinn1' })).toEqual(expect.arrayContaining(['special', 'differs']));
  });

  it('refuses the account e-mail and its local part, case-insensitively', () => {
    const email = 'erik.editor@nordwind.example';
    expect(failed('Erik.Editor@Nordwind.example1', { email })).toEqual(['not_email']);
    expect(failed('My-erik.editor-9', { email })).toEqual(['not_email']);
    expect(failed('ERIK.EDITOR-2026', { email })).toContain('not_email');
    expect(failed('Tiefsee-Anker-47%', { email })).toEqual([]);
    // a very short local part is not a rule of its own ("bo@x.de" would forbid every "bo")
    expect(failed('Bob-Tiefsee-47%', { email: 'bo@x.de' })).toEqual([]);
    expect(failed('bo@x.de-Tief-4', { email: 'bo@x.de' })).toContain('not_email');
  });

  it('needs the new password to differ from the old one', () => {
    expect(failed('Tiefsee-Anker-47%', { oldPassword: 'Tiefsee-Anker-47%' })).toEqual(['differs']);
    expect(failed('Tiefsee-Anker-48%', { oldPassword: 'Tiefsee-Anker-47%' })).toEqual([]);
    // only the server knows the old password; without it there is no such rule
    expect(checkPasswordRules('Tiefsee-Anker-47%').map((r) => r.rule)).not.toContain('differs');
  });

  it.each([
    'Password1!',
    'Passwort123!',
    'Sommer2026!',
    'Winter-2025',
    'Qwertz123!',
    'Willkommen1!',
    'Hallo1234!',
    'Servicedesk1!',
    'Fußball2026!',
    'P@ssw0rd!',
    'Passw0rd1!',
    'Pa$$w0rd1',
    'W1llk0mmen!',
    'Adm1n2026!',
    '#L0gin#2026',
    'Aaaaaaa1!',
    'Abcabc12!',
  ])('refuses the common password %s', (password) => {
    expect(isCommonPassword(password)).toBe(true);
    expect(failed(password)).toContain('not_common');
    // the shared rules cannot know the list: they pass the character classes
    expect(checkPasswordRules(password).every((r) => r.ok || r.rule === 'length')).toBe(true);
  });

  it.each(['Tiefsee-Anker-47%', 'Portal-Demo-2026!', 'Grün-Kohl-Tag-8', 'Mx7#Vrq2Lp'])(
    'does not refuse the uncommon password %s',
    (password) => {
      expect(isCommonPassword(password)).toBe(false);
    },
  );

  it('reports every broken rule with a path, the rule and a message', () => {
    const issues = passwordIssues('abc', { email: 'abc@nordwind.example', oldPassword: 'abc' }, defaultPasswordPolicy, 'pw');
    expect(issues.map((i) => i.rule).sort()).toEqual(['differs', 'digit', 'length', 'not_common', 'special', 'upper']);
    for (const i of issues) {
      expect(i.path).toBe('pw');
      expect(i.message).toMatch(/^Password /);
    }
  });
});

describe('password hashing', () => {
  it('uses argon2id, salts every hash and verifies composed and decomposed input alike', async () => {
    const a = await hashPassword('Blödsinn-47!', testHashCost);
    const b = await hashPassword('Blödsinn-47!', testHashCost);
    expect(a).toMatch(/^\$argon2id\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('Blödsinn');
    expect(await verifyPassword(a, 'Blödsinn-47!')).toBe(true);
    expect(await verifyPassword(a, 'Blo\u0308dsinn-47!')).toBe(true);
    expect(await verifyPassword(a, 'Blodsinn-47!')).toBe(false);
    expect(await verifyPassword('not a hash', 'Blödsinn-47!')).toBe(false);
  });
});
