import { Button } from '@nutui/nutui-react-taro';
import { Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { useSingleFlight } from './use-single-flight';
import './decision.scss';

interface DecisionProps {
  approveLabel: string;
  /** 拒绝 or 驳回: the reject button, its confirmation and its toast say it. */
  rejectVerb: string;
  /** The reason the other side reads; required for group proposals and claims, optional for join requests. */
  reasonRequired: boolean;
  reasonPlaceholder: string;
  reasonMaxLength: number;
  /** Left out where the only decision is to take something down (a public job post). */
  approve?: () => Promise<unknown>;
  /** Asked before approving where it cannot be undone (a verified claim fills the profile and opens the directory). */
  approveConfirmation?: { title: string; content: string };
  reject: (reason: string | undefined) => Promise<unknown>;
  /** The decided item leaves its list. */
  onDecided: () => void;
}

/**
 * How a staff decision runs (Decision below, the duplicate records' merge and dismissal): one at
 * a time, confirmation included (useSingleFlight: a second tap before the page renders again
 * opens no second confirmation), a toast when done, and the decided item leaves its list; a
 * refusal (e.g. decided meanwhile by someone else) was shown by the request wrapper.
 * `confirmThen` asks first and acts only when confirmed.
 */
export function useDecide(onDecided: () => void) {
  const { busy, run, confirmThen: ask } = useSingleFlight();
  const decide = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      void Taro.showToast({ title: done, icon: 'success' });
      onDecided();
    } catch {
      // The request wrapper showed why.
    }
  };
  const act = (action: () => Promise<unknown>, done: string) => run(() => decide(action, done));
  const confirmThen = (
    confirmation: { title: string; content: string; confirmText: string },
    action: () => Promise<unknown>,
    done: string,
  ) => ask(confirmation, () => decide(action, done));
  return { busy, act, confirmThen };
}

/** Approve, or reject with a reason: a join request (group admins), a group proposal, a verification claim, a careers post (staff). */
export function Decision({
  approveLabel,
  rejectVerb,
  reasonRequired,
  reasonPlaceholder,
  reasonMaxLength,
  approve,
  approveConfirmation,
  reject,
  onDecided,
}: DecisionProps) {
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const { busy, act, confirmThen } = useDecide(onDecided);

  const confirmThenApprove = (action: () => Promise<unknown>) =>
    approveConfirmation ? confirmThen({ ...approveConfirmation, confirmText: '通过' }, action, '已通过') : act(action, '已通过');

  if (!rejecting) {
    return (
      <View className="decision__actions">
        <Button className="decision__reject" size="small" shape="round" onClick={() => setRejecting(true)}>
          {rejectVerb}
        </Button>
        {approve ? (
          <Button
            className="decision__approve"
            size="small"
            shape="round"
            type="primary"
            loading={busy}
            onClick={() => void confirmThenApprove(approve)}
          >
            {approveLabel}
          </Button>
        ) : null}
      </View>
    );
  }
  return (
    <View>
      <Textarea
        className="decision__reason"
        value={reason}
        maxlength={reasonMaxLength}
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
          onClick={() => void act(() => reject(reason.trim() || undefined), `已${rejectVerb}`)}
        >
          确认{rejectVerb}
        </Button>
      </View>
    </View>
  );
}
