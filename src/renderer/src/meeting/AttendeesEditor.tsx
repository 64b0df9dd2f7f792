// 参会人员: one line per person — name, post, 出席 (a head taking part in the decision, counts toward
// the quorum) or 列席 (present without a vote) — and who hosts, reports and records. A person entered
// twice (spaces and full-width forms ignored) is flagged on the spot; the quorum counts them once.
import { Button, Form, Input, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { personKey, repeatedNames } from '../../../shared/meeting/people';
import { ATTENDEE_ROLE_LABEL, type AttendeeInput } from '../../../shared/meeting/schema';

const MAX_ATTENDEES = 40;
const roleOptions = (['member', 'observer'] as const).map((r) => ({ value: r, label: ATTENDEE_ROLE_LABEL[r] }));

export function AttendeesEditor() {
  const attendees = Form.useWatch<Partial<AttendeeInput>[] | undefined>('attendees') ?? [];
  const names = attendees.map((a) => a?.name ?? '');
  const repeated = repeatedNames(names);
  const firstOf = (i: number) => names.findIndex((n) => personKey(n) === personKey(names[i]!)) + 1;
  const named = attendees.filter((a, i) => (a?.name ?? '').trim().length > 0 && !repeated.has(i));
  const people = named.map((a) => ({ value: a.name!.trim(), label: `${a.name!.trim()}${a.post ? `（${a.post}）` : ''}` }));
  const heads = named.filter((a) => a.role === 'member').map((a) => ({ value: a.name!.trim(), label: `${a.name!.trim()}${a.post ? `（${a.post}）` : ''}` }));
  return (
    <div className="mt-attendees" data-testid="attendees">
      <div className="mt-att-head" aria-hidden>
        <span>姓名</span>
        <span>职务</span>
        <span>身份</span>
      </div>
      <Form.List name="attendees">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <div key={f.key} className="mt-att-row" data-testid="attendee-row">
                <Form.Item
                  name={[f.name, 'name']}
                  rules={[{ required: true, message: '请填写姓名' }]}
                  {...(repeated.has(f.name) ? { validateStatus: 'warning' as const, help: <span className="mt-att-dup" data-testid="attendee-repeated">与第 {firstOf(f.name)} 人重名</span> } : {})}
                >
                  <Input placeholder="姓名" aria-label={`第 ${i + 1} 人姓名`} maxLength={40} data-testid="attendee-name" />
                </Form.Item>
                <Form.Item name={[f.name, 'post']} rules={[{ required: true, message: '请填写职务' }]}>
                  <Input placeholder="如：副局长、法规科科长" aria-label={`第 ${i + 1} 人职务`} maxLength={60} data-testid="attendee-post" />
                </Form.Item>
                <Form.Item name={[f.name, 'role']}>
                  <Select options={roleOptions} aria-label={`第 ${i + 1} 人身份`} data-testid="attendee-role" />
                </Form.Item>
                <Button type="text" icon={<DeleteOutlined />} aria-label={`删除第 ${i + 1} 人`} disabled={fields.length <= 1} onClick={() => remove(f.name)} />
                {repeated.has(f.name) && (
                  <p className="mt-att-note small t-warn" data-testid="attendee-repeated-note">
                    同一人只列一次，不重复计入出席人数；如确是两人，请加以区分，如“王伟（副局长）”
                  </p>
                )}
              </div>
            ))}
            <Button size="small" icon={<PlusOutlined />} disabled={fields.length >= MAX_ATTENDEES} onClick={() => add({ name: '', post: '', role: 'member' })} data-testid="attendee-add">
              添加人员
            </Button>
          </>
        )}
      </Form.List>
      <div className="mt-roles">
        <Form.Item label="主持人" name="host" rules={[{ required: true, message: '请选择主持人' }]} tooltip="须为出席的负责人">
          <Select options={heads} placeholder="选择出席人员" notFoundContent="请先填写出席（负责人）人员" data-testid="role-host" />
        </Form.Item>
        <Form.Item label="汇报人" name="reporter" rules={[{ required: true, message: '请选择汇报人' }]}>
          <Select options={people} placeholder="选择参会人员" data-testid="role-reporter" />
        </Form.Item>
        <Form.Item label="记录人" name="recorder" rules={[{ required: true, message: '请选择记录人' }]} tooltip="与主持人分别签署集体讨论记录，不能是同一人">
          <Select options={people} placeholder="选择参会人员" data-testid="role-recorder" />
        </Form.Item>
      </div>
    </div>
  );
}
