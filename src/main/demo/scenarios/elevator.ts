// Using a passenger elevator past its periodic inspection (特种设备安全法 Art. 40 ¶3 / Art. 84 (1)).
import { addDays } from '../../../shared/format/date';
import { listingDoc, paperDoc } from '../evidence/papers';
import { addMonths, cnDate, dotDate } from '../text';
import { ev, law, pdf } from './common';
import type { Scenario } from './types';

const SEL = '中华人民共和国特种设备安全法';

export const elevatorOverdue: Scenario = {
  key: 'elevator-overdue',
  title: '使用未经定期检验的特种设备',
  cause: '使用未经定期检验的特种设备',
  partyKind: 'legal',
  licensed: true,
  industry: '商业管理',
  businessScope: '商业综合体管理服务；物业管理；停车场服务；柜台、摊位出租',
  leadKind: '监督检查',
  agentPost: '设备部经理',
  model: 'band',
  violated: [law(SEL, '第四十条', '第三款', '未经定期检验或者检验不合格的特种设备，不得继续使用。')],
  basis: [
    law(
      SEL,
      '第八十四条',
      '第（一）项',
      '违反本法规定，特种设备使用单位有下列行为之一的，责令停止使用有关特种设备，处三万元以上三十万元以下罚款：（一）使用未取得许可生产，未经检验或者检验不合格的特种设备，或者国家明令淘汰、已经报废的特种设备的；',
    ),
  ],
  draw(rng) {
    const units = rng.int(1, 3);
    return {
      amounts: {},
      range: { minFen: 3_000_000, maxFen: 30_000_000, text: '处三万元以上三十万元以下罚款' },
      details: ({ rng: r, party, dates, info, witness }) => {
        const due = addDays(dates.lead, -r.int(25, 80));
        const lastCheck = addMonths(due, -12);
        const regNos = Array.from({ length: units }, () => `梯11${party.district.code.slice(0, 4)}${r.digits(5)}`);
        const maint = `${info.cityShort}${r.pick(['安达', '迅通', '恒升'])}电梯工程有限公司`;
        const building = `${party.display.slice(info.cityShort.length, info.cityShort.length + 2)}广场`;
        return {
          goods: `超过定期检验有效期仍在使用的乘客电梯${units}台`,
          leadText: `执法人员在特种设备安全专项检查中发现，${party.display}管理的${building}内乘客电梯使用标志显示的下次检验日期已过，涉嫌使用未经定期检验的特种设备。`,
          findings: [
            `${building}（${party.premises}）内${units}台曳引驱动乘客电梯（使用登记证编号：${regNos.join('、')}）正在运行，载有乘客。`,
            `电梯轿厢内张贴的特种设备使用标志显示“下次检验日期：${cnDate(due)}”，当事人现场不能提供该日期之后的定期检验报告。`,
            '执法人员当场责令当事人停止使用上述电梯，并拍照取证。',
          ],
          inquiry: [
            ['上述电梯的使用单位是谁？', `是我公司，${building}由我公司负责管理，电梯登记在我公司名下。`],
            ['电梯的定期检验有效期到什么时候？', `上次检验是${cnDate(lastCheck)}，有效期到${cnDate(due)}。`],
            ['是否在有效期届满前一个月提出定期检验申请？', '没有，负责电梯的员工离职了，交接时漏掉了。'],
            ['检验有效期届满后电梯是否一直在使用？', `是的，一直在正常运行，直到${cnDate(dates.inspect)}你们检查后才停用。`],
            ['目前是否已申请检验？', `已经向特种设备检验机构提出申请，维保单位是${maint}。`],
          ],
          facts: `当事人${party.display}系${building}${units}台乘客电梯（使用登记证编号：${regNos.join('、')}）的使用单位。上述电梯定期检验有效期至${cnDate(due)}，当事人未在有效期届满前一个月向特种设备检验机构提出定期检验要求，自${cnDate(addDays(due, 1))}起至${cnDate(dates.inspect)}被执法人员查获时，在未经定期检验的情况下继续使用上述电梯。`,
          admission: `我公司是${building}电梯的使用单位。${units}台乘客电梯定期检验有效期至${cnDate(due)}，因负责人员离职交接疏漏，未按时申请定期检验，有效期届满后电梯一直在使用。检查当日已停用，并已申请检验。`,
          statement: '我公司对违法事实无异议，电梯已停用并已申请检验，期间未发生安全事故，请求从轻处罚。',
          hearingArgs: '我公司对违法事实没有异议，电梯停用期间已申请检验，没有发生事故，请求从轻处罚。',
          factors: ['当事人在检查后立即停止使用涉案电梯并申请定期检验，未发生安全事故'],
          extraPenalties: [],
          evidence: [
            ev({
              key: 'use-registration',
              kind: '书证',
              title: '特种设备使用登记证复印件',
              fileName: '特种设备使用登记证',
              source: '当事人提供',
              act: 'inquiry1',
              proves: '当事人系涉案电梯的使用单位',
              file: pdf(() =>
                paperDoc({
                  title: '特种设备使用登记证',
                  subtitle: `使用登记证编号：${regNos[0]!}`,
                  grid: [
                    ['使用单位', party.display],
                    ['设备种类', '电梯'],
                    ['设备类别', '曳引与强制驱动电梯'],
                    ['设备品种', '曳引驱动乘客电梯'],
                    ['设备使用地点', `${party.premises}${building}`],
                  ],
                  paragraphs: [],
                  issuer: info.agency.name,
                  issuedOn: addMonths(due, -48),
                  seal: info.agency.name,
                  provider: party.agent?.name ?? party.person.name,
                  copiedOn: dates.inquiry1,
                }),
              ),
            }),
            ev({
              key: 'last-inspection',
              kind: '书证',
              title: '电梯定期检验报告（上一周期）复印件',
              fileName: '上期定期检验报告',
              source: '当事人提供',
              act: 'inquiry1',
              proves: `涉案电梯定期检验有效期至${cnDate(due)}`,
              file: pdf(() =>
                paperDoc({
                  title: '电梯定期检验报告',
                  subtitle: `报告编号：DT${lastCheck.slice(0, 4)}-${r.digits(6)}`,
                  grid: [
                    ['使用单位', party.display],
                    ['设备代码', `3110${party.district.code}${r.digits(6)}`],
                    ['检验日期', cnDate(lastCheck)],
                    ['检验结论', '合格'],
                    ['下次检验日期', cnDate(due)],
                  ],
                  paragraphs: ['依据TSG T7001《电梯监督检验和定期检验规则》进行定期检验，检验结论：合格。'],
                  issuer: `${info.cityShort}市特种设备监督检验中心`,
                  issuedOn: lastCheck,
                  seal: `${info.cityShort}市特种设备监督检验中心`,
                  provider: party.agent?.name ?? party.person.name,
                  copiedOn: dates.inquiry1,
                }),
              ),
            }),
            ev({
              key: 'run-log',
              kind: '书证',
              title: '电梯运行及维保记录复印件',
              fileName: '电梯运行维保记录',
              source: '当事人提供',
              act: 'inquiry1',
              proves: '检验有效期届满后涉案电梯仍在运行使用',
              file: pdf(() =>
                listingDoc({
                  title: '电梯日常运行及维护保养记录（摘录）',
                  intro: `维保单位：${maint}；记录人：${witness.name}（维保人员）。`,
                  head: ['日期', '电梯编号', '运行状态', '维保内容', '备注'],
                  widths: [1.8, 2.6, 1.4, 2.6, 1.6],
                  rows: Array.from({ length: 6 }, (_, i) => [addDays(due, i * 14 - 14), regNos[i % units]!, '正常运行', i % 2 ? '半月保养：门系统、制动器检查' : '半月保养：曳引机、导轨润滑', i === 1 ? '检验已到期' : '']),
                  provider: party.agent?.name ?? party.person.name,
                  date: dates.inquiry1,
                  author: maint,
                }),
              ),
            }),
          ],
          scene: {
            type: 'elevator',
            plate: [`使用单位：${party.display}`, `登记证编号：${regNos[0]!}`, `维保单位：${maint}`, `维保电话：${info.phone.slice(0, 4)}-${r.digits(7)}`, `下次检验日期：${dotDate(due)}`],
            note: `轿厢内使用标志显示下次检验日期为${cnDate(due)}，已过期`,
          },
          violationStart: addDays(due, 1),
          continuing: false,
        };
      },
    };
  },
};
