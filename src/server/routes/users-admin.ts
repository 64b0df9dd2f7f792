// Request bodies of the account routes (routes/admin.ts): a user's real name (姓名), which the CA
// puts in the CN of the certificates it issues to them (certificates/dev-ca-issuer.ts).
import { z } from 'zod';
import { CreateUserRequest } from '../protocol';
import { showChars } from '../../main/services/opinion/faces';
import { unprintableChars } from '../../main/services/opinion/printable';

export const DisplayName = z
  .string()
  .trim()
  .min(1, '姓名不能为空')
  .max(32, '姓名不能超过 32 个字')
  .regex(/^[^\p{Cc}\p{Cf}]+$/u, '姓名不能包含控制字符')
  // The workstation's rule for the reviewer's name (the signer printed on the opinion): a 姓名 with
  // an emoji would otherwise reach the certificate and every verification that names the signer.
  .superRefine((name, ctx) => {
    const chars = unprintableChars(name);
    if (chars.length) ctx.addIssue({ code: 'custom', message: `姓名中有意见书字体无法排印的字符：${showChars(chars)}，请删除或改用文字` });
  });

export const CreateUserWithName = CreateUserRequest.extend({ displayName: DisplayName.optional() });
export const SetDisplayNameRequest = z.object({ displayName: DisplayName });
