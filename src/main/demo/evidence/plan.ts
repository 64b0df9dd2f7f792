// The evidence list of a case: items every case has (licence, ID, photos, the party's written
// statement, re-inspection record) plus the scenario's own.
import { siteRecord } from '../docs/records';
import type { PlannedEvidence } from '../docs/common';
import type { CaseCtx } from '../model';
import { ev, pdf } from '../scenarios/common';
import type { ActKey, EvidenceSpec } from '../scenarios/types';
import { cnDate } from '../text';
import { paperDoc, statementDoc } from './papers';

const DEVICE_MODELS = ['DSJ-T9', 'DSJ-V7', 'DSJ-H8', 'DSJ-A10'];

function clockStamp(date: string, minutes: number): string {
  const h = String(Math.floor(minutes / 60)).padStart(2, '0');
  const m = String(minutes % 60).padStart(2, '0');
  return `${date} ${h}:${m}:${String((minutes * 7) % 60).padStart(2, '0')}`;
}

function commonEvidence(ctx: CaseCtx): EvidenceSpec[] {
  const p = ctx.party;
  const d = ctx.dates;
  const out: EvidenceSpec[] = [];
  if (p.licensed) {
    const legal = p.party.kind === 'legal';
    out.push(
      ev({
        key: 'licence',
        kind: '书证',
        title: '营业执照复印件',
        fileName: '营业执照',
        source: '当事人提供',
        act: 'inspect',
        proves: '当事人的主体资格',
        file: {
          type: 'image',
          format: 'jpeg',
          spec: {
            type: 'licence',
            code: legal ? p.party.idNumber : p.licenceCode ?? '',
            name: legal ? p.display : p.tradeName ?? p.display,
            kind: legal ? '有限责任公司（自然人投资或控股）' : '个体工商户',
            person: { label: legal ? '法定代表人' : '经营者', name: p.person.name },
            scope: p.party.businessScope ?? '',
            ...(p.capital ? { capital: p.capital } : {}),
            founded: p.registeredOn ?? d.lead,
            address: p.premises,
            authority: ctx.info.agency.name,
            issued: p.registeredOn ?? d.lead,
          },
        },
      }),
    );
  }
  const idHolder = p.person;
  out.push(
    ev({
      key: 'idcard',
      kind: '书证',
      title: p.party.kind === 'legal' ? '法定代表人身份证复印件' : '当事人身份证复印件',
      fileName: '身份证',
      source: '当事人提供',
      act: 'inquiry1',
      proves: p.party.kind === 'legal' ? '法定代表人的身份' : '当事人的身份',
      file: { type: 'image', format: 'jpeg', spec: { type: 'idcard', name: idHolder.name, male: idHolder.male, birth: idHolder.birth, address: idHolder.address, idNumber: idHolder.idNumber } },
    }),
  );
  if (p.party.kind === 'legal' && p.agent) {
    const agent = p.agent;
    out.push(
      ev({
        key: 'power-of-attorney',
        kind: '书证',
        title: '授权委托书',
        source: '当事人提供',
        act: 'inquiry1',
        proves: `${agent.name}受当事人委托接受调查、签收文书的权限`,
        file: pdf(() =>
          paperDoc({
            title: '授权委托书',
            grid: [
              ['委托人', `${p.display}（法定代表人：${p.person.name}）`],
              ['受托人', `${agent.name}，身份证号${agent.idNumber}，职务：${agent.post}`],
            ],
            paragraphs: [`兹委托${agent.name}代表我公司就${ctx.scenario.cause}一事接受${ctx.info.agency.name}的调查询问，提供有关材料，签收有关法律文书，参加陈述、申辩及听证。`, '受托人在上述权限内所作的陈述及签署的文件，我公司均予以承认。', `委托期限：自${cnDate(d.inspect)}起至本案办结之日止。`],
            issuer: p.display,
            issuedOn: d.inspect,
            seal: p.display,
          }),
        ),
      }),
    );
  }
  const caption = (minutes: number, prefix: string): { timestamp: string; location: string; device: string } => ({
    timestamp: clockStamp(d.inspect, minutes),
    location: p.premises.replace(/^安徽省/, ''),
    device: `${prefix} ${DEVICE_MODELS[ctx.index % DEVICE_MODELS.length]} 编号${ctx.info.credentialRegion}${String(ctx.index % 90 + 10).padStart(3, '0')}`,
  });
  out.push(
    ev({
      key: 'photo',
      kind: '物证',
      title: '现场检查照片',
      fileName: '现场照片',
      source: '执法人员现场拍摄',
      act: 'inspect',
      proves: ctx.details.goods ? `现场查见的${ctx.details.goods}` : '现场检查查见的情况',
      file: { type: 'image', format: 'jpeg', spec: { ...ctx.details.scene, caption: caption(9 * 60 + 41, '拍摄') } },
    }),
    ev({
      key: 'bodycam',
      kind: '视听资料',
      title: '执法记录仪视频截图',
      fileName: '执法记录仪截图',
      source: '执法人员执法记录仪录制',
      act: 'inspect',
      proves: '现场检查过程及当事人在场确认的情况',
      file: { type: 'image', format: 'jpeg', spec: { ...ctx.details.scene, caption: caption(9 * 60 + 36, '执法记录仪') } },
    }),
    ev({
      key: 'admission',
      kind: '当事人的陈述',
      title: '当事人情况说明',
      fileName: '情况说明',
      source: '当事人书写并提交',
      act: 'inquiry1',
      proves: '当事人对违法事实的陈述',
      file: pdf(() =>
        statementDoc({
          title: '情况说明',
          to: ctx.info.agency.name,
          paragraphs: [ctx.details.admission],
          signer: p.person.name,
          signerLabel: p.party.kind === 'legal' ? `${p.display}（盖章）  法定代表人` : '说明人',
          date: d.inquiry1,
          author: p.display,
        }),
      ),
    }),
  );
  const c = ctx.details.correction;
  if (c && ctx.acts.recheck) {
    const recheckAct = ctx.acts.recheck;
    out.push(
      ev({
        key: 'recheck',
        kind: '勘验笔录、现场笔录',
        title: '现场笔录（复查）',
        fileName: '复查现场笔录',
        source: '执法人员现场制作',
        act: 'recheck',
        proves: '当事人逾期未改正违法行为',
        file: pdf(() => siteRecord(ctx, recheckAct, c.recheck, true)),
      }),
    );
  }
  return out;
}

export function planEvidence(ctx: CaseCtx): PlannedEvidence[] {
  const specs = [...commonEvidence(ctx), ...ctx.details.evidence];
  const actOf = (k: ActKey) => {
    const a = ctx.acts[k];
    if (!a) throw new Error(`证据关联的调查行为不存在：${k}`);
    return a;
  };
  const planned = specs.map((spec, i) => {
    const a = actOf(spec.act);
    return { i, spec, date: spec.date ?? a.date, officers: a.officers };
  });
  planned.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.i - b.i));
  return planned.map((p, n) => ({ id: `ev-${String(n + 1).padStart(2, '0')}`, spec: p.spec, date: p.date, officers: p.officers }));
}
