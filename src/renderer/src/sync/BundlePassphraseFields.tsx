// The bundle passphrase as the export dialog asks for it: typed twice, at least MIN_PASSPHRASE
// characters, with a strength hint. It is passed on to the central system's admin by phone or in
// person — never on the stick — so the hint favours length over cryptic characters.
import { Input } from 'antd';
import { MIN_PASSPHRASE, passphraseProblem, passphraseStrength, STRENGTH_LABEL } from '../../../shared/sync/bundle-passphrase';

/** What stops the export (zh-CN), or null: the rule, then the two entries agreeing. */
export function bundlePassProblem(pass: string, again: string): string | null {
  return passphraseProblem(pass) ?? (pass !== again ? '两次输入的交换包口令不一致' : null);
}

export function BundlePassphraseFields({ pass, again, onPass, onAgain, onEnter }: { pass: string; again: string; onPass: (v: string) => void; onAgain: (v: string) => void; onEnter: () => void }) {
  const strength = pass ? passphraseStrength(pass) : null;
  const short = pass && [...pass.normalize('NFC')].length < MIN_PASSPHRASE;
  return (
    <>
      <label className="st-pass-field">
        <span>交换包口令</span>
        <Input.Password value={pass} onChange={(e) => onPass(e.target.value)} autoComplete="new-password" maxLength={200} placeholder={`至少 ${MIN_PASSPHRASE} 个字符，可用汉字、字母、数字`} data-testid="sync-export-bundle-pass" />
        <span className={`small ${strength === 'weak' || short ? 't-warn' : 'muted'}`} data-testid="sync-export-strength">
          {!pass
            ? '建议用几个不相关的词组成，如“青山-打印机-四十七”；越长越难猜。'
            : short
              ? `还差 ${MIN_PASSPHRASE - [...pass.normalize('NFC')].length} 个字符`
              : `强度：${STRENGTH_LABEL[strength!]}${strength === 'weak' ? '（重复或连续的字符容易被猜中，请换几个不相关的词）' : strength === 'fair' ? '（再长一些更好）' : ''}`}
        </span>
      </label>
      <label className="st-pass-field">
        <span>再次输入</span>
        <Input.Password value={again} onChange={(e) => onAgain(e.target.value)} onPressEnter={onEnter} autoComplete="new-password" maxLength={200} data-testid="sync-export-bundle-pass2" />
        {again && pass !== again && (
          <span className="small t-warn" data-testid="sync-export-mismatch">
            两次输入不一致
          </span>
        )}
      </label>
    </>
  );
}
