import {
  type ClassInvitationDto,
  type ClassmateDto,
  CLASSMATE_STATE_LABELS,
  type ClassRosterDto,
  type LiaisonClassDto,
} from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Image, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { downloadInvitationCode, getClassRoster, inviteClassmate, listMyLiaisonClasses } from '../../../../api/liaisons';
import { EmptyState } from '../../../../components/empty-state';
import { ErrorState } from '../../../../components/error-state';
import { useLoaded } from '../../../../components/use-loaded';
import { type ClassmateFilter, filterChips, filtered, invitable, invitationTitle } from '../../classmates';
import { CLASS_LEADERBOARD_URL } from '../../urls';
import { useSingleFlight } from '../../../../components/use-single-flight';
import './index.scss';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

/** The class named in the address, or the first class I am liaison of. */
async function load(id: string): Promise<{ roster: ClassRosterDto | null; classes: LiaisonClassDto[] }> {
  const classes = await listMyLiaisonClasses();
  const classGroupId = id === 'mine' ? classes[0]?.classGroupId : id;
  return { roster: classGroupId ? await getClassRoster(classGroupId) : null, classes };
}

/**
 * A class liaison's page (我的 › 班级联络): the class's coverage and place, every classmate
 * on the roster with their contact state (names and the class only), and an invitation for
 * each one not yet verified, by share card or mini-program code.
 */
export default function LiaisonClassPage() {
  const { params } = useRouter();
  const { state, reload, update } = useLoaded(params.id ?? 'mine', load, '');
  const [filter, setFilter] = useState<ClassmateFilter>('all');
  const [invitation, setInvitation] = useState<ClassInvitationDto | null>(null);
  // The share card WeChat asks for when the share button is tapped: the open invitation's.
  const shared = useRef<{ invitation: ClassInvitationDto; className: string } | null>(null);

  usePullDownRefresh(() => void reload(true).finally(() => Taro.stopPullDownRefresh()));
  useShareAppMessage(() => {
    const open = shared.current;
    if (!open) return { title: '班级联络排行榜', path: CLASS_LEADERBOARD_URL };
    return { title: invitationTitle(open.invitation.classmateName, open.className), path: open.invitation.path };
  });

  if (state.status === 'loading') return <Skeleton className="lc-skeleton" rows={10} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void reload()} />;
  const { roster, classes } = state;
  if (!roster) return <EmptyState title="你还不是班级联络人" description="校友会工作人员任命后，这里显示你的班级名册" />;

  const invite = async (classmate: ClassmateDto) => {
    try {
      const made = await inviteClassmate(roster.class.classGroupId, classmate.rosterEntryId);
      shared.current = { invitation: made, className: roster.class.className };
      setInvitation(made);
      update({
        roster: {
          ...roster,
          classmates: roster.classmates.map((c) => (c.rosterEntryId === classmate.rosterEntryId ? { ...c, invitedAt: made.createdAt } : c)),
        },
      });
    } catch {
      // Shown by the request wrapper.
    }
  };

  return (
    <View className="liaison-class">
      {classes.length > 1 ? (
        <View className="lc-classes">
          {classes.map((c) => (
            <Text
              key={c.classGroupId}
              className={`lc-chip lc-class-chip${c.classGroupId === roster.class.classGroupId ? ' lc-chip--on' : ''}`}
              onClick={() => void Taro.redirectTo({ url: `/packages/reach/pages/class/index?id=${c.classGroupId}` })}
            >
              {c.name}
            </Text>
          ))}
        </View>
      ) : null}
      <Coverage klass={roster.class} />
      <View className="lc-chips">
        {filterChips(roster.classmates).map((chip) => (
          <Text
            key={chip.key}
            className={`lc-chip lc-filter lc-filter--${chip.key}${chip.key === filter ? ' lc-chip--on' : ''}`}
            onClick={() => setFilter(chip.key)}
          >
            {chip.label}
          </Text>
        ))}
      </View>
      <View className="lc-list">
        {filtered(roster.classmates, filter).map((classmate) => (
          <View key={classmate.rosterEntryId} className={`lc-mate lc-mate--${classmate.state}`}>
            <View className="lc-mate__body">
              <Text className="lc-mate__name">{classmate.name}</Text>
              <Text className={`lc-state lc-state--${classmate.state}`}>{CLASSMATE_STATE_LABELS[classmate.state]}</Text>
              {classmate.invitedAt ? <Text className="lc-mate__invited">已邀请</Text> : null}
            </View>
            {invitable(classmate) ? (
              <Button
                className="lc-mate__invite"
                size="small"
                type="primary"
                fill="outline"
                shape="round"
                onClick={() => void invite(classmate)}
              >
                邀请
              </Button>
            ) : null}
          </View>
        ))}
      </View>
      {invitation ? (
        <InvitationPanel
          invitation={invitation}
          classGroupId={roster.class.classGroupId}
          onClose={() => {
            shared.current = null;
            setInvitation(null);
          }}
        />
      ) : null}
    </View>
  );
}

function Coverage({ klass }: { klass: LiaisonClassDto }) {
  return (
    <View className="lc-coverage">
      <Text className="lc-coverage__name">{klass.name}</Text>
      <View className="lc-coverage__figures">
        <Text className="lc-coverage__percent">{klass.percent}%</Text>
        <Text className="lc-coverage__hint">
          名册 {klass.graduates} 人，已认证 {klass.reached} 人
        </Text>
      </View>
      <Text className="lc-coverage__rank" onClick={() => void Taro.navigateTo({ url: CLASS_LEADERBOARD_URL })}>
        {klass.rank === null ? '班级排行榜 ›' : `班级排行榜第 ${klass.rank} 名 ›`}
      </Text>
    </View>
  );
}

/** The open invitation: a share card (WeChat) and the mini-program code; in the browser demo, its link. */
function InvitationPanel({
  invitation,
  classGroupId,
  onClose,
}: {
  invitation: ClassInvitationDto;
  classGroupId: string;
  onClose: () => void;
}) {
  const [code, setCode] = useState<string | null>(null);
  const { busy: loadingCode, run } = useSingleFlight();
  const showCode = async () => {
    await run(async () => {
      try {
        setCode(await downloadInvitationCode(classGroupId, invitation.token));
      } catch {
        void Taro.showToast({ title: '小程序码暂时无法生成，请稍后重试', icon: 'none' });
      }
    });
  };
  return (
    <View className="lc-invitation">
      <Text className="lc-invitation__title">邀请 {invitation.classmateName} 认证</Text>
      <Text className="lc-invitation__hint">同学打开邀请并登录后，认证信息已按名册填好，核对后提交即可。</Text>
      {IS_WEAPP ? (
        <Button className="lc-invitation__share" type="primary" shape="round" block openType="share">
          发给微信好友
        </Button>
      ) : (
        <Text className="lc-invitation__link" userSelect>
          {`#${invitation.path}`}
        </Text>
      )}
      {code ? (
        <Image className="lc-invitation__code" src={code} mode="aspectFit" />
      ) : (
        <Button className="lc-invitation__show-code" shape="round" block loading={loadingCode} onClick={() => void showCode()}>
          生成邀请小程序码
        </Button>
      )}
      <Text className="lc-invitation__close" onClick={onClose}>
        完成
      </Text>
    </View>
  );
}
