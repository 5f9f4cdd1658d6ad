import type { GroupDetailDto, GroupJoinResultDto } from '@alumni/shared';
import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { joinGroup, leaveGroup } from '../../api/groups';
import { askForMessages } from '../../api/notifications';
import type { JoinModel } from './join-model';
import { useSingleFlight } from '../../components/use-single-flight';

const SIGN_IN_URL = '/packages/account/pages/sign-in/index';
const VERIFY_URL = '/packages/verification/pages/claim/index';

/** What the leave/withdraw confirmation says, in the words of what is left (a group, a branch). */
export interface LeaveWords {
  title: string;
  content: string;
}

/**
 * The join button's tap, for a group page and a branch page alike (a branch is joined through
 * its home group): sign in, verify, join, apply (asking for the decision's message in the tap,
 * as WeChat requires), or leave / withdraw after a confirmation. `reload` runs after a change.
 */
export function useJoinAction(
  group: GroupDetailDto,
  model: JoinModel,
  { leave, reload, onJoined }: { leave: LeaveWords; reload: () => Promise<void>; onJoined?: (result: GroupJoinResultDto) => void },
) {
  const { busy, run, confirmThen } = useSingleFlight();

  const change = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      void Taro.showToast({ title: done, icon: 'success' });
      await reload();
    } catch {
      // The request wrapper showed why.
    }
  };

  const tap = async () => {
    switch (model.action) {
      case 'sign-in':
        return void Taro.navigateTo({ url: SIGN_IN_URL });
      case 'verify':
        return void Taro.navigateTo({ url: VERIFY_URL });
      case 'join':
        return run(() => change(async () => onJoined?.(await joinGroup(group.id)), '已加入'));
      case 'request':
        return run(() =>
          change(async () => {
            // The admins decide later: ask (in the tap, as WeChat requires) to hear the outcome.
            await askForMessages(['groupJoinDecision']);
            await joinGroup(group.id);
          }, '已提交申请'),
        );
      case 'withdraw':
      case 'leave': {
        const leaving = model.action === 'leave';
        return confirmThen(
          {
            title: leaving ? leave.title : '撤回申请',
            content: leaving ? leave.content : '撤回后可以随时重新申请。',
            confirmText: leaving ? '退出' : '撤回',
          },
          () => change(() => leaveGroup(group.id), leaving ? '已退出' : '已撤回'),
        );
      }
      default:
        return;
    }
  };

  return { busy, tap };
}

/**
 * The join button itself (class `block block--<action>`): primary while it offers to join,
 * plain for leaving, withdrawing or nothing to do.
 */
export function JoinButton({
  group,
  model,
  block,
  ...options
}: {
  group: GroupDetailDto;
  model: JoinModel;
  block: string;
  leave: LeaveWords;
  reload: () => Promise<void>;
  onJoined?: (result: GroupJoinResultDto) => void;
}) {
  const { busy, tap } = useJoinAction(group, model, options);
  const secondary = model.action === 'leave' || model.action === 'withdraw' || model.action === 'none';
  return (
    <Button
      className={`${block} ${block}--${model.action}`}
      type={secondary ? 'default' : 'primary'}
      shape="round"
      loading={busy}
      disabled={model.action === 'none'}
      onClick={() => void tap()}
    >
      {model.label}
    </Button>
  );
}
