import { z } from 'zod';

/** Request bodies of the sign-in routes (shared by server validation and API docs). */
export const signInBody = z.object({
  email: z.string().trim().min(1, 'Enter your e-mail address').max(254, 'The e-mail address is too long'),
  password: z.string().min(1, 'Enter your password').max(1024, 'The password is too long'),
  mode: z.enum(['cookie', 'bearer']).optional(),
});

export const passwordChangeBody = z.object({
  oldPassword: z.string().min(1, 'Enter your current password').max(1024, 'The password is too long'),
  newPassword: z.string().min(1, 'Enter a new password').max(1024, 'The password is too long'),
});

export const mePatchBody = z
  .object({
    locale: z.enum(['de', 'en']).optional(),
    notifyEmail: z.boolean().optional(),
    name: z.string().trim().min(1, 'Enter your name').max(120, 'The name is too long').optional(),
  })
  .strict();

export const exchangeBody = z.object({
  token: z.string().min(1, 'The host token is missing').max(8192, 'The host token is too long'),
});
