// Request bodies of the account routes (routes/admin.ts): a user's real name (姓名), which the CA
// puts in the CN of the certificates it issues to them (certificates/dev-ca-issuer.ts).
import { z } from 'zod';
import { CreateUserRequest } from '../protocol';

export const DisplayName = z
  .string()
  .trim()
  .min(1, '姓名不能为空')
  .max(32, '姓名不能超过 32 个字')
  .regex(/^[^\p{Cc}\p{Cf}]+$/u, '姓名不能包含控制字符');

export const CreateUserWithName = CreateUserRequest.extend({ displayName: DisplayName.optional() });
export const SetDisplayNameRequest = z.object({ displayName: DisplayName });
