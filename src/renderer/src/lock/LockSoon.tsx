// The warning a minute before the inactivity lock: the seconds left and 继续使用 (any key or click
// answers it too). Over everything, not in the way of reading.
import { useEffect, useState } from 'react';
import { Button } from 'antd';

export function LockSoon({ lockAt, onStay }: { lockAt: number; onStay: () => void }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.ceil((lockAt - now) / 1000));
  return (
    <div className="lock-soon" role="alert" data-testid="lock-soon">
      <span>
        因无操作，<strong className="num" data-testid="lock-soon-seconds">{seconds}</strong> 秒后将自动锁定。对话框中未提交的内容请先保存。
      </span>
      <Button size="small" type="primary" onClick={onStay} data-testid="lock-soon-stay">
        继续使用
      </Button>
    </div>
  );
}
