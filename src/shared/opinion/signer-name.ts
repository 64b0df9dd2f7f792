// The certificate names the signer otherwise than the reviewer profile (a central certificate issued
// before the admin set the 姓名 carries the account name; or the admin typed another character):
// verifications show the certificate's name, the document prints the profile's. Said the same way
// in the keys dialog and by `fashen keys create` / `fashen opinion sign`.

export interface SignerNameMismatch {
  title: string;
  advice: string;
}

/** null when they agree or either is unknown. `user`: the central account, when logged in. */
export function signerNameMismatch(certificateName: string | null | undefined, reviewerName: string | null | undefined, user: string | null | undefined): SignerNameMismatch | null {
  if (!certificateName || !reviewerName || certificateName === reviewerName) return null;
  return {
    title: `证书署名为“${certificateName}”，审核人员姓名为“${reviewerName}”`,
    advice: `验证签名时显示证书上的署名。${user ? `请中心系统管理员登记姓名（fashen central user set ${user} --display-name ${reviewerName}）后，更换签名密钥。` : '请核对审核人员设置，或更换签名密钥。'}`,
  };
}
