import { type ClassInvitationPreviewDto, classInvitationToken } from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { getClassInvitation } from '../../../../api/liaisons';
import { loadSession } from '../../../../api/session';
import { claimUrlFor, rememberInvitation } from '../../../../components/class-invitation';
import { ErrorState } from '../../../../components/error-state';
import { useLoaded } from '../../../../components/use-loaded';
import './index.scss';

const SIGN_IN_URL = '/packages/account/pages/sign-in/index';

const load = async (token: string): Promise<{ invitation: ClassInvitationPreviewDto }> => ({ invitation: await getClassInvitation(token) });

/** The token of the address: `?token=` from a share card, `?scene=ci%3D…` from a mini-program code. */
function tokenOf(params: Record<string, string | undefined>): string | undefined {
  const raw = params.token ?? (params.scene ? decodeURIComponent(params.scene) : undefined);
  return raw ? (classInvitationToken(raw) ?? undefined) : undefined;
}

/**
 * Where a class liaison's invitation lands: who invited whom into which class. Confirming
 * opens the claim with the roster's name and class filled in; someone not signed in signs
 * in first and comes back to it.
 */
export default function ClassInvitationPage() {
  const { params } = useRouter();
  const token = tokenOf(params);
  const { state, reload } = useLoaded(token, load, '邀请链接不完整，请向班级联络人重新索取');

  if (state.status === 'loading') return <Skeleton className="invitation-skeleton" rows={6} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void reload()} />;
  const { invitation } = state;

  const accept = () => {
    if (loadSession()) {
      void Taro.navigateTo({ url: claimUrlFor(invitation.token) });
    } else {
      rememberInvitation(invitation.token);
      void Taro.navigateTo({ url: SIGN_IN_URL });
    }
  };

  return (
    <View className="class-invitation">
      <View className="class-invitation__card">
        <Text className="class-invitation__from">{invitation.invitedBy} 邀请你回到</Text>
        <Text className="class-invitation__class">{invitation.classGroupName}</Text>
        <View className="class-invitation__record">
          <Text className="class-invitation__label">名册中的你</Text>
          <Text className="class-invitation__name">{invitation.name}</Text>
          <Text className="class-invitation__meta">
            {invitation.graduationYear} 届 · {invitation.department.name} · {invitation.className}
          </Text>
        </View>
        {invitation.claimed ? (
          <Text className="class-invitation__done">这条名册记录已完成认证。如果这是你，欢迎回来！</Text>
        ) : (
          <>
            <Text className="class-invitation__hint">认证校友身份后，可以加入班级群、找到同学、参加校友活动。</Text>
            <Button className="class-invitation__accept" type="primary" shape="round" block onClick={accept}>
              是我，去认证
            </Button>
          </>
        )}
      </View>
    </View>
  );
}
