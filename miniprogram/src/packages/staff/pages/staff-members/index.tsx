import { ROLE_LABELS, type StaffMemberDto } from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { EmptyState } from '../../../../components/empty-state';
import { ErrorState } from '../../../../components/error-state';
import { useStaffMembers } from './use-staff-members';
import { useSingleFlight } from '../../../../components/use-single-flight';
import './index.scss';

const roleText = (member: StaffMemberDto) =>
  member.roles.includes('admin') ? ROLE_LABELS.admin : member.roles.includes('staff') ? ROLE_LABELS.staff : ROLE_LABELS.alumnus;
const nameOf = (member: StaffMemberDto) => member.realName ?? member.displayName;

export default function StaffMembersPage() {
  const { state, candidates, reload, search, grant, revoke } = useStaffMembers();
  const [q, setQ] = useState('');
  const { run, confirmThen } = useSingleFlight();

  if (state.status === 'loading') return <Skeleton className="staff-members-skeleton" rows={6} animated />;
  if (state.status === 'failed') {
    return state.code === 'FORBIDDEN' ? (
      <EmptyState title="仅管理员可以管理工作人员" description="如需调整工作人员，请联系校友会管理员。" />
    ) : (
      <ErrorState message={state.message} onRetry={() => void reload()} />
    );
  }

  // One dialog at a time: a second tap on 撤销 (or 授权) while one is up asks nothing and changes nothing again.
  const confirmRevoke = (member: StaffMemberDto) =>
    confirmThen(
      {
        title: '撤销工作人员',
        content: `确定撤销「${nameOf(member)}」的${roleText(member)}身份吗？对方将立即失去工作台权限。`,
        confirmText: '撤销',
        confirmColor: '#d93026',
      },
      async () => {
        if (await revoke(member.id)) void Taro.showToast({ title: '已撤销', icon: 'success' });
      },
    );

  const chooseRole = (member: StaffMemberDto) =>
    run(async () => {
      const choice = await Taro.showActionSheet({ itemList: ['设为工作人员', '设为管理员'] }).catch(() => null);
      if (choice && (await grant(member.id, choice.tapIndex === 1))) void Taro.showToast({ title: '已授权', icon: 'success' });
    });

  return (
    <View className="staff-members">
      <Text className="staff-members__title">现有工作人员（{state.members.length}）</Text>
      <View className="staff-members__list">
        {state.members.length === 0 ? (
          <EmptyState title="还没有工作人员" />
        ) : (
          state.members.map((member) => (
            <View key={member.id} className="staff-member">
              <View className="staff-member__text">
                <Text className="staff-member__name">{nameOf(member)}</Text>
                <Text className={member.roles.includes('admin') ? 'staff-member__role staff-member__role--admin' : 'staff-member__role'}>
                  {roleText(member)}
                </Text>
              </View>
              <Text className="staff-member__action staff-member__action--danger" onClick={() => void confirmRevoke(member)}>
                撤销
              </Text>
            </View>
          ))
        )}
      </View>

      <Text className="staff-members__title">添加工作人员</Text>
      <View className="staff-members__search">
        <Input
          className="staff-members__input"
          value={q}
          placeholder="输入校友姓名或昵称"
          confirmType="search"
          onInput={(e) => setQ(e.detail.value)}
          onConfirm={() => void search(q)}
        />
        <Button type="primary" size="small" shape="round" onClick={() => void search(q)}>
          查找
        </Button>
      </View>
      {candidates === null ? null : candidates.length === 0 ? (
        <EmptyState title="没有找到这位校友" description="请确认对方已登录过小程序，并检查姓名是否正确。" />
      ) : (
        <View className="staff-members__list">
          {candidates.map((candidate) => (
            <View key={candidate.id} className="staff-member">
              <View className="staff-member__text">
                <Text className="staff-member__name">{nameOf(candidate)}</Text>
                <Text className="staff-member__role">{roleText(candidate)}</Text>
              </View>
              <Text className="staff-member__action" onClick={() => void chooseRole(candidate)}>
                授权
              </Text>
            </View>
          ))}
        </View>
      )}
      <Text className="staff-members__note">每次授权和撤销都会记入审计日志。管理员不能撤销自己的身份，请由其他管理员操作。</Text>
    </View>
  );
}
