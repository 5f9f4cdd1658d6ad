import { GROUP_LIMITS } from '@alumni/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import './group-decision.scss';

interface GroupDecisionProps {
  approveLabel: string;
  /** The reason the other side reads; required for group proposals, optional for join requests. */
  reasonRequired: boolean;
  reasonPlaceholder: string;
  approve: () => Promise<unknown>;
  reject: (reason: string | undefined) => Promise<unknown>;
  /** The decided item leaves its list. */
  onDecided: () => void;
}

/** Approve, or reject with a reason: a join request (group admins) or a group proposal (staff). */
export function GroupDecision({ approveLabel, reasonRequired, reasonPlaceholder, approve, reject, onDecided }: GroupDecisionProps) {
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  const act = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await action();
      void Taro.showToast({ title: done, icon: 'success' });
      onDecided();
    } catch {
      // The request wrapper showed why (e.g. decided already by someone else).
    } finally {
      setBusy(false);
    }
  };

  if (!rejecting) {
    return (
      <View className="decision__actions">
        <Button className="decision__reject" size="small" shape="round" onClick={() => setRejecting(true)}>
          拒绝
        </Button>
        <Button
          className="decision__approve"
          size="small"
          shape="round"
          type="primary"
          loading={busy}
          onClick={() => void act(approve, '已通过')}
        >
          {approveLabel}
        </Button>
      </View>
    );
  }
  return (
    <View>
      <Textarea
        className="decision__reason"
        value={reason}
        maxlength={GROUP_LIMITS.rejectReason}
        placeholder={reasonPlaceholder}
        onInput={(e) => setReason(e.detail.value)}
      />
      <View className="decision__actions">
        <Button size="small" shape="round" onClick={() => setRejecting(false)}>
          取消
        </Button>
        <Button
          className="decision__confirm-reject"
          size="small"
          shape="round"
          type="danger"
          loading={busy}
          disabled={reasonRequired && reason.trim() === ''}
          onClick={() => void act(() => reject(reason.trim() || undefined), '已拒绝')}
        >
          确认拒绝
        </Button>
      </View>
    </View>
  );
}
