// The way into the meeting module from the review workbench (queue header): 集体讨论.
import { Button, Tooltip } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import { meetingsHref } from './route';

export function MeetingsButton() {
  return (
    <Tooltip title="集体讨论会议：设置议程、投屏演示、记录与签署">
      <Button type="text" size="small" icon={<TeamOutlined />} href={meetingsHref} aria-label="集体讨论会议" data-testid="open-meetings" />
    </Tooltip>
  );
}
