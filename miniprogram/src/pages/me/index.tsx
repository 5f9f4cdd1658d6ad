import { ROLE_LABELS, type SessionDto } from '@alumni/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Button as WechatButton, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { bindPhone, fetchSessionAlumnus, getDemoPhoneCode, signOut } from '../../api/auth';
import { listMyLiaisonClasses } from '../../api/liaisons';
import { refreshUnreadCount, showUnreadBadge } from '../../api/messages';
import { loadSession } from '../../api/session';
import { useSingleFlight } from '../../components/use-single-flight';
import './index.scss';

const IS_H5 = process.env.TARO_ENV === 'h5';

/** The 我的 tab's entries, in order; staff-only ones show to staff, liaison-only ones to class liaisons. */
const ENTRIES: { url: string; title: string; hint: string; staffOnly?: boolean; liaisonOnly?: boolean; className?: string }[] = [
  { url: '/packages/messages/pages/index/index', title: '消息', hint: '活动提醒、捐赠感谢、善款去向和审核结果', className: 'me-messages' },
  {
    url: '/packages/verification/pages/claim/index',
    title: '校友认证',
    hint: '核对毕业名册，认证后可查找同学',
    className: 'me-verification',
  },
  { url: '/packages/alumni/pages/profile/index', title: '个人资料', hint: '完善资料，设置谁能看到' },
  { url: '/packages/alumni/pages/directory/index', title: '校友录', hint: '查找同学和校友' },
  {
    url: '/packages/alumni/pages/contacts/index',
    title: '联系请求',
    hint: '同学发来的和我发出的联系请求，交换的联系方式',
    className: 'me-contacts',
  },
  {
    url: '/packages/careers/pages/index/index',
    title: '职业发展',
    hint: '找导师、招聘实习、职业资料；我的辅导与投递',
    className: 'me-careers',
  },
  {
    url: '/packages/governance/pages/index/index',
    title: '校友参与',
    hint: '投票选举、建言献策、校友理事会、问卷调查',
    className: 'me-governance',
  },
  {
    url: '/packages/old-photos/pages/index/index',
    title: '老照片',
    hint: '班级与年份照片墙、标记同学、校园时光轴',
    className: 'me-old-photos',
  },
  { url: '/packages/campus-days/pages/reunions/index', title: '班级聚会', hint: '发起或响应同班同学的聚会', className: 'me-reunions' },
  {
    url: '/packages/branches/pages/index/index',
    title: '校友分会',
    hint: '城市、行业、海外和兴趣分会；我管理的分会',
    className: 'me-branches',
  },
  {
    url: '/packages/reach/pages/class/index',
    title: '班级联络',
    hint: '我的班级名册，邀请还没联系上的同学',
    liaisonOnly: true,
    className: 'me-liaison',
  },
  { url: '/packages/giving/pages/mine/index', title: '我的捐赠', hint: '捐赠记录、证书和善款去向' },
  { url: '/packages/giving/pages/monthly/index', title: '我的月捐', hint: '每月捐赠：暂停、修改金额或取消' },
  { url: '/packages/timeline/pages/mine/index', title: '我的足迹', hint: '我与母校的每一次联系' },
  { url: '/packages/staff/pages/index/index', title: '工作台', hint: '协会工作人员', staffOnly: true },
];

export default function MePage() {
  const [session, setSession] = useState<SessionDto | null>(loadSession);
  const [unread, setUnread] = useState(0);
  const [liaison, setLiaison] = useState(false);

  useDidShow(() => {
    const stored = loadSession();
    setSession(stored);
    if (stored) {
      fetchSessionAlumnus().then(
        () => setSession(loadSession()),
        () => setSession(loadSession()),
      );
      refreshUnreadCount().then(setUnread, () => undefined);
      listMyLiaisonClasses().then(
        (classes) => setLiaison(classes.length > 0),
        () => undefined,
      );
    } else {
      showUnreadBadge(0);
    }
  });

  if (!session) return <SignedOut />;
  return <SignedIn session={session} unread={unread} liaison={liaison} onChange={() => setSession(loadSession())} />;
}

function SignedOut() {
  return (
    <View className="me">
      <View className="me-card me-card--signed-out">
        <View className="me-avatar">
          <Text>友</Text>
        </View>
        <Text className="me-name">未登录</Text>
        <Text className="me-hint">登录后可认证校友身份、查找同学、报名活动</Text>
        <Button
          className="me-sign-in"
          type="primary"
          shape="round"
          onClick={() => void Taro.navigateTo({ url: '/packages/account/pages/sign-in/index' })}
        >
          登录
        </Button>
      </View>
    </View>
  );
}

function SignedIn({ session, unread, liaison, onChange }: { session: SessionDto; unread: number; liaison: boolean; onChange: () => void }) {
  const { alumnus } = session;
  const { busy, run } = useSingleFlight();
  const isStaff = alumnus.roles.includes('staff') || alumnus.roles.includes('admin');

  async function bind(getCode: () => Promise<string | undefined>) {
    await run(async () => {
      try {
        const code = await getCode();
        if (!code) {
          void Taro.showToast({ title: '未授权手机号', icon: 'none' });
          return;
        }
        await bindPhone(code);
        void Taro.showToast({ title: '手机号已绑定', icon: 'success' });
        onChange();
      } catch {
        // request() has already shown the server's message.
      }
    });
  }

  async function leave() {
    await signOut();
    showUnreadBadge(0);
    onChange();
  }

  return (
    <View className="me">
      <View className="me-card">
        <View className="me-avatar">
          <Text>{alumnus.displayName.slice(0, 1)}</Text>
        </View>
        <Text className="me-name">{alumnus.displayName}</Text>
        <Text className="me-hint">{alumnus.roles.map((role) => ROLE_LABELS[role]).join(' · ')}</Text>
      </View>

      {alumnus.consentRequired && (
        <View className="me-entry me-entry--warning" onClick={() => void Taro.navigateTo({ url: '/packages/account/pages/privacy/index' })}>
          <Text className="me-entry__title">请先阅读并同意隐私政策</Text>
          <Text className="me-entry__hint">同意后才能完善资料</Text>
        </View>
      )}

      <View className="me-entry me-phone">
        <Text className="me-entry__title">手机号</Text>
        {alumnus.phoneMasked ? (
          <Text className="me-entry__hint me-phone__masked">{alumnus.phoneMasked}</Text>
        ) : IS_H5 ? (
          <Button className="me-phone__bind" size="small" shape="round" loading={busy} onClick={() => void bind(demoPhoneCode)}>
            绑定手机号
          </Button>
        ) : (
          <WechatButton
            className="me-phone__bind me-phone__bind--wechat"
            openType="getPhoneNumber"
            disabled={busy}
            onGetPhoneNumber={(event) => void bind(async () => (event.detail as { code?: string }).code)}
          >
            绑定手机号
          </WechatButton>
        )}
      </View>

      {ENTRIES.filter((entry) => (!entry.staffOnly || isStaff) && (!entry.liaisonOnly || liaison)).map((entry) => (
        <View key={entry.url} className={`me-entry ${entry.className ?? ''}`} onClick={() => void Taro.navigateTo({ url: entry.url })}>
          <Text className="me-entry__title">{entry.title}</Text>
          {entry.className === 'me-messages' && unread > 0 ? (
            <Text className="me-entry__badge">{unread > 99 ? '99+' : `${unread} 条未读`}</Text>
          ) : (
            <Text className="me-entry__hint">{entry.hint}</Text>
          )}
        </View>
      ))}

      <Button className="me-sign-out" fill="outline" shape="round" block onClick={() => void leave()}>
        退出登录
      </Button>
    </View>
  );
}

/** H5 demo: the fake WeChat releases a made-up mainland number, as the getPhoneNumber button would a real one. */
async function demoPhoneCode(): Promise<string> {
  const number = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  return (await getDemoPhoneCode(number)).code;
}
