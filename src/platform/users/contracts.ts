/** Response contracts of user administration (see platform/http/contracts.ts on contract files). */
import { z } from 'zod';
import { membership } from '../auth/contracts.ts';
import { timestamp } from '../http/contracts.ts';

/** A user as administrators see it; lists mask the phone number. */
export const userSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  phone: z.string().nullable(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  locked: z.boolean().nullable(),
  isDemo: z.boolean(),
  version: z.number(),
  createdAt: timestamp,
  memberships: z.array(membership),
});

export const userPage = z.object({ total: z.number(), items: z.array(userSchema) });

/** POST /api/users (201): the generated first password is shown once, here. */
export const userCreated = z.object({ user: userSchema, initialPassword: z.string().optional() });

/** Disable, enable, unlock, reset password: a reset returns the temporary password, shown once. */
export const accountActionResult = z.object({ temporaryPassword: z.string().optional() });
