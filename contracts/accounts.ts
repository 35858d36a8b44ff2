import { z } from 'zod';
import { IsoDate, Text, Uuid, Version } from './common.ts';
import { ROLES } from '../server/modules/accounts/permissions.ts';

export const RoleSchema = z.enum(ROLES);
/** At least 10 characters with a letter and a digit: long enough to resist guessing, short enough for a counter. */
export const Password = z
  .string()
  .min(10)
  .max(200)
  .refine((s) => /\p{L}/u.test(s) && /\d/.test(s), 'must contain a letter and a digit');
export const Username = z.string().trim().toLowerCase().min(3).max(64).regex(/^[a-z0-9._-]+$/, 'letters a-z, digits, dot, dash, underscore');

export const LoginBody = z.strictObject({ username: z.string().trim().toLowerCase().min(1).max(64), password: z.string().min(1).max(200) });
export const ChangePasswordBody = z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword: Password });

export const GrantInput = z.strictObject({
  role: RoleSchema,
  unitId: Uuid.nullable(),
  validFrom: IsoDate.optional(),
  validTo: IsoDate.nullable().optional(),
});

export const GrantView = z.object({
  id: Uuid,
  role: RoleSchema,
  unitId: Uuid.nullable(),
  unitName: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});

export const Account = z.object({
  id: Uuid,
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  status: z.enum(['active', 'disabled']),
  lockedUntil: z.string().nullable(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  isDemo: z.boolean(),
  version: z.number(),
  grants: z.array(GrantView),
});

export const Me = z.object({
  id: Uuid,
  username: z.string(),
  fullName: z.string(),
  mustChangePassword: z.boolean(),
  roles: z.array(RoleSchema),
  permissions: z.array(z.string()),
  grants: z.array(GrantView),
});

const Phone = z.string().trim().regex(/^\+?[0-9 .-]{8,15}$/, 'phone number');

export const CreateAccountBody = z.strictObject({
  username: Username,
  fullName: Text(120),
  email: z.email().nullable().optional(),
  phone: Phone.nullable().optional(),
  password: Password,
  mustChangePassword: z.boolean().optional(),
  grants: z.array(GrantInput).max(20).default([]),
});

export const UpdateAccountBody = z.strictObject({
  version: Version,
  fullName: Text(120).optional(),
  email: z.email().nullable().optional(),
  phone: Phone.nullable().optional(),
  status: z.enum(['active', 'disabled']).optional(),
  unlock: z.literal(true).optional(),
});

export const ResetPasswordBody = z.strictObject({ newPassword: Password, mustChangePassword: z.boolean().default(true) });

export const ListAccountsQuery = z.strictObject({
  q: z.string().max(100).optional().describe('Accent-insensitive search in full name and username: "nguyen thi hoa" finds "Nguyễn Thị Hoa"'),
  unitId: Uuid.optional().describe('Accounts holding a role in force on this unit'),
  role: RoleSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

/** One page of accounts in Vietnamese alphabetical order of full name (then username), and how many match in all. */
export const AccountPage = z.object({ total: z.number(), items: z.array(Account) });
