/** Response contracts of sign-in and the session (see platform/http/contracts.ts on contract files). */
import { z } from 'zod';
import { permissions, roles } from '../access/roles.ts';

export const membership = z.object({ orgId: z.number(), orgName: z.string(), role: z.enum(roles) });

/** The signed-in user: memberships, the permissions held somewhere in scope, and the CSRF token to send back. */
export const meSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  mustChangePassword: z.boolean(),
  memberships: z.array(membership),
  permissions: z.array(z.enum(permissions)),
  csrfToken: z.string(),
});
