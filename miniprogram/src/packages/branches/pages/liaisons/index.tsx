import type { StaffLiaisonClassDto } from '@alumni/shared';
import { Skeleton } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { listBranchLiaisonClasses } from '../../../../api/liaisons';
import { EmptyState } from '../../../../components/empty-state';
import { ErrorState } from '../../../../components/error-state';
import { useLoaded } from '../../../../components/use-loaded';
import { LiaisonClassCard } from '../../../reach/liaison-class-card';
import '../../ui.scss';
import './index.scss';

const load = async (branchId: string): Promise<{ classes: StaffLiaisonClassDto[] }> => ({
  classes: await listBranchLiaisonClasses(branchId),
});

/**
 * A branch admin's 班级联络人: the classes within the branch — those at least one member of the
 * branch is verified in — with coverage and liaisons; the admin appoints liaisons from the
 * branch's members verified in the class, and ends appointments (docs/reach.md).
 */
export default function BranchLiaisonsPage() {
  const { params } = useRouter();
  const branchId = params.id ?? '';
  const { state, reload, update } = useLoaded(branchId, load, '链接无效，找不到对应的分会');
  const replace = (next: StaffLiaisonClassDto) =>
    state.status === 'ready' && update({ classes: state.classes.map((c) => (c.classGroupId === next.classGroupId ? next : c)) });

  return (
    <View className="br-page branch-liaisons">
      <Text className="br-lead">
        本分会成员所在的班级。联络人从本分会成员中本班已认证的校友任命，可查看本班名册的联系状态，邀请失联同学认证。
      </Text>
      {state.status === 'loading' ? (
        <Skeleton rows={8} animated />
      ) : state.status === 'failed' ? (
        <ErrorState message={state.message} onRetry={() => void reload()} />
      ) : state.classes.length === 0 ? (
        <EmptyState title="还没有班级" description="分会成员完成校友认证后，这里列出他们所在的班级" />
      ) : (
        state.classes.map((c) => <LiaisonClassCard key={c.classGroupId} klass={c} scope={{ branchId }} onChanged={replace} />)
      )}
    </View>
  );
}
